/**
 * Turns a Compare selection (`outlets=A&outlets=B`, `docs=id&docs=id`, or `event=ID`) into columns of documents.
 * Bad input is a 400 with a message; names and ids that do not exist are a 404.
 */
import { cached, type AppState } from './state.js';
import { buildCompare, referentTotals, type CompareColumn, type CompareDoc, type CompareModel, type ReferentTotals } from './compare.js';
import { badRequest, notFound } from './http-error.js';
import type { DocAnalysis } from '../types.js';

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;
const MAX_PARAM_LENGTH = 300;

export interface Selection {
  outlets: string[];
  docs: string[];
  event?: string;
}

/** Reads the selection from query values; returns null when nothing is selected (the form alone is shown). */
export function parseSelection(query: (name: string) => string[]): Selection | null {
  const clean = (name: string) => query(name).map((v) => v.trim()).filter((v) => v !== '');
  const outlets = [...new Set(clean('outlets'))];
  const docs = [...new Set(clean('docs'))];
  const events = [...new Set(clean('event'))];
  for (const v of [...outlets, ...docs, ...events]) {
    if (v.length > MAX_PARAM_LENGTH) throw badRequest(`a parameter value is longer than ${MAX_PARAM_LENGTH} characters`);
  }
  const kinds = [outlets.length > 0, docs.length > 0, events.length > 0].filter(Boolean).length;
  if (kinds === 0) return null;
  if (kinds > 1) throw badRequest('choose outlets, documents or an event, not a mix of them');
  if (events.length > 1) throw badRequest('choose one event at a time');
  for (const [what, list] of [['outlets', outlets], ['documents', docs]] as const) {
    if (list.length && (list.length < MIN_COLUMNS || list.length > MAX_COLUMNS)) {
      throw badRequest(`choose ${MIN_COLUMNS} to ${MAX_COLUMNS} different ${what} to compare (got ${list.length})`);
    }
  }
  return { outlets, docs, event: events[0] };
}

function compareDoc(state: AppState, id: string): CompareDoc {
  const document = state.docById.get(id);
  const analysis = state.analysisById.get(id);
  if (!document || !analysis) throw notFound(`no document with id "${id}"`);
  const excluded = state.excluded.get(id);
  return { document, analysis, excluded };
}

const byDateThenId = (a: CompareDoc, b: CompareDoc): number =>
  (a.document.date ?? '9999').localeCompare(b.document.date ?? '9999') || a.document.id.localeCompare(b.document.id);

function outletColumn(state: AppState, outlet: string, ids?: Set<string>): CompareColumn {
  if (!ids) return cached(state, `outlet-column\0${outlet}`, () => outletColumn(state, outlet, new Set(state.documents.filter((d) => d.outlet === outlet).map((d) => d.id))));
  const docs = [...ids].filter((id) => state.docById.get(id)?.outlet === outlet).map((id) => compareDoc(state, id));
  return { key: `outlet:${outlet}`, heading: outlet, docs: docs.sort(byDateThenId) };
}

/** Every outlet's sums, in one pass over the corpus per version: Compare by outlets only reads them. */
export function outletTotals(state: AppState): Map<string, ReferentTotals> {
  return cached(state, 'outlet-totals', () => {
    const byOutlet = new Map<string, DocAnalysis[]>();
    for (const a of state.analyses) {
      const list = byOutlet.get(a.outlet) ?? [];
      list.push(a);
      byOutlet.set(a.outlet, list);
    }
    return new Map([...byOutlet].map(([outlet, list]) => [outlet, referentTotals(list)]));
  });
}

export interface ResolvedSelection {
  model: CompareModel;
  /** Things the reader should know about the selection (e.g. an event with more outlets than columns). */
  notes: string[];
}

export function resolveSelection(state: AppState, sel: Selection): ResolvedSelection {
  const notes: string[] = [];
  if (sel.outlets.length) {
    for (const o of sel.outlets) if (!state.outlets.includes(o)) throw notFound(`no outlet named "${o}"`);
    const totals = outletTotals(state);
    return { model: buildCompare('outlets', sel.outlets.map((o) => outletColumn(state, o)), state.compiled, sel.outlets.map((o) => totals.get(o) ?? new Map())), notes };
  }
  if (sel.docs.length) {
    const columns = sel.docs.map((id) => {
      const doc = compareDoc(state, id);
      return { key: `doc:${id}`, heading: doc.document.outlet, docs: [doc] };
    });
    return { model: buildCompare('docs', columns, state.compiled), notes };
  }
  const event = state.report.events.find((e) => e.id === sel.event);
  if (!event) throw notFound(`no event with id "${sel.event}"`);
  const ids = new Set(event.documents);
  let columns: CompareColumn[];
  if (event.outlets.length >= MIN_COLUMNS) {
    columns = event.outlets.slice(0, MAX_COLUMNS).map((o) => outletColumn(state, o, ids));
    if (event.outlets.length > MAX_COLUMNS) {
      notes.push(`This event has ${event.outlets.length} outlets; the first ${MAX_COLUMNS} are shown. Choose outlets or documents to see others.`);
    }
  } else {
    // One outlet: its documents side by side.
    columns = event.documents.slice(0, MAX_COLUMNS).map((id) => {
      const doc = compareDoc(state, id);
      return { key: `doc:${id}`, heading: doc.document.outlet, docs: [doc] };
    });
    if (event.documents.length > MAX_COLUMNS) notes.push(`This event has ${event.documents.length} documents; the first ${MAX_COLUMNS} are shown.`);
  }
  return { model: buildCompare('event', columns, state.compiled), notes };
}
