/**
 * The report builder's in-memory part of each document (what the statistics resample and events link) as columns:
 * typed arrays of numbers, one string table for outlets, dates, events and names, and one array of ids. An object
 * per document with a names array of its own cost ~170 bytes (Node's V8 has no pointer compression: every field
 * is 8 bytes, every array has a header); here a document costs 48 bytes plus 4 per name. In a batch run even that
 * does not stay: full blocks of columns and full chunks of names go to a scratch file and are read back when asked
 * (memory holds a block being filled and a column slice each), and only the latest ids stay in memory, earlier ones
 * being read back from a scratch database (IdColumn, below). Its id is needed until the end (duplicate policy,
 * events, the near-duplicate index's pairs).
 */
import type Database from 'better-sqlite3';
import type { EventDate } from '../text/event-date.js';
import { CHUNK_OFFSET, ChunkedPool } from '../stats/postings.js';
import { StringPositions } from '../text/position-table.js';
import { idBytes, idOfBytes, openScratch } from '../text/scratch-db.js';
import type { ScratchFile } from '../text/scratch-file.js';

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

/** Float64 columns of a block (first in its buffer, for alignment), then Int32 ones. */
const WORDS = 0;
const NAME_STARTS = 1;
const STANCE_STARTS = 2;
const FLOAT_COLUMNS = 3;
const OUTLETS = 3;
const DATES = 4;
const EVENTS = 5;
const EVENT_DATES = 6;
const NAME_COUNTS = 7;
const STANCE_LENGTHS = 8;
const COLUMNS = 9;
const columnOffset = (c: number): number => (c < FLOAT_COLUMNS ? c * BLOCK * 8 : FLOAT_COLUMNS * BLOCK * 8 + (c - FLOAT_COLUMNS) * BLOCK * 4);
const BLOCK_BYTES = columnOffset(COLUMNS);

/** The columns of BLOCK documents, in one buffer: a full block goes to the scratch file in one write. */
class Block {
  readonly buffer = new ArrayBuffer(BLOCK_BYTES);
  readonly floats = Array.from({ length: FLOAT_COLUMNS }, (_, c) => new Float64Array(this.buffer, columnOffset(c), BLOCK));
  readonly ints = Array.from({ length: COLUMNS - FLOAT_COLUMNS }, (_, c) => new Int32Array(this.buffer, columnOffset(c + FLOAT_COLUMNS), BLOCK));
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
  private readonly namePool: ChunkedPool<Int32Array<ArrayBuffer>>;
  /** Undefined where a full block went to the scratch file (`blockAt`: where it starts there). */
  private readonly blocks: Array<Block | undefined> = [];
  private readonly blockAt: number[] = [];
  /**
   * Reading a written block back, per column: the block whose column was read last (`slices`), and the block of the
   * last single value read. A pass in position order reads each column of a block once; positions out of order (an
   * event's members) read the one value, unless two in a row fall in one block.
   */
  private readonly sliceBlock = new Int32Array(COLUMNS).fill(-1);
  /**
   * One buffer per column, made on its first read back and overwritten by every later one: a fresh array per read
   * was garbage outside the JS heap (16–32 KB each; the events walk read ~20 KB per event member at random
   * positions), which the collector let pile up to ~150 MB at 300k documents before freeing it.
   */
  private readonly slices: Array<Float64Array | Int32Array | undefined> = new Array(COLUMNS);
  /** Per column, the block and position of the last single value read, and that value. */
  private readonly probeBlock = new Int32Array(COLUMNS).fill(-1);
  private readonly probePosition = new Float64Array(COLUMNS).fill(-1);
  private readonly probeValue = new Float64Array(COLUMNS);
  private readonly probeFloat = new Float64Array(1);
  private readonly probeInt = new Int32Array(1);
  /** Column slices read back from the scratch file, and buffers made for them (tests: both stay bounded). */
  sliceReads = 0;
  sliceBuffers = 0;
  /** The sum of `words` (the report's corpus size). */
  private totalWords = 0;

  /**
   * `idBatch`: ids kept in memory; earlier ones move, a batch at a time, to a scratch database (a batch run's
   * builder). Infinity keeps them all (the server's and the library's builder, which are not batch runs).
   * `spill`: where full blocks of the other columns and full chunks of names go (a batch run's builder), so that
   * memory holds a block and a chunk whatever the corpus size; without it they all stay in memory.
   */
  constructor(idBatch = Infinity, private readonly spill?: ScratchFile) {
    this.ids = new IdColumn(idBatch);
    this.namePool = new ChunkedPool((n) => new Int32Array(n), spill);
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

  /** Bytes of the blocks and name chunks in memory (tests: a batch run's builder holds a bounded number). */
  get heldBytes(): number {
    let bytes = this.namePool.heldBytes;
    for (const b of this.blocks) if (b) bytes += BLOCK_BYTES;
    for (const slice of this.slices) if (slice) bytes += slice.byteLength;
    return bytes;
  }

  push(core: DocumentCore): void {
    const k = this.ids.length;
    if ((k & IN_BLOCK) === 0) {
      const last = this.blocks.length - 1;
      if (this.spill && last >= 0) {
        this.blockAt[last] = this.spill.append(new Uint8Array((this.blocks[last] as Block).buffer));
        this.blocks[last] = undefined;
      }
      this.blocks.push(new Block());
    }
    const b = this.blocks[k >> BLOCK_BITS] as Block;
    const x = k & IN_BLOCK;
    const ints = b.ints;
    const floats = b.floats;
    this.ids.push(core.id);
    ints[OUTLETS - FLOAT_COLUMNS][x] = this.number(core.outlet);
    ints[DATES - FLOAT_COLUMNS][x] = core.date === undefined ? NONE : this.number(core.date);
    ints[EVENTS - FLOAT_COLUMNS][x] = core.event === undefined ? NONE : this.number(core.event);
    ints[EVENT_DATES - FLOAT_COLUMNS][x] = core.eventDate === undefined ? NONE : this.eventDateNumber(core.eventDate);
    floats[WORDS][x] = core.words;
    this.totalWords += core.words;
    const names = core.names;
    ints[NAME_COUNTS - FLOAT_COLUMNS][x] = names.length;
    if (names.length > 0) {
      const at = this.namePool.reserve(names.length);
      const chunk = this.namePool.chunkAt(at);
      let y = at & CHUNK_OFFSET;
      for (const name of names) chunk[y++] = this.number(name);
      floats[NAME_STARTS][x] = at;
    }
    floats[STANCE_STARTS][x] = core.stanceStart;
    ints[STANCE_LENGTHS - FLOAT_COLUMNS][x] = core.stanceLength;
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
    return this.strings[this.int(k, OUTLETS)];
  }

  date(k: number): string | undefined {
    const d = this.int(k, DATES);
    return d === NONE ? undefined : this.strings[d];
  }

  event(k: number): string | undefined {
    const e = this.int(k, EVENTS);
    return e === NONE ? undefined : this.strings[e];
  }

  eventDate(k: number): EventDate | undefined {
    const d = this.int(k, EVENT_DATES);
    return d === NONE ? undefined : this.eventDates[d];
  }

  stanceStart(k: number): number {
    return this.float(k, STANCE_STARTS);
  }

  stanceLength(k: number): number {
    return this.int(k, STANCE_LENGTHS);
  }

  names(k: number): string[] {
    const count = this.int(k, NAME_COUNTS);
    if (count === 0) return EMPTY_NAMES;
    const numbers = this.namePool.record(this.float(k, NAME_STARTS), count);
    const names: string[] = new Array(count);
    for (let x = 0; x < count; x++) names[x] = this.strings[numbers[x]];
    return names;
  }

  /** Document k's core as an object (a fresh one on every call). */
  get(k: number): DocumentCore {
    const date = this.int(k, DATES);
    const event = this.int(k, EVENTS);
    const eventDate = this.int(k, EVENT_DATES);
    return {
      id: this.ids.at(k),
      outlet: this.strings[this.int(k, OUTLETS)],
      words: this.float(k, WORDS),
      date: date === NONE ? undefined : this.strings[date],
      event: event === NONE ? undefined : this.strings[event],
      names: this.names(k),
      eventDate: eventDate === NONE ? undefined : this.eventDates[eventDate],
      stanceStart: this.float(k, STANCE_STARTS),
      stanceLength: this.int(k, STANCE_LENGTHS),
    };
  }

  *[Symbol.iterator](): Generator<DocumentCore> {
    for (let k = 0; k < this.ids.length; k++) yield this.get(k);
  }

  private int(k: number, c: number): number {
    const b = this.blocks[k >> BLOCK_BITS];
    return b ? b.ints[c - FLOAT_COLUMNS][k & IN_BLOCK] : this.written(k, c);
  }

  private float(k: number, c: number): number {
    const b = this.blocks[k >> BLOCK_BITS];
    return b ? b.floats[c][k & IN_BLOCK] : this.written(k, c);
  }

  /** Column c of document k from a block in the scratch file. */
  private written(k: number, c: number): number {
    const block = k >> BLOCK_BITS;
    const at = this.blockAt[block];
    if (at === undefined || this.spill === undefined) throw new RangeError(`core columns: no document at position ${k} of ${this.length}`);
    const x = k & IN_BLOCK;
    if (this.sliceBlock[c] !== block) {
      // The same position asked again (an event member's date, read for its event and for its evidence) is the
      // value read last, not a reason to read its whole block.
      if (this.probePosition[c] === k) return this.probeValue[c];
      if (block !== this.sliceBlock[c] + 1 && block !== this.probeBlock[c]) {
        this.probeBlock[c] = block;
        const one = c < FLOAT_COLUMNS ? this.probeFloat : this.probeInt;
        this.spill.read(at + columnOffset(c) + x * one.BYTES_PER_ELEMENT, one);
        this.probePosition[c] = k;
        this.probeValue[c] = one[0];
        return one[0];
      }
      let slice = this.slices[c];
      if (!slice) {
        slice = this.slices[c] = c < FLOAT_COLUMNS ? new Float64Array(BLOCK) : new Int32Array(BLOCK);
        this.sliceBuffers++;
      }
      this.sliceBlock[c] = -1;
      this.spill.read(at + columnOffset(c), slice);
      this.sliceBlock[c] = block;
      this.sliceReads++;
    }
    return (this.slices[c] as Float64Array | Int32Array)[x];
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
