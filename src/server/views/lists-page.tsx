/** Pages for the corpus's long lists, 50 rows at a time: documents, near-duplicate pairs, events. */
import type { Report } from '../../report/build.js';
import { hitCountOf as hitCount, type AppState } from '../state.js';
import type { PageInfo } from '../paging.js';
import type { ListFilter } from '../lists.js';
import { Layout } from './layout.js';
import { Pager } from './pager.js';
import { DocumentsTable, DuplicatesTable, EventsTable } from '../../report/views/report-tables.js';

export const hitCountOf = (state: AppState) => (id: string): number | undefined => hitCount(state, id);

export function DocumentsPage({ state, documents, paging, filter }: { state: AppState; documents: Report['documents']; paging: PageInfo; filter: ListFilter }) {
  const params: Array<[string, string]> = filter.outlet ? [['outlet', filter.outlet]] : [];
  return (
    <Layout title={filter.outlet ? `Documents of ${filter.outlet}` : 'Documents'} nav="overview">
      <h1>{filter.outlet ? `Documents of ${filter.outlet}` : 'Documents'}</h1>
      <form method="get" action="/documents" class="inline-form no-print">
        <label for="outlet">Outlet</label>{' '}
        <select id="outlet" name="outlet">
          <option value="">all outlets</option>
          {state.outlets.map((o) => <option value={o} selected={o === filter.outlet}>{o}</option>)}
        </select>{' '}
        <button type="submit">Show</button>
      </form>
      <Pager info={paging} path="/documents" params={params} what="Documents" />
      <DocumentsTable report={state.report} links documents={documents} hitCount={hitCountOf(state)} />
      <Pager info={paging} path="/documents" params={params} what="Documents" />
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

export function EventsPage({ state, events, paging }: { state: AppState; events: Report['events']; paging: PageInfo }) {
  return (
    <Layout title="Events" nav="overview">
      <h1>Events</h1>
      <Pager info={paging} path="/events" what="Events" />
      <EventsTable report={state.report} links events={events} />
      <Pager info={paging} path="/events" what="Events" />
    </Layout>
  );
}
