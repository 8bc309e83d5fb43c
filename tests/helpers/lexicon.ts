import { loadLexicons, parseLexicon } from '../../src/lexicon/load.js';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import { defaultLexiconPath } from '../../src/paths.js';
import { compileLexicon, type CompiledLexicon } from '../../src/lexicon/compile.js';

/** Compiles an inline YAML lexicon for a test. */
export function compileYaml(yamlText: string): CompiledLexicon {
  return compileLexicon(parseLexicon(yamlText, 'test.yml'));
}

let bundled: CompiledLexicon | undefined;

/**
 * The actor-label hits the bundled lexicon reads in a made-up sentence, with the words they cover: what the tests of
 * label classes (tests/unit/lexicon-batch-*.test.ts) compare.
 */
export function madeUpActorHits(text: string): Array<{ text: string; label: string; referent: string | null; weight: number }> {
  bundled ??= compileLexicon(loadLexicons([defaultLexiconPath()]));
  return analyzeDocument({ id: 'made-up', text, outlet: 'Test', title: '', source: { file: 'made-up.txt' } } as never, bundled)
    .hits.filter((h) => h.category === 'actor-label')
    .map((h) => ({ text: text.slice(h.start, h.end), label: h.label, referent: h.referent ?? null, weight: h.weight }));
}
