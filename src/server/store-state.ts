/**
 * Serving a store built by `framelens analyze --db`: the report comes from the store's saved aggregate (no analysis,
 * no rebuilding), documents are read on demand, and the term index and the per-outlet counts are read from the
 * store's documents in the background, a slice at a time, while the server already answers.
 */
import type { CompiledLexicon } from '../lexicon/compile.js';
import type { Report, ReportOptions } from '../report/build.js';
import { StoreError, type Store } from '../store/index.js';
import { blankState, countDocument, documentCount, type AppState, type SessionLimits } from './state.js';
import { readStoreVoices, VoiceTable, type VoiceReading } from './voice-table.js';
import { ScratchFile } from './spill.js';
import { TermIndex } from './term-index.js';
import { storedEvents as readStoredEvents, type EventList } from './events.js';
import { TermThread, termThreadAvailable } from './term-thread.js';

/** Work done between two yields to waiting requests while the store is indexed. */
const SLICE_MS = 20;

export interface StoreStateOptions {
  sessionLimits?: Partial<SessionLimits>;
  segmentBytes?: number;
  /**
   * The term thread's own state: the report without its documents' list (`documents` says how many it holds), its
   * stances or its events, which no Term page reads.
   */
  termsOnly?: { documents: number };
}

export function createStoreState(store: Store, compiled: CompiledLexicon, options: StoreStateOptions = {}): AppState {
  const { file } = store.info();
  const reportJson = store.getAggregate('report');
  if (reportJson === undefined) {
    throw new StoreError(`${file}: holds no finished report; run "framelens analyze --db ${file} <corpus>" to the end, then serve it`, file);
  }
  let report: Report;
  let reportOptions: ReportOptions = {};
  let storedEvents: EventList | undefined;
  // What the index, the voices and the documents' stances hold per document goes to disk (spill.ts).
  const scratch = new ScratchFile();
  try {
    report = JSON.parse(reportJson) as Report;
    // Stores written by analyze keep the documents list in chunks beside the report (see Store.finishRun).
    const chunks = options.termsOnly ? undefined : store.reportDocumentChunks();
    if (options.termsOnly) report.documents = [];
    else if (chunks) {
      report.documents = [];
      for (const chunk of chunks) {
        const documents = JSON.parse(chunk) as Report['documents'];
        moveStances(documents, scratch);
        for (const d of documents) report.documents.push(d);
      }
    }
    storedEvents = options.termsOnly ? undefined : readStoredEvents(store);
    if (storedEvents || options.termsOnly) report.events = [];
    const saved = store.getAggregate('report-options');
    if (saved !== undefined) reportOptions = JSON.parse(saved) as ReportOptions;
  } catch (err) {
    scratch.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`${file}: its saved report is damaged; run "framelens analyze --db ${file} <corpus>" again`, file);
  }
  const state = blankState({ compiled, skipped: report.corpus.skipped, reportOptions: { ...reportOptions, omitHits: true }, sessionLimits: options.sessionLimits });
  state.store = store;
  state.storedEvents = storedEvents;
  state.scratch = scratch;
  state.termIndex = new TermIndex({ spill: scratch, segmentBytes: options.segmentBytes });
  if (options.termsOnly) state.storedDocuments = options.termsOnly.documents;
  state.voiceTable = new VoiceTable(scratch);
  state.report = report;
  state.outlets = report.outlets.map((o) => o.outlet).sort((a, b) => a.localeCompare(b));
  state.excluded = new Map(report.documents.filter((d) => d.excluded).map((d) => [d.id, d.excluded as string]));
  state.indexing = { read: 0, total: documentCount(state) };
  return state;
}

/**
 * Starts the term thread of a store's state (term-thread.ts) when compiled workers exist: from then on it answers the
 * Term page and /api/term, and this state indexes the labels only and reads no voices. Call before the app is made
 * and before indexStore. Returns undefined (nothing changed: Term pages are answered on this thread) without workers.
 */
export function startTermThread(state: AppState, options: { segmentBytes?: number } = {}): TermThread | undefined {
  if (!state.store || !state.indexing || state.indexing.read > 0 || !termThreadAvailable()) return undefined;
  const thread = new TermThread(state.store.info().file, state.compiled, documentCount(state), options);
  state.termThread = thread;
  state.termIndex = new TermIndex({ labelsOnly: true });
  return thread;
}

/**
 * Each document's stance per referent (half of what a report document holds: ~25 MB at 100k) is read by the exports
 * only, so it waits in the scratch file; the property stays, undefined, so that withStances puts it back in its place.
 */
function moveStances(documents: Report['documents'], scratch: ScratchFile): void {
  const ids: string[] = [];
  const stances: string[] = [];
  for (const d of documents) {
    if (d.stance === undefined) continue;
    ids.push(d.id);
    stances.push(JSON.stringify(d.stance));
    (d as { stance?: unknown }).stance = undefined;
  }
  scratch.putStances(ids, stances);
}

/** Report documents as the report holds them, stances included (read back from the scratch file of a store). */
export function withStances(state: AppState, documents: readonly Report['documents'][number][]): Report['documents'] {
  const scratch = state.scratch;
  if (!scratch) return documents as Report['documents'];
  return documents.map((d) => {
    if (d.stance !== undefined || !Object.hasOwn(d, 'stance')) return d;
    const stance = scratch.stance(d.id);
    return stance === undefined ? d : { ...d, stance: JSON.parse(stance) as Report['documents'][number]['stance'] };
  });
}

/**
 * Reads every stored document once for the term index, label counts and per-outlet sums, yielding to requests every
 * few milliseconds. Pages that need the index say it is being built until this resolves.
 */
export async function indexStore(state: AppState, onProgress?: (read: number, total: number) => void, signal?: AbortSignal): Promise<void> {
  const store = state.store;
  if (!store || !state.indexing) return;
  const progress = state.indexing;
  const documents = store.documents();
  for (;;) {
    // A server that could not start (its port taken) must not read a large store to the end before it exits.
    if (signal?.aborted) return;
    const started = performance.now();
    while (performance.now() - started < SLICE_MS) {
      const next = documents.next();
      if (next.done) {
        state.termIndex.trim();
        state.outlets.sort((a, b) => a.localeCompare(b));
        state.indexing = null;
        // Pages rendered while indexing showed partial counts.
        state.version++;
        state.cache.clear();
        onProgress?.(progress.read, progress.total);
        return;
      }
      countDocument(state, next.value.document, next.value.analysis);
      progress.read++;
    }
    onProgress?.(progress.read, progress.total);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Starts reading the whole-document voices of every stored document, off the main thread when a compiled worker
 * exists (see voice-table.ts). Word searches read a document's voices on demand until its reading has arrived.
 * Started once per state; later calls return the same reading.
 */
export function readVoicesBehind(state: AppState, options: { worker?: boolean } = {}): VoiceReading | undefined {
  // With a term thread, the voices are read there: only word searches read them.
  if (!state.store || state.termThread) return undefined;
  state.voiceReading ??= readStoreVoices(state.store, state.voiceTable, state.compiled.voice, documentCount(state), options);
  return state.voiceReading;
}
