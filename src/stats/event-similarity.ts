/**
 * Text similarity between article openings, for same-event grouping when the lexicon's places and incidents do not
 * tie two reports together (two agencies quoting the same spokesperson on the same strikes name no base at all).
 *
 * Each document keeps the word counts of its opening (src/text/event-date.ts OPENING_CHARS × 2, content words:
 * no stop words, no numbers, at least three letters). At the end, words are weighted by tf·idf over the corpus and
 * two openings link when their cosine similarity reaches `minCosine` and their days are within the window (an
 * undated document needs `minCosineUndated`, higher: no date to confirm it). Candidate pairs come from an inverted
 * index over words that at most `maxDocumentFrequency` documents share, so the cost stays linear in the corpus:
 * a word every article uses ("said", "attack") proposes no pair, it only adds to the cosine of proposed ones.
 */
import { dictionaryWords, hasLetter } from '../text/words.js';
import { ENGLISH_STOPWORDS } from '../text/stopwords.js';
import { CHUNK_OFFSET, ChunkedPool } from './postings.js';
import { grownTo } from '../text/typed-arrays.js';

export interface SimilarityInput {
  /** [word, count] pairs of the opening. */
  terms: ReadonlyArray<readonly [string, number]>;
  /** Day number of the story (see dates.ts), or null. */
  day: number | null;
  /** A document whose event is fixed (metadata or the user's file) links to nothing here. */
  fixed: boolean;
}

export interface SimilarityLink {
  i: number;
  j: number;
  /** Cosine similarity of the tf·idf vectors, in [0, 1]. */
  strength: number;
}

export const DEFAULT_MIN_COSINE = 0.3;
export const DEFAULT_MIN_COSINE_UNDATED = 0.4;
export const DEFAULT_MAX_DOCUMENT_FREQUENCY = 64;
/** Openings longer than this many distinct content words keep only their most frequent ones (memory per document). */
export const MAX_OPENING_TERMS = 24;

/** The opening's content-word counts, as the report builder keeps them per document. */
export function openingTerms(text: string, openingChars: number): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const w of dictionaryWords(text.slice(0, openingChars)).words) countOpeningWord(counts, w);
  return rankOpeningTerms(counts);
}

/** Counts one word of the opening (a dictionaryWords word) when it is a content word. */
export function countOpeningWord(counts: Map<string, number>, w: string): void {
  if (w.length < 3 || !hasLetter(w) || ENGLISH_STOPWORDS.has(w)) return;
  counts.set(w, (counts.get(w) ?? 0) + 1);
}

/**
 * The kept opening terms: most frequent first, ties in the default locale's order, at most MAX_OPENING_TERMS. As
 * one stable sort by (count descending, localeCompare) would order them, but a count at a time and only as far as
 * the kept terms reach: most of an opening's words occur once, and they are sorted only when fewer than
 * MAX_OPENING_TERMS words occur more often, then as plain strings where that is the same order.
 */
export function rankOpeningTerms(counts: ReadonlyMap<string, number>): Array<[string, number]> {
  const byCount = new Map<number, string[]>();
  for (const [w, n] of counts) {
    const group = byCount.get(n);
    if (group) group.push(w);
    else byCount.set(n, [w]);
  }
  const out: Array<[string, number]> = [];
  for (const n of [...byCount.keys()].sort((a, b) => b - a)) {
    const group = byCount.get(n) as string[];
    if (group.length > 1) {
      if (PLAIN_WORDS_IN_CODE_ORDER && group.every(isPlainWord)) group.sort();
      else group.sort((a, b) => a.localeCompare(b));
    }
    for (const w of group) {
      if (out.length === MAX_OPENING_TERMS) return out;
      out.push([w, n]);
    }
  }
  return out;
}

/**
 * Whether the default collation orders words of ASCII lowercase letters and digits as their code units do. It does
 * in English and the root collation; other locales may not (Lithuanian puts "y" after "i", Danish "aa" after "z"),
 * so there every comparison goes to localeCompare.
 */
const PLAIN_WORDS_IN_CODE_ORDER = /^(en|und)(-|$)/.test(new Intl.Collator().resolvedOptions().locale);

function isPlainWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}


export function similarityLinks(
  docs: readonly SimilarityInput[],
  options: { windowDays: number; minCosine?: number; minCosineUndated?: number; maxDocumentFrequency?: number },
): SimilarityLink[] {
  const table = similarityLinksOf(docs.length, (k) => docs[k], options);
  return Array.from({ length: table.length }, (_, k) => ({ i: table.i[k], j: table.j[k], strength: table.strength[k] }));
}

/** The links as columns, strongest first (ties: i, then j): 16 bytes a link, where an object per link took ~60. */
export interface SimilarityLinkTable {
  readonly length: number;
  readonly i: Int32Array;
  readonly j: Int32Array;
  readonly strength: Float64Array;
}

/**
 * `similarityLinks` over documents handed over one at a time (`input(k)` is read once, in order, and not kept), so
 * a caller can parse each opening on demand. Memory: each document's (word, count) pairs in two chunked pools of
 * whole numbers (8 bytes a pair, no copy as they grow; the tf·idf weights are computed when a pair is compared, from
 * the counts and a weight per word and a norm per document), not a map per document.
 */
export function similarityLinksOf(
  n: number, input: (k: number) => SimilarityInput,
  options: { windowDays: number; minCosine?: number; minCosineUndated?: number; maxDocumentFrequency?: number },
): SimilarityLinkTable {
  const minCosine = options.minCosine ?? DEFAULT_MIN_COSINE;
  const minUndated = options.minCosineUndated ?? DEFAULT_MIN_COSINE_UNDATED;
  const maxDf = options.maxDocumentFrequency ?? DEFAULT_MAX_DOCUMENT_FREQUENCY;
  // Words as small integers, each document's (word, tf) pairs as one run in the pools (the same address in both).
  const wordId = new Map<string, number>();
  const df: number[] = [];
  const wordPool = new ChunkedPool((size) => new Int32Array(size));
  const tfPool = new ChunkedPool((size) => new Int32Array(size));
  const at = new Float64Array(n);
  const length = new Int32Array(n);
  const day = new Float64Array(n);
  const fixed = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const d = input(k);
    day[k] = d.day === null ? NaN : d.day;
    fixed[k] = d.fixed ? 1 : 0;
    const count = d.terms.length;
    const address = wordPool.reserve(count);
    tfPool.reserve(count);
    at[k] = address;
    length[k] = count;
    const words = wordPool.chunkAt(address);
    const tfs = tfPool.chunkAt(address);
    let x = address & CHUNK_OFFSET;
    for (const [t, tf] of d.terms) {
      if (!(Number.isInteger(tf) && tf >= 0 && tf < 2 ** 31)) throw new RangeError(`opening word count must be a whole number, got ${tf} for "${t}"`);
      let id = wordId.get(t);
      if (id === undefined) {
        id = df.length;
        wordId.set(t, id);
        df.push(0);
      }
      df[id]++;
      words[x] = id;
      tfs[x++] = tf;
    }
  }
  wordId.clear();
  // tf·idf, normalised to unit length per document: a pair's weight is tf × idf[word] / norm[document], computed
  // where it is used, the same operations as when it was stored. A word every document has weighs 0 and is left
  // out (−1 − its id).
  const idf = new Float64Array(df.length);
  for (let id = 0; id < df.length; id++) idf[id] = Math.log(n / df[id]);
  const norm = new Float64Array(n);
  const live = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const words = wordPool.chunkAt(at[k]);
    const tfs = tfPool.chunkAt(at[k]);
    let sum = 0;
    for (let x = at[k] & CHUNK_OFFSET, end = x + length[k]; x < end; x++) {
      const w = tfs[x] * idf[words[x]];
      if (w <= 0) {
        words[x] = -1 - words[x];
        continue;
      }
      sum += w * w;
      live[k]++;
    }
    norm[k] = Math.sqrt(sum);
  }
  // Only words with a weight are read, and a document that has one has a norm above 0.
  const weightOf = (tf: number, id: number, k: number) => (tf * idf[id]) / norm[k];
  // Postings of the words that propose pairs (shared by 2..maxDf documents), in document order.
  const proposes = (id: number) => id >= 0 && df[id] >= 2 && df[id] <= maxDf;
  const listStart = new Int32Array(df.length + 1);
  for (let k = 0; k < n; k++) {
    if (fixed[k]) continue;
    const words = wordPool.chunkAt(at[k]);
    for (let x = at[k] & CHUNK_OFFSET, end = x + length[k]; x < end; x++) if (proposes(words[x])) listStart[words[x] + 1]++;
  }
  for (let id = 0; id < df.length; id++) listStart[id + 1] += listStart[id];
  const fill = listStart.slice(0, df.length);
  const listed = new Int32Array(listStart[df.length]);
  for (let k = 0; k < n; k++) {
    if (fixed[k]) continue;
    const words = wordPool.chunkAt(at[k]);
    for (let x = at[k] & CHUNK_OFFSET, end = x + length[k]; x < end; x++) if (proposes(words[x])) listed[fill[words[x]]++] = k;
  }
  // Per document i, every later document j that shares a proposing word, once; the cosine sums over i's words in
  // their own order (the same sum, to the last bit, whichever of the two has fewer words).
  const scratch = new Float64Array(df.length);
  const seenBy = new Int32Array(n).fill(-1);
  let linkI = new Int32Array(1024);
  let linkJ = new Int32Array(1024);
  let linkStrength = new Float64Array(1024);
  let links = 0;
  const cosine = (i: number, j: number): number => {
    const [small, large] = live[i] <= live[j] ? [i, j] : [j, i];
    const largeWords = wordPool.chunkAt(at[large]);
    const largeTfs = tfPool.chunkAt(at[large]);
    const largeFrom = at[large] & CHUNK_OFFSET;
    for (let x = largeFrom; x < largeFrom + length[large]; x++) if (largeWords[x] >= 0) scratch[largeWords[x]] = weightOf(largeTfs[x], largeWords[x], large);
    let cos = 0;
    const smallWords = wordPool.chunkAt(at[small]);
    const smallTfs = tfPool.chunkAt(at[small]);
    for (let x = at[small] & CHUNK_OFFSET, end = x + length[small]; x < end; x++) {
      if (smallWords[x] >= 0) cos += weightOf(smallTfs[x], smallWords[x], small) * scratch[smallWords[x]];
    }
    for (let x = largeFrom; x < largeFrom + length[large]; x++) if (largeWords[x] >= 0) scratch[largeWords[x]] = 0;
    return cos;
  };
  for (let i = 0; i < n; i++) {
    if (fixed[i]) continue;
    const words = wordPool.chunkAt(at[i]);
    for (let x = at[i] & CHUNK_OFFSET, end = x + length[i]; x < end; x++) {
      const id = words[x];
      if (!proposes(id)) continue;
      for (let p = listStart[id]; p < listStart[id + 1]; p++) {
        const j = listed[p];
        if (j <= i || seenBy[j] === i) continue;
        seenBy[j] = i;
        const dated = !Number.isNaN(day[i]) && !Number.isNaN(day[j]);
        if (dated && Math.abs(day[i] - day[j]) > options.windowDays) continue;
        const cos = cosine(i, j);
        if (cos < (dated ? minCosine : minUndated)) continue;
        if (links === linkI.length) {
          linkI = grownTo(linkI, links * 2);
          linkJ = grownTo(linkJ, links * 2);
          linkStrength = grownTo(linkStrength, links * 2);
        }
        linkI[links] = i;
        linkJ[links] = j;
        linkStrength[links++] = cos;
      }
    }
  }
  const order = new Uint32Array(links);
  for (let k = 0; k < links; k++) order[k] = k;
  order.sort((x, y) => linkStrength[y] - linkStrength[x] || linkI[x] - linkI[y] || linkJ[x] - linkJ[y]);
  return {
    length: links,
    i: Int32Array.from(order, (k) => linkI[k]),
    j: Int32Array.from(order, (k) => linkJ[k]),
    strength: Float64Array.from(order, (k) => linkStrength[k]),
  };
}
