/**
 * Stance of a group of outlets, and the group-against-group test, with the OUTLET as the unit.
 *
 * Why outlets and not documents: the articles of one outlet share an editor, a style guide and a house vocabulary,
 * so twenty articles from one state agency are not twenty independent observations about "state media". Pooling
 * documents across outlets would let one prolific outlet stand for its whole group and make any two groups look
 * significantly different. So:
 *
 * - a group's stance is the mean of its outlets' stances (each outlet's own ratio-of-sums over its documents);
 * - its interval comes from a two-stage (nested) bootstrap: draw outlets with replacement, then draw documents with
 *   replacement within each drawn outlet, recompute every outlet's stance and average them;
 * - A vs B is a permutation test that deals the outlets (not the documents) out to the two groups again; when the
 *   number of possible deals is small it enumerates them all (exact), else it samples them (Monte Carlo, +1 rule).
 *
 * Only documents that mention the referent enter here: a document without a mention adds nothing to the ratio of
 * sums, and an outlet without any mention has no stance to average.
 */
import type { DocumentStanceCounts } from './bootstrap.js';
import { randomIndex, seededRandom } from './rng.js';
import { quantileSorted } from './quantile.js';
import { LARGE_SAMPLE_DOCUMENTS, normalDraw, ratioSumsOf, ratioVariance } from './large-sample.js';

/** Documents of one outlet (those that mention the referent; zero-mention documents are dropped). */
export type OutletDocuments = readonly DocumentStanceCounts[];

/** Fewer documents than this give no interval: a zero-width [1, 1] from one or two articles reads as certainty. */
export const MIN_INTERVAL_DOCUMENTS = 3;
/** Fewer outlets per group than this make the between-outlet variation invisible: no test, no group interval. */
export const MIN_GROUP_OUTLETS = 2;
/**
 * Below this many outlets a bootstrap over outlets badly understates the spread (it can only redraw the few there are:
 * with 4 outlets an interval could exclude 0 while the exact permutation p was 0.3). Group intervals come from the t
 * distribution over the outlet stances (tIntervalOverOutlets) at every size; below this many the report also says so.
 */
export const FEW_OUTLETS = 5;
export const FEW_OUTLETS_NOTE = `fewer than ${FEW_OUTLETS} outlets on a side: the interval comes from the t distribution over the outlet stances (df = outlets − 1 of the smaller side) and is wide, because so few outlets say little about a group`;

/** How a group interval was made: `nested-bootstrap` (outlets, then documents), `outlet-t` (few outlets), `documents` (one outlet). */
export type GroupIntervalMethod = 'nested-bootstrap' | 'outlet-t' | 'documents';

/** 97.5% quantiles of Student's t for 1..10 degrees of freedom, where the series below is not yet accurate. */
const T975 = [Number.NaN, 12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281];
const Z975 = 1.959964;

/**
 * The 97.5% quantile of Student's t with `df` degrees of freedom: tabled up to 10, then Fisher's expansion around the
 * normal quantile (error below 10^-4 from df = 11 on).
 */
export function t975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`t quantile needs a whole number of degrees of freedom of at least 1, got ${df}`);
  if (df < T975.length) return T975[df];
  const z = Z975;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  const g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

function meanAndVariance(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.length > 1 ? xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1) : 0;
  return { mean, variance };
}

/**
 * The classical interval for a mean of k outlet stances: mean ± t(k−1) · s / √k. With 2 to 4 outlets t is 12.7 to
 * 3.2, which is how little so few outlets say about a group; the bootstrap over them would act as if they were many.
 */
export function tIntervalOverOutlets(stances: readonly number[]): [number, number] {
  const { mean, variance } = meanAndVariance(stances);
  const half = t975(stances.length - 1) * Math.sqrt(variance / stances.length);
  return [mean - half, mean + half];
}

/** The wider of two intervals (both ends), clipped to the range the statistic can take. */
function envelope(a: [number, number], b: [number, number], limit: number): [number, number] {
  return [Math.max(-limit, Math.min(a[0], b[0])), Math.min(limit, Math.max(a[1], b[1]))];
}

export function mentioned(docs: readonly DocumentStanceCounts[]): DocumentStanceCounts[] {
  return docs.filter((d) => d.mentions > 0);
}

export function outletStance(docs: readonly DocumentStanceCounts[]): number | null {
  let s = 0;
  let m = 0;
  for (const d of docs) {
    s += d.sumOfScores;
    m += d.mentions;
  }
  return m > 0 ? s / m : null;
}

/** Mean of the outlets' stances (outlets without a mention are left out); null when no outlet mentions. */
export function groupStance(outlets: readonly OutletDocuments[]): number | null {
  let sum = 0;
  let n = 0;
  for (const o of outlets) {
    const s = outletStance(o);
    if (s === null) continue;
    sum += s;
    n++;
  }
  return n > 0 ? sum / n : null;
}

export interface GroupEstimate {
  stance: number | null;
  /** Null when fewer than MIN_INTERVAL_DOCUMENTS documents mention the referent (see `intervalNote`). */
  ci95: [number, number] | null;
  /** Why there is no interval, when there is none although there is a stance; how to read it when it is special. */
  intervalNote?: string;
  /** How the interval was made (absent when there is none). */
  intervalMethod?: GroupIntervalMethod;
  outlets: number;
  documents: number;
  mentions: number;
}

/** An outlet as the nested bootstrap draws it: its documents, or for a large outlet its stance and spread. */
interface DrawableOutlet {
  docs: readonly DocumentStanceCounts[];
  /** Set for an outlet with LARGE_SAMPLE_DOCUMENTS or more documents: redrawn from the normal, not document by document. */
  normal?: { stance: number; sd: number };
}

function drawable(docs: readonly DocumentStanceCounts[]): DrawableOutlet {
  if (docs.length < LARGE_SAMPLE_DOCUMENTS) return { docs };
  const sums = ratioSumsOf(docs);
  return { docs, normal: { stance: sums.sumOfScores / sums.mentions, sd: Math.sqrt(ratioVariance(sums, docs.length) ?? 0) } };
}

/** One replicate of the nested bootstrap: mean over drawn outlets of their resampled stances. */
function nestedReplicate(outlets: readonly DrawableOutlet[], random: () => number): number {
  const k = outlets.length;
  let total = 0;
  for (let i = 0; i < k; i++) {
    const outlet = outlets[randomIndex(random, k)];
    if (outlet.normal) {
      // The within-outlet redraw of thousands of documents, in closed form (large-sample.ts).
      total += outlet.normal.stance + outlet.normal.sd * normalDraw(random);
      continue;
    }
    const docs = outlet.docs;
    let s = 0;
    let m = 0;
    for (let j = 0; j < docs.length; j++) {
      const d = docs[randomIndex(random, docs.length)];
      s += d.sumOfScores;
      m += d.mentions;
    }
    // Every kept document has at least one mention, so m > 0.
    total += s / m;
  }
  return total / k;
}

/** Replicates of the nested bootstrap (sorted ascending), or null when no outlet mentions the referent. */
export function nestedBootstrapReplicates(
  outlets: readonly OutletDocuments[], options: { resamples: number; seed: number },
): Float64Array | null {
  const kept = outlets.map(mentioned).filter((o) => o.length > 0).map(drawable);
  if (kept.length === 0) return null;
  const random = seededRandom(options.seed);
  const out = new Float64Array(options.resamples);
  for (let r = 0; r < options.resamples; r++) out[r] = nestedReplicate(kept, random);
  return out.sort();
}

export function estimateGroup(outlets: readonly OutletDocuments[], options: { resamples: number; seed: number }): GroupEstimate {
  const kept = outlets.map(mentioned).filter((o) => o.length > 0);
  const documents = kept.reduce((s, o) => s + o.length, 0);
  const mentions = kept.reduce((s, o) => s + o.reduce((t, d) => t + d.mentions, 0), 0);
  const stance = groupStance(kept);
  const base = { stance, outlets: kept.length, documents, mentions };
  if (stance === null) return { ...base, ci95: null };
  if (documents < MIN_INTERVAL_DOCUMENTS) {
    return { ...base, ci95: null, intervalNote: `only ${documents} document${documents === 1 ? '' : 's'} mention it: no interval from fewer than ${MIN_INTERVAL_DOCUMENTS}` };
  }
  const reps = nestedBootstrapReplicates(kept, options)!;
  const ci95: [number, number] = [quantileSorted(reps, 0.025), quantileSorted(reps, 0.975)];
  if (kept.length < MIN_GROUP_OUTLETS) {
    return { ...base, ci95, intervalMethod: 'documents', intervalNote: 'one outlet: the interval shows variation between its documents only, not between outlets of the group' };
  }
  // A percentile bootstrap over k outlets is too narrow by about √((k−1)/k) · z/t(k−1): with 3 outlets it held the
  // group mean 73% of the time, with 8 still 83% (tests/unit/stats-groups.test.ts). The t interval over the outlet
  // stances is the honest one; the bootstrap's stays a floor, since outlets that happen to agree exactly give a t
  // interval of width 0.
  const t = tIntervalOverOutlets(kept.map((o) => outletStance(o)!));
  const wider = t[1] - t[0] > ci95[1] - ci95[0];
  const interval = envelope(t, ci95, 1);
  if (kept.length < FEW_OUTLETS) {
    return {
      ...base, ci95: interval, intervalMethod: wider ? 'outlet-t' : 'nested-bootstrap',
      intervalNote: `only ${kept.length} outlets: t interval over their stances (${kept.length - 1} df), wide because so few outlets say little about a group`,
    };
  }
  return { ...base, ci95: interval, intervalMethod: wider ? 'outlet-t' : 'nested-bootstrap' };
}

/** Deals at least as extreme after which a Monte-Carlo permutation test stops (its p is then ≥ 20 / permutations). */
export const SEQUENTIAL_EXTREMES = 20;

/** Number of ways to choose k of n, as a float (exact below 2^53, which is all that matters for a threshold). */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  k = Math.min(k, n - k);
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

export interface PermutationResult {
  /** Observed statistic (A − B). */
  difference: number;
  p: number;
  /** 'exact' when every deal was enumerated, else 'monte-carlo'. */
  method: 'exact' | 'monte-carlo';
  /** Deals evaluated (all of them when exact). */
  permutations: number;
  /** The smallest p-value any outcome could have had with this many units (exact), or 1/(permutations + 1). */
  smallestPossibleP: number;
}

/**
 * Two-sided permutation test of a difference between two sets of units, for any statistic of a split. Exact when
 * the number of distinct splits is at most `permutations`, Monte Carlo otherwise. Units are indices 0..n-1; the
 * statistic receives a membership mask (1 = side A) and returns A − B (or null when undefined for that split,
 * such a split is not counted).
 */
export function permutationTest(
  n: number, sizeA: number, statistic: (inA: Uint8Array) => number | null,
  options: { permutations: number; seed: number },
): PermutationResult | null {
  const inA = new Uint8Array(n);
  for (let i = 0; i < sizeA; i++) inA[i] = 1;
  const observed = statistic(inA);
  if (observed === null) return null;
  const threshold = Math.abs(observed) - 1e-12;
  const splits = binomial(n, sizeA);
  let extreme = 0;
  let valid = 0;
  if (splits <= options.permutations) {
    // Enumerate every k-subset in lexicographic order (the observed split is among them).
    const idx = Array.from({ length: sizeA }, (_, i) => i);
    for (;;) {
      inA.fill(0);
      for (const i of idx) inA[i] = 1;
      const s = statistic(inA);
      if (s !== null) {
        valid++;
        if (Math.abs(s) >= threshold) extreme++;
      }
      let i = sizeA - 1;
      while (i >= 0 && idx[i] === n - sizeA + i) i--;
      if (i < 0) break;
      idx[i]++;
      for (let j = i + 1; j < sizeA; j++) idx[j] = idx[j - 1] + 1;
    }
    return { difference: observed, p: valid > 0 ? extreme / valid : 1, method: 'exact', permutations: valid, smallestPossibleP: smallestExactP(n, sizeA) };
  }
  const random = seededRandom(options.seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  // Sequential stopping (Besag & Clifford 1991): once SEQUENTIAL_EXTREMES deals were at least as extreme, p is
  // clearly large and is estimated as extremes / deals; a small p still gets every permutation. On big corpora this
  // saves nearly all the deals of the many contrasts that show no difference.
  for (let r = 0; r < options.permutations; r++) {
    if (extreme >= SEQUENTIAL_EXTREMES) {
      return {
        difference: observed, p: extreme / valid, method: 'monte-carlo', permutations: valid,
        smallestPossibleP: Math.max(1 / (options.permutations + 1), smallestExactP(n, sizeA)),
      };
    }
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    inA.fill(0);
    for (let i = 0; i < sizeA; i++) inA[order[i]] = 1;
    const s = statistic(inA);
    if (s === null) continue;
    valid++;
    if (Math.abs(s) >= threshold) extreme++;
  }
  return {
    difference: observed, p: (extreme + 1) / (valid + 1), method: 'monte-carlo', permutations: valid,
    smallestPossibleP: Math.max(1 / (valid + 1), smallestExactP(n, sizeA)),
  };
}

/** With equal sides a split and its mirror image give the same |difference|, so at least two deals are extreme. */
export function smallestExactP(n: number, sizeA: number): number {
  const splits = binomial(n, sizeA);
  if (splits === 0) return 1;
  return Math.min(1, (sizeA * 2 === n ? 2 : 1) / splits);
}

export interface GroupComparison {
  difference: number | null;
  /** Interval of A − B from independent nested bootstraps of the two groups; null under the rules of estimateGroup. */
  ci95: [number, number] | null;
  intervalNote?: string;
  test: PermutationResult | null;
  /** Why no test was run (or why its p-value cannot be read), when so. */
  untestedReason?: string;
  outlets: [number, number];
  documents: [number, number];
}

/**
 * Group A against group B for one referent: the difference of group stances (mean of outlet stances), its interval,
 * and the permutation test over outlets. `alpha` only decides when a test is pointless: if no deal of this many
 * outlets could give a p-value below alpha, the test is reported as not possible.
 */
export function compareGroups(
  a: readonly OutletDocuments[], b: readonly OutletDocuments[],
  options: { resamples: number; permutations: number; seed: number; alpha?: number },
): GroupComparison {
  const alpha = options.alpha ?? 0.05;
  const ka = a.map(mentioned).filter((o) => o.length > 0);
  const kb = b.map(mentioned).filter((o) => o.length > 0);
  const docsA = ka.reduce((s, o) => s + o.length, 0);
  const docsB = kb.reduce((s, o) => s + o.length, 0);
  const sa = groupStance(ka);
  const sb = groupStance(kb);
  const base = { outlets: [ka.length, kb.length] as [number, number], documents: [docsA, docsB] as [number, number] };
  if (sa === null || sb === null) {
    return { ...base, difference: null, ci95: null, test: null, untestedReason: `${sa === null ? 'the first' : 'the second'} group never mentions it` };
  }
  const difference = sa - sb;
  let ci95: [number, number] | null = null;
  let intervalNote: string | undefined;
  if (docsA < MIN_INTERVAL_DOCUMENTS || docsB < MIN_INTERVAL_DOCUMENTS) {
    intervalNote = `a side with fewer than ${MIN_INTERVAL_DOCUMENTS} documents that mention it: no interval`;
  } else {
    const ra = nestedBootstrapReplicates(ka, { resamples: options.resamples, seed: options.seed })!;
    const rb = nestedBootstrapReplicates(kb, { resamples: options.resamples, seed: options.seed + 1 })!;
    // Replicates were sorted; pair them in a fixed shuffled order so the two bootstraps stay independent.
    const random = seededRandom(options.seed + 2);
    const diffs = new Float64Array(options.resamples);
    for (let r = 0; r < options.resamples; r++) diffs[r] = ra[r] - rb[randomIndex(random, rb.length)];
    diffs.sort();
    ci95 = [quantileSorted(diffs, 0.025), quantileSorted(diffs, 0.975)];
    if (ka.length < MIN_GROUP_OUTLETS || kb.length < MIN_GROUP_OUTLETS) intervalNote = 'a group with one outlet: the interval ignores variation between outlets';
    else {
      // As for one group (estimateGroup): Welch's standard error over outlet stances, with the conservative df of the
      // smaller side (min(k) − 1); the bootstrap's interval stays a floor.
      const a = meanAndVariance(ka.map((o) => outletStance(o)!));
      const b = meanAndVariance(kb.map((o) => outletStance(o)!));
      const half = t975(Math.min(ka.length, kb.length) - 1) * Math.sqrt(a.variance / ka.length + b.variance / kb.length);
      ci95 = envelope([difference - half, difference + half], ci95, 2);
      if (ka.length < FEW_OUTLETS || kb.length < FEW_OUTLETS) intervalNote = FEW_OUTLETS_NOTE;
    }
  }
  if (ka.length < MIN_GROUP_OUTLETS || kb.length < MIN_GROUP_OUTLETS) {
    return {
      ...base, difference, ci95, intervalNote, test: null,
      untestedReason: `needs at least ${MIN_GROUP_OUTLETS} outlets that mention it on each side (has ${ka.length} and ${kb.length}): the outlet is the unit, and one outlet cannot show how outlets vary`,
    };
  }
  const smallest = smallestExactP(ka.length + kb.length, ka.length);
  if (smallest > alpha) {
    return {
      ...base, difference, ci95, intervalNote, test: null,
      untestedReason: `${ka.length} and ${kb.length} outlets can be dealt out in only ${binomial(ka.length + kb.length, ka.length)} ways: no p-value could fall below ${alpha} (smallest possible ${round4(smallest)})`,
    };
  }
  const stances = [...ka, ...kb].map((o) => outletStance(o)!);
  const n = stances.length;
  const test = permutationTest(n, ka.length, (inA) => {
    let s1 = 0;
    let s2 = 0;
    let n1 = 0;
    for (let i = 0; i < n; i++) {
      if (inA[i]) {
        s1 += stances[i];
        n1++;
      } else s2 += stances[i];
    }
    return s1 / n1 - s2 / (n - n1);
  }, { permutations: options.permutations, seed: options.seed });
  return { ...base, difference, ci95, intervalNote, test };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
