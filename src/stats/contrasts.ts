/**
 * Contrasts at any corpus size: outlet against outlet (documents are the unit), group against group (outlets are
 * the unit, see groups.ts), and before against after a date the user names. Every contrast the report could have
 * made is accounted for: it is either tested (effect with interval, raw and adjusted p) or listed with
 * `tested: false` and the reason, and what was not even attempted (all pairs of 49 outlets) is summed up in the
 * plan with the reason and what to do instead. Nothing is skipped silently.
 *
 * The multiple-comparison correction (Benjamini–Hochberg by default) runs over the contrasts actually tested in
 * this report, all kinds and referents together: that is the family a reader scans for "significant" rows.
 */
import type { DocumentStanceCounts } from './bootstrap.js';
import { adjustPValues, type Correction } from './multiple-comparisons.js';
import { dayNumber } from './dates.js';
import { randomIndex, seededRandom } from './rng.js';
import { quantileSorted } from './quantile.js';
import { differenceInterval, LARGE_SAMPLE_DOCUMENTS, permutationNormalP, ratioSumsOf } from './large-sample.js';
import {
  binomial, compareGroups, estimateGroup, FEW_OUTLETS, MIN_GROUP_OUTLETS, MIN_INTERVAL_DOCUMENTS, mentioned, outletStance, permutationTest, tIntervalOverOutlets,
  smallestExactP, type GroupEstimate,
} from './groups.js';
import { labelSharesOf, summaryDocuments, type DocumentSummary, type StanceDocuments } from './document-summary.js';
import type { Groupings } from './groupings.js';

/** Above this many outlets, all pairs are not tested unless asked (`outletPairs: 'all'`). */
export const MAX_AUTO_PAIR_OUTLETS = 20;
export const DEFAULT_PERMUTATIONS = 1000;

export interface ContrastOptions {
  referents: readonly string[];
  groupings?: Groupings;
  /** 'auto' (default): all pairs up to MAX_AUTO_PAIR_OUTLETS outlets, none above; or 'all', 'none', or chosen pairs. */
  outletPairs?: 'auto' | 'all' | 'none' | ReadonlyArray<readonly [string, string]>;
  /** ISO day: documents dated before it against those dated on or after it. */
  beforeAfter?: string;
  resamples: number;
  permutations?: number;
  seed: number;
  alpha?: number;
  correction?: Correction;
}

export interface ContrastSide {
  kind: 'outlet' | 'group' | 'period';
  name: string;
  grouping?: string;
  /** Outlets on this side (for a period: the outlet or the group's outlets). */
  outlets: string[];
  /** Documents on this side that mention the referent. */
  documents: number;
}

export interface Contrast {
  kind: 'outlets' | 'groups' | 'before-after';
  referent: string;
  a: ContrastSide;
  b: ContrastSide;
  /** What was resampled and permuted. */
  unit: 'document' | 'outlet';
  effect: { measure: string; value: number | null; ci95: [number, number] | null; note?: string };
  tested: boolean;
  /** Why not tested, when tested is false. */
  reason?: string;
  p: number | null;
  pAdjusted: number | null;
  significant: boolean | null;
  /** 'normal': both sides had LARGE_SAMPLE_DOCUMENTS or more documents (src/stats/large-sample.ts). */
  method?: 'exact' | 'monte-carlo' | 'normal';
  permutations?: number;
}

export interface ContrastPlan {
  permutations: number;
  correction: Correction;
  alpha: number;
  /** Contrasts tested / listed as not testable. */
  tested: number;
  notTested: number;
  /** Whole families of contrasts that were not attempted, with why and what to do. */
  skipped: Array<{ what: string; count: number; reason: string }>;
  /** Outlets named in chosen pairs that the corpus does not have. */
  unknownOutlets: string[];
}

export interface GroupReferentSummary extends Omit<GroupEstimate, 'ci95'> {
  ci95: [number, number] | null;
  /** Ratio of sums over all the group's documents (weights outlets by how much they write). */
  pooledStance: number | null;
  labels: Record<string, { count: number; share: number }>;
}

export interface GroupSummary {
  name: string;
  outlets: string[];
  documents: number;
  referents: Record<string, GroupReferentSummary>;
}

export interface GroupingSummary {
  grouping: string;
  groups: GroupSummary[];
  /** Outlets of the corpus that this grouping does not place. */
  ungrouped: string[];
  /** Outlets the grouping names that the corpus does not have. */
  unknownOutlets: string[];
}

export interface ContrastResult {
  groups: GroupingSummary[];
  contrasts: Contrast[];
  plan: ContrastPlan;
}

const round = (x: number | null, digits = 4): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
/** p-values keep two significant digits below 0.0001 (a normal approximation can give 3e-9; that is not 0). */
const roundP = (p: number | null): number | null => (p !== null && p > 0 && p < 1e-4 ? Number(p.toPrecision(2)) : round(p));
const roundPair = (x: [number, number] | null): [number, number] | null => (x ? [round(x[0])!, round(x[1])!] : null);

/** Each outlet's documents (positions), outlets in order of their first document. */
function byOutlet(docs: StanceDocuments): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let k = 0; k < docs.length; k++) {
    const outlet = docs.outlet(k);
    let list = out.get(outlet);
    if (!list) out.set(outlet, (list = []));
    list.push(k);
  }
  return out;
}

/** The documents of `positions` that mention the referent, as (Σ score, mentions): made for one referent at a time. */
export function countsOf(docs: StanceDocuments, positions: readonly number[], referent: string): DocumentStanceCounts[] {
  const out: DocumentStanceCounts[] = [];
  for (const k of positions) {
    const c = docs.stance(k, referent);
    if (c.mentions > 0) out.push(c);
  }
  return out;
}

const mentionsOf = (counts: readonly DocumentStanceCounts[]): number => counts.reduce((s, d) => s + d.mentions, 0);

export interface DocumentComparison {
  difference: number | null;
  ci95: [number, number] | null;
  intervalNote?: string;
  p: number | null;
  method?: 'exact' | 'monte-carlo' | 'normal';
  permutations?: number;
  untestedReason?: string;
}

/**
 * Two sets of documents (two outlets, or one outlet before and after a date): ratio-of-sums stance difference,
 * an interval from independent document bootstraps of each side, and a permutation test over documents.
 */
export function compareDocuments(
  a: readonly DocumentStanceCounts[], b: readonly DocumentStanceCounts[],
  options: {
    resamples: number; permutations: number; seed: number; alpha: number;
    /** Replicates drawn by earlier comparisons, by side name: give one map per set of sides whose names are unique. */
    replicates?: Map<string, Float64Array>;
  },
  names: [string, string],
): DocumentComparison {
  const da = mentioned(a);
  const db = mentioned(b);
  const sa = outletStance(da);
  const sb = outletStance(db);
  if (sa === null || sb === null) {
    const missing = [sa === null ? names[0] : null, sb === null ? names[1] : null].filter(Boolean).join(' and ');
    return { difference: null, ci95: null, p: null, untestedReason: `no mention in ${missing}` };
  }
  const difference = sa - sb;
  if (da.length >= LARGE_SAMPLE_DOCUMENTS && db.length >= LARGE_SAMPLE_DOCUMENTS) {
    // Redrawing thousands of documents per side adds nothing the closed forms do not give (large-sample.ts).
    const sumsA = ratioSumsOf(da);
    const sumsB = ratioSumsOf(db);
    return {
      difference, ci95: differenceInterval(sumsA, da.length, sumsB, db.length),
      p: permutationNormalP(sumsA, da.length, sumsB, db.length), method: 'normal',
    };
  }
  let ci95: [number, number] | null = null;
  let intervalNote: string | undefined;
  if (da.length < MIN_INTERVAL_DOCUMENTS || db.length < MIN_INTERVAL_DOCUMENTS) {
    intervalNote = `${da.length} and ${db.length} documents mention it: no interval from fewer than ${MIN_INTERVAL_DOCUMENTS} on a side`;
  } else {
    const ba = replicatesOf(options.replicates, names[0], da, options.resamples, options.seed);
    const bb = replicatesOf(options.replicates, names[1], db, options.resamples, options.seed + 1);
    const diffs = ba.map((x, i) => x - bb[i]).sort();
    ci95 = [quantileSorted(diffs, 0.025), quantileSorted(diffs, 0.975)];
  }
  const smallest = smallestExactP(da.length + db.length, da.length);
  if (smallest > options.alpha) {
    return {
      difference, ci95, intervalNote, p: null,
      untestedReason: `${da.length} and ${db.length} documents can be dealt out in only ${binomial(da.length + db.length, da.length)} ways: no p-value could fall below ${options.alpha}`,
    };
  }
  const pooled = [...da, ...db];
  const n = pooled.length;
  const test = permutationTest(n, da.length, (inA) => {
    let s1 = 0;
    let m1 = 0;
    let s2 = 0;
    let m2 = 0;
    for (let i = 0; i < n; i++) {
      const d = pooled[i];
      if (inA[i]) {
        s1 += d.sumOfScores;
        m1 += d.mentions;
      } else {
        s2 += d.sumOfScores;
        m2 += d.mentions;
      }
    }
    return s1 / m1 - s2 / m2;
  }, { permutations: options.permutations, seed: options.seed });
  return { difference, ci95, intervalNote, p: test?.p ?? null, method: test?.method, permutations: test?.permutations };
}

/**
 * Bootstrap replicates of one side, from `cache` when the same side (by name) was drawn with the same seed before:
 * every pair of outlets redrew both sides, so with k outlets each outlet was bootstrapped k − 1 times to the same
 * result (its side of a pair takes the seed, or the seed + 1), 90% of the outlet-pair work at ten outlets.
 */
function replicatesOf(cache: Map<string, Float64Array> | undefined, name: string, docs: readonly DocumentStanceCounts[], resamples: number, seed: number): Float64Array {
  if (!cache) return bootstrapReplicates(docs, resamples, seed);
  const key = `${name}\u0000${resamples}\u0000${seed}`;
  let out = cache.get(key);
  if (!out) cache.set(key, (out = bootstrapReplicates(docs, resamples, seed)));
  return out;
}

function bootstrapReplicates(docs: readonly DocumentStanceCounts[], resamples: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const out = new Float64Array(resamples);
  const n = docs.length;
  // The two columns as typed arrays: the draws read them at random, and one object per document is a load more for
  // each draw (the sums are the same, added in the same order).
  const scores = new Float64Array(n);
  const mentions = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    scores[k] = docs[k].sumOfScores;
    mentions[k] = docs[k].mentions;
  }
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    let m = 0;
    for (let k = 0; k < n; k++) {
      const d = randomIndex(random, n);
      s += scores[d];
      m += mentions[d];
    }
    out[r] = s / m;
  }
  return out;
}

/**
 * A group before and after a date, outlets as the unit: each outlet that mentions the referent in both periods
 * gives its change (after − before); the effect is the mean change, its interval a nested bootstrap (outlets, then
 * documents within each period), and the test flips the sign of each outlet's change at random (paired design).
 */
export function compareGroupPeriods(
  outlets: ReadonlyArray<{ before: readonly DocumentStanceCounts[]; after: readonly DocumentStanceCounts[] }>,
  options: { resamples: number; permutations: number; seed: number; alpha: number },
): DocumentComparison & { outlets: number } {
  const paired = outlets
    .map((o) => ({ before: mentioned(o.before), after: mentioned(o.after) }))
    .filter((o) => o.before.length > 0 && o.after.length > 0);
  const k = paired.length;
  if (k === 0) return { difference: null, ci95: null, p: null, outlets: 0, untestedReason: 'no outlet of the group mentions it both before and after the date' };
  const changes = paired.map((o) => outletStance(o.after)! - outletStance(o.before)!);
  const difference = changes.reduce((s, x) => s + x, 0) / k;
  const docs = paired.reduce((s, o) => s + Math.min(o.before.length, o.after.length), 0);
  let ci95: [number, number] | null = null;
  let intervalNote: string | undefined;
  if (docs < MIN_INTERVAL_DOCUMENTS) intervalNote = `fewer than ${MIN_INTERVAL_DOCUMENTS} documents on a side: no interval`;
  else {
    const random = seededRandom(options.seed);
    const reps = new Float64Array(options.resamples);
    for (let r = 0; r < options.resamples; r++) {
      let total = 0;
      for (let i = 0; i < k; i++) {
        const o = paired[randomIndex(random, k)];
        total += resampledStance(o.after, random) - resampledStance(o.before, random);
      }
      reps[r] = total / k;
    }
    reps.sort();
    ci95 = [quantileSorted(reps, 0.025), quantileSorted(reps, 0.975)];
    if (k < MIN_GROUP_OUTLETS) intervalNote = 'one outlet: the interval shows variation between its documents only';
    else {
      // As for group stance (groups.ts): a bootstrap over few outlets is too narrow, so the t interval over the
      // outlets' changes widens it where it is wider.
      const t = tIntervalOverOutlets(changes);
      ci95 = [Math.max(-2, Math.min(ci95[0], t[0])), Math.min(2, Math.max(ci95[1], t[1]))];
      if (k < FEW_OUTLETS) intervalNote = `only ${k} outlets: t interval over their changes (${k - 1} df), wide because so few outlets say little about a group`;
    }
  }
  // Two-sided sign-flip test: the mirror image of every flip pattern is as extreme, so the smallest p is 2 / 2^k.
  const smallest = Math.min(1, 2 / 2 ** k);
  if (k < MIN_GROUP_OUTLETS || smallest > options.alpha) {
    return {
      difference, ci95, intervalNote, p: null, outlets: k,
      untestedReason: `${k} outlet${k === 1 ? '' : 's'} mention it in both periods: flipping the signs of so few changes cannot give a p-value below ${options.alpha} (smallest possible ${Math.round(smallest * 1e4) / 1e4})`,
    };
  }
  const observed = Math.abs(difference) - 1e-12;
  let extreme = 0;
  let total = 0;
  let method: 'exact' | 'monte-carlo';
  if (2 ** k <= options.permutations) {
    method = 'exact';
    for (let mask = 0; mask < 2 ** k; mask++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += mask & (1 << i) ? -changes[i] : changes[i];
      total++;
      if (Math.abs(s / k) >= observed) extreme++;
    }
  } else {
    method = 'monte-carlo';
    const random = seededRandom(options.seed + 7);
    for (let r = 0; r < options.permutations; r++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += random() < 0.5 ? -changes[i] : changes[i];
      total++;
      if (Math.abs(s / k) >= observed) extreme++;
    }
    extreme++;
    total++;
  }
  return { difference, ci95, intervalNote, p: extreme / total, method, permutations: total, outlets: k };
}

function resampledStance(docs: readonly DocumentStanceCounts[], random: () => number): number {
  let s = 0;
  let m = 0;
  for (let j = 0; j < docs.length; j++) {
    const d = docs[randomIndex(random, docs.length)];
    s += d.sumOfScores;
    m += d.mentions;
  }
  return s / m;
}

/** Groups of each grouping, in order of first appearance of their outlets in the corpus. */
function groupsOf(grouping: Map<string, string>, outlets: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of outlets) {
    const g = grouping.get(o);
    if (g === undefined) continue;
    let list = out.get(g);
    if (!list) out.set(g, (list = []));
    list.push(o);
  }
  return out;
}

export function summarizeGroups(
  input: readonly DocumentSummary[] | StanceDocuments, groupings: Groupings, referents: readonly string[], options: { resamples: number; seed: number },
): GroupingSummary[] {
  const docs = Array.isArray(input) ? summaryDocuments(input) : (input as StanceDocuments);
  const perOutlet = byOutlet(docs);
  const outlets = [...perOutlet.keys()];
  const result: GroupingSummary[] = [];
  for (const [grouping, map] of groupings) {
    const groups: GroupSummary[] = [];
    for (const [name, members] of groupsOf(map, outlets)) {
      const memberDocs = members.flatMap((o) => perOutlet.get(o) ?? []);
      const refs: Record<string, GroupReferentSummary> = {};
      for (const ref of referents) {
        const est = estimateGroup(members.map((o) => countsOf(docs, perOutlet.get(o) ?? [], ref)), options);
        if (est.stance === null) continue;
        const pooled = countsOf(docs, memberDocs, ref);
        const labels = labelSharesOf(members.map((o) => docs.labels(o, ref)), mentionsOf(pooled));
        refs[ref] = {
          ...est, stance: round(est.stance), ci95: roundPair(est.ci95), pooledStance: round(outletStance(pooled)), labels,
        };
      }
      groups.push({ name, outlets: members, documents: memberDocs.length, referents: refs });
    }
    result.push({
      grouping,
      groups,
      ungrouped: outlets.filter((o) => !map.has(o)),
      unknownOutlets: [...map.keys()].filter((o) => !perOutlet.has(o)).sort(),
    });
  }
  return result;
}

/**
 * Every contrast the options ask for. `input`: the counted documents, as summaries or read by position from columns
 * (a report builder's: no object per document is held).
 */
export function buildContrasts(input: readonly DocumentSummary[] | StanceDocuments, options: ContrastOptions): ContrastResult {
  const docs = Array.isArray(input) ? summaryDocuments(input) : (input as StanceDocuments);
  const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
  const alpha = options.alpha ?? 0.05;
  const correction = options.correction ?? 'bh';
  const testOptions = { resamples: options.resamples, permutations, seed: options.seed, alpha };
  const perOutlet = byOutlet(docs);
  const outlets = [...perOutlet.keys()];
  const contrasts: Contrast[] = [];
  const skipped: ContrastPlan['skipped'] = [];
  const unknownOutlets: string[] = [];
  const groupings = options.groupings ?? new Map();

  const fromDocs = (c: DocumentComparison): Pick<Contrast, 'effect' | 'tested' | 'reason' | 'p' | 'method' | 'permutations'> => ({
    effect: { measure: 'stance difference (a − b)', value: round(c.difference), ci95: roundPair(c.ci95), ...(c.intervalNote ? { note: c.intervalNote } : {}) },
    tested: c.p !== null,
    ...(c.p === null ? { reason: c.untestedReason ?? 'not testable' } : {}),
    p: roundP(c.p),
    ...(c.method ? { method: c.method, ...(c.permutations !== undefined ? { permutations: c.permutations } : {}) } : {}),
  });

  // Outlet pairs.
  let pairs: Array<[string, string]> = [];
  const mode = options.outletPairs ?? 'auto';
  const allPairs = (): Array<[string, string]> => {
    const out: Array<[string, string]> = [];
    for (let i = 0; i < outlets.length; i++) for (let j = i + 1; j < outlets.length; j++) out.push([outlets[i], outlets[j]]);
    return out;
  };
  const pairCount = (outlets.length * (outlets.length - 1)) / 2;
  if (mode === 'all') pairs = allPairs();
  else if (mode === 'auto') {
    if (outlets.length <= MAX_AUTO_PAIR_OUTLETS) pairs = allPairs();
    else {
      skipped.push({
        what: 'outlet pairs',
        count: pairCount * options.referents.length,
        reason: `${outlets.length} outlets make ${pairCount} pairs per referent, more than a reader can weigh and a correction can keep power for; name the pairs to test (--contrasts "A vs B; C vs D"), compare groups of outlets (--groups FILE), or ask for all of them (--contrasts all)`,
      });
    }
  } else if (mode === 'none') {
    if (pairCount > 0) skipped.push({ what: 'outlet pairs', count: pairCount * options.referents.length, reason: 'outlet pairs were turned off (--contrasts none)' });
  } else {
    for (const [a, b] of mode) {
      for (const o of [a, b]) if (!perOutlet.has(o) && !unknownOutlets.includes(o)) unknownOutlets.push(o);
      if (perOutlet.has(a) && perOutlet.has(b)) pairs.push([a, b]);
    }
    const rest = pairCount - pairs.length;
    if (rest > 0) skipped.push({ what: 'outlet pairs not chosen', count: rest * options.referents.length, reason: 'only the pairs named with --contrasts were tested' });
  }
  for (const ref of options.referents) {
    const counts = new Map(outlets.map((o) => [o, countsOf(docs, perOutlet.get(o)!, ref)]));
    const replicates = new Map<string, Float64Array>();
    for (const [a, b] of pairs) {
      const c = compareDocuments(counts.get(a)!, counts.get(b)!, { ...testOptions, replicates }, [a, b]);
      contrasts.push({
        kind: 'outlets', referent: ref, unit: 'document',
        a: { kind: 'outlet', name: a, outlets: [a], documents: counts.get(a)!.length },
        b: { kind: 'outlet', name: b, outlets: [b], documents: counts.get(b)!.length },
        ...fromDocs(c), pAdjusted: null, significant: null,
      });
    }
  }

  // Group pairs within each grouping.
  for (const [grouping, map] of groupings) {
    const groups = [...groupsOf(map, outlets)];
    if (groups.length < 2) {
      skipped.push({ what: `groups of "${grouping}"`, count: options.referents.length, reason: `the corpus has outlets of ${groups.length} group${groups.length === 1 ? '' : 's'} of "${grouping}": nothing to compare` });
      continue;
    }
    for (const ref of options.referents) {
      for (let i = 0; i < groups.length; i++) {
        for (let j = i + 1; j < groups.length; j++) {
          const [na, oa] = groups[i];
          const [nb, ob] = groups[j];
          const sideA = oa.map((o) => countsOf(docs, perOutlet.get(o)!, ref));
          const sideB = ob.map((o) => countsOf(docs, perOutlet.get(o)!, ref));
          const g = compareGroups(sideA, sideB, testOptions);
          contrasts.push({
            kind: 'groups', referent: ref, unit: 'outlet',
            a: { kind: 'group', grouping, name: na, outlets: oa, documents: g.documents[0] },
            b: { kind: 'group', grouping, name: nb, outlets: ob, documents: g.documents[1] },
            effect: {
              measure: 'difference of group stances (mean of outlet stances, a − b)', value: round(g.difference), ci95: roundPair(g.ci95),
              ...(g.intervalNote ? { note: g.intervalNote } : {}),
            },
            tested: g.test !== null,
            ...(g.test === null ? { reason: g.untestedReason ?? 'not testable' } : {}),
            p: round(g.test?.p ?? null),
            ...(g.test ? { method: g.test.method, permutations: g.test.permutations } : {}),
            pAdjusted: null, significant: null,
          });
        }
      }
    }
  }

  // Before / after a date.
  if (options.beforeAfter !== undefined) {
    const cut = dayNumber(options.beforeAfter);
    if (cut === null) throw new RangeError(`before/after date must be YYYY-MM-DD, got "${options.beforeAfter}"`);
    const split = (list: readonly number[]) => {
      const before: number[] = [];
      const after: number[] = [];
      for (const k of list) {
        const day = dayNumber(docs.date(k));
        if (day === null) continue;
        (day < cut ? before : after).push(k);
      }
      return { before, after };
    };
    let undated = 0;
    for (let k = 0; k < docs.length; k++) if (dayNumber(docs.date(k)) === null) undated++;
    if (undated > 0) skipped.push({ what: 'undated documents in before/after', count: undated, reason: 'a document without a date (metadata or text) cannot be placed before or after the date' });
    const periods = new Map(outlets.map((o) => [o, split(perOutlet.get(o)!)]));
    const beforeName = `before ${options.beforeAfter}`;
    const afterName = `from ${options.beforeAfter}`;
    for (const ref of options.referents) {
      for (const o of outlets) {
        const p = periods.get(o)!;
        const after = countsOf(docs, p.after, ref);
        const before = countsOf(docs, p.before, ref);
        if (after.length === 0 && before.length === 0) continue;
        const c = compareDocuments(after, before, testOptions, [`${o} ${afterName}`, `${o} ${beforeName}`]);
        contrasts.push({
          kind: 'before-after', referent: ref, unit: 'document',
          a: { kind: 'period', name: afterName, outlets: [o], documents: after.length },
          b: { kind: 'period', name: beforeName, outlets: [o], documents: before.length },
          ...fromDocs(c), pAdjusted: null, significant: null,
        });
      }
      for (const [grouping, map] of groupings) {
        for (const [name, members] of groupsOf(map, outlets)) {
          const per = members.map((o) => ({ before: countsOf(docs, periods.get(o)!.before, ref), after: countsOf(docs, periods.get(o)!.after, ref) }));
          if (per.every((x) => x.before.length === 0 && x.after.length === 0)) continue;
          const c = compareGroupPeriods(per, testOptions);
          contrasts.push({
            kind: 'before-after', referent: ref, unit: 'outlet',
            a: { kind: 'period', grouping, name: `${name} ${afterName}`, outlets: members, documents: per.reduce((s, x) => s + x.after.length, 0) },
            b: { kind: 'period', grouping, name: `${name} ${beforeName}`, outlets: members, documents: per.reduce((s, x) => s + x.before.length, 0) },
            ...fromDocs(c),
            effect: { measure: 'mean change of outlet stances (after − before)', value: round(c.difference), ci95: roundPair(c.ci95), ...(c.intervalNote ? { note: c.intervalNote } : {}) },
            pAdjusted: null, significant: null,
          });
        }
      }
    }
  }

  const tested = contrasts.filter((c) => c.tested);
  const adjusted = adjustPValues(tested.map((c) => c.p!), correction);
  tested.forEach((c, i) => {
    c.pAdjusted = roundP(adjusted[i]);
    c.significant = adjusted[i] < alpha;
  });

  return {
    groups: summarizeGroups(docs, groupings, options.referents, options),
    contrasts,
    plan: { permutations, correction, alpha, tested: tested.length, notTested: contrasts.length - tested.length, skipped, unknownOutlets },
  };
}
