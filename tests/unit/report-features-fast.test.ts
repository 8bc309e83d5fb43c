/**
 * The report features' shortcuts (docs/scale.md, session 11) must give exactly what the plain way gives: the opening's
 * words taken from the whole text's one word pass, the opening terms ranked a count at a time, normalizeWord's skip
 * of its replaces, and the reader's exact-duplicate key collapsing whitespace by a scan. Each test compares with the
 * plain way written out here, and fails when the shortcut errs.
 */
import { describe, expect, it } from 'vitest';
import { documentFeatures, termCounts } from '../../src/report/features.js';
import { MAX_OPENING_TERMS, openingTerms, rankOpeningTerms } from '../../src/stats/event-similarity.js';
import { OPENING_CHARS } from '../../src/text/event-date.js';
import { dictionaryWords, hasLetter, normalizeWord } from '../../src/text/words.js';
import { ENGLISH_STOPWORDS } from '../../src/text/stopwords.js';
import { collapseWhitespace, normalizeForDedupe } from '../../src/corpus/dedupe.js';

const LIMIT = OPENING_CHARS * 2;

/** openingTerms as it was written before: its own word pass over the cut-off opening, one sort of every word. */
function plainOpening(text: string): string {
  const counts = new Map<string, number>();
  for (const w of dictionaryWords(text.slice(0, LIMIT)).words) {
    if (w.length < 3 || !hasLetter(w) || ENGLISH_STOPWORDS.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_OPENING_TERMS)
    .map(([t, n]) => (n > 1 ? `${t}:${n}` : t)).join(' ');
}

/** A text whose word `word` starts `before` characters ahead of the opening's end. */
function straddling(word: string, before: number): string {
  const lead = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike ';
  let text = '';
  while (text.length < LIMIT - before - lead.length) text += lead;
  text += ' '.repeat(LIMIT - before - text.length);
  return `${text}${word} tail words after the opening`;
}

describe('report features from one word pass', () => {
  it('reads a word cut by the opening\'s end as the opening\'s own pass reads it', () => {
    const words = ['Iran-backed', 'U.S.', 'don’t', 'sub-sub-committee', 'counter-offensive', 'well-known.x', "rebels'", 'Zürich-based'];
    for (const word of words) {
      for (let before = -2; before <= word.length + 1; before++) {
        const text = straddling(word, before);
        const f = documentFeatures(text, undefined);
        expect(f.opening, `${word} ${before}`).toBe(plainOpening(text));
        expect(f.terms, `${word} ${before}`).toEqual([...termCounts(text)]);
      }
    }
  });

  it('keeps the keyness counts and stop words as termCounts does', () => {
    const text = 'The army said the strikes hit U.S. bases; the army’s statement said 3 bases. ' + 'Strikes again. '.repeat(200);
    const stop = new Set(['the', 'said']);
    expect(documentFeatures(text, '2024-01-02', stop).terms).toEqual([...termCounts(text, stop)]);
    expect(documentFeatures(text, undefined).opening).toBe(plainOpening(text));
  });

  it('ranks opening terms as one sort by count and locale would, ties and all', () => {
    // Deterministic pseudo-random words: plain ones, possessives, hyphens, accents and digits, counts 1 to 4.
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ['ab', 'ba', 'a', 'z', 'iran', "'s", '-led', 'é', 'e', '2024', 'x1', 'oz', 'Ø', 'aa'];
    for (let round = 0; round < 300; round++) {
      const counts = new Map<string, number>();
      const size = 1 + Math.floor(next() * 60);
      for (let k = 0; k < size; k++) {
        let w = '';
        const parts = 1 + Math.floor(next() * 3);
        for (let p = 0; p < parts; p++) w += pieces[Math.floor(next() * pieces.length)];
        counts.set(w, 1 + Math.floor(next() * next() * 4));
      }
      const plain = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_OPENING_TERMS);
      expect(rankOpeningTerms(counts), `round ${round}`).toEqual(plain);
    }
  });

  it('openingTerms still reads an opening of any length', () => {
    const text = 'Rockets hit the base. Rockets hit again; officials said rockets came from the north. '.repeat(30);
    // 200 characters hold two whole repeats and "Rockets hit the base. Rockets" of a third.
    expect(openingTerms(text, 200).slice(0, 3)).toEqual([['rockets', 8], ['hit', 5], ['base', 3]]);
  });
});

describe('normalizeWord', () => {
  it('straightens curly apostrophes and Unicode hyphens, and only lowercases other words', () => {
    expect(normalizeWord('Don’t')).toBe("don't");
    expect(normalizeWord('‘Quoted’')).toBe("'quoted'");
    expect(normalizeWord('Iranʼs')).toBe("iran's");
    expect(normalizeWord('Anti‐war')).toBe('anti-war');
    expect(normalizeWord('non‑stop')).toBe('non-stop');
    expect(normalizeWord('ZÜRICH')).toBe('zürich');
    expect(normalizeWord('Straße')).toBe('straße');
  });
});

describe('collapseWhitespace (the exact-duplicate key)', () => {
  it('matches the regular expression\'s replace on every whitespace character and around surrogates', () => {
    const spaces: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (/\s/u.test(String.fromCharCode(c))) spaces.push(String.fromCharCode(c));
    expect(spaces.length).toBeGreaterThan(20);
    const plain = (s: string): string => s.replace(/\s+/gu, ' ');
    for (const sp of spaces) {
      for (const s of [`a${sp}b`, `${sp}a b${sp}`, `a ${sp} b`, `a${sp}${sp}b c`, sp, `😀${sp}😀`, `x\ud800${sp}y`]) {
        expect(collapseWhitespace(s), JSON.stringify(s)).toBe(plain(s));
      }
    }
    for (const s of ['', 'one', 'a b c', 'para one.\n\npara two.', ' lead', 'trail ', 'a\u200bb']) {
      expect(collapseWhitespace(s)).toBe(plain(s));
    }
  });

  it('keeps the key of a document as before', () => {
    expect(normalizeForDedupe('  Cafe\u0301 \n\n opens\u00a0today. ')).toBe('Café opens today.');
  });
});
