/** The Compare view: the "same referent, different label" table and the columns of marked texts. */
import type { CompiledLexicon } from '../../lexicon/compile.js';
import { raw } from 'hono/html';
import { compareDocsPage, type CompareModel, type PagedColumn, type ReferentCell } from '../compare.js';
import { fmtSigned, stanceClass, stanceWord, VOICE_MARKS } from '../../report/format.js';
import { labelName } from '../../report/views/names.js';
import { HighlightedText, Legend } from './marks.js';

function Cell({ cell, compiled }: { cell: ReferentCell; compiled: CompiledLexicon }) {
  if (cell.hits === 0) return <td class="empty">not named</td>;
  return (
    <td>
      <ul class="label-list">
        {cell.labels.map((l) => {
          const other = [
            l.byVoice.quoted ? `${l.byVoice.quoted} ${VOICE_MARKS.quoted}` : '',
            l.byVoice.attributed ? `${l.byVoice.attributed} ${VOICE_MARKS.attributed}` : '',
            l.distanced ? `${l.distanced} ≠` : '',
            l.negated ? `${l.negated} ¬` : '',
          ].filter(Boolean).join(', ');
          return (
            <li>
              <span class={`chip ${stanceClass(l.weight)}`}>{labelName(l.label, compiled)}<span class="chip-weight"> ({fmtSigned(l.weight, 0)})</span></span>
              {' '}<span class="count">×{l.count}</span>
              {other ? <span class="voice-split"> ({other})</span> : ''}
            </li>
          );
        })}
      </ul>
      <p class="cell-stance">
        {cell.ownStance === null
          ? 'only in quotes, reported speech or distanced: no own-voice stance'
          : <>own-voice stance {fmtSigned(cell.ownStance)} <span class="n">(n = {cell.ownMentions})</span></>}
      </p>
      {cell.group && cell.group.stance !== null ? (
        <p class="cell-stance group-stance">
          group stance, outlets as the unit: {fmtSigned(cell.group.stance)}
          {cell.group.ci95 ? ` (95% interval ${fmtSigned(cell.group.ci95[0])} … ${fmtSigned(cell.group.ci95[1])})` : ' (no interval: too few documents)'}
          <span class="n"> over {cell.group.outlets} outlet{cell.group.outlets === 1 ? '' : 's'}</span>
        </p>
      ) : ''}
    </td>
  );
}

export function ReferentLabelTable({ model, compiled }: { model: CompareModel; compiled: CompiledLexicon }) {
  return (
    <section class="referent-table" aria-labelledby="referent-table-title">
      <h2 id="referent-table-title">Same referent, different label</h2>
      {model.referents.length === 0 ? <p>None of these texts uses a label from the lexicon.</p> : (
        <div class="table-scroll">
          <table class="data compare-table">
            <caption>
              Labels each {model.mode === 'outlets' ? 'outlet' : model.mode === 'groups' ? 'group of outlets' : 'text'} used for each referent, with the label's weight and ×count; in
              brackets the hits inside quotations (Q), reported speech (R), distanced (≠) or negated (¬). Stance counts only
              the outlet's own, adopted words.
            </caption>
            <thead>
              <tr>
                <th scope="col">Referent</th>
                {model.columns.map((c, i) => <th scope="col">{c.heading}{model.mode !== 'outlets' && model.mode !== 'groups' ? <span class="col-index"> ({i + 1})</span> : ''}</th>)}
              </tr>
            </thead>
            <tbody>
              {model.referents.map((r) => (
                <tr>
                  <th scope="row">{r.name}</th>
                  {r.cells.map((cell) => <Cell cell={cell} compiled={compiled} />)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Keeps a rendered column by key (see CompareColumns): a column of an outlet's or a group's documents is the same
 * page of the same documents whichever outlets stand beside it.
 */
export type ColumnCache = (key: string, render: () => string) => string;

/**
 * A column rendered in the first place, moved to place `ci`: its element ids (`col-0`, `col-0-doc-N`, marks'
 * `c0dN-…`) name its place. Text and attribute values never hold a raw `"`, so ` id="` and ` aria-labelledby="`
 * occur only as the attributes themselves.
 */
export function atPosition(html: string, ci: number): string {
  if (ci === 0) return html;
  return html.replace(/ (id|aria-labelledby)="(col-|c)0(?=[-"d])/g, (_m, attr: string, stem: string) => ` ${attr}="${stem}${ci}`);
}

/** The columns of marked texts, one page of documents each (`page` counts from 1). */
export function CompareColumns({ model, compiled, links = true, page = 1, columnCache }: { model: CompareModel; compiled: CompiledLexicon; links?: boolean; page?: number; columnCache?: ColumnCache }) {
  const n = Math.min(4, Math.max(1, model.columns.length));
  const { columns, paging } = compareDocsPage(model, page);
  const first = (page - 1) * paging.pageSize;
  const section = (col: PagedColumn, ci: number) => (
    <section class="column" aria-labelledby={`col-${ci}`}>
      <h2 id={`col-${ci}`} class="column-heading">{col.heading}{model.mode !== 'outlets' && model.mode !== 'groups' ? <span class="col-index"> ({ci + 1})</span> : ''}</h2>
      {col.total === 0 ? <p>No documents.</p> : ''}
      {col.total > paging.pageSize
        ? <p class="note">Documents {col.docs.length ? `${first + 1}–${first + col.docs.length}` : 'none on this page'} of {col.total.toLocaleString('en-US')}; the table above counts them all.</p>
        : ''}
      {col.docs.map((d, di) => (
        <article class="doc" aria-labelledby={`col-${ci}-doc-${di}`}>
          <h3 id={`col-${ci}-doc-${di}`} class={!links && !d.document.title ? 'visually-hidden' : undefined}>
            {links
              ? <a href={`/doc/${encodeURIComponent(d.document.id)}`}>{d.document.title ?? d.document.id}</a>
              : d.document.title ?? `Text by ${d.document.outlet}`}
          </h3>
          <p class="doc-meta">
            {[d.document.date, `${d.analysis.words.toLocaleString('en-US')} words`, `${d.analysis.hits.length} label hits`].filter(Boolean).join(' · ')}
          </p>
          {d.excluded ? <p class="note">Not counted in the outlet's figures: {d.excluded}.</p> : ''}
          {d.analysis.warnings.map((w) => <p class="note">{w}</p>)}
          <HighlightedText text={d.document.text} analysis={d.analysis} compiled={compiled} idPrefix={`c${ci}d${di}`} />
        </article>
      ))}
    </section>
  );
  return (
    <div class={`columns cols-${n}`}>
      {columns.map((col, ci) => {
        // Only columns read from the corpus by key (an outlet's, a group's) are kept: their documents are fixed per
        // corpus version. The page count matters too (the note says "of N" only when there is more than a page).
        // Kept as rendered in the first place and moved to this one: a column reads the same wherever it stands.
        if (!columnCache || !col.lazy) return section(col, ci);
        const key = `${col.key}\0${page}\0${links}\0${model.mode}\0${paging.pageSize}`;
        return raw(atPosition(columnCache(key, () => {
          const html: unknown = section(col, 0).toString();
          // Every part of a column renders synchronously; a promise here would be a component turned async.
          if (typeof html !== 'string' && !(html instanceof String)) throw new Error('a Compare column did not render synchronously');
          return String(html);
        }), ci));
      })}
    </div>
  );
}

/** Legend, table, columns and the focus panel the client script fills (hidden without script). */
export function CompareView({ model, compiled, links = true, page = 1, columnCache }: { model: CompareModel; compiled: CompiledLexicon; links?: boolean; page?: number; columnCache?: ColumnCache }) {
  return (
    <div class="compare">
      <div class="handout-top">
        <Legend />
        <StanceBox />
      </div>
      <ReferentLabelTable model={model} compiled={compiled} />
      <aside id="mark-panel" class="mark-panel" aria-live="polite" aria-label="Selected mark" hidden></aside>
      <CompareColumns model={model} compiled={compiled} links={links} page={page} columnCache={columnCache} />
      <Glossary model={model} compiled={compiled} page={page} />
    </div>
  );
}

/** "How to read stance": what the number is and is not, in four sentences (printed with the handout). */
export function StanceBox() {
  return (
    <section class="stance-box" aria-labelledby="stance-box-title">
      <h2 id="stance-box-title">How to read stance</h2>
      <p>
        Every label in the lexicon has a weight from −2 (strongly delegitimizing) to +2 (strongly legitimizing). A text's
        stance toward a referent is the average weight of the labels it uses in its own voice, scaled to −1 … +1.
        Words inside quotations, reported speech, "so-called" or negations are marked but not counted. Stance describes
        the words chosen, not whether the text is true; with few mentions it can swing a lot.
      </p>
    </section>
  );
}

/** Every label that appears on the page: its readable name, weight, referent and the lexicon's rationale. */
export function Glossary({ model, compiled, page = 1 }: { model: CompareModel; compiled: CompiledLexicon; page?: number }) {
  const ids = new Set<string>();
  for (const r of model.referents) for (const c of r.cells) for (const l of c.labels) ids.add(l.label);
  for (const col of compareDocsPage(model, page).columns) for (const d of col.docs) for (const h of d.analysis.hits) ids.add(h.label);
  const entries = [...ids].map((id) => ({ id, entry: compiled.entries.get(id) }))
    .map(({ id, entry }) => ({ id, name: labelName(id, compiled), weight: entry?.kind === 'label' ? entry.weight : 0, referent: entry?.kind === 'label' && entry.referent ? compiled.referents.get(entry.referent)?.label ?? entry.referent : 'from context', rationale: entry?.rationale }))
    .sort((a, b) => a.weight - b.weight || a.name.localeCompare(b.name));
  if (entries.length === 0) return null;
  return (
    <section class="glossary" aria-labelledby="glossary-title">
      <h2 id="glossary-title">Glossary of the labels on this page</h2>
      <dl>
        {entries.map((e) => (
          <div class="glossary-entry">
            <dt><span class={`chip ${stanceClass(e.weight)}`}>{e.name}</span> <span class="small">{fmtSigned(e.weight, 0)} {stanceWord(e.weight)}, names {e.referent}</span></dt>
            <dd>{e.rationale ?? 'The lexicon gives no rationale for this label.'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
