/**
 * Phrases with punctuation between their words ("Iran-backed", "U.S. forces"): the term index's word positions say
 * which documents hold the words side by side, and only those texts are read to count the phrase exactly.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/types.js';
import { createState } from '../../src/server/state.js';
import { phraseJoins, termResults } from '../../src/server/term.js';
import { keywordInContext } from '../../src/analysis/kwic.js';
import { lexicon } from './server-fixture.js';

const TEXTS: Record<string, string> = {
  hyphen: 'Iran-backed militias fired at the base. Another Iran-backed group said nothing.',
  apart: 'Iran said the strike was backed by the parliament.',
  spaced: 'Iran backed the militias, officials said.',
  dotted: 'U.S. forces struck two sites; US forces and U.S forces are not this phrase.',
  dash: 'An Iran–backed group (with an en dash) and the so-called "resistance" spoke.',
  none: 'Nothing here mentions either word.',
};

/** Documents whose texts count every read, by id. */
function countingDocuments(reads: Map<string, number>): Document[] {
  return Object.entries(TEXTS).map(([id, text], k) => {
    const doc = { id, outlet: `Outlet ${k % 2}`, date: '2024-02-01', title: id, source: { file: 'test' }, meta: {} } as unknown as Document;
    Object.defineProperty(doc, 'text', { enumerable: true, get: () => {
      reads.set(id, (reads.get(id) ?? 0) + 1);
      return text;
    } });
    return doc;
  });
}

describe('phraseJoins', () => {
  it('says, for each word of an ASCII phrase, whether only whitespace, hyphens or en dashes stand before it', () => {
    expect(phraseJoins('Iran-backed')).toEqual([true, true]);
    expect(phraseJoins('Iran–backed')).toEqual([true, true]);
    expect(phraseJoins('U.S. forces')).toEqual([true, false, false]);
    expect(phraseJoins('so-called "resistance"')).toEqual([true, true, false]);
    expect(phraseJoins("Kata'ib Hezbollah")).toEqual([true, false, true]);
  });

  it('gives nothing for one word or a phrase with characters beyond ASCII', () => {
    expect(phraseJoins('militias')).toBeUndefined();
    expect(phraseJoins('Hezbollah’s fighters')).toBeUndefined();
    expect(phraseJoins('café-bar')).toBeUndefined();
  });
});

describe('a phrase with punctuation between its words', () => {
  const reads = new Map<string, number>();
  const documents = countingDocuments(reads);
  const state = createState({ compiled: lexicon(), documents, reportOptions: { resamples: 10 } });
  // The word index is built on the first word query: its reads are not the phrase's.
  termResults(state, 'militias', 1, 50, { budgetMs: Infinity });

  it.each(['Iran-backed', 'Iran–backed', 'U.S. forces', 'so-called "resistance"', 'Iran - backed', 'U.S forces'])('"%s" counts what a scan of every text finds', (term) => {
    const scanned = documents.flatMap((d, i) => keywordInContext(d, state.analyses[i], term));
    const result = termResults(state, term, 1, 1000, { budgetMs: Infinity, background: false });
    expect(result.totalExact).toBe(true);
    expect(result.total).toBe(scanned.length);
    expect(result.lines).toEqual(scanned);
  });

  it('reads only the texts where the words stand side by side', () => {
    const fresh = createState({ compiled: lexicon(), documents, analyses: state.analyses, reportOptions: { resamples: 10 } });
    termResults(fresh, 'militias', 1, 50, { budgetMs: Infinity });
    reads.clear();
    const result = termResults(fresh, 'Iran-backed', 1, 1000, { budgetMs: Infinity, background: false });
    expect(result.total).toBe(2);
    // "apart" holds both words but not side by side; "spaced" holds them side by side, joined by a space, so its
    // text is read and found not to hold the hyphen.
    expect(reads.get('apart') ?? 0).toBe(0);
    expect(reads.get('spaced') ?? 0).toBeGreaterThan(0);
    expect(reads.get('none') ?? 0).toBe(0);
  });
});
