/** The Compare view: the "same referent, different label" table and the columns of marked texts. */
import type { CompiledLexicon } from '../../lexicon/compile.js';
import { raw } from 'hono/html';
import { compareDocsPage, comparePaging, pagedColumn, type CompareModel, type PagedColumn, type ReferentCell } from '../compare.js';
import { fmtSigned, stanceClass, stanceWord, VOICE_MARKS } from '../../report/format.js';
import { labelName } from '../../report/views/names.js';
import { HighlightedText, Legend, MarkGlossary, markGlossaryBytes } from './marks.js';

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

/** Keeps a rendered piece of HTML by key (the result cache, per corpus version). */
export type HtmlCache = (key: string, render: () => string) => string;

/** A component's HTML as a string; every part of the Compare view renders synchronously. */
export function renderNow(node: unknown): string {
  const html: unknown = (node as { toString(): unknown }).toString();
  // A promise here would be a component turned async.
  if (typeof html !== 'string' && !(html instanceof String)) throw new Error('a Compare component did not render synchronously');
  return String(html);
}

/**
 * `cells`, when given, keeps the cells of columns read from the corpus by key (an outlet's, a group's): a cell is the
 * same in every selection that shows that column.
 */
export function ReferentLabelTable({ model, compiled, cells }: { model: CompareModel; compiled: CompiledLexicon; cells?: HtmlCache }) {
  const cell = (c: ReferentCell, i: number, referent: string) => {
    const column = model.columns[i];
    if (!cells || !column?.lazy) return <Cell cell={c} compiled={compiled} />;
    return raw(cells(`${model.mode}\0${column.key}\0${referent}`, () => renderNow(<Cell cell={c} compiled={compiled} />)));
  };
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
                  {r.cells.map((c, i) => cell(c, i, r.referent))}
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
 * A column rendered once, at the first place, as UTF-8: a column of an outlet's or a group's documents is the same
 * page of the same documents whichever outlets stand beside it.
 */
export interface RenderedColumn {
  bytes: Uint8Array;
  /** Byte offsets of the digit naming the column's place in its element ids (see atPosition). */
  places: Uint32Array;
  /** Label ids of the hits on this page of the column, in order of first appearance (for the glossary). */
  labels: string[];
  /** Size for the result cache, in characters. */
  chars: number;
}

/** Keeps a rendered column by key (see CompareColumns). */
export type ColumnCache = (key: string, render: () => RenderedColumn) => RenderedColumn;

/**
 * The columns a page takes from the cache, in the order their markers stand in the page (see splitPage), and the
 * pieces of the page encoded apart (fragments).
 */
export class ColumnSlots {
  readonly columns: Array<{ key: string; column: RenderedColumn; place: number }> = [];
  readonly fragments: Uint8Array[][] = [];

  /**
   * A marker for a column in the page's HTML. It starts with a raw "<" followed by a control character, which no
   * escaped text and no element of ours contains, so nothing on the page can pass for one.
   */
  mark(key: string, column: RenderedColumn, place: number): string {
    this.columns.push({ key, column, place });
    return `<\u0001${this.columns.length - 1}\u0001>`;
  }

  /**
   * A marker for a piece of the page given as UTF-8 (HTML or a string of it, encoded here), which splitPage puts
   * back in its place. The page's large pieces (the referent table, the glossaries, the event form) go in this way,
   * so that the HTML around them stays small: a Compare page's HTML of 110-140 thousand characters, most of them
   * these pieces, is a string too large for V8's young generation, and making it one flat string cost 1-2 ms per
   * new page on the 10k store, nearly all of it memory freshly mapped (docs/scale.md, session 21).
   */
  fragment(html: string | Uint8Array | Uint8Array[]): string {
    this.fragments.push(typeof html === 'string' ? [encoder.encode(html)] : html instanceof Uint8Array ? [html] : html);
    return `<\u0002${this.fragments.length - 1}\u0002>`;
  }
}

const MARKER = /<([\u0001\u0002])(\d+)\1>/g;

/**
 * A column rendered in the first place, moved to place `ci`: its element ids (`col-0`, `col-0-doc-N`, marks'
 * `c0dN-…`) name its place. Text and attribute values never hold a raw `"`, so ` id="` and ` aria-labelledby="`
 * occur only as the attributes themselves.
 */
export function atPosition(html: string, ci: number): string {
  if (ci === 0) return html;
  return html.replace(PLACE, (_m, attr: string, stem: string) => ` ${attr}="${stem}${ci}`);
}

const PLACE = / (id|aria-labelledby)="(col-|c)0(?=[-"d])/g;

const encoder = new TextEncoder();

/** A column's HTML at the first place as UTF-8, with the byte offset of every place digit atPosition would change. */
export function renderedColumn(html: string, labels: string[]): RenderedColumn {
  const places: number[] = [];
  let bytes = 0;
  let from = 0;
  for (const m of html.matchAll(PLACE)) {
    // The digit is the match's last character; everything before it up to here is counted in UTF-8 bytes.
    const digit = (m.index ?? 0) + m[0].length - 1;
    bytes += Buffer.byteLength(html.slice(from, digit));
    places.push(bytes);
    from = digit;
  }
  const encoded = encoder.encode(html);
  return { bytes: encoded, places: Uint32Array.from(places), labels, chars: encoded.byteLength / 2 + places.length * 2 + labels.length * 8 };
}

/**
 * A Compare page cut at its column markers: the HTML around the columns as UTF-8, and which column goes where. The
 * page is assembled by copying (assemblePage): a page of four columns is close to a megabyte, nearly all of it
 * columns that are encoded once and shared by every selection that shows them.
 */
export interface ComposedPage {
  /**
   * One more piece than columns: the HTML before the first column, between columns, after the last, each as its
   * parts in order (the HTML between markers and the fragments).
   */
  shell: Uint8Array[][];
  columns: Array<{ key: string; place: number }>;
  /** Size for the result cache, in characters (the shell only: the columns are kept under their own keys). */
  chars: number;
}

export function splitPage(html: string, slots: ColumnSlots): { page: ComposedPage; columns: RenderedColumn[] } {
  const shell: Uint8Array[][] = [];
  const placed: Array<{ key: string; place: number }> = [];
  const columns: RenderedColumn[] = [];
  let piece: Uint8Array[] = [];
  let from = 0;
  for (const m of html.matchAll(MARKER)) {
    if ((m.index ?? 0) > from) piece.push(encoder.encode(html.slice(from, m.index)));
    from = (m.index ?? 0) + m[0].length;
    if (m[1] === '\u0002') {
      piece.push(...slots.fragments[Number(m[2])]);
      continue;
    }
    shell.push(piece);
    piece = [];
    const slot = slots.columns[Number(m[2])];
    placed.push({ key: slot.key, place: slot.place });
    columns.push(slot.column);
  }
  if (html.length > from) piece.push(encoder.encode(html.slice(from)));
  shell.push(piece);
  let chars = placed.length * 32;
  for (const parts of shell) for (const part of parts) chars += part.byteLength / 2;
  return { page: { shell, columns: placed, chars }, columns };
}

/**
 * The page as one UTF-8 array: shell and columns copied in turn, each column's place digits set. `buffer`, when
 * given, offers memory to write it in (a reused buffer of at least the page's size; PageBuffers): the page is then
 * the start of it.
 */
export function assemblePage(page: ComposedPage, columns: RenderedColumn[], buffer?: (size: number) => Uint8Array | undefined): Uint8Array {
  let size = 0;
  for (const parts of page.shell) for (const part of parts) size += part.byteLength;
  for (const column of columns) size += column.bytes.byteLength;
  const out = buffer?.(size)?.subarray(0, size) ?? new Uint8Array(size);
  let at = 0;
  page.shell.forEach((parts, k) => {
    for (const part of parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    if (k === columns.length) return;
    const column = columns[k];
    out.set(column.bytes, at);
    const place = page.columns[k].place;
    if (place > 9) throw new RangeError(`a Compare page has at most 4 columns, not ${place + 1}`);
    if (place !== 0) for (const p of column.places) out[at + p] = 0x30 + place;
    at += column.bytes.byteLength;
  });
  return out;
}

/** Cached columns and where they go, for a page composed by assemblePage; cached table cells. */
export interface ColumnReuse {
  cache: ColumnCache;
  slots: ColumnSlots;
  /** Keeps the referent table's cells of columns read from the corpus, as UTF-8 (see referentTableBytes). */
  cells?: ByteCache;
}

/** Keeps a piece of a page as UTF-8 by key (the result cache, per corpus version). */
export type ByteCache = (key: string, render: () => Uint8Array) => Uint8Array;

/** A cell's place in the referent table's HTML while referentTableBytes composes it: text never holds a raw "<". */
const CELL_MARK = '<\u0003>';

/**
 * The referent table as UTF-8 pieces: each cell of a column read from the corpus encoded once and kept by `cells`
 * (a cell is the same in every selection that shows its column), the headings and row names encoded around them.
 * Joining the cells' HTML into one string and encoding it again took ~0.7 ms of every new Compare page on the 10k
 * store (docs/scale.md, session 22); the bytes are the same as ReferentLabelTable's.
 */
export function referentTableBytes(model: CompareModel, compiled: CompiledLexicon, cells: ByteCache): Uint8Array[] {
  const cellBytes: Uint8Array[] = [];
  const keep: HtmlCache = (key, render) => {
    cellBytes.push(cells(key, () => encoder.encode(render())));
    return CELL_MARK;
  };
  const parts = renderNow(<ReferentLabelTable model={model} compiled={compiled} cells={keep} />).split(CELL_MARK);
  const out: Uint8Array[] = [];
  parts.forEach((part, i) => {
    if (part) out.push(encoder.encode(part));
    if (i < cellBytes.length) out.push(cellBytes[i]);
  });
  return out;
}

/**
 * The columns of marked texts, one page of documents each (`page` counts from 1), and the label ids of their hits in
 * order (the glossary's). Columns read from the corpus by key (an outlet's, a group's) come from `reuse` when given:
 * rendered once, their documents read only then, and marked in the HTML for splitPage.
 */
export function compareColumns({ model, compiled, links = true, page = 1, reuse }: { model: CompareModel; compiled: CompiledLexicon; links?: boolean; page?: number; reuse?: ColumnReuse }) {
  const n = Math.min(4, Math.max(1, model.columns.length));
  const paging = comparePaging(model, page);
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
  const labelsOf = (col: PagedColumn): string[] => [...new Set(col.docs.flatMap((d) => d.analysis.hits.map((h) => h.label)))];
  const labels: string[] = [];
  const parts = model.columns.map((column, ci) => {
    // Only columns read from the corpus by key are kept: their documents are fixed per corpus version. The page
    // count matters too (the note says "of N" only when there is more than a page).
    if (!reuse || !column.lazy) {
      const col = pagedColumn(column, page);
      labels.push(...labelsOf(col));
      return section(col, ci);
    }
    const key = `${column.key}\0${page}\0${links}\0${model.mode}\0${paging.pageSize}`;
    const rendered = reuse.cache(key, () => {
      const col = pagedColumn(column, page);
      return renderedColumn(renderNow(section(col, 0)), labelsOf(col));
    });
    labels.push(...rendered.labels);
    return raw(reuse.slots.mark(key, rendered, ci));
  });
  return { node: <div class={`columns cols-${n}`}>{parts}</div>, labels };
}

export function CompareColumns(props: { model: CompareModel; compiled: CompiledLexicon; links?: boolean; page?: number; reuse?: ColumnReuse }) {
  return compareColumns(props).node;
}

/**
 * Legend, table, columns and the focus panel the client script fills (hidden without script), with the marks'
 * glossary it reads; `script: false` (a downloaded handout, which carries no script) leaves the data block out.
 */
export function CompareView({ model, compiled, links = true, page = 1, reuse, script = true }: { model: CompareModel; compiled: CompiledLexicon; links?: boolean; page?: number; reuse?: ColumnReuse; script?: boolean }) {
  const columns = compareColumns({ model, compiled, links, page, reuse });
  // With slots, the large pieces are encoded apart (see ColumnSlots.fragment).
  const table = <ReferentLabelTable model={model} compiled={compiled} />;
  return (
    <div class="compare">
      <div class="handout-top">
        <Legend />
        <StanceBox />
      </div>
      {!reuse ? table : raw(reuse.slots.fragment(reuse.cells ? referentTableBytes(model, compiled, reuse.cells) : renderNow(table)))}
      <aside id="mark-panel" class="mark-panel" aria-live="polite" aria-label="Selected mark" hidden></aside>
      {columns.node}
      {reuse ? raw(reuse.slots.fragment(glossaryBytes(model, compiled, columns.labels))) : <Glossary model={model} compiled={compiled} pageLabels={columns.labels} />}
      {!script ? '' : reuse ? raw(reuse.slots.fragment(markGlossaryBytes(compiled, columns.labels))) : <MarkGlossary compiled={compiled} labels={columns.labels} />}
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

interface GlossaryEntry {
  weight: number;
  name: string;
  /** The entry as HTML. */
  html: string;
  /** The same as UTF-8, once a page composed of bytes asked for it (glossaryBytes). */
  bytes?: Uint8Array;
}

/**
 * Glossary entries per lexicon, each rendered once, and the order of the lexicon's label names (localeCompare, ties
 * sharing a rank): a Compare page lists a hundred labels, and comparing their names with localeCompare on every page
 * cost more than the rest of the glossary.
 */
const glossaries = new WeakMap<CompiledLexicon, { entries: Map<string, GlossaryEntry>; nameRank: Map<string, number> }>();
/** Entries kept at most per lexicon (ids that are not in the lexicon could otherwise grow the memo). */
const MAX_GLOSSARY_ENTRIES = 20_000;

function glossaryOf(compiled: CompiledLexicon) {
  let g = glossaries.get(compiled);
  if (!g) {
    const names = [...new Set([...compiled.entries.keys()].map((id) => labelName(id, compiled)))].sort((a, b) => a.localeCompare(b));
    const nameRank = new Map<string, number>();
    let rank = 0;
    names.forEach((name, i) => {
      if (i > 0 && names[i - 1].localeCompare(name) !== 0) rank++;
      nameRank.set(name, rank);
    });
    glossaries.set(compiled, (g = { entries: new Map(), nameRank }));
  }
  return g;
}

function glossaryEntry(id: string, compiled: CompiledLexicon): GlossaryEntry {
  const g = glossaryOf(compiled);
  let e = g.entries.get(id);
  if (!e) {
    const entry = compiled.entries.get(id);
    const name = labelName(id, compiled);
    const weight = entry?.kind === 'label' ? entry.weight : 0;
    const referent = entry?.kind === 'label' && entry.referent ? compiled.referents.get(entry.referent)?.label ?? entry.referent : 'from context';
    const html = renderNow(
      <div class="glossary-entry">
        <dt><span class={`chip ${stanceClass(weight)}`}>{name}</span> <span class="small">{fmtSigned(weight, 0)} {stanceWord(weight)}, names {referent}</span></dt>
        <dd>{entry?.rationale ?? 'The lexicon gives no rationale for this label.'}</dd>
      </div>,
    );
    if (g.entries.size >= MAX_GLOSSARY_ENTRIES) g.entries.clear();
    g.entries.set(id, (e = { weight, name, html }));
  }
  return e;
}

/** The page's glossary entries in their order (see Glossary). */
function glossaryEntries(model: CompareModel, compiled: CompiledLexicon, page: number, pageLabels?: string[]): GlossaryEntry[] {
  const ids = new Set<string>();
  for (const r of model.referents) for (const c of r.cells) for (const l of c.labels) ids.add(l.label);
  if (pageLabels) for (const id of pageLabels) ids.add(id);
  else for (const col of compareDocsPage(model, page).columns) for (const d of col.docs) for (const h of d.analysis.hits) ids.add(h.label);
  const entries = [...ids].map((id) => glossaryEntry(id, compiled));
  const { nameRank } = glossaryOf(compiled);
  // By weight, then name; names outside the lexicon's (ids it does not know) are compared as they are.
  if (entries.every((e) => nameRank.has(e.name))) entries.sort((a, b) => a.weight - b.weight || (nameRank.get(a.name) as number) - (nameRank.get(b.name) as number));
  else entries.sort((a, b) => a.weight - b.weight || a.name.localeCompare(b.name));
  return entries;
}

function GlossarySection({ children }: { children?: unknown }) {
  return (
    <section class="glossary" aria-labelledby="glossary-title">
      <h2 id="glossary-title">Glossary of the labels on this page</h2>
      <dl>{children}</dl>
    </section>
  );
}

/**
 * Every label that appears on the page: its readable name, weight, referent and the lexicon's rationale.
 * `pageLabels`, when given, are the label ids of the hits in the page's columns (else they are read from them).
 */
export function Glossary({ model, compiled, page = 1, pageLabels }: { model: CompareModel; compiled: CompiledLexicon; page?: number; pageLabels?: string[] }) {
  const entries = glossaryEntries(model, compiled, page, pageLabels);
  if (entries.length === 0) return null;
  return <GlossarySection>{raw(entries.map((e) => e.html).join(''))}</GlossarySection>;
}

/** The HTML around the glossary's entries, as UTF-8: before them and after. */
let glossaryFrame: [Uint8Array, Uint8Array] | undefined;

/**
 * The glossary Glossary renders, as UTF-8 pieces: the frame and each entry encoded once per lexicon and label, so a
 * Compare page composed of bytes copies them instead of joining and encoding ~30,000 characters of entries.
 */
export function glossaryBytes(model: CompareModel, compiled: CompiledLexicon, pageLabels: string[]): Uint8Array[] {
  const entries = glossaryEntries(model, compiled, 1, pageLabels);
  if (entries.length === 0) return [];
  if (!glossaryFrame) {
    const [before, after] = renderNow(<GlossarySection>{raw('\u0003')}</GlossarySection>).split('\u0003');
    glossaryFrame = [encoder.encode(before), encoder.encode(after)];
  }
  return [glossaryFrame[0], ...entries.map((e) => (e.bytes ??= encoder.encode(e.html))), glossaryFrame[1]];
}
