/** The hits behind a number: an outlet's label hits for a referent or a label, with context, a page at a time. */
import type { AppState } from '../state.js';
import type { HitLine, HitsFilter } from '../hits-list.js';
import type { PageInfo } from '../paging.js';
import { fmtSigned, stanceClass, VOICE_NAMES } from '../../report/format.js';
import { labelName } from '../../report/views/names.js';
import { Layout } from './layout.js';
import { Pager } from './pager.js';

export function hitsParams(f: HitsFilter): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (f.outlet) out.push(['outlet', f.outlet]);
  if (f.referent) out.push(['referent', f.referent]);
  if (f.label) out.push(['label', f.label]);
  if (f.voice) out.push(['voice', f.voice]);
  if (f.adopted) out.push(['adopted', 'yes']);
  return out;
}

export const hitsHref = (f: HitsFilter): string => `/hits?${new URLSearchParams(hitsParams(f)).toString()}`;

export function HitsPage({ state, filter, lines, paging }: { state: AppState; filter: HitsFilter; lines: HitLine[]; paging: PageInfo }) {
  const referent = filter.referent ? state.compiled.referents.get(filter.referent)?.label ?? filter.referent : undefined;
  const what = [
    filter.label ? `“${labelName(filter.label, state.compiled)}”` : 'Label hits',
    referent ? `naming ${referent}` : '',
    filter.outlet ? `in ${filter.outlet}` : '',
    filter.voice ? `(${VOICE_NAMES[filter.voice]})` : '',
    filter.adopted ? '(counted in stance)' : '',
  ].filter(Boolean).join(' ');
  const params = hitsParams(filter);
  return (
    <Layout title={what} nav="overview">
      <h1>{what}</h1>
      <form method="get" action="/hits" class="inline-form no-print">
        {params.filter(([k]) => k !== 'voice').map(([k, v]) => <input type="hidden" name={k} value={v} />)}
        <label for="voice">Voice</label>{' '}
        <select id="voice" name="voice">
          <option value="">every voice</option>
          {(['author', 'quoted', 'attributed'] as const).map((v) => <option value={v} selected={v === filter.voice}>{VOICE_NAMES[v]}</option>)}
        </select>{' '}
        <button type="submit">Show</button>
      </form>
      <Pager info={paging} path="/hits" params={params} what="Hits" />
      {lines.length === 0 ? <p>No hits match.</p> : (
        <div class="table-scroll">
          <table class="data kwic">
            <caption>{what}: each hit in its sentence; the outlet links to the document at the hit</caption>
            <thead><tr><th scope="col">Document</th><th scope="col" class="left">Before</th><th scope="col">Term</th><th scope="col">After</th><th scope="col">Label</th><th scope="col" class="num">Weight</th><th scope="col">Voice</th></tr></thead>
            <tbody>
              {lines.map((l) => (
                <tr>
                  <td><a href={`/doc/${encodeURIComponent(l.documentId)}#m-${l.start}`}>{l.outlet}</a><span class="small">{l.date ? ` ${l.date}` : ''}</span></td>
                  <td class="left">{l.left}</td>
                  <td class="match"><mark class={`hit ${stanceClass(l.hit.weight)} v-${l.voice}`}>{l.match}</mark></td>
                  <td>{l.right}</td>
                  <td><a href={`/term?${new URLSearchParams([['q', l.hit.label]]).toString()}`}>{labelName(l.hit.label, state.compiled)}</a></td>
                  <td class="num">{fmtSigned(l.hit.weight, 0)}</td>
                  <td>{VOICE_NAMES[l.voice]}{l.hit.distanced ? ', distanced' : ''}{l.hit.negated ? ', negated' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {paging.pages > 1 ? <Pager info={paging} path="/hits" params={params} what="Hits" /> : ''}
    </Layout>
  );
}
