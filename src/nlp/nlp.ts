/**
 * The one place that talks to wink-nlp. It turns a text into a flat token table with exact character offsets,
 * sentence spans, and the "units" the matcher works on.
 */
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { Span } from '../types.js';
import { guardLongRuns } from './guard.js';

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
const SPLIT_INSIDE = /[-‐‑–‒﹣－]/;
const APOSTROPHES = /[’‘`´ʼ′]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Folds a word to its matching key: lowercase, straight apostrophes, no diacritics. */
export function foldKey(word: string): string {
  let w = word.toLowerCase();
  if (NON_ASCII.test(w)) {
    w = w.replace(APOSTROPHES, "'").normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return w;
}

const WORD_LIKE = new Set(['word', 'number', 'shortForm', 'hashtag', 'mention', 'ordinal', 'currency', 'time']);

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
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const types = tokens.out(its.type) as string[];
  const sentenceTokenSpans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const n = values.length;

  const tokStart = new Int32Array(n);
  const tokEnd = new Int32Array(n);
  const src = guarded.text;
  let offset = 0;
  for (let i = 0; i < n; i++) {
    offset += spaces[i].length;
    const v = values[i];
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

  const uStart: number[] = [];
  const uEnd: number[] = [];
  const uNormal: string[] = [];
  const uBarrier: number[] = [];
  const uSentence: number[] = [];
  // A run that the guard cut (a long URL, base64 data) counts as one word, not as one per 100-character piece.
  const runs = guarded.runs;
  let runIndex = 0;
  const insideCutRun = (offset: number): boolean => {
    while (runIndex < runs.length && runs[runIndex].end <= offset) runIndex++;
    return runIndex < runs.length && runs[runIndex].start <= offset;
  };
  let words = guarded.runsCut;
  let pendingBarrier = false;

  const markBarrier = () => {
    if (uBarrier.length) uBarrier[uBarrier.length - 1] = 1;
  };

  for (let i = 0; i < n; i++) {
    const type = types[i];
    const value = values[i];
    if (i > 0 && tokSentence[i] !== tokSentence[i - 1]) markBarrier();
    if (type === 'punctuation' || type === 'tabCRLF' || type === 'symbol' || type === 'emoji' || type === 'emoticon') {
      // A hyphen or en dash glued to words on both sides joins them ("Iran-backed"); anything else separates.
      const glued = CONNECTORS.has(value) && spaces[i] === '' && i + 1 < n && spaces[i + 1] === '' &&
        i > 0 && WORD_LIKE.has(types[i - 1]) && WORD_LIKE.has(types[i + 1]);
      if (!glued) pendingBarrier = true;
      continue;
    }
    if (pendingBarrier) {
      markBarrier();
      pendingBarrier = false;
    }
    if (spaces[i].includes('\n')) markBarrier();
    const start = tokStart[i];
    if (type === 'word' && !insideCutRun(start)) words++;
    const sentence = tokSentence[i];
    if (SPLIT_INSIDE.test(value) && value.length > 1) {
      // "anti-terror" is one wink token; the matcher sees "anti" + "terror" so that patterns may write it either way.
      let partStart = 0;
      for (let k = 0; k <= value.length; k++) {
        if (k === value.length || SPLIT_INSIDE.test(value[k])) {
          if (k > partStart) {
            const key = foldKey(value.slice(partStart, k));
            uStart.push(start + partStart);
            uEnd.push(start + k);
            uNormal.push(key);
            uBarrier.push(0);
            uSentence.push(sentence);
          }
          partStart = k + 1;
        }
      }
      continue;
    }
    uStart.push(start);
    uEnd.push(tokEnd[i]);
    uNormal.push(foldKey(value));
    uBarrier.push(0);
    uSentence.push(sentence);
  }
  if (uBarrier.length) uBarrier[uBarrier.length - 1] = 1;

  return {
    sentences,
    units: {
      count: uStart.length,
      start: Int32Array.from(uStart),
      end: Int32Array.from(uEnd),
      normal: uNormal,
      barrierAfter: Uint8Array.from(uBarrier),
      sentence: Int32Array.from(uSentence),
    },
    words,
    tokens: n,
    runsCut: guarded.runsCut,
  };
}
