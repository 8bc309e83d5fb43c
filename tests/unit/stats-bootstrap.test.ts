import { describe, expect, it } from 'vitest';
import { bootstrapStance, bootstrapStanceColumns, stanceIndex, type DocumentStanceCounts } from '../../src/stats/bootstrap.js';
import { quantileSorted } from '../../src/stats/quantile.js';
import { randomIndex, seededRandom } from '../../src/stats/rng.js';

describe('seeded PRNG', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });

  it('draws in [0, 1) with a plausible uniform spread', () => {
    const random = seededRandom(7);
    const buckets = new Array<number>(10).fill(0);
    let sum = 0;
    let outOfRange = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      if (!(x >= 0 && x < 1)) outOfRange++;
      sum += x;
      buckets[Math.floor(x * 10)]++;
    }
    expect(outOfRange).toBe(0);
    expect(sum / 100_000).toBeGreaterThan(0.49);
    expect(sum / 100_000).toBeLessThan(0.51);
    // each decile expects 10 000; ±5% is more than 15 standard deviations of a binomial count
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('randomIndex stays in range', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const k = randomIndex(random, 3);
      expect([0, 1, 2]).toContain(k);
    }
  });
});

describe('type-7 quantile', () => {
  it('interpolates between order statistics like R', () => {
    // R: quantile(c(1, 2, 3, 4), c(0.025, 0.5, 0.975)) = 1.075, 2.5, 3.925
    const sorted = [1, 2, 3, 4];
    expect(quantileSorted(sorted, 0.025)).toBeCloseTo(1.075, 12);
    expect(quantileSorted(sorted, 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileSorted(sorted, 0.975)).toBeCloseTo(3.925, 12);
    expect(quantileSorted([5], 0.3)).toBe(5);
  });
});

describe('bootstrapStance', () => {
  const documents: DocumentStanceCounts[] = [
    { sumOfScores: 3, mentions: 4 },
    { sumOfScores: -1, mentions: 2 },
    { sumOfScores: 2.5, mentions: 3 },
    { sumOfScores: 0, mentions: 1 },
    { sumOfScores: -2, mentions: 5 },
    { sumOfScores: 1, mentions: 1 },
  ];

  it('estimates the ratio of sums, not the mean of ratios', () => {
    // Σ scores = 3 − 1 + 2.5 + 0 − 2 + 1 = 3.5; Σ mentions = 16 → 0.21875
    // (mean of per-document stances would be (0.75 − 0.5 + 0.8333 + 0 − 0.4 + 1)/6 = 0.2806)
    const estimate = bootstrapStance(documents);
    expect(estimate.stance).toBeCloseTo(0.21875, 12);
    expect(estimate.documents).toBe(6);
    expect(estimate.mentions).toBe(16);
    expect(estimate.smallSample).toBe(false);
    expect(stanceIndex(3.5, 16)).toBe(0.21875);
    expect(stanceIndex(0, 0)).toBeNull();
  });

  it('is reproducible: same seed, same interval', () => {
    expect(bootstrapStance(documents, { seed: 7 })).toEqual(bootstrapStance(documents, { seed: 7 }));
    expect(bootstrapStance(documents)).toEqual(bootstrapStance(documents, { seed: 42, resamples: 2000 }));
  });

  it('differs for a different seed', () => {
    const a = bootstrapStance(documents, { seed: 1 }).ci95!;
    const b = bootstrapStance(documents, { seed: 2 }).ci95!;
    expect(a).not.toEqual(b);
  });

  it('contains the point estimate and stays within [-1, 1]', () => {
    for (const seed of [1, 2, 3, 42]) {
      const { stance, ci95 } = bootstrapStance(documents, { seed });
      expect(ci95![0]).toBeLessThanOrEqual(stance!);
      expect(ci95![1]).toBeGreaterThanOrEqual(stance!);
      expect(ci95![0]).toBeGreaterThanOrEqual(-1);
      expect(ci95![1]).toBeLessThanOrEqual(1);
    }
  });

  it('has about the width the normal approximation predicts', () => {
    // 400 documents, one mention each, scores ±1 half and half: stance 0, standard error 1/√400 = 0.05,
    // so the 95% interval is about ±1.96·0.05 = ±0.098.
    const many = Array.from({ length: 400 }, (_, i) => ({ sumOfScores: i % 2 === 0 ? 1 : -1, mentions: 1 }));
    const { stance, ci95 } = bootstrapStance(many);
    expect(stance).toBe(0);
    expect(ci95![0]).toBeGreaterThan(-0.12);
    expect(ci95![0]).toBeLessThan(-0.08);
    expect(ci95![1]).toBeGreaterThan(0.08);
    expect(ci95![1]).toBeLessThan(0.12);
  });

  it('gives a degenerate interval when every document has the same stance', () => {
    const same = [
      { sumOfScores: 1, mentions: 2 },
      { sumOfScores: 2, mentions: 4 },
      { sumOfScores: 3, mentions: 6 },
    ];
    expect(bootstrapStance(same).ci95).toEqual([0.5, 0.5]);
  });

  it('flags small samples: fewer than 3 documents or fewer than 10 mentions', () => {
    expect(bootstrapStance([{ sumOfScores: 5, mentions: 20 }, { sumOfScores: 1, mentions: 20 }]).smallSample).toBe(true);
    const fewMentions = Array.from({ length: 5 }, () => ({ sumOfScores: 1, mentions: 1 }));
    expect(bootstrapStance(fewMentions).smallSample).toBe(true);
    const enough = Array.from({ length: 3 }, () => ({ sumOfScores: 1, mentions: 4 }));
    expect(bootstrapStance(enough).smallSample).toBe(false);
  });

  it('returns no stance and no interval without mentions', () => {
    expect(bootstrapStance([])).toEqual({
      stance: null,
      ci95: null,
      documents: 0,
      mentions: 0,
      smallSample: true,
      resamples: 0,
      skippedResamples: 0,
    });
    expect(bootstrapStance([{ sumOfScores: 0, mentions: 0 }]).ci95).toBeNull();
  });

  it('skips and counts resamples that draw no mention', () => {
    // One document with a mention and one without: a resample of 2 misses the first with probability 1/4.
    const estimate = bootstrapStance([{ sumOfScores: 1, mentions: 1 }, { sumOfScores: 0, mentions: 0 }]);
    expect(estimate.documents).toBe(1);
    expect(estimate.resamples + estimate.skippedResamples).toBe(2000);
    expect(estimate.skippedResamples).toBeGreaterThan(400);
    expect(estimate.skippedResamples).toBeLessThan(600);
    expect(estimate.ci95).toEqual([1, 1]);
  });

  it('rejects invalid input', () => {
    expect(() => bootstrapStance([{ sumOfScores: 1, mentions: -1 }])).toThrow(RangeError);
    expect(() => bootstrapStance([{ sumOfScores: NaN, mentions: 1 }])).toThrow(RangeError);
    expect(() => bootstrapStance(documents, { resamples: 0 })).toThrow(RangeError);
  });
});

describe('bootstrapStanceColumns', () => {
  it('gives what bootstrapStance gives for each column, with one pass of resampling', () => {
    const random = seededRandom(3);
    const n = 60;
    const dense = Array.from({ length: 5 }, (_, c) => Array.from({ length: n }, () => {
      const mentions = random() < (c === 4 ? 0 : 0.3) ? 1 + Math.floor(random() * 4) : 0;
      let sumOfScores = 0;
      for (let m = 0; m < mentions; m++) sumOfScores += (Math.floor(random() * 5) - 2) / 2;
      return { sumOfScores, mentions };
    }));
    const sparse = dense.map((col) => {
      const index: number[] = [];
      const sumOfScores: number[] = [];
      const mentions: number[] = [];
      col.forEach((d, k) => {
        if (d.mentions === 0 && d.sumOfScores === 0) return;
        index.push(k);
        sumOfScores.push(d.sumOfScores);
        mentions.push(d.mentions);
      });
      return { index, sumOfScores, mentions };
    });
    const together = bootstrapStanceColumns(n, sparse, { resamples: 500, seed: 9 });
    dense.forEach((col, c) => expect(together[c]).toEqual(bootstrapStance(col, { resamples: 500, seed: 9 })));
    expect(together[4].stance).toBeNull();
  });

  it('sums every column exactly as skipping the documents drawn zero times does, signs of zero included', () => {
    // Negative and fractional scores: a document drawn zero times adds 0 × value (−0 for a negative value) to the
    // column's sums, which must leave them exactly as skipping it does. The reference below is the same resampling
    // with the skip, written out here.
    const random = seededRandom(17);
    const n = 40;
    const resamples = 400;
    const dense = Array.from({ length: 4 }, (_, c) => Array.from({ length: n }, () => {
      const mentions = random() < 0.4 ? 1 + Math.floor(random() * 3) : 0;
      const sumOfScores = mentions === 0 ? 0 : c === 0 ? -0.5 * mentions : c === 1 ? (random() - 0.7) * mentions : c === 2 ? (random() < 0.5 ? 1 : -1) * 0.1 : -1e-300;
      return { sumOfScores, mentions };
    }));
    const sparse = dense.map((col) => {
      const kept = col.map((d, k) => [k, d] as const).filter(([, d]) => d.mentions > 0);
      return { index: Int32Array.from(kept, ([k]) => k), sumOfScores: Float64Array.from(kept, ([, d]) => d.sumOfScores), mentions: Float64Array.from(kept, ([, d]) => d.mentions) };
    });
    const together = bootstrapStanceColumns(n, sparse, { resamples, seed: 5 });
    const draws = seededRandom(5);
    const drawn = new Int32Array(n);
    const stances = sparse.map(() => [] as number[]);
    for (let r = 0; r < resamples; r++) {
      for (let k = 0; k < n; k++) drawn[Math.floor(draws() * n)]++;
      sparse.forEach((col, c) => {
        let score = 0;
        let mentions = 0;
        for (let k = 0; k < col.index.length; k++) {
          const times = drawn[col.index[k]];
          if (times === 0) continue;
          score += times * col.sumOfScores[k];
          mentions += times * col.mentions[k];
        }
        if (mentions > 0) stances[c].push(score / mentions);
      });
      drawn.fill(0);
    }
    sparse.forEach((_, c) => {
      const sorted = Float64Array.from(stances[c]).sort();
      const expected = [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)];
      expect(together[c].resamples).toBe(sorted.length);
      for (const x of [0, 1]) expect(Object.is(together[c].ci95![x], expected[x])).toBe(true);
    });
    // Scores in halves sum exactly in any order: the per-document bootstrap agrees there too.
    expect(together[0]).toEqual(bootstrapStance(dense[0], { resamples, seed: 5 }));
  });
});
