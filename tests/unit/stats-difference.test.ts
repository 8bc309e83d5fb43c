import { describe, expect, it } from 'vitest';
import { stanceDifference } from '../../src/stats/difference.js';

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
