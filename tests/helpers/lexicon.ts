import { parseLexicon } from '../../src/lexicon/load.js';
import { compileLexicon, type CompiledLexicon } from '../../src/lexicon/compile.js';

/** Compiles an inline YAML lexicon for a test. */
export function compileYaml(yamlText: string): CompiledLexicon {
  return compileLexicon(parseLexicon(yamlText, 'test.yml'));
}
