/**
 * A text with its framing terms marked. Built from hit offsets; every piece of text is a JSX text child, so hono
 * escapes it. Stance is told by colour AND by a letter/sign marker and underline style, never colour alone:
 *   solid underline = the outlet's own voice, dashed + "Q" = direct quotation, dotted + "R" = reported speech,
 *   hatched + "≠" = distanced (so-called, scare quotes), hatched + "¬" = negated.
 */
import type { DocAnalysis, Hit, NameHit, DeviceHit } from '../../types.js';
import type { CompiledLexicon } from '../../lexicon/compile.js';
import { markSpans, segmentText } from '../segments.js';
import { labelName } from '../../report/views/names.js';
import { DISTANCED_MARK, fmtSigned, NEGATED_MARK, stanceClass, stanceWord, VOICE_MARKS, VOICE_NAMES } from '../../report/format.js';

export function hitMarker(hit: Pick<Hit, 'voice' | 'distanced' | 'negated'>): string {
  return [VOICE_MARKS[hit.voice], hit.distanced ? DISTANCED_MARK : '', hit.negated ? NEGATED_MARK : ''].join('');
}

export function hitDetails(hit: Hit, compiled: CompiledLexicon) {
  const entry = compiled.entries.get(hit.label);
  const referent = hit.referent ? compiled.referents.get(hit.referent)?.label ?? hit.referent : 'no referent';
  const state = [hit.distanced ? 'distanced (not adopted: not counted in stance)' : '', hit.negated ? 'negated (not counted in stance)' : '']
    .filter(Boolean).join('; ');
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

function hitTitle(d: ReturnType<typeof hitDetails>): string {
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

function LabelMark(props: { hit: Hit; text: string; compiled: CompiledLexicon; id: string; first: boolean }) {
  const { hit } = props;
  const d = hitDetails(hit, props.compiled);
  const cls = ['hit', stanceClass(hit.weight), `v-${hit.voice}`, hit.distanced ? 'distanced' : '', hit.negated ? 'negated' : ''].filter(Boolean).join(' ');
  const marker = hitMarker(hit);
  const words = hitMarkerWords(hit);
  // One tab stop per text (the first mark); the arrow keys move between its marks (/assets/marks.js).
  return (
    <mark
      class={cls}
      id={props.id}
      tabindex={props.first ? 0 : -1}
      title={hitTitle(d)}
      data-mark={marker || undefined}
      data-label={d.label}
      data-name={d.name}
      data-referent={d.referent}
      data-weight={d.weight}
      data-voice={d.voice}
      data-state={d.state || undefined}
      data-cues={d.cues || undefined}
      data-rationale={d.rationale || undefined}
      data-text={props.text}
    >{props.text}{words ? <span class="visually-hidden"> ({words})</span> : ''}</mark>
  );
}

function NameMark(props: { name: NameHit; text: string; compiled: CompiledLexicon }) {
  const { name } = props;
  const referent = name.referent ? props.compiled.referents.get(name.referent)?.label ?? name.referent : '';
  const title = [`name: ${name.name}${referent ? ` (${referent})` : ''}`, 'a proper name: shown, never scored', name.distanced ? 'distanced by the outlet' : '']
    .filter(Boolean).join('\n');
  return <mark class="name" title={title}>{props.text}</mark>;
}

function CueMark(props: { device: DeviceHit; text: string }) {
  return <span class={`cue cue-${props.device.type}`} title={`${props.device.type} cue: ${props.device.device}`}>{props.text}</span>;
}

export interface HighlightedTextProps {
  text: string;
  analysis: Pick<DocAnalysis, 'hits' | 'names' | 'devices'>;
  compiled: CompiledLexicon;
  /** Prefix for the marks' element ids (unique per document on a page); a mark's id is `${prefix}-${start}`. */
  idPrefix: string;
}

export function HighlightedText(props: HighlightedTextProps) {
  const segments = segmentText(props.text, markSpans(props.analysis));
  let first = true;
  return (
    <div class="doc-text">
      {segments.map((s) => {
        if (s.kind === 'text') return s.text;
        if (s.kind === 'label') {
          const mark = <LabelMark hit={s.hit} text={s.text} compiled={props.compiled} id={`${props.idPrefix}-${s.start}`} first={first} />;
          first = false;
          return mark;
        }
        if (s.kind === 'name') return <NameMark name={s.name} text={s.text} compiled={props.compiled} />;
        return <CueMark device={s.device} text={s.text} />;
      })}
    </div>
  );
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
