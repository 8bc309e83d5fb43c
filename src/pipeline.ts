/**
 * The streaming analysis pipeline: documents are read one at a time, analyzed (on the main thread or a worker
 * pool with a bounded number of batches in flight), written to the store in transactions as they are produced and
 * handed, in corpus order, to a sink (the report builder). Nothing here holds the corpus, all analyses or all hits:
 * memory is bounded by the in-flight window and one store batch, whatever the corpus size.
 *
 * With a store, a document whose content hash and analysis key (tool version, analyzer code, lexicon and voice-rule
 * sources) are unchanged is not analyzed again: its stored analysis is reused.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocAnalysis, Document } from './types.js';
import type { CompiledLexicon } from './lexicon/compile.js';
import { analyzeDocument } from './analysis/analyze.js';
import { contentHash } from './corpus/hash.js';
import { TOOL_VERSION } from './version.js';
import type { Store, StoreWrite } from './store/store.js';
import { joinAnalysis, storedAnalysisJson } from './store/analysis-json.js';
import { defaultWorkerCount, toWorkDocument, WorkerPool, workersAvailable, type PoolFeatures, type WorkDocument } from './worker/pool.js';
import type { DocumentFeatures } from './report/features.js';
import type { NearDuplicateSketch } from './stats/duplicates.js';

/** Below this many documents to analyze, starting workers costs more than it saves. */
const MIN_PARALLEL_DOCUMENTS = 64;
/** Documents per worker message: large enough to amortise messaging, small enough to keep both workers busy. */
const WORKER_BATCH = 16;
/** Batches in flight per worker: enough to hide the main thread's own work, few enough to bound memory. */
const BATCHES_PER_WORKER = 4;
/** Documents per store transaction, and the longest a finished analysis waits before it is committed. */
const STORE_BATCH = 256;
const STORE_BATCH_MS = 1000;

/**
 * The analyzer's own code, hashed: a stored analysis written by other analyzer code (an upgrade, a local edit) must
 * not be reused even when the version number did not change.
 */
let codeHash: string | undefined;
function hashFolder(h: ReturnType<typeof createHash>, folder: string, rel: string): void {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) hashFolder(h, path, `${rel}/${entry.name}`);
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) h.update(`${rel}/${entry.name}\0`).update(readFileSync(path));
  }
}
function analyzerCodeHash(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  // Subfolders too: rule families live in their own folders (src/analysis/voice/ …).
  for (const dir of ['analysis', 'nlp', 'lexicon']) hashFolder(h, join(here, dir), dir);
  codeHash = h.digest('hex');
  return codeHash;
}

/**
 * The analysis key: tool version, analyzer code and every lexicon source (the voice-rule file is one of the
 * compiled lexicon's sources). A stored analysis is reused only under the same key.
 */
export function cacheKey(compiled: CompiledLexicon): string {
  const h = createHash('sha256').update(TOOL_VERSION).update(analyzerCodeHash());
  for (const s of compiled.lexicon.sources) h.update(`\0${s.sha256}`);
  return h.digest('hex').slice(0, 16);
}

export interface Shard {
  /** 0-based, so that a batch engine's task index (Kubernetes' JOB_COMPLETION_INDEX) can be passed as it is. */
  index: number;
  count: number;
}

/**
 * The shard a document belongs to, from its id alone: deterministic on every machine, and stable when the
 * document's text changes, so a shard's store re-analyzes an edited document instead of losing it to another shard.
 */
export function shardOf(id: string, count: number): number {
  if (count <= 1) return 0;
  return createHash('sha256').update(id, 'utf8').digest().readUInt32BE(0) % count;
}

export interface PipelineProgress {
  /** Documents read so far (in every shard). */
  read: number;
  /** Documents of this shard handed to the sink so far. */
  done: number;
  analyzed: number;
  reused: number;
}

/**
 * Texts of documents already handed on, by id, for the report builder's near-duplicate checks: from the store, or
 * from the batch not yet committed to it (so the answer never depends on when a transaction happened to commit).
 */
export class TextLookup {
  private readonly pending = new Map<string, string>();

  constructor(private readonly store: Store | null) {}

  get(id: string): string | undefined {
    return this.pending.get(id) ?? this.store?.textOf(id);
  }

  /** @internal the pipeline's bookkeeping */
  hold(id: string, text: string): void {
    this.pending.set(id, text);
  }

  /** @internal */
  committed(): void {
    this.pending.clear();
  }
}

export interface PipelineOptions {
  /** Store to reuse analyses from and write them to; `beginRun` is called here, `finishRun` by the caller. */
  store?: Store | null;
  /** Worker threads; 1 (or a corpus too small to be worth it) analyzes on the main thread. Default: one per core, up to two (defaultWorkerCount). */
  workers?: number;
  shard?: Shard;
  /** Kept in step with the store's commits; give the same one to the report builder's `textOf`. */
  texts?: TextLookup;
  /**
   * Receives every document of the shard with its analysis, in corpus order; with `features`, also the document's
   * report features when a worker computed them (absent for documents analyzed on this thread or reused).
   */
  onDocument?: (document: Document, analysis: DocAnalysis, features?: DocumentFeatures) => void;
  /** Have the workers also compute each document's report features (src/report/features.ts) with these stop words. */
  features?: PoolFeatures;
  /**
   * A pool started by the caller (its workers loading wink-nlp while the lexicon compiles), made with `features`;
   * used from the first document whatever `workers` says, and closed when the pipeline ends, as its own pool is.
   */
  pool?: WorkerPool;
  onProgress?: (progress: PipelineProgress) => void;
}

export interface PipelineResult extends PipelineProgress {
  /** Worker threads used (1: the main thread). */
  workers: number;
  /** Documents of the corpus that belong to other shards. */
  otherShards: number;
  /** Store run number (for `store.finishRun`), when there is a store. */
  run?: number;
  analysisKey: string;
}

interface Entry {
  doc: Document;
  ord: number;
  hash: string;
  /** Analysis JSON with an empty hits list, and the hits' JSON, once a worker returned them. */
  json?: string;
  hits?: string;
  /** Analysis object when analyzed on this thread or reused from the store. */
  analysis?: DocAnalysis;
  /** Report features JSON, when a worker computed them. */
  features?: string;
  sketch?: NearDuplicateSketch;
  reused: boolean;
  ready?: Promise<void>;
}

export async function runPipeline(
  source: AsyncIterable<Document> | Iterable<Document>, compiled: CompiledLexicon, options: PipelineOptions = {},
): Promise<PipelineResult> {
  const store = options.store ?? null;
  const wanted = Math.max(1, options.workers ?? defaultWorkerCount());
  const parallel = options.pool === undefined && wanted >= 2 && workersAvailable();
  const shard = options.shard;
  const analysisKey = cacheKey(compiled);
  const run = store ? store.beginRun(analysisKey, shard && shard.count > 1 ? `${shard.index}/${shard.count}` : null) : undefined;
  // A first run into a store has nothing to reuse: no lookup per document.
  const fresh = store?.runBeganEmpty ?? false;

  const progress: PipelineProgress = { read: 0, done: 0, analyzed: 0, reused: 0 };
  let otherShards = 0;
  let pool: WorkerPool | undefined = options.pool;
  let writes: StoreWrite[] = [];
  let lastCommit = Date.now();
  const window: Entry[] = [];
  let batch: Entry[] = [];
  // Documents that need analysis before the pool is worth starting: analyzed inline if the corpus ends first.
  let undecided: Entry[] | null = parallel ? [] : null;

  const commit = (force: boolean) => {
    if (!store || run === undefined) return;
    if (!force && writes.length < STORE_BATCH && Date.now() - lastCommit < STORE_BATCH_MS) return;
    store.writeBatch(run, analysisKey, writes);
    options.texts?.committed();
    writes = [];
    lastCommit = Date.now();
  };

  const emit = (e: Entry) => {
    const analysis = e.analysis ?? joinAnalysis(e.json as string, e.hits as string);
    if (store) {
      writes.push(e.reused ? { kind: 'kept', ord: e.ord, id: e.doc.id }
        : { kind: 'analyzed', ord: e.ord, document: e.doc, hash: e.hash, analysisJson: e.json ?? storedAnalysisJson(analysis), analysis });
      if (!e.reused) options.texts?.hold(e.doc.id, e.doc.text);
    }
    if (e.reused) progress.reused++;
    else progress.analyzed++;
    progress.done++;
    let features: DocumentFeatures | undefined;
    if (e.features !== undefined) {
      features = JSON.parse(e.features) as DocumentFeatures;
      if (e.sketch) features.sketch = e.sketch;
    }
    options.onDocument?.(e.doc, analysis, features);
    // Committed after the sink has seen the document, so the sink can look up every earlier text meanwhile.
    commit(false);
    options.onProgress?.({ ...progress });
  };

  const drain = () => {
    while (window.length && (window[0].json !== undefined || window[0].analysis !== undefined)) emit(window.shift() as Entry);
  };

  const submit = () => {
    if (!batch.length || !pool) return;
    const entries = batch;
    batch = [];
    const promise = pool.analyze(entries.map((e) => toWorkDocument(e.doc) as WorkDocument)).then((result) => {
      result.analyses.forEach((j, k) => {
        entries[k].json = j;
        entries[k].hits = result.hits[k];
      });
      result.features?.forEach((f, k) => { entries[k].features = f; });
      result.sketches?.forEach((s, k) => { entries[k].sketch = s; });
    });
    for (const e of entries) e.ready = promise;
  };

  const startPool = () => {
    pool = new WorkerPool(compiled, wanted, { features: options.features });
    for (const u of undecided ?? []) {
      batch.push(u);
      if (batch.length >= WORKER_BATCH) submit();
    }
    undecided = null;
  };

  const analyzeInline = (e: Entry) => {
    e.analysis = analyzeDocument(e.doc, compiled);
  };

  try {
    let ord = -1;
    for await (const doc of source as AsyncIterable<Document>) {
      ord++;
      progress.read++;
      if (shard && shard.count > 1 && shardOf(doc.id, shard.count) !== shard.index) {
        otherShards++;
        if (progress.read % 256 === 0) options.onProgress?.({ ...progress });
        continue;
      }
      const e: Entry = { doc, ord, hash: store ? contentHash(doc) : '', reused: false };
      const stored = store && !fresh ? store.reusable(doc.id, e.hash, analysisKey) : undefined;
      if (stored !== undefined) {
        e.analysis = stored;
        e.reused = true;
      }
      window.push(e);
      if (!e.reused) {
        if (undecided) {
          undecided.push(e);
          if (undecided.length >= MIN_PARALLEL_DOCUMENTS) startPool();
        } else if (pool) {
          batch.push(e);
          if (batch.length >= WORKER_BATCH) submit();
        } else analyzeInline(e);
      }
      drain();
      // Backpressure: the reader waits while the window is full, so memory stays bounded when reading is faster
      // than analysis.
      const limit = pool ? pool.size * BATCHES_PER_WORKER * WORKER_BATCH : MIN_PARALLEL_DOCUMENTS * 2;
      while (window.length > limit) {
        // A long run of reused documents behind a few to analyze: the corpus is large, so workers are worth it.
        if (undecided) startPool();
        const head = window[0];
        if (!head.ready && head.json === undefined && head.analysis === undefined) submit();
        await head.ready;
        drain();
      }
    }
    if (undecided) {
      for (const u of undecided) analyzeInline(u);
      undecided = null;
    }
    submit();
    while (window.length) {
      await window[0].ready;
      drain();
    }
    commit(true);
  } finally {
    await pool?.close();
  }
  return { ...progress, workers: pool ? pool.size : 1, otherShards, run, analysisKey };
}

export interface AnalyzeCorpusOptions {
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface AnalyzeCorpusResult {
  analyses: DocAnalysis[];
  analyzed: number;
  workers: number;
}

/** Analyzes documents held in memory on the main thread (small corpora, the server's paste form). */
export function analyzeCorpus(documents: Document[], compiled: CompiledLexicon, options: AnalyzeCorpusOptions = {}): AnalyzeCorpusResult {
  const analyses = documents.map((d, i) => {
    const a = analyzeDocument(d, compiled);
    options.onProgress?.(i + 1, documents.length);
    return a;
  });
  return { analyses, analyzed: documents.length, workers: 1 };
}

/**
 * Like analyzeCorpus, on worker threads when there is enough work and compiled workers exist; the result is
 * identical to the main-thread run (a test checks that).
 */
export async function analyzeCorpusParallel(documents: Document[], compiled: CompiledLexicon, options: AnalyzeCorpusOptions = {}): Promise<AnalyzeCorpusResult> {
  const analyses: DocAnalysis[] = [];
  const result = await runPipeline(documents, compiled, {
    workers: options.workers,
    onDocument: (_, a) => analyses.push(a),
    onProgress: (p) => options.onProgress?.(p.done, documents.length),
  });
  return { analyses, analyzed: result.analyzed, workers: result.workers };
}
