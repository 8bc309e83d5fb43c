/**
 * The static HTML report (framelens analyze --format html): one self-contained file, styles inline, no script,
 * every value escaped by hono/jsx. Uses the same tables as the Overview page.
 */
import { raw } from 'hono/html';
import type { Report } from '../build.js';
import { InlineStyle } from './inline-style.js';
import {
  CorpusSummary, DivergenceTable, DocumentsTable, DuplicatesTable, EventsTable, KeynessTables, LabelShareTable, OutletsTable, SkippedTable, StanceTable,
} from './report-tables.js';
import { ContrastsTable, DictionariesTables, GroupsTables, TimelineTable } from './contrasts.js';

export function ReportFile({ report, css }: { report: Report; css: string }) {
  const referents = report.referents.filter((r) => report.outlets.some((o) => (o.referents[r.id]?.mentions ?? 0) > 0));
  const low = report.outlets.filter((o) => o.evidence === 'low').map((o) => o.outlet);
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="generator" content={`${report.tool.name} ${report.tool.version}`} />
          <title>framelens report</title>
          <InlineStyle css={css} />
        </head>
        <body>
          <main id="main">
            <h1>framelens report</h1>
            <p class="explain">
              {report.tool.name} {report.tool.version} · schema {report.schema} · lexicon{report.lexicons.length === 1 ? '' : 's'}{' '}
              {report.lexicons.map((l) => `${l.name} ${l.version} (sha256 ${l.sha256.slice(0, 12)}…)`).join(', ')} · headline voice{report.settings.voices.length === 1 ? '' : 's'}{' '}
              {report.settings.voices.join(' + ')} · bootstrap {report.settings.bootstrap.resamples} resamples, seed {report.settings.bootstrap.seed} · duplicates {report.settings.duplicatePolicy}
            </p>
            <CorpusSummary report={report} />
            {low.length ? (
              <p class="warning">
                <strong>Small samples.</strong> {low.join(', ')} {low.length === 1 ? 'has' : 'have'} fewer than {report.settings.smallSample.documents} documents;
                figures marked ⚠ rest on few documents or mentions. Read them as descriptions of these texts, not of the outlets in general.
              </p>
            ) : ''}

            <h2>Stance per referent</h2>
            <StanceTable report={report} />
            {report.groups.length ? <><h2>Groups of outlets</h2><GroupsTables report={report} /></> : ''}
            <h2>Is the difference real?</h2>
            <ContrastsTable report={report} />
            {report.timeline ? <><h2>Over time</h2><TimelineTable report={report} /></> : ''}
            {report.dictionaries.length ? <><h2>Category dictionaries</h2><DictionariesTables report={report} /></> : ''}

            {referents.map((r) => (
              <section>
                <h2>{r.label}</h2>
                <LabelShareTable report={report} referent={r.id} />
                <DivergenceTable report={report} referent={r.id} />
              </section>
            ))}

            <h2>Outlets</h2>
            <OutletsTable report={report} />
            <h2>Labels typical of each outlet (keyness)</h2>
            <KeynessTables report={report} />
            <h2>Events</h2>
            <EventsTable report={report} />
            <h2>Documents</h2>
            <DocumentsTable report={report} />
            <h2>Duplicates</h2>
            <DuplicatesTable report={report} />
            <h2>Skipped inputs</h2>
            <SkippedTable report={report} />
          </main>
        </body>
      </html>
    </>
  );
}
