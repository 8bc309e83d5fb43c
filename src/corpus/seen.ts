/**
 * What the corpus stream keeps of every document it accepts, for unique ids, exact duplicates and the messages that
 * name the first of two documents: its id, its file and line, and its text key (dedupeKey's identity in 36 bytes: the
 * outlet as a number, the raw sha256 of the normalized text).
 *
 * Every id and text key of the whole run is needed until its end, so held in memory they grow with the corpus
 * (~130 bytes a document in typed columns and position tables, ~13 MB at 100k; maps of strings cost ~440). Here only
 * the latest `batch` documents stay in memory; each full batch moves, in one transaction, to a private scratch
 * database (SQLite's transient kind: its file is removed as soon as it is opened, so nothing is left whatever way
 * the run ends) whose indexes answer the lookups of later documents. A corpus smaller than one batch never opens it.
 */
import type Database from 'better-sqlite3';
import type { Document } from '../types.js';
import { dedupeDigest } from './dedupe.js';
import { PositionTable, StringPositions } from '../text/position-table.js';
import { idBytes, idOfBytes, openScratch } from '../text/scratch-db.js';

/** Documents kept in memory before they move to the scratch database (~1 MB of columns and tables). */
export const SEEN_BATCH = 8192;
/** A text key: the outlet's number (4 bytes) and the sha256 of the normalized text (32). */
const TEXT_KEY_BYTES = 36;

export class SeenDocuments {
  private readonly outletNumbers = new Map<string, number>();
  /** Documents numbered below `base` are in the scratch database; the in-memory columns hold `base` onwards. */
  private base = 0;
  private ids: string[] = [];
  private idPositions = new StringPositions(this.ids);
  private textPositions = new PositionTable();
  private readonly files: string[];
  /** The 1-based line, or 0 when the source has none. */
  private readonly lineOf: Float64Array;
  private readonly textKeys: Uint8Array;
  /** 1 where the document is the first with its text key (only those are looked up later). */
  private readonly keyed: Uint8Array;
  private scratch: Scratch | undefined;

  constructor(private readonly batch = SEEN_BATCH) {
    if (!(Number.isInteger(batch) && batch > 0)) throw new RangeError(`seen documents: batch ${batch} must be a positive integer`);
    this.files = new Array<string>(batch);
    this.lineOf = new Float64Array(batch);
    this.textKeys = new Uint8Array(batch * TEXT_KEY_BYTES);
    this.keyed = new Uint8Array(batch);
  }

  /** The number of the accepted document with this id, or −1. */
  findId(id: string): number {
    const here = this.idPositions.find(id);
    if (here >= 0) return this.base + here;
    return this.scratch ? this.scratch.findId(id) : -1;
  }

  /** Records an accepted document under the next number and returns it. */
  add(doc: Document): number {
    if (this.ids.length === this.batch) this.moveBatch();
    const x = this.ids.length;
    this.files[x] = doc.source.file;
    this.lineOf[x] = doc.source.line ?? 0;
    this.keyed[x] = 0;
    this.ids.push(doc.id);
    this.idPositions.index(x);
    return this.base + x;
  }

  id(n: number): string {
    return n >= this.base ? this.ids[n - this.base] : (this.stored(n).id);
  }

  where(n: number): string {
    const { file, line } = n >= this.base ? { file: this.files[n - this.base], line: this.lineOf[n - this.base] } : this.stored(n);
    return line ? `${file}:${line}` : file;
  }

  /**
   * The number of an earlier document with the same outlet (trimmed) and text up to whitespace (dedupeKey), or −1,
   * and then this one (the last added) is the first with its text.
   */
  firstWithText(doc: Pick<Document, 'outlet' | 'text'>): number {
    const x = this.ids.length - 1;
    const outlet = doc.outlet.trim();
    let k = this.outletNumbers.get(outlet);
    if (k === undefined) this.outletNumbers.set(outlet, (k = this.outletNumbers.size));
    const at = x * TEXT_KEY_BYTES;
    const view = Buffer.from(this.textKeys.buffer, this.textKeys.byteOffset, this.textKeys.byteLength);
    view.writeUInt32BE(k, at);
    dedupeDigest(doc.text).copy(view, at + 4);
    const hash = view.readInt32BE(at + 4);
    const keys = this.textKeys;
    const here = this.textPositions.find(hash, (p) => {
      for (let b = 0, y = p * TEXT_KEY_BYTES; b < TEXT_KEY_BYTES; b++) if (keys[y + b] !== keys[at + b]) return false;
      return true;
    });
    if (here >= 0) return this.base + here;
    const stored = this.scratch ? this.scratch.findKey(view.subarray(at, at + TEXT_KEY_BYTES)) : -1;
    if (stored >= 0) return stored;
    this.textPositions.add(hash, x);
    this.keyed[x] = 1;
    return -1;
  }

  /** Closes the scratch database (its file is already gone); the object is not used after. */
  close(): void {
    this.scratch?.close();
    this.scratch = undefined;
  }

  private stored(n: number): { id: string; file: string; line: number } {
    const row = this.scratch?.row(n);
    if (!row) throw new Error(`seen documents: document ${n} is neither in memory nor in the scratch database`);
    return row;
  }

  private moveBatch(): void {
    this.scratch ??= new Scratch();
    const keys = Buffer.from(this.textKeys.buffer, this.textKeys.byteOffset, this.textKeys.byteLength);
    this.scratch.put(this.base, this.ids, this.files, this.lineOf, (x) => (this.keyed[x] ? keys.subarray(x * TEXT_KEY_BYTES, (x + 1) * TEXT_KEY_BYTES) : null));
    this.base += this.ids.length;
    this.ids = [];
    this.idPositions = new StringPositions(this.ids);
    this.textPositions = new PositionTable();
    this.files.fill('');
  }
}

class Scratch {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly byKey: Database.Statement;
  private readonly byNumber: Database.Statement;

  constructor() {
    // Nothing here outlives the run: a run that ends any way reads its corpus again from the start.
    this.db = openScratch(`
      CREATE TABLE seen (n INTEGER PRIMARY KEY, id BLOB NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL, key BLOB);
      CREATE UNIQUE INDEX seen_id ON seen (id);
      CREATE INDEX seen_key ON seen (key) WHERE key IS NOT NULL;
    `);
    this.insert = this.db.prepare('INSERT INTO seen (n, id, file, line, key) VALUES (?, ?, ?, ?, ?)');
    this.byId = this.db.prepare('SELECT n FROM seen WHERE id = ?').pluck();
    this.byKey = this.db.prepare('SELECT n FROM seen WHERE key = ? AND key IS NOT NULL').pluck();
    this.byNumber = this.db.prepare('SELECT id, file, line FROM seen WHERE n = ?');
  }

  put(base: number, ids: readonly string[], files: readonly string[], lines: Float64Array, keyOf: (x: number) => Buffer | null): void {
    this.db.transaction(() => {
      for (let x = 0; x < ids.length; x++) this.insert.run(base + x, idBytes(ids[x]), files[x], lines[x], keyOf(x));
    })();
  }

  findId(id: string): number {
    const n = this.byId.get(idBytes(id)) as number | undefined;
    return n === undefined ? -1 : n;
  }

  findKey(key: Buffer): number {
    const n = this.byKey.get(key) as number | undefined;
    return n === undefined ? -1 : n;
  }

  row(n: number): { id: string; file: string; line: number } | undefined {
    const row = this.byNumber.get(n) as { id: Buffer; file: string; line: number } | undefined;
    return row && { id: idOfBytes(row.id), file: row.file, line: row.line };
  }

  close(): void {
    this.db.close();
  }
}
