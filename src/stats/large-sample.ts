/**
 * Large-sample formulas for the ratio-of-sums stance, used instead of resampling when a side has many documents.
 *
 * Why: a bootstrap or a permutation test redraws every document R times (R = 1,000–2,000), so on a corpus of
 * 100,000 articles the report stage would spend minutes redrawing documents for every outlet, referent and pair.
 * With a thousand documents or more on a side, both distributions are close to normal and their spread is known in
 * closed form, so the interval and the p-value come from one pass over the documents. Documents stay the unit
 * (they are the clusters of mentions), exactly as in the resampling versions; below LARGE_SAMPLE_DOCUMENTS the
 * resampling versions run unchanged. tests/unit/stats-large-sample.test.ts checks both agree at the switch.
 *
 * - Interval (delta method): stance R = S/M over n documents with scores s_i and mentions m_i; with residuals
 *   e_i = s_i − R·m_i, Var(R) ≈ n/(n−1) · Σe_i² / M². The 95% interval is R ± 1.96·√Var, kept inside [−1, +1].
 *   This is the variance the document bootstrap estimates by redrawing.
 * - Test (normal approximation of the permutation distribution): pooling both sides, R0 = (S_A+S_B)/(M_A+M_B) and
 *   e_i = s_i − R0·m_i (they sum to 0). Dealing a of the n documents to A at random, R_A − R_B ≈ Σ_A e_i · n²/(M·a·b),
 *   and Σ_A e_i has the finite-population variance a·b/(n(n−1)) · Σe_i², so
 *   Var(R_A − R_B) ≈ n³ · Σe_i² / (M² · a · b · (n − 1)) and p = P(|Z| ≥ |observed| / √Var).
 */

/** Documents that mention the referent, per side, from which the large-sample formulas replace resampling. */
export const LARGE_SAMPLE_DOCUMENTS = 1000;

const Z_975 = 1.959963984540054;

/** Sums over documents given sparsely (zero documents add nothing but are counted in `n` by the caller). */
export interface RatioSums {
  sumOfScores: number;
  mentions: number;
  /** Σ over documents of s_i², m_i² and s_i·m_i: enough for the residual sum of squares at any ratio. */
  ss: number;
  mm: number;
  sm: number;
}

export function ratioSums(sumOfScores: ArrayLike<number>, mentions: ArrayLike<number>, from = 0, to = sumOfScores.length): RatioSums {
  const out: RatioSums = { sumOfScores: 0, mentions: 0, ss: 0, mm: 0, sm: 0 };
  for (let k = from; k < to; k++) addTo(out, sumOfScores[k], mentions[k]);
  return out;
}

/** The sums over a list of documents' (score, mentions). */
export function ratioSumsOf(docs: ReadonlyArray<{ sumOfScores: number; mentions: number }>): RatioSums {
  const out: RatioSums = { sumOfScores: 0, mentions: 0, ss: 0, mm: 0, sm: 0 };
  for (const d of docs) addTo(out, d.sumOfScores, d.mentions);
  return out;
}

/** Adds one document's (score, mentions) to `sums`, in place (the same operations, in the same order, as `ratioSums`). */
export function addTo(sums: RatioSums, s: number, m: number): void {
  sums.sumOfScores += s;
  sums.mentions += m;
  sums.ss += s * s;
  sums.mm += m * m;
  sums.sm += s * m;
}

function combine(a: RatioSums, b: RatioSums): RatioSums {
  return { sumOfScores: a.sumOfScores + b.sumOfScores, mentions: a.mentions + b.mentions, ss: a.ss + b.ss, mm: a.mm + b.mm, sm: a.sm + b.sm };
}

/** Σ (s_i − r·m_i)², never negative (the expansion can round below zero). */
function residualSquares(sums: RatioSums, r: number): number {
  return Math.max(0, sums.ss - 2 * r * sums.sm + r * r * sums.mm);
}

/** Delta-method variance of the ratio of sums over n documents (n counts documents without mentions too). */
export function ratioVariance(sums: RatioSums, n: number): number | null {
  if (sums.mentions <= 0 || n < 2) return null;
  const r = sums.sumOfScores / sums.mentions;
  return (n / (n - 1)) * residualSquares(sums, r) / (sums.mentions * sums.mentions);
}

/** The 95% interval of the stance, inside [−1, +1]. */
export function ratioInterval(sums: RatioSums, n: number): [number, number] | null {
  const variance = ratioVariance(sums, n);
  if (variance === null) return null;
  const r = sums.sumOfScores / sums.mentions;
  const half = Z_975 * Math.sqrt(variance);
  return [Math.max(-1, r - half), Math.min(1, r + half)];
}

/** The 95% interval of stance(A) − stance(B) for independent sides. */
export function differenceInterval(a: RatioSums, na: number, b: RatioSums, nb: number): [number, number] | null {
  const va = ratioVariance(a, na);
  const vb = ratioVariance(b, nb);
  if (va === null || vb === null) return null;
  const d = a.sumOfScores / a.mentions - b.sumOfScores / b.mentions;
  const half = Z_975 * Math.sqrt(va + vb);
  return [Math.max(-2, d - half), Math.min(2, d + half)];
}

/**
 * Two-sided p-value of stance(A) − stance(B) under random dealing of the na + nb documents (see the file comment);
 * null when a side has no mention.
 */
export function permutationNormalP(a: RatioSums, na: number, b: RatioSums, nb: number): number | null {
  if (a.mentions <= 0 || b.mentions <= 0) return null;
  const pooled = combine(a, b);
  const n = na + nb;
  const observed = a.sumOfScores / a.mentions - b.sumOfScores / b.mentions;
  const r0 = pooled.sumOfScores / pooled.mentions;
  const variance = (n ** 3 * residualSquares(pooled, r0)) / (pooled.mentions ** 2 * na * nb * (n - 1));
  if (!(variance > 0)) return Math.abs(observed) < 1e-12 ? 1 : 0;
  return twoSidedNormalP(observed / Math.sqrt(variance));
}

/** P(|Z| ≥ |z|) for a standard normal Z. */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/**
 * Complementary error function, by the Chebyshev-fitted exponential form (relative error below 1.2e-7 for every
 * x ≥ 0), so that small p-values keep their digits.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}

/** A standard normal draw from two uniforms of a seeded generator (Box–Muller). */
export function normalDraw(random: () => number): number {
  const u = 1 - random(); // (0, 1]: the logarithm stays finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
