/** Compare: choose outlets, documents or an event; see the texts side by side with every framing term marked. */
import { raw } from 'hono/html';
import { cached, type AppState } from '../state.js';
import { eventsOf } from '../events.js';
import type { Selection } from '../selection.js';
import { MAX_COLUMNS, MIN_COLUMNS, reportGroupings, resolveSelection } from '../selection.js';
import type { CompareModel } from '../compare.js';
import { Layout } from './layout.js';
import { compareColumns, CompareView, ColumnSlots, renderNow, type ColumnCache, type RenderedColumn } from './compare-view.js';
import { Pager } from './pager.js';
import { comparePaging } from '../compare.js';

/** Beyond this many choices a drop-down becomes a text field: a select of 10,000 documents is a megabyte of page. */
export const MAX_SELECT_OPTIONS = 300;

function Choice(props: { name: string; index: number; options: Array<{ value: string; text: string }>; selected?: string; label: string; total?: number }) {
  const id = `${props.name}-${props.index}`;
  if ((props.total ?? props.options.length) > MAX_SELECT_OPTIONS) {
    return (
      <div class="field">
        <label for={id}>{props.label}</label>
        <input id={id} name={props.name} type="text" value={props.selected ?? ''} maxlength={300} placeholder="id" />
      </div>
    );
  }
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        <option value="">—</option>
        {props.options.map((o) => <option value={o.value} selected={o.value === props.selected}>{o.text}</option>)}
      </select>
    </div>
  );
}

/**
 * The event picker: the same for every selection but one of an event, so it is kept per corpus version and chosen
 * event (a corpus has hundreds of events).
 */
function EventForm({ state, selection }: { state: AppState; selection: Selection | null }) {
  // Single-outlet events compare one outlet with itself: left out of the picker (the Events page lists them all).
  const all = eventsOf(state);
  const chosen = selection?.event === undefined ? undefined : all.byId(selection.event);
  // The chosen event stays in the list even when single-outlet (the options are sorted by date below).
  const multi = chosen && !all.multi.includes(chosen) ? [...all.multi, chosen] : all.multi;
  const eventOptions = multi.length > MAX_SELECT_OPTIONS ? [] : [...multi]
    .sort((a, b) => (b.dateRange?.[0] ?? '').localeCompare(a.dateRange?.[0] ?? '') || b.outlets.length - a.outlets.length)
    .map((e) => ({ value: e.id, text: `${e.dateRange ? (e.dateRange[0] === e.dateRange[1] ? e.dateRange[0] : `${e.dateRange[0]} – ${e.dateRange[1]}`) : 'undated'}: ${e.label} (${e.outlets.length} outlet${e.outlets.length === 1 ? '' : 's'}, ${e.documents.length} doc${e.documents.length === 1 ? '' : 's'})` }));
  return (
    <form method="get" action="/compare" class="choose">
      <fieldset>
        <legend>One event, every outlet</legend>
        <Choice name="event" index={0} label="Event (date, outlets, documents)" options={eventOptions} total={multi.length} selected={selection?.event} />
        <p class="hint">{multi.length > MAX_SELECT_OPTIONS ? 'Event ids are listed on the ' : 'Events covered by one outlet only are left out here; all are on the '}<a href="/events">Events</a> page.</p>
        <button type="submit">Compare coverage</button>
      </fieldset>
    </form>
  );
}

/** `slots`, when given, takes the event form as a fragment encoded once (see ColumnSlots.fragment). */
export function CompareForms({ state, selection, slots: pieces }: { state: AppState; selection: Selection | null; slots?: ColumnSlots }) {
  const outletOptions = state.outlets.map((o) => ({ value: o, text: o }));
  // Large corpora get text fields (ids are listed on the Documents and Events pages): options are only built when shown.
  const count = state.report.documents.length;
  const docOptions = count > MAX_SELECT_OPTIONS ? [] : state.report.documents.map((d) => ({ value: d.id, text: `${d.outlet}: ${d.title ?? d.id}${d.date ? ` (${d.date})` : ''}` }));
  const slots = Array.from({ length: MAX_COLUMNS }, (_, i) => i);
  return (
    <div class="compare-forms no-print">
      <form method="get" action="/compare" class="choose">
        <fieldset>
          <legend>Outlets side by side</legend>
          {slots.map((i) => <Choice name="outlets" index={i} label={`Outlet ${i + 1}${i < 2 ? '' : ' (optional)'}`} options={outletOptions} selected={selection?.outlets[i]} />)}
          <button type="submit">Compare outlets</button>
        </fieldset>
      </form>
      <form method="get" action="/compare" class="choose">
        <fieldset>
          <legend>Documents side by side</legend>
          {slots.map((i) => <Choice name="docs" index={i} label={`Document ${i + 1}${i < 2 ? '' : ' (optional)'}`} options={docOptions} total={count} selected={selection?.docs[i]} />)}
          {count > MAX_SELECT_OPTIONS ? <p class="hint">Document ids are listed on the <a href="/documents">Documents</a> page.</p> : ''}
          <button type="submit">Compare documents</button>
        </fieldset>
      </form>
      {reportGroupings(state).map((g, k) => (
        <form method="get" action="/compare" class="choose">
          <fieldset>
            <legend>Groups side by side{reportGroupings(state).length > 1 ? ` (${g.grouping})` : ''}</legend>
            <input type="hidden" name="grouping" value={g.grouping} />
            {slots.map((i) => <Choice name="groups" index={k * MAX_COLUMNS + i} label={`Group ${i + 1}${i < 2 ? '' : ' (optional)'}`}
              options={g.groups.map((x) => ({ value: x.name, text: `${x.name} (${x.outlets.length} outlet${x.outlets.length === 1 ? '' : 's'})` }))}
              selected={selection?.grouping === g.grouping || (selection?.grouping === undefined && k === 0) ? selection?.groups?.[i] : undefined} />)}
            <button type="submit">Compare groups</button>
          </fieldset>
        </form>
      ))}
      {!eventsOf(state).count ? '' : pieces
        ? raw(pieces.fragment(cached(state, `compare-event-form-bytes\0${selection?.event ?? ''}`, () => new TextEncoder().encode(eventForm(state, selection)))))
        : raw(eventForm(state, selection))}
    </div>
  );
}

/** The event picker's HTML, kept per corpus version and chosen event. */
const eventForm = (state: AppState, selection: Selection | null): string =>
  cached(state, `compare-event-form\0${selection?.event ?? ''}`, () => renderNow(<EventForm state={state} selection={selection} />));

/** For an event with more outlets than columns: tick which of its outlets to put side by side. */
function EventOutletPicker({ state, selection }: { state: AppState; selection: Selection }) {
  const event = selection.event === undefined ? undefined : eventsOf(state).byId(selection.event);
  if (!event || event.outlets.length <= MAX_COLUMNS) return null;
  const chosen = new Set(selection.eventOutlets ?? event.outlets.slice(0, MAX_COLUMNS));
  const docsOf = (o: string) => event.documents.filter((id) => state.report.documents.find((d) => d.id === id)?.outlet === o).length;
  return (
    <form method="get" action="/compare" class="choose event-outlets no-print">
      <input type="hidden" name="event" value={event.id} />
      <fieldset>
        <legend>Outlets of this event side by side (choose {MIN_COLUMNS} to {MAX_COLUMNS} of {event.outlets.length})</legend>
        <ul class="check-list">
          {event.outlets.map((o, i) => (
            <li>
              <input type="checkbox" id={`eo-${i}`} name="eo" value={o} checked={chosen.has(o)} />{' '}
              <label for={`eo-${i}`}>{o} <span class="small">({docsOf(o)} doc{docsOf(o) === 1 ? '' : 's'})</span></label>
            </li>
          ))}
        </ul>
        <button type="submit">Show these outlets</button>
      </fieldset>
    </form>
  );
}

/** Compare columns kept in the state's result cache, per corpus version. */
export function columnCacheOf(state: AppState): ColumnCache {
  return (key, render) => cached(state, columnCacheKey(key), render);
}

/** The key of a rendered column in the result cache (without the corpus version `cached` puts before it). */
export const columnCacheKey = (key: string): string => `compare-column\0${key}`;

/** A column kept in the result cache for the current corpus version, if it still is. */
export function keptColumn(state: AppState, key: string): RenderedColumn | undefined {
  return state.cache.get(`${state.version}\0${columnCacheKey(key)}`) as RenderedColumn | undefined;
}

/** Outlets whose first pages of documents are rendered at start, the outlets with most documents first. */
export const PRERENDERED_OUTLETS = 64;
/** Pages of each such outlet's column rendered at start (the pager's first pages), within PRERENDERED_CHARS. */
export const PRERENDERED_PAGES = 4;
/**
 * Size of the columns rendered at start, at most, in the result cache's characters (a column of ten documents of the
 * 10k store weighs ~90,000, so 8 outlets' four pages ~2.9M; 64 outlets fill it before their second pages end).
 */
export const PRERENDERED_CHARS = 8 * 1024 * 1024;

/**
 * Renders the first PRERENDERED_PAGES pages of the column of each of the PRERENDERED_OUTLETS largest outlets into the
 * result cache, page 1 of every outlet first, until their size reaches PRERENDERED_CHARS, yielding to requests
 * between columns: a Compare of any pair or four of them on those pages is then a table and stitched columns (a
 * column rendered on a visitor's request cost ~8 ms on the 10k store, and ten visitors asking at once wait for each
 * other's). Stops early if the corpus changes meanwhile. Returns the columns rendered.
 */
export async function prerenderOutletColumns(state: AppState, pages = PRERENDERED_PAGES, maxChars = PRERENDERED_CHARS): Promise<number> {
  const version = state.version;
  const sizes = new Map(state.report.outlets.map((o) => [o.outlet, o.documents]));
  const outlets = [...state.outlets].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0) || a.localeCompare(b)).slice(0, PRERENDERED_OUTLETS);
  const models = new Map<string, CompareModel>();
  let done = 0;
  let chars = 0;
  for (let page = 1; page <= pages; page++) {
    for (const outlet of outlets) {
      if (state.version !== version || chars >= maxChars) return done;
      let model = models.get(outlet);
      if (!model) models.set(outlet, (model = resolveSelection(state, { outlets: [outlet], docs: [] }).model));
      if (page > comparePaging(model, 1).pages) continue;
      // The column is kept by the cache as it renders; the page around it is not needed here.
      const slots = new ColumnSlots();
      compareColumns({ model, compiled: state.compiled, page, reuse: { cache: columnCacheOf(state), slots } });
      for (const { column } of slots.columns) chars += column.chars;
      done++;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return done;
}

/**
 * `slots`, when given, receives the cached columns the page shows, which stand in its HTML as markers for
 * splitPage; without it the columns are rendered in place.
 */
export function ComparePage(props: { state: AppState; selection: Selection | null; model?: CompareModel; notes?: string[]; query?: string; error?: string; page?: number; slots?: ColumnSlots }) {
  const page = props.page ?? 1;
  const params = [...new URLSearchParams(props.query ?? '')] as Array<[string, string]>;
  const paging = props.model ? comparePaging(props.model, page) : undefined;
  const { model } = props;
  const headings = model?.columns.map((c) => c.heading) ?? [];
  return (
    <Layout title={model ? `Compare: ${headings.join(' · ')}` : 'Compare'} nav="compare" scripts={[{ src: '/assets/marks.js', module: true }]}>
      <h1>{model ? `Compare: ${headings.join(' · ')}` : 'Compare outlets, documents or an event'}</h1>
      {!model ? <p class="explain">Choose two to four outlets, groups of outlets or documents, or one event, to see their texts side by side with every framing label marked.</p> : ''}
      {props.error ? <p class="error" role="alert">{props.error}</p> : ''}
      {model ? (
        <details class="compare-forms-toggle no-print">
          <summary>Change what is compared</summary>
          <CompareForms state={props.state} selection={props.selection} slots={props.slots} />
        </details>
      ) : <CompareForms state={props.state} selection={props.selection} />}
      {(props.notes ?? []).map((n) => <p class="note">{n}</p>)}
      {model?.mode === 'event' && props.selection?.event ? <EventOutletPicker state={props.state} selection={props.selection} /> : ''}
      {model ? (
        <>
          <p class="no-print downloads">
            <a class="csv-link" href={`/api/compare?${props.query ?? ''}&format=csv`} download>Download this table (CSV)</a>{' '}
            <a class="csv-link" href={`/api/compare?${props.query ?? ''}`}>JSON</a>
          </p>
          {paging && paging.pages > 1 ? <Pager info={paging} path="/compare" params={params} what="Documents per column" /> : ''}
          <CompareView model={model} compiled={props.state.compiled} page={page} reuse={props.slots ? { cache: columnCacheOf(props.state), slots: props.slots, cells: (key, render) => cached(props.state, `compare-cell-bytes\0${key}`, render) } : undefined} />
          {paging && paging.pages > 1 ? <Pager info={paging} path="/compare" params={params} what="Documents per column" /> : ''}
        </>
      ) : ''}
    </Layout>
  );
}
