/**
 * The report builder's in-memory part of each document (what the statistics resample and events link) as columns:
 * typed arrays of numbers, one string table for outlets, dates, events and names, and one array of ids. An object
 * per document with a names array of its own cost ~170 bytes (Node's V8 has no pointer compression: every field
 * is 8 bytes, every array has a header); here a document costs ~52 bytes plus 4 per name and at most 16 for the table of its id, so the builder's share of
 * a run grows as little as it can while every document's id is still needed at the end (duplicate policy, events).
 */
import type { EventDate } from '../text/event-date.js';
import { CHUNK_OFFSET, ChunkedPool } from '../stats/postings.js';
import { StringPositions } from '../text/position-table.js';

/** One document's core as the builder's stages read it (made on demand from the columns; not kept). */
export interface DocumentCore {
  readonly id: string;
  readonly outlet: string;
  readonly words: number;
  readonly date: string | undefined;
  readonly event: string | undefined;
  readonly names: string[];
  readonly eventDate: EventDate | undefined;
  /** Where this document's stance triples start in the builder's stance pool (two numbers each). */
  readonly stanceStart: number;
  /** How many numbers (two per triple). */
  readonly stanceLength: number;
}

const NONE = -1;
const EMPTY_NAMES: string[] = [];
/**
 * Documents per block of columns, as a power of two. Blocks are added, never copied: columns that double would hold
 * up to as much unused room as data and, while growing, both copies.
 */
const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK - 1;

/** The columns of BLOCK documents. */
class Block {
  readonly outlets = new Int32Array(BLOCK);
  readonly dates = new Int32Array(BLOCK);
  readonly events = new Int32Array(BLOCK);
  readonly eventDates = new Int32Array(BLOCK);
  readonly nameCounts = new Int32Array(BLOCK);
  readonly stanceLengths = new Int32Array(BLOCK);
  readonly words = new Float64Array(BLOCK);
  readonly nameStarts = new Float64Array(BLOCK);
  readonly stanceStarts = new Float64Array(BLOCK);
}

export class CoreColumns {
  private readonly ids: string[] = [];
  /** Which ids are taken (the builder refuses a repeated one): a table of positions in `ids`, not a Set of strings. */
  private readonly idPositions = new StringPositions(this.ids);
  /** Outlets, dates, events and names: one string per distinct value, shared by every document that has it. */
  private readonly strings: string[] = [];
  private readonly stringNumbers = new Map<string, number>();
  /** Event dates are read-only once made: documents dated by the same words share one. */
  private readonly eventDates: EventDate[] = [];
  private readonly eventDateNumbers = new Map<string, number>();
  /** Every document's names as string numbers, one run per document. */
  private readonly namePool = new ChunkedPool((n) => new Int32Array(n));
  private readonly blocks: Block[] = [];
  /** The sum of `words` (the report's corpus size). */
  private totalWords = 0;

  get length(): number {
    return this.ids.length;
  }

  get wordCount(): number {
    return this.totalWords;
  }

  push(core: DocumentCore): void {
    const k = this.ids.length;
    if ((k & IN_BLOCK) === 0) this.blocks.push(new Block());
    const b = this.blocks[k >> BLOCK_BITS];
    const x = k & IN_BLOCK;
    this.ids.push(core.id);
    this.idPositions.index(k);
    b.outlets[x] = this.number(core.outlet);
    b.dates[x] = core.date === undefined ? NONE : this.number(core.date);
    b.events[x] = core.event === undefined ? NONE : this.number(core.event);
    b.eventDates[x] = core.eventDate === undefined ? NONE : this.eventDateNumber(core.eventDate);
    b.words[x] = core.words;
    this.totalWords += core.words;
    const names = core.names;
    b.nameCounts[x] = names.length;
    if (names.length > 0) {
      const at = this.namePool.reserve(names.length);
      const chunk = this.namePool.chunkAt(at);
      let y = at & CHUNK_OFFSET;
      for (const name of names) chunk[y++] = this.number(name);
      b.nameStarts[x] = at;
    }
    b.stanceStarts[x] = core.stanceStart;
    b.stanceLengths[x] = core.stanceLength;
  }

  has(id: string): boolean {
    return this.idPositions.find(id) >= 0;
  }

  /** The position of the document with this id, or −1. */
  position(id: string): number {
    return this.idPositions.find(id);
  }

  id(k: number): string {
    return this.ids[k];
  }

  outlet(k: number): string {
    return this.strings[this.blocks[k >> BLOCK_BITS].outlets[k & IN_BLOCK]];
  }

  date(k: number): string | undefined {
    const d = this.blocks[k >> BLOCK_BITS].dates[k & IN_BLOCK];
    return d === NONE ? undefined : this.strings[d];
  }

  event(k: number): string | undefined {
    const e = this.blocks[k >> BLOCK_BITS].events[k & IN_BLOCK];
    return e === NONE ? undefined : this.strings[e];
  }

  eventDate(k: number): EventDate | undefined {
    const d = this.blocks[k >> BLOCK_BITS].eventDates[k & IN_BLOCK];
    return d === NONE ? undefined : this.eventDates[d];
  }

  stanceStart(k: number): number {
    return this.blocks[k >> BLOCK_BITS].stanceStarts[k & IN_BLOCK];
  }

  stanceLength(k: number): number {
    return this.blocks[k >> BLOCK_BITS].stanceLengths[k & IN_BLOCK];
  }

  names(k: number): string[] {
    const b = this.blocks[k >> BLOCK_BITS];
    const count = b.nameCounts[k & IN_BLOCK];
    if (count === 0) return EMPTY_NAMES;
    const at = b.nameStarts[k & IN_BLOCK];
    const chunk = this.namePool.chunkAt(at);
    const names: string[] = new Array(count);
    for (let x = 0, y = at & CHUNK_OFFSET; x < count; x++, y++) names[x] = this.strings[chunk[y]];
    return names;
  }

  /** Document k's core as an object (a fresh one on every call). */
  get(k: number): DocumentCore {
    const b = this.blocks[k >> BLOCK_BITS];
    const x = k & IN_BLOCK;
    return {
      id: this.ids[k],
      outlet: this.strings[b.outlets[x]],
      words: b.words[x],
      date: b.dates[x] === NONE ? undefined : this.strings[b.dates[x]],
      event: b.events[x] === NONE ? undefined : this.strings[b.events[x]],
      names: this.names(k),
      eventDate: b.eventDates[x] === NONE ? undefined : this.eventDates[b.eventDates[x]],
      stanceStart: b.stanceStarts[x],
      stanceLength: b.stanceLengths[x],
    };
  }

  *[Symbol.iterator](): Generator<DocumentCore> {
    for (let k = 0; k < this.ids.length; k++) yield this.get(k);
  }

  private number(value: string): number {
    let n = this.stringNumbers.get(value);
    if (n === undefined) {
      n = this.strings.length;
      this.strings.push(value);
      this.stringNumbers.set(value, n);
    }
    return n;
  }

  private eventDateNumber(d: EventDate): number {
    const key = `${d.day}\u0000${d.from}\u0000${d.evidence ?? ''}`;
    let n = this.eventDateNumbers.get(key);
    if (n === undefined) {
      n = this.eventDates.length;
      this.eventDates.push(d);
      this.eventDateNumbers.set(key, n);
    }
    return n;
  }
}
