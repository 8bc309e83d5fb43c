/**
 * The report builder's in-memory part of each document (what the statistics resample and events link) as columns:
 * typed arrays of numbers, one string table for outlets, dates, events and names, and one array of ids. An object
 * per document with a names array of its own cost ~170 bytes (Node's V8 has no pointer compression: every field
 * is 8 bytes, every array has a header); here a document costs ~52 bytes plus 4 per name. Its id is needed until
 * the end (duplicate policy, events, the near-duplicate index's pairs), but in a batch run only the latest ids stay
 * in memory and the earlier ones are read back from a scratch database (IdColumn, below).
 */
import type Database from 'better-sqlite3';
import type { EventDate } from '../text/event-date.js';
import { CHUNK_OFFSET, ChunkedPool } from '../stats/postings.js';
import { StringPositions } from '../text/position-table.js';
import { idBytes, idOfBytes, openScratch } from '../text/scratch-db.js';

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
/** Ids a batch run's builder keeps in memory; earlier ones are in the id column's scratch database. */
export const ID_BATCH = 8192;
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
  private readonly ids: IdColumn;
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

  /**
   * `idBatch`: ids kept in memory; earlier ones move, a batch at a time, to a scratch database (a batch run's
   * builder). Infinity keeps them all (the server's and the library's builder, which are not batch runs).
   */
  constructor(idBatch = Infinity) {
    this.ids = new IdColumn(idBatch);
  }

  /** Closes the id column's scratch database, if one was opened; the columns are not used after. */
  close(): void {
    this.ids.close();
  }

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
    return this.ids.find(id) >= 0;
  }

  /** The position of the document with this id, or −1. */
  position(id: string): number {
    return this.ids.find(id);
  }

  id(k: number): string {
    return this.ids.at(k);
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
      id: this.ids.at(k),
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

/**
 * Every document's id, found by position and by value. Held in memory an id costs its string, a slot and a table
 * entry (~60 bytes at 200k documents of short ids, more for long ones), for the whole run. With a finite batch only
 * the latest ids stay in memory; each full batch moves in one transaction to a private scratch database (SQLite's
 * transient kind: its file is removed as soon as it is opened) whose indexes answer for the earlier ones.
 */
class IdColumn {
  private base = 0;
  private recent: string[] = [];
  /** Which recent ids are taken: a table of positions in `recent`, not a Set of strings. */
  private recentPositions = new StringPositions(this.recent);
  private db: Database.Database | undefined;
  private insert: Database.Statement | undefined;
  private byId: Database.Statement | undefined;
  private byPosition: Database.Statement | undefined;

  constructor(private readonly batch: number) {
    if (!(batch > 0)) throw new RangeError(`id column: batch ${batch} must be positive`);
  }

  get length(): number {
    return this.base + this.recent.length;
  }

  push(id: string): void {
    if (this.recent.length >= this.batch) this.moveBatch();
    this.recent.push(id);
    this.recentPositions.index(this.recent.length - 1);
  }

  /** The position of this id, or −1. */
  find(id: string): number {
    const x = this.recentPositions.find(id);
    if (x >= 0) return this.base + x;
    const k = this.byId?.get(idBytes(id)) as number | undefined;
    return k === undefined ? -1 : k;
  }

  at(k: number): string {
    if (k >= this.base) return this.recent[k - this.base];
    const id = this.byPosition?.get(k) as Buffer | undefined;
    if (id === undefined) throw new RangeError(`id column: no document at position ${k} of ${this.length}`);
    return idOfBytes(id);
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
  }

  private moveBatch(): void {
    if (!this.db) {
      // Nothing here outlives the builder: its state is rebuilt from the store, never read back from this file.
      this.db = openScratch('CREATE TABLE ids (k INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE)');
      this.insert = this.db.prepare('INSERT INTO ids (k, id) VALUES (?, ?)');
      this.byId = this.db.prepare('SELECT k FROM ids WHERE id = ?').pluck();
      this.byPosition = this.db.prepare('SELECT id FROM ids WHERE k = ?').pluck();
    }
    const insert = this.insert as Database.Statement;
    const base = this.base;
    const recent = this.recent;
    this.db.transaction(() => {
      for (let x = 0; x < recent.length; x++) insert.run(base + x, idBytes(recent[x]));
    })();
    this.base += recent.length;
    this.recent = [];
    this.recentPositions = new StringPositions(this.recent);
  }
}
