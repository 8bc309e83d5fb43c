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
import type { Span, VoiceSpan } from '../types.js';
import { defaultVoiceRules, type VoiceRules } from '../lexicon/voice-rules.js';
import { attributionSpans } from './voice/unit.js';
import type { SelfName } from './voice/self.js';
import { combineVoices, mergeSpans, type RuleSpan } from './voice/spans.js';
import { paragraphSpans, quoteSpans, type Paragraph, type QuoteSpan } from './quotes.js';

export { quoteSpans, paragraphSpans, type QuoteSpan, type Paragraph } from './quotes.js';
export { attributionSpans } from './attribution.js';
export { voiceAt, mergeSpans, insideAny, type RuleSpan } from './voice/spans.js';
export { selfNamesOf, type SelfName } from './voice/self.js';

/**
 * Voice spans of a text: sorted, non-overlapping `quoted` and `attributed` spans (everything else is author voice).
 * `sentences` are the NLP's sentence spans in order; when empty, a rough splitter stands in. With `wanted` (sorted
 * spans, e.g. the lexicon matches), reported speech is looked for only in the sentences that hold one of them — the
 * same result there, at a fraction of the cost; quotations are always found everywhere. `rules` is the voice
 * vocabulary (compiled.voice; lexicons/voice.yml by default).
 */
export function findVoiceSpans(
  text: string, sentences: Span[], wanted?: Span[], quotes?: QuoteSpan[], rules: VoiceRules = defaultVoiceRules(),
  self?: readonly SelfName[],
): VoiceSpan[] {
  return readVoices(text, sentences, wanted, quotes, rules, undefined, self);
}

/**
 * A full reading that also says which rule made each reported or colon-quoted span (rule ids of docs/voice.md):
 * for explanations and the data-driven voice tests.
 */
export function explainVoices(
  text: string, sentences: Span[], rules: VoiceRules = defaultVoiceRules(), self?: readonly SelfName[],
): { spans: VoiceSpan[]; rules: RuleSpan[] } {
  const trace: RuleSpan[] = [];
  const spans = readVoices(text, sentences, undefined, undefined, rules, trace, self);
  return { spans, rules: trace };
}

function readVoices(
  text: string, sentences: Span[], wanted: Span[] | undefined, quotes: QuoteSpan[] | undefined, rules: VoiceRules, trace?: RuleSpan[],
  self?: readonly SelfName[],
): VoiceSpan[] {
  const quoted = mergeSpans((quotes ?? quoteSpans(text, rules)).filter((q) => q.depth === 0));
  const paragraphs = paragraphSpans(text);
  const units = sentenceUnits(text, sentences.length > 0 ? sentences : roughSentences(text), paragraphs, rules);
  const colonQuoted: Span[] = [];
  const attributed = attributionSpans(text, units, quoted, colonQuoted, wanted, rules, trace, self);
  return combineVoices(colonQuoted.length ? mergeSpans(quoted, colonQuoted) : quoted, attributed);
}

/**
 * Sentence units for attribution: the sentences clamped to the text, made non-overlapping and in order, with
 * uncovered stretches added as units, then cut at paragraph breaks.
 */
export function sentenceUnits(text: string, sentences: Span[], paragraphs: Paragraph[], rules: VoiceRules = defaultVoiceRules()): Span[] {
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

  mergeAfterTitles(text, cover, rules.words.titles);
  mergeBrokenSentences(text, cover);
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

/**
 * U-TITLE: joins a sentence that ends in a title abbreviation (voice rules, `titles`), or in a month abbreviation
 * before a day ("since Oct. | 8, Hezbollah had fired …, the IDF said"), to the next one (in place): a splitter that
 * cuts "military spokesman Rear Adm. | Daniel Hagari said." would cut a speech tag off its claim.
 */
function mergeAfterTitles(text: string, cover: Span[], titles: ReadonlySet<string>): void {
  let w = 0;
  for (let r = 0; r < cover.length; r++) {
    const c = cover[r];
    const last = w > 0 ? cover[w - 1] : undefined;
    const joined = last && !/[\n\r]/.test(text.slice(last.end, c.start)) &&
      (endsWithTitle(text, last, titles) || (endsWithMonth(text, last) && startsWithDigit(text, c)));
    if (last && joined) last.end = c.end;
    else cover[w++] = c;
  }
  cover.length = w;
}

/**
 * U-BREAK: joins a sentence that a line break cut in the middle to the rest (in place): the first part ends without
 * final punctuation and the next goes on in lowercase or with a comma ("The forces will be expelled\n, the group
 * said."), so the speech tag stays with its claim. Real paragraph breaks cut the units again afterwards.
 */
function mergeBrokenSentences(text: string, cover: Span[]): void {
  let w = 0;
  for (let r = 0; r < cover.length; r++) {
    const c = cover[r];
    const last = w > 0 ? cover[w - 1] : undefined;
    if (last && brokenAt(text, last, c)) last.end = c.end;
    else cover[w++] = c;
  }
  cover.length = w;
}

function brokenAt(text: string, a: Span, b: Span): boolean {
  let e = a.end;
  while (e > a.start && /\s/.test(text[e - 1])) e--;
  if (e === a.start || /[.!?:;"'\u201D\u2019\u00BB)\]\u2026]/.test(text[e - 1])) return false;
  let s = b.start;
  while (s < b.end && /\s/.test(text[s])) s++;
  if (!/[\n\r]/.test(text.slice(e, s))) return false;
  return /[\p{Ll},;]/u.test(text[s] ?? '');
}

/** Month abbreviations a splitter takes for a sentence end before the day ("Oct. 8"). */
const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

function endsWithMonth(text: string, s: Span): boolean {
  return endsWithTitle(text, s, MONTH_ABBREVIATIONS);
}

function startsWithDigit(text: string, s: Span): boolean {
  let i = s.start;
  while (i < s.end && /\s/.test(text[i])) i++;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function endsWithTitle(text: string, s: Span, titles: ReadonlySet<string>): boolean {
  let e = s.end;
  while (e > s.start && /\s/.test(text[e - 1])) e--;
  if (text[e - 1] !== '.') return false;
  let b = e - 1;
  while (b > s.start && /[A-Za-z]/.test(text[b - 1])) b--;
  if (e - 1 - b > 5 || b === e - 1) return false;
  if (b > s.start && /[A-Za-z0-9.]/.test(text[b - 1])) return false;
  return titles.has(text.slice(b, e - 1).toLowerCase());
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
