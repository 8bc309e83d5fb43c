/** Term in context: every occurrence of a label id or a word, with its sentence, voice and a link to the document. */
import type { AppState } from '../state.js';
import { TERM_EXPORT_LINES, type TermResult } from '../term.js';
import { fmtSigned, stanceClass, VOICE_NAMES } from '../../report/format.js';
import { Layout } from './layout.js';
import { Pager } from './pager.js';

export function TermPage({ state, result, q, error }: { state: AppState; result?: TermResult; q?: string; error?: string }) {
  const labelIds = [...state.labelUse.entries()].sort((a, b) => b[1].total - a[1].total).slice(0, 30).map(([id]) => id);
  return (
    <Layout title={result ? `Term: ${result.term}` : 'Term in context'} nav="term">
      <h1>Term in context</h1>
      <form method="get" action="/term" class="inline-form no-print" role="search">
        <label for="q">Label id or word</label>{' '}
        <input id="q" name="q" type="search" value={q ?? ''} list="label-ids" maxlength={200} required />{' '}
        <datalist id="label-ids">{labelIds.map((id) => <option value={id}></option>)}</datalist>
        <button type="submit">Show</button>
        <p class="hint">A label id from the lexicon (all its spellings), or any word or phrase; end a word with * for any ending (militia*).</p>
      </form>
      {error ? <p class="error" role="alert">{error}</p> : ''}
      {result ? (
        <>
          {result.entry?.kind === 'label' ? (
            <p class="entry-note">
              <code>{result.entry.id}</code>: weight {fmtSigned(result.entry.weight, 1)}, {result.entry.category}
              {result.entry.referent ? `, names ${state.compiled.referents.get(result.entry.referent)?.label ?? result.entry.referent}` : ''}.
              {result.entry.rationale ? ` ${result.entry.rationale}` : ''}
            </p>
          ) : ''}
          <p>
            {result.totalExact ? '' : 'At least '}{result.total.toLocaleString('en-US')} occurrence{result.total === 1 ? '' : 's'}
            {result.totalExact ? '' : ` (${result.unread.toLocaleString('en-US')} more documents hold all its words and are read as you page on)`}:{' '}
            {result.byOutlet.map((o, i) => <>{i ? ', ' : ''}{o.outlet} {o.count}</>)}.{' '}
            <a class="csv-link no-print" href={`/api/term?${new URLSearchParams([['q', result.term], ['format', 'csv']]).toString()}`} download>CSV</a>
            {result.total > TERM_EXPORT_LINES ? ` (the first ${TERM_EXPORT_LINES.toLocaleString('en-US')})` : ''}
          </p>
          <Pager info={result.paging} path="/term" params={[['q', result.term]]} what="Occurrences" />
          {result.lines.length ? (
            <table class="data kwic">
              <caption>“{result.term}” in context</caption>
              <thead><tr><th scope="col">Outlet</th><th scope="col" class="left">Before</th><th scope="col">Term</th><th scope="col">After</th><th scope="col">Voice</th><th scope="col">Label</th></tr></thead>
              <tbody>
                {result.lines.map((l) => (
                  <tr>
                    <td><a href={`/doc/${encodeURIComponent(l.documentId)}#m-${l.start}`}>{l.outlet}</a></td>
                    <td class="left">{l.left}</td>
                    <td class="match"><mark class={l.weight === undefined ? 'plain' : `hit ${stanceClass(l.weight)} v-${l.voice}`}>{l.match}</mark></td>
                    <td>{l.right}</td>
                    <td>{VOICE_NAMES[l.voice]}</td>
                    <td>{l.label ? <a href={`/term?${new URLSearchParams([['q', l.label]]).toString()}`}><code>{l.label}</code></a> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <p>No occurrences in this corpus.</p>}
          {result.paging.pages > 1 ? <Pager info={result.paging} path="/term" params={[['q', result.term]]} what="Occurrences" /> : ''}
        </>
      ) : ''}
    </Layout>
  );
}
