/**
 * Cold requests (a selection or a term nobody asked before) answered from what was read ahead: documents' voices read
 * behind the server, phrase candidates read within a time budget per request and the rest between requests, marked
 * texts built as strings, and the code of every page run once before visitors come.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Document } from '../../src/types.js';
import { Store } from '../../src/store/index.js';
import { createApp, warmPathsOf } from '../../src/server/app.js';
import { createState, documentCount, recordAt, type AppState } from '../../src/server/state.js';
import { createStoreState, indexStore, readVoicesBehind } from '../../src/server/store-state.js';
import { phrasesBeingRead, termResults } from '../../src/server/term.js';
import { packVoices, unpackVoices, wholeDocumentVoices } from '../../src/server/voice-table.js';
import { textAnalyzer } from '../../src/server/analyzer.js';
import { intersect, TermIndex } from '../../src/server/term-index.js';
import { escapeHtml, highlightedHtml, markGlossaryJson } from '../../src/server/views/marks.js';
import { generateCorpus } from '../../bench/corpus.js';
import { runCli } from '../helpers/cli.js';
import { freshState, lexicon, seedsDir } from './server-fixture.js';
import { ReferenceHighlightedText } from './reference-marks.js';
import { tempDir } from '../helpers/temp.js';

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
};

let big: AppState;
beforeAll(() => {
  const docs: Document[] = generateCorpus(seedsDir, 300 * 1024);
  big = createState({ compiled: lexicon(), documents: docs, reportOptions: { resamples: 20 } });
});

describe('marked texts built as one string', () => {
  it('equal what the JSX components rendered, byte for byte, on every document (markup in the text included)', async () => {
    const evil = await freshState({ evil: true });
    const docs = [...evil.documents.map((d, i) => ({ d, a: evil.analyses[i] })), ...big.documents.slice(0, 40).map((d, i) => ({ d, a: big.analyses[i] }))];
    expect(docs.some(({ d }) => d.text.includes('<script>'))).toBe(true);
    let marks = 0;
    for (const [i, { d, a }] of docs.entries()) {
      const props = { text: d.text, analysis: a, compiled: lexicon(), idPrefix: `c${i % 4}d${i}` };
      const html = highlightedHtml(props);
      expect(html).toBe(String(await (ReferenceHighlightedText(props) as { toString(): string | Promise<string> }).toString()));
      marks += a.hits.length;
    }
    expect(marks).toBeGreaterThan(100);
  });

  it('a mark\'s details are remembered per lexicon: another rationale for the same label shows', () => {
    const doc = big.documents.find((d, i) => big.analyses[i].hits.length > 0) as Document;
    const analysis = big.analyses[big.documents.indexOf(doc)];
    const label = analysis.hits[0].label;
    const base = lexicon();
    const entry = base.entries.get(label);
    if (!entry) throw new Error(`no entry for ${label}`);
    const other = { ...base, entries: new Map(base.entries).set(label, { ...entry, rationale: 'A <different> rationale.' }) } as typeof base;
    const props = { text: doc.text, analysis, idPrefix: 'c0d0' };
    expect(highlightedHtml({ ...props, compiled: base })).not.toContain('A &lt;different&gt; rationale.');
    expect(highlightedHtml({ ...props, compiled: other })).toMatch(/title="[^"]*A &lt;different&gt; rationale\."/);
    // And the page's mark glossary, written per lexicon too.
    expect(markGlossaryJson(base, [label])).not.toContain('A \\u003cdifferent\\u003e rationale.');
    expect(markGlossaryJson(other, [label])).toContain('A \\u003cdifferent\\u003e rationale.');
  });

  it('escapes the five characters JSX escapes, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp; – ≠</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp; – ≠&lt;/a&gt;');
    expect(escapeHtml('plain')).toBe('plain');
  });
});

describe('a phrase with a trailing * reads its candidates within a time budget per request, the rest between requests', () => {
  const full = () => termResults(big, 'us forc*', 1, 1_000_000, { budgetMs: Infinity, background: false });

  it('with no time left a request reads no candidate, says the total is a lower bound, and the background makes it exact', async () => {
    const s = createState({ compiled: lexicon(), documents: big.documents, analyses: big.analyses, reportOptions: { resamples: 20 } });
    const expected = full();
    expect(expected.total).toBeGreaterThan(10);
    const first = termResults(s, 'us forc*', 1, 50, { budgetMs: 0 });
    expect(first.lines).toEqual([]);
    expect(first.totalExact).toBe(false);
    expect(first.unread).toBeGreaterThan(0);
    expect(phrasesBeingRead(s)).toBe(1);
    // Nobody asks again: the reading goes on between requests (setImmediate slices) until every candidate is read.
    await until(() => phrasesBeingRead(s) === 0);
    const later = termResults(s, 'us forc*', 1, 50, { budgetMs: 0 });
    expect(later.totalExact).toBe(true);
    expect(later.total).toBe(expected.total);
    expect(later.lines).toEqual(expected.lines.slice(0, 50));
    expect(later.byOutlet).toEqual(expected.byOutlet);
  });

  it('a corpus change drops a reading under way (its cached result is gone)', async () => {
    const s = createState({ compiled: lexicon(), documents: big.documents, analyses: big.analyses, reportOptions: { resamples: 20 } });
    termResults(s, 'the regi*', 1, 50, { budgetMs: 0 });
    expect(phrasesBeingRead(s)).toBe(1);
    s.version++;
    await until(() => phrasesBeingRead(s) === 0);
    // The old version's result was left as it was: nothing read it after the change.
    s.version--;
    expect(termResults(s, 'the regi*', 1, 50, { budgetMs: 0, background: false }).totalExact).toBe(false);
  });

  it('the Term page of a phrase is rendered again while its total is a lower bound, and kept once exact', async () => {
    const s = createState({ compiled: lexicon(), documents: big.documents, analyses: big.analyses, reportOptions: { resamples: 20 } });
    const app = createApp(s, { analyzer: textAnalyzer(s.compiled, { offThread: false }) });
    termResults(s, 'us forc*', 1, 50, { budgetMs: 0, background: false });
    const pageKeys = () => [...(s.cache as unknown as { entries: Map<string, unknown> }).entries.keys()].filter((k) => k.includes('\0page\0term\0us forc*'));
    // The cached reading is still inexact; the page's own budget may finish it or not, and is cached only if it did.
    const res = await app.request('/term?q=us+forc*');
    const body = await res.text();
    expect(pageKeys().length).toBe(body.includes('At least') ? 0 : 1);
    await until(() => phrasesBeingRead(s) === 0);
    const exact = await (await app.request('/term?q=us+forc*')).text();
    expect(exact).not.toContain('At least');
    expect(pageKeys()).toHaveLength(1);
  });
});

describe('a phrase of plain words is counted from word positions, reading no text', () => {
  it('goes on counting after the page is full while countMs allows, and equals reading every text', () => {
    const s = createState({ compiled: lexicon(), documents: big.documents, analyses: big.analyses, reportOptions: { resamples: 20 } });
    const pageOnly = termResults(s, 'us forces', 1, 5, { budgetMs: Infinity, countMs: 0, background: false });
    expect(pageOnly.lines).toHaveLength(5);
    expect(pageOnly.totalExact).toBe(false);
    for (const phrase of ['us forces', 'the regime', 'said that']) {
      const read = termResults(big, phrase, 1, 1_000_000, { budgetMs: Infinity, background: false });
      const counted = termResults(s, phrase, 1, 50, { budgetMs: Infinity, countMs: Infinity, background: false });
      expect(read.total).toBeGreaterThan(5);
      expect(counted.totalExact).toBe(true);
      expect(counted.unread).toBe(0);
      expect(counted.total).toBe(read.total);
      expect(counted.byOutlet).toEqual(read.byOutlet);
      expect(counted.lines).toEqual(read.lines.slice(0, 50));
    }
    expect(phrasesBeingRead(s)).toBe(0);
  });

  it('with no time left counts nothing in the request and finishes between requests', async () => {
    const s = createState({ compiled: lexicon(), documents: big.documents, analyses: big.analyses, reportOptions: { resamples: 20 } });
    const expected = termResults(big, 'us forces', 1, 50, { budgetMs: Infinity, background: false });
    const first = termResults(s, 'us forces', 1, 50, { budgetMs: 0 });
    expect(first.totalExact).toBe(false);
    expect(phrasesBeingRead(s)).toBe(1);
    await until(() => phrasesBeingRead(s) === 0);
    const later = termResults(s, 'us forces', 1, 50, { budgetMs: 0 });
    expect(later.totalExact).toBe(true);
    expect(later.total).toBe(expected.total);
    expect(later.lines).toEqual(expected.lines);
  });

  it('counts what the phrase pattern matches: words joined by spaces, hyphens or en dashes, without overlaps', () => {
    const texts = [
      'US forces, us-forces; us – forces. US—forces us\u00a0forces us,forces us\n\tforces',
      'the the the the regime the-the',
      'Forces us forces us forces',
      'usforces us forcesx xus forces',
    ];
    const index = new TermIndex();
    texts.forEach((text, i) => index.add(i, { text }, { hits: [] }));
    const regexCount = (phrase: string, text: string) => [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${phrase.split(' ').join('[\\s\\-–]+')}(?![\\p{L}\\p{N}])`, 'giu'))].length;
    for (const phrase of ['us forces', 'the the', 'the the regime', 'forces us forces', 'us forces us']) {
      const expected = { docs: [] as number[], counts: [] as number[] };
      texts.forEach((text, i) => {
        const n = regexCount(phrase, text);
        if (n) {
          expected.docs.push(i);
          expected.counts.push(n);
        }
      });
      expect(index.phrase(phrase.split(' ')), phrase).toEqual(expected);
    }
    // Spot checks of the rule itself: a comma or an em dash breaks a phrase; "the the the the" holds two "the the".
    expect(index.phrase(['us', 'forces'])).toEqual({ docs: [0, 2], counts: [5, 2] });
    expect(index.phrase(['the', 'the'])).toEqual({ docs: [1], counts: [3] });
  });
});

describe('serving a store: voices read behind the server, code run before visitors', () => {
  const dir = tempDir('fl-serve-cold-');
  const file = join(dir, 'seeds.db');
  let store: Store;
  beforeAll(async () => {
    const out = await runCli(['analyze', seedsDir, '--db', file, '--format', 'json', '--out', join(dir, 'report.json'), '--resamples', '50']);
    expect(out.code, out.stderr).toBe(0);
    store = Store.open(file, { readonly: true });
  }, 60_000);
  afterAll(() => store?.close());

  it('packs spans and unpacks them unchanged', () => {
    const spans = [{ start: 3, end: 40, voice: 'quoted' as const }, { start: 50, end: 51, voice: 'attributed' as const }];
    expect(unpackVoices(packVoices(spans))).toEqual(spans);
    expect(unpackVoices(packVoices([]))).toEqual([]);
  });

  it('the background reading holds every document\'s voices as a word search computes them, and term pages read it instead', async () => {
    const state = createStoreState(store, lexicon());
    await indexStore(state);
    const onDemand = ['said', 'militia*', 'us forces'].map((t) => termResults(state, t, 1, 1000, { budgetMs: Infinity }));
    expect(state.voices.size).toBeGreaterThan(0);
    const reading = readVoicesBehind(state, { worker: false });
    expect(readVoicesBehind(state)).toBe(reading);
    await reading?.done;
    expect(reading?.read).toBe(documentCount(state));
    expect(state.voiceTable.size).toBe(documentCount(state));
    for (let i = 0; i < documentCount(state); i++) {
      const { document, analysis } = recordAt(state, i);
      expect(state.voiceTable.get(document.id)).toEqual(wholeDocumentVoices(document, analysis, state.compiled.voice));
    }
    state.cache.clear();
    state.voices.clear();
    const fromTable = ['said', 'militia*', 'us forces'].map((t) => termResults(state, t, 1, 1000, { budgetMs: Infinity }));
    expect(fromTable).toEqual(onDemand);
    expect(fromTable.some((r) => r.lines.some((l) => l.voice !== 'author'))).toBe(true);
    // Nothing was computed on demand this time.
    expect(state.voices.size).toBe(0);
  });

  it('a phrase of plain words reads no stored text; one with punctuation reads its candidates', async () => {
    const state = createStoreState(store, lexicon());
    await indexStore(state);
    const texts = vi.spyOn(store, 'getText');
    const plain = termResults(state, 'the regime', 1, 50, { budgetMs: Infinity, background: false });
    expect(plain.total).toBeGreaterThan(0);
    expect(plain.totalExact).toBe(true);
    expect(texts).not.toHaveBeenCalled();
    termResults(state, 'Iran-backed', 1, 1000, { budgetMs: Infinity, background: false });
    expect(texts).toHaveBeenCalled();
    texts.mockRestore();
  });

  it('the warm-up runs Term (label, word, stem, phrase), Compare and a document page, all answering 200; none while indexing', async () => {
    const state = createStoreState(store, lexicon());
    expect(warmPathsOf(state)).toEqual([]);
    await indexStore(state);
    const paths = warmPathsOf(state);
    expect(paths.some((p) => p.startsWith('/term?q=') && p.includes('*'))).toBe(true);
    expect(paths.some((p) => /^\/term\?q=\p{L}+(\+|%20)\p{L}+$/u.test(p))).toBe(true);
    expect(paths.some((p) => p.startsWith('/compare?outlets='))).toBe(true);
    expect(paths.some((p) => p.startsWith('/doc/'))).toBe(true);
    const app = createApp(state, { analyzer: textAnalyzer(state.compiled, { offThread: false }) });
    for (const p of paths) expect((await app.request(p)).status, p).toBe(200);
  });
});

describe('Compare columns shared between selections', () => {
  const columnKeys = (s: AppState) => [...(s.cache as unknown as { entries: Map<string, unknown> }).entries.keys()].filter((k) => k.includes('\0compare-column\0'));

  it('an outlet\'s column is rendered once for every selection that shows it, wherever it stands, and pages equal their whole rendering', async () => {
    const s = createState({ compiled: lexicon(), documents: big.documents, analyses: big.analyses, reportOptions: { resamples: 20 } });
    const app = createApp(s, { analyzer: textAnalyzer(s.compiled, { offThread: false }) });
    const [a, b, c, d] = s.outlets;
    const q = (...outlets: string[]) => `/compare?${new URLSearchParams(outlets.map((o) => ['outlets', o]))}`;
    const bodies = new Map<string, string>();
    const ask = async (...outlets: string[]) => bodies.set(outlets.join(','), await (await app.request(q(...outlets))).text());
    await ask(a, b);
    expect(columnKeys(s)).toHaveLength(2);
    await ask(a, c);
    expect(columnKeys(s)).toHaveLength(3);
    // a and c change places, and a fourth outlet joins: only d's column is new.
    await ask(c, d, b, a);
    expect(columnKeys(s)).toHaveLength(4);
    // Every page equals the same page rendered with no column kept (ids naming each column's place included).
    const { CompareView } = await import('../../src/server/views/compare-view.js');
    const { cachedSelection } = await import('../../src/server/routes/api.js');
    for (const outlets of [[a, b], [a, c], [c, d, b, a]]) {
      const { model } = cachedSelection(s, { outlets, docs: [] });
      const whole = String(await (CompareView({ model, compiled: s.compiled }) as { toString(): string | Promise<string> }).toString());
      expect(whole).toContain(`id="c${outlets.length - 1}d0-`);
      expect(bodies.get(outlets.join(','))).toContain(whole);
    }
  });

  it('at start the first pages of every outlet\'s column are rendered, within their budget, and a first Compare of any of them renders no column', async () => {
    const s = createState({ compiled: lexicon(), documents: big.documents, analyses: big.analyses, reportOptions: { resamples: 20 } });
    const app = createApp(s, { analyzer: textAnalyzer(s.compiled, { offThread: false }) });
    const { prerenderOutletColumns, PRERENDERED_OUTLETS, PRERENDERED_PAGES } = await import('../../src/server/views/compare-page.js');
    const { COMPARE_DOCS_PER_PAGE } = await import('../../src/server/compare.js');
    const pagesOf = (o: string) => Math.max(1, Math.ceil(s.report.documents.filter((d) => d.outlet === o).length / COMPARE_DOCS_PER_PAGE));
    const all = s.outlets.slice(0, PRERENDERED_OUTLETS).reduce((n, o) => n + Math.min(PRERENDERED_PAGES, pagesOf(o)), 0);
    expect(s.outlets.some((o) => pagesOf(o) > 1), 'no outlet with a second page').toBe(true);
    // Within a budget of characters: the first column passes it, so one is rendered; then the whole set.
    const budgeted = createState({ compiled: lexicon(), documents: big.documents, analyses: big.analyses, reportOptions: { resamples: 20 } });
    expect(await prerenderOutletColumns(budgeted, PRERENDERED_PAGES, 1)).toBe(1);
    expect(columnKeys(budgeted)).toHaveLength(1);
    expect(await prerenderOutletColumns(s)).toBe(all);
    expect(columnKeys(s)).toHaveLength(all);
    const { PRERENDERED_CHARS } = await import('../../src/server/views/compare-page.js');
    expect(s.cache.heldChars).toBeLessThan(PRERENDERED_CHARS + 1_000_000);
    // A page 2 stitched from columns rendered ahead equals its whole rendering, and renders no column.
    const two = s.outlets.filter((o) => pagesOf(o) > 1).slice(0, 2);
    if (two.length === 2) {
      const body = await (await app.request(`/compare?${new URLSearchParams([['outlets', two[0]], ['outlets', two[1]], ['page', '2']])}`)).text();
      expect(columnKeys(s)).toHaveLength(all);
      const { CompareView } = await import('../../src/server/views/compare-view.js');
      const { cachedSelection } = await import('../../src/server/routes/api.js');
      const { model } = cachedSelection(s, { outlets: two, docs: [] });
      expect(body).toContain(String(await (CompareView({ model, compiled: s.compiled, page: 2 }) as { toString(): string | Promise<string> }).toString()));
    }
    // Page 1 only, as before: a first Compare of any of them renders no column, and page 2 is not rendered ahead.
    s.cache.clear();
    const expected = Math.min(PRERENDERED_OUTLETS, s.outlets.length);
    expect(await prerenderOutletColumns(s, 1)).toBe(expected);
    expect(columnKeys(s)).toHaveLength(expected);
    const [a, b, c] = s.outlets;
    const body = await (await app.request(`/compare?${new URLSearchParams([['outlets', c], ['outlets', a], ['outlets', b]])}`)).text();
    expect(columnKeys(s)).toHaveLength(expected);
    const { CompareView } = await import('../../src/server/views/compare-view.js');
    const { cachedSelection } = await import('../../src/server/routes/api.js');
    const { model } = cachedSelection(s, { outlets: [c, a, b], docs: [] });
    expect(body).toContain(String(await (CompareView({ model, compiled: s.compiled }) as { toString(): string | Promise<string> }).toString()));
    // Page 2 is not rendered ahead.
    await app.request(`/compare?${new URLSearchParams([['outlets', c], ['outlets', a], ['page', '2']])}`);
    expect(columnKeys(s)).toHaveLength(expected + 2);
  });

  it('a Compare page whose columns are kept reads no document, and equals its whole rendering when a column had to be rendered again', async () => {
    const s = createState({ compiled: lexicon(), documents: big.documents, analyses: big.analyses, reportOptions: { resamples: 20 } });
    const app = createApp(s, { analyzer: textAnalyzer(s.compiled, { offThread: false }) });
    const { prerenderOutletColumns } = await import('../../src/server/views/compare-page.js');
    await prerenderOutletColumns(s);
    const [a, b, c] = s.outlets;
    const path = `/compare?${new URLSearchParams([['outlets', b], ['outlets', c], ['outlets', a]])}`;
    const reads = vi.spyOn(s.docById, 'get');
    const first = await (await app.request(path)).text();
    // The glossary takes the labels kept with each column; the paging counts ids: no document is read.
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    const { CompareView } = await import('../../src/server/views/compare-view.js');
    const { cachedSelection } = await import('../../src/server/routes/api.js');
    const { model } = cachedSelection(s, { outlets: [b, c, a], docs: [] });
    const whole = String(await (CompareView({ model, compiled: s.compiled }) as { toString(): string | Promise<string> }).toString());
    expect(first).toContain(whole);
    // The page is kept without its columns; one column leaves the cache: the page is rendered again, and equal.
    const entries = (s.cache as unknown as { entries: Map<string, unknown> }).entries;
    expect([...entries.keys()].some((k) => k.includes('\0page\0compare\0'))).toBe(true);
    expect(await (await app.request(path)).text()).toBe(first);
    const column = [...entries.keys()].find((k) => k.includes('\0compare-column\0') && k.includes(c)) as string;
    entries.delete(column);
    expect(await (await app.request(path)).text()).toBe(first);
    expect([...entries.keys()].filter((k) => k.includes('\0compare-column\0') && k.includes(c))).toHaveLength(1);
  });

  it('the glossary lists labels by weight, then name as localeCompare orders them, each entry rendered once per lexicon', async () => {
    const { Glossary } = await import('../../src/server/views/compare-view.js');
    const { labelName } = await import('../../src/report/views/names.js');
    const compiled = lexicon();
    const ids = [...compiled.entries.keys()].filter((id) => compiled.entries.get(id)?.kind === 'label').reverse();
    const model = { mode: 'docs' as const, columns: [], referents: [] };
    const html = String(await (Glossary({ model, compiled, pageLabels: [...ids, 'not-a-label'] }) as { toString(): string | Promise<string> }).toString());
    const weight = (id: string) => { const e = compiled.entries.get(id); return e?.kind === 'label' ? e.weight : 0; };
    const expected = [...ids, 'not-a-label'].sort((a, b) => weight(a) - weight(b) || labelName(a, compiled).localeCompare(labelName(b, compiled)));
    const shown = [...html.matchAll(/<span class="chip [^"]*">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(shown).toEqual(expected.map((id) => escapeHtml(labelName(id, compiled))));
    expect(html).toContain('The lexicon gives no rationale for this label.');
  });

  it('the event picker is kept per chosen event: a Compare of outlets after one of an event selects none', async () => {
    const s = createState({ compiled: lexicon(), documents: big.documents, analyses: big.analyses, reportOptions: { resamples: 20 } });
    const app = createApp(s, { analyzer: textAnalyzer(s.compiled, { offThread: false }) });
    const event = s.report.events.find((e) => e.outlets.length > 1);
    if (!event) throw new Error('the corpus has no event of two outlets');
    const picker = (body: string) => body.slice(body.indexOf('<select id="event-0"'), body.indexOf('</select>', body.indexOf('<select id="event-0"')));
    const withEvent = await (await app.request(`/compare?event=${encodeURIComponent(event.id)}`)).text();
    expect(picker(withEvent)).toContain(`<option value="${escapeHtml(event.id)}" selected="">`);
    const [a, b] = s.outlets;
    const withOutlets = await (await app.request(`/compare?${new URLSearchParams([['outlets', a], ['outlets', b]])}`)).text();
    expect(picker(withOutlets)).not.toContain('selected');
    expect(picker(withOutlets).length).toBeGreaterThan(100);
  });

  it('moving a column to another place renames its ids and nothing else', async () => {
    const { atPosition } = await import('../../src/server/views/compare-view.js');
    const html = '<section class="column" aria-labelledby="col-0"><h2 id="col-0">X</h2><article aria-labelledby="col-0-doc-10"><h3 id="col-0-doc-10">'
      + 'id=&quot;col-0&quot; c0d1</h3><div class="doc-text"><mark class="hit" id="c0d10-5" data-text="c0d1">c0d1</mark></div></article></section>';
    expect(atPosition(html, 0)).toBe(html);
    expect(atPosition(html, 2)).toBe('<section class="column" aria-labelledby="col-2"><h2 id="col-2">X</h2><article aria-labelledby="col-2-doc-10"><h3 id="col-2-doc-10">'
      + 'id=&quot;col-0&quot; c0d1</h3><div class="doc-text"><mark class="hit" id="c2d10-5" data-text="c0d1">c0d1</mark></div></article></section>');
  });

  it('outlet columns come from one pass over the report, ordered as before (date, then id)', async () => {
    const { outletOrders } = await import('../../src/server/selection.js');
    const orders = outletOrders(big);
    for (const outlet of big.outlets) {
      const expected = big.report.documents.filter((d) => d.outlet === outlet)
        .sort((x, y) => (x.date ?? '9999').localeCompare(y.date ?? '9999') || x.id.localeCompare(y.id)).map((d) => d.id);
      expect(orders.get(outlet)).toEqual(expected);
    }
    expect(outletOrders(big)).toBe(orders);
    big.version++;
    expect(outletOrders(big)).not.toBe(orders);
  });
});

describe('term index merges without per-document maps', () => {
  it('a stem sums the counts of every word it starts, per document, documents ascending', () => {
    const index = new TermIndex();
    const texts = ['the thin theme', 'nothing here', 'Then THE them', 'other words', 'th th'];
    texts.forEach((text, i) => index.add(i, { text }, { hits: [] }));
    expect(index.prefix('the')).toEqual({ docs: [0, 2], counts: [2, 3] });
    expect(index.prefix('th')).toEqual({ docs: [0, 2, 4], counts: [3, 3, 2] });
    expect(index.prefix('nothing')).toEqual({ docs: [1], counts: [1] });
    expect(index.prefix('zz')).toEqual({ docs: [], counts: [] });
  });

  it('trimming the postings\' spare room changes no answer, and documents added after it are indexed', () => {
    const texts = ['the thin theme', 'us forces said', 'Then THE them us-forces', 'other words', 'th th us forces'];
    const whole = new TermIndex();
    texts.forEach((text, i) => whole.add(i, { text }, { hits: [] }));
    const trimmed = new TermIndex();
    texts.slice(0, 3).forEach((text, i) => trimmed.add(i, { text }, { hits: [] }));
    trimmed.trim();
    texts.slice(3).forEach((text, i) => trimmed.add(i + 3, { text }, { hits: [] }));
    trimmed.trim();
    for (const index of [whole, trimmed]) {
      expect(index.prefix('th')).toEqual({ docs: [0, 2, 4], counts: [3, 3, 2] });
      expect(index.word('forces')).toEqual({ docs: [1, 2, 4], counts: [1, 1, 1] });
      expect(index.phrase(['us', 'forces'])).toEqual({ docs: [1, 2, 4], counts: [1, 1, 1] });
    }
  });

  it('intersect keeps the documents every posting holds, whatever their lengths', () => {
    const p = (docs: number[]) => ({ docs, counts: docs.map(() => 1) });
    expect(intersect([p([1, 3, 5, 7, 9]), p([0, 3, 4, 9, 12]), p([3, 9])])).toEqual([3, 9]);
    expect(intersect([p([2, 4]), p([1, 3])])).toEqual([]);
    expect(intersect([p([5])])).toEqual([5]);
    expect(intersect([])).toEqual([]);
    // Against sets, on random postings.
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const lists = [0, 1, 2].map(() => [...new Set(Array.from({ length: 1 + Math.floor(rand() * 60) }, () => Math.floor(rand() * 100)))].sort((a, b) => a - b));
      const expected = lists[0].filter((d) => lists.every((l) => l.includes(d)));
      expect(intersect(lists.map(p))).toEqual(expected);
    }
  });
});

describe('whole-document voices for word search', () => {
  it('read an outlet citing itself as its own voice, as the analysis does (S-SELF)', () => {
    const text = 'NORTHERN LEDGER reports that the militias have fired rockets at the base again, the third attack this week.';
    const stateOf = (outlet: string) => createState({ compiled: lexicon(), documents: [{ id: 'd', outlet, text, source: { file: 'd.txt' }, meta: {} }], reportOptions: { resamples: 20 } });
    const own = stateOf('Northern Ledger (Ghana)');
    const other = stateOf('Southern Post');
    const at = text.indexOf('the militias have fired');
    const voiceAt = (s: AppState) => {
      const { document, analysis } = recordAt(s, 0);
      const spans = wholeDocumentVoices(document, analysis, s.compiled.voice);
      return spans.find((v) => v.start <= at && v.end > at)?.voice ?? 'author';
    };
    expect(voiceAt(own)).toBe('author');
    expect(voiceAt(other)).toBe('attributed');
  });
});
