/**
 * A private scratch database for per-document state a batch run needs until its end but should not hold in memory
 * (the corpus reader's seen documents, the report builder's ids). SQLite's transient kind: its file is removed as
 * soon as it is opened, so nothing is left whatever way the run ends, and nothing is written for durability.
 */
import Database from 'better-sqlite3';

/** Page cache of a scratch database, in KiB (SQLite's default here is 16 MB a connection). */
const SCRATCH_CACHE_KIB = 2048;

/** Opens an empty scratch database and creates its tables with `schema` (SQL). */
export function openScratch(schema: string): Database.Database {
  const db = new Database('');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma(`cache_size = -${SCRATCH_CACHE_KIB}`);
  db.exec(schema);
  return db;
}

/**
 * An id as its UTF-16 code units: SQLite's text is UTF-8, where a lone surrogate (a JSON id may hold one) comes back
 * as U+FFFD; the code units keep every id exactly.
 */
export function idBytes(id: string): Buffer {
  return Buffer.from(id, 'utf16le');
}

/** The id idBytes stored. */
export function idOfBytes(bytes: Buffer): string {
  return bytes.toString('utf16le');
}
