/**
 * Groups, contrasts and the timeline as tables, for the static HTML report and the Overview page. Every value is a
 * JSX text child, so hono escapes it. A chart of the timeline is drawn from `report.timeline` by the UI.
 */
import type { Report } from '../build.js';
import { fmtNumber, fmtSigned } from '../format.js';
import { ScrollBox } from './report-tables.js';

const ci = (x: [number, number] | null | undefined): string => (x ? `[${fmtSigned(x[0])}, ${fmtSigned(x[1])}]` : '–');

export function GroupsTables({ report }: { report: Report }) {
  if (report.groups.length === 0) return <p>No outlet groups: give --groups FILE or a "group" field in the documents' metadata.</p>;
  return (
    <>
      {report.groups.map((g) => (
        <ScrollBox label={`Grouping ${g.grouping} (table)`}>
          <table class="data">
            <caption>Grouping “{g.grouping}”: group stance is the mean of its outlets' stances; the interval resamples outlets, then documents within them.{g.ungrouped.length ? ` Not grouped: ${g.ungrouped.join(', ')}.` : ''}</caption>
            <thead><tr><th scope="col">Group</th><th scope="col">Outlets</th><th scope="col">Referent</th><th scope="col" class="num">Stance</th><th scope="col">95% interval</th><th scope="col" class="num">Outlets / documents / mentions</th></tr></thead>
            <tbody>
              {g.groups.flatMap((grp) => Object.entries(grp.referents).map(([ref, r]) => (
                <tr>
                  <th scope="row">{grp.name}</th><td>{grp.outlets.join(', ')}</td><td>{ref}</td>
                  <td class="num">{fmtSigned(r.stance)}</td><td>{r.ci95 ? ci(r.ci95) : r.intervalNote ?? '–'}</td>
                  <td class="num">{r.outlets} / {r.documents} / {r.mentions}</td>
                </tr>
              )))}
            </tbody>
          </table>
        </ScrollBox>
      ))}
    </>
  );
}

export function ContrastsTable({ report }: { report: Report }) {
  const plan = report.contrastPlan;
  return (
    <>
      <p>
        {plan.tested} contrast{plan.tested === 1 ? '' : 's'} tested, {plan.notTested} not testable (reason given for each); permutation tests with {plan.permutations} deals
        (all of them when there are fewer), {plan.correction === 'bh' ? 'Benjamini–Hochberg' : plan.correction} correction over what was tested. Outlet pairs permute documents; groups permute outlets.
      </p>
      {plan.skipped.length ? <ul>{plan.skipped.map((s) => <li>Not attempted: {s.what} ({s.count}): {s.reason}</li>)}</ul> : ''}
      {report.contrasts.length ? (
        <ScrollBox label="Contrasts (table)">
          <table class="data">
            <thead><tr><th scope="col">Kind</th><th scope="col">Referent</th><th scope="col">A</th><th scope="col">B</th><th scope="col" class="num">Effect (A − B)</th><th scope="col">95% interval</th><th scope="col" class="num">p</th><th scope="col" class="num">p (adj.)</th><th scope="col">Result</th></tr></thead>
            <tbody>
              {report.contrasts.map((c) => (
                <tr>
                  <td>{c.kind}</td><td>{c.referent}</td><td>{c.a.name}</td><td>{c.b.name}</td>
                  <td class="num">{fmtSigned(c.effect.value)}</td><td>{c.effect.ci95 ? ci(c.effect.ci95) : c.effect.note ?? '–'}</td>
                  <td class="num">{fmtNumber(c.p, 3)}</td><td class="num">{fmtNumber(c.pAdjusted, 3)}</td>
                  <td>{c.tested ? (c.significant ? 'significant' : 'not significant') : `not tested: ${c.reason ?? ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : ''}
    </>
  );
}

export function TimelineTable({ report }: { report: Report }) {
  const t = report.timeline;
  if (!t) return '';
  return (
    <ScrollBox label={`Stance per ${t.by} (table)`}>
      <table class="data">
        <caption>Stance per {t.by} (intervals only from 3 documents up){t.undated ? `; ${t.undated} undated documents are in no ${t.by}` : ''}.</caption>
        <thead><tr><th scope="col">Series</th><th scope="col">{t.by === 'week' ? 'Week of' : 'Month'}</th><th scope="col" class="num">Documents</th><th scope="col">Referent</th><th scope="col" class="num">Stance</th><th scope="col">95% interval</th></tr></thead>
        <tbody>
          {t.series.flatMap((s) => s.cells.flatMap((c) => Object.entries(c.referents).map(([ref, r]) => (
            <tr>
              <th scope="row">{s.kind === 'group' ? `${s.grouping}: ${s.name}` : s.name}</th><td>{c.bin}</td><td class="num">{c.documents}</td><td>{ref}</td>
              <td class="num">{fmtSigned(r.stance)}</td><td>{ci(r.ci95)}</td>
            </tr>
          ))))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Category dictionaries: rate per 1,000 words per outlet and group (counted apart from the framing lexicon). */
export function DictionariesTables({ report }: { report: Report }) {
  return (
    <>
      {report.dictionaries.map((d) => {
        const rows = [
          ...Object.entries(d.outlets).map(([name, t]) => ({ name, t })),
          ...Object.entries(d.groups).flatMap(([g, groups]) => Object.entries(groups).map(([name, t]) => ({ name: `${g}: ${name}`, t }))),
        ];
        return (
          <ScrollBox label={`${d.file.replace(/^.*[\\/]/, '')} per 1,000 words (table)`}>
            <table class="data">
              <caption>{d.file.replace(/^.*[\\/]/, '')} ({d.format}, counted as {d.semantics} counts): per 1,000 words</caption>
              <thead><tr><th scope="col">Outlet or group</th><th scope="col" class="num">Documents</th><th scope="col" class="num">Words</th>{d.categories.map((c) => <th scope="col" class="num">{c}</th>)}</tr></thead>
              <tbody>
                {rows.map(({ name, t }) => (
                  <tr><th scope="row">{name}</th><td class="num">{t.documents}</td><td class="num">{t.words}</td>{d.categories.map((c) => <td class="num">{fmtNumber(t.categories[c]?.per1000)}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        );
      })}
    </>
  );
}
