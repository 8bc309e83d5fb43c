/**
 * Sample quantile by linear interpolation between order statistics (Hyndman & Fan type 7, the default of R's
 * `quantile()` and of NumPy), so that CIs printed by framelens match what a researcher recomputes in R or Python.
 */

/** `sorted` must be ascending and non-empty; `q` in [0, 1]. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty sample');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile level must be in [0, 1], got ${q}`);
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, n - 1);
  const fraction = position - below;
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}
