import { describe, expect, it } from 'vitest';
import { divergenceMatrix, jensenShannon } from '../../src/stats/divergence.js';

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('Jensen–Shannon divergence (base 2)', () => {
  it('is 1 for distributions with no label in common', () => {
    expect(jensenShannon(counts({ a: 1 }), counts({ b: 1 }))).toBeCloseTo(1, 12);
    expect(jensenShannon(counts({ a: 1, b: 0 }), counts({ a: 0, b: 7 }))).toBeCloseTo(1, 12);
  });

  it('is 0 for the same shares, whatever the totals', () => {
    expect(jensenShannon(counts({ a: 1, b: 3 }), counts({ a: 10, b: 30 }))).toBeCloseTo(0, 12);
  });

  it('[0.5, 0.5] vs [1, 0] = 0.3112781', () => {
    // M = [0.75, 0.25]
    // KL(P‖M) = 0.5·log2(0.5/0.75) + 0.5·log2(0.5/0.25) = 0.5·(−0.5849625) + 0.5·1 = 0.2075187
    // KL(Q‖M) = 1·log2(1/0.75) = 0.4150375
    // JSD = (0.2075187 + 0.4150375) / 2 = 0.3112781
    expect(jensenShannon(counts({ a: 5, b: 5 }), counts({ a: 2 }))).toBeCloseTo(0.3112781, 7);
  });

  it('[0.75, 0.25] vs [0.25, 0.75] = 0.1887219 and is symmetric', () => {
    // M = [0.5, 0.5]; KL(P‖M) = 0.75·log2(1.5) + 0.25·log2(0.5) = 0.4387219 − 0.25 = 0.1887219 = KL(Q‖M)
    const p = counts({ a: 3, b: 1 });
    const q = counts({ a: 1, b: 3 });
    expect(jensenShannon(p, q)).toBeCloseTo(0.1887219, 7);
    expect(jensenShannon(q, p)).toBe(jensenShannon(p, q));
  });

  it('is null when a distribution is empty', () => {
    expect(jensenShannon(new Map(), counts({ a: 1 }))).toBeNull();
    expect(jensenShannon(counts({ a: 0 }), counts({ a: 1 }))).toBeNull();
  });

  it('rejects negative counts', () => {
    expect(() => jensenShannon(counts({ a: -1 }), counts({ a: 1 }))).toThrow(RangeError);
  });
});

describe('divergenceMatrix', () => {
  it('is symmetric with a zero diagonal, in input order', () => {
    const { outlets, matrix } = divergenceMatrix(
      new Map([
        ['x', counts({ a: 5, b: 5 })],
        ['y', counts({ a: 2 })],
        ['z', counts({ b: 4 })],
      ]),
    );
    expect(outlets).toEqual(['x', 'y', 'z']);
    expect(matrix[0][0]).toBe(0);
    expect(matrix[1][1]).toBe(0);
    expect(matrix[0][1]).toBeCloseTo(0.3112781, 7);
    expect(matrix[1][2]).toBeCloseTo(1, 12);
    expect(matrix[0][2]).toBeCloseTo(0.3112781, 7);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(matrix[i][j]).toBe(matrix[j][i]);
  });

  it('uses null for an outlet without counts, including its diagonal', () => {
    const { matrix } = divergenceMatrix(
      new Map([
        ['x', counts({ a: 1 })],
        ['empty', new Map<string, number>()],
      ]),
    );
    expect(matrix).toEqual([
      [0, null],
      [null, null],
    ]);
  });
});
