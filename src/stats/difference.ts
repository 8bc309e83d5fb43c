/**
 * Is the difference in stance between two outlets real? A two-sided permutation test over documents: the
 * documents of both outlets are pooled and dealt out again at random, keeping each outlet's number of documents;
 * the p-value is the share of deals whose stance difference is at least as large as the observed one. Documents,
 * not mentions, are the unit, because mentions within one article are not independent. Seeded: same input, same p.
 */
import type { DocumentStanceCounts } from './bootstrap.js';
import { seededRandom } from './rng.js';
import { addTo, LARGE_SAMPLE_DOCUMENTS, permutationNormalP, type RatioSums } from './large-sample.js';

export interface StanceDifference {
  /** stance(a) − stance(b); null when either outlet has no mention. */
  difference: number | null;
  /** Two-sided permutation p-value, with the +1 correction so it is never 0; null when untestable. */
  p: number | null;
  permutations: number;
  /** 'normal' when both sides had LARGE_SAMPLE_DOCUMENTS or more mentioning documents (src/stats/large-sample.ts). */
  method?: 'normal';
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

/** One column over the pooled documents of two outlets (a's first, then b's), given where it is not zero. */
export interface PooledColumn {
  /** Ascending positions in 0..a+b−1 where the column is not zero. */
  index: ArrayLike<number>;
  sumOfScores: ArrayLike<number>;
  mentions: ArrayLike<number>;
}

/**
 * `stanceDifference` for many columns (referents) of the same two outlets at once, with the same results: the
 * shuffles depend only on the seed and the document counts, so they are made once and each column is summed over
 * its non-zero documents only. R·(n + Σ non-zero) work instead of R·n per column.
 */
export function stanceDifferenceColumns(
  aCount: number, bCount: number, columns: readonly PooledColumn[], options: { permutations?: number; seed?: number } = {},
): StanceDifference[] {
  const permutations = options.permutations ?? 2000;
  const n = aCount + bCount;
  const sums = (col: PooledColumn, inA: (position: number) => boolean) => {
    let sa = 0, ma = 0, sb = 0, mb = 0;
    for (let k = 0; k < col.index.length; k++) {
      if (inA(col.index[k])) {
        sa += col.sumOfScores[k];
        ma += col.mentions[k];
      } else {
        sb += col.sumOfScores[k];
        mb += col.mentions[k];
      }
    }
    return { pa: ma > 0 ? sa / ma : null, pb: mb > 0 ? sb / mb : null };
  };
  const results: StanceDifference[] = [];
  const live: number[] = [];
  const observed: number[] = [];
  columns.forEach((col, c) => {
    const { pa, pb } = sums(col, (position) => position < aCount);
    if (pa === null || pb === null) {
      results.push({ difference: null, p: null, permutations: 0 });
      return;
    }
    // Both sides large: the normal approximation of the same permutation distribution, in one pass.
    const sideA: RatioSums = { sumOfScores: 0, mentions: 0, ss: 0, mm: 0, sm: 0 };
    const sideB: RatioSums = { sumOfScores: 0, mentions: 0, ss: 0, mm: 0, sm: 0 };
    let docsA = 0;
    let docsB = 0;
    for (let k = 0; k < col.index.length; k++) {
      const inA = col.index[k] < aCount;
      addTo(inA ? sideA : sideB, col.sumOfScores[k], col.mentions[k]);
      if (col.mentions[k] > 0) {
        if (inA) docsA++;
        else docsB++;
      }
    }
    if (docsA >= LARGE_SAMPLE_DOCUMENTS && docsB >= LARGE_SAMPLE_DOCUMENTS) {
      results.push({ difference: pa - pb, p: permutationNormalP(sideA, aCount, sideB, bCount), permutations: 0, method: 'normal' });
    } else {
      results.push({ difference: pa - pb, p: null, permutations: 0 });
      live.push(c);
      observed.push(Math.abs(pa - pb));
    }
  });
  if (live.length === 0) return results;
  const random = seededRandom(options.seed ?? 42);
  const idx = Int32Array.from({ length: n }, (_, k) => k);
  const inGroupA = new Uint8Array(n);
  const extreme = new Int32Array(live.length);
  const valid = new Int32Array(live.length);
  const inA = (position: number) => inGroupA[position] === 1;
  for (let r = 0; r < permutations; r++) {
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    for (let k = 0; k < n; k++) inGroupA[idx[k]] = k < aCount ? 1 : 0;
    live.forEach((c, l) => {
      const { pa, pb } = sums(columns[c], inA);
      if (pa === null || pb === null) return;
      valid[l]++;
      if (Math.abs(pa - pb) >= observed[l] - 1e-12) extreme[l]++;
    });
  }
  live.forEach((c, l) => {
    results[c].p = valid[l] > 0 ? (extreme[l] + 1) / (valid[l] + 1) : null;
    results[c].permutations = valid[l];
  });
  return results;
}
