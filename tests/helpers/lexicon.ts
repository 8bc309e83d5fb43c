import { loadLexicons, parseLexicon } from '../../src/lexicon/load.js';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import { defaultLexiconPath } from '../../src/paths.js';
import { compileLexicon, type CompiledLexicon } from '../../src/lexicon/compile.js';
import type { Document, Hit } from '../../src/types.js';

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

/**
 * The actor-label hits on exactly the words `surface` in a made-up one-document text (id "d", outlet "o") under the
 * bundled lexicon: what the tests of resolution classes (tests/unit/resolve-2*.test.ts) look at.
 */
export function labelHitsOn(text: string, surface: string): Hit[] {
  bundled ??= compileLexicon(loadLexicons([defaultLexiconPath()]));
  const doc: Document = { id: 'd', outlet: 'o', text, source: { file: 't' }, meta: {} } as Document;
  return analyzeDocument(doc, bundled).hits.filter((h) => h.text === surface && h.category === 'actor-label');
}

/** The last (or the first) of `labelHitsOn`; an error naming the text when there is none. */
export function labelHitOn(text: string, surface: string, which: 'first' | 'last' = 'last'): Hit {
  const found = labelHitsOn(text, surface);
  if (found.length === 0) throw new Error(`no hit "${surface}" in: ${text}`);
  return which === 'first' ? found[0] : found[found.length - 1];
}
