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
  private capacity = 1024;
  private outlets = new Int32Array(this.capacity);
  private dates = new Int32Array(this.capacity);
  private events = new Int32Array(this.capacity);
  private eventDateOf = new Int32Array(this.capacity);
  private nameCounts = new Int32Array(this.capacity);
  private words = new Float64Array(this.capacity);
  private nameStarts = new Float64Array(this.capacity);
  private stanceStarts = new Float64Array(this.capacity);
  private stanceLengths = new Int32Array(this.capacity);
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
    if (k === this.capacity) this.grow();
    this.ids.push(core.id);
    this.idPositions.index(k);
    this.outlets[k] = this.number(core.outlet);
    this.dates[k] = core.date === undefined ? NONE : this.number(core.date);
    this.events[k] = core.event === undefined ? NONE : this.number(core.event);
    this.eventDateOf[k] = core.eventDate === undefined ? NONE : this.eventDateNumber(core.eventDate);
    this.words[k] = core.words;
    this.totalWords += core.words;
    const names = core.names;
    this.nameCounts[k] = names.length;
    if (names.length > 0) {
      const at = this.namePool.reserve(names.length);
      const chunk = this.namePool.chunkAt(at);
      let y = at & CHUNK_OFFSET;
      for (const name of names) chunk[y++] = this.number(name);
      this.nameStarts[k] = at;
    }
    this.stanceStarts[k] = core.stanceStart;
    this.stanceLengths[k] = core.stanceLength;
  }

  has(id: string): boolean {
    return this.idPositions.find(id) >= 0;
  }

  id(k: number): string {
    return this.ids[k];
  }

  outlet(k: number): string {
    return this.strings[this.outlets[k]];
  }

  stanceStart(k: number): number {
    return this.stanceStarts[k];
  }

  stanceLength(k: number): number {
    return this.stanceLengths[k];
  }

  names(k: number): string[] {
    const count = this.nameCounts[k];
    if (count === 0) return EMPTY_NAMES;
    const at = this.nameStarts[k];
    const chunk = this.namePool.chunkAt(at);
    const names: string[] = new Array(count);
    for (let x = 0, y = at & CHUNK_OFFSET; x < count; x++, y++) names[x] = this.strings[chunk[y]];
    return names;
  }

  /** Document k's core as an object (a fresh one on every call). */
  get(k: number): DocumentCore {
    return {
      id: this.ids[k],
      outlet: this.strings[this.outlets[k]],
      words: this.words[k],
      date: this.dates[k] === NONE ? undefined : this.strings[this.dates[k]],
      event: this.events[k] === NONE ? undefined : this.strings[this.events[k]],
      names: this.names(k),
      eventDate: this.eventDateOf[k] === NONE ? undefined : this.eventDates[this.eventDateOf[k]],
      stanceStart: this.stanceStarts[k],
      stanceLength: this.stanceLengths[k],
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

  private grow(): void {
    const size = this.capacity * 2;
    const int32 = (a: Int32Array<ArrayBuffer>) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    const float64 = (a: Float64Array<ArrayBuffer>) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.outlets = int32(this.outlets);
    this.dates = int32(this.dates);
    this.events = int32(this.events);
    this.eventDateOf = int32(this.eventDateOf);
    this.nameCounts = int32(this.nameCounts);
    this.stanceLengths = int32(this.stanceLengths);
    this.words = float64(this.words);
    this.nameStarts = float64(this.nameStarts);
    this.stanceStarts = float64(this.stanceStarts);
    this.capacity = size;
  }
}
