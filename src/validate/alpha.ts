/**
 * Krippendorff's alpha for nominal data: agreement between coders that corrects for the agreement expected by
 * chance, tolerates missing judgments and any number of coders (Krippendorff 2011, "Computing Krippendorff's
 * alpha-reliability"). 1 is perfect agreement, 0 is chance level, below 0 is systematic disagreement.
 *
 * Computed from the coincidence matrix: within each unit judged by m ≥ 2 coders, every ordered pair of judgments
 * from two different coders adds 1/(m − 1) to the cell of its two values. Units judged by fewer than two coders carry
 * no information about agreement and are left out.
 */

export interface AlphaResult {
  /** null when alpha is undefined: fewer than two pairable judgments, or every judgment has the same value. */
  alpha: number | null;
  /** Units with at least two judgments (the ones that count). */
  units: number;
  /** Pairable judgments (n in Krippendorff's notation). */
  values: number;
  /** Share of agreeing pairs among all within-unit pairs (plain agreement, not chance-corrected). */
  observedAgreement: number | null;
}

/** `units[u]` holds the judgments of unit u, one per coder; null or undefined where a coder gave none. */
export function krippendorffAlphaNominal(units: ReadonlyArray<ReadonlyArray<string | null | undefined>>): AlphaResult {
  const coincidence = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number) => {
    let row = coincidence.get(c);
    if (!row) coincidence.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + w);
  };
  let pairableUnits = 0;
  let agreeingPairs = 0;
  let allPairs = 0;
  for (const unit of units) {
    const judged = unit.filter((v): v is string => v !== null && v !== undefined && v !== '');
    const m = judged.length;
    if (m < 2) continue;
    pairableUnits++;
    // Counting values instead of looping over coder pairs keeps a unit O(m + distinct²).
    const counts = new Map<string, number>();
    for (const v of judged) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (pairs > 0) add(c, k, pairs / (m - 1));
        if (c === k) agreeingPairs += pairs;
        allPairs += pairs;
      }
    }
  }
  const marginals = new Map<string, number>();
  let n = 0;
  for (const [c, row] of coincidence) {
    let sum = 0;
    for (const w of row.values()) sum += w;
    marginals.set(c, sum);
    n += sum;
  }
  const observedAgreement = allPairs > 0 ? agreeingPairs / allPairs : null;
  if (n < 2) return { alpha: null, units: pairableUnits, values: Math.round(n), observedAgreement };
  let disagreementObserved = 0;
  for (const [c, row] of coincidence) for (const [k, w] of row) if (c !== k) disagreementObserved += w;
  let disagreementExpected = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) if (c !== k) disagreementExpected += nc * nk;
  if (disagreementExpected === 0) return { alpha: null, units: pairableUnits, values: Math.round(n), observedAgreement };
  const alpha = 1 - ((n - 1) * disagreementObserved) / disagreementExpected;
  return { alpha, units: pairableUnits, values: Math.round(n), observedAgreement };
}
