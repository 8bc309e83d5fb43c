/**
 * Keyword in context across the corpus, for a label id or a word: the Term page and /api/term. Reads the term index
 * (postings) rather than every text, builds context lines for one page only, and reads the voices of a document
 * once (kept in the state) rather than on every request.
 */
import type { DocAnalysis, Document, LexiconEntry, SpanHit } from '../types.js';
import { kwicLine, labelSpans, termProblem, wordMatches, wordPattern, wordSpans, type KwicLine, type KwicSpan, type WordPattern } from '../analysis/kwic.js';
import { cached, kwicDocsAt, textAt, voiceSpansOf, type AppState } from './state.js';
import { HttpError } from './http-error.js';
import type { HitsWanted, KwicRecord } from '../store/index.js';
import { intersect, type Posting } from './term-index.js';
import { pageInfo, PAGE_SIZE, type PageInfo } from './paging.js';
import { badRequest } from './http-error.js';

export const MAX_TERM_CHARS = 200;
/** Lines in one CSV download of a term; the page and the JSON API paginate instead. */
export const TERM_EXPORT_LINES = 10_000;

export interface TermResult {
  term: string;
  /** The lexicon entry when the term is a label id. */
  entry?: LexiconEntry;
  /** All occurrences in the corpus; `lines` holds one page of them. */
  total: number;
  /** False while a phrase's candidates are still unread: `total` is then a lower bound. */
  totalExact: boolean;
  /** Documents holding every word of a phrase not yet read for it (0 when the total is exact). */
  unread: number;
  paging: PageInfo;
  lines: KwicLine[];
  byOutlet: Array<{ outlet: string; count: number }>;
}

export function validateTerm(raw: string | undefined): string {
  const term = (raw ?? '').trim();
  if (term.length > MAX_TERM_CHARS) throw badRequest(`the term is longer than ${MAX_TERM_CHARS} characters`);
  const problem = termProblem(term);
  if (problem) throw badRequest(problem);
  return term;
}

/** Occurrences per document, in corpus order, and how to list them in one document. */
interface Occurrences {
  docs: number[];
  counts: number[];
  spans: (doc: Pick<Document, 'text'>, analysis: { hits: readonly SpanHit[] }) => KwicSpan[];
  /**
   * The hits `spans` reads, for a store's light document read (Store.kwicRecords): a label's own, or those covering a
   * word's matches. Label hits carry their voice in the analysis; words need the document's full voice reading.
   */
  hits: HitsWanted;
  /**
   * For phrases: documents holding all of the phrase's words that have not been counted yet, and how to count the
   * phrase in one (from the words' positions for plain words, else in its text). Counted within a time budget per
   * request and behind the requests, so a common phrase costs a page, not a corpus; until none remain the total is
   * a lower bound.
   */
  pending?: {
    candidates: number[];
    next: number;
    /** Occurrences in the candidate at corpus position `i`, the `k`-th candidate. */
    count: (i: number, k: number) => number;
    /**
     * Counting a candidate costs about a microsecond (from word positions, not from its text): a request goes on
     * counting for a little while after its page is full (TermLimits.countMs), which makes most totals exact at once.
     */
    cheap?: boolean;
  };
}

/** Time one request may spend reading a phrase's candidates for its page; what it could not read is read later. */
export const PAGE_READ_MS = 20;
/** Work done between two yields to waiting requests while phrases are read in the background. */
export const BACKGROUND_SLICE_MS = 5;
/** Phrases waiting to be read in the background at most; a newer one pushes out the oldest. */
export const BACKGROUND_PHRASES = 32;

/**
 * Time a request may go on counting a phrase from word positions once its page is full: the rest is counted between
 * requests, in slices, so that one phrase of common words does not hold up the requests waiting behind it.
 */
export const PAGE_COUNT_MS = 3;

export interface TermLimits {
  /** Milliseconds this request may spend reading a phrase's candidates (default PAGE_READ_MS). */
  budgetMs?: number;
  /** Milliseconds, within the budget, it may go on counting from word positions after its page is full (default PAGE_COUNT_MS). */
  countMs?: number;
  /** Read the candidates left over in the background, a slice at a time (default true). */
  background?: boolean;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

function occurrences(state: AppState, term: string): Occurrences {
  const byLabel = state.termIndex.label(term);
  if (byLabel) return { ...byLabel, spans: (_d, a) => labelSpans(a, term), hits: { label: term } };
  const pattern = wordPattern(term) as WordPattern;
  const spans = (d: Pick<Document, 'text'>, a: { hits: readonly SpanHit[] }) => wordSpans(d, a, pattern);
  const hits: HitsWanted = { spans: (text) => wordMatches(pattern, text) };
  const stem = term.replace(/\*+$/, '');
  // One run of letters and digits: the index counts exactly what the pattern matches, no text needs reading.
  if (/^[\p{L}\p{N}]+$/u.test(stem)) {
    const token = pattern.tokens[0];
    const posting = pattern.prefixLast ? state.termIndex.prefix(token) : state.termIndex.word(token) ?? { docs: [], counts: [] };
    return { ...posting, spans, hits };
  }
  // Plain words with spaces between (each one run when lowercased): counted from the words' positions, no text
  // needs reading.
  const parts = stem.split(/\s+/).filter(Boolean);
  if (stem === term && parts.length === pattern.tokens.length && parts.every((part) => /^[\p{L}\p{N}]+$/u.test(part))) {
    const reader = state.termIndex.phraseReader(pattern.tokens);
    return { docs: [], counts: [], spans, hits, pending: { candidates: reader.candidates, next: 0, count: (_i, k) => reader.countAt(k), cheap: true } };
  }
  // What wordSpans finds, counted in the text alone: the analysis (ten times the text) need not be parsed.
  const inText = (i: number): number => {
    let n = 0;
    for (const _ of wordMatches(pattern, textAt(state, i))) n++;
    return n;
  };
  // A phrase with punctuation between its words ("Iran-backed", "U.S. forces"): only documents where its words stand
  // side by side are read (the words' positions say where), and only those are counted in their text.
  const joined = phraseJoins(stem);
  if (!pattern.wildcard && joined && joined.length === pattern.tokens.length) {
    const reader = state.termIndex.phraseReader(pattern.tokens, joined);
    const count = (i: number, k: number): number => (reader.countAt(k) === 0 ? 0 : inText(i));
    return { docs: [], counts: [], spans, hits, pending: { candidates: reader.candidates, next: 0, count } };
  }
  // A phrase with a trailing * or other characters: only documents holding all of its words are read.
  const postings = pattern.tokens.map((t, k): Posting => (k === pattern.tokens.length - 1 && pattern.prefixLast
    ? state.termIndex.prefix(t) : state.termIndex.word(t) ?? { docs: [], counts: [] }));
  return { docs: [], counts: [], spans, hits, pending: { candidates: intersect(postings), next: 0, count: inText } };
}

/**
 * For a phrase whose words are ASCII letters and digits and whose other characters are ASCII or en dashes: for each
 * word, whether the characters before it in the phrase are all whitespace, hyphens or en dashes (so the text must
 * join it to the word before in the same way; the term index records such joins). Undefined for any other phrase,
 * whose text may match in ways the index does not record (case folding beyond ASCII). As for plain words, the index
 * reads text lowercased, so the two characters the pattern's case folding takes for ASCII letters (U+017F long s,
 * U+212A Kelvin sign) are not those letters to it.
 */
export function phraseJoins(stem: string): boolean[] | undefined {
  if (!/^[\x20-\x7e\u2013]+$/.test(stem)) return undefined;
  const words = [...stem.matchAll(/[A-Za-z0-9]+/g)];
  if (words.length < 2) return undefined;
  return words.map((m, t) => t === 0 || /^[\s\-\u2013]+$/.test(stem.slice((words[t - 1].index ?? 0) + words[t - 1][0].length, m.index)));
}

/**
 * Reads pending candidates until `needed` occurrences are known (counts from word positions go on until
 * `countDeadline`), none remain, or the clock passes `deadline`.
 */
function readCandidates(state: AppState, occ: Occurrences, needed: number, deadline: number, countDeadline = -Infinity): void {
  const pending = occ.pending;
  if (!pending) return;
  let known = sum(occ.counts);
  // Cheap counts look at the clock every few candidates: reading it cost as much as counting one.
  const every = pending.cheap ? 16 : 1;
  const more = (): boolean => {
    if (pending.next % every !== 0) return true;
    const now = performance.now();
    return now < deadline && (known < needed || (pending.cheap === true && now < countDeadline));
  };
  while (pending.next < pending.candidates.length && (known < needed || pending.cheap) && more()) {
    const k = pending.next++;
    const i = pending.candidates[k];
    const n = pending.count(i, k);
    if (n) {
      occ.docs.push(i);
      occ.counts.push(n);
      known += n;
    }
  }
  if (pending.next >= pending.candidates.length) occ.pending = undefined;
}

interface BackgroundReader {
  queue: Array<{ occ: Occurrences; version: number }>;
  running: boolean;
}

const readers = new WeakMap<AppState, BackgroundReader>();

/** Queues a phrase whose candidates are not all read, to be read between requests until its total is exact. */
function readLater(state: AppState, occ: Occurrences): void {
  let reader = readers.get(state);
  if (!reader) readers.set(state, (reader = { queue: [], running: false }));
  if (reader.queue.some((e) => e.occ === occ)) return;
  if (reader.queue.length >= BACKGROUND_PHRASES) reader.queue.shift();
  reader.queue.push({ occ, version: state.version });
  if (!reader.running) {
    reader.running = true;
    setImmediate(() => readSlice(state, reader));
  }
}

function readSlice(state: AppState, reader: BackgroundReader): void {
  const deadline = performance.now() + BACKGROUND_SLICE_MS;
  while (reader.queue.length && performance.now() < deadline) {
    const { occ, version } = reader.queue[0];
    // A corpus change made this reading useless (its cached result is gone).
    if (version !== state.version || !occ.pending) {
      reader.queue.shift();
      continue;
    }
    try {
      readCandidates(state, occ, Infinity, deadline);
    } catch {
      // A document gone from the store: the total stays a lower bound, as the page says.
      reader.queue.shift();
    }
  }
  if (reader.queue.length) setImmediate(() => readSlice(state, reader));
  else reader.running = false;
}

/** Phrases still being read in the background for this state (tests and the bench wait for none). */
export function phrasesBeingRead(state: AppState): number {
  return readers.get(state)?.queue.length ?? 0;
}

/** One page of occurrences of `term` (already validated), with corpus totals. */
export function termResults(state: AppState, term: string, page = 1, pageSize = PAGE_SIZE, limits: TermLimits = {}): TermResult {
  if (state.indexing) {
    const { read, total } = state.indexing;
    throw new HttpError(503, `The term index is still being built (${read.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} documents read); try again in a minute.`);
  }
  const occ = cached(state, `term-occurrences\0${term}`, () => occurrences(state, term));
  const now = performance.now();
  readCandidates(state, occ, page * pageSize, now + (limits.budgetMs ?? PAGE_READ_MS), now + (limits.countMs ?? PAGE_COUNT_MS));
  if (occ.pending && (limits.background ?? true)) readLater(state, occ);
  const total = sum(occ.counts);
  const known = pageInfo(total, page, pageSize);
  // Unread candidates may hold more: there is a next page until they are read.
  const paging = occ.pending ? { ...known, exact: false, pages: Math.max(known.pages, page + 1) } : known;
  const from = (page - 1) * pageSize;
  const to = from + pageSize;
  const lines: KwicLine[] = [];
  // The documents of this page, read together (kwicDocsAt), then their lines in order.
  const onPage: number[] = [];
  for (let k = 0, seen = 0; k < occ.docs.length && seen < to; k++) {
    if (seen + occ.counts[k] > from) onPage.push(occ.docs[k]);
    seen += occ.counts[k];
  }
  const docs = kwicDocsAt(state, onPage, occ.hits);
  let seen = 0;
  for (let k = 0; k < occ.docs.length && seen < to; k++) {
    const i = occ.docs[k];
    const n = occ.counts[k];
    if (seen + n > from) {
      const { document: doc, analysis } = docs.get(i) as KwicRecord;
      const voices = 'label' in occ.hits ? analysis.voiceSpans : voiceSpansOf(state, doc, analysis);
      const spans = occ.spans(doc, analysis).slice(Math.max(0, from - seen), to - seen);
      for (const s of spans) lines.push(kwicLine(doc, analysis, s, voices));
    }
    seen += n;
  }
  // Summed by outlet number (a term can occur in every document of the corpus).
  const byNumber = new Array<number>(state.outletNames.length).fill(0);
  for (let k = 0; k < occ.docs.length; k++) byNumber[state.outletNumberAt[occ.docs[k]]] += occ.counts[k];
  const perOutlet = new Map(state.outletNames.map((outlet, n) => [outlet, byNumber[n]]));
  const entry = state.compiled.entries.get(term);
  return {
    term,
    entry: entry?.kind === 'label' ? entry : undefined,
    total,
    totalExact: !occ.pending,
    unread: occ.pending ? occ.pending.candidates.length - occ.pending.next : 0,
    paging,
    lines,
    byOutlet: state.outlets.map((outlet) => ({ outlet, count: perOutlet.get(outlet) ?? 0 })),
  };
}
