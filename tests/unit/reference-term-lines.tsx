/** @jsxImportSource hono/jsx */
/**
 * The JSX the Term page's occurrences table was before session 21 (linesTableHtml builds it as one string): kept here
 * to compare with, byte for byte.
 */
import type { AppState } from '../../src/server/state.js';
import type { TermResult } from '../../src/server/term.js';
import type { HitLine } from '../../src/server/hits-list.js';
import { fmtSigned, stanceClass, VOICE_NAMES } from '../../src/report/format.js';
import { labelName } from '../../src/report/views/names.js';

export function ReferenceLinesTable({ state, term, lines }: { state: AppState; term: string; lines: Array<TermResult['lines'][number] | HitLine> }) {
  return (
    <div class="table-scroll">
      <table class="data kwic">
        <caption>“{term}” in context</caption>
        <thead><tr><th scope="col">Outlet</th><th scope="col" class="left">Before</th><th scope="col">Term</th><th scope="col">After</th><th scope="col">Voice</th><th scope="col">Label</th><th scope="col">Referent</th><th scope="col" class="num">Weight</th></tr></thead>
        <tbody>
          {lines.map((l) => (
            <tr>
              <td><a href={`/doc/${encodeURIComponent(l.documentId)}#m-${l.start}`}>{l.outlet}</a></td>
              <td class="left">{l.left}</td>
              <td class="match"><mark class={l.weight === undefined ? 'plain' : `hit ${stanceClass(l.weight)} v-${l.voice}`}>{l.match}</mark></td>
              <td>{l.right}</td>
              <td>{VOICE_NAMES[l.voice]}</td>
              <td>{l.label ? <a href={`/term?${new URLSearchParams([['q', l.label]]).toString()}`}>{labelName(l.label, state.compiled)}</a> : ''}</td>
              <td>{l.referent ? state.compiled.referents.get(l.referent)?.label ?? l.referent : l.label ? 'from context, unresolved' : ''}</td>
              <td class="num">{l.weight === undefined ? '' : fmtSigned(l.weight, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

