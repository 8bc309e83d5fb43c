/**
 * Builds the store's search indexes over hits on a thread of its own (Store.buildSearchIndexesOffThread), on its
 * own connection, while the main thread computes the report.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, sql } = workerData as { file: string; sql: string };
try {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // SQLite sizes its sort buffer by the page cache (16 MB by default here): this thread runs while the report
    // stage holds its peak memory, so it sorts in 4 MB runs (the rest goes to temporary files), off the critical
    // path anyway.
    db.pragma('cache_size = -4096');
    db.exec(sql);
  } finally {
    db.close();
  }
  parentPort?.postMessage({ ok: true });
} catch (err) {
  parentPort?.postMessage({ ok: false, error: (err as Error).message });
}
