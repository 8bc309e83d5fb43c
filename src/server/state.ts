/**
 * What the server knows: the corpus, its analyses, the report built from them and the compiled lexicon, plus the
 * lookup tables and the term index the pages read. Everything is computed once at start; a text a user adds is
 * folded into the tables and the index one document at a time. Pages read; caches keyed by `version` keep the
 * results of queries until the corpus changes.
 */
import type { DocAnalysis, Document, SkippedDocument, VoiceSpan } from '../types.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { analyzeCorpus } from '../pipeline.js';
import { ReportBuilder, type Report, type ReportOptions } from '../report/build.js';
import { kwicHits, type HitsWanted, type KwicDoc, type KwicRecord, type Store } from '../store/index.js';
import { LruCache } from './lru.js';
import { TermIndex } from './term-index.js';
import { HttpError } from './http-error.js';
import { Worker } from 'node:worker_threads';
import { workersAvailable } from '../worker/pool.js';
import { addToTotals, type ReferentTotals } from './compare.js';
import { VoiceTable, wholeDocumentVoices, type VoiceReading } from './voice-table.js';
import type { ScratchFile } from './spill.js';
import type { EventList } from './events.js';
import type { TermThread } from './term-thread.js';

export interface LabelUse {
  total: number;
  byOutlet: Map<string, number>;
}

/** How much one server session may add to the in-memory corpus from the Analyze page or /api/analyze. */
export interface SessionLimits {
  documents: number;
  bytes: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { documents: 200, bytes: 8 * 1024 * 1024 };
/**
 * Cached query results (rendered pages, compare models and columns, term pages) kept at most; RESULT_CACHE_CHARS bounds
 * their size. A request leaves one to four entries (its page, its compare model or term postings, table cells): at
 * 1,000 entries a visitor mix of a few hundred distinct pages pushed each page out before it was asked again (the
 * server bench's repeat pass, 1,000 requests, found nothing cached and cost as much as the first pass).
 */
export const RESULT_CACHE_ENTRIES = 10_000;
/** Characters of cached pages and JSON kept at most (about 128 MB as UTF-16). */
export const RESULT_CACHE_CHARS = 64 * 1024 * 1024;
/** Documents whose full voice reading (for word searches) is kept. */
export const VOICE_CACHE_DOCUMENTS = 5000;
/** Documents read from a store kept in memory (the pages of a few visitors). */
export const RECORD_CACHE_DOCUMENTS = 500;
/**
 * Documents kept as Term pages read them (text, sentences, hits; KwicDoc), at most, and their size in characters at
 * most (kwicWeight: ~6,000 for a document of the 10k store, so ~1,400 documents). Term pages share most of their
 * documents: the bench's first pass asked kwicRecords for 7,980 documents, 1,339 distinct (a word's first page is
 * its first fifty documents in corpus order).
 */
export const KWIC_CACHE_DOCUMENTS = 4000;
export const KWIC_CACHE_CHARS = 8 * 1024 * 1024;

/** Size of a kept KwicDoc in characters: its text, and 8 characters per sentence, voice span and hit. */
export function kwicWeight(doc: KwicDoc): number {
  return doc.document.text.length + doc.document.id.length + 8 * (doc.sentences.length + (doc.voiceSpans?.length ?? 0) + doc.hits.length) + 64;
}

/**
 * Size of a cached result in characters: strings (pages, JSON) by length, UTF-8 bytes by half their length, results
 * that carry a `chars` size by it; posting lists (a term's documents and
 * counts, up to the whole corpus each) at 16 bytes per document; arrays at 8 bytes per item.
 */
function weighResult(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (value instanceof Uint8Array) return value.byteLength / 2;
  // Results that tell their own size (rendered Compare columns and pages).
  const chars = (value as { chars?: unknown } | null)?.chars;
  if (typeof chars === 'number') return chars;
  const docs = (value as { docs?: unknown } | null)?.docs;
  if (Array.isArray(docs)) return docs.length * 8;
  // Lists of documents or ids (an outlet's documents, a group's column): a reference each, 8 bytes.
  return Array.isArray(value) ? value.length * 4 : 0;
}

export interface DocRecord {
  document: Document;
  analysis: DocAnalysis;
}

export interface AppState {
  compiled: CompiledLexicon;
  documents: Document[];
  analyses: DocAnalysis[];
  skipped: SkippedDocument[];
  report: Report;
  reportOptions: ReportOptions;
  docById: Map<string, Document>;
  analysisById: Map<string, DocAnalysis>;
  /** Place of each document in `documents` (and in the term index's postings). */
  docIndex: Map<string, number>;
  /** Outlet names, sorted. */
  outlets: string[];
  /** Hits per label id (all voices, distanced and negated included): the lexicon page's corpus counts. */
  labelUse: Map<string, LabelUse>;
  /** Why the report leaves a document's hits out of its outlet's counts (near-duplicates), by document id. */
  excluded: Map<string, string>;
  /** Ids of documents a user added in this server session (kept in memory only). */
  sessionAdded: Set<string>;
  /** UTF-8 bytes of text added in this session. */
  sessionBytes: number;
  sessionLimits: SessionLimits;
  /** Bumped whenever the corpus changes; cached results carry the version they were computed for. */
  version: number;
  cache: LruCache<string, unknown>;
  termIndex: TermIndex;
  /** Reported speech of whole documents, read on first need by word searches and kept. */
  voices: LruCache<string, VoiceSpan[]>;
  /** Reported speech of every stored document, read in the background after `serve --db` opens (voice-table.ts). */
  voiceTable: VoiceTable;
  /** That background reading, while and after it runs. */
  voiceReading?: VoiceReading;
  /** Document ids by corpus position (the positions the term index's postings name). */
  ids: string[];
  /** Label hits per document, by corpus position. */
  hitCounts: number[];
  /** Outlet of each document, by corpus position. */
  outletAt: string[];
  /** Outlets numbered in the order they first occur (outletNumberAt's numbers). */
  outletNames: string[];
  /** Number of each document's outlet (in outletNames), by corpus position: term counts per outlet add in an array. */
  outletNumberAt: number[];
  /** Compare sums per outlet, kept up to date document by document. */
  outletSums: Map<string, ReferentTotals>;
  /** Sums behind the report, one document at a time: adding a text adds to them (in-memory corpora only). */
  builder?: ReportBuilder;
  /** A report being computed off the main thread after texts were added; the previous report serves meanwhile. */
  refreshing?: Promise<void>;
  /** Texts added since the report in `report` was computed. */
  reportBehind: number;
  /** When serving a store (`serve --db`): documents are read from it on demand; `documents`/`analyses` stay empty. */
  store?: Store;
  /** Documents read from the store, most recently used kept. */
  records: LruCache<string, DocRecord>;
  /** Documents read from the store as Term pages read them (kwicDocsAt), most recently used kept. */
  kwicDocs: LruCache<string, KwicDoc>;
  /** While the term index and counts of a store are being read: documents read so far of all. */
  indexing: { read: number; total: number } | null;
  /** When serving a store that saved its events in chunks: they are read from it (events.ts); `report.events` is empty. */
  storedEvents?: EventList;
  /** When serving a store: the scratch database holding the term index's postings and the voices (spill.ts). */
  scratch?: ScratchFile;
  /** When serving a store with a term thread: it answers Term pages; `termIndex` holds the labels only (term-thread.ts). */
  termThread?: TermThread;
  /** The term thread's state: documents in the store's report, whose list it does not hold. */
  storedDocuments?: number;
}

export interface StateInput {
  compiled: CompiledLexicon;
  documents: Document[];
  skipped?: SkippedDocument[];
  /** Analyses when already computed; otherwise the documents are analyzed here. */
  analyses?: DocAnalysis[];
  reportOptions?: ReportOptions;
  sessionLimits?: Partial<SessionLimits>;
}

export function createState(input: StateInput): AppState {
  const analyses = input.analyses ?? analyzeCorpus(input.documents, input.compiled).analyses;
  const state = blankState(input);
  const { omitHits: _omit, ...settings } = state.reportOptions;
  const builder = new ReportBuilder({ ...settings, lexicon: input.compiled.lexicon, textOf: (id) => state.docById.get(id)?.text });
  state.builder = builder;
  input.documents.forEach((doc, i) => {
    if (state.docById.has(doc.id)) return;
    index(state, doc, analyses[i]);
    builder.add(analyses[i], { text: doc.text, source: doc.source });
  });
  state.outlets.sort((a, b) => a.localeCompare(b));
  state.termIndex.trim();
  refreshReport(state);
  return state;
}

/** A state with no documents yet (the report is set by the caller). */
export function blankState(input: Omit<StateInput, 'documents' | 'analyses'>): AppState {
  return {
    compiled: input.compiled,
    documents: [],
    analyses: [],
    skipped: input.skipped ?? [],
    // Hits stay in the analyses; a copy of every hit in the report would double the server's memory.
    reportOptions: { omitHits: true, ...input.reportOptions },
    report: undefined as unknown as Report,
    docById: new Map(),
    analysisById: new Map(),
    docIndex: new Map(),
    outlets: [],
    labelUse: new Map(),
    excluded: new Map(),
    sessionAdded: new Set(),
    sessionBytes: 0,
    sessionLimits: { ...DEFAULT_SESSION_LIMITS, ...input.sessionLimits },
    version: 0,
    cache: new LruCache(RESULT_CACHE_ENTRIES, RESULT_CACHE_CHARS, weighResult),
    termIndex: new TermIndex(),
    voices: new LruCache(VOICE_CACHE_DOCUMENTS),
    voiceTable: new VoiceTable(),
    ids: [],
    hitCounts: [],
    outletAt: [],
    outletNames: [],
    outletNumberAt: [],
    outletSums: new Map(),
    records: new LruCache(RECORD_CACHE_DOCUMENTS),
    kwicDocs: new LruCache<string, KwicDoc>(KWIC_CACHE_DOCUMENTS, KWIC_CACHE_CHARS, kwicWeight),
    indexing: null,
    reportBehind: 0,
  };
}

/** Folds one analyzed document into the lookup tables and the term index. */
function index(state: AppState, doc: Document, analysis: DocAnalysis): void {
  if (!state.store) {
    state.documents.push(doc);
    state.analyses.push(analysis);
    state.docById.set(doc.id, doc);
    state.analysisById.set(doc.id, analysis);
  }
  countDocument(state, doc, analysis);
}

const numbers = new WeakMap<AppState, Map<string, number>>();

/** Each outlet's number in `outletNames`. */
function outletNumbers(state: AppState): Map<string, number> {
  let map = numbers.get(state);
  if (!map) numbers.set(state, (map = new Map(state.outletNames.map((o, n) => [o, n]))));
  return map;
}

/** The counts and index entries of one document (in memory or read from a store). */
export function countDocument(state: AppState, doc: Document, analysis: DocAnalysis): void {
  const i = state.ids.length;
  state.ids.push(doc.id);
  state.hitCounts.push(analysis.hits.length);
  state.outletAt.push(doc.outlet);
  let number = outletNumbers(state).get(doc.outlet);
  if (number === undefined) {
    number = state.outletNames.push(doc.outlet) - 1;
    outletNumbers(state).set(doc.outlet, number);
  }
  state.outletNumberAt.push(number);
  state.docIndex.set(doc.id, i);
  let sums = state.outletSums.get(doc.outlet);
  if (!sums) {
    sums = new Map();
    state.outletSums.set(doc.outlet, sums);
    if (!state.outlets.includes(doc.outlet)) state.outlets.push(doc.outlet);
  }
  addToTotals(sums, analysis);
  for (const h of analysis.hits) {
    let use = state.labelUse.get(h.label);
    if (!use) {
      use = { total: 0, byOutlet: new Map() };
      state.labelUse.set(h.label, use);
    }
    use.total++;
    use.byOutlet.set(analysis.outlet, (use.byOutlet.get(analysis.outlet) ?? 0) + 1);
  }
  state.termIndex.add(i, doc, analysis);
}

/** The report from the builder's sums: statistics are computed from counts, no text is read again. */
function refreshReport(state: AppState): void {
  if (!state.builder) return;
  applyReport(state, state.builder.finish({ skipped: state.skipped }));
}

const REPORT_WORKER_URL = new URL('./report-worker.js', import.meta.url);

/**
 * After texts are added: the statistics of a large corpus take seconds, so they are computed on a worker thread from
 * the builder's state while the previous report keeps serving; one more round follows if texts arrive meanwhile.
 * Without compiled workers (running from sources) the report is computed at once.
 */
function scheduleReportRefresh(state: AppState): void {
  const builder = state.builder;
  if (!builder) return;
  if (!workersAvailable()) {
    refreshReport(state);
    state.reportBehind = 0;
    return;
  }
  if (state.refreshing) return;
  const behind = state.reportBehind;
  const snapshot = builder.toState();
  state.refreshing = new Promise<Report>((resolve, reject) => {
    const worker = new Worker(REPORT_WORKER_URL, { workerData: { state: snapshot, skipped: state.skipped } });
    worker.once('message', (msg: { report?: Report; error?: string }) => (msg.report ? resolve(msg.report) : reject(new Error(msg.error))));
    worker.once('error', reject);
  }).then((report) => applyReport(state, report), () => refreshReport(state)).then(() => {
    state.reportBehind -= behind;
    state.version++;
    state.cache.clear();
    state.refreshing = undefined;
    if (state.reportBehind > 0) scheduleReportRefresh(state);
  });
}

function applyReport(state: AppState, report: Report): void {
  state.report = report;
  state.excluded = new Map(state.report.documents.filter((d) => d.excluded).map((d) => [d.id, d.excluded as string]));
}

const fmtMb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Refuses, with a message saying what is left, documents that would take this session past its limits. Called
 * before the analysis (so nothing is analyzed in vain) and again when adding (another request may have added since).
 */
export function checkSessionRoom(state: AppState, documents: Document[]): void {
  if (state.store) {
    throw new HttpError(400, `This server reads the store ${state.store.info().file} and adds nothing to it. Compare the texts without adding them, `
      + `or put them in the corpus files and run "framelens analyze --db" again.`);
  }
  const fresh = documents.filter((d) => !state.docById.has(d.id));
  const { documents: maxDocs, bytes: maxBytes } = state.sessionLimits;
  const docs = state.sessionAdded.size + fresh.length;
  const bytes = state.sessionBytes + fresh.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  if (docs > maxDocs) {
    throw new HttpError(400, `This session has added ${state.sessionAdded.size} of at most ${maxDocs} texts to the corpus; `
      + `${fresh.length} more would pass the limit. Compare them without adding, or put them in the corpus files and restart framelens serve.`);
  }
  if (bytes > maxBytes) {
    throw new HttpError(400, `This session has added ${fmtMb(state.sessionBytes)} of text, at most ${fmtMb(maxBytes)} may be added; `
      + `these texts (${fmtMb(bytes - state.sessionBytes)}) would pass the limit. Compare them without adding, or put them in the corpus files and restart framelens serve.`);
  }
}

/** Adds analyzed documents to the in-memory corpus (ids already present are ignored); returns the ids added. */
export function addDocuments(state: AppState, documents: Document[], analyses: DocAnalysis[]): string[] {
  checkSessionRoom(state, documents);
  const added: string[] = [];
  documents.forEach((doc, i) => {
    if (state.docById.has(doc.id)) return;
    index(state, doc, analyses[i]);
    state.builder?.add(analyses[i], { text: doc.text, source: doc.source });
    state.sessionAdded.add(doc.id);
    state.sessionBytes += Buffer.byteLength(doc.text);
    added.push(doc.id);
  });
  if (added.length) {
    state.outlets.sort((a, b) => a.localeCompare(b));
    state.reportBehind += added.length;
    state.version++;
    state.cache.clear();
    scheduleReportRefresh(state);
  }
  return added;
}

/** Number of documents in the corpus (in memory or in the store). */
export function documentCount(state: AppState): number {
  return state.store ? state.storedDocuments ?? state.report.documents.length : state.documents.length;
}

/** A document and its analysis by id, from memory or from the store. */
export function lookup(state: AppState, id: string): DocRecord | undefined {
  if (!state.store) {
    const document = state.docById.get(id);
    const analysis = state.analysisById.get(id);
    return document && analysis ? { document, analysis } : undefined;
  }
  const store = state.store;
  const hit = state.records.get(id);
  if (hit) return hit;
  const stored = store.getDocument(id);
  if (!stored) return undefined;
  const record = { document: stored.document, analysis: stored.analysis };
  state.records.set(id, record);
  return record;
}

/** A document and its analysis by corpus position (the term index's postings). */
export function recordAt(state: AppState, i: number): DocRecord {
  if (!state.store) return { document: state.documents[i], analysis: state.analyses[i] };
  const record = lookup(state, state.ids[i]);
  if (!record) throw new HttpError(404, `document "${state.ids[i]}" is no longer in the store; restart framelens serve to read it again`);
  return record;
}

/** Label hits of a document, by id, without reading it. */
export function hitCountOf(state: AppState, id: string): number | undefined {
  const i = state.docIndex.get(id);
  return i === undefined ? undefined : state.hitCounts[i];
}

/**
 * The reported speech of a whole document (word searches need it; the analysis holds it only near matches): read in
 * the background for a store, else on first need and kept.
 */
export function voiceSpansOf(state: AppState, doc: Pick<Document, 'id' | 'outlet' | 'text'>, analysis: Pick<DocAnalysis, 'sentences'>): VoiceSpan[] {
  return state.voiceTable.get(doc.id) ?? state.voices.getOrSet(doc.id, () => wholeDocumentVoices(doc, analysis, state.compiled.voice));
}

/**
 * The documents at several corpus positions as keyword-in-context lines read them. From a store, the ones not
 * already held are read in one query that parses only those parts of their analyses (Store.kwicRecords), not one
 * query and a whole analysis per document: a Term page shows lines from up to fifty documents.
 */
export function kwicDocsAt(state: AppState, positions: readonly number[], wanted?: HitsWanted): Map<number, KwicRecord> {
  const out = new Map<number, KwicRecord>();
  if (!state.store) {
    for (const i of positions) out.set(i, { document: state.documents[i], analysis: state.analyses[i] });
    return out;
  }
  const wantedIds: string[] = [];
  for (const i of positions) {
    const held = state.records.get(state.ids[i]);
    if (held) out.set(i, held);
    else wantedIds.push(state.ids[i]);
  }
  if (wantedIds.length === 0) return out;
  const read = kwicRecordsOf(state, state.store, wantedIds, wanted);
  for (const i of positions) {
    if (out.has(i)) continue;
    const record = read.get(state.ids[i]);
    if (!record) throw new HttpError(404, `document "${state.ids[i]}" is no longer in the store; restart framelens serve to read it again`);
    out.set(i, record);
  }
  return out;
}

/**
 * What Store.kwicRecords reads for these ids, from the documents kept in `kwicDocs` and one read of the others (kept
 * in turn): a word's lines and a label's take the same documents. Label lines need the analysis' voice spans, word
 * lines do not (they take the whole document's voices), and get none, as from kwicRecords.
 */
function kwicRecordsOf(state: AppState, store: Store, ids: readonly string[], wanted?: HitsWanted): Map<string, KwicRecord> {
  const voices = !wanted || 'label' in wanted;
  const docs = new Map<string, KwicDoc>();
  const missing: string[] = [];
  for (const id of ids) {
    const kept = state.kwicDocs.get(id);
    if (kept && (!voices || kept.voiceSpans)) docs.set(id, kept);
    else missing.push(id);
  }
  if (missing.length) {
    const read = store.kwicDocs(missing, voices);
    // A store of the first schema or a damaged record: read as before.
    if (!read) return store.kwicRecords(ids, wanted);
    for (const [id, doc] of read) {
      docs.set(id, doc);
      state.kwicDocs.set(id, doc);
    }
  }
  const out = new Map<string, KwicRecord>();
  for (const [id, doc] of docs) {
    out.set(id, { document: doc.document, analysis: { sentences: doc.sentences, voiceSpans: voices ? doc.voiceSpans ?? [] : [], hits: kwicHits(doc, wanted) } });
  }
  return out;
}

/** The text of the document at a corpus position, without parsing its analysis (phrase searches count in texts). */
export function textAt(state: AppState, i: number): string {
  if (!state.store) return state.documents[i].text;
  const id = state.ids[i];
  const text = state.records.get(id)?.document.text ?? state.store.getText(id);
  if (text === undefined) throw new HttpError(404, `document "${id}" is no longer in the store; restart framelens serve to read it again`);
  return text;
}

/** A result computed once per corpus version and selection, then read from the bounded cache. */
export function cached<T>(state: AppState, key: string, make: () => T): T {
  return state.cache.getOrSet(`${state.version}\0${key}`, make) as T;
}
