/**
 * Corrections for testing many terms at once. A keyness table tests thousands of words; at α = 0.05 about one
 * in twenty unrelated words would look "key" by chance without a correction.
 *
 * - 'bh' (Benjamini–Hochberg, default): controls the false discovery rate — the expected share of false keywords
 *   among those reported. The usual choice for keyword lists, where a few false positives are tolerable.
 * - 'bonferroni': controls the family-wise error rate (any false keyword at all); much stricter.
 * - 'none': raw p-values, for users who apply their own correction in R or Python.
 */

export type Correction = 'bh' | 'bonferroni' | 'none';

/** Adjusted p-values in the same order as `pValues`, each in [0, 1]. */
export function adjustPValues(pValues: readonly number[], correction: Correction): number[] {
  const m = pValues.length;
  switch (correction) {
    case 'none':
      return pValues.slice();
    case 'bonferroni':
      return pValues.map((p) => Math.min(1, p * m));
    case 'bh':
      return benjaminiHochberg(pValues);
    default:
      throw new RangeError(`unknown correction: ${String(correction)}`);
  }
}

/**
 * Step-up BH adjustment: with p-values ranked ascending p(1) ≤ … ≤ p(m), the adjusted value of rank i is
 * min over j ≥ i of p(j)·m/j (the running minimum from the largest rank down keeps the adjustment monotone).
 */
function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  // Stable ordering by p then original index, so ties are resolved identically on every run.
  const order = pValues.map((_, i) => i).sort((i, j) => pValues[i] - pValues[j] || i - j);
  const adjusted = new Array<number>(m);
  let runningMin = 1;
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1];
    runningMin = Math.min(runningMin, (pValues[index] * m) / rank);
    adjusted[index] = runningMin;
  }
  return adjusted;
}
