/**
 * Quotations in raw text: one linear scan, a small stack of open marks, paragraph by paragraph.
 *
 * Rules:
 * - Paragraphs. A paragraph ends at a line break, except a soft (hard-wrapped) line break: the line before ends in
 *   a letter, digit, comma or hyphen and the next line starts with a lowercase letter. Blank lines are paragraph
 *   breaks too. No quotation crosses a paragraph break except by the continuation rule below.
 * - Double marks. “ opens and ” closes; „ opens and “ or ” closes it (German/Polish); « » and the German » «;
 *   「」『』. A straight " is decided by flanking: it closes an open double quotation when it ends a word
 *   (right-flanking) or does not start one, opens when it starts a word (left-flanking), and is otherwise ignored,
 *   except at a paragraph's start with nothing open, where one or two spaces before the first word do not keep it
 *   from opening ('" Iran made a big mistake …"', a transcript's spaced mark).
 *   A ” that starts a word with nothing open opens (Swedish ”…”). “ closes an open “ when it ends a word (“…“ typos).
 * - Single marks (‘ ’ ' ‚ ‹ ›) are quotation marks only where they cannot be apostrophes: never between two
 *   letters/digits (Gaza's, Kata’ib, don't), an opener starts a word (preceded by space, start or opening
 *   punctuation; followed by a non-space), a closer ends a word (preceded by a non-space; followed by space,
 *   punctuation or the end) AND closes an open single quotation — otherwise it is an apostrophe (militias', ’s).
 *   Elisions are not openers: '90s / ’23, 'n' (rock 'n' roll), 'em, 'tis, 'twas, 'til, 'cause.
 *   A plural possessive inside an open single quotation ("'the militias' positions were hit'") is read as an
 *   apostrophe when it is followed by a space and a letter and another single closer follows in the paragraph.
 *   An unclosed single opener is stray (ignored) at the end of its paragraph or when an enclosing quotation closes,
 *   except for a run of quoted paragraphs (below).
 * - Nesting. Marks nest on a stack; a closer closes the nearest open mark it matches and drops unclosed marks above
 *   it. Every quotation is reported with its nesting depth (0 = outermost).
 * - Unclosed double opener. At the end of the paragraph, if the next non-blank paragraph starts with an opening
 *   double mark, the quotation continues through that paragraph (the English multi-paragraph convention; the
 *   re-opening mark is part of the quotation). Otherwise it ends at the paragraph end (closeMark null).
 * - Single-mark paragraph run. A paragraph that opens with a single mark left unclosed (‘For many months, …) goes
 *   on into the next paragraphs when one of the next SINGLE_RUN_PARAGRAPHS ends the run: it ends with that mark's
 *   closer right after a sentence's end (….’), and it and the paragraphs between hold no quotation mark but
 *   apostrophes inside words (a re-opening mark at a paragraph's start, the English convention, is allowed). A
 *   blog quoting an article paragraph by paragraph between ‘ and ’ is so read (voice 1.15.4); a closer that is
 *   also an apostrophe (militias’) cannot end a run, since it follows a letter, not a sentence's end.
 * - Stray double closer (nothing open). When it ends its paragraph (at most two punctuation characters after it)
 *   and there is evidence that the paragraph is reported material — a reporting word in the paragraph ("said",
 *   "stated", "statement", "according to" …) or the next non-blank paragraph opens with a double mark (a run of
 *   quoted paragraphs, as in seed 002) — the whole paragraph is a quotation whose opening mark was lost
 *   (openMark null). So is a paragraph whose stray closer ends a sentence and is followed only by a source's credit,
 *   one to four capitalised words ("… on shipping.” Reuters", an opinion digest's quoted report; the credit is the
 *   evidence). Without such evidence, or mid-paragraph, a stray closer is ignored: guessing where a lost
 *   opener stood inside a paragraph would more often be wrong than right.
 * - Dash quotations (translated text), only in paragraphs without marked quotations: a paragraph opening with an em
 *   dash, or an em/en dash right after a colon ("The commander said: — We will strike."), opens a quotation that
 *   closes at a dash after , ! ? … ("— We will strike, — he said.") or at the paragraph end; after such a close a
 *   dash after . or , reopens it ("… he said. — They will pay."). See dashQuotations.
 */
import type { Span } from '../types.js';
import { defaultVoiceRules, type VoiceRules } from '../lexicon/voice-rules.js';
import { containsReportingCue } from './voice/tags.js';
import { isWordChar } from './voice/words.js';

export interface QuoteSpan extends Span {
  /** The opening mark; null when the opening mark was lost (a stray closer ending a reported paragraph). */
  openMark: string | null;
  /** The closing mark; null when the quotation was not closed and ends at its paragraph end. */
  closeMark: string | null;
  /** The quoted text without the marks. */
  inner: Span;
  /** Number of words in `inner`. */
  words: number;
  /** Nesting depth: 0 for an outermost quotation, 1 for a quotation inside it, … */
  depth: number;
}

/**
 * A source's credit after a stray closer that ends a quoted paragraph: a space or a dash, then one to four capitalised
 * words to the paragraph's end ("” Reuters", "” — The New York Times"); the mark must close a sentence (".”").
 */
const CREDIT_AFTER_CLOSER = /^[ \u00A0]+(?:[\u2014\u2013-][ \u00A0]*)?[A-Z][\w.&'\u2019-]*(?:[ \u00A0]+(?:of|the|[A-Z][\w.&'\u2019-]*)){0,3}$/;

/** Closers each opener accepts. */
const CLOSERS: Record<string, string> = {
  '\u201C': '\u201D"', // “ → ” "
  '"': '"\u201D', // " → " ”
  '\u201E': '\u201C\u201D', // „ → “ ”
  '\u201D': '\u201D', // ” → ” (Swedish)
  '\u00AB': '\u00BB', // « → »
  '\u00BB': '\u00AB', // » → « (German)
  '\u2018': "\u2019'", // ‘ → ’ '
  "'": "'\u2019", // ' → ' ’
  '\u201A': '\u2018\u2019', // ‚ → ‘ ’
  '\u2019': "\u2019'", // ’ → ’ ' (misused as an opener)
  '\u2039': '\u203A', // ‹ → ›
  '\u203A': '\u2039', // › → ‹
  '\u300C': '\u300D', // 「 → 」
  '\u300E': '\u300F', // 『 → 』
};

const SINGLE_GLYPHS = "'\u2018\u2019\u201A\u2039\u203A";
/** Marks that open a double quotation at a paragraph start (continuation and evidence checks). */
const DOUBLE_OPENERS_AT_START = '"\u201C\u201E\u00AB';
const DOUBLE_STRAY_CLOSERS = '"\u201D\u00BB';

/** Characters after which a mark still starts a word. */
const OPEN_CONTEXT = '([{<\u2014\u2013-/:\u201C\u2018\u00AB\u201E\u201A\u2039"\'';
/** Characters before which a mark still ends a word. */
const CLOSE_CONTEXT = '.,;:!?)]}>\u2014\u2013-/\u2026\u201D\u2019\u00BB\u203A"\'\u201C';

/** Open marks beyond this depth are ignored, which keeps every stack search O(1) on pathological input. */
const MAX_DEPTH = 12;

const ELISIONS = ['em', 'tis', 'twas', 'til', 'cause', 'bout'];

/** Paragraphs after its first that a single-mark paragraph run may reach for its closer (module comment). */
const SINGLE_RUN_PARAGRAPHS = 4;
/** Sentence ends a run's closer follows. */
const SENTENCE_ENDS = '.!?\u2026';

function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x2028
    || code === 0x2029 || code === 0x0b || code === 0x0c || (code >= 0x2000 && code <= 0x200a) || code === 0x3000
    || code === 0x202f;
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

function isLowerLetter(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  const ch = String.fromCharCode(code);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** A paragraph: [start, end) is the raw range; [trimStart, trimEnd) without surrounding whitespace. */
export interface Paragraph extends Span {
  trimStart: number;
  trimEnd: number;
}

/**
 * Paragraphs of a text (see the module comment for soft line breaks). Blank paragraphs are omitted; the
 * paragraphs are in order and do not overlap.
 */
export function paragraphSpans(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const n = text.length;
  let lineStart = 0;
  let cur: Paragraph | null = null;
  while (lineStart <= n) {
    let lineEnd = lineStart;
    while (lineEnd < n && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
    let ts = lineStart;
    while (ts < lineEnd && isSpaceCode(text.charCodeAt(ts))) ts++;
    let te = lineEnd;
    while (te > ts && isSpaceCode(text.charCodeAt(te - 1))) te--;
    if (ts === te) {
      cur = null; // blank line: hard break
    } else if (cur && isSoftBreak(text, cur.trimEnd, ts)) {
      cur.end = lineEnd;
      cur.trimEnd = te;
    } else {
      cur = { start: lineStart, end: lineEnd, trimStart: ts, trimEnd: te };
      out.push(cur);
    }
    if (lineEnd >= n) break;
    // \r\n counts as one break
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a ? 2 : 1);
  }
  return out;
}

/**
 * A single line break between a line ending at prevEnd and one starting at nextStart is soft (hard-wrapped text): the
 * next line goes on in lowercase, or opens with a comma or semicolon ("… from Iraq\n, the group said.").
 */
function isSoftBreak(text: string, prevEnd: number, nextStart: number): boolean {
  const last = text.charCodeAt(prevEnd - 1);
  const lastOk = isWordChar(last) || last === 0x2c || last === 0x2d;
  const next = text.charCodeAt(nextStart);
  return lastOk && (isLowerLetter(next) || next === 0x2c || next === 0x3b);
}

interface OpenMark {
  pos: number;
  glyph: string;
  single: boolean;
}

function countWords(text: string, start: number, end: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      if (!inWord) words++;
      inWord = true;
    } else if (inWord && (c === 0x27 || c === 0x2019 || c === 0x2d) && i + 1 < end && isWordChar(text.charCodeAt(i + 1))) {
      // joiner inside a word (Kata'ib, anti-terror)
    } else {
      inWord = false;
    }
  }
  return words;
}

/**
 * All quotations of a text, sorted by start (outer before inner at the same start). `rules` gives the tag verbs that
 * count as evidence of reported material when an opening mark was lost.
 */
export function quoteSpans(text: string, rules: VoiceRules = defaultVoiceRules()): QuoteSpan[] {
  const paragraphs = paragraphSpans(text);
  const out: QuoteSpan[] = [];
  let carried: OpenMark | null = null;
  // Whether the carried quotation's next paragraph repeats the opening mark (skipped): always for a double mark, for a
  // single-mark run only when the paragraph opens with it.
  let carriedSkip = true;

  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    const next = paragraphs[p + 1];
    const nextOpensDouble = next !== undefined && DOUBLE_OPENERS_AT_START.includes(text[next.trimStart]);
    const firstOut = out.length;
    const stack: OpenMark[] = [];
    let i = para.trimStart;
    if (carried) {
      // Continuation: the paragraph's opening mark re-opens the carried quotation.
      stack.push(carried);
      carried = null;
      if (carriedSkip) i++;
      carriedSkip = true;
    }
    // Lazily computed: position of the last single closing candidate in this paragraph.
    let lastSingleCloser = -2;
    let recovered = false;
    const open = (pos: number, glyph: string, single: boolean): void => {
      if (stack.length < MAX_DEPTH) stack.push({ pos, glyph, single });
    };

    const emit = (open: OpenMark | null, start: number, closePos: number, closeGlyph: string | null, depth: number): void => {
      const innerStart = open ? open.pos + 1 : start;
      const end = closeGlyph === null ? closePos : closePos + 1;
      const words = countWords(text, innerStart, closePos);
      if (words === 0) return;
      out.push({
        start, end, openMark: open ? open.glyph : null, closeMark: closeGlyph,
        inner: { start: innerStart, end: closePos }, words, depth,
      });
    };
    const close = (k: number, pos: number, glyph: string): void => {
      const open = stack[k];
      stack.length = k;
      emit(open, open.pos, pos, glyph, k);
    };
    const findOpener = (glyph: string): number => {
      for (let k = stack.length - 1; k >= 0; k--) if (CLOSERS[stack[k].glyph].includes(glyph)) return k;
      return -1;
    };
    const hasDouble = (): boolean => stack.some((m) => !m.single);
    const strayDoubleCloser = (pos: number, glyph: string): void => {
      if (recovered || hasDouble()) return;
      const tail = para.trimEnd - pos - 1;
      // "… continue their attacks on shipping.” Reuters": a source's credit after the mark closes the paragraph and
      // names whose words it was (voice 1.15.3).
      const credited = tail > 2 && '.!?\u2026'.includes(text[pos - 1]) && CREDIT_AFTER_CLOSER.test(text.slice(pos + 1, para.trimEnd));
      if (tail > 2 && !credited) return;
      if (!credited) for (let t = pos + 1; t < para.trimEnd; t++) if (!'.,;!?)'.includes(text[t])) return;
      if (!credited && !nextOpensDouble && !containsReportingCue(text, para.trimStart, pos, rules)) return;
      // A quotation closed here that began in an earlier paragraph bounds the recovered one.
      let start = para.trimStart;
      for (let q = firstOut; q < out.length; q++) if (out[q].start < para.trimStart) start = Math.max(start, out[q].end);
      stack.length = 0;
      recovered = true;
      for (let q = firstOut; q < out.length; q++) if (out[q].start >= start) out[q].depth++;
      emit(null, start, pos, glyph, 0);
    };
    const singleCloserLater = (pos: number): boolean => {
      if (lastSingleCloser === -2) {
        lastSingleCloser = -1;
        for (let t = para.trimEnd - 1; t > pos; t--) {
          if (SINGLE_GLYPHS.includes(text[t]) && t > para.trimStart && !isSpaceCode(text.charCodeAt(t - 1))
            && !isWordChar(text.charCodeAt(t + 1))) {
            lastSingleCloser = t;
            break;
          }
        }
      }
      return lastSingleCloser > pos;
    };

    for (; i < para.trimEnd; i++) {
      if (!isQuoteCode(text.charCodeAt(i))) continue;
      const glyph = text[i];
      if (CLOSERS[glyph] === undefined && glyph !== '\u300D' && glyph !== '\u300F') continue; // ‛ ‟
      const prev = i > para.trimStart ? text.charCodeAt(i - 1) : 0x20;
      const nextCode = i + 1 < para.trimEnd ? text.charCodeAt(i + 1) : 0x20;
      const prevSpace = isSpaceCode(prev);
      const nextSpace = isSpaceCode(nextCode);
      const left = !nextSpace && (prevSpace || OPEN_CONTEXT.includes(text[i - 1]));
      const right = !prevSpace && (nextSpace || CLOSE_CONTEXT.includes(text[i + 1]));

      if (SINGLE_GLYPHS.includes(glyph)) {
        if (isWordChar(prev) && isWordChar(nextCode)) continue; // apostrophe inside a word
        if (left && !right) {
          if (glyph !== '\u2039' && glyph !== '\u203A' && glyph !== '\u201A') {
            if (nextCode >= 48 && nextCode <= 57) continue; // '90s
            const n1 = text[i + 1];
            const n2 = text[i + 2];
            if ((n1 === 'n' || n1 === 'N') && (n2 === "'" || n2 === '\u2019') && isSpaceCode(text.charCodeAt(i + 3))) {
              i += 2; // rock 'n' roll
              continue;
            }
            if (isElision(text, i + 1)) continue;
          }
          if (glyph === '\u203A' && findOpener(glyph) >= 0) { close(findOpener(glyph), i, glyph); continue; }
          open(i, glyph, true);
          continue;
        }
        if (right) {
          const k = findOpener(glyph);
          if (k < 0) continue; // apostrophe: militias', Gaza’
          if ((prev === 0x73 || prev === 0x53) && text[i + 1] === ' ' && isWordChar(text.charCodeAt(i + 2))
            && singleCloserLater(i)) continue; // plural possessive inside the quotation
          close(k, i, glyph);
        }
        continue;
      }

      switch (glyph) {
        case '\u201D': // ”
        case '\u00BB': // »
        case '"': {
          const k = findOpener(glyph);
          if (k >= 0 && (glyph !== '"' || right || !left)) close(k, i, glyph);
          else if (left && (glyph === '"' || !right)) open(i, glyph, false);
          // '" Iran made a big mistake …"': a straight mark that opens its paragraph with nothing open, spaced from the
          // first word (a transcript's or a sloppy page's opener), can only open (batch ag, dev; module comment).
          else if (glyph === '"' && k < 0 && i === para.trimStart && stack.length === 0 && spacedWordAfter(text, i, para.trimEnd)) {
            open(i, glyph, false);
          }
          else if (right || (glyph !== '"' && !left)) strayDoubleCloser(i, glyph);
          break;
        }
        case '\u201C': { // “
          const top = stack[stack.length - 1];
          if (top && top.glyph === '\u201E') close(stack.length - 1, i, glyph);
          else if (right && !left && top && top.glyph === '\u201C') close(stack.length - 1, i, glyph);
          else open(i, glyph, false);
          break;
        }
        case '\u00AB': { // «
          const k = findOpener(glyph);
          if (k >= 0) close(k, i, glyph);
          else open(i, glyph, false);
          break;
        }
        case '\u300D':
        case '\u300F': {
          const k = findOpener(glyph);
          if (k >= 0) close(k, i, glyph);
          break;
        }
        default: // „ 「 『
          open(i, glyph, false);
      }
    }

    // Paragraph end: unclosed single marks are stray; the outermost unclosed double mark continues or ends here.
    const outer = stack.find((m) => !m.single);
    if (outer) {
      if (nextOpensDouble) carried = outer;
      else emit(outer, outer.pos, para.trimEnd, null, 0);
    } else if (stack.length > 0 && stack[0].pos <= para.trimStart && next !== undefined
      && singleRunCloses(text, paragraphs, p, stack[0].glyph)) {
      // A single-mark paragraph run (module comment): the mark that opened this paragraph, or a run carried into it,
      // goes on into the next paragraph.
      carried = stack[0];
      carriedSkip = text[next.trimStart] === stack[0].glyph;
    }
    if (out.length === firstOut && !carried) dashQuotations(text, para, out);
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

const DASH_OPENERS = '\u2014\u2015'; // — ―
const DASH_AFTER_COLON = '\u2014\u2015\u2013'; // — ― –

/**
 * Dash quotations (translated text, the Russian/French dialogue convention), only in paragraphs without marked
 * quotations: a paragraph that opens with an em dash, or an em/en dash right after a colon ("The commander said:
 * — We will strike."), opens a quotation. It closes at a dash that follows , ! ? or … ("— We will strike, — he
 * said."), where the dash belongs to the quotation, or at the paragraph end; after such a close, a dash that
 * follows . or , reopens it ("… he said. — They will pay.").
 */
function dashQuotations(text: string, para: Paragraph, out: QuoteSpan[]): void {
  const end = para.trimEnd;
  let open = DASH_OPENERS.includes(text[para.trimStart]) ? para.trimStart : -1;
  let emitted = false;
  const push = (from: number, to: number, closed: boolean): void => {
    const innerEnd = closed ? to - 1 : to;
    const words = countWords(text, from + 1, innerEnd);
    if (words === 0) return;
    out.push({
      start: from, end: to, openMark: text[from], closeMark: closed ? text[to - 1] : null,
      inner: { start: from + 1, end: innerEnd }, words, depth: 0,
    });
    emitted = true;
  };
  for (let k = para.trimStart + 1; k < end; k++) {
    // Fast path: every dash of interest is in U+2013..U+2015; most characters are far below.
    const code = text.charCodeAt(k);
    if (code < 0x2013 || code > 0x2015) continue;
    const c = text[k];
    if (!DASH_AFTER_COLON.includes(c)) continue;
    let b = k - 1;
    while (b > para.trimStart && isSpaceCode(text.charCodeAt(b))) b--;
    const before = text[b];
    if (open < 0) {
      if (before === ':' || (emitted && DASH_OPENERS.includes(c) && (before === '.' || before === ','))) open = k;
      continue;
    }
    if (DASH_OPENERS.includes(c) && b > open && ',!?\u2026'.includes(before)) {
      push(open, k + 1, true);
      open = -1;
    }
  }
  if (open >= 0) push(open, end, false);
}

/**
 * Whether a quotation opened by a single mark (`glyph`) and still open at the end of paragraph p ends in one of the next
 * SINGLE_RUN_PARAGRAPHS paragraphs: one that ends with the mark's closer right after a sentence's end, it and the
 * paragraphs between holding no other quotation mark (apostrophes inside words aside; a re-opening mark at a
 * paragraph's start is the convention's). Bounded work per paragraph end: at most that many paragraphs are looked at.
 */
function singleRunCloses(text: string, paragraphs: Paragraph[], p: number, glyph: string): boolean {
  const closers = CLOSERS[glyph] ?? '';
  for (let q = p + 1; q < paragraphs.length && q <= p + SINGLE_RUN_PARAGRAPHS; q++) {
    const para = paragraphs[q];
    const from = text[para.trimStart] === glyph ? para.trimStart + 1 : para.trimStart;
    const last = para.trimEnd - 1;
    const closes = last > from && closers.includes(text[last]) && SENTENCE_ENDS.includes(text[last - 1]);
    if (hasQuoteMark(text, from, closes ? last : para.trimEnd)) return false;
    if (closes) return true;
  }
  return false;
}

/** Whether one or two spaces and then a letter or digit follow the mark at `at` (within the paragraph). */
function spacedWordAfter(text: string, at: number, end: number): boolean {
  let t = at + 1;
  while (t < end && t <= at + 2 && (text[t] === ' ' || text[t] === '\u00A0')) t++;
  return t > at + 1 && t < end && /[\p{L}\p{N}]/u.test(text[t]);
}

/** A quotation mark in [from, to) other than an apostrophe between two word characters. */
function hasQuoteMark(text: string, from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    if (!isQuoteCode(text.charCodeAt(t))) continue;
    if (SINGLE_GLYPHS.includes(text[t]) && t > from && t + 1 < to && isWordChar(text.charCodeAt(t - 1))
      && isWordChar(text.charCodeAt(t + 1))) continue;
    return true;
  }
  return false;
}

function isQuoteCode(c: number): boolean {
  return c === 0x22 || c === 0x27 || (c >= 0x2018 && c <= 0x201e) || c === 0xab || c === 0xbb || c === 0x2039
    || c === 0x203a || (c >= 0x300c && c <= 0x300f);
}

function isElision(text: string, at: number): boolean {
  for (const e of ELISIONS) {
    if (text.length < at + e.length) continue;
    if (text.slice(at, at + e.length).toLowerCase() !== e) continue;
    if (!isWordChar(text.charCodeAt(at + e.length))) return true;
  }
  return false;
}
