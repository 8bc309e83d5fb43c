/**
 * An outlet's (score, mentions) columns for the bootstrap, built in one pass over its documents in position order,
 * in memory bounded by LARGE_SAMPLE_DOCUMENTS entries per column whatever the outlet's size.
 *
 * A column (one referent and voice set) is a sparse list of the documents that mention it: position, summed score,
 * summed mentions. Below LARGE_SAMPLE_DOCUMENTS entries it is resampled (bootstrapStanceColumns), so its entries are
 * kept, in typed arrays. Once it reaches that many it is sure to take the large-sample interval, which needs only
 * sums (RatioSums): its entries are folded into them, in entry order, and every later entry is added as it is
 * finished. The figures are those of bootstrapStanceColumns on the whole column, bit for bit: the same additions in
 * the same order. One case the sums cannot settle: a column of LARGE_SAMPLE_DOCUMENTS entries or more of which fewer
 * than LARGE_SAMPLE_DOCUMENTS have mentions (entries with zero mentions) is resampled; `largeEstimate` then answers
 * undefined and the caller builds that column whole (the only case in which a column is held whole).
 *
 * Held whole for every column of every outlet, the columns were three JS numbers per entry (24 B plus the arrays'
 * spare room), several entries per document: the report stage's largest transient item per document at 1M.
 */
import { stanceIndex, SMALL_SAMPLE_DOCUMENTS, SMALL_SAMPLE_MENTIONS, type SparseColumn, type StanceEstimate } from './bootstrap.js';
import { addTo, LARGE_SAMPLE_DOCUMENTS, ratioInterval, type RatioSums } from './large-sample.js';

const FIRST_CAPACITY = 16;

class StreamedColumn {
  /** Entries finished (documents with at least one triple of this column). */
  length = 0;
  index: Int32Array<ArrayBuffer> | null = new Int32Array(FIRST_CAPACITY);
  scores: Float64Array<ArrayBuffer> | null = new Float64Array(FIRST_CAPACITY);
  mentions: Float64Array<ArrayBuffer> | null = new Float64Array(FIRST_CAPACITY);
  /** Set once the column reached LARGE_SAMPLE_DOCUMENTS entries (then the three arrays above are dropped). */
  sums: RatioSums | null = null;
  /** Entries with mentions > 0, counted once the column is summed. */
  mentioned = 0;
  /** The entry being summed: its position (-1: none), score and mentions. */
  position = -1;
  score = 0;
  count = 0;
}

function checked(s: number, m: number): void {
  if (!Number.isFinite(s)) throw new RangeError(`sumOfScores must be finite, got ${s}`);
  if (!Number.isInteger(m) || m < 0) throw new RangeError(`mentions must be a non-negative integer, got ${m}`);
}

export class StanceColumnStream {
  private readonly columns: StreamedColumn[];

  constructor(columns: number) {
    this.columns = Array.from({ length: columns }, () => new StreamedColumn());
  }

  /** Adds one triple's score and mentions to column k at document `position` (positions never decrease per column). */
  add(k: number, position: number, score: number, mentions: number): void {
    const col = this.columns[k];
    if (col.position === position) {
      col.score += score;
      col.count += mentions;
      return;
    }
    if (col.position >= 0) this.finishEntry(col);
    col.position = position;
    col.score = score;
    col.count = mentions;
  }

  /** Finishes every column's last entry; call once after the last `add`. */
  finish(): void {
    for (const col of this.columns) {
      if (col.position >= 0) this.finishEntry(col);
      col.position = -1;
    }
  }

  /** Whether column k has LARGE_SAMPLE_DOCUMENTS entries or more (and is held as sums only). */
  isLarge(k: number): boolean {
    return this.columns[k].sums !== null;
  }

  /** Entries of column k so far. */
  entries(k: number): number {
    return this.columns[k].length;
  }

  /** Column k's entries as typed arrays of their length (a column below LARGE_SAMPLE_DOCUMENTS entries). */
  sparse(k: number): { index: Int32Array<ArrayBuffer>; sumOfScores: Float64Array<ArrayBuffer>; mentions: Float64Array<ArrayBuffer> } {
    const col = this.columns[k];
    if (col.sums !== null || !col.index || !col.scores || !col.mentions) throw new Error(`stance column ${k} is held as sums, not entries`);
    return { index: col.index.slice(0, col.length), sumOfScores: col.scores.slice(0, col.length), mentions: col.mentions.slice(0, col.length) };
  }

  /**
   * Column k's estimate over `documents` documents, as bootstrapStanceColumns gives it for the whole column, when the
   * sums settle it (a large column); undefined when it must be resampled (see the file's comment).
   */
  largeEstimate(k: number, documents: number): StanceEstimate | undefined {
    const col = this.columns[k];
    const sums = col.sums;
    if (sums === null) throw new Error(`stance column ${k} has fewer than ${LARGE_SAMPLE_DOCUMENTS} entries`);
    const docs = col.mentioned;
    const smallSample = docs < SMALL_SAMPLE_DOCUMENTS || sums.mentions < SMALL_SAMPLE_MENTIONS;
    const stance = stanceIndex(sums.sumOfScores, sums.mentions);
    if (stance === null) return { stance: null, ci95: null, documents: docs, mentions: 0, smallSample, resamples: 0, skippedResamples: 0 };
    if (docs < LARGE_SAMPLE_DOCUMENTS) return undefined;
    const ci95 = ratioInterval(sums, documents);
    return { stance, ci95, documents: docs, mentions: sums.mentions, smallSample, resamples: 0, skippedResamples: 0, interval: 'normal' };
  }

  /** Bytes the columns' entry arrays hold (for tests: bounded by LARGE_SAMPLE_DOCUMENTS entries per column). */
  get entryBytes(): number {
    let n = 0;
    for (const col of this.columns) if (col.index && col.scores && col.mentions) n += col.index.byteLength + col.scores.byteLength + col.mentions.byteLength;
    return n;
  }

  private finishEntry(col: StreamedColumn): void {
    const s = col.score;
    const m = col.count;
    if (col.sums !== null) {
      checked(s, m);
      addTo(col.sums, s, m);
      if (m > 0) col.mentioned++;
      col.length++;
      return;
    }
    let index = col.index!;
    let scores = col.scores!;
    let mentions = col.mentions!;
    if (col.length === index.length) {
      const capacity = Math.min(index.length * 2, LARGE_SAMPLE_DOCUMENTS);
      index = grow(index, new Int32Array(capacity));
      scores = grow(scores, new Float64Array(capacity));
      mentions = grow(mentions, new Float64Array(capacity));
      col.index = index;
      col.scores = scores;
      col.mentions = mentions;
    }
    index[col.length] = col.position;
    scores[col.length] = s;
    mentions[col.length] = m;
    col.length++;
    if (col.length < LARGE_SAMPLE_DOCUMENTS) return;
    // Sure to be large: fold the entries into sums, in entry order, and let them go.
    const sums: RatioSums = { sumOfScores: 0, mentions: 0, ss: 0, mm: 0, sm: 0 };
    let mentioned = 0;
    for (let e = 0; e < col.length; e++) {
      checked(scores[e], mentions[e]);
      addTo(sums, scores[e], mentions[e]);
      if (mentions[e] > 0) mentioned++;
    }
    col.sums = sums;
    col.mentioned = mentioned;
    col.index = null;
    col.scores = null;
    col.mentions = null;
  }
}

function grow<T extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(from: T, to: T): T {
  to.set(from);
  return to;
}

export type { SparseColumn };
