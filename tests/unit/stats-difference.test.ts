import { describe, expect, it } from 'vitest';
import { stanceDifference, stanceDifferenceColumns } from '../../src/stats/difference.js';
import { seededRandom } from '../../src/stats/rng.js';

const docs = (scores: Array<[number, number]>) => scores.map(([sumOfScores, mentions]) => ({ sumOfScores, mentions }));

describe('stance difference permutation test', () => {
  it('finds a clear difference between consistently opposed outlets', () => {
    const a = docs(Array.from({ length: 12 }, () => [3, 3]));
    const b = docs(Array.from({ length: 12 }, () => [-3, 3]));
    const r = stanceDifference(a, b, { permutations: 999 });
    expect(r.difference).toBe(2);
    // Only the observed split (and its mirror) are as extreme: p is at its floor 1/1000 or close to it.
    expect(r.p).toBeLessThan(0.01);
  });

  it('finds no difference between outlets drawn from the same documents', () => {
    const mixed = docs([[1, 2], [-1, 2], [0, 1], [2, 2], [-2, 2], [1, 1]]);
    const r = stanceDifference(mixed, [...mixed].reverse(), { permutations: 999 });
    expect(r.difference).toBeCloseTo(0, 10);
    expect(r.p).toBe(1);
  });

  it('computes the exact p-value of a tiny case and is reproducible', () => {
    // a = one document at +1, b = two documents at -1. Of the 3 equally likely deals only the observed one gives
    // |diff| = |1 - (-1)| = 2; giving a either -1 document gives |-1 - 0| = 1. So p = 1/3 (plus the +1 correction).
    const a = docs([[1, 1]]);
    const b = docs([[-1, 1], [-1, 1]]);
    const r1 = stanceDifference(a, b, { permutations: 20000, seed: 1 });
    expect(r1.difference).toBe(2);
    expect(r1.p).toBeCloseTo(1 / 3, 2);
    expect(stanceDifference(a, b, { permutations: 20000, seed: 1 })).toEqual(r1);
  });

  it('is untestable without mentions on both sides', () => {
    expect(stanceDifference(docs([[1, 1]]), docs([[0, 0]]))).toEqual({ difference: null, p: null, permutations: 0 });
  });
});

describe('stanceDifferenceColumns', () => {
  it('gives what stanceDifference gives for each column, sharing the shuffles', () => {
    const random = seededRandom(12);
    const make = (n: number, rate: number) => Array.from({ length: n }, () => {
      const mentions = random() < rate ? 1 + Math.floor(random() * 3) : 0;
      let sumOfScores = 0;
      for (let m = 0; m < mentions; m++) sumOfScores += (Math.floor(random() * 5) - 2) / 2;
      return { sumOfScores, mentions };
    });
    const pairs = [[make(30, 0.4), make(45, 0.3)], [make(30, 0.1), make(45, 0.6)], [make(30, 0), make(45, 0.5)]];
    const columns = pairs.map(([a, b]) => {
      const index: number[] = [];
      const sumOfScores: number[] = [];
      const mentions: number[] = [];
      [...a, ...b].forEach((d, k) => {
        if (d.mentions === 0) return;
        index.push(k);
        sumOfScores.push(d.sumOfScores);
        mentions.push(d.mentions);
      });
      return { index, sumOfScores, mentions };
    });
    const together = stanceDifferenceColumns(30, 45, columns, { permutations: 300, seed: 5 });
    pairs.forEach(([a, b], c) => expect(together[c]).toEqual(stanceDifference(a, b, { permutations: 300, seed: 5 })));
    expect(together[2].p).toBeNull();
  });
});
