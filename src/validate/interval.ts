/** Confidence intervals for proportions estimated from hand-coded samples. */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for `successes` out of `n` (successes may be fractional when coders' judgments are
 * averaged). Unlike the normal approximation it stays inside [0, 1] and is not zero-width at 0 or n successes,
 * which matters for the small per-label samples that hand-coding produces.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): [number, number] | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
