/**
 * Near-duplicate documents across outlets: wire copies, syndicated articles, press releases printed as news.
 * A copy is not the outlet's own framing — counting it twice would make two outlets look alike because they
 * printed the same agency text — so duplicates are found here and a policy decides whose hits count.
 *
 * Method: word shingling. Each document becomes the set of hashes of its overlapping 5-word windows over
 * lowercased letter/digit tokens (punctuation, quotes and case are ignored, so re-typeset copies still match).
 * Two documents are compared by
 *   - Jaccard     |A∩B| / |A∪B|           (how much of the two texts is common)
 *   - containment |A∩B| / min(|A|, |B|)   (how much of the shorter text appears in the longer one)
 * Decision: a pair is a near-duplicate when containment ≥ 0.8. Containment, not Jaccard, because outlets trim
 * wire copy (drop the last paragraphs, add a local intro): a copy with 60% of the original has Jaccard 0.6 but
 * containment ~1. Jaccard is reported beside it so users can be stricter.
 *
 * Efficiency: documents are added one at a time to an index of small per-document sketches (NearDuplicateIndex);
 * a new document is compared only with earlier documents that share a kept shingle, so unrelated documents cost
 * nothing (no all-pairs loop) and no full shingle set is held. Kept shingles held by more than `maxPostings`
 * documents (boilerplate: "follow us on twitter for", agency bylines) do not generate candidates — they would make
 * the work quadratic — but they are still counted exactly in the overlap of candidate pairs. A candidate is first
 * judged on the sketches; only plausible pairs are counted exactly, on their texts.
 * Consequence: a text copied by more than `maxPostings` documents is not detected; raise it for such corpora.
 */
import { timestampOf } from './dates.js';
import { UnionFind } from './union-find.js';
import { BlockColumn, CHUNK_OFFSET, ChunkedPool, DocumentList, growInt32, Interner, KeyPostings } from './postings.js';

export interface DuplicateInput {
  id: string;
  outlet: string;
  text: string;
  date?: string;
}

export interface DuplicatePair {
  /** The document seen first in the input. */
  a: string;
  b: string;
  outletA: string;
  outletB: string;
  jaccard: number;
  containment: number;
  /** Set when the overlap was estimated from the sketches because the earlier text was not at hand. */
  estimated?: boolean;
}

export interface DuplicateMember {
  id: string;
  outlet: string;
}

export interface DuplicateCluster {
  /** Id of the chosen original: earliest date, then first seen in the input (undated documents count as latest). */
  original: string;
  originalOutlet: string;
  /** All members including the original, in input order. */
  members: DuplicateMember[];
  /** Distinct outlets of the members, sorted. */
  outlets: string[];
}

export interface DuplicateOptions {
  /** Words per shingle (default 5): long enough that shared shingles mean shared text, not shared phrases. */
  shingleSize?: number;
  /** Minimum containment for a near-duplicate (default 0.8). */
  threshold?: number;
  /**
   * Documents with fewer shingles than this are not compared (default 12, i.e. about 16 words): for a one-line
   * text, containment 1 only means a phrase was quoted, not that an article was copied. The default is the winnowing
   * window (WINNOW_WINDOW), so a document it admits that an earlier one contains whole is always a candidate (while
   * the index is within its memory budget; past it, with the probability given under "Sampling" in NearDuplicateIndex).
   */
  minShingles?: number;
  /** Shingles in more documents than this do not generate candidate pairs (default 500). */
  maxPostings?: number;
  /**
   * Bytes the index's keys, key table and list pool may hold (default NEAR_DUPLICATE_BUDGET, 16 MB). Reaching it
   * halves the share of keys kept (see NearDuplicateIndex: sampling) instead of growing.
   */
  memoryBudget?: number;
}

export interface DuplicateResult {
  pairs: DuplicatePair[];
  clusters: DuplicateCluster[];
}

export const DEFAULT_SHINGLE_SIZE = 5;
export const DEFAULT_DUPLICATE_THRESHOLD = 0.8;
export const DEFAULT_MIN_SHINGLES = 12;
export const DEFAULT_MAX_POSTINGS = 500;
/**
 * The near-duplicate index's memory budget in bytes: its kept keys (4 B each), its key table (8 B a slot) and its
 * list pool. 16 MB holds every winnowed key of about 25,000 articles of text that seldom repeats (~660 B each) and of
 * about 50,000 of the bench's generated corpus, where paragraphs recur and recurring keys share one slot (~320 B
 * each); past it the index samples keys (NearDuplicateIndex). Raising it keeps more keys at the cost of the process's
 * peak memory, which must stay under 500 MB at any size (at 24 MB the fresh-text 100k run peaked at 502 MB).
 */
export const NEAR_DUPLICATE_BUDGET = 16 * 2 ** 20;

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercased word tokens: runs of letters and digits. Apostrophes and hyphens split words, the same in every copy. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Shingle hashes in text order (repeats included): each word is hashed once, then each window of `size` word
 * hashes is mixed into one 53-bit value, so a shingle costs a few multiplications instead of joining and hashing a
 * string. A text shorter than `size` words yields one shingle of all its words. The words are those of `wordTokens`,
 * hashed where they stand in the lowercased text: making a string of every word was most of the sketch's garbage.
 */
export function shingleSequence(text: string, size = DEFAULT_SHINGLE_SIZE): Float64Array {
  const n = hashWords(text.toLowerCase());
  if (n === 0) return new Float64Array(0);
  const lane1 = wordLane1;
  const lane2 = wordLane2;
  const width = Math.min(size, n);
  const out = new Float64Array(n - width + 1);
  for (let start = 0; start < out.length; start++) {
    let h1 = 0x2545f491;
    let h2 = 0x68e31da4;
    for (let k = start; k < start + width; k++) {
      // Multiply after each word: the mix depends on word order, not only on the words.
      h1 = Math.imul(h1 ^ lane1[k], 0x01000193) + 0x7f4a7c15;
      h2 = Math.imul(h2 ^ lane2[k], 0x5bd1e995) + 0x165667b1;
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
    h1 ^= h1 >>> 13;
    h2 = Math.imul(h2 ^ (h2 >>> 15), 0xc2b2ae35);
    h2 ^= h2 >>> 16;
    out[start] = (h2 & 0x1fffff) * 0x100000000 + (h1 >>> 0);
  }
  // A very long text must not leave its scratch behind for the rest of the run.
  if (wordLane1.length > SCRATCH_KEPT) {
    wordLane1 = new Int32Array(1024);
    wordLane2 = new Int32Array(1024);
  }
  return out;
}

/** The two hash lanes of each word of the last text given to hashWords (scratch, reused from text to text). */
let wordLane1 = new Int32Array(1024);
let wordLane2 = new Int32Array(1024);
/** Scratch lanes longer than this many words (512 KB both) are let go after use. */
const SCRATCH_KEPT = 1 << 16;
/**
 * Per UTF-16 code unit below 0x10000: 1 when it is a letter or digit on its own (WORD's class), 2 when not, 0 not yet
 * looked up. Lone surrogates are not (as in WORD); a surrogate pair is looked up as its code point.
 */
const WORD_UNIT = new Uint8Array(0x10000);
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

function isWordUnit(code: number): boolean {
  let known = WORD_UNIT[code];
  if (known === 0) WORD_UNIT[code] = known = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/**
 * Hashes the words of a lowercased text (the runs of letters and digits WORD finds, code point by code point) into
 * wordLane1/wordLane2 with the two per-word hashes (FNV-1a and a multiplicative one over the word's UTF-16 code
 * units); returns how many words there are.
 */
function hashWords(lower: string): number {
  let n = 0;
  let inWord = false;
  let h1 = 0;
  let h2 = 0;
  const length = lower.length;
  for (let i = 0; i < length; i++) {
    const code = lower.charCodeAt(i);
    let word: boolean;
    let pair = false;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length && (lower.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      pair = true;
      word = WORD_CHARACTER.test(lower.slice(i, i + 2));
    } else word = isWordUnit(code);
    if (!word) {
      if (inWord) {
        keepWord(n++, h1, h2);
        inWord = false;
      }
      if (pair) i++;
      continue;
    }
    if (!inWord) {
      h1 = 0x811c9dc5; // FNV-1a offset basis
      h2 = 0x9e3779b9;
      inWord = true;
    }
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995);
    if (pair) {
      const low = lower.charCodeAt(++i);
      h1 = Math.imul(h1 ^ low, 0x01000193);
      h2 = Math.imul(h2 ^ low, 0x5bd1e995);
    }
  }
  if (inWord) keepWord(n++, h1, h2);
  return n;
}

function keepWord(at: number, h1: number, h2: number): void {
  if (at === wordLane1.length) {
    wordLane1 = growInt32(wordLane1);
    wordLane2 = growInt32(wordLane2);
  }
  wordLane1[at] = h1;
  wordLane2[at] = h2;
}

/** The distinct shingle hashes of a text, ascending (the exact overlap of two texts is one merge of two of these). */
export function shingleSet(text: string, size = DEFAULT_SHINGLE_SIZE): Float64Array {
  return distinctSorted(shingleSequence(text, size));
}

/** Hashes of the distinct `size`-word shingles; a text shorter than `size` words yields one shingle of all its words. */
export function shingleHashes(text: string, size = DEFAULT_SHINGLE_SIZE): Set<number> {
  return new Set(shingleSequence(text, size));
}

function distinctSorted(values: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let n = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[n++] = sorted[k];
  return n === sorted.length ? sorted : sorted.slice(0, n);
}

/**
 * Everything NearDuplicateIndex needs from a text, computed without the index: the text work (tokens, hashes,
 * winnowing) can run in a worker thread, and both arrays are transferable (each owns its whole buffer), so the
 * index's thread only looks up keys. About 8 bytes per distinct shingle (3 KB for 400 words).
 */
export interface NearDuplicateSketch {
  /** Words per shingle the sketch was made with; the index refuses a sketch of another size. */
  shingleSize: number;
  /** Distinct shingle hashes of the text, ascending (the exact overlap with another text is one merge). */
  shingles: Float64Array<ArrayBuffer>;
  /** Kept keys, ascending: every shingle's key for a short text (fewer than KEEP_WHOLE_BELOW shingles), else the winnowed ones. */
  keys: Int32Array<ArrayBuffer>;
}

/** The sketch of one text for `NearDuplicateIndex.addSketch` (pure: same text and size, same sketch). */
export function nearDuplicateSketch(text: string, shingleSize = DEFAULT_SHINGLE_SIZE): NearDuplicateSketch {
  const sequence = shingleSequence(text, shingleSize);
  const shingles = distinctSorted(sequence) as Float64Array<ArrayBuffer>;
  const keys = shingles.length < KEEP_WHOLE_BELOW ? keysOf(shingles) : uniqueSorted(winnow(sequence, WINNOW_WINDOW));
  return { shingleSize, shingles, keys };
}


/** All documents at once: the incremental index fed in input order, every candidate verified on its text. */
export function findNearDuplicates(documents: readonly DuplicateInput[], options: DuplicateOptions = {}): DuplicateResult {
  const seen = new Set<string>();
  for (const doc of documents) {
    if (seen.has(doc.id)) throw new RangeError(`duplicate document id: ${doc.id}`);
    seen.add(doc.id);
  }
  const textById = new Map(documents.map((d) => [d.id, d.text]));
  const index = new NearDuplicateIndex(options, (id) => textById.get(id));
  for (const doc of documents) index.add(doc);
  return index.result();
}

/**
 * A document of ordinary length keeps the winnowed shingles: in every run of WINNOW_WINDOW consecutive shingles,
 * the one with the smallest hash (ties: the rightmost). Any passage two documents share that spans a full window
 * therefore shares a kept shingle — a guarantee a random sample cannot give for short copied passages — and the
 * choice depends only on the passage, so copies keep the same shingles there. About 2/(window + 1) of the shingles.
 */
export const WINNOW_WINDOW = 12;
/** Shorter documents are kept whole (every shingle indexed): their sample would be too small to judge by. */
export const KEEP_WHOLE_BELOW = 128;
/** A candidate is examined further when its estimated overlap reaches this share of the threshold. */
const ESTIMATE_MARGIN = 0.6;
/**
 * How many shingles the verified texts' sets may hold in all (least recently used first out): 16 MB. A text that
 * many later documents copy (a wire story) is then shingled once, not once per copy.
 */
const RECENT_SHINGLES = 1_000_000;
/** Below this many shingles, passage edges make the estimate rough: a wider margin. */
const SHORT_DOCUMENT = 128;
const SHORT_MARGIN = 0.4;

function marginFor(smaller: number): number {
  return smaller < SHORT_DOCUMENT ? SHORT_MARGIN : ESTIMATE_MARGIN;
}

/** Bits of the probe's boilerplate-key filter (a power of two; 2 KB). */
const SKIP_BITS = 1 << 14;
const SKIP_MASK = SKIP_BITS - 1;

/** Keys of the index: the low 30 bits of a shingle hash, small integers that a Map holds without boxing. */
const KEY_SPACE = 2 ** 30;

/** What the index keeps of one document: a few hundred bytes, whatever the corpus size. */
interface DocumentSketch {
  id: string;
  outlet: string;
  date?: string;
  /** Distinct shingles of the whole text. */
  size: number;
  /** Sorted keys: every shingle when whole, else the winnowed shingles (see WINNOW_WINDOW). */
  keys: Int32Array;
  whole: boolean;
}

/** The serialisable state of a NearDuplicateIndex (`toState` / `fromState`), plain JSON. */
export interface NearDuplicateState {
  version: 1;
  options: Required<DuplicateOptions>;
  documents: Array<{ id: string; outlet: string; date?: string; size: number; whole: boolean; keys: string }>;
  pairs: DuplicatePair[];
  pairIndices: [number, number][];
  /** Keys kept are those below this (see NearDuplicateIndex: sampling); absent means all (2^30). */
  sampleBelow?: number;
}

/** Where the near-duplicate index reads each document's id, outlet and date by position (its k-th document added). */
export interface DuplicateColumns {
  id(k: number): string;
  outlet(k: number): string;
  date(k: number): string | undefined;
}

/**
 * Incremental near-duplicate detection: documents are added one at a time and each is compared only with the
 * earlier documents that share a kept shingle. Per document the index keeps a sketch — its shingle count and the
 * keys of its winnowed shingles (about 15% of them; a short document is kept whole) — in typed arrays, so memory
 * grows by a few hundred bytes per document, never by its text. A new document is looked up by its own kept keys,
 * and a key held by more than `maxPostings` documents is not looked up at all, so one document costs at most
 * (kept keys × maxPostings) steps, however large the corpus.
 *
 * A candidate's overlap is first estimated on the sketches (kept keys in common, times the shingles a kept key
 * stands for). A plausible candidate is then counted exactly from the two texts when `textOf`
 * can give the earlier text (a store, or the corpus in memory); otherwise the decision rests on the estimate (exact
 * when the earlier document was kept whole), and `estimated` in the pair says so.
 *
 * Where most text recurs (a corpus recombined from a few hundred paragraphs, each in hundreds of documents), almost
 * every candidate shares a paragraph or two and nothing more, and counting its boilerplate keys was most of the
 * work. So the estimate is bounded before it is made, with the same arithmetic as the decision, so that only pairs
 * the estimate would reject are dropped: the keys found, plus no more boilerplate keys than the candidate holds
 * (`heavy`, kept up to date as keys cross `maxPostings`), then plus the candidate's keys that hit a bit filter of
 * the probe's boilerplate keys (an overcount by collisions only). The survivors' boilerplate keys are counted exactly.
 * Text work and index work are apart (`nearDuplicateSketch`, `addSketch`), so the first can run in a worker.
 *
 * Guarantee (within the memory budget; see Sampling below for past it): a shared passage of at least WINNOW_WINDOW
 * consecutive shingles (16 words) always makes the pair a candidate, whatever the order of the documents, and a
 * document shorter than KEEP_WHOLE_BELOW shingles is kept whole, so its overlap with any later text is counted
 * exactly. The estimate must reach ESTIMATE_MARGIN (0.6) of the
 * threshold before a pair is counted exactly — SHORT_MARGIN (0.4) when the smaller document is short — so a pair
 * whose estimate falls below while its true containment reaches 0.8 can be missed: on the generated corpora of
 * tests/unit/scale-equality.test.ts, none of 5,131 pairs the old all-pairs index found is (the test allows 1 in 1,000).
 *
 * Sampling: memory bounded whatever the text. On text that seldom repeats nearly every kept key is new, so the keys
 * and the key table grow with the corpus (~600 bytes per article; 100k articles passed 60 MB). The index therefore
 * has a budget (`memoryBudget`, NEAR_DUPLICATE_BUDGET) for its keys, key table and list pool. It keeps only keys
 * below `sampleBelow`, which starts at 2^30 (every key). When the budget is passed, `sampleBelow` is halved and every
 * key at or above it is dropped — from every stored document and from the table, which is rebuilt to fit — and this
 * repeats until the index is within budget again; later documents keep only keys below it. Keys are the low 30 bits
 * of a shingle hash, independent of the high bits by which winnowing chose them, so after k halvings each winnowed
 * key is kept with probability p = 2^-k, and the rule depends on the key alone: a shared passage's key is kept in
 * both documents or in neither. Everything else (estimate, margins, exact counting on the texts) is unchanged, with
 * the estimate scaled by the kept keys (a document's shingles per kept key), and no document is kept whole any more.
 * Each halving costs one pass over what the index holds, so over a run it costs at most about twice the insertions.
 *
 * Guarantee once sampling started (p < 1): a passage of n ≥ 12 shingles (n + 4 words) that two documents share holds
 * the winnowed shingles of ⌊n/12⌋ disjoint windows in both; when these are distinct shingles, the pair is a candidate
 * with probability at least 1 − (1 − p)^⌊n/12⌋ (hash keys taken as independent and uniform): at p = 1/2, 50% for 16
 * words, 97% for 64 words (5 windows), 99.9% for 124 words; at p = 1/4, 94% for 124 words and 99.9% for 292 (24
 * windows). A trimmed copy sharing one passage of 320 shingles with its original (26 windows) is then a candidate
 * with probability ≥ 0.9994 at p = 1/4 and ≥ 0.97 at p = 1/8; a copy with scattered edits shares shorter passages
 * and counts the windows of each. Being a candidate is not the decision: the estimate, now made from fewer keys, must
 * still reach the margin before the texts are counted exactly, and that is a matter of sampling noise, not of a
 * bound (tests/unit/stats-duplicates-budget.test.ts finds every planted copy at p ≤ 1/4). Certainty (the guarantee
 * above) holds while p = 1, i.e. for every corpus whose keys fit in the budget from start to end: its results are the
 * same as without a budget. The per-document columns (size, key count, key start, boilerplate count, whole flag and
 * the candidate counter: 21 bytes, in blocks of 2^16 documents that are added, never copied; id, outlet and date from
 * the caller's columns) are outside the budget and grow by document, not by text.
 */
export class NearDuplicateIndex {
  readonly options: Required<DuplicateOptions>;
  /**
   * What is kept of each document, by position, in columns: an object per document cost ~95 bytes. Its keys live in
   * one shared pool (a typed array per document costs ~200 bytes); sizes, counts and where the keys start are below.
   */
  private readonly ids: string[] = [];
  /** Documents added. */
  private count = 0;
  /** Document k's id, outlet and date: from the arrays here, or from the caller's own columns (the constructor's `columns`). */
  private readonly columns: DuplicateColumns;
  private readonly ownColumns: boolean;
  private readonly outlets: string[] = [];
  private readonly dates: Array<string | undefined> = [];
  /** One string per distinct outlet and date, shared by every document that has it. */
  private readonly names = new Interner();
  private readonly keyPool = new ChunkedPool((n) => new Int32Array(n));
  /** Ids added, to refuse a second document with one (null when the caller guarantees distinct ids). */
  private readonly seen: Set<string> | null;
  private readonly postings: KeyPostings;
  private readonly pairs: DuplicatePair[] = [];
  private readonly pairIndices: [number, number][] = [];
  /** Per document, for the quick bound without touching its sketch object: shingle count and kept keys. */
  private readonly sizes = int32Column();
  private readonly counts = int32Column();
  /** Where each document's keys start in the key pool. */
  private readonly starts = int32Column();
  /**
   * 1 for a whole sketch (every shingle's key kept). A winnowed one's shingles per kept key are computed from its size
   * and count when read (`scaleOf`): a column of them was 8 more bytes per document for the whole run.
   */
  private readonly whole = new BlockColumn((n) => new Uint8Array(n));
  /**
   * Per document: how many of its kept keys are boilerplate now (held by more than `maxPostings` documents). A probe
   * cannot share more boilerplate keys with it than that, which rejects most candidates without reading their keys.
   */
  private readonly heavy = int32Column();
  /** Keys at or above this are not kept (2^30: all; halved each time the budget is passed). */
  private sampleBelow = KEY_SPACE;

  /**
   * `checkIds`: refuse a second document with an id already added. A caller that already refuses them (the report
   * builder) passes false and saves a set of every id (~4 MB at 100k documents).
   * `columns`: the id, outlet and date of the k-th document added, from a caller that keeps them anyway (the report
   * builder's columns) and adds documents in the same order, with the same values; the index then keeps no arrays of
   * them (8 bytes a document each, and the id strings themselves, which the caller can then keep out of memory).
   */
  constructor(options: DuplicateOptions = {}, private readonly textOf?: (id: string) => string | undefined, checkIds = true, columns?: DuplicateColumns) {
    this.seen = checkIds ? new Set() : null;
    this.ownColumns = columns === undefined;
    this.columns = columns ?? { id: (k) => this.ids[k], outlet: (k) => this.outlets[k], date: (k) => this.dates[k] };
    this.options = {
      shingleSize: options.shingleSize ?? DEFAULT_SHINGLE_SIZE,
      threshold: options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD,
      minShingles: options.minShingles ?? DEFAULT_MIN_SHINGLES,
      maxPostings: options.maxPostings ?? DEFAULT_MAX_POSTINGS,
      memoryBudget: options.memoryBudget ?? NEAR_DUPLICATE_BUDGET,
    };
    const { shingleSize, threshold, memoryBudget } = this.options;
    if (!(memoryBudget > 0)) throw new RangeError(`memoryBudget must be a positive number of bytes, got ${memoryBudget}`);
    if (!Number.isInteger(shingleSize) || shingleSize < 1) throw new RangeError(`shingleSize must be a positive integer`);
    if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
    // Lists of boilerplate keys are never read, so they stop growing one past the limit.
    this.postings = new KeyPostings(this.options.maxPostings + 1);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the budgeted arrays: kept keys, key table, list pool (see `memoryBudget`). */
  get budgetedBytes(): number {
    return this.keyPool.capacity * 4 + this.postings.bytes;
  }

  /**
   * Bytes of the per-document columns (sizes, counts, starts, boilerplate counts, whole flags, and the candidate
   * counters), outside the budget: 21 B per document plus at most one block's spare room (BlockColumn).
   */
  get columnBytes(): number {
    return this.sizes.byteLength + this.counts.byteLength + this.starts.byteLength + this.heavy.byteLength + this.whole.byteLength + this.found.byteLength;
  }

  /** Share of winnowed keys kept: 1 until the budget was first reached, then 1/2, 1/4, … */
  get sampleRate(): number {
    return this.sampleBelow / KEY_SPACE;
  }

  /** Keys held for all documents (what `budgetedBytes` spends 4 bytes on each). */
  get keptKeys(): number {
    let n = 0;
    for (let d = 0; d < this.count; d++) n += this.counts.get(d);
    return n;
  }

  /** Adds one document; returns the near-duplicate pairs it forms with earlier documents. */
  add(doc: DuplicateInput): DuplicatePair[] {
    return this.addSketch(doc, nearDuplicateSketch(doc.text, this.options.shingleSize));
  }

  /**
   * Adds one document by its sketch (`nearDuplicateSketch` of its text, made anywhere, e.g. in a worker); the same
   * pairs as `add` with the text. Earlier texts are still read through `textOf` to verify plausible pairs exactly.
   */
  addSketch(doc: Omit<DuplicateInput, 'text'>, sketch: NearDuplicateSketch): DuplicatePair[] {
    if (this.seen?.has(doc.id)) throw new RangeError(`duplicate document id: ${doc.id}`);
    if (!(sketch?.shingles instanceof Float64Array) || !(sketch.keys instanceof Int32Array)) {
      throw new TypeError(`near-duplicate sketch of ${doc.id}: expected { shingleSize, shingles: Float64Array, keys: Int32Array } from nearDuplicateSketch (typed arrays survive postMessage, not JSON)`);
    }
    if (sketch.shingleSize !== this.options.shingleSize) {
      throw new RangeError(`near-duplicate sketch of ${doc.id}: made with ${sketch.shingleSize}-word shingles, the index uses ${this.options.shingleSize}`);
    }
    const { shingles, keys } = sketch;
    const whole = shingles.length < KEEP_WHOLE_BELOW;
    return this.insert({ id: doc.id, outlet: doc.outlet, date: doc.date, size: shingles.length, keys, whole }, shingles);
  }

  /** Pairs found so far, ordered by the first-seen member, then the second. */
  result(): DuplicateResult {
    const order = this.pairIndices.map((_, k) => k).sort((x, y) =>
      this.pairIndices[x][0] - this.pairIndices[y][0] || this.pairIndices[x][1] - this.pairIndices[y][1]);
    return {
      pairs: order.map((k) => this.pairs[k]),
      clusters: clustersOf(this.count, this.columns, this.pairIndices),
    };
  }

  /**
   * Adds every document of `other` after this index's own, as if they had been added here in that order (a
   * shard's documents after the previous shards'). Pairs inside `other` are kept; pairs across are found anew.
   */
  merge(other: NearDuplicateIndex): this {
    // One sampling rule for all: the lower rate of the two (other's keys are already sampled at its own).
    while (this.sampleBelow > other.sampleBelow) this.halve();
    const offset = this.count;
    for (let k = 0; k < other.count; k++) {
      const sketch = other.sketchAt(k);
      if (this.seen?.has(sketch.id)) throw new RangeError(`duplicate document id: ${sketch.id}`);
      const text = this.textOf?.(sketch.id);
      const shingles = text === undefined ? undefined : shingleSet(text, this.options.shingleSize);
      // Pairs inside `other` were already decided there; only earlier shards are searched here.
      this.insert(sketch, shingles, offset);
    }
    other.pairIndices.forEach(([i, j], k) => {
      this.pairs.push(other.pairs[k]);
      this.pairIndices.push([i + offset, j + offset]);
    });
    return this;
  }

  toState(): NearDuplicateState {
    return {
      version: 1,
      options: { ...this.options },
      documents: Array.from({ length: this.count }, (_, k) => ({
        id: this.columns.id(k), outlet: this.columns.outlet(k), date: this.columns.date(k), size: this.sizes.get(k), whole: this.scaleOf(k) === 0,
        keys: keysBase64(this.keyPool.view(this.starts.get(k), this.counts.get(k))),
      })),
      pairs: this.pairs.map((p) => ({ ...p })),
      pairIndices: this.pairIndices.map(([i, j]) => [i, j]),
      ...(this.sampleBelow < KEY_SPACE ? { sampleBelow: this.sampleBelow } : {}),
    };
  }

  static fromState(state: NearDuplicateState, textOf?: (id: string) => string | undefined, checkIds = true): NearDuplicateIndex {
    if (state?.version !== 1) throw new RangeError(`near-duplicate state: unknown version ${String(state?.version)}`);
    const index = new NearDuplicateIndex(state.options, textOf, checkIds);
    const below = state.sampleBelow ?? KEY_SPACE;
    if (!(Number.isInteger(below) && below >= 1 && below <= KEY_SPACE && (below & (below - 1)) === 0)) {
      throw new RangeError(`near-duplicate state: sampleBelow must be a power of two up to 2^30, got ${String(state.sampleBelow)}`);
    }
    index.sampleBelow = below;
    for (const d of state.documents) {
      const bytes = Buffer.from(d.keys, 'base64');
      const keys = new Int32Array(bytes.byteLength / 4);
      new Uint8Array(keys.buffer).set(bytes);
      // Sampled again when this index's budget is smaller than the one that made the state.
      const sketch = index.sampled({ id: d.id, outlet: d.outlet, date: d.date, size: d.size, whole: d.whole, keys });
      const position = index.ids.length;
      index.seen?.add(sketch.id);
      index.store(sketch);
      index.index(sketch, position);
      index.keepWithinBudget();
    }
    state.pairs.forEach((p, k) => {
      index.pairs.push({ ...p });
      index.pairIndices.push([state.pairIndices[k][0], state.pairIndices[k][1]]);
    });
    return index;
  }

  /**
   * Compares a new sketch with the documents before `searchBelow` (all earlier ones by default), records its
   * pairs, then indexes it. `shingles` (the full set, ascending) is absent when only the sketch is known (merged
   * states). Candidates are looked up with the sketch's own keys: winnowed keys of a passage two texts share are the
   * same in both, so a shared passage of a full window is found with a sixth of the lookups of the full set.
   */
  private insert(full: DocumentSketch, shingles: Float64Array | undefined, searchBelow = this.count): DuplicatePair[] {
    const sketch = this.sampled(full);
    const position = this.count;
    this.seen?.add(sketch.id);
    this.store(sketch);
    const found: DuplicatePair[] = [];
    if (sketch.size >= this.options.minShingles) {
      const skipped = this.candidates(sketch.keys, searchBelow);
      const { threshold } = this.options;
      const probeScale = sketch.whole ? 1 : sketch.size / Math.max(sketch.keys.length, 1);
      const list = this.candidateList;
      const plausible = this.plausible;
      plausible.clear();
      for (let c = 0; c < list.length; c++) {
        const other = list.items[c];
        const keysFound = this.found.get(other);
        // A quick bound first, on typed arrays (most candidates share a phrase or a paragraph, far below the
        // threshold): the keys found, plus as many boilerplate keys as both the probe and `other` hold (and `other`
        // has keys left for), cannot be fewer than the keys in common. Same arithmetic as `judge`, so whatever it
        // rejects `judge` would reject too.
        const size = this.sizes.get(other);
        const smaller = Math.min(size, sketch.size);
        const otherScale = this.scaleOf(other);
        const scale = otherScale > 0 ? otherScale : probeScale;
        const needed = marginFor(smaller) * threshold * smaller;
        const most = keysFound + Math.min(skipped, this.heavy.get(other), this.counts.get(other) - keysFound);
        // Then, when boilerplate could decide, a closer bound on it from the skip bits.
        if (most * scale < needed || (most > keysFound && (keysFound + this.skippedBound(other)) * scale < needed)) this.found.set(other, 0);
        else plausible.push(other);
      }
      // In document order, as pairs are recorded.
      const order = plausible.items.subarray(0, plausible.length).sort();
      for (const other of order) {
        const keysFound = this.found.get(other);
        this.found.set(other, 0);
        const pair = this.judge(other, keysFound, skipped, sketch, shingles);
        if (!pair) continue;
        this.pairs.push(pair);
        this.pairIndices.push([other, position]);
        found.push(pair);
      }
      this.index(sketch, position);
    }
    this.keepWithinBudget();
    return found;
  }

  /** The sketch under the current sampling rule: its keys below `sampleBelow` (a prefix: keys are ascending). */
  private sampled(sketch: DocumentSketch): DocumentSketch {
    if (this.sampleBelow === KEY_SPACE) return sketch;
    const kept = countBelow(sketch.keys, this.sampleBelow);
    return { ...sketch, keys: kept === sketch.keys.length ? sketch.keys : sketch.keys.subarray(0, kept), whole: false };
  }

  /** Halves the sampling rate until the budgeted arrays fit in `memoryBudget` again (see the class comment). */
  private keepWithinBudget(): void {
    while (this.budgetedBytes > this.options.memoryBudget && this.sampleBelow > 1) this.halve();
  }

  /**
   * Drops every kept key at or above half the current `sampleBelow`, from the documents' keys (packed anew) and the
   * postings (rebuilt to fit); the scales follow the new key counts and the boilerplate counts are taken again.
   */
  private halve(): void {
    const below = this.sampleBelow / 2;
    this.sampleBelow = below;
    const n = this.count;
    for (let d = 0; d < n; d++) {
      const kept = countBelow(this.keyPool.view(this.starts.get(d), this.counts.get(d)), below);
      this.counts.set(d, kept);
      // No document is whole once sampled: a key found stands for size / kept shingles.
      this.whole.set(d, 0);
    }
    this.keyPool.shrinkRecords(this.starts, this.counts, n);
    this.postings.retain((key) => key < below);
    const boilerplate = this.options.maxPostings;
    for (let d = 0; d < n; d++) {
      let heavy = 0;
      if (this.sizes.get(d) >= this.options.minShingles) {
        const keys = this.keyPool.view(this.starts.get(d), this.counts.get(d));
        for (let k = 0; k < keys.length; k++) if (this.postings.count(keys[k]) > boilerplate) heavy++;
      }
      this.heavy.set(d, heavy);
    }
  }

  /** Shingles per kept key of document d's sketch; 0 for a whole one (and for an empty one, as it always was). */
  private scaleOf(d: number): number {
    return this.whole.get(d) === 1 ? 0 : this.sizes.get(d) / Math.max(this.counts.get(d), 1);
  }

  private store(sketch: DocumentSketch): void {
    const start = this.keyPool.append(sketch.keys);
    const keys = sketch.keys;
    const position = this.count;
    if (position === this.sizes.capacity) {
      for (const column of [this.sizes, this.counts, this.starts, this.heavy]) column.reserve(position + 1);
      this.whole.reserve(position + 1);
    }
    this.sizes.set(position, sketch.size);
    this.counts.set(position, keys.length);
    this.starts.set(position, start);
    this.whole.set(position, sketch.whole ? 1 : 0);
    this.count++;
    if (!this.ownColumns) return;
    this.ids.push(sketch.id);
    this.outlets.push(this.names.get(sketch.outlet));
    this.dates.push(sketch.date === undefined ? undefined : this.names.get(sketch.date));
  }

  /** The sketch of the document at `position`, as it was added (keys copied out of the pool). */
  private sketchAt(position: number): DocumentSketch {
    return {
      id: this.columns.id(position), outlet: this.columns.outlet(position), date: this.columns.date(position), size: this.sizes.get(position),
      whole: this.scaleOf(position) === 0, keys: this.keyPool.view(this.starts.get(position), this.counts.get(position)).slice(),
    };
  }

  /** Shingle sets of recently verified earlier documents: a text shared by many candidates is shingled once. */
  private readonly recent = new Map<string, Float64Array>();

  private recentShingles = 0;

  private shinglesOf(id: string, text: string): Float64Array {
    let set = this.recent.get(id);
    if (set) {
      this.recent.delete(id);
    } else {
      set = shingleSet(text, this.options.shingleSize);
      this.recentShingles += set.length;
      for (const [oldest, old] of this.recent) {
        if (this.recentShingles <= RECENT_SHINGLES) break;
        this.recent.delete(oldest);
        this.recentShingles -= old.length;
      }
    }
    this.recent.set(id, set);
    return set;
  }

  /**
   * Per earlier document: probe keys found in its sketch during one `candidates` call (reset by the caller). A block
   * column like the others: as a doubling array it was a fifth column that copied itself as the corpus grew.
   */
  private readonly found = int32Column();
  /** Earlier documents sharing a looked-up key with the probe, in the order first met (filled by `candidates`). */
  private readonly candidateList = new DocumentList();
  /** Candidates that pass the quick bound (see `insert`). */
  private readonly plausible = new DocumentList();
  /** The probe's boilerplate keys, ascending (the probe is sorted). */
  private readonly skippedKeys = new DocumentList();
  /**
   * The probe's boilerplate keys as bits (key modulo 2^14): counting the kept keys of a candidate whose bit is set
   * takes a few operations per key and no branch, and can only overcount (two keys on one bit), so it is an upper
   * bound on the boilerplate keys they share — nearly exact with a few dozen bits set of 16,384.
   */
  private readonly skipBits = new Int32Array(SKIP_BITS / 32);

  /**
   * Fills `candidateList` with the earlier documents sharing at least one kept key with the probe, with the number of
   * shared keys in `found` (a typed counter per document: a candidate costs one increment, however many there are).
   * Boilerplate keys generate no candidates; they go to `skippedKeys` and `skipBits` so they can be counted later,
   * and their number is returned.
   */
  private candidates(probe: Int32Array, below: number): number {
    this.found.reserve(this.count);
    this.candidateList.clear();
    const skipped = this.skippedKeys;
    for (let k = 0; k < skipped.length; k++) this.skipBits[(skipped.items[k] & SKIP_MASK) >>> 5] = 0;
    skipped.clear();
    const limit = this.options.maxPostings;
    for (const key of probe) {
      // A key held by very many documents is boilerplate: it generates no candidates (it is still counted in judge).
      if (this.postings.count(key) > limit) {
        skipped.push(key);
        this.skipBits[(key & SKIP_MASK) >>> 5] |= 1 << (key & 31);
        continue;
      }
      this.postings.tallyBlocks(key, this.found, below, this.candidateList);
    }
    return skipped.length;
  }

  /** At least the number of an earlier document's kept keys that are boilerplate keys of the probe (see skipBits). */
  private skippedBound(earlier: number): number {
    const bits = this.skipBits;
    const pool = this.keyPool.chunkAt(this.starts.get(earlier));
    const start = this.starts.get(earlier) & CHUNK_OFFSET;
    const end = start + this.counts.get(earlier);
    let most = 0;
    for (let k = start; k < end; k++) {
      const key = pool[k];
      most += (bits[(key & SKIP_MASK) >>> 5] >>> (key & 31)) & 1;
    }
    return most;
  }

  private judge(earlier: number, foundKeys: number, skipped: number, sketch: DocumentSketch, shingles: Float64Array | undefined): DuplicatePair | null {
    const size = this.sizes.get(earlier);
    const { threshold } = this.options;
    const smaller = Math.min(size, sketch.size);
    const needed = marginFor(smaller) * threshold * smaller;
    // Shared keys → shared shingles: a winnowed side keeps about one key in `size / count` of its shingles, so each
    // key found stands for that many (when both are winnowed, the keys of a shared passage are the same in both);
    // two whole sides share exactly the keys found.
    const earlierScale = this.scaleOf(earlier);
    const whole = earlierScale === 0;
    const scale = !whole ? earlierScale : sketch.whole ? 1 : sketch.size / Math.max(sketch.keys.length, 1);
    // Boilerplate keys (not looked up in the postings) that `a` holds, counted by one merge of two short sorted lists.
    const inA = foundKeys + (skipped === 0 ? 0 : countShared(this.keyPool.view(this.starts.get(earlier), this.counts.get(earlier)), this.skippedKeys.items.subarray(0, skipped)));
    const estimate = inA * scale;
    // Winnowed keys of a shared passage are the same in both texts, so the estimate is close; the margin leaves room
    // for passage edges, which weigh more in a short document.
    if (estimate < needed) return null;

    let shared: number;
    let estimated = false;
    const id = this.columns.id(earlier);
    const text = shingles ? this.textOf?.(id) : undefined;
    if (text !== undefined && shingles) {
      shared = countShared(this.shinglesOf(id, text), shingles);
    } else if (whole && sketch.whole) {
      shared = inA;
    } else {
      shared = Math.min(estimate, smaller);
      estimated = true;
    }
    const containment = shared / smaller;
    if (containment < threshold) return null;
    const pair: DuplicatePair = {
      a: id, b: sketch.id, outletA: this.columns.outlet(earlier), outletB: sketch.outlet,
      jaccard: shared / (size + sketch.size - shared),
      containment,
    };
    if (estimated) pair.estimated = true;
    return pair;
  }

  private index(sketch: DocumentSketch, position: number): void {
    if (sketch.size < this.options.minShingles) return;
    const boilerplate = this.options.maxPostings + 1;
    for (const key of sketch.keys) {
      this.postings.add(key, position);
      const holders = this.postings.count(key);
      // The key just became boilerplate: every holder (all listed, the list stops here) has one more such key.
      if (holders === boilerplate) this.postings.forEach(key, (d) => this.heavy.increment(d));
      else if (holders > boilerplate) this.heavy.increment(position);
    }
  }
}

function int32Column(): BlockColumn<Int32Array<ArrayBuffer>> {
  return new BlockColumn((n) => new Int32Array(n));
}

/** How many of the ascending `keys` are below `limit` (binary search). */
function countBelow(keys: ArrayLike<number>, limit: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function keyOf(hash: number): number {
  return hash % KEY_SPACE;
}

function keysBase64(keys: Int32Array): string {
  return Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength).toString('base64');
}

/** Sorted distinct keys of a full shingle set. */
function keysOf(shingles: Float64Array): Int32Array<ArrayBuffer> {
  const keys = new Int32Array(shingles.length);
  for (let k = 0; k < shingles.length; k++) keys[k] = keyOf(shingles[k]);
  return uniqueSorted(keys);
}

function uniqueSorted(keys: Int32Array): Int32Array<ArrayBuffer> {
  keys.sort();
  let n = 0;
  for (let k = 0; k < keys.length; k++) if (k === 0 || keys[k] !== keys[k - 1]) keys[n++] = keys[k];
  return keys.slice(0, n);
}

/** Keys of the winnowed shingles of a sequence of shingle hashes (see WINNOW_WINDOW). */
function winnow(hashes: Float64Array, window: number): Int32Array {
  const kept: number[] = [];
  let last = -1;
  for (let start = 0; start + window <= hashes.length; start++) {
    let best = start;
    for (let k = start + 1; k < start + window; k++) if (hashes[k] <= hashes[best]) best = k;
    if (best !== last) {
      kept.push(keyOf(hashes[best]));
      last = best;
    }
  }
  return Int32Array.from(kept);
}

/** |a ∩ b| of two ascending arrays of distinct values (one merge pass): kept keys, or full shingle sets. */
function countShared(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let shared = 0;
  for (let x = 0, y = 0; x < a.length && y < b.length;) {
    const u = a[x];
    const v = b[y];
    if (u === v) {
      shared++;
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return shared;
}

/** Connected components of the duplicate graph (a copy of a copy is in the original's cluster). */
function clustersOf(count: number, columns: DuplicateColumns, pairIndices: readonly [number, number][]): DuplicateCluster[] {
  const sets = new UnionFind(count);
  for (const [i, j] of pairIndices) sets.union(i, j);
  const clusters: DuplicateCluster[] = [];
  for (const group of sets.groups()) {
    if (group.length < 2) continue;
    const originalIndex = earliest(columns, group);
    const members = group.map((index) => ({ id: columns.id(index), outlet: columns.outlet(index) }));
    clusters.push({
      original: columns.id(originalIndex),
      originalOutlet: columns.outlet(originalIndex),
      members,
      outlets: [...new Set(members.map((m) => m.outlet))].sort(),
    });
  }
  return clusters;
}

/** Earliest dated member; among equal or missing dates, the first in input order (group is ascending). */
function earliest(columns: DuplicateColumns, group: readonly number[]): number {
  let best = group[0];
  let bestTime = timestampOf(columns.date(best)) ?? Infinity;
  for (const index of group.slice(1)) {
    const time = timestampOf(columns.date(index)) ?? Infinity;
    if (time < bestTime) {
      best = index;
      bestTime = time;
    }
  }
  return best;
}

/**
 * How duplicates affect an outlet's framing counts:
 *  - 'keep-all': every document counts for its outlet (reprinting a text is also an editorial choice).
 *  - 'first-outlet-only': in each cluster only the original's outlet keeps its documents; members from other
 *    outlets are copies of another outlet's (or agency's) text and are excluded.
 *  - 'exclude-copies': only the original itself counts; every other member is excluded, including the original
 *    outlet's own reprints, so each text counts exactly once in the corpus.
 */
export type DuplicatePolicy = 'keep-all' | 'first-outlet-only' | 'exclude-copies';

/** Ids of the documents whose hits should NOT count toward their outlet's own framing under `policy`. */
export function applyDuplicatePolicy(clusters: readonly DuplicateCluster[], policy: DuplicatePolicy): Set<string> {
  const excluded = new Set<string>();
  if (policy === 'keep-all') return excluded;
  if (policy !== 'first-outlet-only' && policy !== 'exclude-copies') {
    throw new RangeError(`unknown duplicate policy: ${String(policy)}`);
  }
  for (const cluster of clusters) {
    for (const member of cluster.members) {
      if (member.id === cluster.original) continue;
      if (policy === 'first-outlet-only' && member.outlet === cluster.originalOutlet) continue;
      excluded.add(member.id);
    }
  }
  return excluded;
}
