/**
 * Whose words are these? Voice spans over the raw text: `quoted` (direct quotation), `attributed` (reported
 * speech), everything else is the outlet's own voice (`author`).
 *
 * - Quotations come from quotes.ts (marks, apostrophes, paragraphs, lost and missing marks).
 * - Reported speech comes from attribution.ts, run per sentence unit: the NLP's sentences, cut at paragraph breaks
 *   (a headline merged into the next sentence must not carry a cue across), with any gaps the sentences leave
 *   filled in as units of their own; a sentence cut after a title abbreviation ("Rear Adm. | Daniel Hagari said") is
 *   joined to the next. attribution.ts also finds colon-introduced quotations without marks ("The
 *   group said: We will …", the paragraph after "The statement read:"); they count as quoted.
 * - Quoted wins over attributed where they overlap; only outermost quotations make voice spans.
 *
 * All offsets are character offsets into the unaltered text; everything is linear in the text length apart from a
 * sort of the (few) spans.
 */
import type { Span, Voice, VoiceSpan } from '../types.js';
import { attributionSpans } from './attribution.js';
import { paragraphSpans, quoteSpans, type Paragraph, type QuoteSpan } from './quotes.js';

export { quoteSpans, paragraphSpans, type QuoteSpan, type Paragraph } from './quotes.js';
export { attributionSpans } from './attribution.js';

/**
 * Voice spans of a text: sorted, non-overlapping `quoted` and `attributed` spans (everything else is author voice).
 * `sentences` are the NLP's sentence spans in order; when empty, a rough splitter stands in. With `wanted` (sorted
 * spans, e.g. the lexicon matches), reported speech is looked for only in the sentences that hold one of them — the
 * same result there, at a fraction of the cost; quotations are always found everywhere.
 */
export function findVoiceSpans(text: string, sentences: Span[], wanted?: Span[], quotes: QuoteSpan[] = quoteSpans(text)): VoiceSpan[] {
  const quoted: Span[] = [];
  for (const q of quotes) {
    if (q.depth !== 0) continue;
    const last = quoted[quoted.length - 1];
    if (last && q.start <= last.end) last.end = Math.max(last.end, q.end);
    else quoted.push({ start: q.start, end: q.end });
  }
  const paragraphs = paragraphSpans(text);
  const units = sentenceUnits(text, sentences.length > 0 ? sentences : roughSentences(text), paragraphs);
  const colonQuoted: Span[] = [];
  const attributed = attributionSpans(text, units, quoted, colonQuoted, wanted);
  return combine(colonQuoted.length ? mergeSpans(quoted, colonQuoted) : quoted, attributed);
}

/** Union of two sorted span lists, sorted, overlapping and touching spans merged. */
function mergeSpans(a: Span[], b: Span[]): Span[] {
  const all = [...a, ...b].sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Quoted spans plus the parts of attributed spans outside them, in order, touching same-voice spans merged. */
function combine(quoted: Span[], attributed: Span[]): VoiceSpan[] {
  const out: VoiceSpan[] = [];
  const push = (start: number, end: number, voice: VoiceSpan['voice']): void => {
    if (end <= start) return;
    const last = out[out.length - 1];
    if (last && last.voice === voice && last.end >= start) last.end = Math.max(last.end, end);
    else out.push({ start, end, voice });
  };
  let q = 0;
  for (const a of attributed) {
    let cursor = a.start;
    // Emit the quotations that start before this attributed span ends, cutting the attributed span around them.
    while (q < quoted.length && quoted[q].start < a.end) {
      const s = quoted[q];
      if (s.end <= cursor) {
        push(s.start, s.end, 'quoted');
        q++;
        continue;
      }
      push(cursor, Math.min(s.start, a.end), 'attributed');
      push(s.start, s.end, 'quoted');
      cursor = Math.max(cursor, s.end);
      q++;
    }
    push(cursor, a.end, 'attributed');
  }
  while (q < quoted.length) {
    push(quoted[q].start, quoted[q].end, 'quoted');
    q++;
  }
  return out;
}

/**
 * Sentence units for attribution: the sentences clamped to the text, made non-overlapping and in order, with
 * uncovered stretches added as units, then cut at paragraph breaks.
 */
export function sentenceUnits(text: string, sentences: Span[], paragraphs: Paragraph[]): Span[] {
  const n = text.length;
  const cover: Span[] = [];
  let pos = 0;
  for (const s of sentences) {
    const start = Math.max(pos, Math.min(n, s.start));
    const end = Math.min(n, s.end);
    if (end <= start) continue;
    if (start > pos) cover.push({ start: pos, end: start });
    cover.push({ start, end });
    pos = end;
  }
  if (pos < n) cover.push({ start: pos, end: n });

  mergeAfterTitles(text, cover);
  const units: Span[] = [];
  let p = 0;
  for (const c of cover) {
    while (p < paragraphs.length && paragraphs[p].trimEnd <= c.start) p++;
    for (let k = p; k < paragraphs.length && paragraphs[k].trimStart < c.end; k++) {
      const start = Math.max(c.start, paragraphs[k].trimStart);
      const end = Math.min(c.end, paragraphs[k].trimEnd);
      if (end > start) units.push({ start, end });
    }
  }
  return units;
}

/** Titles that stand before a name and never end a sentence: "Rear Adm. Daniel Hagari", "Sen. Lindsey Graham". */
const TITLES = new Set(['adm', 'gen', 'sen', 'col', 'lt', 'maj', 'capt', 'cpt', 'rep', 'gov', 'dr', 'mr', 'mrs', 'ms',
  'prof', 'sgt', 'cpl', 'pvt', 'brig', 'cmdr', 'cdr', 'rev', 'hon', 'pres', 'amb', 'supt', 'insp', 'gens']);

/**
 * Joins a sentence that ends in a title abbreviation to the next one (in place): a splitter that cuts
 * "military spokesman Rear Adm. | Daniel Hagari said." would cut a speech tag off its claim.
 */
function mergeAfterTitles(text: string, cover: Span[]): void {
  let w = 0;
  for (let r = 0; r < cover.length; r++) {
    const c = cover[r];
    const last = w > 0 ? cover[w - 1] : undefined;
    if (last && endsWithTitle(text, last) && !/[\n\r]/.test(text.slice(last.end, c.start))) last.end = c.end;
    else cover[w++] = c;
  }
  cover.length = w;
}

function endsWithTitle(text: string, s: Span): boolean {
  let e = s.end;
  while (e > s.start && /\s/.test(text[e - 1])) e--;
  if (text[e - 1] !== '.') return false;
  let b = e - 1;
  while (b > s.start && /[A-Za-z]/.test(text[b - 1])) b--;
  if (e - 1 - b > 5 || b === e - 1) return false;
  if (b > s.start && /[A-Za-z0-9.]/.test(text[b - 1])) return false;
  return TITLES.has(text.slice(b, e - 1).toLowerCase());
}

/**
 * A rough sentence splitter (fallback and tests): a break after . ! ? (plus closing quotes or brackets) followed by
 * whitespace and an uppercase letter, digit or opening mark; and at every line break.
 */
export function roughSentences(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let start = 0;
  const flush = (end: number): void => {
    let s = start;
    while (s < end && /\s/.test(text[s])) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '\n') {
      flush(i);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < n && '"\'\u201D\u2019\u00BB)]'.includes(text[j])) j++;
    if (j >= n || (text[j] !== ' ' && text[j] !== '\t')) continue;
    let k = j;
    while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
    if (k < n && /[\p{Lu}\p{N}"'\u201C\u2018\u00AB(]/u.test(text[k])) {
      flush(j);
      i = j - 1;
    }
  }
  flush(n);
  return out;
}

/**
 * The voice of text[start, end): the voice that covers most of its characters (ties go to quoted, then attributed).
 * An empty range takes the voice at `start`. Binary search, then a walk over the few spans it touches.
 */
export function voiceAt(spans: VoiceSpan[], start: number, end: number): Voice {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  if (end <= start) {
    const s = spans[lo];
    return s && s.start <= start && start < s.end ? s.voice : 'author';
  }
  let quoted = 0;
  let attributed = 0;
  for (let k = lo; k < spans.length && spans[k].start < end; k++) {
    const s = spans[k];
    const overlap = Math.min(end, s.end) - Math.max(start, s.start);
    if (overlap <= 0) continue;
    if (s.voice === 'quoted') quoted += overlap;
    else attributed += overlap;
  }
  const author = end - start - quoted - attributed;
  if (quoted >= attributed && quoted >= author && quoted > 0) return 'quoted';
  if (attributed >= author && attributed > 0) return 'attributed';
  return 'author';
}
