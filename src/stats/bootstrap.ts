/**
 * Stance of one outlet toward one referent, with a 95% percentile bootstrap confidence interval.
 *
 * Why a bootstrap over DOCUMENTS and not over mentions: mentions inside one article are not independent (an
 * article that says "occupation forces" once tends to say it five times), so resampling mentions would give
 * intervals that are far too narrow. Documents are the independent units; we resample them with replacement
 * and recompute the ratio-of-sums each time.
 *
 * Why ratio-of-sums (Σ scores / Σ mentions) and not the mean of per-document stances: it weights every mention
 * equally, it is defined for documents of any length, and it is computable from merged counts (see design.md:
 * statistics are computed from merged counts, never averaged from parts).
 */
import { randomIndex, seededRandom } from './rng.js';
import { quantileSorted } from './quantile.js';
import { LARGE_SAMPLE_DOCUMENTS, ratioInterval, ratioSums, ratioSumsOf } from './large-sample.js';

/** What one document contributes for one outlet × referent. */
export interface DocumentStanceCounts {
  /** Σ over the document's mentions of weight / 2 (so each mention scores in [-1, +1]). */
  sumOfScores: number;
  /** Number of scored mentions in the document. */
  mentions: number;
}

export interface BootstrapOptions {
  /** Number of bootstrap resamples (default 2000). */
  resamples?: number;
  /** Seed of the PRNG (default 42): same seed ⇒ identical interval. */
  seed?: number;
}

export interface StanceEstimate {
  /** Ratio-of-sums stance in [-1, +1]; null when there is no mention at all. */
  stance: number | null;
  /** 2.5% and 97.5% percentiles of the resampled stances; null when there is no mention. */
  ci95: [number, number] | null;
  /** Documents with at least one mention (documents given with zero mentions still take part in resampling). */
  documents: number;
  /** Total mentions over all documents. */
  mentions: number;
  /** Too little evidence to read the interval with confidence: fewer than 3 documents or fewer than 10 mentions. */
  smallSample: boolean;
  /** Resamples that produced a stance (entered the percentiles). */
  resamples: number;
  /** Resamples that drew only zero-mention documents: no stance is defined for them, so they are skipped. */
  skippedResamples: number;
  /**
   * 'normal' when LARGE_SAMPLE_DOCUMENTS or more documents mention it: the interval is the delta-method one
   * (src/stats/large-sample.ts), which the bootstrap approximates by redrawing; absent: a percentile bootstrap.
   */
  interval?: 'normal';
}

export const DEFAULT_RESAMPLES = 2000;
export const DEFAULT_SEED = 42;
/** Thresholds of `smallSample`: below these an interval from a handful of articles is mostly noise. */
export const SMALL_SAMPLE_DOCUMENTS = 3;
export const SMALL_SAMPLE_MENTIONS = 10;

/** Ratio-of-sums stance: Σ scores / Σ mentions, or null when nothing was mentioned. */
export function stanceIndex(sumOfScores: number, mentions: number): number | null {
  return mentions > 0 ? sumOfScores / mentions : null;
}

export function bootstrapStance(
  perDocument: readonly DocumentStanceCounts[],
  options: BootstrapOptions = {},
): StanceEstimate {
  const resampleCount = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(resampleCount) || resampleCount < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resampleCount}`);
  }

  let totalScore = 0;
  let totalMentions = 0;
  let documents = 0;
  for (const doc of perDocument) {
    if (!Number.isFinite(doc.sumOfScores)) throw new RangeError(`sumOfScores must be finite, got ${doc.sumOfScores}`);
    if (!Number.isInteger(doc.mentions) || doc.mentions < 0) {
      throw new RangeError(`mentions must be a non-negative integer, got ${doc.mentions}`);
    }
    totalScore += doc.sumOfScores;
    totalMentions += doc.mentions;
    if (doc.mentions > 0) documents++;
  }

  const smallSample = documents < SMALL_SAMPLE_DOCUMENTS || totalMentions < SMALL_SAMPLE_MENTIONS;
  const stance = stanceIndex(totalScore, totalMentions);
  if (stance === null) {
    return { stance: null, ci95: null, documents, mentions: 0, smallSample, resamples: 0, skippedResamples: 0 };
  }

  const n = perDocument.length;
  if (documents >= LARGE_SAMPLE_DOCUMENTS) {
    const sums = ratioSumsOf(perDocument);
    return { stance, ci95: ratioInterval(sums, n), documents, mentions: totalMentions, smallSample, resamples: 0, skippedResamples: 0, interval: 'normal' };
  }
  const random = seededRandom(seed);
  const stances = new Float64Array(resampleCount);
  let kept = 0;
  let skipped = 0;
  for (let r = 0; r < resampleCount; r++) {
    let score = 0;
    let mentions = 0;
    for (let k = 0; k < n; k++) {
      const doc = perDocument[randomIndex(random, n)];
      score += doc.sumOfScores;
      mentions += doc.mentions;
    }
    if (mentions === 0) skipped++;
    else stances[kept++] = score / mentions;
  }

  let ci95: [number, number] | null = null;
  if (kept > 0) {
    const sorted = stances.subarray(0, kept).sort();
    ci95 = [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)];
  }
  return { stance, ci95, documents, mentions: totalMentions, smallSample, resamples: kept, skippedResamples: skipped };
}

/**
 * One outlet's documents carrying several (score, mentions) columns — one per referent and voice set — given
 * sparsely: the documents where a column is not zero.
 */
export interface SparseColumn {
  /** Ascending document positions in 0..documents−1 where the column is not zero. */
  index: ArrayLike<number>;
  sumOfScores: ArrayLike<number>;
  mentions: ArrayLike<number>;
}

/**
 * `bootstrapStance` for many columns over the same documents at once, with the same results: every call with the
 * same seed and document count draws the same resamples, so they are drawn once here and each column is summed
 * only over its non-zero documents (how often each was drawn × its value). On a corpus of n documents and c
 * columns this is R·(n + Σ non-zero) work instead of R·n·c.
 */
export function bootstrapStanceColumns(documents: number, columns: readonly SparseColumn[], options: BootstrapOptions = {}): StanceEstimate[] {
  const resampleCount = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(resampleCount) || resampleCount < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resampleCount}`);
  }
  const results: Array<StanceEstimate | null> = [];
  const live: number[] = [];
  for (const [c, col] of columns.entries()) {
    let totalScore = 0;
    let totalMentions = 0;
    let docs = 0;
    for (let k = 0; k < col.index.length; k++) {
      const s = col.sumOfScores[k];
      const m = col.mentions[k];
      if (!Number.isFinite(s)) throw new RangeError(`sumOfScores must be finite, got ${s}`);
      if (!Number.isInteger(m) || m < 0) throw new RangeError(`mentions must be a non-negative integer, got ${m}`);
      totalScore += s;
      totalMentions += m;
      if (m > 0) docs++;
    }
    const smallSample = docs < SMALL_SAMPLE_DOCUMENTS || totalMentions < SMALL_SAMPLE_MENTIONS;
    const stance = stanceIndex(totalScore, totalMentions);
    if (stance === null) {
      results.push({ stance: null, ci95: null, documents: docs, mentions: 0, smallSample, resamples: 0, skippedResamples: 0 });
    } else if (docs >= LARGE_SAMPLE_DOCUMENTS) {
      const ci95 = ratioInterval(ratioSums(col.sumOfScores, col.mentions, 0, col.index.length), documents);
      results.push({ stance, ci95, documents: docs, mentions: totalMentions, smallSample, resamples: 0, skippedResamples: 0, interval: 'normal' });
    } else {
      results.push({ stance, ci95: null, documents: docs, mentions: totalMentions, smallSample, resamples: 0, skippedResamples: 0 });
      live.push(c);
    }
  }
  if (live.length === 0) return results as StanceEstimate[];

  const random = seededRandom(seed);
  const drawn = new Int32Array(documents);
  const stances = live.map(() => new Float64Array(resampleCount));
  const kept = new Int32Array(live.length);
  const skipped = new Int32Array(live.length);
  for (let r = 0; r < resampleCount; r++) {
    for (let k = 0; k < documents; k++) drawn[randomIndex(random, documents)]++;
    for (let l = 0; l < live.length; l++) {
      const col = columns[live[l]];
      const index = col.index;
      const scores = col.sumOfScores;
      const counts = col.mentions;
      const length = index.length;
      let score = 0;
      let mentions = 0;
      // No test for documents drawn zero times: that branch is unpredictable (about e^-1 of the documents are not
      // drawn) and cost more than the arithmetic it skipped. Adding 0 × value changes no sum: the values are finite
      // (checked above), and a sum that starts at +0 never becomes −0, so x + (±0) is x for every x it can hold.
      for (let k = 0; k < length; k++) {
        const times = drawn[index[k]];
        score += times * scores[k];
        mentions += times * counts[k];
      }
      if (mentions === 0) skipped[l]++;
      else stances[l][kept[l]++] = score / mentions;
    }
    drawn.fill(0);
  }
  live.forEach((c, l) => {
    const estimate = results[c]!;
    if (kept[l] > 0) {
      const sorted = stances[l].subarray(0, kept[l]).sort();
      estimate.ci95 = [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)];
    }
    estimate.resamples = kept[l];
    estimate.skippedResamples = skipped[l];
  });
  return results as StanceEstimate[];
}
