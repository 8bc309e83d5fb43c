/**
 * Turns a Compare selection (`outlets=A&outlets=B`, `docs=id&docs=id`, or `event=ID`) into columns of documents.
 * Bad input is a 400 with a message; names and ids that do not exist are a 404.
 */
import { cached, lookup, type AppState } from './state.js';
import { buildCompare, type CompareColumn, type CompareDoc, type CompareModel } from './compare.js';
import { badRequest, notFound } from './http-error.js';

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;
const MAX_PARAM_LENGTH = 300;

export interface Selection {
  outlets: string[];
  docs: string[];
  event?: string;
  /** With an event: which of its outlets to put side by side (2 to 4; default the first four). */
  eventOutlets?: string[];
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
  const eventOutlets = [...new Set(clean('eo'))];
  if (eventOutlets.length && !events.length) throw badRequest('eo= chooses outlets of an event: give the event too (event=ID)');
  const kinds = [outlets.length > 0, docs.length > 0, events.length > 0].filter(Boolean).length;
  if (kinds === 0) return null;
  if (kinds > 1) throw badRequest('choose outlets, documents or an event, not a mix of them');
  if (events.length > 1) throw badRequest('choose one event at a time');
  for (const [what, list] of [['outlets', outlets], ['documents', docs]] as const) {
    if (list.length && (list.length < MIN_COLUMNS || list.length > MAX_COLUMNS)) {
      throw badRequest(`choose ${MIN_COLUMNS} to ${MAX_COLUMNS} different ${what} to compare (got ${list.length})`);
    }
  }
  if (eventOutlets.length && (eventOutlets.length < MIN_COLUMNS || eventOutlets.length > MAX_COLUMNS)) {
    throw badRequest(`choose ${MIN_COLUMNS} to ${MAX_COLUMNS} of the event's outlets (got ${eventOutlets.length})`);
  }
  return eventOutlets.length ? { outlets, docs, event: events[0], eventOutlets } : { outlets, docs, event: events[0] };
}

function compareDoc(state: AppState, id: string): CompareDoc {
  const record = lookup(state, id);
  if (!record) throw notFound(`no document with id "${id}"`);
  return { ...record, excluded: state.excluded.get(id) };
}

const byDateThenId = (a: CompareDoc, b: CompareDoc): number =>
  (a.document.date ?? '9999').localeCompare(b.document.date ?? '9999') || a.document.id.localeCompare(b.document.id);

function outletColumn(state: AppState, outlet: string, ids?: Set<string>): CompareColumn {
  if (!ids) {
    // Ordered from the report's document list: nothing is read until a page of the column is shown.
    const ordered = cached(state, `outlet-column\0${outlet}`, () => state.report.documents.filter((d) => d.outlet === outlet)
      .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id)).map((d) => d.id));
    return { key: `outlet:${outlet}`, heading: outlet, docs: [], lazy: { ids: ordered, load: (id) => compareDoc(state, id) } };
  }
  const docs = [...ids].map((id) => compareDoc(state, id)).filter((d) => d.document.outlet === outlet);
  return { key: `outlet:${outlet}`, heading: outlet, docs: docs.sort(byDateThenId) };
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
    return { model: buildCompare('outlets', sel.outlets.map((o) => outletColumn(state, o)), state.compiled, sel.outlets.map((o) => state.outletSums.get(o) ?? new Map())), notes };
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
  if (sel.eventOutlets) {
    for (const o of sel.eventOutlets) if (!event.outlets.includes(o)) throw notFound(`the event "${event.label}" has no document from "${o}"`);
    columns = sel.eventOutlets.map((o) => outletColumn(state, o, ids));
  } else if (event.outlets.length >= MIN_COLUMNS) {
    columns = event.outlets.slice(0, MAX_COLUMNS).map((o) => outletColumn(state, o, ids));
    if (event.outlets.length > MAX_COLUMNS) {
      notes.push(`This event has ${event.outlets.length} outlets; the first ${MAX_COLUMNS} are shown. Choose which to put side by side below.`);
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
