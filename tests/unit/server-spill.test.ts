import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../../src/types.js';
import { TermIndex } from '../../src/server/term-index.js';
import { ScratchFile } from '../../src/server/spill.js';
import { SERVE_STORE_CACHE_KIB, VoiceTable } from '../../src/server/voice-table.js';
import { createStoreState, indexStore, readVoicesBehind } from '../../src/server/store-state.js';
import { documentCount, recordAt } from '../../src/server/state.js';
import { termResults } from '../../src/server/term.js';
import { Store } from '../../src/store/index.js';
import { generateCorpus } from '../../bench/corpus.js';
import { runCli } from '../helpers/cli.js';
import { readFileSync } from 'node:fs';
import { createApp } from '../../src/server/app.js';
import { textAnalyzer } from '../../src/server/analyzer.js';
import { eventsOf, storedEvents } from '../../src/server/events.js';
import { csvTables, documentsTable, eventsTable } from '../../src/report/csv.js';
import { documentsCsv, eventsCsv } from '../../src/server/csv.js';
import type { Report } from '../../src/report/build.js';
import { lexicon, seedsDir } from './server-fixture.js';
import { tempDir } from '../helpers/temp.js';

describe('a term index that spills its word postings a segment at a time', () => {
  const docs: Document[] = generateCorpus(seedsDir, 120 * 1024);
  const scratches: ScratchFile[] = [];
  afterAll(() => scratches.forEach((s) => s.close()));

  const build = (segmentBytes?: number) => {
    const scratch = new ScratchFile();
    scratches.push(scratch);
    const index = new TermIndex(segmentBytes === undefined ? {} : { spill: scratch, segmentBytes });
    let most = 0;
    docs.forEach((d, i) => {
      index.add(i, d, { hits: [] });
      most = Math.max(most, index.memoryBytes);
    });
    index.trim();
    return { index, scratch, most };
  };

  it('answers words, stems and phrases exactly as the index held in memory does', () => {
    const memory = build().index;
    const { index: spilled, scratch } = build(2048);
    expect(scratch.wordCount()).toBe(memory.size.words);
    expect(spilled.size).toEqual(memory.size);
    const words = ['the', 'said', 'militia', 'gaza', 'hezbollah', 'nonexistentword', '2024'];
    for (const w of words) expect(spilled.word(w), w).toEqual(memory.word(w));
    // Common words span every segment, so their postings are joined from many rows.
    expect((spilled.word('the')?.docs.length ?? 0)).toBeGreaterThan(docs.length / 2);
    for (const p of ['th', 'the', 'mil', 'a', 'zzz', 'gaz']) expect(spilled.prefix(p), p).toEqual(memory.prefix(p));
    for (const ph of [['the', 'israeli'], ['said', 'the'], ['of', 'the'], ['us', 'forces'], ['in', 'the', 'west']]) {
      expect(spilled.phrase(ph), ph.join(' ')).toEqual(memory.phrase(ph));
    }
  });

  it('holds at most about one segment of postings in memory while reading, none after', () => {
    const { index, most, scratch } = build(4096);
    // A segment is written once it reaches the budget: one document's postings more at most.
    expect(most).toBeLessThan(4096 + 16 * 1024);
    expect(index.memoryBytes).toBe(0);
    expect(scratch.wordCount()).toBeGreaterThan(500);
    const kept = build().index;
    expect(kept.memoryBytes).toBeGreaterThan(8 * 4096);
  });
});

describe('serve --db keeps the index and the voices on disk, not per document in memory', () => {
  const dir = tempDir('fl-spill-');
  const file = join(dir, 'gen.db');
  let store: Store;
  beforeAll(async () => {
    const corpus = join(dir, 'gen.jsonl');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(corpus, generateCorpus(seedsDir, 400 * 1024).map((d) => JSON.stringify({ id: d.id, outlet: d.outlet, text: d.text, date: d.date, title: d.title })).join('\n'));
    const out = await runCli(['analyze', corpus, '--db', file, '--format', 'json', '--omit-hits', '--out', join(dir, 'report.json'), '--resamples', '20', '--quiet']);
    expect(out.code, out.stderr).toBe(0);
    store = Store.open(file, { readonly: true });
  }, 120_000);
  afterAll(() => {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes in segments, reads voices into the scratch file, and term pages equal those of an index kept whole', async () => {
    const state = createStoreState(store, lexicon(), { segmentBytes: 16 * 1024 });
    let most = 0;
    await indexStore(state, () => {
      most = Math.max(most, state.termIndex.memoryBytes);
    });
    expect(documentCount(state)).toBeGreaterThan(100);
    // Several segments were written: the postings reached the budget and went out each time.
    expect(state.termIndex.spilledSegments).toBeGreaterThan(3);
    expect(most).toBeLessThan(16 * 1024 + 64 * 1024);
    expect(state.termIndex.memoryBytes).toBe(0);
    const reading = readVoicesBehind(state, { worker: false });
    await reading?.done;
    expect(state.scratch?.voiceCount()).toBe(documentCount(state));
    // The reading lands in the scratch file; an in-memory table would answer nothing here.
    expect(state.voiceTable.size).toBe(documentCount(state));
    expect(new VoiceTable().size).toBe(0);

    // The same store with the whole index in memory (the state of an in-memory corpus) gives the same pages.
    const whole = createStoreState(store, lexicon());
    whole.termIndex = new TermIndex();
    await indexStore(whole);
    for (const t of ['said', 'militia*', 'us forces', 'the', 'th*']) {
      expect(termResults(state, t, 1, 200, { budgetMs: Infinity }), t).toEqual(termResults(whole, t, 1, 200, { budgetMs: Infinity }));
    }
    const { document } = recordAt(state, 3);
    expect(state.voiceTable.get(document.id)).toBeDefined();
    state.scratch?.close();
    whole.scratch?.close();
  }, 120_000);

  it('stops reading the store when told to (a server whose port was taken exits at once)', async () => {
    const state = createStoreState(store, lexicon());
    const stop = new AbortController();
    stop.abort();
    await indexStore(state, undefined, stop.signal);
    expect(state.indexing).toEqual({ read: 0, total: documentCount(state) });
    expect(state.ids.length).toBe(0);
    state.scratch?.close();
  });

  it('serve opens the store with a small page cache', () => {
    const small = Store.open(file, { readonly: true, cacheKiB: SERVE_STORE_CACHE_KIB });
    expect(small.pageCacheKiB()).toBe(SERVE_STORE_CACHE_KIB);
    expect(store.pageCacheKiB()).toBeGreaterThan(SERVE_STORE_CACHE_KIB);
    small.close();
  });

  it('keeps only the multi-outlet events whole; pages, ids, the full report and the events CSV read the rest from the store', async () => {
    const full = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    expect(full.events.length).toBeGreaterThan(5);
    const state = createStoreState(store, lexicon());
    expect(state.storedEvents).toBeDefined();
    // Nothing of the events is held in the report itself.
    expect(state.report.events).toEqual([]);
    const events = eventsOf(state);
    expect(events.count).toBe(full.events.length);
    expect(events.multi).toEqual(full.events.filter((e) => e.outlets.length > 1));
    expect(events.multi.length).toBeLessThan(full.events.length);
    for (const e of full.events) expect(events.byId(e.id)).toEqual(e);
    expect(events.byId('no-such-event')).toBeUndefined();
    for (const [from, to] of [[0, 7], [5, 33], [full.events.length - 3, full.events.length + 10]]) expect(events.slice(from, to)).toEqual(full.events.slice(from, to));

    const app = createApp(state, { analyzer: textAnalyzer(state.compiled, { offThread: false }) });
    const all = (await (await app.request('/api/report?lists=all')).json()) as Report;
    expect(all.events).toEqual(full.events);
    expect(all.documents).toEqual(full.documents);
    expect(Object.keys(all)).toEqual(Object.keys(full));
    const summary = (await (await app.request('/api/report')).json()) as Report & { lists: { events: { total: number } } };
    expect(summary.lists.events.total).toBe(full.events.length);
    expect(summary.events).toEqual(full.events.slice(0, 50));
    const csv = await (await app.request('/api/report?format=csv&table=events')).text();
    expect(csv).toBe(eventsTable(full));
    // The documents' stances wait in the scratch file and come back, in their place, in every export.
    expect(full.documents.filter((d) => d.stance && Object.keys(d.stance).length).length).toBeGreaterThan(50);
    expect(state.report.documents.every((d) => d.stance === undefined)).toBe(true);
    expect(await (await app.request('/api/report?format=csv&table=documents')).text()).toBe(documentsTable(full));
    // The other tables are the report's own; the store's leaves out the three it streams.
    for (const t of ['labels', 'outlets', 'keyness', 'categories', 'skipped', 'contrasts']) {
      expect(await (await app.request(`/api/report?format=csv&table=${t}`)).text(), t).toBe(csvTables(full)[`${t}.csv`]);
    }
    const kept = state.cache.get(`${state.version}\0report-csv`) as Record<string, string>;
    expect(kept['documents.csv'].split('\n').length).toBeLessThan(3);
    // Written a slice at a time: pieces of 7 documents join into the same table.
    expect(await new Response(documentsCsv(state, 7)).text()).toBe(documentsTable(full));
    expect(await new Response(eventsCsv(eventsOf(state))).text()).toBe(eventsTable(full));
    expect(JSON.stringify(all.documents.slice(0, 5))).toBe(JSON.stringify(full.documents.slice(0, 5)));
    expect(summary.documents).toEqual(full.documents.slice(0, 50));
    const docsApi = (await (await app.request('/api/documents?page=2')).json()) as { documents: Report['documents'] };
    expect(docsApi.documents.map(({ hits: _h, ...d }) => d)).toEqual(full.documents.slice(50, 100));
    const single = full.events.find((e) => e.outlets.length === 1);
    const api = (await (await app.request('/api/events?page=1')).json()) as { events: Report['events']; paging: { total: number } };
    expect(api.paging.total).toBe(full.events.length);
    expect(api.events).toEqual(full.events.slice(0, 50));
    const page = await (await app.request('/events?single=yes')).text();
    expect(page).toContain(full.events[0].label.split(' ')[0]);
    if (single) expect((await app.request(`/compare?event=${encodeURIComponent(single.id)}`)).status).toBe(200);
    // The Overview, the Events page and the Compare picker count and list from the held multi-outlet events.
    const multi = full.events.filter((e) => e.outlets.length > 1);
    expect(multi.length).toBeGreaterThan(0);
    const overview = await (await app.request('/')).text();
    expect(overview).toContain(`All ${full.events.length} events</a> (${multi.length} with several outlets)`);
    const eventsPage = await (await app.request('/events')).text();
    expect(eventsPage).toContain(`${full.events.length - multi.length} single-outlet event`);
    const compare = await (await app.request(`/compare?event=${encodeURIComponent(multi[0].id)}`)).text();
    expect(compare).toContain(multi[0].id);
    state.scratch?.close();
  }, 60_000);
});

describe('events read from a store\'s chunks', () => {
  const event = (n: number, outlets: number): Report['events'][number] => ({
    id: `ev-${n}`, label: `event ${n}`, names: [`place-${n}`], documents: [`d${n}a`, `d${n}b`], outlets: Array.from({ length: outlets }, (_, k) => `Outlet ${k}`),
    dateRange: ['2024-01-01', '2024-01-02'], basis: 'place', members: [],
  } as unknown as Report['events'][number]);
  const events = Array.from({ length: 23 }, (_, n) => event(n, n % 4 === 0 ? 2 : 1));
  const chunked = [events.slice(0, 5), events.slice(5, 10), events.slice(10, 15), events.slice(15, 20), events.slice(20)];
  let reads = 0;
  const fake = {
    info: () => ({ file: 'fake.db' }) as ReturnType<Store['info']>,
    reportEventChunks: () => chunked.map((c) => JSON.stringify(c)),
    reportEventChunk: (n: number) => {
      reads++;
      return n < chunked.length ? JSON.stringify(chunked[n]) : undefined;
    },
  };

  it('slices across chunks, finds any id, and keeps the multi-outlet ones whole', () => {
    const list = storedEvents(fake);
    expect(list?.count).toBe(23);
    expect(list?.multi).toEqual(events.filter((e) => e.outlets.length > 1));
    for (let from = 0; from <= 25; from += 3) for (const size of [1, 4, 7, 50]) expect(list?.slice(from, from + size), `${from}+${size}`).toEqual(events.slice(from, from + size));
    for (const e of events) expect(list?.byId(e.id)).toEqual(e);
    expect([...(list?.chunks() ?? [])].flat()).toEqual(events);
  });

  it('reads a chunk again only when another was read since', () => {
    const list = storedEvents(fake);
    reads = 0;
    list?.slice(11, 14);
    list?.slice(10, 12);
    list?.byId('ev-13');
    expect(reads).toBe(1);
  });

  it('names the store and the chunk when a chunk is damaged or missing', () => {
    const broken = { ...fake, reportEventChunk: (n: number) => (n === 2 ? '[{"id":' : n === 3 ? undefined : JSON.stringify(chunked[n])) };
    const list = storedEvents(broken);
    expect(() => list?.slice(10, 11)).toThrow(/fake\.db: chunk 2 of its saved events is damaged; run "framelens analyze --db fake\.db/);
    expect(() => list?.slice(15, 16)).toThrow(/fake\.db: chunk 3 of its saved events is missing/);
    expect(() => storedEvents({ ...fake, reportEventChunks: () => ['nonsense'] })).toThrow(/chunk 0 of its saved events is damaged/);
    expect(storedEvents({ ...fake, reportEventChunks: () => undefined })).toBeUndefined();
  });
});
