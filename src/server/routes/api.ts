/** The JSON API behind every page, with CSV for every table (`?format=csv`). */
import { Hono } from 'hono';
import type { AppState } from '../state.js';
import { csvTables, outletsTable } from '../../report/csv.js';
import { parseSelection, resolveSelection } from '../selection.js';
import type { CompareModel } from '../compare.js';
import { termResults, validateTerm } from '../term.js';
import { lexiconView } from '../lexicon-view.js';
import { compareCsv, csvResponse, docHitsCsv, lexiconCsv, termCsv } from '../csv.js';
import { analyzeTexts } from '../analyze-texts.js';
import { parseAnalyzeJson } from '../pasted.js';
import { badRequest, notFound } from '../http-error.js';
import { uploadLimit } from '../middleware/limits.js';
import { wantsCsv } from './format.js';

function compareJson(model: CompareModel) {
  return {
    mode: model.mode,
    columns: model.columns.map((c) => ({
      heading: c.heading,
      documents: c.docs.map(({ document: d, analysis: a, excluded }) => ({
        id: d.id, outlet: d.outlet, title: d.title, date: d.date, url: d.url, words: a.words, excluded,
        text: d.text, hits: a.hits, names: a.names, devices: a.devices, voiceSpans: a.voiceSpans, warnings: a.warnings,
      })),
    })),
    referents: model.referents,
  };
}

export function apiRoutes(state: AppState, bodyLimitBytes?: number): Hono {
  const api = new Hono();

  api.get('/report', (c) => {
    if (!wantsCsv(c)) return c.json(state.report);
    const table = c.req.query('table') ?? 'labels';
    const tables = csvTables(state.report);
    const csv = Object.hasOwn(tables, `${table}.csv`) ? tables[`${table}.csv`] : undefined;
    if (csv === undefined) throw badRequest(`table must be one of ${Object.keys(tables).map((t) => t.replace(/\.csv$/, '')).join(', ')}`);
    return csvResponse(c, csv, `framelens-${table}.csv`);
  });

  api.get('/outlets', (c) => {
    if (wantsCsv(c)) return csvResponse(c, outletsTable(state.report), 'framelens-outlets.csv');
    return c.json(state.report.outlets.map((o) => ({
      outlet: o.outlet, documents: o.documents, words: o.words, evidence: o.evidence, quotedShare: o.quotedShare,
      referents: Object.fromEntries(Object.entries(o.referents).map(([id, r]) => [id, { mentions: r.mentions, stance: r.stance, ci95: r.ci95, smallSample: r.smallSample }])),
    })));
  });

  api.get('/compare', (c) => {
    const csv = wantsCsv(c);
    const selection = parseSelection((name) => c.req.queries(name) ?? []);
    if (!selection) throw badRequest('choose 2 to 4 outlets (outlets=A&outlets=B), documents (docs=ID&docs=ID) or one event (event=ID)');
    const { model, notes } = resolveSelection(state, selection);
    if (csv) return csvResponse(c, compareCsv(model), 'framelens-compare.csv');
    return c.json({ ...compareJson(model), notes });
  });

  api.get('/term', (c) => {
    const csv = wantsCsv(c);
    const result = termResults(state, validateTerm(c.req.query('q')));
    if (csv) return csvResponse(c, termCsv(result), `framelens-term-${result.term}.csv`);
    return c.json(result);
  });

  api.get('/lexicon', (c) => {
    const view = lexiconView(state);
    if (wantsCsv(c)) return csvResponse(c, lexiconCsv(view), 'framelens-lexicon.csv');
    return c.json(view);
  });

  api.get('/doc/:id', (c) => {
    const id = c.req.param('id');
    const document = state.docById.get(id);
    const analysis = state.analysisById.get(id);
    if (!document || !analysis) throw notFound(`no document with id "${id}"`);
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
    const result = analyzeTexts(state, texts, addToCorpus);
    return c.json({ ...compareJson(result.model), added: result.added, stored: addToCorpus });
  });

  return api;
}
