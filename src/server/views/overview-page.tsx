/**
 * Overview: the corpus at a glance, built to stay readable at fifty outlets and more. The biggest differences come
 * first; then one referent at a time, an interval dot plot that is also a sortable, filterable table (server-side
 * through query parameters, live with /assets/overview.js); the most divergent pairs and a clustered heat map; and
 * short lists that link to their full pages. Every number links to the hits or documents behind it.
 */
import { raw } from 'hono/html';
import { cached, type AppState } from '../state.js';
import { eventsOf } from '../events.js';
import { fmtInt, fmtNumber, fmtSigned } from '../../report/format.js';
import { labelName } from '../../report/views/names.js';
import { CorpusSummary, SkippedTable } from '../../report/views/report-tables.js';
import { HeatmapSvg, IntervalAxis, IntervalDot, TimeSparkline } from '../../report/views/plots.js';
import {
  allStanceRows, biggestDifferences, reportTimeline, timeChartData, timeRows, clusteredHeatmap, keynessSummary, namedReferents, outletGroups, queryParams, selectStanceRows, STANCE_ROWS,
  topPairs, type OverviewQuery, type StanceRow, type StanceSort,
} from '../overview-model.js';
import { pageOf } from '../paging.js';
import { Layout } from './layout.js';
import { OrderField, Pager } from './pager.js';
import { hitsHref } from './hits-page.js';

/** Rows of the short lists on the Overview; each links to its full, paged list. */
export const OVERVIEW_ROWS = { events: 8, documents: 8, pairs: 10, keyness: 10, skipped: 20 };

const href = (params: Array<[string, string]>, anchor = ''): string => {
  const q = new URLSearchParams(params).toString();
  return `/${q ? `?${q}` : ''}${anchor}`;
};

/**
 * A part of the page that does not depend on the filter, sort or page of the stance table, rendered once per corpus
 * version (and key) and kept as HTML: changing the table's filter re-renders the table alone, not the clustered heat
 * map, the biggest differences or the lists around it.
 */
function CachedPart({ state, id, render }: { state: AppState; id: string; render: () => unknown }) {
  const html = cached(state, `overview-fragment\0${id}`, () => {
    const out = (render() as { toString(): string | Promise<string> }).toString();
    // Every part is synchronous; a promise here would be a component that awaits, which these never do.
    if (typeof out !== 'string') throw new Error(`the Overview part "${id}" rendered asynchronously`);
    return out;
  });
  return raw(html);
}

const compareHref = (outlets: string[]): string => `/compare?${new URLSearchParams(outlets.map((o) => ['outlets', o])).toString()}`;

function CsvLink({ table, children }: { table: string; children: string }) {
  return <a class="csv-link" href={`/api/report?format=csv&table=${table}`} download>{children}</a>;
}

function Differences({ state }: { state: AppState }) {
  const diffs = biggestDifferences(state.report);
  if (diffs.length === 0) return <p>No referent is named in their own voice by two or more outlets yet.</p>;
  const labels = (r: StanceRow) => r.topLabels.map((l) => labelName(l.id, state.compiled)).map((n) => `“${n}”`).join(', ');
  return (
    <ol class="differences">
      {diffs.map((d) => (
        <li>
          <strong><a href={href([['referent', d.referent.id]], '#stance')}>{d.referent.label}</a></strong>: a gap of {fmtNumber(d.gap)}{' '}
          between <span class="end">{d.low.outlet} (<a href={hitsHref({ outlet: d.low.outlet, referent: d.referent.id, adopted: true })} aria-label={`${fmtSigned(d.low.stance)}: the hits of ${d.low.outlet} for ${d.referent.label}`}>{fmtSigned(d.low.stance)}</a>{labels(d.low) ? `, mostly ${labels(d.low)}` : ''})</span>{' '}
          and <span class="end">{d.high.outlet} (<a href={hitsHref({ outlet: d.high.outlet, referent: d.referent.id, adopted: true })} aria-label={`${fmtSigned(d.high.stance)}: the hits of ${d.high.outlet} for ${d.referent.label}`}>{fmtSigned(d.high.stance)}</a>{labels(d.high) ? `, mostly ${labels(d.high)}` : ''})</span>.{' '}
          <a href={compareHref([d.low.outlet, d.high.outlet])}>Compare their texts</a>
          {d.smallSample ? <> <span class="flag-small">⚠ small samples</span></> : ''}
        </li>
      ))}
    </ol>
  );
}

const SORT_NAMES: Record<StanceSort, string> = { stance: 'stance', outlet: 'outlet', group: 'group', documents: 'documents', mentions: 'mentions', width: 'interval width' };

function SortHeader({ q, sort, children, num }: { q: OverviewQuery; sort: StanceSort; children: string; num?: boolean }) {
  const active = q.sort === sort;
  const next = active ? (q.dir === 'asc' ? 'desc' : 'asc') : sort === 'documents' || sort === 'mentions' ? 'desc' : 'asc';
  return (
    <th scope="col" class={num ? 'num' : undefined} aria-sort={active ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined} data-sort={sort}>
      <a href={href(queryParams(q, { sort, dir: next, page: 1 }), '#stance')}>{children}{active ? (q.dir === 'asc' ? ' ▲' : ' ▼') : ''}</a>
    </th>
  );
}

function StanceFilter({ state, q, referent, groups }: { state: AppState; q: OverviewQuery; referent: string; groups: string[] }) {
  const referents = namedReferents(state.report);
  return (
    <form method="get" action="/#stance" class="filters no-print" id="stance-filter">
      <div class="field">
        <label for="f-referent">Referent</label>
        <select id="f-referent" name="referent">
          {referents.map((r) => <option value={r.id} selected={r.id === referent}>{r.label} ({fmtInt(r.mentions)})</option>)}
        </select>
      </div>
      <div class="field">
        <label for="f-outlet">Outlet name contains</label>
        <input id="f-outlet" name="outlet" type="search" value={q.outlet ?? ''} maxlength={300} autocomplete="off" />
      </div>
      {groups.length ? (
        <div class="field">
          <label for="f-group">Group</label>
          <select id="f-group" name="group">
            <option value="">all groups</option>
            {groups.map((g) => <option value={g} selected={g === q.group}>{g}</option>)}
          </select>
        </div>
      ) : ''}
      <div class="field">
        <label for="f-min">At least … documents</label>
        <input id="f-min" name="min" type="number" min={0} step={1} value={String(q.minDocs)} />
      </div>
      <div class="field">
        <label for="f-sort">Sort by</label>
        <select id="f-sort" name="sort">
          {(Object.keys(SORT_NAMES) as StanceSort[]).filter((s) => s !== 'group' || groups.length).map((s) => <option value={s} selected={s === q.sort}>{SORT_NAMES[s]}</option>)}
        </select>
      </div>
      <OrderField id="f-dir" dir={q.dir} />
      <button type="submit">Apply</button>
    </form>
  );
}

function StanceSection({ state, q }: { state: AppState; q: OverviewQuery }) {
  const { report } = state;
  const referents = namedReferents(report);
  if (referents.length === 0) return <p>No referent of the lexicon is named in this corpus.</p>;
  const referent = referents.find((r) => r.id === q.referent) ?? referents[0];
  const groupMap = outletGroups(report);
  const groups = [...new Set(groupMap.values())].sort();
  const all = allStanceRows(report, referent.id);
  const rows = selectStanceRows(all, q);
  const page = Math.min(q.page, Math.max(1, Math.ceil(rows.length / STANCE_ROWS)));
  const { items, info } = pageOf(rows, page, STANCE_ROWS);
  const grouped = groups.length > 0 && q.sort === 'group';
  let lastGroup: string | undefined | null = null;
  const cols = groups.length ? 7 : 6;
  return (
    <>
      <nav class="referent-tabs no-print" aria-label="Referents">
        <ul>
          {referents.map((r) => <li><a href={href(queryParams(q, { referent: r.id, page: 1 }), '#stance')} aria-current={r.id === referent.id ? 'true' : undefined}>{r.label}</a></li>)}
        </ul>
      </nav>
      <StanceFilter state={state} q={q} referent={referent.id} groups={groups} />
      <p class="explain">
        {referent.label}: each row is an outlet; the dot is its own-voice stance (−1 delegitimizing … +1 legitimizing), the line its
        95% interval. Hollow dots and ⚠ mark small samples. {rows.length === all.length ? `${fmtInt(all.length)} outlets name ${referent.label}.` : `${fmtInt(rows.length)} of ${fmtInt(all.length)} outlets match the filter.`}
      </p>
      {info.pages > 1 ? <Pager info={info} path="/" params={queryParams(q)} what="Outlets" /> : ''}
      <div class="table-scroll">
        <table class="data stance-rows" id="stance-table" data-complete={info.pages === 1 ? 'true' : undefined}>
          <caption>Stance toward {referent.label} per outlet; the numbers link to the hits behind them</caption>
          <thead>
            <tr>
              <SortHeader q={q} sort="outlet">Outlet</SortHeader>
              {groups.length ? <SortHeader q={q} sort="group">Group</SortHeader> : ''}
              <SortHeader q={q} sort="stance" num>Stance</SortHeader>
              <th scope="col" class="plot-col"><span class="visually-hidden">Interval plot</span><IntervalAxis /></th>
              <SortHeader q={q} sort="width">95% interval</SortHeader>
              <SortHeader q={q} sort="mentions" num>Mentions</SortHeader>
              <SortHeader q={q} sort="documents" num>Docs</SortHeader>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 ? <tr><td colspan={cols}>No outlet matches the filter.</td></tr> : ''}
            {items.map((r) => {
              const header = grouped && r.group !== lastGroup ? <tr class="group-row"><th scope="rowgroup" colspan={cols}>{r.group ?? 'no group'}</th></tr> : '';
              lastGroup = r.group;
              const hits = hitsHref({ outlet: r.outlet, referent: referent.id, adopted: true });
              return (
                <>
                  {header}
                  <tr class={r.smallSample ? 'small-sample' : undefined} data-outlet={r.outlet} data-stance={String(r.stance ?? '')} data-mentions={String(r.mentions)} data-documents={String(r.documents)} data-width={String(r.ci95 ? r.ci95[1] - r.ci95[0] : '')} data-group={r.group ?? ''}>
                    <th scope="row">{r.outlet}{r.smallSample ? <> <span class="flag-small" title="fewer documents or mentions than the small-sample threshold">⚠<span class="visually-hidden"> small sample</span></span></> : ''}</th>
                    {groups.length ? <td>{r.group ?? '—'}</td> : ''}
                    <td class="num">{r.stance === null ? <span title="only quoted, reported or distanced mentions">–</span> : <a href={hits}>{fmtSigned(r.stance)}</a>}</td>
                    <td class="plot-col"><IntervalDot stance={r.stance} ci95={r.ci95} smallSample={r.smallSample} /></td>
                    <td class="ci">{r.ci95 ? `${fmtSigned(r.ci95[0])} … ${fmtSigned(r.ci95[1])}` : '–'}</td>
                    <td class="num"><a href={hitsHref({ outlet: r.outlet, referent: referent.id })}>{fmtInt(r.mentions)}</a></td>
                    <td class="num"><a href={`/documents?${new URLSearchParams([['outlet', r.outlet]]).toString()}`}>{fmtInt(r.documents)}</a></td>
                  </tr>
                </>
              );
            })}
          </tbody>
        </table>
      </div>
      {info.pages > 1 ? <Pager info={info} path="/" params={queryParams(q)} what="Outlets" /> : ''}
      <CachedPart state={state} id={`time\0${referent.id}`} render={() => <TimeSection state={state} referent={referent} />} />
      <CachedPart state={state} id={`divergence\0${referent.id}`} render={() => <Divergence state={state} referent={referent} />} />
    </>
  );
}

/** Stance over time per group (or per outlet), when the report has a timeline; the table carries the numbers. */
function TimeSection({ state, referent }: { state: AppState; referent: { id: string; label: string } }) {
  const timeline = reportTimeline(state.report);
  if (!timeline || timeline.bins.length < 2) return null;
  const rows = timeRows(timeline, referent.id);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="time-title">
      <h2 id="time-title">{referent.label} over time</h2>
      <p class="explain">Own-voice stance per {timeline.by} ({timeline.bins[0]} to {timeline.bins[timeline.bins.length - 1]}){rows[0].kind === 'group' ? ', per outlet group' : `, for the ${rows.length} outlets that name it most`}; line up = more legitimizing. {timeline.undated ? `${fmtInt(timeline.undated)} undated documents are in no ${timeline.by}.` : ''}</p>
      {/* Drawn by /assets/time-chart.js with chart.js when script runs; without script it stays hidden and the table below carries everything. */}
      <figure class="time-chart-figure no-print" id="time-chart-figure" hidden>
        <div class="time-chart-box">
          <canvas id="time-chart" role="img" aria-label={`Line chart of stance toward ${referent.label} per ${timeline.by} for ${rows.length} ${rows[0].kind === 'group' ? 'outlet groups' : 'outlets'}, with 95% intervals; the table below lists every value.`}></canvas>
        </div>
        <figcaption>Dots are the stance per {timeline.by}, bars their 95% intervals where there are enough documents; choose a name in the legend to hide or show its line. The table below has every value.</figcaption>
      </figure>
      <div class="table-scroll" tabindex={0} role="region" aria-label={`Stance toward ${referent.label} per ${timeline.by} (the table scrolls sideways when it is wider than the screen)`}>
        <table class="data time-table">
          <caption>Stance toward {referent.label} per {timeline.by}; empty where a series does not name it; n = mentions</caption>
          <thead><tr><th scope="col">{rows[0].kind === 'group' ? 'Group' : 'Outlet'}</th><th scope="col"><span class="visually-hidden">Trend</span></th>{timeline.bins.map((b) => <th scope="col" class="num">{b}</th>)}</tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{r.name}</th>
                <td><TimeSparkline points={r.points} /></td>
                {r.points.map((p) => <td class="num">{p ? <>{fmtSigned(p.stance)}<span class="n"> n={p.mentions}</span></> : ''}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Divergence({ state, referent }: { state: AppState; referent: { id: string; label: string } }) {
  const pairs = topPairs(state.report, referent.id, OVERVIEW_ROWS.pairs);
  const heat = clusteredHeatmap(state.report, referent.id);
  return (
    <section aria-labelledby="divergence-title">
      <h2 id="divergence-title">Who labels {referent.label} most differently</h2>
      {pairs.length === 0 ? <p>Divergence needs two outlets that both name {referent.label}.</p> : (
        <div class="divergence">
          <div class="table-scroll">
            <table class="data">
              <caption>The {pairs.length} most different pairs: Jensen–Shannon divergence of label choice (0 = same labels in the same shares, 1 = none in common)</caption>
              <thead><tr><th scope="col">Outlets</th><th scope="col" class="num">Divergence</th></tr></thead>
              <tbody>
                {pairs.map((p) => (
                  <tr>
                    <th scope="row">{p.a} · {p.b}</th>
                    <td class="num"><a href={compareHref([p.a, p.b])} aria-label={`${fmtNumber(p.value)}: compare ${p.a} and ${p.b}`}>{fmtNumber(p.value)}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {heat ? (
            <figure class="heatmap-figure">
              <div class="table-scroll" tabindex={0} role="region" aria-label={`Heat map for ${referent.label} (scrolls sideways on narrow screens)`}>
                <HeatmapSvg outlets={heat.outlets} values={heat.values} label={`Heat map of label-choice divergence between ${heat.outlets.length} outlets for ${referent.label}, similar outlets next to each other; the table beside it lists the most different pairs.`} />
              </div>
              <figcaption>
                Every pair, similar outlets clustered together; darker = more different (hover for values).
                {heat.omitted ? ` The ${fmtInt(heat.omitted)} outlets with fewest mentions are left out.` : ''}{' '}
                <CsvLink table="divergence">All values (CSV)</CsvLink>
              </figcaption>
            </figure>
          ) : ''}
        </div>
      )}
    </section>
  );
}

function Keyness({ state, q }: { state: AppState; q: OverviewQuery }) {
  const rows = keynessSummary(state.report, state.compiled);
  if (rows.length === 0) return <p>No outlet uses a label significantly more than the others.</p>;
  const shown = q.allKeyness ? rows : rows.slice(0, OVERVIEW_ROWS.keyness);
  return (
    <>
      <div class="table-scroll">
        <table class="data">
          <caption>Labels an outlet uses significantly more than the rest (log-likelihood, adjusted p &lt; 0.05); count links to the hits</caption>
          <thead><tr><th scope="col">Outlet</th><th scope="col">Labels typical of it</th></tr></thead>
          <tbody>
            {shown.map((k) => (
              <tr>
                <th scope="row">{k.outlet}</th>
                <td>{k.labels.map((l, i) => <>{i ? '; ' : ''}{l.name} <a href={hitsHref({ outlet: k.outlet, label: l.id })} aria-label={`${l.here} hits of ${l.name} in ${k.outlet}`}>×{l.here}</a></>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length ? <p class="more"><a href={href(queryParams(q, { allKeyness: true }), '#keyness-title')}>Show all {fmtInt(rows.length)} outlets</a></p> : ''}
    </>
  );
}

function Lists({ state }: { state: AppState }) {
  const { report } = state;
  const all = eventsOf(state);
  const multi = all.multi;
  const events = [...multi].sort((a, b) => b.outlets.length - a.outlets.length || b.documents.length - a.documents.length).slice(0, OVERVIEW_ROWS.events);
  const d = report.duplicates;
  return (
    <>
      <section aria-labelledby="events-title">
        <h2 id="events-title">Events covered by several outlets</h2>
        {events.length === 0 ? <p>No event is covered by two or more outlets.</p> : (
          <ul class="event-list">
            {events.map((e) => (
              <li>
                <a href={`/compare?${new URLSearchParams([['event', e.id]]).toString()}`}>{e.label}</a>{' '}
                <span class="small">{e.dateRange ? (e.dateRange[0] === e.dateRange[1] ? e.dateRange[0] : `${e.dateRange[0]} – ${e.dateRange[1]}`) : 'undated'} · {e.outlets.length} outlets · {e.documents.length} documents</span>
              </li>
            ))}
          </ul>
        )}
        <p class="more"><a href="/events">All {fmtInt(all.count)} events</a> ({fmtInt(multi.length)} with several outlets)</p>
      </section>
      <section aria-labelledby="docs-title">
        <h2 id="docs-title">Documents and duplicates</h2>
        <p>
          <a href="/documents">{fmtInt(report.documents.length)} documents</a> (sortable, searchable);{' '}
          <a href="/duplicates">{fmtInt(d.pairCount ?? d.pairs.length)} near-duplicate pairs</a>, {fmtInt(d.excluded.length)} copies excluded (policy {d.policy});{' '}
          {fmtInt(report.corpus.skipped.length)} inputs skipped.
        </p>
        {report.corpus.skipped.length ? (
          <details>
            <summary>Skipped inputs and why</summary>
            <SkippedTable report={report} skipped={report.corpus.skipped.slice(0, OVERVIEW_ROWS.skipped)} />
            {report.corpus.skipped.length > OVERVIEW_ROWS.skipped
              ? <p class="more">{fmtInt(report.corpus.skipped.length - OVERVIEW_ROWS.skipped)} more skipped inputs are in the CSV below.</p> : ''}
          </details>
        ) : ''}
      </section>
    </>
  );
}

/**
 * Points to the category rates when a dictionary is counted; when every framing label weighs 0 (a dictionary imported
 * as a lexicon), says why stance is flat and where the figures to compare are.
 */
function CategoryNote({ state }: { state: AppState }) {
  const labels = state.compiled.lexicon.entries.filter((e) => e.kind === 'label');
  const flat = labels.length > 0 && labels.every((l) => l.kind === 'label' && l.weight === 0);
  const counted = (state.report.dictionaries?.length ?? 0) > 0;
  if (!flat && !counted) return null;
  if (!flat) return <p class="note">Category dictionaries are counted too: <a href="/categories">their rates per 1,000 words per outlet and group</a>.</p>;
  return (
    <p class="note">
      <strong>Every label of this lexicon weighs 0</strong>, so every stance below is 0.{' '}
      {counted
        ? <>Compare <a href="/categories">the category rates per 1,000 words per outlet and group</a> instead.</>
        : <>To compare outlets by a dictionary's categories, give the dictionary itself as a category dictionary (<code>framelens serve my-articles/ --lexicon my.dic</code>); its rates then appear on <a href="/categories">Categories</a>.</>}
    </p>
  );
}

/** The referent the stance section shows (the query's, else the most mentioned). */
function shownReferent(state: AppState, q: OverviewQuery): { id: string; label: string } | undefined {
  const referents = namedReferents(state.report);
  return referents.find((r) => r.id === q.referent) ?? referents[0];
}

export function OverviewPage({ state, q }: { state: AppState; q: OverviewQuery }) {
  const { report } = state;
  const low = report.outlets.filter((o) => o.evidence === 'low').length;
  const timeline = reportTimeline(report);
  const referent = shownReferent(state, q);
  const chart = timeline && referent ? timeChartData(timeline, referent) : null;
  // chart.js (200 KB) is loaded only when there is a time chart to draw, from this server like every script.
  const scripts = [{ src: '/assets/overview.js', module: true }, ...(chart ? [{ src: '/assets/chart.umd.js' }, { src: '/assets/time-chart.js' }] : [])];
  return (
    <Layout title="Overview" nav="overview" scripts={scripts} data={chart ? { 'time-data': chart } : undefined}>
      <h1>Corpus overview</h1>
      <CorpusSummary report={report} />
      <CategoryNote state={state} />
      {low ? (
        <p class="warning">
          <strong>Small samples.</strong> {fmtInt(low)} of {fmtInt(report.outlets.length)} outlets have fewer than {report.settings.smallSample.documents} documents;
          their rows are marked ⚠ and their intervals are wide. Read them as descriptions of these texts, not of the outlets in general.
        </p>
      ) : ''}
      {state.reportBehind ? <p class="note">The statistics below are being recomputed to include {state.reportBehind} text(s) just added; reload in a moment.</p> : ''}
      {state.sessionAdded.size ? <p class="note">{state.sessionAdded.size} text(s) added in this session are included (kept in memory only).</p> : ''}

      <section aria-labelledby="diff-title">
        <h2 id="diff-title">The biggest differences</h2>
        <p class="explain">Per referent, the two outlets furthest apart in how they name it in their own voice, and the labels behind each end.</p>
        <CachedPart state={state} id="differences" render={() => <Differences state={state} />} />
      </section>

      <section aria-labelledby="stance-title" id="stance">
        <h2 id="stance-title">Stance per outlet</h2>
        <StanceSection state={state} q={q} />
      </section>

      <section aria-labelledby="keyness-title">
        <h2 id="keyness-title">Labels typical of each outlet</h2>
        <Keyness state={state} q={q} />
      </section>

      <CachedPart state={state} id="lists" render={() => <Lists state={state} />} />

      <section aria-labelledby="downloads-title" class="no-print">
        <h2 id="downloads-title">Downloads</h2>
        <ul class="downloads-list">
          <li><CsvLink table="referents">Stance (CSV)</CsvLink></li>
          <li><CsvLink table="labels">Label counts and shares (CSV)</CsvLink></li>
          <li><CsvLink table="stance-tests">Stance tests (CSV)</CsvLink></li>
          <li><CsvLink table="divergence">Divergence (CSV)</CsvLink></li>
          <li><CsvLink table="outlets">Outlets (CSV)</CsvLink></li>
          <li><CsvLink table="keyness">Keyness (CSV)</CsvLink></li>
          <li><CsvLink table="events">Events (CSV)</CsvLink></li>
          <li><CsvLink table="hits">Every hit with offsets (CSV)</CsvLink></li>
          <li><CsvLink table="skipped">Skipped inputs (CSV)</CsvLink></li>
          <li><a href="/api/report">The whole report (JSON)</a></li>
        </ul>
      </section>
    </Layout>
  );
}
