/**
 * The one place that talks to wink-nlp. It turns a text into a flat token table with exact character offsets,
 * sentence spans, and the "units" the matcher works on.
 */
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { Tokens } from 'wink-nlp';
import type { Span } from '../types.js';
import { guardLongRuns } from './guard.js';
import { grownTo } from '../text/typed-arrays.js';

/**
 * Only what the matcher needs: tokens and sentence boundaries. No part-of-speech tagging: it is the most expensive
 * step, and inflections are matched by expanding the lexicon's words instead (src/lexicon/inflect.ts).
 */
const PIPELINE = ['sbd'];

type WinkNLP = ReturnType<typeof winkNLP>;
let instance: WinkNLP | null = null;
const require = createRequire(import.meta.url);

/**
 * wink-nlp with its model, loaded on first use rather than on import: the model costs a thread ~55 MB, and a batch
 * run whose workers analyze (and compile the lexicon, src/worker/compile.ts) never needs it on the main thread.
 */
export function getNlp(): WinkNLP {
  if (!instance) {
    const create = require('wink-nlp') as typeof winkNLP;
    instance = create(require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0], PIPELINE as Parameters<typeof winkNLP>[1]);
  }
  return instance;
}


/** A token as the matcher sees it. Hyphenated tokens ("anti-terror") become several units. */
export interface Units {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Lowercase normal form with apostrophes and diacritics folded. */
  normal: string[];
  /** 1 when a barrier (punctuation, line break, sentence end) stands between this unit and the next. */
  barrierAfter: Uint8Array;
  sentence: Int32Array;
  /**
   * The wink lexeme id (its.uniqueId) of the token whose folded value is this unit's `normal`, or -1 for a part of a
   * hyphenated token or a token joined across a soft hyphen. Optional: units built elsewhere go without.
   */
  lexeme?: Int32Array;
}

export interface Tokenized {
  sentences: Span[];
  units: Units;
  /** Word tokens (wink type "word"), counting a hyphenated compound once. */
  words: number;
  tokens: number;
  /** Runs without spaces that had to be cut before tokenizing (see guard.ts). */
  runsCut: number;
}

const CONNECTORS = new Set(['-', '‐', '‑', '–', '‒', '﹣', '－']);
/** The hyphens and dashes that split a token into units: - ‐ ‑ ‒ – ﹣ － (U+2010–U+2013 is a range). */
function isSplitCode(c: number): boolean {
  return c === 0x2d || (c >= 0x2010 && c <= 0x2013) || c === 0xfe63 || c === 0xff0d;
}

function splitsInside(value: string): boolean {
  for (let k = 0; k < value.length; k++) if (isSplitCode(value.charCodeAt(k))) return true;
  return false;
}

const APOSTROPHES = /[’‘`´ʼ′]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Folds a word to its matching key: lowercase, straight apostrophes, no diacritics. */
export function foldKey(word: string): string {
  let w = word.toLowerCase();
  if (NON_ASCII.test(w)) {
    w = w.replace(APOSTROPHES, "'").replace(INVISIBLE, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return w;
}

/**
 * Marks wink-nlp types as "unk" although they are punctuation: the Unicode hyphens U+2010-U+2012 and the small and
 * full-width hyphen-minus ("Iran‐backed" as copied from word processors and PDFs), bullets and other marks. They glue
 * or separate words as the ASCII ones do, and are never a word of their own.
 */
const PUNCTUATION_ONLY = /^[\p{P}\p{S}]+$/u;

/**
 * Invisible characters scraped pages carry inside and between words: the soft hyphen, zero-width space, non-joiner
 * and joiner, word joiner and byte-order mark. wink-nlp makes each a token of its own.
 */
const INVISIBLE_ONLY = /^[\u00ad\u200b-\u200d\u2060\ufeff]+$/;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const ZERO_WIDTH_SPACE = /\u200b/;

const WORD_LIKE = new Set(['word', 'number', 'shortForm', 'hashtag', 'mention', 'ordinal', 'currency', 'time']);

/**
 * What a wink lexeme gives the unit table, kept per lexeme id for the life of the thread: wink's ids are stable for
 * the life of its instance (its vocabulary only grows), and a corpus repeats few distinct words, so a word's value,
 * type and folded key are computed once per thread rather than once per occurrence, and found by number instead of
 * by hashing a fresh string. The arrays grow with wink's own vocabulary, which it keeps anyway.
 */
const lexValue: Array<string | undefined> = [];
const lexKey: string[] = [];
/** What the unit table asks of a token's type and value, as bits (LEX_*), decided once per lexeme. */
let lexFlags = new Uint8Array(1024);
/** An invisible character only (type unk). */
const LEX_INVISIBLE = 1;
/** Punctuation, a line break, a symbol, an emoji or emoticon, or an unk token of marks only: no word. */
const LEX_SEPARATOR = 2;
/** A word-like type (WORD_LIKE). */
const LEX_WORD_LIKE = 4;
/** A token of two or more characters with a hyphen or dash inside, split into units. */
const LEX_SPLITS = 8;
/** wink type "word". */
const LEX_WORD = 16;
/** wink type "punctuation". */
const LEX_PUNCTUATION = 32;
/** A word that ends in a possessive 's after a letter or digit ("Israel’s", "Hamas's"): split into two units. */
const LEX_POSSESSIVE = 64;

/**
 * A word with a possessive 's glued to it. wink splits the 's off a word it has not met before ("Israel’s escalation":
 * "Israel" + "’s"), but keeps it on a word before a right punctuation ("like Israel’s."), and then keeps the whole
 * form in its token cache, so that every later "Israel’s escalation" of the thread, in any document, came out as one
 * token that no pattern knows: a document's reading depended on which documents the thread had read before. The
 * unit table always splits the 's off, as wink does the first time.
 */
const POSSESSIVE_END = /[\p{L}\p{N}]['’ʼ][sS]$/u;

function lexemeFlags(type: string, value: string): number {
  let flags = 0;
  if (type === 'unk' && INVISIBLE_ONLY.test(value)) flags |= LEX_INVISIBLE;
  if (type === 'punctuation' || type === 'tabCRLF' || type === 'symbol' || type === 'emoji' || type === 'emoticon' ||
    (type === 'unk' && PUNCTUATION_ONLY.test(value))) flags |= LEX_SEPARATOR;
  if (WORD_LIKE.has(type)) flags |= LEX_WORD_LIKE;
  if (value.length > 1 && splitsInside(value)) flags |= LEX_SPLITS;
  if (type === 'word') flags |= LEX_WORD;
  if (type === 'punctuation') flags |= LEX_PUNCTUATION;
  if (type === 'word' && value.length > 2 && POSSESSIVE_END.test(value)) flags |= LEX_POSSESSIVE;
  return flags;
}

/** How far back an s-final possessive's apostrophe looks for a single quotation mark it might close instead. */
const POSSESSIVE_LOOKBACK = 160;

/** Capitalised at a sentence's start but no part of a name: "The Houthis’ attacks". */
const NAME_OPENERS = new Set(['the', 'a', 'an', 'and', 'but', 'as', 'by', 'for', 'from', 'in', 'of', 'on', 'to', 'with', 'after', 'since', 'while', 'when']);

/**
 * Whether token i is the apostrophe of a plural or s-final possessive ("Hamas' rampage", "the Houthis’ attacks"): a
 * single ' or ’ glued to a word that ends in a lowercase "s", a space and a word after it, and no single quotation mark open
 * before it in its sentence ("the ‘terrorists’ attacked" closes one): the same reading as match.ts possessiveAt; not
 * inside a name, a capitalised word after it or before the s-word.
 */
function sFinalPossessive(src: string, i: number, value: string, spaces: string[], tokStart: Int32Array, ids: number[],
  flags: Uint8Array, n: number): boolean {
  if ((value !== "'" && value !== '’') || i === 0 || spaces[i] !== '' || i + 1 >= n || spaces[i + 1] !== ' ') return false;
  if ((flags[ids[i - 1]] & LEX_WORD_LIKE) === 0 || (flags[ids[i + 1]] & LEX_WORD_LIKE) === 0) return false;
  // A capitalised word after it opens a name ("Lions' Den", "Al-Aqsa Martyrs' Brigades"), and a capitalised word before
  // the s-word makes it the end of one ("the United States’ military attacks", which patterns write that way).
  const next = lexValue[ids[i + 1]] as string;
  if (next[0] !== next[0].toLowerCase()) return false;
  if (i >= 2 && spaces[i - 1] !== '' && (flags[ids[i - 2]] & LEX_WORD_LIKE) !== 0) {
    const before = lexValue[ids[i - 2]] as string;
    if (before[0] !== before[0].toLowerCase() && !NAME_OPENERS.has(before.toLowerCase())) return false;
  }
  const at = tokStart[i];
  // A lowercase "s" only: "US’ bases" is the abbreviation, which patterns write without a possessive ("US bases").
  if (src[at - 1] !== 's') return false;
  for (let k = at - 1; k >= 0 && k >= at - POSSESSIVE_LOOKBACK; k--) {
    const c = src[k];
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && src[k + 1] === ' ')) break;
    if (c === '‘' || c === "'" || c === '’') return false;
  }
  return true;
}

/** Records value, type and folded key of every lexeme in `ids` (the document's tokens) not seen before. */
function knowLexemes(ids: number[], tokens: Tokens, its: WinkNLP['its']): void {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id < lexValue.length && lexValue[id] !== undefined) continue;
    if (id >= lexValue.length) {
      // Grown in place with explicit holes filled, so the arrays keep fast elements however far apart the ids are;
      // by half, not double: they live as long as the thread.
      const to = Math.max(id + 1, Math.ceil(lexValue.length * 1.5), 1024);
      for (let k = lexValue.length; k < to; k++) {
        lexValue.push(undefined);
        lexKey.push('');
      }
      lexFlags = grownTo(lexFlags, to);
    }
    const token = tokens.itemAt(i);
    const value = token.out(its.value) as string;
    lexValue[id] = value;
    lexKey[id] = foldKey(value);
    lexFlags[id] = lexemeFlags(token.out(its.type) as string, value);
  }
}

/**
 * Tokenizes `text` and computes offsets. The text is guarded first; because the guard keeps the length, all
 * offsets refer to the original text.
 */
export function tokenize(text: string): Tokenized {
  const guarded = guardLongRuns(text);
  const nlp = getNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(guarded.text);
  const tokens = doc.tokens();
  const ids = tokens.out(its.uniqueId) as unknown as number[];
  knowLexemes(ids, tokens, its);
  const spaces = tokens.out(its.precedingSpaces) as string[];
  // A token's value and flags are read through its lexeme id (lexValue, lexFlags) where needed, not copied into
  // per-document arrays first.
  const flags = lexFlags;
  const sentenceTokenSpans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const n = ids.length;

  const tokStart = new Int32Array(n);
  const tokEnd = new Int32Array(n);
  const src = guarded.text;
  let offset = 0;
  for (let i = 0; i < n; i++) {
    offset += spaces[i].length;
    const v = lexValue[ids[i]] as string;
    // wink reproduces the text exactly; the indexOf fallback only guards against a surprise in its output.
    if (src.startsWith(v, offset)) {
      tokStart[i] = offset;
    } else {
      const found = src.indexOf(v, offset);
      tokStart[i] = found >= 0 ? found : offset;
    }
    tokEnd[i] = tokStart[i] + v.length;
    offset = tokEnd[i];
  }

  const tokSentence = new Int32Array(n);
  const sentences: Span[] = [];
  sentenceTokenSpans.forEach(([a, b], s) => {
    for (let t = a; t <= b && t < n; t++) tokSentence[t] = s;
    if (a < n) sentences.push({ start: tokStart[a], end: tokEnd[Math.min(b, n - 1)] });
  });

  // The unit table is written straight into typed arrays (a unit per token, more where a hyphen splits one), grown
  // only for text with many hyphenated words: no per-unit boxing in number arrays and no copy at the end but one.
  let capacity = n + 16;
  let uStart = new Int32Array(capacity);
  let uEnd = new Int32Array(capacity);
  let uBarrier = new Uint8Array(capacity);
  let uSentence = new Int32Array(capacity);
  let uLexeme = new Int32Array(capacity);
  const uNormal: string[] = [];
  let count = 0;
  const push = (start: number, end: number, key: string, sentence: number, lexeme: number): void => {
    if (count === capacity) {
      capacity *= 2;
      uStart = grownTo(uStart, capacity);
      uEnd = grownTo(uEnd, capacity);
      uBarrier = grownTo(uBarrier, capacity);
      uSentence = grownTo(uSentence, capacity);
      uLexeme = grownTo(uLexeme, capacity);
    }
    uStart[count] = start;
    uEnd[count] = end;
    uSentence[count] = sentence;
    uLexeme[count] = lexeme;
    uNormal.push(key);
    count++;
  };
  // A run that the guard cut (a long URL, base64 data) counts as one word, not as one per 100-character piece.
  const runs = guarded.runs;
  let runIndex = 0;
  const insideCutRun = (offset: number): boolean => {
    while (runIndex < runs.length && runs[runIndex].end <= offset) runIndex++;
    return runIndex < runs.length && runs[runIndex].start <= offset;
  };
  let words = guarded.runsCut;
  /** Possessive 's split off a token here (see POSSESSIVE_END): a token each, as when wink splits it. */
  let splitOff = 0;
  let pendingBarrier = false;
  /** The unit to continue with the next token: a soft hyphen or joiner was glued between them ("mili\u00adtias"). */
  let joinTo = -1;

  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const value = lexValue[id] as string;
    const f = flags[id];
    if (i > 0 && tokSentence[i] !== tokSentence[i - 1] && count > 0) uBarrier[count - 1] = 1;
    if ((f & LEX_INVISIBLE) !== 0) {
      // An invisible character is no word: a zero-width space parts words as a space does; a soft hyphen or a joiner
      // glued between two word tokens makes them one word again.
      const inside = !ZERO_WIDTH_SPACE.test(value) && count > 0 && !pendingBarrier && spaces[i] === '' && i > 0 &&
        (flags[ids[i - 1]] & LEX_WORD_LIKE) !== 0 && i + 1 < n && spaces[i + 1] === '' && (flags[ids[i + 1]] & LEX_WORD_LIKE) !== 0;
      if (inside) joinTo = count - 1;
      continue;
    }
    if (joinTo >= 0) {
      const last = joinTo;
      joinTo = -1;
      if (last === count - 1 && (f & LEX_PUNCTUATION) === 0 && !splitsInside(value)) {
        uEnd[last] = tokEnd[i];
        uNormal[last] += foldKey(value);
        uLexeme[last] = -1;
        continue;
      }
    }
    if ((f & LEX_SEPARATOR) !== 0) {
      // "Hamas' rampage", "the Houthis’ attacks": an s-final possessive's apostrophe is the unit "'s", as in "Hamas's
      // rampage", so that one pattern reads both spellings; a closing quotation mark stays a separator.
      if (!pendingBarrier && count > 0 && sFinalPossessive(src, i, value, spaces, tokStart, ids, flags, n)) {
        push(tokStart[i], tokEnd[i], "'s", tokSentence[i], -1);
        continue;
      }
      // A hyphen or en dash glued to words on both sides joins them ("Iran-backed"); anything else separates.
      const glued = CONNECTORS.has(value) && spaces[i] === '' && i + 1 < n && spaces[i + 1] === '' &&
        i > 0 && (flags[ids[i - 1]] & LEX_WORD_LIKE) !== 0 && (flags[ids[i + 1]] & LEX_WORD_LIKE) !== 0;
      if (!glued) pendingBarrier = true;
      continue;
    }
    if (pendingBarrier) {
      if (count > 0) uBarrier[count - 1] = 1;
      pendingBarrier = false;
    }
    const space = spaces[i];
    if (space.length > 0 && space !== ' ' && space.includes('\n') && count > 0) uBarrier[count - 1] = 1;
    const start = tokStart[i];
    if ((f & LEX_WORD) !== 0 && !insideCutRun(start)) words++;
    const sentence = tokSentence[i];
    if ((f & LEX_SPLITS) !== 0) {
      // "anti-terror" is one wink token; the matcher sees "anti" + "terror" so that patterns may write it either way.
      let partStart = 0;
      for (let k = 0; k <= value.length; k++) {
        if (k === value.length || isSplitCode(value.charCodeAt(k))) {
          if (k > partStart) {
            const part = value.slice(partStart, k);
            if (k === value.length && (f & LEX_POSSESSIVE) !== 0 && part.length > 2) {
              // "Hezbollah-Israel’s": the last part's 's is split off as on a plain word.
              push(start + partStart, start + k - 2, foldKey(part.slice(0, -2)), sentence, -1);
              push(start + k - 2, start + k, foldKey(part.slice(-2)), sentence, -1);
              words++;
              splitOff++;
            } else push(start + partStart, start + k, foldKey(part), sentence, -1);
          }
          partStart = k + 1;
        }
      }
      continue;
    }
    if ((f & LEX_POSSESSIVE) !== 0) {
      // The stem and the 's as two units (see POSSESSIVE_END), the 's a word as wink counts it when it splits it.
      const cut = tokEnd[i] - 2;
      push(start, cut, foldKey(value.slice(0, -2)), sentence, -1);
      push(cut, tokEnd[i], foldKey(value.slice(-2)), sentence, -1);
      words++;
      splitOff++;
      continue;
    }
    push(start, tokEnd[i], lexKey[id], sentence, id);
  }
  if (count > 0) uBarrier[count - 1] = 1;

  return {
    sentences,
    units: {
      count,
      start: uStart.slice(0, count),
      end: uEnd.slice(0, count),
      normal: uNormal,
      barrierAfter: uBarrier.slice(0, count),
      sentence: uSentence.slice(0, count),
      lexeme: uLexeme.slice(0, count),
    },
    words,
    tokens: n + splitOff,
    runsCut: guarded.runsCut,
  };
}
