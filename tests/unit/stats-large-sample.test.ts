/**
 * The closed forms that replace resampling on large sides (src/stats/large-sample.ts) agree with the resampling
 * versions where both can run, and the switch happens where the report says.
 */
import { describe, expect, it } from 'vitest';
import { bootstrapStance, bootstrapStanceColumns, type DocumentStanceCounts } from '../../src/stats/bootstrap.js';
import { stanceDifference } from '../helpers/reference/difference.js';
import { compareDocuments } from '../../src/stats/contrasts.js';
import { estimateGroup } from '../../src/stats/groups.js';
import { erfc, LARGE_SAMPLE_DOCUMENTS, permutationNormalP, ratioInterval, ratioSumsOf, twoSidedNormalP } from '../../src/stats/large-sample.js';
import { seededRandom } from '../../src/stats/rng.js';

/** Documents with 1–6 mentions, each mention scoring −1, −0.5, 0, 0.5 or 1 with a lean of `lean`. */
function documents(n: number, lean: number, seed: number): DocumentStanceCounts[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const mentions = 1 + Math.floor(random() * 6);
    let sumOfScores = 0;
    for (let k = 0; k < mentions; k++) sumOfScores += Math.max(-1, Math.min(1, Math.round((random() * 2 - 1 + lean) * 2) / 2));
    return { sumOfScores, mentions };
  });
}

const sumsOf = (docs: DocumentStanceCounts[]) => ratioSumsOf(docs);

describe('large-sample interval', () => {
  it('matches the percentile bootstrap just below the switch', () => {
    const docs = documents(LARGE_SAMPLE_DOCUMENTS - 1, 0.2, 7);
    const boot = bootstrapStance(docs, { resamples: 4000 });
    expect(boot.interval).toBeUndefined();
    const normal = ratioInterval(sumsOf(docs), docs.length)!;
    const width = boot.ci95![1] - boot.ci95![0];
    expect(Math.abs(normal[0] - boot.ci95![0])).toBeLessThan(width * 0.08);
    expect(Math.abs(normal[1] - boot.ci95![1])).toBeLessThan(width * 0.08);
  });

  it('is used from LARGE_SAMPLE_DOCUMENTS mentioning documents on, and says so', () => {
    const docs = documents(LARGE_SAMPLE_DOCUMENTS, -0.3, 8);
    const est = bootstrapStance(docs);
    expect(est.interval).toBe('normal');
    expect(est.resamples).toBe(0);
    expect(est.ci95![0]).toBeLessThan(est.stance!);
    expect(est.ci95![1]).toBeGreaterThan(est.stance!);
    // Zero-mention documents do not count toward the switch.
    const padded = [...documents(LARGE_SAMPLE_DOCUMENTS - 1, 0, 9), ...Array.from({ length: 500 }, () => ({ sumOfScores: 0, mentions: 0 }))];
    expect(bootstrapStance(padded, { resamples: 50 }).interval).toBeUndefined();
    // The column version gives the same interval.
    const [col] = bootstrapStanceColumns(docs.length, [{ index: docs.map((_, k) => k), sumOfScores: docs.map((d) => d.sumOfScores), mentions: docs.map((d) => d.mentions) }]);
    expect(col.interval).toBe('normal');
    expect(col.ci95).toEqual(est.ci95);
  });
});

describe('large-sample test', () => {
  it('matches the permutation p-value just below the switch', () => {
    for (const [lean, seed] of [[0.04, 1], [0.08, 2], [0, 3]] as const) {
      const a = documents(LARGE_SAMPLE_DOCUMENTS - 1, lean, seed);
      const b = documents(LARGE_SAMPLE_DOCUMENTS - 1, 0, seed + 10);
      const perm = stanceDifference(a, b, { permutations: 4000 });
      const normal = permutationNormalP(sumsOf(a), a.length, sumsOf(b), b.length)!;
      expect(Math.abs(normal - perm.p!)).toBeLessThan(Math.max(0.02, perm.p! * 0.25));
    }
  });

  it('switches in the outlet contrasts, with the method named and tiny p-values kept', () => {
    const a = documents(LARGE_SAMPLE_DOCUMENTS + 200, 0.3, 4);
    const b = documents(LARGE_SAMPLE_DOCUMENTS + 100, -0.3, 5);
    const c = compareDocuments(a, b, { resamples: 200, permutations: 200, seed: 1, alpha: 0.05 }, ['A', 'B']);
    expect(c.method).toBe('normal');
    expect(c.p).toBeGreaterThan(0);
    expect(c.p).toBeLessThan(1e-6);
    expect(c.ci95![0]).toBeLessThan(c.difference!);
    expect(c.ci95![1]).toBeGreaterThan(c.difference!);
  });

  it('gives p = 1 for identical sides', () => {
    const a = documents(LARGE_SAMPLE_DOCUMENTS, 0.1, 6);
    expect(permutationNormalP(sumsOf(a), a.length, sumsOf(a), a.length)).toBeCloseTo(1, 9);
  });
});

describe('nested bootstrap with large outlets', () => {
  it('keeps the between-outlet spread and stays close to the document-level redraw', () => {
    const outlets = [0.5, 0.1, -0.2, 0.3, 0].map((lean, k) => documents(LARGE_SAMPLE_DOCUMENTS + 10, lean, 20 + k));
    const large = estimateGroup(outlets, { resamples: 1000, seed: 3 });
    const small = estimateGroup(outlets.map((o) => o.slice(0, LARGE_SAMPLE_DOCUMENTS - 1)), { resamples: 1000, seed: 3 });
    expect(large.ci95).not.toBeNull();
    const widthLarge = large.ci95![1] - large.ci95![0];
    const widthSmall = small.ci95![1] - small.ci95![0];
    expect(widthLarge / widthSmall).toBeGreaterThan(0.8);
    expect(widthLarge / widthSmall).toBeLessThan(1.25);
  });
});

describe('normal tail', () => {
  it('is accurate in the far tail', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1) / 0.15729920705028513 - 1).toBeLessThan(2e-7);
    expect(Math.abs(erfc(3) / 2.209049699858544e-5 - 1)).toBeLessThan(2e-7);
    expect(Math.abs(erfc(6) / 2.1519736712498913e-17 - 1)).toBeLessThan(2e-7);
    expect(twoSidedNormalP(1.959963984540054)).toBeCloseTo(0.05, 6);
    expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028513, 7);
  });
});
