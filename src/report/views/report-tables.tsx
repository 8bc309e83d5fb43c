/**
 * Tables of the report, shared by the Overview page and the static HTML report (src/report/html.ts). Every value is
 * a JSX text child or attribute, so hono escapes it. `links` adds links into the running server (off in files).
 */
import type { Child } from 'hono/jsx';
import type { Report } from '../build.js';
import { fmtCi, fmtInt, fmtNumber, fmtPercent, fmtSigned, heatClass, stanceClass } from '../format.js';

interface TableProps {
  report: Report;
  links?: boolean;
}

const referentName = (report: Report, id: string): string => report.referents.find((r) => r.id === id)?.label ?? id;

/**
 * A table's own horizontal scroll box: a table wider than the screen scrolls here, never the page (400 px phones).
 * Focusable and named, so that a keyboard can scroll it and a screen reader says what it holds.
 */
export function ScrollBox({ label, children }: { label: string; children?: Child }) {
  return <div class="table-scroll" tabindex={0} role="region" aria-label={label}>{children}</div>;
}

export function SmallSampleFlag(props: { title?: string }) {
  return <span class="flag-small" title={props.title ?? 'small sample: read with care'}>⚠ small sample</span>;
}

export function CorpusSummary({ report }: TableProps) {
  const c = report.corpus;
  return (
    <dl class="summary">
      <div><dt>Outlets</dt><dd>{fmtInt(c.outlets)}</dd></div>
      <div><dt>Documents</dt><dd>{fmtInt(c.documents)}</dd></div>
      <div><dt>Words</dt><dd>{fmtInt(c.words)}</dd></div>
      <div><dt>Skipped</dt><dd>{fmtInt(c.skipped.length)}</dd></div>
      <div><dt>Excluded copies</dt><dd>{fmtInt(c.excluded)}</dd></div>
    </dl>
  );
}

export function OutletsTable({ report }: TableProps) {
  const categories = [...new Set(report.outlets.flatMap((o) => Object.keys(o.categories)))].sort();
  return (
    <ScrollBox label="Outlets (table)">
    <table class="data">
      <caption>Outlets: documents, words and labels per 1,000 words (all voices)</caption>
      <thead>
        <tr>
          <th scope="col">Outlet</th><th scope="col" class="num">Documents</th><th scope="col" class="num">Words</th>
          <th scope="col">Evidence</th><th scope="col" class="num">Quoted share</th>
          {categories.map((c) => <th scope="col" class="num">{c} /1k</th>)}
        </tr>
      </thead>
      <tbody>
        {report.outlets.map((o) => (
          <tr>
            <th scope="row">{o.outlet}</th>
            <td class="num">{fmtInt(o.documents)}</td>
            <td class="num">{fmtInt(o.words)}</td>
            <td>{o.evidence === 'low' ? <SmallSampleFlag title={`fewer than ${report.settings.smallSample.documents} documents`} /> : 'ok'}</td>
            <td class="num">{fmtPercent(o.quotedShare)}</td>
            {categories.map((c) => <td class="num">{fmtNumber(o.categories[c]?.per1k ?? 0)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollBox>
  );
}

/** Referent rows × outlet columns: stance with its 95% interval, mentions and documents. */
export function StanceTable({ report }: TableProps) {
  const referents = report.referents.filter((r) => report.outlets.some((o) => o.referents[r.id]));
  return (
    <ScrollBox label="Stance per referent and outlet (table)">
    <table class="data stance-table">
      <caption>
        Stance per referent and outlet ({report.settings.voices.join(' + ')} voice): mean label weight scaled to −1 … +1,
        with a 95% bootstrap interval over documents; n = mentions
      </caption>
      <thead>
        <tr><th scope="col">Referent</th>{report.outlets.map((o) => <th scope="col">{o.outlet}</th>)}</tr>
      </thead>
      <tbody>
        {referents.map((r) => (
          <tr>
            <th scope="row">{r.label}</th>
            {report.outlets.map((o) => {
              const s = o.referents[r.id];
              if (!s || s.mentions === 0) return <td class="empty">–</td>;
              return (
                <td class={`stance-cell ${s.stance === null ? '' : stanceClass(s.stance * 2)}`}>
                  <span class="stance-value">{fmtSigned(s.stance)}</span>{' '}
                  <span class="ci">{fmtCi(s.ci95)}</span>
                  <span class="n">
                    n = {s.mentions}, {s.documents} doc{s.documents === 1 ? '' : 's'}
                    {s.smallSample ? <> <SmallSampleFlag title={`fewer than ${report.settings.smallSample.documents} documents or ${report.settings.smallSample.mentions} mentions`} /></> : ''}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollBox>
  );
}

/** For one referent: which labels each outlet used, with counts and shares. */
export function LabelShareTable({ report, referent }: TableProps & { referent: string }) {
  const labels = [...new Set(report.outlets.flatMap((o) => Object.keys(o.referents[referent]?.labels ?? {})))].sort();
  if (labels.length === 0) return <p>No labels for this referent.</p>;
  return (
    <ScrollBox label={`${referentName(report, referent)}: labels by outlet (table)`}>
    <table class="data">
      <caption>{referentName(report, referent)}: labels by outlet, count (share of mentions)</caption>
      <thead><tr><th scope="col">Label</th>{report.outlets.map((o) => <th scope="col" class="num">{o.outlet}</th>)}</tr></thead>
      <tbody>
        {labels.map((l) => (
          <tr>
            <th scope="row"><code>{l}</code></th>
            {report.outlets.map((o) => {
              const v = o.referents[referent]?.labels[l];
              return <td class="num">{v ? `${v.count} (${fmtPercent(v.share)})` : '–'}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollBox>
  );
}

/** Jensen–Shannon divergence between outlets' label distributions for one referent, as a heat-map table. */
export function DivergenceTable({ report, referent }: TableProps & { referent: string }) {
  const m = report.divergence[referent];
  if (!m) return null;
  return (
    <ScrollBox label={`${referentName(report, referent)}: divergence between outlets (table)`}>
    <table class="data heatmap">
      <caption>{referentName(report, referent)}: divergence of label choice (Jensen–Shannon, 0 = same labels in the same shares, 1 = no label in common)</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">Outlet</span></th>{m.outlets.map((o) => <th scope="col">{o}</th>)}</tr></thead>
      <tbody>
        {m.outlets.map((a, i) => (
          <tr>
            <th scope="row">{a}</th>
            {m.outlets.map((_, j) => <td class={`num ${i === j ? 'heat-self' : heatClass(m.matrix[i][j])}`}>{i === j ? '·' : fmtNumber(m.matrix[i][j])}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollBox>
  );
}

/** Per referent, every pair of outlets: is the difference in stance more than chance? (permutation test) */
export function StanceTestsTable({ report }: TableProps) {
  const rows = Object.entries(report.stanceTests).flatMap(([ref, tests]) => tests.map((t) => ({ ref, ...t })));
  if (rows.length === 0) {
    // Say the actual reason (too many outlets for all pairs, or no pair with mentions on both sides), never a guess.
    const skipped = report.contrastPlan?.skipped.find((s) => s.what === 'outlet pairs');
    return <p>{skipped ? `Outlet pairs were not tested: ${skipped.reason}.` : 'Stance tests need two outlets that both name a referent in their own voice.'}</p>;
  }
  return (
    <ScrollBox label="Stance tests (table)">
    <table class="data">
      <caption>Difference in own-voice stance between two outlets; p from a permutation test over documents (1000 deals, seeded), Benjamini–Hochberg adjusted per referent. With one document per outlet no difference can be significant.</caption>
      <thead><tr><th scope="col">Referent</th><th scope="col">Outlet A</th><th scope="col">Outlet B</th><th scope="col" class="num">Stance A − B</th><th scope="col" class="num">p</th><th scope="col" class="num">p (adj.)</th><th scope="col">Significant</th></tr></thead>
      <tbody>
        {rows.map((t) => (
          <tr>
            <th scope="row">{referentName(report, t.ref)}</th>
            <td>{t.a}</td><td>{t.b}</td>
            <td class="num">{fmtSigned(t.difference)}</td>
            <td class="num">{fmtNumber(t.p, 3)}</td>
            <td class="num">{fmtNumber(t.pAdjusted, 3)}</td>
            <td>{t.significant ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollBox>
  );
}

export function KeynessTables({ report }: TableProps) {
  const groups = Object.entries(report.keyness.labels.eachAgainstRest);
  if (groups.length === 0) return <p>Keyness needs at least two outlets.</p>;
  return (
    <>
      {groups.map(([outlet, rows]) => {
        const shown = rows.filter((r) => r.direction === 'over').slice(0, 10);
        return (
          <ScrollBox label={`${outlet}: labels typical of it (table)`}>
          <table class="data">
            <caption>{outlet}: labels used more than by the other outlets (log-likelihood G², Benjamini–Hochberg adjusted p)</caption>
            <thead><tr><th scope="col">Label</th><th scope="col" class="num">Here</th><th scope="col" class="num">Others</th><th scope="col" class="num">G²</th><th scope="col" class="num">log₂ ratio</th><th scope="col" class="num">p (adj.)</th><th scope="col">Significant</th></tr></thead>
            <tbody>
              {shown.length === 0 ? <tr><td colspan={7}>No label occurs at least {report.settings.minFrequency} times more here than elsewhere.</td></tr> : shown.map((r) => (
                <tr>
                  <th scope="row"><code>{r.term}</code></th>
                  <td class="num">{r.targetCount}</td><td class="num">{r.referenceCount}</td>
                  <td class="num">{fmtNumber(r.g2)}</td><td class="num">{fmtSigned(r.logRatio)}</td>
                  <td class="num">{r.pAdjusted < 0.001 ? '< 0.001' : fmtNumber(r.pAdjusted, 3)}</td>
                  <td>{r.significant ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollBox>
        );
      })}
    </>
  );
}

/** `events` is a page of the report's events (all of them by default). */
export function EventsTable({ report, links, events = report.events }: TableProps & { events?: Report['events'] }) {
  if (events.length === 0) return <p>No events found.</p>;
  return (
    <ScrollBox label="Events (table)">
    <table class="data">
      <caption>Events: documents about the same event (by metadata, shared places and dates)</caption>
      <thead><tr><th scope="col">Event</th><th scope="col">Dates</th><th scope="col">Outlets</th><th scope="col" class="num">Documents</th><th scope="col">Grouped by</th></tr></thead>
      <tbody>
        {events.map((e) => (
          <tr>
            <th scope="row">{links ? <a href={`/compare?${new URLSearchParams([['event', e.id]]).toString()}`}>{e.label}</a> : e.label}</th>
            <td>{e.dateRange ? (e.dateRange[0] === e.dateRange[1] ? e.dateRange[0] : `${e.dateRange[0]} – ${e.dateRange[1]}`) : 'undated'}</td>
            <td>{e.outlets.length > 6 ? `${e.outlets.slice(0, 6).join(', ')} and ${e.outlets.length - 6} more` : e.outlets.join(', ')}</td>
            <td class="num">{e.documents.length}</td>
            <td>{e.basis}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollBox>
  );
}

/** `documents` is a page of the report's documents; `hitCount` gives label hits when the report omits them. */
export function DocumentsTable({ report, links, documents = report.documents, hitCount }: TableProps & { documents?: Report['documents']; hitCount?: (id: string) => number | undefined }) {
  return (
    <ScrollBox label="Documents (table)">
    <table class="data">
      <caption>Documents</caption>
      <thead><tr><th scope="col">Title</th><th scope="col">Outlet</th><th scope="col">Date</th><th scope="col" class="num">Words</th><th scope="col" class="num">Label hits</th><th scope="col">Note</th></tr></thead>
      <tbody>
        {documents.map((d) => (
          <tr>
            <th scope="row">{links ? <a href={`/doc/${encodeURIComponent(d.id)}`}>{d.title ?? d.id}</a> : d.title ?? d.id}</th>
            <td>{d.outlet}</td>
            <td>{d.date ?? ''}</td>
            <td class="num">{fmtInt(d.words)}</td>
            <td class="num">{d.hits ? d.hits.length : hitCount?.(d.id) ?? '–'}</td>
            <td>{[d.excluded ?? '', ...(d.warnings ?? [])].filter(Boolean).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollBox>
  );
}

/** `pairs` is a page of the near-duplicate pairs (all the report lists, by default). */
export function DuplicatesTable({ report, links, pairs = report.duplicates.pairs }: TableProps & { pairs?: Report['duplicates']['pairs'] }) {
  const d = report.duplicates;
  const doc = (id: string) => (links ? <a href={`/doc/${encodeURIComponent(id)}`}>{id}</a> : id);
  // Reports before `detected` existed always looked for duplicates.
  if (d.detected === false) return <p>Near-duplicates were not looked for (policy: {d.policy}).</p>;
  if (d.pairs.length === 0) return <p>No near-duplicate documents (policy: {d.policy}).</p>;
  // A cluster of n copies makes n(n−1)/2 pairs: the report lists a capped number and says how many there are.
  const total = d.pairCount ?? d.pairs.length;
  const shown = total > d.pairs.length ? `; ${total} pairs in ${d.clusters.length} clusters, the first ${d.pairs.length} listed` : '';
  return (
    <ScrollBox label="Near-duplicate documents (table)">
    <table class="data">
      <caption>Near-duplicates (policy: {d.policy}){shown}; excluded copies do not count toward their outlet</caption>
      <thead><tr><th scope="col">Document</th><th scope="col">Outlet</th><th scope="col">Copy</th><th scope="col">Outlet</th><th scope="col" class="num">Containment</th><th scope="col" class="num">Jaccard</th></tr></thead>
      <tbody>
        {pairs.map((p) => (
          <tr><td>{doc(p.a)}</td><td>{p.outletA}</td><td>{doc(p.b)}</td><td>{p.outletB}</td><td class="num">{fmtNumber(p.containment)}</td><td class="num">{fmtNumber(p.jaccard)}</td></tr>
        ))}
      </tbody>
    </table>
    </ScrollBox>
  );
}

/** `skipped` is the part of the report's skipped inputs to list (all of them by default). */
export function SkippedTable({ report, skipped = report.corpus.skipped }: TableProps & { skipped?: Report['corpus']['skipped'] }) {
  if (skipped.length === 0) return <p>No documents were skipped.</p>;
  return (
    <ScrollBox label="Skipped inputs (table)">
    <table class="data">
      <caption>Skipped inputs and why</caption>
      <thead><tr><th scope="col">File</th><th scope="col">Line</th><th scope="col">Id</th><th scope="col">Reason</th></tr></thead>
      <tbody>
        {skipped.map((s) => <tr><td>{s.file}</td><td>{s.line ?? ''}</td><td>{s.id ?? ''}</td><td>{s.reason}</td></tr>)}
      </tbody>
    </table>
    </ScrollBox>
  );
}
