/** Keyword in context: occurrences of a label id or a word/phrase, with the sentence around it and its voice. */
import type { DocAnalysis, Document, SpanHit, Voice, VoiceSpan } from '../types.js';
import type { VoiceRules } from '../lexicon/voice-rules.js';
import { findVoiceSpans, selfNamesOf, voiceAt } from './voice.js';
import { datelineSpans } from './analyze.js';

export interface KwicLine {
  documentId: string;
  outlet: string;
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
  voice: Voice;
  /** The label id when the occurrence is a lexicon hit. */
  label?: string;
  referent?: string | null;
  weight?: number;
}

/** One occurrence before its context and voice are read. */
export interface KwicSpan {
  start: number;
  end: number;
  label?: string;
  referent?: string | null;
  weight?: number;
}

/** A word or phrase to find, split into the letter/digit runs it must contain (the last one a prefix with `*`). */
export interface WordPattern {
  /** The whole pattern as one regular expression (what wordMatches finds, faster). */
  regex: RegExp;
  /**
   * The words alone (no boundaries, no wildcard ending), case-insensitive: what wordMatches scans with. Without the
   * letter classes of the boundaries it compiles in microseconds; `regex` compiled afresh for every new term of the
   * server took ~1.6 ms at its first use, about half of a cold Term page's matching. Undefined when a word after the
   * first starts with a hyphen or dash: the words could then end at more than one place from the same start, and
   * only the whole pattern tries each of them against the boundary.
   */
  body?: RegExp;
  /** The pattern ended in `*`: any letters and digits may follow the words. */
  wildcard: boolean;
  /** Lowercased runs of letters and digits of the pattern, in order. */
  tokens: string[];
  /** The last token is a prefix (the pattern ended in `*` right after a letter or digit). */
  prefixLast: boolean;
}

/** Shortest stem before a `*`: "a*" would list most of a corpus and tell the reader nothing. */
export const MIN_WILDCARD_STEM = 2;

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lowercased runs of letters and digits: the unit the term index and word patterns agree on. */
export function wordTokens(text: string): string[] {
  // Lowercasing the text once is cheaper than per token; runs of letters stay runs of letters.
  return text.toLowerCase().match(WORD_RUN) ?? [];
}

/**
 * Why a term cannot be searched, or undefined when it can. A bare `*`, an empty term or one made of wildcards and
 * punctuation would match empty strings at every position of every document.
 */
export function termProblem(term: string): string | undefined {
  const trimmed = term.trim();
  if (!trimmed) return 'give a term: a label id from the lexicon (e.g. "occupiers") or a word';
  if (!/[\p{L}\p{N}]/u.test(trimmed)) {
    return `"${trimmed}" has no letter or digit: give a word, a phrase or a stem with a trailing * (e.g. militia*)`;
  }
  const stem = /^(.*?)\*+$/su.exec(trimmed)?.[1];
  if (stem !== undefined && stem.replace(/[^\p{L}\p{N}]/gu, '').length < MIN_WILDCARD_STEM) {
    return `give at least ${MIN_WILDCARD_STEM} letters before the * (e.g. militia*): "${trimmed}" would match almost every word`;
  }
  return undefined;
}

/** The word pattern of a term (callers check termProblem first; a term with a problem gets none). */
export function wordPattern(term: string): WordPattern | undefined {
  if (termProblem(term) !== undefined) return undefined;
  const trimmed = term.trim();
  const wildcard = /\*+$/.test(trimmed);
  const stem = trimmed.replace(/\*+$/, '');
  const body = stem.split(/\s+/).filter(Boolean).map(escapeRegExp).join('[\\s\\-–]+');
  const ambiguous = stem.split(/\s+/).filter(Boolean).slice(1).some((part) => /^[-–]/.test(part));
  // The whole pattern is made when first read: its letter classes under the i and u flags take V8 ~0.2 ms to parse
  // (measured on 300 new words), and wordMatches scans with `body` unless the words are ambiguous.
  let regex: RegExp | undefined;
  return {
    get regex() {
      return (regex ??= new RegExp(`(?<![\\p{L}\\p{N}])${body}${wildcard ? '[\\p{L}\\p{N}]*' : ''}(?![\\p{L}\\p{N}])`, 'giu'));
    },
    body: ambiguous ? undefined : new RegExp(body, 'giu'),
    wildcard,
    tokens: wordTokens(stem),
    prefixLast: wildcard && /[\p{L}\p{N}]$/u.test(stem),
  };
}

/**
 * A letter or digit at lastIndex, as `regex`'s boundaries and wildcard read one: case-insensitively, so characters
 * that fold to a letter count too (U+0345 folds to ι). Compiled once for every pattern.
 */
const WORD_CHAR_AT = /[\p{L}\p{N}]/iuy;
const WORD_CHARS_FROM = /[\p{L}\p{N}]*/iuy;

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

function wordCharAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  WORD_CHAR_AT.lastIndex = at;
  return WORD_CHAR_AT.test(text);
}

/** Where the code point before `at` starts (a surrogate pair read as one, as a lookbehind does with the u flag). */
const previousCodePoint = (text: string, at: number): number =>
  (at >= 2 && isLowSurrogate(text.charCodeAt(at - 1)) && isHighSurrogate(text.charCodeAt(at - 2)) ? at - 2 : at - 1);

/** Where the code point after the one at `at` starts. */
const nextCodePoint = (text: string, at: number): number =>
  (isHighSurrogate(text.charCodeAt(at)) && isLowSurrogate(text.charCodeAt(at + 1)) ? at + 2 : at + 1);

/**
 * The occurrences of a pattern in a text, the same `regex` finds in the same order: the words are found by `body`,
 * the boundaries (no letter or digit before, none after) and a wildcard's ending are read beside them.
 */
export function* wordMatches(pattern: WordPattern, text: string): Generator<{ start: number; end: number }> {
  const body = pattern.body;
  if (!body) {
    pattern.regex.lastIndex = 0;
    for (const m of text.matchAll(pattern.regex)) if (m[0] !== '') yield { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    return;
  }
  body.lastIndex = 0;
  for (let m = body.exec(text); m !== null; m = body.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    // A start right after a letter, or (without a wildcard) an end right before one: try from the next code point,
    // as the whole pattern would.
    if (m[0] === '' || wordCharAt(text, previousCodePoint(text, start))) {
      body.lastIndex = nextCodePoint(text, start);
      continue;
    }
    if (pattern.wildcard) {
      WORD_CHARS_FROM.lastIndex = end;
      WORD_CHARS_FROM.exec(text);
      end = WORD_CHARS_FROM.lastIndex;
    } else if (wordCharAt(text, end)) {
      body.lastIndex = nextCodePoint(text, start);
      continue;
    }
    body.lastIndex = end;
    yield { start, end };
  }
}

function sentenceAround(analysis: Pick<DocAnalysis, 'sentences'>, start: number, end: number): { start: number; end: number } {
  for (const s of analysis.sentences) if (s.start <= start && s.end >= end) return s;
  return { start, end };
}

function clip(text: string, width: number, fromLeft: boolean): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= width) return flat;
  return fromLeft ? `…${flat.slice(flat.length - width)}` : `${flat.slice(0, width)}…`;
}

/** The hits of one label in a document. */
export function labelSpans(analysis: { hits: readonly SpanHit[] }, label: string): KwicSpan[] {
  return analysis.hits.filter((h) => h.label === label).map((h) => ({ start: h.start, end: h.end, label: h.label, referent: h.referent, weight: h.weight }));
}

/** Occurrences of a word pattern in a document, with the lexicon hit each falls inside, if any. */
export function wordSpans(doc: Pick<Document, 'text'>, analysis: { hits: readonly SpanHit[] }, pattern: WordPattern): KwicSpan[] {
  const spans: KwicSpan[] = [];
  for (const { start, end } of wordMatches(pattern, doc.text)) {
    const hit = analysis.hits.find((h) => h.start <= start && h.end >= end);
    spans.push({ start, end, label: hit?.label, referent: hit?.referent, weight: hit?.weight });
  }
  return spans;
}

/**
 * Reported speech of a whole document: the analysis holds it only for sentences with lexicon matches. `rules`: the
 * voice rules the corpus was analyzed with (default: the bundled ones).
 */
export function documentVoiceSpans(doc: Pick<Document, 'text' | 'outlet'>, analysis: Pick<DocAnalysis, 'sentences'>, rules?: VoiceRules): VoiceSpan[] {
  // The outlet citing itself is its own voice here too (S-SELF), as in the analysis.
  const self = selfNamesOf(doc.outlet, doc.text, datelineSpans(doc.text), rules);
  return findVoiceSpans(doc.text, analysis.sentences, undefined, undefined, rules, self);
}

export function kwicLine(doc: Pick<Document, 'id' | 'outlet' | 'text'>, analysis: Pick<DocAnalysis, 'sentences'>, span: KwicSpan, voiceSpans: VoiceSpan[], width = 60): KwicLine {
  const text = doc.text;
  const sent = sentenceAround(analysis, span.start, span.end);
  return {
    documentId: doc.id,
    outlet: doc.outlet,
    start: span.start,
    end: span.end,
    left: clip(text.slice(sent.start, span.start), width, true),
    match: text.slice(span.start, span.end),
    right: clip(text.slice(span.end, sent.end), width, false),
    voice: voiceAt(voiceSpans, span.start, span.end),
    label: span.label,
    referent: span.referent,
    weight: span.weight,
  };
}

/**
 * `term` is a label id of the lexicon (all its hits), or else a word or phrase matched case-insensitively at word
 * boundaries (a trailing * matches any ending). A term with a problem (see termProblem) finds nothing.
 */
export function keywordInContext(doc: Document, analysis: DocAnalysis, term: string, width = 60): KwicLine[] {
  const byLabel = labelSpans(analysis, term);
  if (byLabel.length) return byLabel.map((s) => kwicLine(doc, analysis, s, analysis.voiceSpans, width));
  const pattern = wordPattern(term);
  if (!pattern) return [];
  const spans = wordSpans(doc, analysis, pattern);
  if (!spans.length) return [];
  const voiceSpans = documentVoiceSpans(doc, analysis);
  return spans.map((s) => kwicLine(doc, analysis, s, voiceSpans, width));
}
