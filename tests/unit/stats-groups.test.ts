import { describe, expect, it } from 'vitest';
import {
  binomial, compareGroups, estimateGroup, groupStance, nestedBootstrapReplicates, permutationTest, smallestExactP, t975, tIntervalOverOutlets,
} from '../../src/stats/groups.js';
import { quantileSorted } from '../../src/stats/quantile.js';
import { compareDocuments } from '../../src/stats/contrasts.js';
import { bootstrapStance } from '../../src/stats/bootstrap.js';
import { seededRandom } from '../../src/stats/rng.js';

const doc = (sumOfScores: number, mentions = 1) => ({ sumOfScores, mentions });

/** An outlet of `n` documents whose stances scatter around `centre`. */
function outlet(centre: number, n: number, random: () => number, spread = 0.3) {
  return Array.from({ length: n }, () => {
    const m = 1 + Math.floor(random() * 4);
    const s = Math.max(-1, Math.min(1, centre + (random() - 0.5) * 2 * spread));
    return doc(s * m, m);
  });
}

describe('group stance (outlet as the unit)', () => {
  it('is the mean of outlet stances, so a prolific outlet does not stand for its group', () => {
    const big = Array.from({ length: 50 }, () => doc(1));
    const small = [doc(-1), doc(-1), doc(-1)];
    expect(groupStance([big, small])).toBe(0);
    // Outlets without a mention have no stance and are left out of the mean.
    expect(groupStance([big, [doc(0, 0)]])).toBe(1);
    expect(groupStance([[doc(0, 0)]])).toBeNull();
  });

  it('gives no interval from fewer than 3 documents, and says why', () => {
    const est = estimateGroup([[doc(1)], [doc(1)]], { resamples: 200, seed: 1 });
    expect(est.stance).toBe(1);
    expect(est.ci95).toBeNull();
    expect(est.intervalNote).toMatch(/only 2 documents/);
    expect(estimateGroup([[doc(1), doc(0.5), doc(1)]], { resamples: 200, seed: 1 }).ci95).not.toBeNull();
  });

  it('nested bootstrap is wider than a pooled document bootstrap when outlets differ', () => {
    const random = seededRandom(5);
    const outlets = [outlet(0.8, 15, random, 0.1), outlet(-0.6, 15, random, 0.1), outlet(0.1, 15, random, 0.1)];
    const nested = estimateGroup(outlets, { resamples: 1000, seed: 2 }).ci95!;
    const pooled = bootstrapStance(outlets.flat(), { resamples: 1000, seed: 2 }).ci95!;
    expect(nested[1] - nested[0]).toBeGreaterThan(3 * (pooled[1] - pooled[0]));
  });
});

describe('permutation test', () => {
  it('enumerates every split when there are few, with the hand-computed p', () => {
    const values = [1, 2, 3, 10, 11, 12];
    const stat = (inA: Uint8Array) => {
      let a = 0;
      let b = 0;
      values.forEach((v, i) => (inA[i] ? (a += v) : (b += v)));
      return a / 3 - b / 3;
    };
    const r = permutationTest(6, 3, stat, { permutations: 1000, seed: 1 })!;
    expect(r.method).toBe('exact');
    expect(r.permutations).toBe(20);
    // Only the observed split and its mirror image are as extreme: 2 of 20.
    expect(r.p).toBeCloseTo(0.1, 10);
    expect(r.smallestPossibleP).toBeCloseTo(0.1, 10);
    expect(binomial(6, 3)).toBe(20);
    expect(smallestExactP(7, 3)).toBeCloseTo(1 / 35, 10);
  });

  it('samples deals when there are many, never giving p = 0', () => {
    const values = Array.from({ length: 40 }, (_, i) => (i < 20 ? 5 : 0));
    const stat = (inA: Uint8Array) => {
      let a = 0;
      let b = 0;
      values.forEach((v, i) => (inA[i] ? (a += v) : (b += v)));
      return a / 20 - b / 20;
    };
    const r = permutationTest(40, 20, stat, { permutations: 500, seed: 3 })!;
    expect(r.method).toBe('monte-carlo');
    expect(r.p).toBeCloseTo(1 / 501, 10);
  });
});

describe('sequential stopping', () => {
  it('stops a Monte-Carlo test early when the difference is plainly chance, and never for a small p', () => {
    const values = Array.from({ length: 40 }, (_, i) => i % 2);
    const stat = (inA: Uint8Array) => {
      let a = 0;
      let b = 0;
      values.forEach((v, i) => (inA[i] ? (a += v) : (b += v)));
      return a / 20 - b / 20;
    };
    const r = permutationTest(40, 20, stat, { permutations: 5000, seed: 2 })!;
    expect(r.permutations).toBeLessThan(200);
    expect(r.p).toBeGreaterThan(0.2);
  });
});

describe('group A against group B', () => {
  it('refuses to test one outlet against others and says so', () => {
    const random = seededRandom(1);
    const c = compareGroups([outlet(0.5, 10, random)], [outlet(0, 10, random), outlet(0, 10, random)], { resamples: 200, permutations: 500, seed: 1 });
    expect(c.test).toBeNull();
    expect(c.untestedReason).toMatch(/at least 2 outlets/);
    expect(c.difference).not.toBeNull();
  });

  it('says when too few outlets can never reach the significance level', () => {
    const random = seededRandom(1);
    const c = compareGroups([outlet(0.9, 5, random), outlet(0.9, 5, random)], [outlet(-0.9, 5, random), outlet(-0.9, 5, random)],
      { resamples: 200, permutations: 500, seed: 1 });
    expect(c.test).toBeNull();
    expect(c.untestedReason).toMatch(/only 6 ways/);
    expect(c.difference!).toBeGreaterThan(1.5);
    expect(c.ci95).not.toBeNull();
    expect(c.intervalNote).toMatch(/fewer than 5 outlets on a side/);
  });

  it('finds a planted difference between groups of outlets', () => {
    const random = seededRandom(11);
    const a = Array.from({ length: 6 }, () => outlet(0.5, 8, random));
    const b = Array.from({ length: 6 }, () => outlet(-0.2, 8, random));
    const c = compareGroups(a, b, { resamples: 500, permutations: 2000, seed: 1 });
    expect(c.intervalNote).toBeUndefined();
    expect(c.test!.p).toBeLessThan(0.01);
    expect(c.ci95![0]).toBeGreaterThan(0.3);
    expect(c.ci95![1]).toBeLessThan(1.1);
  });

  it('keeps the false-positive rate at the level over 200 nulls where outlets differ but groups do not', () => {
    // Outlets have their own house stance (a real between-outlet spread) and many documents each: exactly the case
    // where a document-level test would call nearly every random split of outlets "significant".
    let rejections = 0;
    let documentLevel = 0;
    const nulls = 200;
    for (let k = 0; k < nulls; k++) {
      const random = seededRandom(1000 + k);
      const outlets = Array.from({ length: 12 }, () => outlet((random() - 0.5) * 1.2, 10, random, 0.2));
      const c = compareGroups(outlets.slice(0, 6), outlets.slice(6), { resamples: 20, permutations: 1000, seed: k });
      expect(c.test!.method).toBe('exact');
      if (c.test!.p < 0.05) rejections++;
      const d = compareDocuments(outlets.slice(0, 6).flat(), outlets.slice(6).flat(), { resamples: 20, permutations: 200, seed: k, alpha: 0.05 }, ['a', 'b']);
      if (d.p! < 0.05) documentLevel++;
    }
    expect(rejections / nulls).toBeLessThanOrEqual(0.075);
    // The same data with documents as the unit: most random splits of outlets would look "significant".
    expect(documentLevel / nulls).toBeGreaterThan(0.3);
  });
});

describe('group intervals from fewer than 5 outlets', () => {
  // Groups of k outlets drawn from a population of outlets whose house stances scatter around 0.2 (sd 0.35), each
  // with 8 documents. The interval is for the population the outlets stand for: how often does it hold 0.2?
  function coverage(k: number, interval: (outlets: ReturnType<typeof outlet>[]) => [number, number] | null, runs = 300) {
    let covered = 0;
    for (let r = 0; r < runs; r++) {
      const random = seededRandom(5000 + r * 7 + k);
      const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      const outlets = Array.from({ length: k }, () => outlet(Math.max(-0.95, Math.min(0.95, 0.2 + 0.35 * normal())), 8, random, 0.2));
      const ci = interval(outlets)!;
      if (ci[0] <= 0.2 && 0.2 <= ci[1]) covered++;
    }
    return covered / runs;
  }

  it('hold the group mean about as often as they say; the bootstrap over so few outlets alone does not', () => {
    for (const k of [2, 3, 4, 8]) {
      const withT = coverage(k, (o) => estimateGroup(o, { resamples: 200, seed: 1 }).ci95);
      const bootstrapOnly = coverage(k, (o) => {
        const reps = nestedBootstrapReplicates(o, { resamples: 200, seed: 1 })!;
        return [quantileSorted(reps, 0.025), quantileSorted(reps, 0.975)];
      });
      // Measured: 0.93–0.96; the bootstrap alone 0.73 (3 outlets) and 0.82 (4), the reason for the change.
      expect(withT, `k = ${k}`).toBeGreaterThanOrEqual(0.92);
      // With 8 outlets too the percentile bootstrap held the mean only 83% of the time: the t interval is used at every size.
      expect(bootstrapOnly, `k = ${k}`).toBeLessThan(0.86);
    }
  });

  it('say how they were made, and warn below five outlets', () => {
    const random = seededRandom(3);
    const three = [outlet(0.6, 6, random), outlet(0.1, 6, random), outlet(-0.2, 6, random)];
    const est = estimateGroup(three, { resamples: 200, seed: 1 });
    expect(est.intervalMethod).toBe('outlet-t');
    expect(est.intervalNote).toMatch(/only 3 outlets: t interval over their stances \(2 df\)/);
    const t = tIntervalOverOutlets(three.map((o) => groupStance([o])!));
    expect(est.ci95![0]).toBeLessThanOrEqual(Math.max(-1, t[0]) + 1e-9);
    expect(est.ci95![1]).toBeGreaterThanOrEqual(Math.min(1, t[1]) - 1e-9);
    expect(est.ci95![0]).toBeGreaterThanOrEqual(-1);
    expect(est.ci95![1]).toBeLessThanOrEqual(1);
    const five = Array.from({ length: 5 }, () => outlet(0.3, 6, random));
    const est5 = estimateGroup(five, { resamples: 200, seed: 1 });
    expect(est5.intervalNote).toBeUndefined();
    expect(['outlet-t', 'nested-bootstrap']).toContain(est5.intervalMethod);
    expect(estimateGroup([outlet(0.3, 6, random)], { resamples: 200, seed: 1 }).intervalMethod).toBe('documents');
    expect(t975(2)).toBeCloseTo(4.3027, 4);
    // Fisher's expansion from 11 degrees of freedom on, against published quantiles.
    expect(t975(5)).toBeCloseTo(2.5706, 4);
    expect(t975(11)).toBeCloseTo(2.2010, 3);
    expect(t975(20)).toBeCloseTo(2.0860, 3);
    expect(t975(30)).toBeCloseTo(2.0423, 3);
    expect(t975(1000)).toBeCloseTo(1.9623, 3);
    expect(() => t975(0)).toThrow(RangeError);
  });

  it('widen the A − B interval with the t distribution of the smaller side', () => {
    const random = seededRandom(9);
    const a = [outlet(0.5, 6, random), outlet(0.1, 6, random), outlet(0.3, 6, random)];
    const b = Array.from({ length: 8 }, () => outlet(0, 6, random));
    const c = compareGroups(a, b, { resamples: 300, permutations: 500, seed: 1 });
    const sa = a.map((o) => groupStance([o])!);
    const sb = b.map((o) => groupStance([o])!);
    const v = (xs: number[]) => { const m = xs.reduce((p, x) => p + x, 0) / xs.length; return xs.reduce((p, x) => p + (x - m) ** 2, 0) / (xs.length - 1); };
    const half = t975(2) * Math.sqrt(v(sa) / 3 + v(sb) / 8);
    expect(c.ci95![1] - c.ci95![0]).toBeGreaterThanOrEqual(2 * half - 1e-9);
    expect(c.intervalNote).toMatch(/t distribution over the outlet stances/);
    expect(compareGroups(b.slice(0, 5), b.slice(3), { resamples: 100, permutations: 100, seed: 1 }).intervalNote).toBeUndefined();
  });
});

describe('a group before and after a date, with few outlets', () => {
  it('widens the interval of the mean change to the t interval over the outlets\' changes, and says so', async () => {
    const { compareGroupPeriods } = await import('../../src/stats/contrasts.js');
    const random = seededRandom(21);
    // Three outlets whose changes differ a lot (+0.8, +0.1, −0.3): the bootstrap over three would be narrow.
    const outlets = [[0, 0.8], [0, 0.1], [0.3, 0]].map(([b, a]) => ({ before: outlet(b, 6, random, 0.05), after: outlet(a, 6, random, 0.05) }));
    const c = compareGroupPeriods(outlets, { resamples: 300, permutations: 500, seed: 1, alpha: 0.05 });
    const changes = outlets.map((o) => groupStance([o.after])! - groupStance([o.before])!);
    const t = tIntervalOverOutlets(changes);
    expect(c.ci95![0]).toBeLessThanOrEqual(Math.max(-2, t[0]) + 1e-9);
    expect(c.ci95![1]).toBeGreaterThanOrEqual(Math.min(2, t[1]) - 1e-9);
    expect(c.ci95![1] - c.ci95![0]).toBeGreaterThan(1.5);
    expect(c.intervalNote).toMatch(/only 3 outlets: t interval over their changes \(2 df\)/);
  });
});

describe('outlet pairs share their sides\' bootstrap replicates', () => {
  it('gives the same comparison with a replicates map as without, drawing each side once per seed', () => {
    const random = seededRandom(11);
    const sides = { a: outlet(0.4, 30, random), b: outlet(-0.2, 25, random), c: outlet(0.1, 40, random) };
    const options = { resamples: 200, permutations: 200, seed: 5, alpha: 0.05 };
    const replicates = new Map<string, Float64Array>();
    const pairs: Array<[keyof typeof sides, keyof typeof sides]> = [['a', 'b'], ['a', 'c'], ['b', 'c']];
    for (const [x, y] of pairs) {
      const alone = compareDocuments(sides[x], sides[y], options, [x, y]);
      const shared = compareDocuments(sides[x], sides[y], { ...options, replicates }, [x, y]);
      expect(shared).toEqual(alone);
      expect(shared.ci95).not.toBeNull();
    }
    // a and b as first sides (seed 5), b and c as second sides (seed 6): four draws for three pairs, not six.
    expect([...replicates.keys()].map((k) => k.split('\u0000')).map(([name, , seed]) => `${name}/${seed}`).sort()).toEqual(['a/5', 'b/5', 'b/6', 'c/6']);
  });
});
