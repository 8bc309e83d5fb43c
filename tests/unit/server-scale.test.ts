/**
 * The server at scale: term index and refusals, pages of long lists, a capped Overview, cached results, incremental
 * adds with per-session limits, and an analyzer that cannot queue unbounded work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Document } from '../../src/types.js';
import { createApp } from '../../src/server/app.js';
import { createState, type AppState } from '../../src/server/state.js';
import { termResults } from '../../src/server/term.js';
import { textAnalyzer } from '../../src/server/analyzer.js';
import { LruCache } from '../../src/server/lru.js';
import { pageHref } from '../../src/server/views/pager.js';
import { keywordInContext, termProblem } from '../../src/analysis/kwic.js';
import { generateCorpus } from '../../bench/corpus.js';
import { lexicon, seedDocuments, seedsDir } from './server-fixture.js';
import { runCli } from '../helpers/cli.js';

const qs = (pairs: Array<[string, string]>) => new URLSearchParams(pairs).toString();

/** About 120 generated documents from the seeds' paragraphs plus 14 verbatim copies of one seed (91 duplicate pairs). */
async function bigState(): Promise<AppState> {
  const docs: Document[] = generateCorpus(seedsDir, 300 * 1024);
  const [seed] = await seedDocuments();
  for (let k = 0; k < 14; k++) docs.push({ ...seed, id: `copy-${k}`, outlet: `Copier ${k}`, date: '2024-02-01' });
  return createState({ compiled: lexicon(), documents: docs, reportOptions: { resamples: 50 } });
}

let state: AppState;
let app: Hono;
beforeAll(async () => {
  state = await bigState();
  app = createApp(state, { analyzer: textAnalyzer(state.compiled, { offThread: false }) });
});

const json = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('terms that would match everything are refused', () => {
  it.each(['*', '**', ' * ', '-*', '"*"', 'a*', '...', ''])('termProblem(%j) names the problem', (term) => {
    expect(termProblem(term)).toMatch(/give|letter|digit/);
  });

  it.each(['militia*', 'us forces', 'Iran-backed', 'occupiers', '7'])('termProblem(%j) lets a real term through', (term) => {
    expect(termProblem(term)).toBeUndefined();
  });

  it.each(['*', '**', '-*', 'a*'])('/api/term?q=%s answers 400 with a JSON error', async (q) => {
    const res = await app.request(`/api/term?${qs([['q', q]])}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/letter|give at least 2 letters/);
  });

  it('the Term page shows the refusal as a message next to the form', async () => {
    const res = await app.request('/term?q=*');
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('role="alert"');
    expect(body).toMatch(/has no letter or digit/);
    expect(body).not.toContain('class="data kwic"');
  });

  it('keywordInContext finds nothing for a bare *, where it once returned an empty match at every position', () => {
    const [doc] = state.documents;
    expect(keywordInContext(doc, state.analyses[0], '*')).toEqual([]);
  });

  it('framelens kwic refuses a bare * with exit 2 and prints no matches', async () => {
    const out = await runCli(['kwic', '*', seedsDir]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/kwic: "\*" has no letter or digit/);
  });

  it('framelens kwic still finds a real word', async () => {
    const out = await runCli(['kwic', 'drone*', seedsDir]);
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n').filter(Boolean).length).toBeGreaterThan(0);
  });
});

describe('term search reads the index and pages its results', () => {
  /** What scanning every document gives (the behaviour before the index), for words and phrases. */
  const scanned = (term: string) => state.documents.flatMap((d, i) => keywordInContext(d, state.analyses[i], term));

  it.each(['drone*', 'militias', 'us forces', 'Iran-backed', 'the regime', 'al-*', 'Syria', 'us forc*', 'said that', 'of the', 'in the city', 'the the', 'US Forces'])('"%s": the index gives exactly what a full scan gives', (term) => {
    const all = termResults(state, term, 1, 1_000_000, { budgetMs: Infinity });
    const expected = scanned(term);
    expect(all.total).toBe(expected.length);
    expect(all.lines).toEqual(expected);
  });

  it('a phrase with a trailing * reads the documents holding its words only as far as the page needs', () => {
    const s = createState({ compiled: lexicon(), documents: state.documents, analyses: state.analyses, reportOptions: { resamples: 20 } });
    const full = termResults(state, 'us forc*', 1, 1_000_000, { budgetMs: Infinity }).lines;
    expect(full.length).toBeGreaterThan(10);
    const first = termResults(s, 'us forc*', 1, 5, { budgetMs: Infinity, background: false });
    expect(first.lines).toEqual(full.slice(0, 5));
    expect(first.totalExact).toBe(false);
    expect(first.unread).toBeGreaterThan(0);
    expect(first.paging.pages).toBe(2);
    expect(first.total).toBeLessThan(full.length);
    expect(termResults(s, 'us forc*', 2, 5, { budgetMs: Infinity, background: false }).lines).toEqual(full.slice(5, 10));
    const all = termResults(s, 'us forc*', 1, 1_000_000, { budgetMs: Infinity, background: false });
    expect(all.totalExact).toBe(true);
    expect(all.total).toBe(full.length);
  });

  it('the Term page says "at least" while a phrase with a trailing * is still being read', async () => {
    const s = createState({ compiled: lexicon(), documents: state.documents, analyses: state.analyses, reportOptions: { resamples: 20 } });
    const result = termResults(s, 'us forc*', 1, 5, { budgetMs: Infinity, background: false });
    const { TermPage } = await import('../../src/server/views/term-page.js');
    const html = String(await (TermPage({ state: s, result, q: 'us forc*' }) as { toString(): string | Promise<string> }).toString());
    expect(html).toMatch(/At least \d+ occurrences\s*\(\d+ more documents hold all its words/);
    expect(html).toMatch(/of at least \d+/);
    expect(html).toContain('rel="next">next</a>');
    expect(html).not.toContain('>last</a>');
  });

  it('a label id lists the hits of that label, counted per outlet', () => {
    const [label, use] = [...state.labelUse.entries()].sort((a, b) => b[1].total - a[1].total)[0];
    const result = termResults(state, label, 1, 1_000_000, { budgetMs: Infinity });
    expect(result.total).toBe(use.total);
    expect(result.lines.every((l) => l.label === label)).toBe(true);
    expect(Object.fromEntries(result.byOutlet.filter((o) => o.count).map((o) => [o.outlet, o.count]))).toEqual(Object.fromEntries(use.byOutlet));
  });

  it('caps a page at 50 lines, says how many more there are, and page 2 continues where page 1 stopped', async () => {
    const full = termResults(state, 'the', 1, 1_000_000, { budgetMs: Infinity });
    expect(full.total).toBeGreaterThan(120);
    const one = await json('/api/term?q=the');
    const two = await json('/api/term?q=the&page=2');
    const lines1 = one.body.lines as unknown[];
    const lines2 = two.body.lines as unknown[];
    expect(lines1).toHaveLength(50);
    expect(one.body.total).toBe(full.total);
    expect(one.body.paging).toMatchObject({ page: 1, pageSize: 50, more: full.total - 50, pages: Math.ceil(full.total / 50) });
    expect([...lines1, ...lines2]).toEqual(full.lines.slice(0, 100));
  });

  it('the Term page links to the next page and says how many more', async () => {
    const body = await (await app.request('/term?q=the')).text();
    expect(body).toContain(`href="/term?${qs([['q', 'the'], ['page', '2']]).replace(/&/g, '&amp;')}"`);
    expect(body).toMatch(/Occurrences 1–50 of [\d,]+ \([\d,]+ more\)/);
    const kwic = body.slice(body.indexOf('<table class="data kwic">'));
    expect(kwic.slice(0, kwic.indexOf('</table>')).match(/<tr>/g)?.length).toBeLessThanOrEqual(51);
  });

  it('a page past the last is a 404 naming the last page; a malformed page is a 400', async () => {
    const past = await json('/api/term?q=drone*&page=999');
    expect(past.status).toBe(404);
    expect(String(past.body.error)).toMatch(/no page 999/);
    expect((await json('/api/term?q=drone*&page=0')).status).toBe(400);
    expect((await json('/api/term?q=drone*&page=x')).status).toBe(400);
  });

  it('reads a document\'s voices once and keeps them for later requests', async () => {
    const first = termResults(state, 'militias');
    const docId = first.lines[0].documentId;
    const kept = state.voices.get(docId);
    expect(kept).toBeDefined();
    termResults(state, 'militias');
    await app.request('/term?q=militias');
    expect(state.voices.get(docId)).toBe(kept);
  });
});

describe('long lists come a page at a time', () => {
  it('the Overview gives counts of the long lists with links to them, and lists none of them whole', async () => {
    const pairs = state.report.duplicates.pairCount ?? state.report.duplicates.pairs.length;
    expect(pairs).toBeGreaterThanOrEqual(91);
    const body = await (await app.request('/')).text();
    expect(body).toContain(`<a href="/duplicates">${pairs} near-duplicate pairs</a>`);
    expect(body).toContain(`<a href="/documents">${state.documents.length} documents</a>`);
    expect(body).not.toContain('href="/doc/');
  });

  it('/documents sorts by outlet, date and title and searches titles, ids and outlets', async () => {
    const titles = (b: string) => [...b.matchAll(/<th scope="row"><a href="\/doc\/[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]);
    const byTitle = titles(await (await app.request('/documents?sort=title')).text());
    expect(byTitle.length).toBeGreaterThan(10);
    expect([...byTitle].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(byTitle);
    const dates = [...(await (await app.request('/documents?sort=date&dir=desc')).text()).matchAll(/<td>(\d{4}-\d{2}-\d{2})<\/td>/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(10);
    expect([...dates].sort().reverse()).toEqual(dates);
    const one = state.report.documents[3];
    const found = titles(await (await app.request(`/documents?q=${encodeURIComponent(one.title ?? one.id)}`)).text());
    expect(found).toContain(one.title ?? one.id);
    expect((await app.request('/documents?sort=colour')).status).toBe(400);
  });

  it('the Overview lists at most 20 skipped inputs and points to the CSV for the rest', async () => {
    const s = createState({
      compiled: lexicon(), documents: await seedDocuments(), reportOptions: { resamples: 20 },
      skipped: Array.from({ length: 25 }, (_, i) => ({ file: `bad-${i}.csv`, line: i + 1, reason: 'no text' })),
    });
    const body = await (await createApp(s).request('/')).text();
    expect(body).toContain('bad-19.csv');
    expect(body).not.toContain('bad-20.csv');
    expect(body).toContain('5 more skipped inputs are in the CSV below.');
  });

  it('/duplicates pages through every pair with stable links', async () => {
    const body = await (await app.request('/duplicates?page=2')).text();
    const pairs = state.report.duplicates.pairs.length;
    expect(body).toContain(`Pairs 51–${Math.min(100, pairs)} of ${pairs}`);
    expect(body).toContain('<a href="/duplicates">first</a> <a href="/duplicates" rel="prev">previous</a>');
    expect(body.match(/<tr>/g)?.length).toBe(1 + Math.min(50, pairs - 50));
    const api = await json('/api/duplicates?page=2');
    expect(api.body.pairs).toEqual(state.report.duplicates.pairs.slice(50, 100));
    expect(api.body.paging).toMatchObject({ page: 2, total: state.report.duplicates.pairs.length });
  });

  it('/documents and /api/documents page through the documents, optionally of one outlet', async () => {
    const api = await json('/api/documents?page=2');
    expect((api.body.documents as Array<{ id: string }>).map((d) => d.id)).toEqual(state.report.documents.slice(50, 100).map((d) => d.id));
    const outlet = 'Wire B';
    const ofOutlet = await json(`/api/documents?${qs([['outlet', outlet]])}`);
    const expected = state.report.documents.filter((d) => d.outlet === outlet);
    expect((ofOutlet.body.paging as { total: number }).total).toBe(expected.length);
    expect((ofOutlet.body.documents as Array<{ id: string; hits: number }>)[0]).toMatchObject({ id: expected[0].id, hits: state.analysisById.get(expected[0].id)?.hits.length });
    const page = await (await app.request('/documents?page=2')).text();
    expect(page).toContain('<a href="/documents">first</a>');
    expect(page).toContain('<a href="/documents?page=3" rel="next">next</a>');
    expect(pageHref('/documents', [['outlet', outlet], ['page', '9']], 2)).toBe(`/documents?${qs([['outlet', outlet], ['page', '2']])}`);
    expect((await json('/api/documents?outlet=Nobody')).status).toBe(404);
  });

  it('/api/hits pages through every hit, optionally of one label', async () => {
    const totalHits = state.analyses.reduce((n, a) => n + a.hits.length, 0);
    const first = await json('/api/hits');
    expect((first.body.paging as { total: number }).total).toBe(totalHits);
    const all = state.analyses.flatMap((a) => a.hits.map((h) => ({ document: a.id, outlet: a.outlet, ...h })));
    const second = await json('/api/hits?page=2');
    expect(second.body.hits).toEqual(all.slice(50, 100));
    const [label, use] = [...state.labelUse.entries()][0];
    const byLabel = await json(`/api/hits?${qs([['label', label]])}`);
    expect((byLabel.body.paging as { total: number }).total).toBe(use.total);
    expect((byLabel.body.hits as Array<{ label: string }>).every((h) => h.label === label)).toBe(true);
  });

  it('/events pages through the events', async () => {
    const api = await json('/api/events');
    expect((api.body.paging as { total: number }).total).toBe(state.report.events.length);
    expect((await app.request('/events')).status).toBe(200);
  });

  it('Compare by outlet shows 10 documents per column and page, while its table counts them all', async () => {
    const q = qs([['outlets', 'Wire A'], ['outlets', 'Wire B']]);
    const body = await (await app.request(`/compare?${q}`)).text();
    const n = state.documents.filter((d) => d.outlet === 'Wire A').length;
    expect(n).toBeGreaterThan(10);
    expect(body.split('<section class="column"')[1].match(/<article class="doc"/g)).toHaveLength(10);
    expect(body).toContain(`Documents 1–10 of ${n}`);
    expect(body).toContain(`href="/compare?${q.replace(/&/g, '&amp;')}&amp;page=2"`);
    const api = await json(`/api/compare?${q}&page=2`);
    const columns = api.body.columns as Array<{ documentCount: number; documents: Array<{ id: string }> }>;
    expect(columns[0].documentCount).toBe(n);
    expect(columns[0].documents[0].id).toBe(state.documents.filter((d) => d.outlet === 'Wire A').sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id))[10].id);
  });

  it('with many documents the Compare form asks for ids instead of listing every document', async () => {
    const many = createState({ compiled: lexicon(), documents: generateCorpus(seedsDir, 900 * 1024), reportOptions: { resamples: 20 } });
    expect(many.documents.length).toBeGreaterThan(300);
    const body = await (await createApp(many).request('/compare')).text();
    expect(body).toContain('<input id="docs-0" name="docs" type="text"');
    expect(body).not.toContain(`<option value="${many.documents[5].id}"`);
  });
});

describe('answers are read, not rebuilt', () => {
  it('/api/report is serialized once per corpus version and has no per-document hits (they are paged at /api/hits)', async () => {
    const a = await (await app.request('/api/report?lists=all')).text();
    const b = await (await app.request('/api/report?lists=all')).text();
    expect(a).toBe(b);
    const report = JSON.parse(a) as { documents: Array<{ id: string; hits?: unknown }> };
    expect(report.documents.map((d) => d.id)).toEqual(state.report.documents.map((d) => d.id));
    expect(report.documents[0].hits).toBeUndefined();
  });

  it('/api/report gives the first page of its long lists and says where the rest is', async () => {
    const summary = (await (await app.request('/api/report')).json()) as {
      documents: unknown[]; duplicates: { pairs: unknown[] }; corpus: { documents: number };
      lists: { documents: { total: number; listed: number; next: string | null }; pairs: { total: number }; all: string };
    };
    expect(summary.documents).toHaveLength(50);
    expect(summary.corpus.documents).toBe(state.report.corpus.documents);
    expect(summary.lists.documents).toEqual({ total: state.report.documents.length, listed: 50, next: '/api/documents?page=2' });
    expect(summary.duplicates.pairs.length).toBe(Math.min(50, state.report.duplicates.pairs.length));
    expect(summary.lists.pairs.total).toBe(state.report.duplicates.pairs.length);
    expect(summary.lists.all).toBe('/api/report?lists=all');
    expect((await app.request('/api/report?lists=some')).status).toBe(400);
  });

  it('the hits CSV is streamed from the analyses: one row per hit', async () => {
    const res = await app.request('/api/report?format=csv&table=hits');
    const csv = await res.text();
    const totalHits = state.analyses.reduce((n, a) => n + a.hits.length, 0);
    expect(csv.startsWith('document,outlet,date,label')).toBe(true);
    expect(csv.trimEnd().split('\n').length).toBe(totalHits + 1);
  });

  it('the Overview is rendered once and served from the cache until the corpus changes', async () => {
    const s = await bigState();
    const a = createApp(s, { analyzer: textAnalyzer(s.compiled, { offThread: false }) });
    await a.request('/');
    const renderedReport = s.report;
    // A stand-in report: if the page were rendered again it would show 999,999 documents.
    s.report = { ...s.report, corpus: { ...s.report.corpus, documents: 999_999 } };
    expect(await (await a.request('/')).text()).not.toContain('999,999');
    s.report = renderedReport;
  });

  it('LruCache forgets the least recently used entry first', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1);
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.size).toBe(2);
  });

  it('LruCache also bounds the characters of cached strings', () => {
    const c = new LruCache<string, string>(10, 10);
    c.set('a', 'x'.repeat(6));
    c.set('b', 'y'.repeat(3));
    expect(c.heldChars).toBe(9);
    c.set('c', 'z'.repeat(4));
    expect(c.get('a')).toBeUndefined();
    expect(c.heldChars).toBe(7);
    c.set('huge', 'w'.repeat(11));
    expect(c.get('huge')).toBeUndefined();
    expect(c.get('b')).toBe('yyy');
    const weighed = new LruCache<string, { docs: number[] }>(10, 10, (v) => v.docs.length);
    weighed.set('a', { docs: [1, 2, 3, 4, 5, 6] });
    weighed.set('b', { docs: [1, 2, 3, 4, 5] });
    expect(weighed.get('a')).toBeUndefined();
    expect(weighed.heldChars).toBe(5);
  });
});

describe('adding pasted texts', () => {
  const post = (a: Hono, texts: Array<{ outlet: string; text: string }>, addToCorpus = true) =>
    a.request('/api/analyze', { method: 'POST', body: JSON.stringify({ texts, addToCorpus }), headers: { 'Content-Type': 'application/json' } });
  const texts = (tag: string) => [
    { outlet: `Paste ${tag} A`, text: `Iran-backed militias attacked US forces near zorbluth${tag}. The Pentagon said so.` },
    { outlet: `Paste ${tag} B`, text: `The resistance struck the occupation forces, the group said of zorbluth${tag}.` },
  ];

  it('folds the texts into the label counts, the term index and the pages, and invalidates cached pages', async () => {
    const s = createState({ compiled: lexicon(), documents: await seedDocuments(), reportOptions: { resamples: 20 } });
    const a = createApp(s, { analyzer: textAnalyzer(s.compiled, { offThread: false }) });
    const militiaBefore = s.labelUse.get('iran-backed-militia')?.total ?? 0;
    const documentsBefore = s.report.corpus.documents;
    const builder = s.builder;
    await a.request('/');
    const res = await post(a, texts('x'));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { added: string[] }).added).toHaveLength(2);
    expect(s.labelUse.get('iran-backed-militia')?.total).toBe(militiaBefore + 1);
    expect(termResults(s, 'zorbluthx').total).toBe(2);
    expect(s.outlets).toContain('Paste x A');
    // The report grew from the same builder's sums (no rebuild from all texts).
    expect(s.builder).toBe(builder);
    expect(s.builder?.size).toBe(documentsBefore + 2);
    expect(s.report.corpus.documents).toBe(documentsBefore + 2);
    expect(s.report.outlets.map((o) => o.outlet)).toContain('Paste x A');
    expect(await (await a.request('/')).text()).toContain('2 text(s) added in this session');
  });

  it('refuses texts beyond the session\'s document limit with a message, before analyzing them', async () => {
    const s = createState({ compiled: lexicon(), documents: await seedDocuments(), reportOptions: { resamples: 20 }, sessionLimits: { documents: 3 } });
    let analyzed = 0;
    const inner = textAnalyzer(s.compiled, { offThread: false });
    const a = createApp(s, { analyzer: (docs) => { analyzed += docs.length; return inner(docs); } });
    expect((await post(a, texts('1'))).status).toBe(200);
    expect(analyzed).toBe(2);
    const refused = await post(a, texts('2'));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/This session has added 2 of at most 3 texts/);
    expect(analyzed).toBe(2);
    expect(s.sessionAdded.size).toBe(2);
    // Comparing without adding is still allowed.
    expect((await post(a, texts('2'), false)).status).toBe(200);
  });

  it('refuses texts beyond the session\'s byte limit; the form shows the message', async () => {
    const s = createState({ compiled: lexicon(), documents: await seedDocuments(), reportOptions: { resamples: 20 }, sessionLimits: { bytes: 100 } });
    const a = createApp(s, { analyzer: textAnalyzer(s.compiled, { offThread: false }) });
    const fd = new FormData();
    texts('3').forEach((t, i) => { fd.append(`outlet${i + 1}`, t.outlet); fd.append(`text${i + 1}`, t.text); });
    fd.append('addToCorpus', 'yes');
    const res = await a.request('/analyze', { method: 'POST', body: fd, headers: { Origin: 'http://localhost' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/at most 0\.0 MB may be added/);
    expect(s.sessionAdded.size).toBe(0);
  });
});

describe('the analyzer for pasted texts', () => {
  it('refuses new work with a 503 when its queue is full', async () => {
    const analyze = textAnalyzer(lexicon(), { offThread: false, running: 1, waiting: 0 });
    const [doc] = await seedDocuments();
    const first = analyze([doc]);
    await expect(analyze([doc])).rejects.toMatchObject({ status: 503 });
    expect((await first)[0].id).toBe(doc.id);
    // The slot is free again.
    expect((await analyze([doc]))[0].id).toBe(doc.id);
  });

  it('runs waiting analyses in turn', async () => {
    const analyze = textAnalyzer(lexicon(), { offThread: false, running: 1, waiting: 4 });
    const docs = (await seedDocuments()).slice(0, 3);
    const results = await Promise.all(docs.map((d) => analyze([d])));
    expect(results.map((r) => r[0].id)).toEqual(docs.map((d) => d.id));
  });
});
