/**
 * Reference: the pairwise outlet test of the old stanceTests section (now derived from the contrasts, src/report/
 * stance-tests.ts); kept for the reference report builder.
 *
 * Is the difference in stance between two outlets real? A two-sided permutation test over documents: the
 * documents of both outlets are pooled and dealt out again at random, keeping each outlet's number of documents;
 * the p-value is the share of deals whose stance difference is at least as large as the observed one. Documents,
 * not mentions, are the unit, because mentions within one article are not independent. Seeded: same input, same p.
 */
import type { DocumentStanceCounts } from '../../../src/stats/bootstrap.js';
import { seededRandom } from '../../../src/stats/rng.js';

export interface StanceDifference {
  /** stance(a) − stance(b); null when either outlet has no mention. */
  difference: number | null;
  /** Two-sided permutation p-value, with the +1 correction so it is never 0; null when untestable. */
  p: number | null;
  permutations: number;
}

function ratio(docs: readonly DocumentStanceCounts[], idx: ArrayLike<number>, from: number, to: number): number | null {
  let sum = 0;
  let mentions = 0;
  for (let k = from; k < to; k++) {
    const d = docs[idx[k]];
    sum += d.sumOfScores;
    mentions += d.mentions;
  }
  return mentions > 0 ? sum / mentions : null;
}

export function stanceDifference(
  a: readonly DocumentStanceCounts[], b: readonly DocumentStanceCounts[], options: { permutations?: number; seed?: number } = {},
): StanceDifference {
  const permutations = options.permutations ?? 2000;
  const pooled = [...a, ...b];
  const idx = Int32Array.from(pooled.keys());
  const sa = ratio(pooled, idx, 0, a.length);
  const sb = ratio(pooled, idx, a.length, pooled.length);
  if (sa === null || sb === null) return { difference: null, p: null, permutations: 0 };
  const observed = Math.abs(sa - sb);
  const random = seededRandom(options.seed ?? 42);
  let extreme = 0;
  let valid = 0;
  for (let r = 0; r < permutations; r++) {
    // Fisher–Yates shuffle of document indices; the first a.length go to outlet a.
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    const pa = ratio(pooled, idx, 0, a.length);
    const pb = ratio(pooled, idx, a.length, pooled.length);
    if (pa === null || pb === null) continue;
    valid++;
    // A small tolerance so that ties of the observed value count as "at least as extreme" despite rounding.
    if (Math.abs(pa - pb) >= observed - 1e-12) extreme++;
  }
  return { difference: sa - sb, p: valid > 0 ? (extreme + 1) / (valid + 1) : null, permutations: valid };
}
