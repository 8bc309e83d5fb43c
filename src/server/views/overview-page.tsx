/** Overview: the corpus at a glance. Charts are drawn by /assets/overview.js from the data block; the tables below carry the same numbers. */
import type { AppState } from '../state.js';
import { overviewData } from '../overview-data.js';
import { Layout } from './layout.js';
import { hitCountOf } from './lists-page.js';
import {
  CorpusSummary, DivergenceTable, DocumentsTable, DuplicatesTable, EventsTable, KeynessTables, LabelShareTable, OutletsTable, SkippedTable, StanceTable, StanceTestsTable,
} from '../../report/views/report-tables.js';

function CsvLink({ table, children }: { table: string; children: string }) {
  return <a class="csv-link" href={`/api/report?format=csv&table=${table}`} download>{children}</a>;
}

/** Rows of each long list shown on the Overview; the rest is one link away, a page at a time. */
export const OVERVIEW_ROWS = { events: 10, documents: 20, pairs: 10, skipped: 20 };

function AllLink({ href, shown, total, what }: { href: string; shown: number; total: number; what: string }) {
  if (total <= shown) return <></>;
  return <p class="more"><a href={href}>All {total.toLocaleString('en-US')} {what}</a> ({(total - shown).toLocaleString('en-US')} more than shown here)</p>;
}

export function OverviewPage({ state }: { state: AppState }) {
  const { report } = state;
  const data = overviewData(report, state.compiled);
  const low = report.outlets.filter((o) => o.evidence === 'low').map((o) => o.outlet);
  const smallCells = report.outlets.reduce((n, o) => n + Object.values(o.referents).filter((r) => r.mentions > 0 && r.smallSample).length, 0);
  const divergent = data.referents.filter((r) => report.divergence[r.id]);
  // The report lists at most a thousand pairs; pairCount counts them all.
  const pairCount = report.duplicates.pairCount ?? report.duplicates.pairs.length;
  return (
    <Layout title="Overview" nav="overview" data={{ 'overview-data': data }} scripts={[{ src: '/assets/chart.umd.js' }, { src: '/assets/overview.js', module: true }]}>
      <h1>Corpus overview</h1>
      <CorpusSummary report={report} />
      {low.length || smallCells ? (
        <div class="warning" role="note">
          <strong>Small samples.</strong>{' '}
          {low.length ? `${low.join(', ')} ${low.length === 1 ? 'has' : 'have'} fewer than ${report.settings.smallSample.documents} documents. ` : ''}
          {smallCells ? `${smallCells} outlet × referent figure${smallCells === 1 ? ' rests' : 's rest'} on fewer than ${report.settings.smallSample.documents} documents or ${report.settings.smallSample.mentions} mentions (marked ⚠). ` : ''}
          Intervals are wide: read these as descriptions of these texts, not of the outlets in general.
        </div>
      ) : ''}
      {state.reportBehind ? <p class="note">The statistics below are being recomputed to include {state.reportBehind} text(s) just added; reload in a moment.</p> : ''}
      {state.sessionAdded.size ? <p class="note">{state.sessionAdded.size} text(s) added in this session are included (kept in memory only).</p> : ''}

      <section aria-labelledby="stance-title">
        <h2 id="stance-title">Stance per referent</h2>
        <p class="explain">
          How each outlet, in its own voice, names each referent: below 0 its labels delegitimize, above 0 they legitimize.
          Whiskers show the 95% interval.
        </p>
        <figure class="chart chart-wide">
          <canvas id="stance-chart" role="img" aria-label="Bar chart of stance per referent and outlet with 95% intervals; the same numbers are in the table below."></canvas>
        </figure>
        <StanceTable report={report} />
        <p><CsvLink table="referents">Download stance table (CSV)</CsvLink></p>
      </section>

      <section aria-labelledby="shares-title">
        <h2 id="shares-title">Which labels each outlet chose</h2>
        <p class="explain">For each referent, the share of each label among the outlet's own-voice mentions. Blue labels legitimize, orange and red delegitimize, grey are neutral.</p>
        <div class="chart-grid">
          {data.shares.map((s, i) => (
            <figure class="chart">
              <figcaption>{data.referents[i].label}</figcaption>
              <canvas id={`share-chart-${i}`} data-share-index={String(i)} role="img" aria-label={`Stacked bars: label shares for ${data.referents[i].label} by outlet; numbers in the table below.`}></canvas>
            </figure>
          ))}
        </div>
        <details>
          <summary>Label counts and shares as tables</summary>
          {data.referents.map((r) => <LabelShareTable report={report} referent={r.id} />)}
        </details>
        <p><CsvLink table="labels">Download label table (CSV)</CsvLink></p>
      </section>

      <section aria-labelledby="tests-title">
        <h2 id="tests-title">Is the difference real?</h2>
        <StanceTestsTable report={report} />
        <p><CsvLink table="stance-tests">Download stance tests (CSV)</CsvLink></p>
      </section>

      <section aria-labelledby="divergence-title">
        <h2 id="divergence-title">How differently outlets label the same referent</h2>
        {divergent.length === 0 ? <p>Divergence needs two outlets that both name a referent.</p> : (
          <div class="heatmap-grid">
            {divergent.map((r) => <DivergenceTable report={report} referent={r.id} />)}
          </div>
        )}
        <p><CsvLink table="divergence">Download divergence table (CSV)</CsvLink></p>
      </section>

      <section aria-labelledby="outlets-title">
        <h2 id="outlets-title">Outlets</h2>
        <OutletsTable report={report} />
        <p><CsvLink table="outlets">Download outlet table (CSV)</CsvLink></p>
      </section>

      <section aria-labelledby="events-title">
        <h2 id="events-title">Events</h2>
        <EventsTable report={report} links events={report.events.slice(0, OVERVIEW_ROWS.events)} />
        <AllLink href="/events" shown={OVERVIEW_ROWS.events} total={report.events.length} what="events" />
        <p><CsvLink table="events">Download event table (CSV)</CsvLink></p>
      </section>

      <section aria-labelledby="docs-title">
        <h2 id="docs-title">Documents</h2>
        <DocumentsTable report={report} links documents={report.documents.slice(0, OVERVIEW_ROWS.documents)} hitCount={hitCountOf(state)} />
        <AllLink href="/documents" shown={OVERVIEW_ROWS.documents} total={report.documents.length} what="documents" />
        <p><CsvLink table="hits">Download every hit with offsets (CSV)</CsvLink></p>
      </section>

      <section aria-labelledby="keyness-title">
        <h2 id="keyness-title">Labels typical of each outlet</h2>
        <KeynessTables report={report} />
        <p><CsvLink table="keyness">Download keyness table (CSV)</CsvLink></p>
      </section>

      <section aria-labelledby="dup-title">
        <h2 id="dup-title">Duplicates and skipped inputs</h2>
        <p>
          {pairCount.toLocaleString('en-US')} near-duplicate pair{pairCount === 1 ? '' : 's'} in{' '}
          {report.duplicates.clusters.length.toLocaleString('en-US')} group{report.duplicates.clusters.length === 1 ? '' : 's'};{' '}
          {report.duplicates.excluded.length.toLocaleString('en-US')} cop{report.duplicates.excluded.length === 1 ? 'y' : 'ies'} excluded (policy {report.duplicates.policy}).
        </p>
        <DuplicatesTable report={report} links pairs={report.duplicates.pairs.slice(0, OVERVIEW_ROWS.pairs)} />
        <AllLink href="/duplicates" shown={OVERVIEW_ROWS.pairs} total={pairCount} what="near-duplicate pairs" />
        <SkippedTable report={report} skipped={report.corpus.skipped.slice(0, OVERVIEW_ROWS.skipped)} />
        {report.corpus.skipped.length > OVERVIEW_ROWS.skipped
          ? <p class="more">{(report.corpus.skipped.length - OVERVIEW_ROWS.skipped).toLocaleString('en-US')} more skipped inputs are in the CSV below.</p> : ''}
        <p><CsvLink table="skipped">Download skipped inputs (CSV)</CsvLink></p>
      </section>
    </Layout>
  );
}
