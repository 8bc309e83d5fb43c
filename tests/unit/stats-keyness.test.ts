import { describe, expect, it } from 'vitest';
import { chiSquare1Survival, erfc } from '../../src/stats/erfc.js';
import { adjustPValues } from '../../src/stats/multiple-comparisons.js';
import {
  keyness,
  keynessEachAgainstRest,
  keynessPair,
  logLikelihoodG2,
  logRatio,
  type OutletTermCounts,
} from '../../src/stats/keyness.js';

describe('erfc and the chi-square(1) survival function', () => {
  it('matches reference values of erfc to ~1e-12 relative, including the far tail', () => {
    // Reference values from tables of erfc (Abramowitz & Stegun 7.1; high-precision values).
    const reference: [number, number][] = [
      [0, 1],
      [0.5, 0.479500122186953],
      [1, 0.157299207050285],
      [2, 0.00467773498104727],
      [2.5, 0.000406952017444959],
      [3, 2.20904969985854e-5],
      [5, 1.53745979442803e-12],
      [10, 2.08848758376254e-45],
      [-1, 1.84270079294971],
    ];
    for (const [x, value] of reference) expect(Math.abs(erfc(x) - value) / value).toBeLessThan(1e-12);
  });

  it('is continuous where the series hands over to the continued fraction', () => {
    expect(Math.abs(erfc(2.4999999) - erfc(2.5))).toBeLessThan(1e-9);
  });

  it('gives the textbook critical values of chi-square with 1 df', () => {
    expect(chiSquare1Survival(3.841458820694124)).toBeCloseTo(0.05, 12);
    expect(chiSquare1Survival(6.634896601021214)).toBeCloseTo(0.01, 12);
    expect(chiSquare1Survival(10.827566170662733)).toBeCloseTo(0.001, 12);
    expect(chiSquare1Survival(0)).toBe(1);
  });
});

describe('Dunning log-likelihood G² (4 cells)', () => {
  it('matches a hand computation: a=10, b=5, c=1000, d=2000', () => {
    // N = 3000, a+b = 15
    // E1 = 1000·15/3000 = 5      O1 = 10    10·ln(10/5)      =  6.931472
    // E2 = 2000·15/3000 = 10     O2 = 5      5·ln(5/10)      = −3.465736
    // E3 = 1000·2985/3000 = 995  O3 = 990   990·ln(990/995)  = −4.987416
    // E4 = 2000·2985/3000 = 1990 O4 = 1995 1995·ln(1995/1990) =  5.006276
    // G² = 2 · (6.931472 − 3.465736 − 4.987416 + 5.006276) = 2 · 3.484596 = 6.969192
    expect(logLikelihoodG2(10, 5, 1000, 2000)).toBeCloseTo(6.969192, 5);
    // (the 2-cell approximation would give 2·(6.931472 − 3.465736) = 6.931472: a different number)
  });

  it('matches a hand computation with a zero cell: a=0, b=8, c=1000, d=1000', () => {
    // N = 2000, a+b = 8; E1 = E2 = 4; E3 = E4 = 996.
    // 0·ln(0/4) = 0 (limit); 8·ln(8/4) = 5.545177; 1000·ln(1000/996) = 4.008021; 992·ln(992/996) = −3.991957
    // G² = 2 · (0 + 5.545177 + 4.008021 − 3.991957) = 2 · 5.561242 = 11.122483
    expect(logLikelihoodG2(0, 8, 1000, 1000)).toBeCloseTo(11.122483, 5);
  });

  it('is zero for equal relative frequencies and symmetric in swapping corpora', () => {
    expect(logLikelihoodG2(10, 20, 1000, 2000)).toBeCloseTo(0, 12);
    expect(logLikelihoodG2(10, 5, 1000, 2000)).toBeCloseTo(logLikelihoodG2(5, 10, 2000, 1000), 12);
  });
});

describe('log ratio (Hardie)', () => {
  it('is log2 of the ratio of relative frequencies', () => {
    // (10/1000) / (5/2000) = 0.01 / 0.0025 = 4 → log2 4 = 2
    expect(logRatio(10, 5, 1000, 2000)).toBeCloseTo(2, 12);
  });
  it('replaces a zero count by 0.5', () => {
    // (0.5/1000) / (8/1000) = 1/16 → −4
    expect(logRatio(0, 8, 1000, 1000)).toBeCloseTo(-4, 12);
  });
});

describe('multiple-comparison corrections', () => {
  const p = [0.01, 0.04, 0.03, 0.005];
  it('Benjamini–Hochberg: p·m/rank with the running minimum from the top', () => {
    // ranks: 0.005→1, 0.01→2, 0.03→3, 0.04→4; p·4/rank = 0.02, 0.02, 0.04, 0.04; running min keeps them.
    const adjusted = adjustPValues(p, 'bh');
    [0.02, 0.04, 0.04, 0.02].forEach((value, i) => expect(adjusted[i]).toBeCloseTo(value, 12));
  });
  it('BH enforces monotonicity', () => {
    // ranks 1..3 of [0.01, 0.012, 0.013] ×3/rank = 0.03, 0.018, 0.013 → running min 0.013 for all
    const adjusted = adjustPValues([0.01, 0.012, 0.013], 'bh');
    adjusted.forEach((value) => expect(value).toBeCloseTo(0.013, 12));
  });
  it('Bonferroni multiplies by m and caps at 1', () => {
    const adjusted = adjustPValues([0.01, 0.4], 'bonferroni');
    expect(adjusted[0]).toBeCloseTo(0.02, 12);
    expect(adjusted[1]).toBe(0.8);
    expect(adjustPValues([0.6, 0.7], 'bonferroni')).toEqual([1, 1]);
  });
  it('none passes p-values through', () => {
    expect(adjustPValues(p, 'none')).toEqual(p);
  });
});

describe('keyness table', () => {
  const target = new Map([
    ['occupation', 10],
    ['forces', 20],
    ['militia', 0],
    ['rare', 1],
  ]);
  const reference = new Map([
    ['occupation', 5],
    ['forces', 40],
    ['militia', 8],
    ['rare', 0],
  ]);

  it('builds rows with counts, G², p, direction, sorted by G² descending', () => {
    const rows = keyness(target, reference, 1000, 2000, { correction: 'none' });
    // occupation 6.97 > militia 6.50 > forces 0; 'rare' (1 + 0 < 3) is filtered out
    expect(rows.map((r) => r.term)).toEqual(['occupation', 'militia', 'forces']);
    const occupation = rows.find((r) => r.term === 'occupation')!;
    expect(occupation).toMatchObject({ targetCount: 10, referenceCount: 5, targetTotal: 1000, referenceTotal: 2000 });
    expect(occupation.g2).toBeCloseTo(6.969192, 5);
    expect(occupation.logRatio).toBeCloseTo(2, 12);
    expect(occupation.p).toBeCloseTo(chiSquare1Survival(6.969191931932806), 15);
    expect(occupation.p).toBeGreaterThan(0.001);
    expect(occupation.p).toBeLessThan(0.01);
    expect(occupation.direction).toBe('over');
    expect(occupation.significant).toBe(true);
    const forces = rows.find((r) => r.term === 'forces')!;
    expect(forces.g2).toBeCloseTo(0, 10);
    expect(forces.direction).toBe('equal');
    expect(forces.significant).toBe(false);
    const militia = rows.find((r) => r.term === 'militia')!;
    expect(militia.direction).toBe('under');
    expect(militia.logRatio).toBeCloseTo(Math.log2(0.5 / 1000 / (8 / 2000)), 12);
  });

  it('applies the correction over the tested terms only', () => {
    const raw = keyness(target, reference, 1000, 2000, { correction: 'none' });
    const bonferroni = keyness(target, reference, 1000, 2000, { correction: 'bonferroni' });
    for (const row of bonferroni) {
      const p = raw.find((r) => r.term === row.term)!.p;
      expect(row.pAdjusted).toBeCloseTo(Math.min(1, p * 3), 15);
    }
  });

  it('alpha decides significance on the adjusted p', () => {
    const strict = keyness(target, reference, 1000, 2000, { alpha: 0.001 });
    expect(strict.every((r) => !r.significant)).toBe(true);
  });

  it('minFrequency filters on the combined count', () => {
    expect(keyness(target, reference, 1000, 2000, { minFrequency: 1 }).map((r) => r.term)).toContain('rare');
    expect(keyness(target, reference, 1000, 2000, { minFrequency: 16 }).map((r) => r.term)).toEqual(['forces']);
  });

  it('rejects counts larger than the totals', () => {
    expect(() => keyness(new Map([['x', 5]]), new Map(), 4, 10)).toThrow(RangeError);
  });
});

describe('keyness helpers over outlets', () => {
  const outlets = new Map<string, OutletTermCounts>([
    ['alpha', { counts: new Map([['occupation', 10], ['forces', 2]]), total: 1000 }],
    ['beta', { counts: new Map([['occupation', 3], ['forces', 12]]), total: 1000 }],
    ['gamma', { counts: new Map([['occupation', 2], ['forces', 10]]), total: 1000 }],
  ]);

  it('each outlet against the pooled rest', () => {
    const result = keynessEachAgainstRest(outlets, { correction: 'none' });
    expect([...result.keys()]).toEqual(['alpha', 'beta', 'gamma']);
    const alpha = result.get('alpha')!.find((r) => r.term === 'occupation')!;
    // rest = beta + gamma: occupation 5 in 2000 tokens
    expect(alpha).toMatchObject({ targetCount: 10, referenceCount: 5, targetTotal: 1000, referenceTotal: 2000 });
    expect(alpha.g2).toBeCloseTo(6.969192, 5);
    expect(alpha.direction).toBe('over');
  });

  it('keeps terms only the target outlet uses', () => {
    const withUnique = new Map(outlets);
    withUnique.set('delta', { counts: new Map([['regime', 6]]), total: 1000 });
    const delta = keynessEachAgainstRest(withUnique).get('delta')!;
    expect(delta.map((r) => r.term)).toContain('regime');
    expect(delta.find((r) => r.term === 'regime')!.referenceCount).toBe(0);
  });

  it('a chosen pair', () => {
    const rows = keynessPair(outlets, 'alpha', 'beta', { correction: 'none' });
    const occupation = rows.find((r) => r.term === 'occupation')!;
    expect(occupation).toMatchObject({ targetCount: 10, referenceCount: 3, targetTotal: 1000, referenceTotal: 1000 });
    expect(occupation.g2).toBeCloseTo(logLikelihoodG2(10, 3, 1000, 1000), 12);
    expect(() => keynessPair(outlets, 'alpha', 'nope')).toThrow(/unknown outlet/);
    expect(() => keynessPair(outlets, 'alpha', 'alpha')).toThrow(RangeError);
  });
});
