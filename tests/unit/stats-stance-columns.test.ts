import { describe, expect, it } from 'vitest';
import { bootstrapStanceColumns, type SparseColumn } from '../../src/stats/bootstrap.js';
import { LARGE_SAMPLE_DOCUMENTS } from '../../src/stats/large-sample.js';
import { seededRandom } from '../../src/stats/rng.js';
import { StanceColumnStream } from '../../src/stats/stance-columns.js';

/**
 * Made-up triples for `columns` columns over `documents` documents: column c is mentioned by a document with
 * probability share[c], by one to three triples (summed into one entry), scores in quarters from −1 to +1.
 * `zeroMentions`: the share of triples with no mentions (entries that count but do not mention).
 */
function triples(documents: number, share: number[], seed: number, zeroMentions = 0): Array<[number, number, number, number]> {
  const random = seededRandom(seed);
  const out: Array<[number, number, number, number]> = [];
  for (let d = 0; d < documents; d++) {
    for (let c = 0; c < share.length; c++) {
      if (random() >= share[c]) continue;
      const n = 1 + Math.floor(random() * 3);
      for (let t = 0; t < n; t++) {
        const mentions = random() < zeroMentions ? 0 : 1 + Math.floor(random() * 4);
        out.push([c, d, (Math.floor(random() * 9) - 4) / 4 * mentions, mentions]);
      }
    }
  }
  return out;
}

/** The columns whole, as the builder made them before they were streamed. */
function wholeColumns(columns: number, list: Array<[number, number, number, number]>): Array<SparseColumn & { index: number[] }> {
  const cols = Array.from({ length: columns }, () => ({ index: [] as number[], sumOfScores: [] as number[], mentions: [] as number[] }));
  for (const [c, d, s, m] of list) {
    const col = cols[c];
    const last = col.index.length - 1;
    if (last >= 0 && col.index[last] === d) {
      col.sumOfScores[last] += s;
      col.mentions[last] += m;
    } else {
      col.index.push(d);
      col.sumOfScores.push(s);
      col.mentions.push(m);
    }
  }
  return cols;
}

describe('StanceColumnStream', () => {
  it('gives bootstrapStanceColumns\' estimates bit for bit, small columns as entries and large ones from sums', () => {
    const documents = 6000;
    const share = [0.9, 0.5, 0.17, 0.05, 0.001, 0];
    const list = triples(documents, share, 7);
    const stream = new StanceColumnStream(share.length);
    for (const [c, d, s, m] of list) stream.add(c, d, s, m);
    stream.finish();
    const whole = wholeColumns(share.length, list);
    const expected = bootstrapStanceColumns(documents, whole, { resamples: 200, seed: 3 });
    const small = whole.map((_, k) => k).filter((k) => !stream.isLarge(k));
    const large = whole.map((_, k) => k).filter((k) => stream.isLarge(k));
    expect(large).toEqual(whole.map((_, k) => k).filter((k) => whole[k].index.length >= LARGE_SAMPLE_DOCUMENTS));
    expect(large).toContain(0);
    expect(small.length).toBeGreaterThan(2);
    for (const k of large) expect(stream.largeEstimate(k, documents)).toEqual(expected[k]);
    const resampled = bootstrapStanceColumns(documents, small.map((k) => stream.sparse(k)), { resamples: 200, seed: 3 });
    small.forEach((k, x) => expect(resampled[x]).toEqual(expected[k]));
    for (const k of small) {
      expect(Array.from(stream.sparse(k).index)).toEqual(whole[k].index);
      expect(stream.entries(k)).toBe(whole[k].index.length);
    }
  });

  it('holds at most LARGE_SAMPLE_DOCUMENTS entries per column, whatever the number of documents', () => {
    const share = [1, 0.8, 0.3];
    const documents = 20 * LARGE_SAMPLE_DOCUMENTS;
    const stream = new StanceColumnStream(share.length);
    for (const [c, d, s, m] of triples(documents, share, 11)) stream.add(c, d, s, m);
    stream.finish();
    expect(stream.entries(0)).toBe(documents);
    // Held whole, the entries were three numbers each (24 B of JS numbers) for 20,000 + ~16,000 + ~6,000 entries.
    expect(stream.entryBytes).toBe(0);
    const few = new StanceColumnStream(1);
    for (let d = 0; d < LARGE_SAMPLE_DOCUMENTS - 1; d++) few.add(0, d, 1, 1);
    few.finish();
    expect(few.isLarge(0)).toBe(false);
    // Position (4 B), score and mentions (8 B each).
    expect(few.entryBytes).toBeLessThanOrEqual(LARGE_SAMPLE_DOCUMENTS * 20);
  });

  it('leaves a large column with too few mentioned documents to be resampled whole', () => {
    const documents = 3000;
    const list = triples(documents, [0.6], 5, 0.9);
    const whole = wholeColumns(1, list);
    const mentioned = Array.from(whole[0].mentions).filter((m) => m > 0).length;
    expect(whole[0].index.length).toBeGreaterThanOrEqual(LARGE_SAMPLE_DOCUMENTS);
    expect(mentioned).toBeLessThan(LARGE_SAMPLE_DOCUMENTS);
    const stream = new StanceColumnStream(1);
    for (const [c, d, s, m] of list) stream.add(c, d, s, m);
    stream.finish();
    expect(stream.isLarge(0)).toBe(true);
    expect(stream.largeEstimate(0, documents)).toBeUndefined();
  });

  it('refuses a score that is not finite, as bootstrapStanceColumns does', () => {
    const stream = new StanceColumnStream(1);
    expect(() => {
      for (let d = 0; d < LARGE_SAMPLE_DOCUMENTS + 5; d++) stream.add(0, d, d === LARGE_SAMPLE_DOCUMENTS + 2 ? Number.NaN : 1, 1);
      stream.finish();
    }).toThrow(/sumOfScores must be finite/);
  });
});
