/** The JSON API behind every page, with CSV for every table (`?format=csv`). Long lists come a page at a time. */
import { Hono, type Context } from 'hono';
import { cached, hitCountOf, lookup, type AppState } from '../state.js';
import { categoriesTable, csvTables, outletsTable } from '../../report/csv.js';
import { withStances } from '../store-state.js';
import { parseSelection, resolveSelection, type Selection } from '../selection.js';
import { compareDocsPage, type CompareModel } from '../compare.js';
import { lexiconView } from '../lexicon-view.js';
import { categoriesCsv, dictionaryViews } from '../categories.js';
import { compareCsv, csvResponse, docHitsCsv, documentsCsv, eventsCsv, hitsCsv, lexiconCsv } from '../csv.js';
import { eventsOf } from '../events.js';
import { randomUUID } from 'node:crypto';
import { analyzeTexts } from '../analyze-texts.js';
import type { Analyzer } from '../analyzer.js';
import { parseAnalyzeJson } from '../pasted.js';
import { badRequest, notFound } from '../http-error.js';
import { uploadLimit } from '../middleware/limits.js';
import { documentsPage, eventsPage, hitsPage, pairsPage, parseFilter } from '../lists.js';
import { PAGE_SIZE, parsePage } from '../paging.js';
import type { Report } from '../../report/build.js';
import { wantsCsv } from './format.js';

function compareJson(model: CompareModel, page = 1) {
  const { columns, paging } = compareDocsPage(model, page);
  return {
    mode: model.mode,
    paging,
    columns: columns.map((c) => ({
      heading: c.heading,
      documentCount: c.total,
      documents: c.docs.map(({ document: d, analysis: a, excluded }) => ({
        id: d.id, outlet: d.outlet, title: d.title, date: d.date, url: d.url, words: a.words, excluded,
        text: d.text, hits: a.hits, names: a.names, devices: a.devices, voiceSpans: a.voiceSpans, warnings: a.warnings,
      })),
    })),
    referents: model.referents,
  };
}

/** The compare model of a selection, computed once per corpus version. */
export function cachedSelection(state: AppState, selection: Selection) {
  return cached(state, `compare\0${JSON.stringify(selection)}`, () => resolveSelection(state, selection));
}

const page = (c: Context): number => parsePage(c.req.query('page'));

/**
 * The report with its three long lists (documents, events, near-duplicate pairs) cut to their first page: with
 * 100,000 documents the lists are nearly all of it. `lists` says how many there are and where the rest is.
 */
export function reportSummary(state: AppState) {
  const { report } = state;
  const events = eventsOf(state);
  const list = (total: number, path: string) => ({ total, listed: Math.min(total, PAGE_SIZE), next: total > PAGE_SIZE ? `${path}?page=2` : null });
  return {
    ...report,
    documents: withStances(state, report.documents.slice(0, PAGE_SIZE)),
    events: events.slice(0, PAGE_SIZE),
    duplicates: { ...report.duplicates, pairs: report.duplicates.pairs.slice(0, PAGE_SIZE) },
    lists: {
      documents: list(report.documents.length, '/api/documents'),
      events: list(events.count, '/api/events'),
      pairs: list(report.duplicates.pairs.length, '/api/duplicates'),
      all: '/api/report?lists=all',
    },
  };
}

/**
 * The report's CSV tables, kept together in the result cache. For a store the documents, events and hits tables are
 * streamed instead (above), so they are left out here: at 100k the documents table alone was 16 MB of text, built
 * and cached for any table asked for.
 */
function reportTables(state: AppState): Record<string, string> {
  if (!state.store) return csvTables(state.report);
  const tables = csvTables({ ...state.report, documents: [], events: [] });
  tables['categories.csv'] = categoriesTable(state.report);
  return tables;
}

/** Documents per piece of the streamed report. */
const STREAM_DOCUMENTS = 500;

/**
 * The whole report as JSON, the same text JSON.stringify gives, written a slice of its documents and a chunk of its
 * events at a time: the lists stand in the report as unique markers, replaced by their items as the answer is sent.
 */
function reportJsonStream(state: AppState): ReadableStream<Uint8Array> {
  const report = state.report;
  // A NUL and a random id: no string of the report stringifies to the same text.
  const marker = { documents: `\u0000${randomUUID()}`, events: `\u0000${randomUUID()}` };
  const head = JSON.stringify({ ...report, documents: marker.documents, events: marker.events });
  const token = { documents: JSON.stringify(marker.documents), events: JSON.stringify(marker.events) };
  const lists: Array<{ at: number; length: number; items: () => Iterable<string> }> = [
    {
      at: head.indexOf(token.documents), length: token.documents.length,
      items: function* () {
        for (let k = 0; k < report.documents.length; k += STREAM_DOCUMENTS) yield JSON.stringify(withStances(state, report.documents.slice(k, k + STREAM_DOCUMENTS))).slice(1, -1);
      },
    },
    {
      at: head.indexOf(token.events), length: token.events.length,
      items: function* () {
        for (const chunk of eventsOf(state).chunks()) if (chunk.length) yield JSON.stringify(chunk).slice(1, -1);
      },
    },
  ].sort((a, b) => a.at - b.at);
  const pieces = (function* () {
    let from = 0;
    for (const list of lists) {
      yield head.slice(from, list.at) + '[';
      let first = true;
      for (const items of list.items()) {
        yield first ? items : `,${items}`;
        first = false;
      }
      yield ']';
      from = list.at + list.length;
    }
    yield head.slice(from);
  })();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

export function apiRoutes(state: AppState, analyzer: Analyzer, bodyLimitBytes?: number): Hono {
  const api = new Hono();

  api.get('/report', (c) => {
    if (!wantsCsv(c)) {
      const lists = c.req.query('lists');
      if (lists !== undefined && lists !== 'all') throw badRequest('lists must be "all" (every document, event and pair in one answer) or left out (their first pages)');
      // A store's report in full is written as it is sent: at 100,000 documents it is some 150 MB of JSON.
      if (lists === 'all' && state.store) return c.body(reportJsonStream(state), 200, { 'Content-Type': 'application/json; charset=utf-8' });
      // Serialized once per corpus version: the report is the largest answer the server gives.
      const json = cached(state, `report-json\0${lists ?? ''}`, () => new TextEncoder().encode(JSON.stringify(lists === 'all' ? state.report : reportSummary(state))));
      return c.body(json as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    }
    const table = c.req.query('table') ?? 'labels';
    // Hits live in the analyses, not in the server's report: streamed from there.
    if (table === 'hits') return csvResponse(c, hitsCsv(state), 'framelens-hits.csv');
    // A store's documents wait for their stances in the scratch file: the table is made when asked for, not kept.
    if (table === 'documents' && state.scratch) return csvResponse(c, documentsCsv(state), 'framelens-documents.csv');
    if (table === 'events' && state.store) return csvResponse(c, eventsCsv(eventsOf(state)), 'framelens-events.csv');
    const tables = cached(state, 'report-csv', () => reportTables(state));
    const csv = Object.hasOwn(tables, `${table}.csv`) ? tables[`${table}.csv`] : undefined;
    if (csv === undefined) throw badRequest(`table must be one of ${Object.keys(tables).map((t) => t.replace(/\.csv$/, '')).join(', ')}`);
    return csvResponse(c, csv, `framelens-${table}.csv`);
  });

  api.get('/categories', (c) => {
    const views = cached(state, 'categories', () => dictionaryViews(state.report));
    if (wantsCsv(c)) return csvResponse(c, categoriesCsv(views), 'framelens-categories.csv');
    return c.json(state.report.dictionaries ?? []);
  });

  api.get('/outlets', (c) => {
    if (wantsCsv(c)) return csvResponse(c, outletsTable(state.report), 'framelens-outlets.csv');
    return c.json(state.report.outlets.map((o) => ({
      outlet: o.outlet, documents: o.documents, words: o.words, evidence: o.evidence, quotedShare: o.quotedShare,
      referents: Object.fromEntries(Object.entries(o.referents).map(([id, r]) => [id, { mentions: r.mentions, stance: r.stance, ci95: r.ci95, smallSample: r.smallSample }])),
    })));
  });

  api.get('/documents', (c) => {
    const filter = parseFilter(state, (n) => c.req.query(n), ['outlet']);
    const { documents, paging } = documentsPage(state, filter, page(c));
    return c.json({ paging, documents: withStances(state, documents).map((d) => ({ ...d, hits: hitCountOf(state, d.id) ?? 0 })) });
  });

  api.get('/hits', (c) => {
    const filter = parseFilter(state, (n) => c.req.query(n), ['outlet', 'label']);
    return c.json(hitsPage(state, filter, page(c)));
  });

  api.get('/duplicates', (c) => {
    const d = state.report.duplicates;
    return c.json({ policy: d.policy, groups: d.clusters.length, excluded: d.excluded.length, ...pairsPage(state, page(c)) });
  });

  api.get('/events', (c) => c.json(eventsPage(state, page(c))));

  api.get('/compare', (c) => {
    const csv = wantsCsv(c);
    const selection = parseSelection((name) => c.req.queries(name) ?? []);
    if (!selection) throw badRequest('choose 2 to 4 outlets (outlets=A&outlets=B), documents (docs=ID&docs=ID) or one event (event=ID)');
    const { model, notes } = cachedSelection(state, selection);
    if (csv) return csvResponse(c, compareCsv(model), 'framelens-compare.csv');
    return c.json({ ...compareJson(model, page(c)), notes });
  });

  api.get('/lexicon', (c) => {
    const view = cached(state, 'lexicon-view', () => lexiconView(state));
    if (wantsCsv(c)) return csvResponse(c, lexiconCsv(view), 'framelens-lexicon.csv');
    return c.json(view);
  });

  api.get('/doc/:id', (c) => {
    const id = c.req.param('id');
    const record = lookup(state, id);
    if (!record) throw notFound(`no document with id "${id}"`);
    const { document, analysis } = record;
    if (wantsCsv(c)) return csvResponse(c, docHitsCsv(analysis), `framelens-hits-${id}.csv`);
    const excluded = state.excluded.get(id);
    return c.json({ document, analysis, excluded, sessionOnly: state.sessionAdded.has(id) });
  });

  api.post('/analyze', uploadLimit(bodyLimitBytes), async (c) => {
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      throw badRequest('send a JSON body (Content-Type: application/json): { "texts": [ { "outlet", "title", "text" } ], "addToCorpus": false }');
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw badRequest('the body is not valid JSON');
    }
    const { texts, addToCorpus } = parseAnalyzeJson(body);
    const result = await analyzeTexts(state, analyzer, texts, addToCorpus);
    return c.json({ ...compareJson(result.model), added: result.added, stored: addToCorpus });
  });

  return api;
}
