import { describe, expect, it } from 'vitest';
import { KeyPostings } from '../../src/stats/postings.js';
import { shingleSequence, shingleSet } from '../../src/stats/duplicates.js';

describe('KeyPostings', () => {
  it('counts and lists the documents of each key, through table growth', () => {
    const postings = new KeyPostings();
    for (let doc = 0; doc < 3000; doc++) {
      postings.add(doc, doc); // one document per key
      postings.add(7 + (doc % 3) * 1_000_003, doc); // three keys shared by a thousand documents each
    }
    expect(postings.count(5)).toBe(1);
    expect(postings.count(7)).toBe(1001); // key 7 is also document 7's own key
    expect(postings.count(7 + 1_000_003)).toBe(1000);
    expect(postings.count(123_456_789)).toBe(0);
    const seen: number[] = [];
    postings.forEach(7 + 2 * 1_000_003, (d) => seen.push(d));
    expect(seen).toHaveLength(1000);
    expect(seen[0]).toBe(2999); // newest first
    expect(new Set(seen.map((d) => d % 3))).toEqual(new Set([2]));
    // tally: counts per document below a bound, each document listed once however many keys it shares
    const tally = new Int32Array(3000);
    const first: number[] = [];
    postings.tally(7 + 2 * 1_000_003, tally, 1000, first);
    postings.tally(998, tally, 1000, first);
    postings.tally(2999, tally, 1000, first); // held only by document 2999, above the bound
    expect(first).toHaveLength(333);
    expect(tally[998]).toBe(2);
    expect(tally[995]).toBe(1);
    expect(tally[2999]).toBe(0);
  });
});

describe('shingle hashing', () => {
  it('depends on word order and on the words, not on case or punctuation', () => {
    const [forward] = shingleSequence('alpha beta gamma delta epsilon');
    const [backward] = shingleSequence('epsilon delta gamma beta alpha');
    const [typeset] = shingleSequence('Alpha, “beta” gamma — DELTA epsilon!');
    expect(forward).not.toBe(backward);
    expect(typeset).toBe(forward);
    expect(Number.isSafeInteger(forward)).toBe(true);
  });
  it('gives repeated windows one hash and sorts the distinct set', () => {
    const sequence = shingleSequence('a b c d e a b c d e');
    expect(sequence).toHaveLength(6);
    expect(sequence[5]).toBe(sequence[0]);
    const set = shingleSet('a b c d e a b c d e');
    expect(set).toHaveLength(5);
    for (let k = 1; k < set.length; k++) expect(set[k]).toBeGreaterThan(set[k - 1]);
  });
});
