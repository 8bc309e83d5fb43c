/**
 * Reference: the opening-similarity links as computed before the typed-array version (one Map per document and a
 * Set of seen pairs); src/stats/event-similarity.ts must give the same links (scale-equality.test.ts).
 *
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
import { dictionaryWords } from '../../../src/text/words.js';
import { ENGLISH_STOPWORDS } from '../../../src/text/stopwords.js';

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
    if (w.length < 3 || !/\p{L}/u.test(w) || ENGLISH_STOPWORDS.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_OPENING_TERMS);
}

export function similarityLinks(
  docs: readonly SimilarityInput[],
  options: { windowDays: number; minCosine?: number; minCosineUndated?: number; maxDocumentFrequency?: number },
): SimilarityLink[] {
  const minCosine = options.minCosine ?? DEFAULT_MIN_COSINE;
  const minUndated = options.minCosineUndated ?? DEFAULT_MIN_COSINE_UNDATED;
  const maxDf = options.maxDocumentFrequency ?? DEFAULT_MAX_DOCUMENT_FREQUENCY;
  const n = docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const [t] of d.terms) df.set(t, (df.get(t) ?? 0) + 1);
  // tf·idf vectors, normalised to unit length.
  const vectors = docs.map((d) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, tf] of d.terms) {
      const w = tf * Math.log(n / df.get(t)!);
      if (w <= 0) continue;
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  const postings = new Map<string, number[]>();
  docs.forEach((d, i) => {
    if (d.fixed) return;
    for (const [t] of d.terms) {
      if (df.get(t)! > maxDf || df.get(t)! < 2) continue;
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(i);
    }
  });
  const seen = new Set<number>();
  const links: SimilarityLink[] = [];
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a];
        const j = list[b];
        const key = i * n + j;
        if (seen.has(key)) continue;
        seen.add(key);
        const di = docs[i].day;
        const dj = docs[j].day;
        const dated = di !== null && dj !== null;
        if (dated && Math.abs(di - dj) > options.windowDays) continue;
        const [small, large] = vectors[i].size <= vectors[j].size ? [vectors[i], vectors[j]] : [vectors[j], vectors[i]];
        let cos = 0;
        for (const [t, w] of small) cos += w * (large.get(t) ?? 0);
        if (cos >= (dated ? minCosine : minUndated)) links.push({ i, j, strength: cos });
      }
    }
  }
  return links.sort((x, y) => y.strength - x.strength || x.i - y.i || x.j - y.j);
}
