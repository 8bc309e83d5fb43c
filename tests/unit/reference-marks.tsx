/** @jsxImportSource hono/jsx */
/**
 * The marked text as the JSX components built it before highlightedHtml (views/marks.tsx) built it as one string:
 * the reference the string version must equal byte for byte.
 */
import type { DeviceHit, DocAnalysis, Hit, NameHit } from '../../src/types.js';
import type { CompiledLexicon } from '../../src/lexicon/compile.js';
import { markSpans, segmentText } from '../../src/server/segments.js';
import { stanceClass } from '../../src/report/format.js';
import { hitDetails, hitMarker, hitMarkerWords, hitTitle } from '../../src/server/views/marks.js';


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
      data-referent={hit.referent ?? undefined}
      data-cues={d.cues || undefined}
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

interface HighlightedTextProps {
  text: string;
  analysis: Pick<DocAnalysis, 'hits' | 'names' | 'devices'>;
  compiled: CompiledLexicon;
  /** Prefix for the marks' element ids (unique per document on a page); a mark's id is `${prefix}-${start}`. */
  idPrefix: string;
}

export function ReferenceHighlightedText(props: HighlightedTextProps) {
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
