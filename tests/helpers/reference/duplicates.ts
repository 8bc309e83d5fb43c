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
 * Efficiency: an inverted index from shingle hash to documents; a pair is only examined when it shares a
 * shingle, so unrelated documents cost nothing (no all-pairs loop). Shingles found in more than `maxPostings`
 * documents (boilerplate: "follow us on twitter for", agency bylines) do not generate candidates — they would
 * make the work quadratic — but they are still counted exactly in the overlap of candidate pairs. A candidate is
 * first measured on a fixed one-in-eight sample of the shingles (chosen by hash value, so copies sample alike); only
 * pairs whose estimate reaches 60% of the threshold are counted exactly, so the many pairs that share a phrase cost
 * little.
 * Consequence: a text copied by more than `maxPostings` documents is not detected; raise it for such corpora.
 */
import { hash53 } from '../../../src/stats/hash.js';
import { timestampOf } from '../../../src/stats/dates.js';
import { UnionFind } from '../../../src/stats/union-find.js';

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
   * Documents with fewer shingles than this are not compared (default 10, i.e. about 14 words): for a one-line
   * text, containment 1 only means a phrase was quoted, not that an article was copied.
   */
  minShingles?: number;
  /** Shingles in more documents than this do not generate candidate pairs (default 500). */
  maxPostings?: number;
}

export interface DuplicateResult {
  pairs: DuplicatePair[];
  clusters: DuplicateCluster[];
}

export const DEFAULT_SHINGLE_SIZE = 5;
export const DEFAULT_DUPLICATE_THRESHOLD = 0.8;
export const DEFAULT_MIN_SHINGLES = 10;
export const DEFAULT_MAX_POSTINGS = 500;

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercased word tokens: runs of letters and digits. Apostrophes and hyphens split words, the same in every copy. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Hashes of the distinct `size`-word shingles; a text shorter than `size` words yields one shingle of all its words. */
export function shingleHashes(text: string, size = DEFAULT_SHINGLE_SIZE): Set<number> {
  const words = wordTokens(text);
  const hashes = new Set<number>();
  if (words.length === 0) return hashes;
  if (words.length <= size) {
    hashes.add(hash53(words.join(' ')));
    return hashes;
  }
  for (let i = 0; i + size <= words.length; i++) hashes.add(hash53(words.slice(i, i + size).join(' ')));
  return hashes;
}

export function findNearDuplicates(documents: readonly DuplicateInput[], options: DuplicateOptions = {}): DuplicateResult {
  const shingleSize = options.shingleSize ?? DEFAULT_SHINGLE_SIZE;
  const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const minShingles = options.minShingles ?? DEFAULT_MIN_SHINGLES;
  const maxPostings = options.maxPostings ?? DEFAULT_MAX_POSTINGS;
  if (!Number.isInteger(shingleSize) || shingleSize < 1) throw new RangeError(`shingleSize must be a positive integer`);
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);

  const seen = new Set<string>();
  for (const doc of documents) {
    if (seen.has(doc.id)) throw new RangeError(`duplicate document id: ${doc.id}`);
    seen.add(doc.id);
  }

  const shingles = documents.map((doc) => shingleHashes(doc.text, shingleSize));
  const eligible = shingles.map((set) => set.size >= minShingles);

  // Postings are filled in input order, so every list is ascending by document index.
  const postings = new Map<number, number[]>();
  shingles.forEach((set, index) => {
    if (!eligible[index]) return;
    for (const hash of set) {
      let list = postings.get(hash);
      if (!list) postings.set(hash, (list = []));
      list.push(index);
    }
  });

  // Every document's sample: its shingles with hash ≡ 0 (mod SAMPLE_RATE), as dense ids. The rule depends only on
  // the shingle, so two copies sample the same shingles and their sample overlap estimates their full overlap.
  const sampleIdOf = new Map<number, number>();
  const samples = shingles.map((set, index) => {
    if (!eligible[index]) return new Int32Array(0);
    const ids: number[] = [];
    for (const hash of set) {
      if (hash % SAMPLE_RATE !== 0) continue;
      let id = sampleIdOf.get(hash);
      if (id === undefined) sampleIdOf.set(hash, (id = sampleIdOf.size));
      ids.push(id);
    }
    return Int32Array.from(ids);
  });
  const inSampleOfI = new Uint8Array(sampleIdOf.size);

  const pairs: DuplicatePair[] = [];
  const pairIndices: [number, number][] = [];
  // Shared-shingle counts per later document, reset after each document (typed array: no Map per document).
  const sharedIndexed = new Int32Array(documents.length);
  const touched: number[] = [];
  for (let i = 0; i < documents.length; i++) {
    if (!eligible[i]) continue;
    touched.length = 0;
    const commonShingles: number[] = [];
    for (const hash of shingles[i]) {
      const list = postings.get(hash)!;
      if (list.length > maxPostings) {
        commonShingles.push(hash);
        continue;
      }
      // Only later documents: each pair is examined once, from its first-seen member.
      for (let k = list.length - 1; k >= 0 && list[k] > i; k--) {
        const j = list[k];
        if (sharedIndexed[j] === 0) touched.push(j);
        sharedIndexed[j]++;
      }
    }
    const sampleI = samples[i];
    for (const id of sampleI) inSampleOfI[id] = 1;
    touched.sort((x, y) => x - y);
    for (const j of touched) {
      const indexedCount = sharedIndexed[j];
      sharedIndexed[j] = 0;
      const sizeA = shingles[i].size;
      const sizeB = shingles[j].size;
      // Cheap estimate first: most candidates only share a phrase. Their sample overlap, scaled up, is far below
      // the threshold; only plausible pairs are counted exactly. Small samples are too noisy to judge by.
      const sampleJ = samples[j];
      if (sampleI.length >= MIN_SAMPLE && sampleJ.length >= MIN_SAMPLE) {
        let inBoth = 0;
        for (let k = 0; k < sampleJ.length; k++) inBoth += inSampleOfI[sampleJ[k]];
        if (inBoth * SAMPLE_RATE < ESTIMATE_MARGIN * threshold * Math.min(sizeA, sizeB)) continue;
      }
      let shared = indexedCount;
      for (const hash of commonShingles) if (shingles[j].has(hash)) shared++;
      const containment = shared / Math.min(sizeA, sizeB);
      if (containment < threshold) continue;
      pairs.push({
        a: documents[i].id,
        b: documents[j].id,
        outletA: documents[i].outlet,
        outletB: documents[j].outlet,
        jaccard: shared / (sizeA + sizeB - shared),
        containment,
      });
      pairIndices.push([i, j]);
    }
    for (const id of sampleI) inSampleOfI[id] = 0;
  }

  return { pairs, clusters: clustersOf(documents, pairIndices) };
}

/** One shingle in SAMPLE_RATE (chosen by hash value) makes the sample for the cheap overlap estimate. */
const SAMPLE_RATE = 8;
/** Below this many sampled shingles the estimate is too noisy: such pairs are counted exactly. */
const MIN_SAMPLE = 16;
/** A candidate is counted exactly when its estimated overlap reaches this share of the threshold. */
const ESTIMATE_MARGIN = 0.6;

/** Connected components of the duplicate graph (a copy of a copy is in the original's cluster). */
function clustersOf(documents: readonly DuplicateInput[], pairIndices: readonly [number, number][]): DuplicateCluster[] {
  const sets = new UnionFind(documents.length);
  for (const [i, j] of pairIndices) sets.union(i, j);
  const clusters: DuplicateCluster[] = [];
  for (const group of sets.groups()) {
    if (group.length < 2) continue;
    const originalIndex = earliest(documents, group);
    const members = group.map((index) => ({ id: documents[index].id, outlet: documents[index].outlet }));
    clusters.push({
      original: documents[originalIndex].id,
      originalOutlet: documents[originalIndex].outlet,
      members,
      outlets: [...new Set(members.map((m) => m.outlet))].sort(),
    });
  }
  return clusters;
}

/** Earliest dated member; among equal or missing dates, the first in input order (group is ascending). */
function earliest(documents: readonly DuplicateInput[], group: readonly number[]): number {
  let best = group[0];
  let bestTime = timestampOf(documents[best].date) ?? Infinity;
  for (const index of group.slice(1)) {
    const time = timestampOf(documents[index].date) ?? Infinity;
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
