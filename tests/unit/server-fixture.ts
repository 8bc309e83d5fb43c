/** Shared fixture for the server tests: the seed corpus plus one hostile document, analyzed with the default lexicon. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../../src/types.js';
import { readCorpus } from '../../src/corpus/read.js';
import { loadCompiled } from '../../src/cli/common.js';
import type { CompiledLexicon } from '../../src/lexicon/compile.js';
import { createState, type AppState } from '../../src/server/state.js';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const seedsDir = path.join(repo, 'corpus/seeds');

/** An outlet name that tries to close a script block and a title and text full of markup. */
export const EVIL_OUTLET = '</script><script>alert("outlet")</script>';
export const EVIL_TEXT =
  'Iran-backed militias attacked US forces again. <script>alert(1)</script> The so-called "resistance" said ' +
  '<img src=x onerror=alert(1)> that the occupation forces must leave. & more.';

export function evilDocument(): Document {
  return {
    id: 'xss-doc',
    outlet: EVIL_OUTLET,
    title: '<b onmouseover=alert(2)>Bold title</b>',
    date: '2023-12-01',
    url: 'javascript:alert(3)',
    text: EVIL_TEXT,
    source: { file: '<evil>.md' },
    meta: {},
  };
}

let compiled: CompiledLexicon | undefined;
let seeds: Document[] | undefined;

export async function seedDocuments(): Promise<Document[]> {
  seeds ??= (await readCorpus([seedsDir])).documents;
  return seeds;
}

export function lexicon(): CompiledLexicon {
  compiled ??= loadCompiled(undefined);
  return compiled;
}

/**
 * Each seed cut into three documents at the paragraph breaks nearest its thirds: three documents per outlet, so that
 * stance intervals exist (fewer than three documents give none). Texts are exact slices of the seeds.
 */
export function thirds(doc: Document): Document[] {
  const breaks = [...doc.text.matchAll(/\n+/g)].map((m) => (m.index ?? 0) + m[0].length);
  const nearest = (at: number) => breaks.reduce((best, b) => (Math.abs(b - at) < Math.abs(best - at) ? b : best), breaks[0] ?? 0);
  const [c1, c2] = [nearest(doc.text.length / 3), nearest((2 * doc.text.length) / 3)];
  return [
    { ...doc, id: `${doc.id}-a`, text: doc.text.slice(0, c1) },
    { ...doc, id: `${doc.id}-b`, text: doc.text.slice(c1, c2) },
    { ...doc, id: `${doc.id}-c`, text: doc.text.slice(c2) },
  ];
}

/** A fresh state (tests that add documents must not share one). Small bootstrap: the numbers are not under test. */
export async function freshState(options: { evil?: boolean; split?: boolean } = {}): Promise<AppState> {
  const seeds = await seedDocuments();
  const documents = options.split ? seeds.flatMap(thirds) : [...seeds];
  if (options.evil !== false) documents.push(evilDocument());
  return createState({ compiled: lexicon(), documents, reportOptions: { resamples: 200 } });
}
