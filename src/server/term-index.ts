/**
 * The Term view's index, built once per document as documents arrive: which documents contain each word (lowercased
 * run of letters and digits) and how often, and which documents hold hits of each label. A query reads postings
 * instead of running a regular expression over every text; only candidate documents are scanned for phrases.
 */
import type { DocAnalysis, Document } from '../types.js';
import { wordTokens } from '../analysis/kwic.js';

/** Documents (by their index in the corpus, ascending) and the number of occurrences in each. */
export interface Posting {
  docs: number[];
  counts: number[];
}

function push(map: Map<string, Posting>, key: string, doc: number, count: number): void {
  let p = map.get(key);
  if (!p) {
    p = { docs: [], counts: [] };
    map.set(key, p);
  }
  p.docs.push(doc);
  p.counts.push(count);
}

export class TermIndex {
  private readonly words = new Map<string, Posting>();
  private readonly labels = new Map<string, Posting>();
  /** The word list sorted, for prefix queries; rebuilt lazily after documents are added. */
  private sortedWords: string[] | null = null;
  private documents = 0;

  get size(): { documents: number; words: number } {
    return { documents: this.documents, words: this.words.size };
  }

  /** Documents must be added in corpus order (their indexes ascending), which keeps every posting list sorted. */
  add(docIndex: number, doc: Document, analysis: DocAnalysis): void {
    const counts = new Map<string, number>();
    for (const t of wordTokens(doc.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, n] of counts) push(this.words, t, docIndex, n);
    const labelCounts = new Map<string, number>();
    for (const h of analysis.hits) labelCounts.set(h.label, (labelCounts.get(h.label) ?? 0) + 1);
    for (const [label, n] of labelCounts) push(this.labels, label, docIndex, n);
    this.documents++;
    if (counts.size) this.sortedWords = null;
  }

  label(label: string): Posting | undefined {
    return this.labels.get(label);
  }

  word(token: string): Posting | undefined {
    return this.words.get(token);
  }

  /** Postings of every word starting with `prefix`, merged (documents ascending, counts summed). */
  prefix(prefix: string): Posting {
    const sorted = (this.sortedWords ??= [...this.words.keys()].sort());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const perDoc = new Map<number, number>();
    for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++) {
      const p = this.words.get(sorted[i]) as Posting;
      p.docs.forEach((d, k) => perDoc.set(d, (perDoc.get(d) ?? 0) + p.counts[k]));
    }
    const docs = [...perDoc.keys()].sort((a, b) => a - b);
    return { docs, counts: docs.map((d) => perDoc.get(d) as number) };
  }
}

/** Documents present in every posting (each sorted ascending). */
export function intersect(postings: Posting[]): number[] {
  if (postings.length === 0) return [];
  const [first, ...rest] = [...postings].sort((a, b) => a.docs.length - b.docs.length);
  const others = rest.map((p) => new Set(p.docs));
  return first.docs.filter((d) => others.every((s) => s.has(d)));
}
