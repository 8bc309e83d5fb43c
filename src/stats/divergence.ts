/**
 * How differently two outlets distribute their labels for the same referent: Jensen–Shannon divergence.
 *
 * Why JSD and not KL: KL(P‖Q) is infinite as soon as one outlet uses a label the other never uses — the normal
 * case in framing ("occupation forces" vs "US forces") — and it is asymmetric. JSD compares each distribution
 * with their mixture M = (P + Q)/2, so it is always finite, symmetric, and with base-2 logarithms bounded by
 * [0, 1]: 0 = identical label shares, 1 = no label in common.
 *
 *   JSD(P, Q) = ½ KL(P‖M) + ½ KL(Q‖M),   KL(P‖M) = Σ p log2(p/m),   0·log 0 = 0.
 */

/** JSD in [0, 1] between two count maps (normalised here; keys are the union). null when either has no counts. */
export function jensenShannon(p: ReadonlyMap<string, number>, q: ReadonlyMap<string, number>): number | null {
  const totalP = totalOf(p);
  const totalQ = totalOf(q);
  if (totalP === 0 || totalQ === 0) return null; // a distribution of nothing: divergence is undefined, not 0
  const labels = new Set<string>([...p.keys(), ...q.keys()]);
  let sum = 0;
  for (const label of labels) {
    const pi = (p.get(label) ?? 0) / totalP;
    const qi = (q.get(label) ?? 0) / totalQ;
    const mi = (pi + qi) / 2;
    if (pi > 0) sum += pi * Math.log2(pi / mi);
    if (qi > 0) sum += qi * Math.log2(qi / mi);
  }
  // Rounding can leave tiny values just outside [0, 1].
  return Math.min(1, Math.max(0, sum / 2));
}

function totalOf(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const [label, count] of counts) {
    if (!Number.isFinite(count) || count < 0) {
      throw new RangeError(`count of "${label}" must be a finite non-negative number, got ${count}`);
    }
    total += count;
  }
  return total;
}

export interface DivergenceMatrix {
  /** Outlets in the order of the input map; row/column i of the matrix is outlets[i]. */
  outlets: string[];
  /** Symmetric; 0 on the diagonal; null wherever an outlet has no counts for this referent. */
  matrix: (number | null)[][];
}

/** Pairwise JSD between the outlets' label distributions for one referent. */
export function divergenceMatrix(distributions: ReadonlyMap<string, ReadonlyMap<string, number>>): DivergenceMatrix {
  const outlets = [...distributions.keys()];
  const hasCounts = outlets.map((outlet) => totalOf(distributions.get(outlet)!) > 0);
  const matrix = outlets.map((_, i) => outlets.map((): number | null => (hasCounts[i] ? 0 : null)));
  for (let i = 0; i < outlets.length; i++) {
    for (let j = i + 1; j < outlets.length; j++) {
      const value = jensenShannon(distributions.get(outlets[i])!, distributions.get(outlets[j])!);
      matrix[i][j] = value;
      matrix[j][i] = value; // computed once so the matrix is exactly symmetric
    }
  }
  return { outlets, matrix };
}
