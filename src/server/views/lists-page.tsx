/** Pages for the corpus's long lists, 50 rows at a time: documents, near-duplicate pairs, events. */
import type { Report } from '../../report/build.js';
import { hitCountOf as hitCount, type AppState } from '../state.js';
import { eventsOf } from '../events.js';
import type { PageInfo } from '../paging.js';
import type { DocQuery, DocSort } from '../doc-list.js';
import { fmtInt } from '../../report/format.js';
import { Layout } from './layout.js';
import { OrderField, Pager } from './pager.js';
import { DuplicatesTable, EventsTable } from '../../report/views/report-tables.js';

export const hitCountOf = (state: AppState) => (id: string): number | undefined => hitCount(state, id);

function DocSortHeader({ query, sort, children }: { query: DocQuery; sort: DocSort; children: string }) {
  const active = query.sort === sort;
  const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
  const params = docParams({ ...query, sort, dir });
  return (
    <th scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={`/documents?${new URLSearchParams(params).toString()}`}>{children}{active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}</a>
    </th>
  );
}

export function docParams(query: DocQuery): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (query.outlet) out.push(['outlet', query.outlet]);
  if (query.q) out.push(['q', query.q]);
  if (query.sort !== 'corpus') out.push(['sort', query.sort]);
  if (query.dir !== 'asc') out.push(['dir', query.dir]);
  return out;
}

export function DocumentsPage({ state, documents, paging, query }: { state: AppState; documents: Report['documents']; paging: PageInfo; query: DocQuery }) {
  const params = docParams(query);
  const heading = query.outlet ? `Documents of ${query.outlet}` : 'Documents';
  return (
    <Layout title={heading} nav="overview">
      <h1>{heading}</h1>
      <form method="get" action="/documents" class="filters no-print" role="search">
        <div class="field">
          <label for="outlet">Outlet</label>
          <select id="outlet" name="outlet">
            <option value="">all outlets</option>
            {state.outlets.map((o) => <option value={o} selected={o === query.outlet}>{o}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="doc-q">Title, id or outlet contains</label>
          <input id="doc-q" name="q" type="search" value={query.q ?? ''} maxlength={200} />
        </div>
        <div class="field">
          <label for="doc-sort">Sort by</label>
          <select id="doc-sort" name="sort">
            {(['corpus', 'outlet', 'date', 'title'] as const).map((s) => <option value={s} selected={s === query.sort}>{s === 'corpus' ? 'corpus order' : s}</option>)}
          </select>
        </div>
        <OrderField id="doc-dir" dir={query.dir} />
        <button type="submit">Show</button>
      </form>
      <Pager info={paging} path="/documents" params={params} what="Documents" />
      {documents.length === 0 ? <p>No document matches.</p> : (
        <div class="table-scroll">
          <table class="data">
            <caption>Documents{query.q ? ` matching “${query.q}”` : ''}; the column headings sort</caption>
            <thead><tr><DocSortHeader query={query} sort="title">Title</DocSortHeader><DocSortHeader query={query} sort="outlet">Outlet</DocSortHeader><DocSortHeader query={query} sort="date">Date</DocSortHeader><th scope="col" class="num">Words</th><th scope="col" class="num">Label hits</th><th scope="col">Note</th></tr></thead>
            <tbody>
              {documents.map((d) => (
                <tr>
                  <th scope="row"><a href={`/doc/${encodeURIComponent(d.id)}`}>{d.title ?? d.id}</a></th>
                  <td>{d.outlet}</td>
                  <td>{d.date ?? ''}</td>
                  <td class="num">{fmtInt(d.words)}</td>
                  <td class="num">{hitCount(state, d.id) ?? '–'}</td>
                  <td>{[d.excluded ?? '', ...(d.warnings ?? [])].filter(Boolean).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {paging.pages > 1 ? <Pager info={paging} path="/documents" params={params} what="Documents" /> : ''}
      <p><a class="csv-link" href="/api/report?format=csv&amp;table=hits" download>Download every hit with offsets (CSV)</a></p>
    </Layout>
  );
}

export function DuplicatesPage({ state, pairs, paging }: { state: AppState; pairs: Report['duplicates']['pairs']; paging: PageInfo }) {
  const d = state.report.duplicates;
  return (
    <Layout title="Near-duplicates" nav="overview">
      <h1>Near-duplicate documents</h1>
      <p>{(d.pairCount ?? d.pairs.length).toLocaleString('en-US')} pairs in {d.clusters.length.toLocaleString('en-US')} groups; {d.excluded.length.toLocaleString('en-US')} copies excluded (policy {d.policy}).
        {(d.pairCount ?? 0) > d.pairs.length ? ` The report keeps the first ${d.pairs.length.toLocaleString('en-US')} pairs; the groups hold every copy.` : ''}</p>
      <Pager info={paging} path="/duplicates" what="Pairs" />
      <DuplicatesTable report={state.report} links pairs={pairs} />
      <Pager info={paging} path="/duplicates" what="Pairs" />
    </Layout>
  );
}

export function EventsPage({ state, events, paging, single }: { state: AppState; events: Report['events']; paging: PageInfo; single: boolean }) {
  const params: Array<[string, string]> = single ? [['single', 'yes']] : [];
  const all = eventsOf(state);
  const hidden = all.count - all.multi.length;
  return (
    <Layout title="Events" nav="overview">
      <h1>Events</h1>
      <p>
        {single ? 'All events, single-outlet ones included. ' : `Events covered by two or more outlets; ${fmtInt(hidden)} single-outlet event${hidden === 1 ? ' is' : 's are'} hidden. `}
        <a href={single ? '/events' : '/events?single=yes'}>{single ? 'Hide single-outlet events' : 'Show them too'}</a>
      </p>
      <Pager info={paging} path="/events" params={params} what="Events" />
      <EventsTable report={state.report} links events={events} />
      {paging.pages > 1 ? <Pager info={paging} path="/events" params={params} what="Events" /> : ''}
    </Layout>
  );
}
