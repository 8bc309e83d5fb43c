/**
 * A text with its framing terms marked. Built from hit offsets; every piece of text is a JSX text child, so hono
 * escapes it. Stance is told by colour AND by a letter/sign marker and underline style, never colour alone:
 *   solid underline = the outlet's own voice, dashed + "Q" = direct quotation, dotted + "R" = reported speech,
 *   hatched + "≠" = distanced (so-called, scare quotes), hatched + "¬" = negated.
 */
import type { DocAnalysis, Hit, NameHit, DeviceHit } from '../../types.js';
import type { CompiledLexicon } from '../../lexicon/compile.js';
import { raw } from 'hono/html';
import { jsonForScript } from '../json-script.js';
import { markSpans, segmentText } from '../segments.js';
import { labelName } from '../../report/views/names.js';
import { DISTANCED_MARK, fmtSigned, NEGATED_MARK, stanceClass, stanceWord, VOICE_MARKS, VOICE_NAMES } from '../../report/format.js';

export function hitMarker(hit: Pick<Hit, 'voice' | 'distanced' | 'negated'>): string {
  return [VOICE_MARKS[hit.voice], hit.distanced ? DISTANCED_MARK : '', hit.negated ? NEGATED_MARK : ''].join('');
}

/** What a distanced or a negated hit's note says (the marks' title and the focus panel). */
const STATE_WORDS = { distanced: 'distanced (not adopted: not counted in stance)', negated: 'negated (not counted in stance)' } as const;

export function hitDetails(hit: Hit, compiled: CompiledLexicon) {
  const entry = compiled.entries.get(hit.label);
  const referent = hit.referent ? compiled.referents.get(hit.referent)?.label ?? hit.referent : 'no referent';
  const state = [hit.distanced ? STATE_WORDS.distanced : '', hit.negated ? STATE_WORDS.negated : ''].filter(Boolean).join('; ');
  return {
    label: hit.label,
    name: labelName(hit.label, compiled),
    referent,
    weight: `${fmtSigned(hit.weight, 1)} (${stanceWord(hit.weight)})`,
    voice: VOICE_NAMES[hit.voice],
    state,
    cues: hit.cues?.join(', ') ?? '',
    rationale: entry?.rationale ?? '',
  };
}

export function hitTitle(d: ReturnType<typeof hitDetails>): string {
  return [
    `${d.name} → ${d.referent}`,
    `weight ${d.weight}`,
    `voice: ${d.voice}`,
    d.state,
    d.cues ? `cues: ${d.cues}` : '',
    d.rationale,
  ].filter(Boolean).join('\n');
}

/** The marker in words, for screen readers (the visible letter is decoration to them). */
export function hitMarkerWords(hit: Pick<Hit, 'voice' | 'distanced' | 'negated'>): string {
  return [hit.voice === 'quoted' ? 'quoted' : hit.voice === 'attributed' ? 'reported speech' : '', hit.distanced ? 'distanced' : '', hit.negated ? 'negated' : '']
    .filter(Boolean).join(', ');
}

const NEEDS_ESCAPE = /[&<>"']/;

/** What JSX does to text and attribute values: & < > " ' as entities. */
export function escapeHtml(s: string): string {
  let i = s.search(NEEDS_ESCAPE);
  if (i === -1) return s;
  let out = '';
  let last = 0;
  for (; i < s.length; i++) {
    let entity: string;
    switch (s.charCodeAt(i)) {
      case 38: entity = '&amp;'; break;
      case 60: entity = '&lt;'; break;
      case 62: entity = '&gt;'; break;
      case 34: entity = '&quot;'; break;
      case 39: entity = '&#39;'; break;
      default: continue;
    }
    out += s.slice(last, i) + entity;
    last = i + 1;
  }
  return out + s.slice(last);
}

/** ` name="value"` for each attribute with a value, in order (undefined ones are left out, as JSX does). */
function attributes(attrs: Array<[string, string | number | undefined]>): string {
  let out = '';
  for (const [name, value] of attrs) if (value !== undefined) out += ` ${name}="${escapeHtml(String(value))}"`;
  return out;
}

/**
 * A mark's details (title and data attributes) depend only on its label, referent, weight, voice, state and cues,
 * which repeat from mark to mark: each combination is built and escaped once per lexicon. The lexicon bounds how
 * many there are; the memo is emptied if a strange corpus makes it grow anyway.
 */
const detailMemo = new WeakMap<CompiledLexicon, Map<string, string>>();
const MAX_DETAILS = 20_000;

function markDetails(hit: Hit, compiled: CompiledLexicon): string {
  let memo = detailMemo.get(compiled);
  if (!memo) detailMemo.set(compiled, (memo = new Map()));
  const key = `${hit.label}\0${hit.referent ?? ''}\0${hit.weight}\0${hit.voice}\0${hit.distanced ? 1 : 0}${hit.negated ? 1 : 0}\0${hit.cues?.join('\0') ?? ''}`;
  let html = memo.get(key);
  if (html === undefined) {
    const d = hitDetails(hit, compiled);
    // The focus panel's details come from the page's mark glossary (MarkGlossary) by label and referent id; the
    // title says them all for a reader without the script.
    html = attributes([
      ['title', hitTitle(d)], ['data-mark', hitMarker(hit) || undefined], ['data-label', d.label], ['data-referent', hit.referent ?? undefined],
      ['data-cues', d.cues || undefined],
    ]);
    if (memo.size >= MAX_DETAILS) memo.clear();
    memo.set(key, html);
  }
  return html;
}

function labelMark(hit: Hit, text: string, compiled: CompiledLexicon, id: string, first: boolean): string {
  const cls = ['hit', stanceClass(hit.weight), `v-${hit.voice}`, hit.distanced ? 'distanced' : '', hit.negated ? 'negated' : ''].filter(Boolean).join(' ');
  const words = hitMarkerWords(hit);
  // One tab stop per text (the first mark); the arrow keys move between its marks (/assets/marks.js).
  return `<mark${attributes([['class', cls], ['id', id], ['tabindex', first ? 0 : -1]])}${markDetails(hit, compiled)}>`
    + `${escapeHtml(text)}${words ? `<span class="visually-hidden"> (${escapeHtml(words)})</span>` : ''}</mark>`;
}

function nameMark(name: NameHit, text: string, compiled: CompiledLexicon): string {
  const referent = name.referent ? compiled.referents.get(name.referent)?.label ?? name.referent : '';
  const title = [`name: ${name.name}${referent ? ` (${referent})` : ''}`, 'a proper name: shown, never scored', name.distanced ? 'distanced by the outlet' : '']
    .filter(Boolean).join('\n');
  return `<mark${attributes([['class', 'name'], ['title', title]])}>${escapeHtml(text)}</mark>`;
}

function cueMark(device: DeviceHit, text: string): string {
  return `<span${attributes([['class', `cue cue-${device.type}`], ['title', `${device.type} cue: ${device.device}`]])}>${escapeHtml(text)}</span>`;
}

export interface HighlightedTextProps {
  text: string;
  analysis: Pick<DocAnalysis, 'hits' | 'names' | 'devices'>;
  compiled: CompiledLexicon;
  /** Prefix for the marks' element ids (unique per document on a page); a mark's id is `${prefix}-${start}`. */
  idPrefix: string;
}

/**
 * The marked text as HTML, built as one string: a Compare page holds forty such texts with hundreds of marks, and
 * building them as JSX elements took two thirds of the page's time (element objects, then escaping piece by
 * piece). Every piece of text and every attribute value is escaped here exactly as JSX escapes it.
 */
export function highlightedHtml(props: HighlightedTextProps): string {
  const parts: string[] = ['<div class="doc-text">'];
  let first = true;
  for (const s of segmentText(props.text, markSpans(props.analysis))) {
    if (s.kind === 'text') parts.push(escapeHtml(s.text));
    else if (s.kind === 'label') {
      parts.push(labelMark(s.hit, s.text, props.compiled, `${props.idPrefix}-${s.start}`, first));
      first = false;
    } else if (s.kind === 'name') parts.push(nameMark(s.name, s.text, props.compiled));
    else parts.push(cueMark(s.device, s.text));
  }
  parts.push('</div>');
  return parts.join('');
}

export function HighlightedText(props: HighlightedTextProps) {
  return raw(highlightedHtml(props));
}

/**
 * What the focus panel (/assets/marks.js) shows for the marks of a page, by label and referent id: each label's name,
 * weight and rationale, the referents' names, the voices' and states' words. One data block per page instead of
 * the same words on every mark (a Compare page holds hundreds of marks of a few dozen labels). The entries are
 * written once per lexicon and label.
 */
type GlossaryMemo = { labels: Map<string, string>; bytes: Map<string, Uint8Array>; common: string; head?: Uint8Array; tail?: Uint8Array };
const glossaryMemo = new WeakMap<CompiledLexicon, GlossaryMemo>();

function glossaryMemoOf(compiled: CompiledLexicon): GlossaryMemo {
  let memo = glossaryMemo.get(compiled);
  if (!memo) {
    const referents: Record<string, string> = {};
    for (const [id, r] of compiled.referents) referents[id] = r.label;
    const common = `"referents":${jsonForScript(referents)},"noReferent":"no referent","voices":${jsonForScript(VOICE_NAMES)},"states":${jsonForScript(STATE_WORDS)}`;
    glossaryMemo.set(compiled, (memo = { labels: new Map(), bytes: new Map(), common }));
  }
  return memo;
}

/** One label's entry of the mark glossary's JSON, written once per lexicon and label. */
function markGlossaryPart(compiled: CompiledLexicon, memo: GlossaryMemo, id: string): string {
  let part = memo.labels.get(id);
  if (part === undefined) {
    const entry = compiled.entries.get(id);
    const weight = entry?.kind === 'label' ? entry.weight : 0;
    part = `${jsonForScript(id)}:${jsonForScript({ name: labelName(id, compiled), weight: `${fmtSigned(weight, 1)} (${stanceWord(weight)})`, rationale: entry?.rationale ?? '' })}`;
    if (memo.labels.size >= MAX_DETAILS) {
      memo.labels.clear();
      memo.bytes.clear();
    }
    memo.labels.set(id, part);
  }
  return part;
}

export function markGlossaryJson(compiled: CompiledLexicon, labels: Iterable<string>): string {
  const memo = glossaryMemoOf(compiled);
  const parts: string[] = [];
  for (const id of new Set(labels)) parts.push(markGlossaryPart(compiled, memo, id));
  return `{"labels":{${parts.join(',')}},${memo.common}}`;
}

const encoder = new TextEncoder();
const COMMA = encoder.encode(',');
/** The data block's opening tag, written by MarkGlossary and markGlossaryBytes alike. */
const MARK_GLOSSARY_OPEN = '<script type="application/json" id="mark-glossary">';

/**
 * What MarkGlossary writes, as UTF-8 pieces: each label's entry encoded once per lexicon and label, so a Compare page
 * composed of bytes copies them instead of joining and encoding the page's ~20,000 characters of JSON.
 */
export function markGlossaryBytes(compiled: CompiledLexicon, labels: Iterable<string>): Uint8Array[] {
  const memo = glossaryMemoOf(compiled);
  memo.head ??= encoder.encode(`${MARK_GLOSSARY_OPEN}{"labels":{`);
  memo.tail ??= encoder.encode(`},${memo.common}}</script>`);
  const out: Uint8Array[] = [memo.head];
  for (const id of new Set(labels)) {
    const part = markGlossaryPart(compiled, memo, id);
    let bytes = memo.bytes.get(id);
    if (bytes === undefined) memo.bytes.set(id, (bytes = encoder.encode(part)));
    if (out.length > 1) out.push(COMMA);
    out.push(bytes);
  }
  out.push(memo.tail);
  return out;
}

/** The page's mark glossary as a data block (not executed, so the CSP allows it), read by /assets/marks.js. */
export function MarkGlossary({ compiled, labels }: { compiled: CompiledLexicon; labels: Iterable<string> }) {
  return raw(`${MARK_GLOSSARY_OPEN}${markGlossaryJson(compiled, labels)}</script>`);
}

/** The key to the marks; printed with the handout. */
export function Legend() {
  return (
    <section class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">How to read the marks</h2>
      <ul class="legend-stance">
        <li><mark class="hit wn2 v-author">strongly delegitimizing</mark> weight −2</li>
        <li><mark class="hit wn1 v-author">delegitimizing</mark> −1</li>
        <li><mark class="hit w0 v-author">neutral</mark> 0</li>
        <li><mark class="hit wp1 v-author">legitimizing</mark> +1</li>
        <li><mark class="hit wp2 v-author">strongly legitimizing</mark> +2</li>
      </ul>
      <ul class="legend-voice">
        <li><mark class="hit w0 v-author">solid underline</mark> the outlet's own voice (counted in stance)</li>
        <li><mark class="hit w0 v-quoted" data-mark="Q">dashed, Q</mark> inside a direct quotation</li>
        <li><mark class="hit w0 v-attributed" data-mark="R">dotted, R</mark> reported speech (“X said that …”)</li>
        <li><mark class="hit w0 v-author distanced" data-mark={DISTANCED_MARK}>hatched, {DISTANCED_MARK}</mark> distanced: so-called, scare quotes (not adopted)</li>
        <li><mark class="hit w0 v-author negated" data-mark={NEGATED_MARK}>hatched, {NEGATED_MARK}</mark> negated (not adopted)</li>
        <li><mark class="name">outlined</mark> a proper name (never scored)</li>
        <li><span class="cue">dotted grey</span> a cue word: attribution verb, hedge, distancing or negation</li>
      </ul>
      <p class="legend-help no-print">Hover over a mark, or Tab to a text's first mark and move with the arrow keys, to see its label, referent, weight, voice and the lexicon's rationale.</p>
    </section>
  );
}
