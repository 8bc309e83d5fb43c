/**
 * The Term view's index, built once per document as documents arrive: which documents contain each word (lowercased
 * run of letters and digits) and how often, and which documents hold hits of each label. A query reads postings
 * instead of running a regular expression over every text; only candidate documents are scanned for phrases.
 *
 * Postings are kept as variable-length integers in byte arrays (document gaps and counts take one or two bytes
 * each): 100,000 articles hold some 25 million word postings, which as JavaScript number arrays would take
 * several hundred megabytes.
 */
import type { DocAnalysis, Document } from '../types.js';
import { wordTokens } from '../analysis/kwic.js';

/** Documents (by their index in the corpus, ascending) and the number of occurrences in each. */
export interface Posting {
  docs: number[];
  counts: number[];
}

/** A growing list of (document, count) pairs, gap-encoded. */
class PackedPosting {
  private bytes = new Uint8Array(4);
  private length = 0;
  private last = -1;

  push(doc: number, count: number): void {
    if (doc <= this.last) throw new RangeError(`documents must be added in ascending order (${doc} after ${this.last})`);
    this.write(doc - this.last);
    this.write(count);
    this.last = doc;
  }

  private write(n: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(Math.max(8, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    while (n >= 0x80) {
      this.bytes[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.bytes[this.length++] = n;
  }

  /** Adds each document's count into `perDoc` (indexed by document), without building the lists. */
  addInto(perDoc: Uint32Array): void {
    const bytes = this.bytes;
    let doc = -1;
    let i = 0;
    while (i < this.length) {
      for (let k = 0; k < 2; k++) {
        let n = 0;
        let shift = 0;
        for (;;) {
          const b = bytes[i++];
          n += (b & 0x7f) * 2 ** shift;
          if (b < 0x80) break;
          shift += 7;
        }
        if (k === 0) doc += n;
        else perDoc[doc] += n;
      }
    }
  }

  read(): Posting {
    const docs: number[] = [];
    const counts: number[] = [];
    let doc = -1;
    let i = 0;
    const next = (): number => {
      let n = 0;
      let shift = 0;
      for (;;) {
        const b = this.bytes[i++];
        n += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return n;
        shift += 7;
      }
    };
    while (i < this.length) {
      doc += next();
      docs.push(doc);
      counts.push(next());
    }
    return { docs, counts };
  }
}

export class TermIndex {
  private readonly words = new Map<string, PackedPosting>();
  private readonly labels = new Map<string, PackedPosting>();
  /** The word list sorted, for prefix queries; rebuilt lazily after documents are added. */
  private sortedWords: string[] | null = null;
  private documents = 0;
  /** One more than the highest document index added. */
  private documentSpan = 0;

  get size(): { documents: number; words: number } {
    return { documents: this.documents, words: this.words.size };
  }

  /** Documents must be added in corpus order (their indexes ascending), which keeps every posting list sorted. */
  add(docIndex: number, doc: Pick<Document, 'text'>, analysis: Pick<DocAnalysis, 'hits'>): void {
    const counts = new Map<string, number>();
    for (const t of wordTokens(doc.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, n] of counts) {
      let p = this.words.get(t);
      if (!p) {
        p = new PackedPosting();
        this.words.set(t, p);
        this.sortedWords = null;
      }
      p.push(docIndex, n);
    }
    const labelCounts = new Map<string, number>();
    for (const h of analysis.hits) labelCounts.set(h.label, (labelCounts.get(h.label) ?? 0) + 1);
    for (const [label, n] of labelCounts) {
      let p = this.labels.get(label);
      if (!p) {
        p = new PackedPosting();
        this.labels.set(label, p);
      }
      p.push(docIndex, n);
    }
    this.documents++;
    this.documentSpan = Math.max(this.documentSpan, docIndex + 1);
  }

  label(label: string): Posting | undefined {
    return this.labels.get(label)?.read();
  }

  word(token: string): Posting | undefined {
    return this.words.get(token)?.read();
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
    const words: PackedPosting[] = [];
    for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++) words.push(this.words.get(sorted[i]) as PackedPosting);
    if (words.length === 0) return { docs: [], counts: [] };
    if (words.length === 1) return words[0].read();
    // Counts summed in an array indexed by document: a common stem ("th*") merges millions of postings, which a
    // Map keyed by document took most of a second for at 100,000 documents.
    const perDoc = new Uint32Array(this.documentSpan);
    for (const w of words) w.addInto(perDoc);
    const docs: number[] = [];
    const counts: number[] = [];
    for (let d = 0; d < perDoc.length; d++) {
      if (perDoc[d]) {
        docs.push(d);
        counts.push(perDoc[d]);
      }
    }
    return { docs, counts };
  }
}

/** Documents present in every posting (each sorted ascending), by walking them side by side. */
export function intersect(postings: Posting[]): number[] {
  if (postings.length === 0) return [];
  const lists = [...postings].sort((a, b) => a.docs.length - b.docs.length).map((p) => p.docs);
  const at = lists.map(() => 0);
  const out: number[] = [];
  for (const d of lists[0]) {
    let everywhere = true;
    for (let k = 1; k < lists.length && everywhere; k++) {
      const list = lists[k];
      let i = at[k];
      while (i < list.length && list[i] < d) i++;
      at[k] = i;
      everywhere = i < list.length && list[i] === d;
    }
    if (everywhere) out.push(d);
  }
  return out;
}
