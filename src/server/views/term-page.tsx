/**
 * Term in context: every occurrence of a label id or a word, with its sentence, voice, referent and weight and a link
 * to the document; above it, counts and rates per outlet as a table (outlets without the term hidden unless asked).
 * For a label, the occurrences can be narrowed to one voice.
 */
import type { Voice } from '../../types.js';
import type { AppState } from '../state.js';
import { TERM_EXPORT_LINES, type TermResult } from '../term.js';
import type { HitLine } from '../hits-list.js';
import type { PageInfo } from '../paging.js';
import { fmtInt, fmtNumber, fmtSigned, stanceClass, VOICE_NAMES } from '../../report/format.js';
import { labelName } from '../../report/views/names.js';
import { Layout } from './layout.js';
import { Pager } from './pager.js';
import { hitsHref } from './hits-page.js';
import { escapeHtml } from './marks.js';
import { raw } from 'hono/html';

export interface TermOptions {
  zeros: boolean;
  voice?: Voice;
}

function OutletTable({ state, result, options }: { state: AppState; result: TermResult; options: TermOptions }) {
  const words = new Map(state.report.outlets.map((o) => [o.outlet, o.words]));
  const rows = result.byOutlet.filter((o) => options.zeros || o.count > 0)
    .map((o) => ({ ...o, per1k: (words.get(o.outlet) ?? 0) > 0 ? (o.count * 1000) / words.get(o.outlet)! : 0 }))
    .sort((a, b) => b.per1k - a.per1k || b.count - a.count || a.outlet.localeCompare(b.outlet));
  const hidden = result.byOutlet.filter((o) => o.count === 0).length;
  const params: Array<[string, string]> = [['q', result.term], ...(options.voice ? [['voice', options.voice] as [string, string]] : [])];
  const label = result.entry?.kind === 'label' ? result.entry.id : undefined;
  return (
    <>
      <div class="table-scroll">
        <table class="data term-outlets">
          <caption>“{result.term}” per outlet, every voice{result.totalExact ? '' : ' (so far: the total is still being read)'}; rate per 1,000 words of the outlet</caption>
          <thead><tr><th scope="col">Outlet</th><th scope="col" class="num">Occurrences</th><th scope="col" class="num">Per 1,000 words</th></tr></thead>
          <tbody>
            {rows.map((o) => (
              <tr>
                <th scope="row">{o.outlet}</th>
                <td class="num">{label && o.count ? <a href={hitsHref({ outlet: o.outlet, label })}>{fmtInt(o.count)}</a> : fmtInt(o.count)}</td>
                <td class="num">{fmtNumber(o.per1k)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden ? (
        <p class="more">
          {options.zeros
            ? <a href={`/term?${new URLSearchParams(params).toString()}`}>Hide the {fmtInt(hidden)} outlets without it</a>
            : <a href={`/term?${new URLSearchParams([...params, ['zeros', 'yes']]).toString()}`}>Show the {fmtInt(hidden)} outlets without it</a>}
        </p>
      ) : ''}
    </>
  );
}

/**
 * The occurrences as one HTML string: fifty lines of eight cells each were ~500 JSX elements, a fifth of a Term page's
 * CPU. Every text and attribute value is escaped as JSX escapes it (escapeHtml); tests compare it with the JSX it
 * replaced (tests/unit/reference-term-lines.tsx).
 */
export function linesTableHtml(state: AppState, term: string, lines: Array<TermResult['lines'][number] | HitLine>): string {
  const out: string[] = [
    '<div class="table-scroll"><table class="data kwic"><caption>“', escapeHtml(term), '” in context</caption>',
    '<thead><tr><th scope="col">Outlet</th><th scope="col" class="left">Before</th><th scope="col">Term</th><th scope="col">After</th><th scope="col">Voice</th><th scope="col">Label</th><th scope="col">Referent</th><th scope="col" class="num">Weight</th></tr></thead><tbody>',
  ];
  for (const l of lines) {
    const label = l.label ? `<a href="${escapeHtml(`/term?${new URLSearchParams([['q', l.label]]).toString()}`)}">${escapeHtml(labelName(l.label, state.compiled))}</a>` : '';
    const referent = l.referent ? state.compiled.referents.get(l.referent)?.label ?? l.referent : l.label ? 'from context, unresolved' : '';
    out.push(
      '<tr><td><a href="', escapeHtml(`/doc/${encodeURIComponent(l.documentId)}#m-${l.start}`), '">', escapeHtml(l.outlet), '</a></td>',
      '<td class="left">', escapeHtml(l.left), '</td>',
      '<td class="match"><mark class="', escapeHtml(l.weight === undefined ? 'plain' : `hit ${stanceClass(l.weight)} v-${l.voice}`), '">', escapeHtml(l.match), '</mark></td>',
      '<td>', escapeHtml(l.right), '</td>',
      '<td>', escapeHtml(VOICE_NAMES[l.voice]), '</td>',
      '<td>', label, '</td>',
      '<td>', escapeHtml(referent), '</td>',
      '<td class="num">', l.weight === undefined ? '' : escapeHtml(fmtSigned(l.weight, 0)), '</td></tr>',
    );
  }
  out.push('</tbody></table></div>');
  return out.join('');
}

function LinesTable({ state, term, lines }: { state: AppState; term: string; lines: Array<TermResult['lines'][number] | HitLine> }) {
  return raw(linesTableHtml(state, term, lines));
}

export function TermPage({ state, result, q, error, options = { zeros: false }, voiceLines }: {
  state: AppState; result?: TermResult; q?: string; error?: string; options?: TermOptions;
  /** A label's occurrences in one voice (replaces result.lines and its paging when the voice filter is set). */
  voiceLines?: { lines: HitLine[]; paging: PageInfo };
}) {
  const labelIds = [...state.labelUse.entries()].sort((a, b) => b[1].total - a[1].total).slice(0, 30).map(([id]) => id);
  const isLabel = result?.entry?.kind === 'label';
  const params: Array<[string, string]> = result ? [['q', result.term], ...(options.voice ? [['voice', options.voice] as [string, string]] : []), ...(options.zeros ? [['zeros', 'yes'] as [string, string]] : [])] : [];
  const lines = voiceLines?.lines ?? result?.lines ?? [];
  const paging = voiceLines?.paging ?? result?.paging;
  return (
    <Layout title={result ? `Term: ${result.term}` : 'Term in context'} nav="term">
      <h1>Term in context</h1>
      <form method="get" action="/term" class="filters no-print" role="search">
        <div class="field">
          <label for="q">Label id or word</label>
          <input id="q" name="q" type="search" value={q ?? ''} list="label-ids" maxlength={200} required />
          <datalist id="label-ids">{labelIds.map((id) => <option value={id}>{labelName(id, state.compiled)}</option>)}</datalist>
        </div>
        <div class="field">
          <label for="term-voice">Voice (labels only)</label>
          <select id="term-voice" name="voice">
            <option value="">every voice</option>
            {(['author', 'quoted', 'attributed'] as const).map((v) => <option value={v} selected={v === options.voice}>{VOICE_NAMES[v]}</option>)}
          </select>
        </div>
        <button type="submit">Show</button>
        <p class="hint">A label id from the lexicon (all its spellings), or any word or phrase; end a word with * for any ending (militia*).</p>
      </form>
      {error ? <p class="error" role="alert">{error}</p> : ''}
      {result ? (
        <>
          {result.entry?.kind === 'label' ? (
            <p class="entry-note">
              <strong>{labelName(result.entry.id, state.compiled)}</strong> (<code>{result.entry.id}</code>): weight {fmtSigned(result.entry.weight, 1)}, {result.entry.category}
              {result.entry.referent ? `, names ${state.compiled.referents.get(result.entry.referent)?.label ?? result.entry.referent}` : ''}.
              {result.entry.rationale ? ` ${result.entry.rationale}` : ''}
            </p>
          ) : ''}
          {options.voice && !isLabel ? <p class="note">The voice filter applies to label ids; for a word every occurrence is listed with its voice.</p> : ''}
          <p>
            {result.totalExact ? '' : 'At least '}{fmtInt(result.total)} occurrence{result.total === 1 ? '' : 's'}
            {result.totalExact ? '' : ` (${fmtInt(result.unread)} more documents hold all its words and are read as you page on)`}.{' '}
            <a class="csv-link no-print" href={`/api/term?${new URLSearchParams([['q', result.term], ['format', 'csv']]).toString()}`} download>CSV</a>
            {result.total > TERM_EXPORT_LINES ? ` (the first ${TERM_EXPORT_LINES.toLocaleString('en-US')})` : ''}
          </p>
          <OutletTable state={state} result={result} options={options} />
          {voiceLines ? <h2>In {VOICE_NAMES[options.voice!]}: {fmtInt(voiceLines.paging.total)}</h2> : <h2>Occurrences</h2>}
          {paging ? <Pager info={paging} path="/term" params={params} what="Occurrences" /> : ''}
          {lines.length ? <LinesTable state={state} term={result.term} lines={lines} /> : <p>No occurrences{voiceLines ? ' in this voice' : ''} in this corpus.</p>}
          {paging && paging.pages > 1 ? <Pager info={paging} path="/term" params={params} what="Occurrences" /> : ''}
        </>
      ) : ''}
    </Layout>
  );
}
