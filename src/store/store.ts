/**
 * The embedded store (`--db FILE`): one SQLite file holding the documents of a corpus with their content hashes,
 * each document's analysis keyed by the analysis key (tool version, analyzer code, lexicon and voice-rule hashes),
 * the hits in an indexed table, and named aggregates (the report builder's state, the finished report).
 *
 * SQLite in WAL mode: readers (the server) see the last committed state while `analyze` writes, and a process
 * killed at any moment leaves every committed batch intact and nothing half-written. See docs/scale.md for why
 * SQLite and not DuckDB.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { DocAnalysis, Document, Hit, SpanHit } from '../types.js';
import { TOOL_VERSION } from '../version.js';
import { StoreError } from './errors.js';
import { storedAnalysisJson } from './analysis-json.js';

/**
 * The store's schema. Version 2 keeps each hit once, as a row of `hits`: the analysis JSON holds an empty hits list
 * (version 1 kept the hits there too, ~58% of each analysis' JSON). Opening a version-1 store to write converts it in
 * place; a version-1 store opened to read is read as it is.
 */
export const STORE_SCHEMA = 'framelens.store/2';
const STORE_SCHEMA_V1 = 'framelens.store/1';

/** Aggregates named so hold the saved report's documents, REPORT_DOCUMENTS_CHUNK to a row (see finishRun). */
export const REPORT_DOCUMENTS_PREFIX = 'report-documents/';
export const REPORT_DOCUMENTS_CHUNK = 2000;
/**
 * Aggregates named so hold the saved report's events, REPORT_DOCUMENTS_CHUNK to a row: every document is in one event
 * (most in one of their own), so the list grows with the corpus (32 MB of JSON at 100k documents).
 */
export const REPORT_EVENTS_PREFIX = 'report-events/';

/** A document row as listed: metadata without text or analysis. */
export interface StoredDocumentInfo {
  id: string;
  /** Position in the corpus of the last run (read order); lists and reports follow it. */
  ord: number;
  outlet: string;
  title?: string;
  date?: string;
  url?: string;
  event?: string;
  language?: string;
  /** "file" or "file:line". */
  source?: string;
  hash: string;
  words: number;
  hits: number;
}

export interface StoredDocument {
  document: Document;
  analysis: DocAnalysis;
  analysisKey: string;
}

/** A hit with the id of the document it is in. */
export interface StoredHit extends Hit {
  doc: string;
}

export interface StoreInfo {
  file: string;
  schema: string;
  /** Tool version that last wrote the store. */
  tool: string;
  /** Analysis key of the last run (see `cacheKey`). */
  analysisKey: string | null;
  /** Number of the last run started on the store; `complete` says whether it finished. */
  run: number;
  complete: boolean;
  /** "I/N" when the store holds one shard of a corpus. */
  shard: string | null;
  documents: number;
}

/**
 * What `analyze` writes for one document: its fresh analysis (`analysisJson`: as `storedAnalysisJson` gives it, the
 * hits come from `analysis`), or only its new place in the corpus.
 */
export type StoreWrite =
  | { kind: 'analyzed'; ord: number; document: Document; hash: string; analysisJson: string; analysis: DocAnalysis }
  | { kind: 'kept'; ord: number; id: string };

export interface OpenOptions {
  /** Open for reading only (the server; several readers may run while one process writes). */
  readonly?: boolean;
  /**
   * SQLite's page cache for this connection, in KiB (default 16 MB). The server reads documents by id and once in
   * order: the operating system's file cache serves it as well, and two connections' 16 MB were 7% of its memory.
   */
  cacheKiB?: number;
}

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  ord INTEGER NOT NULL,
  run INTEGER NOT NULL,
  outlet TEXT NOT NULL,
  title TEXT, date TEXT, url TEXT, event TEXT, language TEXT,
  source_file TEXT, source_line INTEGER,
  meta TEXT NOT NULL,
  hash TEXT NOT NULL,
  words INTEGER NOT NULL,
  hit_count INTEGER NOT NULL,
  text TEXT NOT NULL,
  analysis_key TEXT NOT NULL,
  analysis TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_ord ON documents (ord);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents (outlet, ord);
CREATE TABLE IF NOT EXISTS hits (
  doc INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
  label TEXT NOT NULL,
  referent TEXT,
  category TEXT NOT NULL,
  weight REAL NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  lower_text TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  voice TEXT NOT NULL,
  distanced INTEGER NOT NULL,
  negated INTEGER NOT NULL,
  resolution TEXT,
  cues TEXT
);
CREATE INDEX IF NOT EXISTS hits_doc ON hits (doc);
CREATE TABLE IF NOT EXISTS aggregates (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

/**
 * The search indexes over hits. A first run into an empty store builds them once at the end (sorting millions of
 * rows once is several times cheaper than keeping three indexes up to date row by row); later runs keep them.
 */
const SEARCH_INDEXES_SQL = `
CREATE INDEX IF NOT EXISTS hits_label_doc ON hits (label, doc, start);
CREATE INDEX IF NOT EXISTS hits_referent_doc ON hits (referent, doc, start);
CREATE INDEX IF NOT EXISTS hits_text_doc ON hits (lower_text, doc, start);
`;

/** A hit's columns in the order `hitOf` reads them. */
const HIT_FIELDS = 'label, referent, category, weight, start, end, text, sentence, voice, distanced, negated, resolution, cues';

const SEARCH_INDEX_NAMES = ['hits_label_doc', 'hits_referent_doc', 'hits_text_doc'];
const INDEX_WORKER_URL = new URL('./index-worker.js', import.meta.url);

interface DocumentRow {
  rowid: number;
  id: string;
  ord: number;
  outlet: string;
  title: string | null;
  date: string | null;
  url: string | null;
  event: string | null;
  language: string | null;
  source_file: string | null;
  source_line: number | null;
  meta: string;
  hash: string;
  words: number;
  hit_count: number;
  text: string;
  analysis_key: string;
  analysis: string;
}

interface HitRow {
  id: string;
  label: string;
  referent: string | null;
  category: string;
  weight: number;
  start: number;
  end: number;
  text: string;
  sentence: number;
  voice: Hit['voice'];
  distanced: number;
  negated: number;
  resolution: Hit['resolution'] | null;
  cues: string | null;
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

function sqliteMessage(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === 'SQLITE_NOTADB') return 'it is not a framelens store (not an SQLite database)';
  if (e.code === 'SQLITE_CORRUPT') return 'the database file is damaged';
  if (e.code === 'SQLITE_CANTOPEN') return 'it cannot be opened (missing folder or no permission)';
  if (e.code === 'SQLITE_BUSY') return 'another process holds a write lock on it; wait for it to finish';
  if (e.code === 'SQLITE_READONLY') return 'it is read-only here';
  return e.message ?? String(err);
}

/**
 * Which hits a keyword-in-context page needs of a document (see Store.kwicRecords): those of one label, or the first
 * hit (in the analyzer's order) that covers each of the spans a function finds in the text.
 */
export type HitsWanted = { label: string } | { spans: (text: string) => Iterable<{ start: number; end: number }> };

/**
 * A document as a keyword-in-context line reads it (see Store.kwicRecords). Read for a word's spans, `voiceSpans` is
 * empty: word lines take the document's whole voice reading instead.
 */
export interface KwicRecord {
  document: Pick<Document, 'id' | 'outlet' | 'text'>;
  analysis: Pick<DocAnalysis, 'sentences' | 'voiceSpans'> & { hits: readonly SpanHit[] };
}

/** A hit as Store.kwicDocs reads it: label, referent, weight, start, end, and its row (the analyzer's order). */
export type KwicHitRow = [string, string | null, number, number, number, number];

/** A document as Store.kwicDocs reads it: kwicHits makes the KwicRecord of it that kwicRecords would read. */
export interface KwicDoc {
  document: Pick<Document, 'id' | 'outlet' | 'text'>;
  sentences: DocAnalysis['sentences'];
  /** The analysis' voice spans, when read. */
  voiceSpans?: DocAnalysis['voiceSpans'];
  /** Every hit, in the analyzer's order. */
  hits: KwicHitRow[];
}

/**
 * The hits of a document that Store.kwicRecords reads for `wanted`, from all of them: a label's own; or for each span
 * the first hit (in the analyzer's order) that covers it, each once, in that order; or, wanting nothing, all.
 */
export function kwicHits(doc: KwicDoc, wanted?: HitsWanted): SpanHit[] {
  const toHit = ([label, referent, weight, start, end]: KwicHitRow): SpanHit => ({ label, referent, weight, start, end });
  if (!wanted) return doc.hits.map(toHit);
  if ('label' in wanted) {
    const out: SpanHit[] = [];
    for (const h of doc.hits) if (h[0] === wanted.label) out.push(toHit(h));
    return out;
  }
  const found = new Set<number>();
  for (const span of wanted.spans(doc.document.text)) {
    for (let k = 0; k < doc.hits.length; k++) {
      const h = doc.hits[k];
      if (h[3] <= span.start && h[4] >= span.end) {
        found.add(k);
        break;
      }
    }
  }
  return [...found].sort((a, b) => a - b).map((k) => toHit(doc.hits[k]));
}

export class Store {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /**
   * The run under way began on an empty store: `writeBatch` inserts before it looks for a row to replace, and the
   * pipeline asks `reusable` nothing (one query per document instead of three; ~1% of a first run's CPU). A kill
   * and re-run begins on a store that is no longer empty.
   */
  private freshRun = false;
  /** A version-1 store opened to read: each analysis JSON still holds its hits. */
  private hitsInAnalysis = false;

  /** Whether the run under way began on an empty store (nothing in it can be reused). */
  get runBeganEmpty(): boolean {
    return this.freshRun;
  }

  private constructor(file: string, db: Database.Database) {
    this.file = file;
    this.db = db;
  }

  /**
   * Opens (or, unless readonly, creates) a store. A file that is not a framelens store, a store of a newer schema
   * or a damaged one is refused with a StoreError naming the file and what to do.
   */
  static open(file: string, options: OpenOptions = {}): Store {
    if (options.readonly && !existsSync(file)) throw new StoreError(`${file}: no such store; run "framelens analyze --db ${file} <corpus>" first`, file);
    if (existsSync(file) && statSync(file).isDirectory()) throw new StoreError(`${file}: is a folder; --db takes a file name`, file);
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: Boolean(options.readonly), fileMustExist: Boolean(options.readonly) });
    } catch (err) {
      throw new StoreError(`${file}: cannot open the store: ${sqliteMessage(err)}`, file, { cause: err });
    }
    const store = new Store(file, db);
    try {
      store.init(Boolean(options.readonly));
      if (options.cacheKiB !== undefined) db.pragma(`cache_size = -${Math.max(0, Math.floor(options.cacheKiB))}`);
    } catch (err) {
      db.close();
      if (err instanceof StoreError) throw err;
      throw new StoreError(`${file}: ${sqliteMessage(err)}; delete it (analyses are rebuilt from the corpus) or choose another --db path`, file, { cause: err });
    }
    return store;
  }

  private init(readonly: boolean): void {
    // WAL lets readers go on while a writer commits; NORMAL sync in WAL mode still never corrupts the file on a
    // process kill (only an OS crash may lose the last transactions, which are then simply analyzed again).
    if (!readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      // Checkpoint every ~40 MB of log instead of every 4 MB: fewer pages written twice during a long run.
      this.db.pragma('wal_autocheckpoint = 10000');
    }
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    const names = new Set(tables.map((t) => t.name));
    if (names.size > 0 && !names.has('meta')) {
      throw new StoreError(`${this.file}: an SQLite database, but not a framelens store (no meta table); choose another --db path`, this.file);
    }
    if (names.has('meta')) {
      const schema = this.getMeta('schema');
      if (schema === STORE_SCHEMA_V1 && readonly) this.hitsInAnalysis = true;
      else if (schema === STORE_SCHEMA_V1) this.upgradeFromV1();
      else if (schema !== STORE_SCHEMA) {
        throw new StoreError(`${this.file}: store schema "${schema ?? 'none'}" is not ${STORE_SCHEMA}; delete the file (it is rebuilt from the corpus) or use the framelens version that wrote it`, this.file);
      }
      if (!readonly) this.db.exec(SCHEMA_SQL);
      return;
    }
    if (readonly) throw new StoreError(`${this.file}: an empty database, not a framelens store; run "framelens analyze --db ${this.file} <corpus>" first`, this.file);
    // One transaction: a kill while the tables are being made leaves an empty file, not a meta table without its
    // schema row (refused on the next open) or documents without hits.
    this.db.transaction(() => {
      this.db.exec(SCHEMA_SQL);
      this.db.exec(SEARCH_INDEXES_SQL);
      const put = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
      put.run('schema', STORE_SCHEMA);
      put.run('tool', TOOL_VERSION);
      put.run('run', '0');
      put.run('complete', '1');
    })();
  }

  /**
   * Version 1 to 2 in one transaction: each analysis loses the copy of its hits (the rows are the same hits, written
   * from the same analysis). A kill midway leaves the version-1 store as it was.
   */
  private upgradeFromV1(): void {
    const page = this.db.prepare('SELECT rowid, id, analysis FROM documents WHERE rowid > ? ORDER BY rowid LIMIT 256');
    const put = this.db.prepare('UPDATE documents SET analysis = ? WHERE rowid = ?');
    this.db.transaction(() => {
      let last = 0;
      for (;;) {
        const rows = page.all(last) as Array<{ rowid: number; id: string; analysis: string }>;
        if (rows.length === 0) break;
        for (const r of rows) put.run(storedAnalysisJson(this.parseJson(r.analysis, r.id, 'analysis') as DocAnalysis), r.rowid);
        last = rows[rows.length - 1].rowid;
      }
      this.setMeta('schema', STORE_SCHEMA);
    })();
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }

  getMeta(key: string): string | undefined {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmt('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }

  info(): StoreInfo {
    const documents = (this.stmt('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    return {
      file: this.file,
      schema: this.getMeta('schema') ?? STORE_SCHEMA,
      tool: this.getMeta('tool') ?? TOOL_VERSION,
      analysisKey: this.getMeta('analysis_key') ?? null,
      run: Number(this.getMeta('run') ?? 0),
      complete: this.getMeta('complete') === '1',
      shard: this.getMeta('shard') ?? null,
      documents,
    };
  }

  // ------------------------------------------------------------------------------------------------------------
  // Writing (analyze, merge, the server's paste form)

  /** Starts a run: later `finishRun` removes the documents this run did not see. Returns the run number. */
  beginRun(analysisKey: string, shard: string | null): number {
    const run = Number(this.getMeta('run') ?? 0) + 1;
    const empty = this.countDocuments() === 0;
    this.freshRun = empty;
    this.db.transaction(() => {
      if (empty) for (const name of SEARCH_INDEX_NAMES) this.db.exec(`DROP INDEX IF EXISTS ${name}`);
      this.setMeta('run', String(run));
      this.setMeta('complete', '0');
      this.setMeta('analysis_key', analysisKey);
      this.setMeta('tool', TOOL_VERSION);
      if (shard) this.setMeta('shard', shard);
      else this.stmt("DELETE FROM meta WHERE key = 'shard'").run();
    })();
    return run;
  }

  /** The stored analysis of a document, with its hits, when it can be reused: same content hash and same analysis key. */
  reusable(id: string, hash: string, analysisKey: string): DocAnalysis | undefined {
    const row = this.stmt('SELECT rowid, hash, analysis_key, analysis FROM documents WHERE id = ?').get(id) as
      Pick<DocumentRow, 'rowid' | 'hash' | 'analysis_key' | 'analysis'> | undefined;
    if (!row || row.hash !== hash || row.analysis_key !== analysisKey) return undefined;
    return this.analysisOf(row.rowid, id, row.analysis);
  }

  /** A stored analysis with its hits put back from their rows (or taken from `hits`, read for a page of documents). */
  private analysisOf(rowid: number, id: string, json: string, hits?: Map<number, Hit[]>): DocAnalysis {
    const analysis = this.parseJson(json, id, 'analysis') as DocAnalysis;
    if (this.hitsInAnalysis) return analysis;
    if (hits) analysis.hits = hits.get(rowid) ?? [];
    else {
      const rows = this.stmt(`SELECT ${HIT_FIELDS} FROM hits WHERE doc = ? ORDER BY rowid`).raw(true).all(rowid) as unknown[][];
      analysis.hits = rows.map((r) => this.hitOf(r, id));
    }
    return analysis;
  }

  /** The hits of several documents by rowid, each in the analyzer's order: one query for a page of documents. */
  private hitsOfRows(documents: Array<{ rowid: number; id: string }>): Map<number, Hit[]> {
    const out = new Map<number, Hit[]>();
    if (this.hitsInAnalysis || documents.length === 0) return out;
    const idOf = new Map(documents.map((d) => [d.rowid, d.id]));
    const rows = this.stmt(`SELECT doc, ${HIT_FIELDS} FROM hits WHERE doc IN (SELECT value FROM json_each(?)) ORDER BY doc, rowid`)
      .raw(true).all(JSON.stringify([...idOf.keys()])) as unknown[][];
    for (const r of rows) {
      const doc = r[0] as number;
      let list = out.get(doc);
      if (!list) out.set(doc, (list = []));
      list.push(this.hitOf(r, idOf.get(doc) as string, 1));
    }
    return out;
  }

  /** A hit from its row (HIT_FIELDS from column `at`), its keys in the analyzer's order: the JSON report writes them as they come. */
  private hitOf(r: unknown[], id: string, at = 0): Hit {
    const hit: Hit = {
      label: r[at] as string, referent: r[at + 1] as string | null, category: r[at + 2] as Hit['category'], weight: r[at + 3] as number,
      start: r[at + 4] as number, end: r[at + 5] as number, text: r[at + 6] as string, sentence: r[at + 7] as number,
      voice: r[at + 8] as Hit['voice'], distanced: r[at + 9] === 1, negated: r[at + 10] === 1,
    };
    if (r[at + 11] !== null) hit.resolution = r[at + 11] as Hit['resolution'];
    if (r[at + 12] !== null) hit.cues = this.parseJson(r[at + 12] as string, id, 'hit cues') as string[];
    return hit;
  }

  /**
   * Writes a batch in one transaction: fresh analyses replace the document's row and hits; kept documents get their
   * new place and run number. A kill before the commit leaves none of the batch; after it, all of it.
   */
  writeBatch(run: number, analysisKey: string, writes: StoreWrite[], aggregates?: Record<string, string>): void {
    if (writes.length === 0 && !aggregates) return;
    this.db.transaction(() => {
      for (const w of writes) {
        if (w.kind === 'kept') this.stmt('UPDATE documents SET ord = ?, run = ? WHERE id = ?').run(w.ord, run, w.id);
        else this.putDocument(run, w.ord, w.document, w.hash, analysisKey, w.analysisJson, w.analysis, this.freshRun);
      }
      if (aggregates) for (const [name, value] of Object.entries(aggregates)) this.putAggregate(name, value);
    })();
  }

  /** `isNew`: the id is most likely not stored (a fresh run): insert first, look up and replace only if it is. */
  private putDocument(run: number, ord: number, doc: Document, hash: string, analysisKey: string, analysisJson: string, analysis: DocAnalysis, isNew = false): void {
    const params = [
      ord, run, doc.outlet, doc.title ?? null, doc.date ?? null, doc.url ?? null, doc.event ?? null, doc.language ?? null,
      doc.source.file, doc.source.line ?? null, JSON.stringify(doc.meta ?? {}), hash, analysis.words, analysis.hits.length,
      doc.text, analysisKey, analysisJson,
    ];
    const insert = () => Number(this.stmt(`INSERT INTO documents (id, ord, run, outlet, title, date, url, event, language, source_file,
        source_line, meta, hash, words, hit_count, text, analysis_key, analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(doc.id, ...params).lastInsertRowid);
    let rowid: number | undefined;
    if (isNew) {
      try {
        rowid = insert();
      } catch (err) {
        // Only this statement is undone; the transaction goes on with the replacing path below.
        if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
      }
    }
    if (rowid === undefined) {
      const old = this.stmt('SELECT rowid FROM documents WHERE id = ?').get(doc.id) as { rowid: number } | undefined;
      if (old) {
        this.stmt('DELETE FROM hits WHERE doc = ?').run(old.rowid);
        this.stmt(`UPDATE documents SET ord = ?, run = ?, outlet = ?, title = ?, date = ?, url = ?, event = ?, language = ?,
          source_file = ?, source_line = ?, meta = ?, hash = ?, words = ?, hit_count = ?, text = ?, analysis_key = ?, analysis = ?
          WHERE rowid = ?`).run(...params, old.rowid);
        rowid = old.rowid;
      } else rowid = insert();
    }
    const ins = this.stmt(`INSERT INTO hits (doc, label, referent, category, weight, start, end, text, lower_text, sentence,
      voice, distanced, negated, resolution, cues) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const h of analysis.hits) {
      ins.run(rowid, h.label, h.referent, h.category, h.weight, h.start, h.end, h.text, h.text.toLowerCase(), h.sentence,
        h.voice, h.distanced ? 1 : 0, h.negated ? 1 : 0, h.resolution ?? null, h.cues?.length ? JSON.stringify(h.cues) : null);
    }
  }

  /**
   * Adds or replaces one document with its analysis, in its own transaction (the server's paste form). It goes to
   * the end of the corpus order and belongs to the current run.
   */
  addDocument(doc: Document, analysis: DocAnalysis, analysisKey: string, hash: string): void {
    const run = Number(this.getMeta('run') ?? 0);
    const next = (this.stmt('SELECT coalesce(max(ord), -1) + 1 AS n FROM documents').get() as { n: number }).n;
    const existing = this.stmt('SELECT ord FROM documents WHERE id = ?').get(doc.id) as { ord: number } | undefined;
    this.db.transaction(() => {
      this.putDocument(run, existing?.ord ?? next, doc, hash, analysisKey, storedAnalysisJson(analysis), analysis);
    })();
  }

  /**
   * Builds the search indexes a first run left out (see SEARCH_INDEXES_SQL) on a thread of its own, so that the
   * caller computes the report meanwhile: call it once every document of the run is committed, and wait for it
   * before `finishRun`, which then finds them built (a 10k-document run spends ~0.5 s sorting hits, 100k ~5 s).
   * Resolves to whether it built them; false when there was nothing to build, when the thread is not at hand
   * (running from the TypeScript sources) or when it failed: then `finishRun` builds them as before. Nothing else
   * may write to the store until it resolves. A kill while it runs loses no data: an index is built in one
   * transaction, and a complete run needs `finishRun`.
   */
  async buildSearchIndexesOffThread(): Promise<boolean> {
    const have = this.stmt(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name IN (${SEARCH_INDEX_NAMES.map(() => '?').join(', ')})`)
      .get(...SEARCH_INDEX_NAMES) as { n: number };
    if (have.n === SEARCH_INDEX_NAMES.length) return false;
    if (!INDEX_WORKER_URL.href.endsWith('.js') || !existsSync(fileURLToPath(INDEX_WORKER_URL))) return false;
    return new Promise<boolean>((resolve) => {
      const w = new Worker(INDEX_WORKER_URL, { workerData: { file: this.file, sql: SEARCH_INDEXES_SQL } });
      w.once('message', (msg: { ok: boolean }) => resolve(msg.ok));
      w.once('error', () => resolve(false));
      w.once('exit', () => resolve(false));
    });
  }

  /**
   * Ends a run that saw the whole corpus: documents it did not see (removed from the corpus, or outside this
   * shard) are deleted, the aggregates are saved and the run is marked complete, all in one transaction.
   */
  finishRun(run: number, aggregates: Record<string, string>, reportDocuments?: Iterable<unknown>, reportEvents?: Iterable<unknown>): { removed: number } {
    let removed = 0;
    this.freshRun = false;
    this.db.transaction(() => {
      removed = this.stmt('DELETE FROM documents WHERE run <> ?').run(run).changes;
      this.db.exec(SEARCH_INDEXES_SQL);
      for (const [name, value] of Object.entries(aggregates)) this.putAggregate(name, value);
      this.stmt(`DELETE FROM aggregates WHERE name LIKE '${REPORT_DOCUMENTS_PREFIX}%'`).run();
      this.stmt(`DELETE FROM aggregates WHERE name LIKE '${REPORT_EVENTS_PREFIX}%'`).run();
      if (reportDocuments) this.putChunks(REPORT_DOCUMENTS_PREFIX, reportDocuments);
      if (reportEvents) this.putChunks(REPORT_EVENTS_PREFIX, reportEvents);
      this.setMeta('complete', '1');
    })();
    return { removed };
  }

  /**
   * A list of the report (its `documents`, its `events`) in chunks of REPORT_DOCUMENTS_CHUNK, written from a walk (one
   * chunk in memory at a time): at 100k documents one JSON string of the documents is ~66 MB, and past ~800k it would
   * exceed V8's longest string. The saved report then holds an empty list, and `reportDocumentChunks` /
   * `reportEventChunks` read the chunks back.
   */
  private putChunks(prefix: string, items: Iterable<unknown>): void {
    let chunk: string[] = [];
    let n = 0;
    const flush = () => {
      this.putAggregate(`${prefix}${String(n++).padStart(6, '0')}`, `[${chunk.join(',')}]`);
      chunk = [];
    };
    for (const d of items) {
      chunk.push(JSON.stringify(d));
      if (chunk.length >= REPORT_DOCUMENTS_CHUNK) flush();
    }
    if (chunk.length || n === 0) flush();
  }

  /**
   * The saved report's documents, chunk by chunk, in report order; undefined when the report was saved whole (its
   * own `documents` list is the one).
   */
  reportDocumentChunks(): Iterable<string> | undefined {
    return this.chunks(REPORT_DOCUMENTS_PREFIX);
  }

  /** The saved report's events, chunk by chunk, in report order; undefined when the report holds them itself. */
  reportEventChunks(): Iterable<string> | undefined {
    return this.chunks(REPORT_EVENTS_PREFIX);
  }

  /** This connection's page cache, in KiB (see OpenOptions.cacheKiB). */
  pageCacheKiB(): number {
    const size = this.db.pragma('cache_size', { simple: true }) as number;
    return size < 0 ? -size : (size * (this.db.pragma('page_size', { simple: true }) as number)) / 1024;
  }

  /** The n-th chunk (from 0) of the saved report's events, or undefined (the server reads the events of a page). */
  reportEventChunk(n: number): string | undefined {
    return this.getAggregate(`${REPORT_EVENTS_PREFIX}${String(n).padStart(6, '0')}`);
  }

  private chunks(prefix: string): Iterable<string> | undefined {
    const names = this.stmt(`SELECT name FROM aggregates WHERE name LIKE '${prefix}%' ORDER BY name`).all() as Array<{ name: string }>;
    if (names.length === 0) return undefined;
    const get = (name: string) => (this.stmt('SELECT value FROM aggregates WHERE name = ?').get(name) as { value: string }).value;
    return (function* () {
      for (const { name } of names) yield get(name);
    })();
  }

  putAggregate(name: string, value: string): void {
    this.stmt('INSERT OR REPLACE INTO aggregates (name, value) VALUES (?, ?)').run(name, value);
  }

  /** A named aggregate as stored (JSON text), e.g. "report-state" or "report". */
  getAggregate(name: string): string | undefined {
    const row = this.stmt('SELECT value FROM aggregates WHERE name = ?').get(name) as { value: string } | undefined;
    return row?.value;
  }

  aggregateNames(): string[] {
    return (this.stmt('SELECT name FROM aggregates ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Reading (the server, merge, re-building a report)

  countDocuments(filter: { outlet?: string } = {}): number {
    const row = filter.outlet === undefined
      ? this.stmt('SELECT count(*) AS n FROM documents').get()
      : this.stmt('SELECT count(*) AS n FROM documents WHERE outlet = ?').get(filter.outlet);
    return (row as { n: number }).n;
  }

  /** Outlets with their document counts, by name. */
  outlets(): Array<{ outlet: string; documents: number }> {
    return this.stmt('SELECT outlet, count(*) AS documents FROM documents GROUP BY outlet ORDER BY outlet').all() as Array<{ outlet: string; documents: number }>;
  }

  /** One page of documents in corpus order (optionally of one outlet). */
  listDocuments(page: { offset?: number; limit?: number; outlet?: string } = {}): StoredDocumentInfo[] {
    const limit = Math.max(0, Math.min(page.limit ?? 50, 1000));
    const offset = Math.max(0, page.offset ?? 0);
    const cols = 'id, ord, outlet, title, date, url, event, language, source_file, source_line, hash, words, hit_count';
    const rows = (page.outlet === undefined
      ? this.stmt(`SELECT ${cols} FROM documents ORDER BY ord LIMIT ? OFFSET ?`).all(limit, offset)
      : this.stmt(`SELECT ${cols} FROM documents WHERE outlet = ? ORDER BY ord LIMIT ? OFFSET ?`).all(page.outlet, limit, offset)) as DocumentRow[];
    return rows.map((r) => ({
      id: r.id, ord: r.ord, outlet: r.outlet, title: opt(r.title), date: opt(r.date), url: opt(r.url), event: opt(r.event),
      language: opt(r.language), source: r.source_file === null ? undefined : r.source_line === null ? r.source_file : `${r.source_file}:${r.source_line}`,
      hash: r.hash, words: r.words, hits: r.hit_count,
    }));
  }

  private toStored(r: DocumentRow, hits?: Map<number, Hit[]>): StoredDocument {
    const document: Document = {
      id: r.id, outlet: r.outlet, text: r.text, title: opt(r.title), date: opt(r.date), url: opt(r.url), event: opt(r.event),
      language: opt(r.language), source: { file: r.source_file ?? '', line: opt(r.source_line) }, meta: this.parseJson(r.meta, r.id, 'meta') as Record<string, unknown>,
    };
    for (const k of ['title', 'date', 'url', 'event', 'language'] as const) if (document[k] === undefined) delete document[k];
    if (document.source.line === undefined) delete document.source.line;
    return { document, analysis: this.analysisOf(r.rowid, r.id, r.analysis, hits), analysisKey: r.analysis_key };
  }

  private parseJson(text: string, id: string, column: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw new StoreError(`${this.file}: document "${id}" has a damaged ${column} record; delete the store (it is rebuilt from the corpus) or re-run analyze on it`, this.file);
    }
  }

  /** A document with its text and full analysis, or undefined. */
  getDocument(id: string): StoredDocument | undefined {
    const row = this.stmt('SELECT rowid, * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
    return row ? this.toStored(row) : undefined;
  }

  /**
   * What a keyword-in-context line needs of several documents, in one query: id, outlet and text, and of the
   * analysis only its sentences and voice spans (names and devices, most of its JSON, are left unparsed: SQLite hands
   * over only the two parts asked for), then each document's hits, all or only those `wanted`. Ids not in the store
   * are left out.
   */
  kwicRecords(ids: readonly string[], wanted?: HitsWanted): Map<string, KwicRecord> {
    const out = new Map<string, KwicRecord>();
    if (ids.length === 0) return out;
    type Row = { rowid: number; id: string; outlet: string; text: string; sentences: string | null; voice_spans: string | null; hits?: string | null };
    let rows: Row[];
    try {
      // Word lines take the document's whole voice reading, not the analysis' voice spans: those are read for a
      // label's lines only (a third of what this query cost, measured on pages of 50 documents).
      const voices = !wanted || 'label' in wanted;
      rows = this.stmt("SELECT rowid, id, outlet, text, json_extract(analysis, '$.sentences') AS sentences, "
        + (voices ? "json_extract(analysis, '$.voiceSpans')" : 'NULL') + ' AS voice_spans' + (this.hitsInAnalysis ? ", json_extract(analysis, '$.hits') AS hits" : '')
        + ' FROM documents WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(ids)) as Row[];
    } catch {
      // SQLite refuses a damaged analysis record without naming it: read them one by one, which names it.
      for (const id of ids) {
        const whole = this.getDocument(id);
        if (whole) out.set(id, { document: { id, outlet: whole.document.outlet, text: whole.document.text }, analysis: whole.analysis });
      }
      return out;
    }
    // Five columns per hit, a document at a time on the index (one query over all fifty documents measured slower),
    // and with `wanted` only the hits the page's lines name: one label's, or per line the first hit that covers it.
    // A document holds ~25 hits; building them all, whole, cost more than the rest of the page.
    type SpanRow = [string, string | null, number, number, number, number];
    const toHit = ([label, referent, weight, start, end]: SpanRow): SpanHit => ({ label, referent, weight, start, end });
    const all = this.stmt('SELECT label, referent, weight, start, end, rowid FROM hits WHERE doc = ? ORDER BY rowid').raw(true);
    const ofLabel = this.stmt('SELECT label, referent, weight, start, end, rowid FROM hits WHERE label = ? AND doc = ? ORDER BY rowid').raw(true);
    const covering = this.stmt('SELECT label, referent, weight, start, end, rowid FROM hits WHERE doc = ? AND start <= ? AND end >= ? ORDER BY rowid LIMIT 1').raw(true);
    for (const r of rows) {
      let hits: SpanHit[];
      if (this.hitsInAnalysis) hits = r.hits ? this.parseJson(r.hits, r.id, 'analysis') as Hit[] : [];
      else if (wanted && 'label' in wanted) hits = (ofLabel.all(wanted.label, r.rowid) as SpanRow[]).map(toHit);
      else if (wanted) {
        // The first covering hit of each span, kept in the analyzer's order: the first hit of these that covers a span
        // is then the first of all the document's hits that does.
        const found = new Map<number, SpanRow>();
        for (const span of wanted.spans(r.text)) {
          const row = covering.get(r.rowid, span.start, span.end) as SpanRow | undefined;
          if (row) found.set(row[5], row);
        }
        hits = [...found.keys()].sort((a, b) => a - b).map((k) => toHit(found.get(k) as SpanRow));
      } else hits = (all.all(r.rowid) as SpanRow[]).map(toHit);
      const analysis = {
        sentences: r.sentences === null ? [] : this.parseJson(r.sentences, r.id, 'analysis') as DocAnalysis['sentences'],
        voiceSpans: r.voice_spans === null ? [] : this.parseJson(r.voice_spans, r.id, 'analysis') as DocAnalysis['voiceSpans'],
        hits,
      };
      out.set(r.id, { document: { id: r.id, outlet: r.outlet, text: r.text }, analysis });
    }
    return out;
  }

  /**
   * Documents as keyword-in-context lines read them, with all their hits (five columns each, in the analyzer's order)
   * for `kwicHits` to choose from: what Store.kwicRecords reads, in a form a cache can keep and any term can use.
   * `voices`: the analysis' voice spans too (label lines need them). Undefined for a version-1 store (hits inside
   * the analysis) or a damaged record: kwicRecords reads those.
   */
  kwicDocs(ids: readonly string[], voices: boolean): Map<string, KwicDoc> | undefined {
    const out = new Map<string, KwicDoc>();
    if (ids.length === 0 || this.hitsInAnalysis) return this.hitsInAnalysis ? undefined : out;
    type Row = { rowid: number; id: string; outlet: string; text: string; sentences: string | null; voice_spans: string | null };
    let rows: Row[];
    try {
      rows = this.stmt("SELECT rowid, id, outlet, text, json_extract(analysis, '$.sentences') AS sentences, "
        + (voices ? "json_extract(analysis, '$.voiceSpans')" : 'NULL') + ' AS voice_spans FROM documents WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(ids)) as Row[];
    } catch {
      return undefined;
    }
    const all = this.stmt('SELECT label, referent, weight, start, end, rowid FROM hits WHERE doc = ? ORDER BY rowid').raw(true);
    for (const r of rows) {
      out.set(r.id, {
        document: { id: r.id, outlet: r.outlet, text: r.text },
        sentences: r.sentences === null ? [] : this.parseJson(r.sentences, r.id, 'analysis') as DocAnalysis['sentences'],
        voiceSpans: voices ? (r.voice_spans === null ? [] : this.parseJson(r.voice_spans, r.id, 'analysis') as DocAnalysis['voiceSpans']) : undefined,
        hits: all.all(r.rowid) as KwicHitRow[],
      });
    }
    return out;
  }

  /** A document's text alone (no analysis parsed), or undefined. */
  getText(id: string): string | undefined {
    return (this.stmt('SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined)?.text;
  }

  /** Every document in corpus order, one at a time (memory stays flat whatever the corpus size). */
  *documents(): Generator<StoredDocument> {
    // A keyset cursor re-queried in pages, so no statement stays open across the caller's own writes.
    let ord = -Infinity;
    let rowid = 0;
    const page = this.db.prepare('SELECT rowid, * FROM documents WHERE (ord, rowid) > (?, ?) ORDER BY ord, rowid LIMIT 256');
    for (;;) {
      const rows = page.all(ord === -Infinity ? Number.MIN_SAFE_INTEGER : ord, rowid) as DocumentRow[];
      if (rows.length === 0) return;
      const hits = this.hitsOfRows(rows);
      for (const r of rows) yield this.toStored(r, hits);
      ord = rows[rows.length - 1].ord;
      rowid = rows[rows.length - 1].rowid;
    }
  }

  private toHit(r: HitRow): StoredHit {
    const hit: StoredHit = {
      doc: r.id, label: r.label, referent: r.referent, category: r.category, weight: r.weight, start: r.start, end: r.end,
      text: r.text, sentence: r.sentence, voice: r.voice, distanced: r.distanced === 1, negated: r.negated === 1,
    };
    if (r.resolution !== null) hit.resolution = r.resolution;
    if (r.cues !== null) hit.cues = JSON.parse(r.cues) as string[];
    return hit;
  }

  /** A document's text, or undefined (the report builder's `textOf` for near-duplicate checks). */
  textOf(id: string): string | undefined {
    const row = this.stmt('SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined;
    return row?.text;
  }

  /** A document's hits in text order. */
  hitsOf(id: string): StoredHit[] {
    const rows = this.stmt(`SELECT d.id, h.* FROM hits h JOIN documents d ON d.rowid = h.doc WHERE d.id = ? ORDER BY h.start`).all(id) as HitRow[];
    return rows.map((r) => this.toHit(r));
  }

  /**
   * Hits by label id, referent, or exact hit text (case-insensitive), through the indexes; at most `limit` (capped
   * at 1000) from `offset`, in the order documents entered the store (corpus order for a store built by one run),
   * so a page reads a slice of the index instead of sorting every match. At least one of label, referent, text.
   */
  findHits(query: { label?: string; referent?: string; text?: string; voice?: Hit['voice']; limit?: number; offset?: number }): StoredHit[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.label !== undefined) { where.push('h.label = ?'); args.push(query.label); }
    if (query.referent !== undefined) { where.push('h.referent = ?'); args.push(query.referent); }
    if (query.text !== undefined) { where.push('h.lower_text = ?'); args.push(query.text.toLowerCase()); }
    if (where.length === 0) throw new StoreError('findHits needs a label, a referent or a text', this.file);
    if (query.voice !== undefined) { where.push('h.voice = ?'); args.push(query.voice); }
    const limit = Math.max(0, Math.min(query.limit ?? 100, 1000));
    const offset = Math.max(0, query.offset ?? 0);
    const rows = this.stmt(`SELECT d.id, h.* FROM hits h JOIN documents d ON d.rowid = h.doc WHERE ${where.join(' AND ')}
      ORDER BY h.doc, h.start LIMIT ? OFFSET ?`).all(...args, limit, offset) as HitRow[];
    return rows.map((r) => this.toHit(r));
  }

  /** Runs `fn` in one transaction (for callers that add documents and update aggregates together). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
