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
  for (const w of dictionaryWords(text.slice(0, openingChars)).words) {
    if (w.length < 3 || !hasLetter(w) || ENGLISH_STOPWORDS.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_OPENING_TERMS);
}

export function similarityLinks(
  docs: readonly SimilarityInput[],
  options: { windowDays: number; minCosine?: number; minCosineUndated?: number; maxDocumentFrequency?: number },
): SimilarityLink[] {
  return similarityLinksOf(docs.length, (k) => docs[k], options);
}

/**
 * `similarityLinks` over documents handed over one at a time (`input(k)` is read once, in order, and not kept), so
 * a caller can parse each opening on demand. Memory: a few typed arrays with one entry per (document, word) of the
 * openings, not a map per document.
 */
export function similarityLinksOf(
  n: number, input: (k: number) => SimilarityInput,
  options: { windowDays: number; minCosine?: number; minCosineUndated?: number; maxDocumentFrequency?: number },
): SimilarityLink[] {
  const minCosine = options.minCosine ?? DEFAULT_MIN_COSINE;
  const minUndated = options.minCosineUndated ?? DEFAULT_MIN_COSINE_UNDATED;
  const maxDf = options.maxDocumentFrequency ?? DEFAULT_MAX_DOCUMENT_FREQUENCY;
  // Words as small integers, each document's (word, tf) pairs in one pooled list in their given order.
  const wordId = new Map<string, number>();
  const df: number[] = [];
  const start = new Int32Array(n + 1);
  let words = new Int32Array(1024);
  let weights = new Float64Array(1024);
  const day: Array<number | null> = new Array(n);
  const fixed = new Uint8Array(n);
  let used = 0;
  for (let k = 0; k < n; k++) {
    const d = input(k);
    day[k] = d.day;
    fixed[k] = d.fixed ? 1 : 0;
    start[k] = used;
    for (const [t, tf] of d.terms) {
      let id = wordId.get(t);
      if (id === undefined) {
        id = df.length;
        wordId.set(t, id);
        df.push(0);
      }
      df[id]++;
      if (used === words.length) {
        const w2 = new Int32Array(used * 2);
        w2.set(words);
        words = w2;
        const f2 = new Float64Array(used * 2);
        f2.set(weights);
        weights = f2;
      }
      words[used] = id;
      weights[used++] = tf;
    }
  }
  start[n] = used;
  // tf·idf, normalised to unit length per document; a word every document has weighs 0 and is left out (−1).
  const live = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let norm = 0;
    for (let x = start[k]; x < start[k + 1]; x++) {
      const w = weights[x] * Math.log(n / df[words[x]]);
      if (w <= 0) {
        weights[x] = 0;
        words[x] = -1 - words[x];
        continue;
      }
      weights[x] = w;
      norm += w * w;
      live[k]++;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let x = start[k]; x < start[k + 1]; x++) weights[x] /= norm;
  }
  // Postings of the words that propose pairs (shared by 2..maxDf documents), in document order.
  const proposes = (id: number) => id >= 0 && df[id] >= 2 && df[id] <= maxDf;
  const listStart = new Int32Array(df.length + 1);
  for (let k = 0; k < n; k++) {
    if (fixed[k]) continue;
    for (let x = start[k]; x < start[k + 1]; x++) if (proposes(words[x])) listStart[words[x] + 1]++;
  }
  for (let id = 0; id < df.length; id++) listStart[id + 1] += listStart[id];
  const fill = listStart.slice(0, df.length);
  const listed = new Int32Array(listStart[df.length]);
  for (let k = 0; k < n; k++) {
    if (fixed[k]) continue;
    for (let x = start[k]; x < start[k + 1]; x++) if (proposes(words[x])) listed[fill[words[x]]++] = k;
  }
  // Per document i, every later document j that shares a proposing word, once; the cosine sums over i's words in
  // their own order (the same sum, to the last bit, whichever of the two has fewer words).
  const scratch = new Float64Array(df.length);
  const seenBy = new Int32Array(n).fill(-1);
  const links: SimilarityLink[] = [];
  const cosine = (i: number, j: number): number => {
    const [small, large] = live[i] <= live[j] ? [i, j] : [j, i];
    for (let x = start[large]; x < start[large + 1]; x++) if (words[x] >= 0) scratch[words[x]] = weights[x];
    let cos = 0;
    for (let x = start[small]; x < start[small + 1]; x++) if (words[x] >= 0) cos += weights[x] * scratch[words[x]];
    for (let x = start[large]; x < start[large + 1]; x++) if (words[x] >= 0) scratch[words[x]] = 0;
    return cos;
  };
  for (let i = 0; i < n; i++) {
    if (fixed[i]) continue;
    for (let x = start[i]; x < start[i + 1]; x++) {
      const id = words[x];
      if (!proposes(id)) continue;
      for (let p = listStart[id]; p < listStart[id + 1]; p++) {
        const j = listed[p];
        if (j <= i || seenBy[j] === i) continue;
        seenBy[j] = i;
        const di = day[i];
        const dj = day[j];
        const dated = di !== null && dj !== null;
        if (dated && Math.abs(di - dj) > options.windowDays) continue;
        const cos = cosine(i, j);
        if (cos >= (dated ? minCosine : minUndated)) links.push({ i, j, strength: cos });
      }
    }
  }
  return links.sort((x, y) => y.strength - x.strength || x.i - y.i || x.j - y.j);
}
