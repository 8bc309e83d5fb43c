/**
 * Keyness: which terms an outlet uses markedly more (or less) than a reference — the rest of the corpus or
 * another outlet. The test is Dunning's log-likelihood G² on the 2×2 contingency table
 *
 *                      target      reference
 *   the term             a             b
 *   any other token    c − a         d − b
 *   total                c             d
 *
 * G² = 2 Σ O ln(O/E) over all four cells, with E the counts expected if the term were equally frequent in both
 * corpora: E(a) = c(a+b)/N, E(b) = d(a+b)/N, E(c−a) = c(N−a−b)/N, E(d−b) = d(N−a−b)/N, N = c + d.
 * We use the full 4-cell version (Dunning 1993; Rayson & Garside 2000 drop the "other token" cells, which is
 * only an approximation when the term is rare). A cell with O = 0 contributes 0 (lim O→0 of O ln O = 0).
 * Under the null hypothesis G² follows χ² with 1 degree of freedom, which gives the p-value.
 *
 * G² says how sure we are that there is a difference, not how big it is; a huge corpus makes tiny differences
 * significant. The effect size reported beside it is Hardie's Log Ratio: log2 of the ratio of the relative
 * frequencies (1 = twice as frequent in the target, −1 = half as frequent). A zero count would make it ±∞, so a
 * zero count is replaced by 0.5 in the log ratio only (Hardie 2014's convention); G² needs no smoothing.
 */
import { chiSquare1Survival } from './erfc.js';
import { adjustPValues, type Correction } from './multiple-comparisons.js';

export type { Correction } from './multiple-comparisons.js';

/** 'over': relatively more frequent in the target; 'under': less frequent; 'equal': same relative frequency. */
export type KeynessDirection = 'over' | 'under' | 'equal';

export interface KeynessRow {
  term: string;
  targetCount: number;
  referenceCount: number;
  targetTotal: number;
  referenceTotal: number;
  g2: number;
  logRatio: number;
  p: number;
  pAdjusted: number;
  significant: boolean;
  direction: KeynessDirection;
}

export interface KeynessOptions {
  /**
   * Minimum combined frequency a + b for a term to be tested (default 3). Rarer terms can never reach
   * significance, and leaving them out makes the multiple-comparison correction less harsh on the rest.
   */
  minFrequency?: number;
  /** Multiple-comparison correction over the tested terms (default 'bh'). */
  correction?: Correction;
  /** Significance level applied to the adjusted p-value (default 0.05). */
  alpha?: number;
}

export const DEFAULT_MIN_FREQUENCY = 3;
export const DEFAULT_ALPHA = 0.05;
/** Replaces a zero count in the log ratio only. */
export const LOG_RATIO_ZERO_COUNT = 0.5;

/** O ln(O/E), with the limit 0 for O = 0. */
function cellTerm(observed: number, expected: number): number {
  return observed === 0 ? 0 : observed * Math.log(observed / expected);
}

/** Dunning's 4-cell log-likelihood G² of a term seen `a` times in `c` target tokens and `b` times in `d` reference tokens. */
export function logLikelihoodG2(a: number, b: number, c: number, d: number): number {
  const n = c + d;
  const termTotal = a + b;
  if (termTotal === 0 || termTotal === n) return 0; // the term row or the "other" row is empty: no evidence
  const otherTotal = n - termTotal;
  const g2 =
    2 *
    (cellTerm(a, (c * termTotal) / n) +
      cellTerm(b, (d * termTotal) / n) +
      cellTerm(c - a, (c * otherTotal) / n) +
      cellTerm(d - b, (d * otherTotal) / n));
  // Rounding can push an exact zero slightly negative; G² ≥ 0 by construction.
  return Math.max(0, g2);
}

/** Hardie's Log Ratio: log2((a/c) / (b/d)), zero counts replaced by 0.5. */
export function logRatio(a: number, b: number, c: number, d: number): number {
  const target = a === 0 ? LOG_RATIO_ZERO_COUNT : a;
  const reference = b === 0 ? LOG_RATIO_ZERO_COUNT : b;
  return Math.log2(target / c / (reference / d));
}

function direction(a: number, b: number, c: number, d: number): KeynessDirection {
  // Cross-multiplied to compare a/c with b/d without division rounding.
  const lhs = a * d;
  const rhs = b * c;
  return lhs > rhs ? 'over' : lhs < rhs ? 'under' : 'equal';
}

function checkCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite non-negative number, got ${value}`);
}

/**
 * Keyness of every term of `target` ∪ `reference`, sorted by G² descending (ties: term ascending).
 * Counts are token counts of each term; totals are the token counts of the whole target and reference corpora
 * (not the sum over the terms given, which may be only the lexicon's labels).
 */
export function keyness(
  target: ReadonlyMap<string, number>,
  reference: ReadonlyMap<string, number>,
  targetTotal: number,
  referenceTotal: number,
  options: KeynessOptions = {},
): KeynessRow[] {
  const minFrequency = options.minFrequency ?? DEFAULT_MIN_FREQUENCY;
  const correction = options.correction ?? 'bh';
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  checkCount('targetTotal', targetTotal);
  checkCount('referenceTotal', referenceTotal);
  if (targetTotal === 0 || referenceTotal === 0) return []; // nothing to compare against

  const terms = new Set<string>([...target.keys(), ...reference.keys()]);
  const rows: KeynessRow[] = [];
  for (const term of [...terms].sort()) {
    const a = target.get(term) ?? 0;
    const b = reference.get(term) ?? 0;
    checkCount(`target count of "${term}"`, a);
    checkCount(`reference count of "${term}"`, b);
    if (a > targetTotal) throw new RangeError(`target count of "${term}" (${a}) exceeds targetTotal (${targetTotal})`);
    if (b > referenceTotal) {
      throw new RangeError(`reference count of "${term}" (${b}) exceeds referenceTotal (${referenceTotal})`);
    }
    if (a + b < minFrequency || a + b === 0) continue;
    const g2 = logLikelihoodG2(a, b, targetTotal, referenceTotal);
    rows.push({
      term,
      targetCount: a,
      referenceCount: b,
      targetTotal,
      referenceTotal,
      g2,
      logRatio: logRatio(a, b, targetTotal, referenceTotal),
      p: chiSquare1Survival(g2),
      pAdjusted: NaN,
      significant: false,
      direction: direction(a, b, targetTotal, referenceTotal),
    });
  }

  const adjusted = adjustPValues(
    rows.map((row) => row.p),
    correction,
  );
  rows.forEach((row, i) => {
    row.pAdjusted = adjusted[i];
    row.significant = adjusted[i] < alpha;
  });
  return rows.sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
}

/** Term counts of one outlet plus its total token count (the denominator of relative frequencies). */
export interface OutletTermCounts {
  counts: ReadonlyMap<string, number>;
  total: number;
}

/** Keyness of one chosen outlet against another. */
export function keynessPair(
  outlets: ReadonlyMap<string, OutletTermCounts>,
  targetOutlet: string,
  referenceOutlet: string,
  options: KeynessOptions = {},
): KeynessRow[] {
  const target = outlets.get(targetOutlet);
  const reference = outlets.get(referenceOutlet);
  if (!target) throw new RangeError(`unknown outlet: ${targetOutlet}`);
  if (!reference) throw new RangeError(`unknown outlet: ${referenceOutlet}`);
  if (targetOutlet === referenceOutlet) throw new RangeError('an outlet cannot be compared with itself');
  return keyness(target.counts, reference.counts, target.total, reference.total, options);
}

/**
 * Keyness of each outlet against the pooled rest of the corpus (all other outlets summed). The pooled reference
 * is built by addition, so it is exact whatever the order of outlets. Result keyed by outlet, in input order.
 */
export function keynessEachAgainstRest(
  outlets: ReadonlyMap<string, OutletTermCounts>,
  options: KeynessOptions = {},
): Map<string, KeynessRow[]> {
  const pooled = new Map<string, number>();
  let pooledTotal = 0;
  for (const { counts, total } of outlets.values()) {
    pooledTotal += total;
    for (const [term, count] of counts) pooled.set(term, (pooled.get(term) ?? 0) + count);
  }
  const result = new Map<string, KeynessRow[]>();
  for (const [outlet, { counts, total }] of outlets) {
    const rest = new Map<string, number>();
    for (const [term, count] of pooled) {
      const remaining = count - (counts.get(term) ?? 0);
      if (remaining > 0) rest.set(term, remaining);
    }
    // Terms only this outlet uses have no entry in `rest`; keyness() takes the union of keys, so they are kept.
    result.set(outlet, keyness(counts, rest, total, pooledTotal - total, options));
  }
  return result;
}
