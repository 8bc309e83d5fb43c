/**
 * The Term view's index, built once per document as documents arrive: which documents contain each word (lowercased
 * run of letters and digits), how often and at which word positions, and which documents hold hits of each label. A
 * query reads postings instead of running a regular expression over every text: a phrase of plain words is counted
 * from the positions (words side by side, with only spaces, hyphens or dashes between them), so no text is read for
 * it; only phrases with punctuation or a trailing * read their candidate documents.
 *
 * Postings are kept as variable-length integers in byte arrays (document gaps, counts and position gaps take one or
 * two bytes each): 100,000 articles hold some 25 million word postings, which as JavaScript number arrays would take
 * several hundred megabytes.
 */
import type { DocAnalysis, Document } from '../types.js';

/** Documents (by their index in the corpus, ascending) and the number of occurrences in each. */
export interface Posting {
  docs: number[];
  counts: number[];
}

/**
 * Positions are stored per occurrence as (gap from the previous occurrence in the document) * 2 + 1 when the word is
 * joined to the word before it by what a phrase pattern's space matches (whitespace, hyphens, en dashes: see
 * wordPattern), else * 2.
 */
const JOINED = 1;

/** Where the last readVarint stopped: the offset of the byte after the number it read. */
let varintEnd = 0;

/** The base-128 number (7 bits a byte, least significant first, high bit set on all but the last) at `bytes[i]`. */
function readVarint(bytes: Uint8Array, i: number): number {
  let n = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[i++];
    n += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
    shift += 7;
  }
  varintEnd = i;
  return n;
}

/** A growing list of (document, count, positions) entries, gap-encoded. */
class PackedPosting {
  private bytes: Uint8Array = new Uint8Array(4);
  private length = 0;
  private last = -1;

  /** A posting from the bytes of a spilled segment (its first document gap counts from -1, as a new posting's does). */
  static of(bytes: Uint8Array, last: number): PackedPosting {
    const p = new PackedPosting();
    p.bytes = bytes;
    p.length = bytes.length;
    p.last = last;
    return p;
  }

  /**
   * One posting from segments in ascending document order: every segment's first document gap counts from -1, so it
   * is rewritten to count from the previous segment's last document; the rest of each segment is copied as it is.
   */
  static concat(parts: SpilledPosting[]): PackedPosting {
    if (parts.length === 1) return PackedPosting.of(parts[0].data, parts[0].last);
    const joined = new PackedPosting();
    joined.bytes = new Uint8Array(parts.reduce((n, part) => n + part.data.length, 0) + 5 * parts.length);
    for (const { data, last } of parts) {
      // The first number is the segment's first document + 1 (its gap from -1).
      const doc = readVarint(data, 0) - 1;
      const i = varintEnd;
      if (doc <= joined.last) throw new RangeError(`spilled segments must be in ascending document order (${doc} after ${joined.last})`);
      joined.write(doc - joined.last);
      joined.bytes.set(data.subarray(i), joined.length);
      joined.length += data.length - i;
      joined.last = last;
    }
    return joined;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  /** The encoded entries and the last document, as a spill stores them. */
  spilled(): SpilledPosting {
    return { data: this.bytes.subarray(0, this.length), last: this.last };
  }

  /** `positions` holds the word's occurrences in the document, each position * 2 + JOINED-or-0, ascending. */
  push(doc: number, positions: number[]): void {
    if (doc <= this.last) throw new RangeError(`documents must be added in ascending order (${doc} after ${this.last})`);
    this.write(doc - this.last);
    this.write(positions.length);
    let previous = -1;
    for (const p of positions) {
      const at = Math.floor(p / 2);
      this.write((at - previous) * 2 + (p % 2));
      previous = at;
    }
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

  /** Drops the room kept for growth (up to half the array): once a corpus is read, most postings never grow again. */
  trim(): void {
    if (this.bytes.length > this.length) this.bytes = this.bytes.slice(0, this.length);
  }

  /** Walks the entries: each document, its count and the byte offset of its positions; positions are skipped. */
  private walk(visit: (doc: number, count: number, at: number) => void): void {
    const bytes = this.bytes;
    let doc = -1;
    let i = 0;
    while (i < this.length) {
      doc += readVarint(bytes, i);
      const count = readVarint(bytes, varintEnd);
      i = varintEnd;
      visit(doc, count, i);
      // Each position ends at a byte below 0x80.
      for (let k = 0; k < count; i++) if (bytes[i] < 0x80) k++;
    }
  }

  /** Adds each document's count into `perDoc` (indexed by document), without building the lists. */
  addInto(perDoc: Uint32Array): void {
    this.walk((doc, count) => {
      perDoc[doc] += count;
    });
  }

  read(): Posting {
    const docs: number[] = [];
    const counts: number[] = [];
    this.walk((doc, count) => {
      docs.push(doc);
      counts.push(count);
    });
    return { docs, counts };
  }

  /** Documents with the byte offset of their positions (for phrase queries). */
  entries(): { docs: number[]; counts: number[]; at: number[] } {
    const docs: number[] = [];
    const counts: number[] = [];
    const at: number[] = [];
    this.walk((doc, count, offset) => {
      docs.push(doc);
      counts.push(count);
      at.push(offset);
    });
    return { docs, counts, at };
  }

  /** The `count` positions stored from byte `offset`, decoded into `out` as position * 2 + JOINED-or-0. */
  positions(offset: number, count: number, out: number[]): void {
    const bytes = this.bytes;
    out.length = 0;
    let i = offset;
    let at = -1;
    for (let k = 0; k < count; k++) {
      const n = readVarint(bytes, i);
      i = varintEnd;
      at += n >>> 1;
      out.push(at * 2 + (n & 1));
    }
  }
}

/** A word's entries for one segment of documents, as written to (and read back from) a PostingSpill. */
export interface SpilledPosting {
  data: Uint8Array;
  /** The segment's last document. */
  last: number;
}

/**
 * Where a TermIndex puts the word postings of documents already read, a segment at a time, so that memory holds only
 * the segment being read (serve --db: a 100k store's postings are ~110 MB; see spill.ts).
 */
export interface PostingSpill {
  /** Writes one segment: each word with its posting over the segment's documents (segments in ascending order). */
  putSegment(segment: number, words: Iterable<[string, SpilledPosting]>): void;
  /** A word's postings, one per segment holding it, in segment order. */
  word(word: string): SpilledPosting[];
  /** Every (word, segment) posting of the words starting with `prefix`. */
  wordsFrom(prefix: string): Iterable<SpilledPosting>;
  /** Distinct words spilled. */
  wordCount(): number;
}

/** Bytes of word postings a spilling index keeps in memory before it writes them out as a segment. */
export const SEGMENT_BYTES = 8 * 1024 * 1024;

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** Whether the characters between two words are all whitespace (as RegExp \s), hyphens or en dashes. */
function joins(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x2d || c === 0x2013 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
      || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) continue;
    return false;
  }
  return true;
}

export class TermIndex {
  private readonly words = new Map<string, PackedPosting>();
  private readonly spill: PostingSpill | undefined;
  private readonly segmentBytes: number;
  /** Bytes of the word postings held in `words` (the segment being read when spilling). */
  private heldBytes = 0;
  private segments = 0;
  private readonly labels = new Map<string, PackedPosting>();
  /** The word list sorted, for prefix queries; rebuilt lazily after documents are added. */
  private sortedWords: string[] | null = null;
  private documents = 0;
  /** One more than the highest document index added. */
  private documentSpan = 0;
  /** Only label postings are kept (the words are indexed on the term thread: see term-thread.ts). */
  readonly labelsOnly: boolean;

  /**
   * With a spill, word postings go out a segment (`segmentBytes` of them) at a time and are read back per query;
   * without, they all stay in memory (in-memory corpora, which grow as texts are added). With `labelsOnly`, no word
   * is indexed and a word query throws: the hit lists need only the labels' postings.
   */
  constructor(options: { spill?: PostingSpill; segmentBytes?: number; labelsOnly?: boolean } = {}) {
    this.spill = options.spill;
    this.segmentBytes = options.segmentBytes ?? SEGMENT_BYTES;
    this.labelsOnly = options.labelsOnly ?? false;
  }

  private wordsIndexed(): void {
    if (this.labelsOnly) throw new Error('this term index holds labels only: word queries are answered by the term thread');
  }

  get size(): { documents: number; words: number } {
    return { documents: this.documents, words: this.words.size + (this.spill?.wordCount() ?? 0) };
  }

  /** Bytes of word postings held in memory now (with a spill, at most about one segment's). */
  get memoryBytes(): number {
    return this.heldBytes;
  }

  /** Segments written to the spill so far. */
  get spilledSegments(): number {
    return this.segments;
  }

  /** Writes the postings held to the spill as one segment and lets them go. */
  private flush(): void {
    if (!this.spill || this.words.size === 0) return;
    const words = this.words;
    this.spill.putSegment(this.segments++, (function* () {
      for (const [word, p] of words) yield [word, p.spilled()] as [string, SpilledPosting];
    })());
    this.words.clear();
    this.sortedWords = null;
    this.heldBytes = 0;
  }

  /** A word's whole posting: its spilled segments, then what memory holds. */
  private posting(word: string): PackedPosting | undefined {
    const held = this.words.get(word);
    if (!this.spill) return held;
    const parts = this.spill.word(word);
    if (parts.length === 0) return held;
    if (held) parts.push(held.spilled());
    return PackedPosting.concat(parts);
  }

  /** Documents must be added in corpus order (their indexes ascending), which keeps every posting list sorted. */
  add(docIndex: number, doc: Pick<Document, 'text'>, analysis: Pick<DocAnalysis, 'hits'>): void {
    if (!this.labelsOnly) this.addWords(docIndex, doc.text);
    const labelCounts = new Map<string, number>();
    for (const h of analysis.hits) labelCounts.set(h.label, (labelCounts.get(h.label) ?? 0) + 1);
    for (const [label, n] of labelCounts) {
      let p = this.labels.get(label);
      if (!p) {
        p = new PackedPosting();
        this.labels.set(label, p);
      }
      // Label postings need no positions: the analysis holds the hits.
      p.push(docIndex, new Array<number>(n).fill(0));
    }
    this.documents++;
    this.documentSpan = Math.max(this.documentSpan, docIndex + 1);
    if (this.spill && this.heldBytes >= this.segmentBytes) this.flush();
  }

  private addWords(docIndex: number, text: string): void {
    // The same runs wordTokens gives (the unit word patterns agree on), with where each one sits.
    const lower = text.toLowerCase();
    const positions = new Map<string, number[]>();
    let k = 0;
    let previousEnd = -1;
    WORD_RUN.lastIndex = 0;
    for (let m = WORD_RUN.exec(lower); m !== null; m = WORD_RUN.exec(lower)) {
      const t = m[0];
      const code = k * 2 + (previousEnd >= 0 && joins(lower, previousEnd, m.index) ? JOINED : 0);
      const list = positions.get(t);
      if (list) list.push(code);
      else positions.set(t, [code]);
      previousEnd = m.index + t.length;
      k++;
    }
    for (const [t, list] of positions) {
      let p = this.words.get(t);
      if (!p) {
        p = new PackedPosting();
        this.words.set(t, p);
        this.sortedWords = null;
      }
      const before = p.size;
      p.push(docIndex, list);
      this.heldBytes += p.size - before;
    }
  }

  /**
   * Occurrences of `tokens` (two or more words) standing side by side, each joined to the one before by whitespace,
   * hyphens or en dashes only: what the phrase pattern of those words (see wordPattern) matches, counted without
   * overlaps as a regular expression finds them, and without reading any text.
   */
  phrase(tokens: string[]): Posting {
    const reader = this.phraseReader(tokens);
    const docs: number[] = [];
    const counts: number[] = [];
    reader.candidates.forEach((d, k) => {
      const n = reader.countAt(k);
      if (n) {
        docs.push(d);
        counts.push(n);
      }
    });
    return { docs, counts };
  }

  /**
   * The documents holding every word of a phrase (ascending), and the phrase's count in the k-th of them (see
   * phrase). Counting goes a document at a time, in order, so a caller can spread it over time: the candidates of a
   * phrase of common words are most of a large corpus. `joined[t]` false lets word t follow word t - 1 across any
   * characters that are not letters or digits (the next position only): the count is then an upper bound, used to
   * skip documents that cannot hold a phrase with other punctuation between its words.
   */
  phraseReader(tokens: string[], joined?: readonly boolean[]): { candidates: number[]; countAt: (k: number) => number } {
    this.wordsIndexed();
    const lists = tokens.map((t) => this.posting(t));
    if (lists.some((p) => p === undefined)) return { candidates: [], countAt: () => 0 };
    const postings = lists as PackedPosting[];
    const entries = postings.map((p) => p.entries());
    const candidates = intersect(entries);
    const where = entries.map(() => 0);
    const positions = tokens.map((): number[] => []);
    const cursor = tokens.map(() => 0);
    const n = tokens.length;
    let last = -1;
    const countAt = (k: number): number => {
      // Entries are found by walking forward: counts are asked for in order.
      if (k <= last) throw new RangeError(`phrase counts are read in order (${k} after ${last})`);
      last = k;
      const d = candidates[k];
      for (let t = 0; t < n; t++) {
        const e = entries[t];
        let i = where[t];
        while (e.docs[i] !== d) i++;
        where[t] = i;
        postings[t].positions(e.at[i], e.counts[i], positions[t]);
        cursor[t] = 0;
      }
      // The first word's positions drive; each later word must sit right after, joined to it.
      let found = 0;
      let free = 0;
      // Positions stay far below 2^30 (a 5 MB text has about a million words): halving by shifting is exact.
      for (const code of positions[0]) {
        const start = code >>> 1;
        if (start < free) continue;
        let ok = true;
        for (let t = 1; t < n && ok; t++) {
          const list = positions[t];
          let i = cursor[t];
          const want = start + t;
          while (i < list.length && list[i] >>> 1 < want) i++;
          cursor[t] = i;
          ok = i < list.length && (joined && !joined[t] ? list[i] >>> 1 === want : list[i] === want * 2 + JOINED);
        }
        if (ok) {
          found++;
          free = start + n;
        }
      }
      return found;
    };
    return { candidates, countAt };
  }

  /**
   * Gives back the room postings keep for growth (with positions, 10,000 articles hold ~30 MB of postings, up to half
   * of it spare room). Call once a corpus has been read; a posting that grows again takes room again. With a spill,
   * the last segment is written out instead.
   */
  trim(): void {
    this.flush();
    for (const p of this.words.values()) p.trim();
    for (const p of this.labels.values()) p.trim();
  }

  label(label: string): Posting | undefined {
    return this.labels.get(label)?.read();
  }

  word(token: string): Posting | undefined {
    this.wordsIndexed();
    return this.posting(token)?.read();
  }

  /** Postings of every word starting with `prefix`, merged (documents ascending, counts summed). */
  prefix(prefix: string): Posting {
    this.wordsIndexed();
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
    // Each spilled segment's posting counts its documents from -1, so it adds into the sums as it is.
    if (this.spill) for (const part of this.spill.wordsFrom(prefix)) words.push(PackedPosting.of(part.data, part.last));
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
