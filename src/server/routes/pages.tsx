/** Server-rendered pages: each reads fully without client script. */
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { cached, lookup, type AppState } from '../state.js';
import { eventsOf } from '../events.js';
import type { Analyzer } from '../analyzer.js';
import { badRequest, HttpError } from '../http-error.js';
import { parseSelection, type Selection } from '../selection.js';
import { withFormError } from './form-error.js';
import { lexiconView } from '../lexicon-view.js';
import { analyzeTexts } from '../analyze-texts.js';
import { MAX_TEXTS, readUpload, type PastedText } from '../pasted.js';
import { uploadLimit } from '../middleware/limits.js';
import { pageOf, parsePage } from '../paging.js';
import { eventsPage, pairsPage, parseFilter } from '../lists.js';
import { listDocuments, parseDocQuery } from '../doc-list.js';
import { cachedSelection } from './api.js';
import { DocumentsPage, DuplicatesPage, EventsPage } from '../views/lists-page.js';
import { OverviewPage } from '../views/overview-page.js';
import { ComparePage, keptColumn } from '../views/compare-page.js';
import { assemblePage, ColumnSlots, splitPage, type ComposedPage, type RenderedColumn } from '../views/compare-view.js';
import { LexiconPage } from '../views/lexicon-page.js';
import { AnalyzePage } from '../views/analyze-page.js';
import { DocPage } from '../views/doc-page.js';
import { HitsPage } from '../views/hits-page.js';
import { CategoriesPage } from '../views/categories-page.js';
import { HandoutFile } from '../views/handout-file.js';
import { decodeShare, encodeShare } from '../share.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webRoot } from '../../paths.js';
import type { ServerResponse } from 'node:http';
import { PageBuffers } from '../page-buffers.js';

let css: string | undefined;
const handoutCss = (): string => (css ??= readFileSync(join(webRoot(), 'style.css'), 'utf8'));
import { parseOverviewQuery, queryParams } from '../overview-model.js';
import { hitLines, parseHitsFilter } from '../hits-list.js';

async function readAnalyzeForm(c: Context): Promise<{ texts: PastedText[]; add: boolean }> {
  let body: Awaited<ReturnType<typeof c.req.parseBody>>;
  try {
    body = await c.req.parseBody();
  } catch {
    throw badRequest('the form data could not be read; send it from the Analyze page (multipart/form-data or URL-encoded)');
  }
  const field = (name: string): string => (typeof body[name] === 'string' ? (body[name] as string) : '');
  const texts: PastedText[] = [];
  // Fields beyond the last box are not silently dropped: the API refuses a fifth text, and so does the form.
  const beyond = Object.keys(body).find((k) => {
    const m = /^(?:text|file|outlet|title)(\d+)$/.exec(k);
    if (m === null || Number(m[1]) <= MAX_TEXTS) return false;
    const v = body[k];
    return (typeof v === 'string' && v.trim() !== '') || (v instanceof File && v.size > 0);
  });
  if (beyond) throw badRequest(`give at most ${MAX_TEXTS} texts (the form sent "${beyond}")`);
  for (let n = 1; n <= MAX_TEXTS; n++) {
    const file = body[`file${n}`];
    let slot: PastedText = { outlet: field(`outlet${n}`), title: field(`title${n}`), text: field(`text${n}`) };
    // A file input left empty still arrives as a nameless, empty file.
    if (file instanceof File && (file.name !== '' || file.size > 0)) {
      const upload = await readUpload(file);
      slot = { outlet: slot.outlet || upload.outlet, title: slot.title || upload.title, text: slot.text.trim() ? slot.text : upload.text };
    }
    texts.push(slot);
  }
  return { texts, add: field('addToCorpus') === 'yes' };
}

/**
 * A page rendered once per corpus version (and key) and kept as UTF-8 bytes in the bounded cache: a cached Compare
 * page of four columns is close to a megabyte, and encoding it again for every request cost more than reading it.
 */
async function renderCached(c: Context, state: AppState, key: string, render: () => unknown): Promise<Response> {
  const cacheKey = `${state.version}\0page\0${key}`;
  let bytes = state.cache.get(cacheKey);
  if (!(bytes instanceof Uint8Array)) {
    const version = state.version;
    const html = String(await (render() as { toString(): string | Promise<string> }).toString());
    bytes = new TextEncoder().encode(html);
    if (version === state.version) state.cache.set(cacheKey, bytes);
  }
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'text/html; charset=UTF-8' });
}

/**
 * A Compare page: its HTML around the columns rendered once per corpus version (and key) and kept, the columns
 * taken from the cache under their own keys and copied in (see splitPage). When a column has left the cache since,
 * the page is rendered again, which renders that column again.
 */
async function renderComposed(c: Context, state: AppState, buffers: PageBuffers, key: string, render: (slots: ColumnSlots) => unknown): Promise<Response> {
  const cacheKey = `${state.version}\0page\0${key}`;
  const headers = { 'Content-Type': 'text/html; charset=UTF-8' };
  // Served on a socket (listen.ts), the page is assembled in a buffer reused once it is written.
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  const buffer = (size: number) => buffers.forAnswer(size, outgoing);
  const kept = state.cache.get(cacheKey) as ComposedPage | undefined;
  if (kept?.shell) {
    const columns = kept.columns.map((k) => keptColumn(state, k.key));
    if (columns.every((col) => col !== undefined)) return c.body(assemblePage(kept, columns as RenderedColumn[], buffer) as Uint8Array<ArrayBuffer>, 200, headers);
  }
  const version = state.version;
  const slots = new ColumnSlots();
  const html = String(await (render(slots) as { toString(): string | Promise<string> }).toString());
  const { page, columns } = splitPage(html, slots);
  if (version === state.version) state.cache.set(cacheKey, page);
  return c.body(assemblePage(page, columns, buffer) as Uint8Array<ArrayBuffer>, 200, headers);
}

export function pageRoutes(state: AppState, analyzer: Analyzer, bodyLimitBytes?: number, buffers = new PageBuffers()): Hono {
  const pages = new Hono();

  pages.get('/', async (c) => {
    const q = parseOverviewQuery((n) => c.req.query(n));
    return renderCached(c, state, `overview\0${JSON.stringify(queryParams(q))}`, () => <OverviewPage state={state} q={q} />);
  });

  pages.get('/hits', async (c) => {
    const filter = parseHitsFilter(state, (n) => c.req.query(n));
    const page = parsePage(c.req.query('page'));
    const { lines, paging } = hitLines(state, filter, page);
    return renderCached(c, state, `hits\0${JSON.stringify(filter)}\0${page}`, () => <HitsPage state={state} filter={filter} lines={lines} paging={paging} />);
  });

  pages.get('/documents', async (c) => {
    const filter = parseFilter(state, (n) => c.req.query(n), ['outlet']);
    const page = parsePage(c.req.query('page'));
    const query = parseDocQuery((n) => c.req.query(n), filter.outlet);
    const { items: documents, info: paging } = pageOf(listDocuments(state, query), page);
    return renderCached(c, state, `documents\0${JSON.stringify(query)}\0${page}`, () => <DocumentsPage state={state} documents={documents} paging={paging} query={query} />);
  });

  pages.get('/duplicates', async (c) => {
    const page = parsePage(c.req.query('page'));
    const { pairs, paging } = pairsPage(state, page);
    return renderCached(c, state, `duplicates\0${page}`, () => <DuplicatesPage state={state} pairs={pairs} paging={paging} />);
  });

  pages.get('/events', async (c) => {
    const page = parsePage(c.req.query('page'));
    const single = c.req.query('single') === 'yes';
    const all = eventsOf(state);
    const { events, paging } = single ? eventsPage(state, page) : (({ items, info }) => ({ events: items, paging: info }))(pageOf(all.multi, page));
    return renderCached(c, state, `events\0${single}\0${page}`, () => <EventsPage state={state} events={events} paging={paging} single={single} />);
  });

  pages.get('/compare', (c) => {
    let selection: Selection | null = null;
    return withFormError(c, async () => {
      selection = parseSelection((name) => c.req.queries(name) ?? []);
      const page = parsePage(c.req.query('page'));
      if (!selection) return renderCached(c, state, 'compare-form', () => <ComparePage state={state} selection={null} />);
      const chosen = selection;
      const { model, notes } = cachedSelection(state, chosen);
      const params = new URLSearchParams(new URL(c.req.url).search);
      params.delete('page');
      const query = params.toString();
      return renderComposed(c, state, buffers, `compare\0${JSON.stringify(chosen)}\0${page}`, (slots) => <ComparePage state={state} selection={chosen} model={model} notes={notes} query={query} page={page} slots={slots} />);
    }, (err) => c.html(<ComparePage state={state} selection={selection} error={err.message} />, err.status as 400 | 404));
  });

  pages.get('/categories', async (c) => renderCached(c, state, 'categories', () => <CategoriesPage state={state} />));

  pages.get('/lexicon', async (c) => renderCached(c, state, 'lexicon', () => <LexiconPage view={cached(state, 'lexicon-view', () => lexiconView(state))} outlets={state.outlets} />));

  pages.get('/analyze', async (c) => {
    const share = c.req.query('share');
    if (share === undefined || share === '') return c.html(<AnalyzePage compiled={state.compiled} />);
    return withFormError(c, async () => {
      const texts = decodeShare(share);
      const result = await analyzeTexts(state, analyzer, texts, false);
      return c.html(<AnalyzePage compiled={state.compiled} result={result} values={texts} share={share} />);
    }, (err) => c.html(<AnalyzePage compiled={state.compiled} error={err.message} />, err.status as 400 | 404));
  });

  pages.get('/analyze/download', async (c) => {
    const texts = decodeShare(c.req.query('share') ?? '');
    const result = await analyzeTexts(state, analyzer, texts, false);
    const html = String(await (<HandoutFile model={result.model} compiled={state.compiled} css={handoutCss()} />).toString());
    return c.body(html, 200, {
      'Content-Type': 'text/html; charset=UTF-8',
      'Content-Disposition': 'attachment; filename="framelens-compare.html"',
    });
  });

  pages.post('/analyze', csrf(), uploadLimit(bodyLimitBytes), async (c) => {
    let form: { texts: PastedText[]; add: boolean } = { texts: [], add: false };
    return withFormError(c, async () => {
      form = await readAnalyzeForm(c);
      const result = await analyzeTexts(state, analyzer, form.texts, form.add);
      return c.html(<AnalyzePage compiled={state.compiled} result={result} values={form.texts} addChecked={false} share={encodeShare(form.texts)} />);
    }, (err) => c.html(<AnalyzePage compiled={state.compiled} values={form.texts} addChecked={form.add} error={err.message} />, err.status as 400 | 404));
  });

  pages.get('/doc/:id', (c) => {
    const id = c.req.param('id');
    const record = lookup(state, id);
    if (!record) throw new HttpError(404, `No document with id "${id}".`);
    const { document, analysis } = record;
    const excluded = state.excluded.get(id);
    return c.html(<DocPage document={document} analysis={analysis} compiled={state.compiled} excluded={excluded} sessionOnly={state.sessionAdded.has(id)} />);
  });

  return pages;
}
