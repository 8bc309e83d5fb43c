/**
 * The Term page's occurrences table built as one string (linesTableHtml) equals the JSX it replaced, byte for byte:
 * words, stems, phrases and labels, lines of a label in one voice, and a document full of markup.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/types.js';
import { createState, type AppState } from '../../src/server/state.js';
import { termResults } from '../../src/server/term.js';
import { hitLines } from '../../src/server/hits-list.js';
import { linesTableHtml } from '../../src/server/views/term-page.js';
import { generateCorpus } from '../../bench/corpus.js';
import { evilDocument, lexicon, seedsDir } from './server-fixture.js';
import { ReferenceLinesTable } from './reference-term-lines.js';

let state: AppState;
beforeAll(() => {
  const docs: Document[] = [...generateCorpus(seedsDir, 200 * 1024), evilDocument()];
  state = createState({ compiled: lexicon(), documents: docs, reportOptions: { resamples: 20 } });
});

const reference = async (term: string, lines: Parameters<typeof linesTableHtml>[2]) =>
  String(await (ReferenceLinesTable({ state, term, lines }) as unknown as { toString(): string | Promise<string> }).toString());

describe('Term lines as one string', () => {
  it('equal the JSX table for words, stems, phrases and labels, markup in the texts included', async () => {
    const labels = [...state.labelUse.keys()];
    const terms = ['militia*', 'forces', 'us forces', 'Iran-backed', 'the', 'so-called', 'alert', 'script', 'onerror', "it's", ...labels];
    let lines = 0;
    for (const term of terms) {
      const first = termResults(state, term, 1, 50, { background: false, budgetMs: 1e9 });
      for (let page = 1; page <= Math.min(2, first.paging.pages); page++) {
        const result = page === 1 ? first : termResults(state, term, page, 50, { background: false, budgetMs: 1e9 });
        lines += result.lines.length;
        expect(linesTableHtml(state, term, result.lines), `${term} page ${page}`).toBe(await reference(term, result.lines));
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('equal the JSX table for a label\'s lines in one voice', async () => {
    let lines = 0;
    for (const label of [...state.labelUse.keys()].slice(0, 20)) {
      for (const voice of ['author', 'quoted', 'attributed'] as const) {
        const { lines: hits } = hitLines(state, { label, voice }, 1);
        lines += hits.length;
        expect(linesTableHtml(state, label, hits)).toBe(await reference(label, hits));
      }
    }
    expect(lines).toBeGreaterThan(50);
  });

  it('escapes a term with markup as JSX did', async () => {
    expect(linesTableHtml(state, '<b>"x" & \'y\'', [])).toBe(await reference('<b>"x" & \'y\'', []));
  });
});
