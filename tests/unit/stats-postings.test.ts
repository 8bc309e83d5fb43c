import { describe, expect, it } from 'vitest';
import { CHUNK_BITS, CHUNK_OFFSET, ChunkedPool, DocumentList, KeyPostings } from '../../src/stats/postings.js';
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
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, k) => 2 + 3 * k)); // in the order added
    // tally: counts per document below a bound, each document listed once however many keys it shares
    const tally = new Int32Array(3000);
    const first = new DocumentList();
    postings.tally(7 + 2 * 1_000_003, tally, 1000, first);
    postings.tally(998, tally, 1000, first);
    postings.tally(2999, tally, 1000, first); // held only by document 2999, above the bound
    expect(first.length).toBe(333);
    expect([...first.items.subarray(0, first.length)]).toEqual(Array.from({ length: 333 }, (_, k) => 2 + 3 * k));
    expect(tally[998]).toBe(2);
    expect(tally[995]).toBe(1);
    expect(tally[2999]).toBe(0);
  });
});

describe('KeyPostings list limit and pool', () => {
  it('counts every holder but lists only the first `listLimit`', () => {
    const postings = new KeyPostings(5);
    for (let doc = 0; doc < 12; doc++) postings.add(42, doc);
    expect(postings.count(42)).toBe(12);
    const seen: number[] = [];
    postings.forEach(42, (d) => seen.push(d));
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    const tally = new Int32Array(12);
    const first = new DocumentList();
    postings.tally(42, tally, 12, first);
    expect([...tally]).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('reuses the segments that lists outgrow, and keeps every list intact through the moves', () => {
    const postings = new KeyPostings();
    // Keys grow one after another, as in a corpus where documents keep arriving: each freed segment is taken by the
    // next key reaching that size, so the pool stays near the live capacity (1000 keys × 64) instead of twice it.
    for (let key = 0; key < 1000; key++) for (let doc = 0; doc < 40; doc++) postings.add(key, key * 100 + doc);
    expect(postings.pooledEntries).toBeLessThan(1000 * 64 + 4 + 8 + 16 + 32 + 1);
    for (const key of [0, 1, 500, 999]) {
      const seen: number[] = [];
      postings.forEach(key, (d) => seen.push(d));
      expect(seen).toEqual(Array.from({ length: 40 }, (_, doc) => key * 100 + doc));
    }
  });
});

describe('ChunkedPool', () => {
  const chunk = 2 ** CHUNK_BITS;

  it('keeps every record intact and contiguous across chunks, with records larger than a chunk and empty ones', () => {
    const pool = new ChunkedPool((n) => new Int32Array(n));
    const records: Array<{ at: number; values: number[] }> = [];
    let next = 1;
    // Lengths chosen to cross chunk boundaries at awkward places; one record is longer than a whole chunk.
    for (const length of [3, 0, 1000, chunk - 500, 700, 0, chunk + 17, 5, chunk, 2, 0]) {
      const values = Array.from({ length }, () => next++);
      records.push({ at: pool.append(values), values });
    }
    for (const { at, values } of records) {
      const view = pool.view(at, values.length);
      expect(view.length).toBe(values.length);
      if (values.length) {
        expect(view[0]).toBe(values[0]);
        expect(view[view.length - 1]).toBe(values.at(-1));
        // Addressed the other way too: the chunk and the offset inside it.
        expect(pool.chunkAt(at)[(at & CHUNK_OFFSET) + values.length - 1]).toBe(values.at(-1));
      }
      expect(Array.from(view).every((v, k) => v === values[k])).toBe(true);
    }
    expect(pool.entries).toBe(records.reduce((n, r) => n + r.values.length, 0));
  });

  it('never holds more than about one chunk of unused room (a doubling array holds up to as much as its data)', () => {
    const pool = new ChunkedPool((n) => new Float64Array(n));
    const record = new Float64Array(30).fill(1.5);
    for (let k = 0; k < 40_000; k++) {
      pool.append(record);
      // The last chunk grows to full size; every earlier chunk is full but for less than one record.
      expect(pool.capacity - pool.entries).toBeLessThan(chunk + 30 * Math.ceil(pool.entries / chunk));
    }
    expect(pool.entries).toBe(40_000 * 30);
    expect(pool.capacity).toBeLessThan(40_000 * 30 + chunk + 30 * 5);
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
