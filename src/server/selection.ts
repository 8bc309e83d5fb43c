/**
 * Turns a Compare selection (`outlets=A&outlets=B`, `groups=G&groups=H` with an optional `grouping=`, `docs=id&docs=id`,
 * or `event=ID`) into columns of documents.
 * Bad input is a 400 with a message; names and ids that do not exist are a 404.
 */
import { cached, lookup, type AppState } from './state.js';
import { eventsOf } from './events.js';
import { buildCompare, mergeTotals, type CompareColumn, type CompareDoc, type CompareModel } from './compare.js';
import type { GroupingSummary } from '../stats/contrasts.js';
import { badRequest, notFound } from './http-error.js';

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;
const MAX_PARAM_LENGTH = 300;

export interface Selection {
  outlets: string[];
  /** Groups of one outlet grouping, each a column of all its outlets' documents. */
  groups?: string[];
  /** The grouping `groups` belong to (default: the report's first). */
  grouping?: string;
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
  const groups = [...new Set(clean('groups'))];
  const grouping = clean('grouping')[0];
  for (const v of [...outlets, ...docs, ...events, ...groups, grouping ?? '']) {
    if (v.length > MAX_PARAM_LENGTH) throw badRequest(`a parameter value is longer than ${MAX_PARAM_LENGTH} characters`);
  }
  const eventOutlets = [...new Set(clean('eo'))];
  if (eventOutlets.length && !events.length) throw badRequest('eo= chooses outlets of an event: give the event too (event=ID)');
  if (grouping !== undefined && !groups.length) throw badRequest('grouping= names the grouping of groups= : give two to four groups too');
  const kinds = [outlets.length > 0, docs.length > 0, events.length > 0, groups.length > 0].filter(Boolean).length;
  if (kinds === 0) return null;
  if (kinds > 1) throw badRequest('choose outlets, groups, documents or an event, not a mix of them');
  if (events.length > 1) throw badRequest('choose one event at a time');
  for (const [what, list] of [['outlets', outlets], ['groups', groups], ['documents', docs]] as const) {
    if (list.length && (list.length < MIN_COLUMNS || list.length > MAX_COLUMNS)) {
      throw badRequest(`choose ${MIN_COLUMNS} to ${MAX_COLUMNS} different ${what} to compare (got ${list.length})`);
    }
  }
  if (eventOutlets.length && (eventOutlets.length < MIN_COLUMNS || eventOutlets.length > MAX_COLUMNS)) {
    throw badRequest(`choose ${MIN_COLUMNS} to ${MAX_COLUMNS} of the event's outlets (got ${eventOutlets.length})`);
  }
  if (groups.length) return grouping === undefined ? { outlets, docs, groups } : { outlets, docs, groups, grouping };
  return eventOutlets.length ? { outlets, docs, event: events[0], eventOutlets } : { outlets, docs, event: events[0] };
}

function compareDoc(state: AppState, id: string): CompareDoc {
  const record = lookup(state, id);
  if (!record) throw notFound(`no document with id "${id}"`);
  return { ...record, excluded: state.excluded.get(id) };
}

const byDateThenId = (a: CompareDoc, b: CompareDoc): number =>
  (a.document.date ?? '9999').localeCompare(b.document.date ?? '9999') || a.document.id.localeCompare(b.document.id);

const orders = new WeakMap<AppState, { version: number; byOutlet: Map<string, string[]> }>();

/**
 * Every outlet's document ids by date, from one pass over the report's document list (not one pass per outlet asked
 * for: with 100,000 documents each pass was a cold Compare page's biggest cost), kept until the corpus changes
 * (outside the result cache, whose churn must not throw it away).
 */
export function outletOrders(state: AppState): Map<string, string[]> {
  const kept = orders.get(state);
  if (kept?.version === state.version) return kept.byOutlet;
  const sorted = [...state.report.documents].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
  const byOutlet = new Map<string, string[]>();
  for (const d of sorted) {
    let ids = byOutlet.get(d.outlet);
    if (!ids) byOutlet.set(d.outlet, (ids = []));
    ids.push(d.id);
  }
  orders.set(state, { version: state.version, byOutlet });
  return byOutlet;
}

function outletColumn(state: AppState, outlet: string, ids?: Set<string>): CompareColumn {
  if (!ids) {
    // Ordered from the report's document list: nothing is read until a page of the column is shown.
    const ordered = outletOrders(state).get(outlet) ?? [];
    return { key: `outlet:${outlet}`, heading: outlet, docs: [], lazy: { ids: ordered, load: (id) => compareDoc(state, id) } };
  }
  const docs = [...ids].map((id) => compareDoc(state, id)).filter((d) => d.document.outlet === outlet);
  return { key: `outlet:${outlet}`, heading: outlet, docs: docs.sort(byDateThenId) };
}

/** The report's outlet groupings (schema 3 `groups`; absent from older stored reports). */
export function reportGroupings(state: AppState): GroupingSummary[] {
  return (state.report as { groups?: GroupingSummary[] }).groups ?? [];
}

/** Documents of several outlets in one column, by date: ids only, each read when its page is shown. */
function groupColumn(state: AppState, grouping: string, name: string, outlets: string[]): CompareColumn {
  const members = new Set(outlets);
  const ordered = cached(state, `group-column\0${grouping}\0${name}`, () => state.report.documents.filter((d) => members.has(d.outlet))
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id)).map((d) => d.id));
  return { key: `group:${grouping}:${name}`, heading: name, docs: [], lazy: { ids: ordered, load: (id) => compareDoc(state, id) } };
}

function resolveGroups(state: AppState, sel: Selection & { groups: string[] }): ResolvedSelection {
  const groupings = reportGroupings(state);
  if (groupings.length === 0) {
    throw badRequest('this corpus has no outlet groups: start framelens serve with --groups FILE (or give the documents a "group" field) to compare groups');
  }
  const grouping = sel.grouping === undefined ? groupings[0] : groupings.find((g) => g.grouping === sel.grouping);
  if (!grouping) throw notFound(`no grouping named "${sel.grouping}" (this corpus has ${groupings.map((g) => `"${g.grouping}"`).join(', ')})`);
  const chosen = sel.groups.map((name) => {
    const group = grouping.groups.find((g) => g.name === name);
    if (!group) throw notFound(`grouping "${grouping.grouping}" has no group named "${name}" (it has ${grouping.groups.map((g) => `"${g.name}"`).join(', ')})`);
    return group;
  });
  const model = buildCompare('groups', chosen.map((g) => groupColumn(state, grouping.grouping, g.name, g.outlets)), state.compiled,
    chosen.map((g) => mergeTotals(g.outlets.map((o) => state.outletSums.get(o) ?? new Map()))));
  for (const row of model.referents) {
    row.cells.forEach((cell, i) => {
      const est = chosen[i].referents[row.referent];
      if (est) cell.group = { stance: est.stance, ci95: est.ci95, outlets: est.outlets };
    });
  }
  const listed = (outlets: string[]) => (outlets.length > 12 ? `${outlets.slice(0, 12).join(', ')} and ${outlets.length - 12} more` : outlets.join(', '));
  const notes = chosen.map((g) => `${g.name} (grouping "${grouping.grouping}"): ${g.outlets.length} outlet${g.outlets.length === 1 ? '' : 's'}, ${g.documents} document${g.documents === 1 ? '' : 's'}: ${listed(g.outlets)}.`);
  return { model, notes };
}

export interface ResolvedSelection {
  model: CompareModel;
  /** Things the reader should know about the selection (e.g. an event with more outlets than columns). */
  notes: string[];
}

export function resolveSelection(state: AppState, sel: Selection): ResolvedSelection {
  const notes: string[] = [];
  if (sel.groups?.length) return resolveGroups(state, { ...sel, groups: sel.groups });
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
  const event = sel.event === undefined ? undefined : eventsOf(state).byId(sel.event);
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
