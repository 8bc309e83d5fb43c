/** `serve --db`: pages from a store written by `analyze --db`, read without analyzing or rebuilding anything. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { Store } from '../../src/store/index.js';
import { createApp } from '../../src/server/app.js';
import { createState, type AppState } from '../../src/server/state.js';
import { createStoreState, indexStore } from '../../src/server/store-state.js';
import { termResults } from '../../src/server/term.js';
import { textAnalyzer } from '../../src/server/analyzer.js';
import type { Report } from '../../src/report/build.js';
import { runCli } from '../helpers/cli.js';
import { lexicon, seedDocuments, seedsDir } from './server-fixture.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('fl-serve-db-');
const file = join(dir, 'seeds.db');
let store: Store;
let state: AppState;
let app: Hono;
let memory: AppState;

beforeAll(async () => {
  const out = await runCli(['analyze', seedsDir, '--db', file, '--format', 'json', '--out', join(dir, 'report.json'), '--resamples', '100']);
  expect(out.code, out.stderr).toBe(0);
  store = Store.open(file, { readonly: true });
  state = createStoreState(store, lexicon());
  app = createApp(state, { analyzer: textAnalyzer(state.compiled, { offThread: false }) });
  memory = createState({ compiled: lexicon(), documents: await seedDocuments(), reportOptions: { resamples: 100 } });
}, 60_000);
afterAll(() => store?.close());

describe('serving a store', () => {
  it('answers from the stored report before anything is read from the documents', async () => {
    expect(state.documents).toHaveLength(0);
    expect(state.indexing).toEqual({ read: 0, total: 5 });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('<h1>Corpus overview');
    const report = (await (await app.request('/api/report?lists=all')).json()) as Report;
    // analyze saves the report's documents and events in chunks beside it (Store.finishRun); the served report
    // joins them.
    const saved = JSON.parse(store.getAggregate('report') as string) as Report;
    expect(saved.documents).toEqual([]);
    expect(saved.events).toEqual([]);
    const chunks = [...(store.reportDocumentChunks() ?? [])];
    expect(chunks).toHaveLength(1);
    const eventChunks = [...(store.reportEventChunks() ?? [])];
    expect(eventChunks).toHaveLength(1);
    const events = JSON.parse(eventChunks[0]) as Report['events'];
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((e) => e.id)).toEqual(memory.report.events.map((e) => e.id));
    expect(report).toEqual({ ...saved, documents: JSON.parse(chunks[0]), events });
    expect(report.documents).toHaveLength(5);
    expect(report.outlets.map((o) => o.outlet)).toEqual(memory.report.outlets.map((o) => o.outlet));
  });

  it('says the term index is being built until it is', async () => {
    const res = await app.request('/api/term?q=militias');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/term index is still being built \(0 of 5 documents read\)/);
  });

  it('reads documents from the store for the document page and Compare', async () => {
    const id = memory.documents[0].id;
    const doc = await app.request(`/api/doc/${encodeURIComponent(id)}`);
    expect(doc.status).toBe(200);
    const json = (await doc.json()) as { document: { text: string }; analysis: { hits: unknown[] } };
    expect(json.document.text).toBe(memory.documents[0].text);
    expect(json.analysis.hits).toEqual(memory.analyses[0].hits);
    expect((await app.request('/api/doc/nope')).status).toBe(404);
  });

  it('after indexing, term search and Compare give what the in-memory server gives', async () => {
    const seen: number[] = [];
    await indexStore(state, (read) => seen.push(read));
    expect(state.indexing).toBeNull();
    expect(seen.at(-1)).toBe(5);
    for (const term of ['militia*', 'occupiers', 'us forces']) {
      expect(termResults(state, term, 1, 1000, { budgetMs: Infinity })).toEqual(termResults(memory, term, 1, 1000, { budgetMs: Infinity }));
    }
    const [a, b] = memory.outlets;
    const q = new URLSearchParams([['outlets', a], ['outlets', b]]).toString();
    const fromStore = (await (await app.request(`/api/compare?${q}`)).json()) as { referents: unknown };
    const fromMemory = (await (await createApp(memory).request(`/api/compare?${q}`)).json()) as { referents: unknown };
    expect(fromStore.referents).toEqual(fromMemory.referents);
    expect([...state.labelUse.keys()].sort()).toEqual([...memory.labelUse.keys()].sort());
  });

  it('compares pasted texts but refuses to add them to a store it only reads', async () => {
    const texts = [{ outlet: 'A', text: 'Iran-backed militias attacked US forces.' }, { outlet: 'B', text: 'The resistance struck the occupiers.' }];
    const post = (addToCorpus: boolean) => app.request('/api/analyze', { method: 'POST', body: JSON.stringify({ texts, addToCorpus }), headers: { 'Content-Type': 'application/json' } });
    expect((await post(false)).status).toBe(200);
    const refused = await post(true);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/reads the store .*seeds\.db and adds nothing to it/);
  });

  it('framelens serve refuses paths and --db together, and a missing store, with a message', async () => {
    const both = await runCli(['serve', seedsDir, '--db', file]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either paths to read or --db FILE/);
    const missing = await runCli(['serve', '--db', join(dir, 'none.db')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/none\.db: no such store/);
  });

  it('a store without a finished report is refused with what to do', () => {
    const empty = join(dir, 'empty.db');
    Store.open(empty).close();
    const s = Store.open(empty, { readonly: true });
    try {
      expect(() => createStoreState(s, lexicon())).toThrow(/holds no finished report; run "framelens analyze --db/);
    } finally {
      s.close();
    }
  });
});
