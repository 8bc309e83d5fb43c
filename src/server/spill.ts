/**
 * A private scratch database for what `serve --db` derives from a store but need not hold in memory: the term
 * index's word postings (written a segment at a time while the store is read) and every document's whole-document
 * voices. At 100,000 articles these were ~110 MB and ~40 MB of the server's heap; here SQLite keeps them on disk with
 * a small page cache, and a query reads the few rows it needs.
 *
 * The database is SQLite's transient kind (an empty file name): its file is removed as soon as it is opened, so
 * nothing is left behind, whatever way the server ends.
 */
import Database from 'better-sqlite3';
import type { PostingSpill, SpilledPosting } from './term-index.js';

/** Page cache of the scratch database, in KiB (SQLite's own default here is 16 MB a connection). */
const CACHE_KIB = 4096;

export interface VoiceSpill {
  putVoices(ids: readonly string[], spans: readonly Int32Array[]): void;
  voices(id: string): Int32Array | undefined;
  voiceCount(): number;
}

export class ScratchFile implements PostingSpill, VoiceSpill {
  private readonly db: Database.Database;
  private readonly stmts = new Map<string, Database.Statement>();
  private distinctWords: number | null = 0;

  constructor() {
    this.db = new Database('');
    // Nothing here needs to survive a crash: the server builds it again at its next start.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('temp_store = FILE');
    this.db.pragma(`cache_size = -${CACHE_KIB}`);
    this.db.exec(`
      CREATE TABLE words (word TEXT NOT NULL, segment INTEGER NOT NULL, last INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (word, segment)) WITHOUT ROWID;
      CREATE TABLE voices (id TEXT PRIMARY KEY NOT NULL, spans BLOB NOT NULL) WITHOUT ROWID;
      CREATE TABLE stances (id TEXT PRIMARY KEY NOT NULL, stance TEXT NOT NULL) WITHOUT ROWID;
    `);
  }

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  putSegment(segment: number, words: Iterable<[string, SpilledPosting]>): void {
    const insert = this.stmt('INSERT INTO words (word, segment, last, data) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const [word, p] of words) insert.run(word, segment, p.last, p.data);
    })();
    this.distinctWords = null;
  }

  word(word: string): SpilledPosting[] {
    return (this.stmt('SELECT last, data FROM words WHERE word = ? ORDER BY segment').all(word) as Array<{ last: number; data: Uint8Array }>)
      .map((r) => ({ data: r.data, last: r.last }));
  }

  *wordsFrom(prefix: string): Iterable<SpilledPosting> {
    // Words sort by their UTF-8 bytes here, so every word with the prefix follows it directly; the first one without ends the run.
    for (const r of this.stmt('SELECT word, last, data FROM words WHERE word >= ? ORDER BY word, segment').iterate(prefix) as Iterable<{ word: string; last: number; data: Uint8Array }>) {
      if (!r.word.startsWith(prefix)) return;
      yield { data: r.data, last: r.last };
    }
  }

  wordCount(): number {
    this.distinctWords ??= (this.stmt('SELECT count(DISTINCT word) AS n FROM words').get() as { n: number }).n;
    return this.distinctWords;
  }

  putVoices(ids: readonly string[], spans: readonly Int32Array[]): void {
    const insert = this.stmt('INSERT OR REPLACE INTO voices (id, spans) VALUES (?, ?)');
    this.db.transaction(() => {
      ids.forEach((id, k) => insert.run(id, Buffer.from(spans[k].buffer, spans[k].byteOffset, spans[k].byteLength)));
    })();
  }

  voices(id: string): Int32Array | undefined {
    const row = this.stmt('SELECT spans FROM voices WHERE id = ?').get(id) as { spans: Uint8Array } | undefined;
    if (!row) return undefined;
    // Copied into an array of its own: the blob's bytes need not sit at a 4-byte boundary.
    const bytes = new Uint8Array(row.spans);
    return new Int32Array(bytes.buffer, 0, bytes.length / 4);
  }

  voiceCount(): number {
    return (this.stmt('SELECT count(*) AS n FROM voices').get() as { n: number }).n;
  }

  /** Report documents' stances, as JSON, by document id. */
  putStances(ids: readonly string[], stances: readonly string[]): void {
    const insert = this.stmt('INSERT OR REPLACE INTO stances (id, stance) VALUES (?, ?)');
    this.db.transaction(() => {
      ids.forEach((id, k) => insert.run(id, stances[k]));
    })();
  }

  stance(id: string): string | undefined {
    return (this.stmt('SELECT stance FROM stances WHERE id = ?').get(id) as { stance: string } | undefined)?.stance;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
