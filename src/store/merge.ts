/**
 * Combines stores analyzed as shards of one corpus (`analyze --shard I/N --db part-I.db`) into one store. Rows are
 * copied as they are; the corpus order of each document (its place in the whole corpus, which every shard knows)
 * is kept, so a report rebuilt from the merged store equals the report of a single run.
 */
import Database from 'better-sqlite3';
import { Store, STORE_SCHEMA } from './store.js';
import { StoreError } from './errors.js';

export interface MergeResult {
  documents: number;
  /** Documents found in more than one input with the same content (kept once). */
  duplicates: number;
}

const DOC_COLUMNS = 'id, ord, run, outlet, title, date, url, event, language, source_file, source_line, meta, hash, words, hit_count, text, analysis_key, analysis';
const HIT_COLUMNS = 'label, referent, category, weight, start, end, text, lower_text, sentence, voice, distanced, negated, resolution, cues';

/**
 * Copies every document, analysis and hit of `inputs` into the store at `outFile` (which must be new or empty),
 * after checking that the inputs are finished runs under one analysis key and agree on shared documents.
 */
export function mergeStores(outFile: string, inputs: string[], expectedKey: string): MergeResult {
  if (inputs.length === 0) throw new StoreError('merge needs one or more input stores', outFile);
  for (const file of inputs) {
    const s = Store.open(file, { readonly: true });
    try {
      const info = s.info();
      if (info.schema !== STORE_SCHEMA) {
        throw new StoreError(`${file}: store schema "${info.schema}" is older than ${STORE_SCHEMA}; run the same analyze command on it once (it upgrades the store in place, analyzing nothing again), then merge`, file);
      }
      if (!info.complete) throw new StoreError(`${file}: its last analyze run did not finish; run it again (it resumes where it stopped) before merging`, file);
      if (info.analysisKey !== expectedKey) {
        throw new StoreError(`${file}: analyzed under analysis key ${info.analysisKey ?? 'none'}, not ${expectedKey}: the shards must be analyzed with the same framelens version and lexicons as this merge (pass the same --lexicon files)`, file);
      }
    } finally {
      s.close();
    }
  }
  const out = Store.open(outFile);
  try {
    if (out.countDocuments() > 0) throw new StoreError(`${outFile}: already holds documents; merge into a new file`, outFile);
    const run = out.beginRun(expectedKey, null);
    out.close();
    const db = new Database(outFile);
    let duplicates = 0;
    try {
      db.pragma('foreign_keys = ON');
      for (const file of inputs) {
        db.prepare('ATTACH DATABASE ? AS src').run(file);
        try {
          db.transaction(() => {
            const clash = db.prepare(`SELECT s.id, s.hash AS theirs, m.hash AS ours FROM src.documents s JOIN main.documents m ON m.id = s.id`).all() as Array<{ id: string; theirs: string; ours: string }>;
            const differing = clash.find((c) => c.theirs !== c.ours);
            if (differing) throw new StoreError(`${file}: document "${differing.id}" is also in another input with different content; were the shards cut from different corpora?`, file);
            duplicates += clash.length;
            // Rows this input adds get rowids above every existing one: their hits are exactly those to copy.
            const before = (db.prepare('SELECT coalesce(max(rowid), 0) AS n FROM main.documents').get() as { n: number }).n;
            db.prepare(`INSERT INTO main.documents (${DOC_COLUMNS}) SELECT ${DOC_COLUMNS.replace('run,', '?,')} FROM src.documents s
              WHERE NOT EXISTS (SELECT 1 FROM main.documents m WHERE m.id = s.id)`).run(run);
            db.prepare(`INSERT INTO main.hits (doc, ${HIT_COLUMNS}) SELECT m.rowid, ${HIT_COLUMNS.split(', ').map((c) => `h.${c}`).join(', ')}
              FROM src.hits h JOIN src.documents s ON s.rowid = h.doc JOIN main.documents m ON m.id = s.id
              WHERE m.rowid > ?`).run(before);
          })();
        } finally {
          db.prepare('DETACH DATABASE src').run();
        }
      }
    } finally {
      db.close();
    }
    const merged = Store.open(outFile);
    const documents = merged.countDocuments();
    merged.close();
    return { documents, duplicates };
  } finally {
    out.close();
  }
}
