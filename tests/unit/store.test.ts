import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import { loadCompiled } from '../../src/cli/common.js';
import { contentHash } from '../../src/corpus/hash.js';
import { Store, StoreError, type StoreWrite } from '../../src/store/index.js';
import { REPORT_DOCUMENTS_CHUNK, STORE_SCHEMA } from '../../src/store/store.js';
import { storedAnalysisJson } from '../../src/store/analysis-json.js';
import type { Document } from '../../src/types.js';
import { runPipeline } from '../../src/pipeline.js';
import { tempDir } from '../helpers/temp.js';

const compiled = loadCompiled(undefined);
const doc = (id: string, text: string, outlet = 'Wire A'): Document => ({ id, outlet, text, date: '2024-01-02', source: { file: `${id}.md`, line: 3 }, meta: { note: 'x' } });
const texts = [
  'The so-called resistance fighters attacked a base. US forces said the militias were Iran-backed.',
  'Occupation forces raided a village, the ministry claimed. Hezbollah denied it.',
  'Terrorists fired rockets at Israel, officials said.',
];

const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
function tmpStore(): { file: string; store: Store } {
  const file = join(tempDir('fl-store-'), 'corpus.db');
  const store = Store.open(file);
  open.push(store);
  return { file, store };
}
function analyzed(d: Document, ord: number): StoreWrite {
  const analysis = analyzeDocument(d, compiled);
  return { kind: 'analyzed', ord, document: d, hash: contentHash(d), analysisJson: storedAnalysisJson(analysis), analysis };
}

describe('Store', () => {
  it('the pipeline asks an empty store for nothing to reuse, and a filled one for every document', async () => {
    const { store } = tmpStore();
    let asked = 0;
    const reusable = store.reusable.bind(store);
    store.reusable = (...args: Parameters<Store['reusable']>) => {
      asked++;
      return reusable(...args);
    };
    const docs = texts.map((t, i) => doc(`p${i}`, t));
    const first = await runPipeline(docs, compiled, { store, workers: 1 });
    store.finishRun(first.run as number, {});
    expect([asked, first.analyzed]).toEqual([0, 3]);
    const second = await runPipeline(docs, compiled, { store, workers: 1 });
    expect([asked, second.reused]).toEqual([3, 3]);
  });

  it('a run begun on an empty store inserts without looking up by id; a later run looks up, and an id written twice is replaced', () => {
    const { store } = tmpStore();
    const asked: string[] = [];
    const s = store as unknown as { stmt(sql: string): unknown };
    const stmt = s.stmt.bind(store);
    s.stmt = (sql: string) => {
      asked.push(sql.replace(/\s+/g, ' '));
      return stmt(sql);
    };
    const byId = () => asked.filter((q) => /^SELECT .* FROM documents WHERE id = \?$/.test(q)).length;
    const a = doc('a', texts[0]);
    let run = store.beginRun('k', null);
    expect(store.runBeganEmpty).toBe(true);
    store.writeBatch(run, 'k', [analyzed(a, 0), analyzed(doc('b', texts[1]), 1)]);
    expect(byId()).toBe(0);
    // The same id again in the fresh run: replaced in place, hits not doubled.
    store.writeBatch(run, 'k', [analyzed(doc('a', texts[2]), 0)]);
    expect(byId()).toBe(1);
    store.finishRun(run, {});
    expect(store.countDocuments()).toBe(2);
    expect(store.getDocument('a')?.document.text).toBe(texts[2]);
    expect(store.hitsOf('a').map((h) => h.text)).toEqual(analyzeDocument(doc('a', texts[2]), compiled).hits.map((h) => h.text));
    asked.length = 0;
    run = store.beginRun('k', null);
    expect(store.runBeganEmpty).toBe(false);
    store.writeBatch(run, 'k', [analyzed(doc('c', texts[0]), 2)]);
    expect(byId()).toBe(1);
  });

  it('keeps documents, analyses and indexed hits, and gives them back exactly', () => {
    const { store } = tmpStore();
    const docs = texts.map((t, i) => doc(`d${i}`, t, i === 1 ? 'State TV' : 'Wire A'));
    const run = store.beginRun('key1', null);
    store.writeBatch(run, 'key1', docs.map((d, i) => analyzed(d, i)));
    store.finishRun(run, { 'report-state': '{"n":3}' });

    const back = store.getDocument('d1');
    expect(back?.document).toEqual(docs[1]);
    expect(back?.analysis).toEqual(analyzeDocument(docs[1], compiled));
    // Byte for byte, keys in the analyzer's order: the JSON report writes stored hits as they come back.
    expect(JSON.stringify(back?.analysis)).toBe(JSON.stringify(analyzeDocument(docs[1], compiled)));
    // What a keyword-in-context line reads, for several documents at once: the same sentences, voice spans and hits
    // (their label, referent, weight and place, in the analyzer's order) as the whole analysis; unknown ids left out.
    const kwic = store.kwicRecords(['d2', 'nope', 'd0']);
    expect([...kwic.keys()].sort()).toEqual(['d0', 'd2']);
    for (const id of ['d0', 'd2']) {
      const whole = store.getDocument(id)!;
      const light = kwic.get(id)!;
      expect(light.document).toEqual({ id, outlet: whole.document.outlet, text: whole.document.text });
      expect(light.analysis.sentences).toEqual(whole.analysis.sentences);
      expect(light.analysis.voiceSpans).toEqual(whole.analysis.voiceSpans);
      expect(light.analysis.hits).toEqual(whole.analysis.hits.map(({ label, referent, weight, start, end }) => ({ label, referent, weight, start, end })));
      expect(light.analysis.hits.length).toBeGreaterThan(0);
    }
    expect(store.kwicRecords([]).size).toBe(0);
    // Only the hits a page's lines name: one label's, or the first hit covering each span, in the analyzer's order.
    const whole0 = store.getDocument('d0')!.analysis.hits;
    const label = whole0[0].label;
    const pick = ({ label: l, referent, weight, start, end }: (typeof whole0)[number]) => ({ label: l, referent, weight, start, end });
    expect(store.kwicRecords(['d0'], { label }).get('d0')!.analysis.hits).toEqual(whole0.filter((h) => h.label === label).map(pick));
    // A label's lines read the analysis' voice spans; a word's lines take the whole-document voices, so none are read.
    const voiced = ['d0', 'd1', 'd2'].find((id) => store.getDocument(id)!.analysis.voiceSpans.length > 0)!;
    expect(voiced, 'no test document with voice spans').toBeDefined();
    expect(store.kwicRecords([voiced], { label }).get(voiced)!.analysis.voiceSpans).toEqual(store.getDocument(voiced)!.analysis.voiceSpans);
    expect(store.kwicRecords([voiced], { spans: () => [] }).get(voiced)!.analysis.voiceSpans).toEqual([]);
    expect(store.kwicRecords([voiced], { spans: () => [] }).get(voiced)!.analysis.sentences).toEqual(store.getDocument(voiced)!.analysis.sentences);
    const spans = whole0.map((h) => ({ start: h.start, end: h.end })).reverse();
    const covered = store.kwicRecords(['d0'], { spans: () => spans }).get('d0')!.analysis.hits;
    for (const s of spans) {
      expect(covered.find((h) => h.start <= s.start && h.end >= s.end)).toEqual(pick(whole0.find((h) => h.start <= s.start && h.end >= s.end)!));
    }
    expect(covered.map((h) => h.start)).toEqual([...covered.map((h) => h.start)].sort((a, b) => a - b));
    expect(store.kwicRecords(['d0'], { spans: () => [{ start: 0, end: 0 }] }).get('d0')!.analysis.hits.length).toBeLessThan(whole0.length);
    expect(store.textOf('d2')).toBe(texts[2]);
    expect(store.textOf('nope')).toBeUndefined();
    expect(store.hitsOf('d0').map((h) => h.text)).toEqual(analyzeDocument(docs[0], compiled).hits.map((h) => h.text));
    expect(store.listDocuments({ limit: 2 }).map((d) => d.id)).toEqual(['d0', 'd1']);
    expect(store.listDocuments({ offset: 2 }).map((d) => [d.id, d.source])).toEqual([['d2', 'd2.md:3']]);
    expect(store.listDocuments({ outlet: 'State TV' }).map((d) => d.id)).toEqual(['d1']);
    expect(store.outlets()).toEqual([{ outlet: 'State TV', documents: 1 }, { outlet: 'Wire A', documents: 2 }]);
    const terror = store.findHits({ text: 'TERRORISTS' });
    expect(terror.map((h) => [h.doc, h.text])).toEqual([['d2', 'Terrorists']]);
    expect(store.getAggregate('report-state')).toBe('{"n":3}');
    expect(store.info()).toMatchObject({ documents: 3, analysisKey: 'key1', run: 1, complete: true, shard: null });
    expect([...store.documents()].map((s) => s.document.id)).toEqual(['d0', 'd1', 'd2']);
  });

  it('reuses an analysis only for the same content hash and analysis key', () => {
    const { store } = tmpStore();
    const d = doc('a', texts[0]);
    const run = store.beginRun('key1', null);
    store.writeBatch(run, 'key1', [analyzed(d, 0)]);
    expect(store.reusable('a', contentHash(d), 'key1')).toEqual(analyzeDocument(d, compiled));
    expect(store.reusable('a', contentHash(d), 'key2')).toBeUndefined();
    expect(store.reusable('a', contentHash({ ...d, text: `${d.text} More.` }), 'key1')).toBeUndefined();
  });

  it('replaces a changed document without duplicating its hits, and a finished run drops unseen documents', () => {
    const { store } = tmpStore();
    const run1 = store.beginRun('k', null);
    store.writeBatch(run1, 'k', [analyzed(doc('a', texts[2]), 0), analyzed(doc('b', texts[1]), 1)]);
    store.finishRun(run1, {});
    const run2 = store.beginRun('k', null);
    store.writeBatch(run2, 'k', [analyzed(doc('a', texts[2]), 0)]);
    store.writeBatch(run2, 'k', [analyzed(doc('a', texts[2]), 0)]);
    expect(store.hitsOf('a').length).toBe(analyzeDocument(doc('a', texts[2]), compiled).hits.length);
    expect(store.findHits({ label: 'terrorists' }).map((h) => h.doc)).toEqual(['a']);
    expect(store.info().complete).toBe(false);
    expect(store.finishRun(run2, {}).removed).toBe(1);
    expect(store.listDocuments().map((d) => d.id)).toEqual(['a']);
  });

  it('keeps each hit once, as a row: the stored analysis JSON holds an empty hits list', () => {
    const { file, store } = tmpStore();
    const d = doc('a', texts[0]);
    const run = store.beginRun('k', null);
    store.writeBatch(run, 'k', [analyzed(d, 0)]);
    store.finishRun(run, {});
    const raw = new Database(file, { readonly: true });
    const row = raw.prepare('SELECT analysis FROM documents').get() as { analysis: string };
    const hitRows = (raw.prepare('SELECT count(*) AS n FROM hits').get() as { n: number }).n;
    raw.close();
    const full = analyzeDocument(d, compiled);
    expect(full.hits.length).toBeGreaterThan(1);
    expect(JSON.parse(row.analysis)).toEqual({ ...full, hits: [] });
    expect(hitRows).toBe(full.hits.length);
    expect(store.info().schema).toBe(STORE_SCHEMA);
    expect(JSON.stringify(store.reusable('a', contentHash(d), 'k'))).toBe(JSON.stringify(full));
    expect(JSON.stringify([...store.documents()][0].analysis)).toBe(JSON.stringify(full));
  });

  it('reads a version-1 store (hits inside each analysis) as it is, and converts it in place when opened to write', () => {
    const { file, store } = tmpStore();
    const docs = texts.map((t, i) => doc(`d${i}`, t));
    const run = store.beginRun('k', null);
    store.writeBatch(run, 'k', docs.map((d, i) => analyzed(d, i)));
    store.finishRun(run, { report: '{}' });
    store.close();
    // What framelens.store/1 wrote: the whole analysis, hits included, beside the same rows.
    const db = new Database(file);
    for (const d of docs) db.prepare('UPDATE documents SET analysis = ? WHERE id = ?').run(JSON.stringify(analyzeDocument(d, compiled)), d.id);
    db.prepare("UPDATE meta SET value = 'framelens.store/1' WHERE key = 'schema'").run();
    db.close();
    const whole = (s: Store) => [...s.documents()].map((x) => JSON.stringify(x.analysis));
    const expected = docs.map((d) => JSON.stringify(analyzeDocument(d, compiled)));
    const reader = Store.open(file, { readonly: true });
    expect(reader.info().schema).toBe('framelens.store/1');
    expect(whole(reader)).toEqual(expected);
    reader.close();
    const writer = Store.open(file);
    open.push(writer);
    expect(writer.info().schema).toBe(STORE_SCHEMA);
    expect(whole(writer)).toEqual(expected);
    const raw = new Database(file, { readonly: true });
    const lists = raw.prepare('SELECT analysis FROM documents ORDER BY rowid').all() as Array<{ analysis: string }>;
    raw.close();
    expect(lists.map((r) => (JSON.parse(r.analysis) as { hits: unknown[] }).hits)).toEqual([[], [], []]);
  });

  it('lets a reader open the store while a writer holds it open', () => {
    const { file, store } = tmpStore();
    const run = store.beginRun('k', null);
    store.writeBatch(run, 'k', [analyzed(doc('a', texts[0]), 0)]);
    const reader = Store.open(file, { readonly: true });
    open.push(reader);
    expect(reader.countDocuments()).toBe(1);
    store.writeBatch(run, 'k', [analyzed(doc('b', texts[1]), 1)]);
    expect(reader.countDocuments()).toBe(2);
  });

  it('refuses files that are not framelens stores with a message naming the file', () => {
    const dir = tempDir('fl-store-bad-');
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'these are my notes, not a database at all '.repeat(200));
    expect(() => Store.open(text)).toThrow(StoreError);
    expect(() => Store.open(text)).toThrow(`${text}: it is not a framelens store (not an SQLite database); delete it`);
    const other = join(dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(() => Store.open(other)).toThrow(/an SQLite database, but not a framelens store/);
    expect(() => Store.open(join(dir, 'missing.db'), { readonly: true })).toThrow(/no such store/);
    expect(() => Store.open(dir)).toThrow(/is a folder/);
  });

  it('makes the tables of a new store in one transaction: stopped midway, the next open starts afresh', () => {
    const file = join(tempDir('fl-store-'), 'corpus.db');
    // Stop the making of the tables after the first statement batch, as a kill there would.
    const exec = Database.prototype.exec;
    let calls = 0;
    Database.prototype.exec = function (this: Database.Database, sql: string) {
      if (++calls === 2) throw new Error('stopped while making the tables');
      return exec.call(this, sql);
    };
    try {
      expect(() => Store.open(file)).toThrow('stopped while making the tables');
    } finally {
      Database.prototype.exec = exec;
    }
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    raw.close();
    const store = Store.open(file);
    open.push(store);
    const run = store.beginRun('k', null);
    store.writeBatch(run, 'k', [analyzed(doc('a', texts[0]), 0)]);
    expect(store.getDocument('a')?.document.text).toBe(texts[0]);
  });

  it('names the document whose stored analysis is damaged', () => {
    const { file, store } = tmpStore();
    const run = store.beginRun('k', null);
    store.writeBatch(run, 'k', [analyzed(doc('a', texts[0]), 0)]);
    store.close();
    const db = new Database(file);
    db.prepare("UPDATE documents SET analysis = '{\"id\": ' WHERE id = 'a'").run();
    db.close();
    const again = Store.open(file);
    open.push(again);
    expect(() => again.getDocument('a')).toThrow(`${file}: document "a" has a damaged analysis record`);
    // The Term page's light read names it too (SQLite's JSON functions refuse it without a name).
    expect(() => again.kwicRecords(['a'])).toThrow(`${file}: document "a" has a damaged analysis record`);
  });
});

describe('the saved report documents', () => {
  it('are kept in chunks in report order, and a later run replaces every chunk of the earlier one', () => {
    const { store } = tmpStore();
    const rows = (n: number, tag: string) => Array.from({ length: n }, (_, k) => ({ id: `${tag}${k}`, outlet: 'o', words: k }));
    let run = store.beginRun('key1', null);
    store.finishRun(run, { report: '{}' }, rows(REPORT_DOCUMENTS_CHUNK * 2 + 1, 'a'));
    const first = [...(store.reportDocumentChunks() ?? [])];
    expect(first).toHaveLength(3);
    expect(first.flatMap((c) => JSON.parse(c) as unknown[])).toEqual(rows(REPORT_DOCUMENTS_CHUNK * 2 + 1, 'a'));
    run = store.beginRun('key1', null);
    store.finishRun(run, { report: '{}' }, rows(3, 'b'));
    expect([...(store.reportDocumentChunks() ?? [])].map((c) => JSON.parse(c) as unknown[])).toEqual([rows(3, 'b')]);
    // An empty corpus leaves one empty chunk (the documents are in chunks, and there are none); a report saved
    // whole (no documents given) leaves none, so its own list is the one.
    run = store.beginRun('key1', null);
    store.finishRun(run, { report: '{}' }, []);
    expect([...(store.reportDocumentChunks() ?? [])]).toEqual(['[]']);
    run = store.beginRun('key1', null);
    store.finishRun(run, { report: '{}' });
    expect(store.reportDocumentChunks()).toBeUndefined();
  });

  it('events are kept in chunks of their own, apart from the documents, and replaced by the next run', () => {
    const { store } = tmpStore();
    const rows = (n: number, tag: string) => Array.from({ length: n }, (_, k) => ({ id: `${tag}${k}`, documents: [`d${k}`] }));
    let run = store.beginRun('key1', null);
    store.finishRun(run, { report: '{}' }, rows(2, 'doc'), rows(REPORT_DOCUMENTS_CHUNK + 1, 'ev'));
    const events = [...(store.reportEventChunks() ?? [])];
    expect(events).toHaveLength(2);
    expect(events.flatMap((c) => JSON.parse(c) as unknown[])).toEqual(rows(REPORT_DOCUMENTS_CHUNK + 1, 'ev'));
    expect([...(store.reportDocumentChunks() ?? [])].map((c) => JSON.parse(c) as unknown[])).toEqual([rows(2, 'doc')]);
    // A run that saves its events whole (none given here) leaves no chunks of the earlier run behind.
    run = store.beginRun('key1', null);
    store.finishRun(run, { report: '{}' }, rows(1, 'doc'));
    expect(store.reportEventChunks()).toBeUndefined();
  });
});
