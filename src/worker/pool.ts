/**
 * A pool of analysis worker threads. Each worker receives the compiled lexicon once, then batches of documents,
 * and answers each batch with the analyses as JSON text: strings are cheap to pass between threads (a structured
 * clone of the analysis objects took 1.8× the heap of main-thread results) and parse on the main thread into
 * ordinary compact objects. Each analysis comes as two strings: the analysis with an empty hits list, which is what
 * the store keeps as it is (the hits are its rows), and the hits (`joinAnalysis`, src/store/analysis-json.ts, puts
 * them together).
 *
 * Only available when running compiled JavaScript (the worker is a .js file next to this one); callers fall back
 * to the main thread otherwise.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Document } from '../types.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import type { NearDuplicateSketch } from '../stats/duplicates.js';

const WORKER_URL = new URL('./analyze-worker.js', import.meta.url);

/** Whether a thread can run the worker script at `url`: threads need the compiled JavaScript (dist/), not the .ts sources. */
export function threadScriptAvailable(url: URL): boolean {
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(url));
}

export function workersAvailable(): boolean {
  return threadScriptAvailable(WORKER_URL);
}

/**
 * Worker threads when `-j` is not given: one per core, but at most DEFAULT_MAX_WORKERS. Each worker holds its own copy of
 * the wink-nlp model and the compiled lexicon (~55–65 MB before any document), and the default run must stay under
 * 500 MB of peak memory on any machine and corpus size (100k articles with two workers peak at ~485 MB). More
 * workers are faster on a machine with more cores: `-j N` asks for them, at that cost per worker.
 */
export const DEFAULT_MAX_WORKERS = 2;

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(DEFAULT_MAX_WORKERS, availableParallelism()));
}

/** What a worker needs of a document: `meta` may be large and is never read by the analyzer. */
export type WorkDocument = Omit<Document, 'meta'>;

export function toWorkDocument(d: Document): WorkDocument {
  const { meta: _meta, ...rest } = d;
  return rest;
}

/**
 * A batch's answer: per document the analysis JSON with an empty hits list, the hits' JSON, and the report features
 * JSON when the pool computes them.
 */
export interface BatchResult {
  analyses: string[];
  hits: string[];
  features?: string[];
  /** Near-duplicate sketches, when the pool makes them (`features.sketches`). */
  sketches?: NearDuplicateSketch[];
}

interface Pending {
  resolve: (result: BatchResult) => void;
  reject: (err: Error) => void;
  documents: WorkDocument[];
}

/**
 * Heap limits of a pool worker. Left to itself, V8 lets each worker's heap grow to several times what it holds
 * (measured: two workers and the main thread at ~460 MB after 10k articles, ~350 MB with these limits). 256 MB of old
 * generation is room for documents up to ~5 MB (a 5 MB document needs between 128 and 256); a batch that still runs
 * out is analyzed again on a worker of its own without limits (see `retryUnlimited`). The young generation is
 * where an analysis' short-lived objects die: at 8 MB each worker spent ~12% of its time collecting garbage (three
 * times the main thread's share at -j 1), and 16 MB took 5.6% off the CPU of a whole `analyze -j 2` run on 10k
 * articles for ~20 MB more peak RSS (32 MB: 5.8% for ~50 MB; no limit: 40–60 MB more; docs/scale.md, session 9).
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 } as const;

export class WorkerPool {
  readonly size: number;
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  /** Workers that ran out of memory and were replaced: their exit is expected. */
  private readonly retired = new Set<Worker>();
  private readonly data: { features?: PoolFeatures };
  /** The compiled lexicon, once it is there: batches wait for it (each worker gets it as its first message). */
  private compiled: CompiledLexicon | undefined;
  private failure: Error | undefined;
  private closed = false;
  private readonly limits: ResourceLimits;

  /**
   * `limits`: heap limits of the pool's workers (default WORKER_LIMITS). `features`: also compute each document's
   * report features (src/report/features.ts) with these stop words. `compiled` may still be on its way (compiled on
   * another thread): the workers start at once and load wink-nlp meanwhile, and batches wait until it arrives.
   */
  constructor(compiled: CompiledLexicon | Promise<CompiledLexicon>, size: number, options: { limits?: ResourceLimits; features?: PoolFeatures } = {}) {
    this.size = Math.max(1, size);
    this.limits = options.limits ?? WORKER_LIMITS;
    this.data = options.features ? { features: options.features } : {};
    this.workers = Array.from({ length: this.size }, () => this.spawn());
    this.idle = [...this.workers];
    if (compiled instanceof Promise) {
      compiled.then((c) => this.arrived(c), (err: Error) => this.fail(new Error(`the analysis workers got no lexicon: ${err.message}`)));
    } else this.arrived(compiled);
  }

  private arrived(compiled: CompiledLexicon): void {
    if (this.closed) return;
    this.compiled = compiled;
    // The compiled lexicon holds only data (Maps, arrays, plain objects), so it clones into each worker as it is.
    for (const w of this.workers) w.postMessage({ compiled });
    this.dispatch();
  }

  private spawn(): Worker {
    const w = new Worker(WORKER_URL, { workerData: this.data, resourceLimits: this.limits });
    if (this.compiled) w.postMessage({ compiled: this.compiled });
    w.on('message', (msg: WorkerAnswer) => {
      const p = this.running.get(w);
      this.running.delete(w);
      if (p) settle(p, msg);
      this.idle.push(w);
      this.dispatch();
    });
    w.on('error', (err) => {
      const p = this.running.get(w);
      if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && p && !this.closed) {
        this.running.delete(w);
        this.retired.add(w);
        const fresh = this.spawn();
        this.workers[this.workers.indexOf(w)] = fresh;
        this.idle.push(fresh);
        this.retryUnlimited(p);
        this.dispatch();
        return;
      }
      this.fail(err);
    });
    w.on('exit', (code) => {
      if (code !== 0 && !this.retired.has(w) && !this.closed) this.fail(new Error(`a worker thread stopped with exit code ${code}`));
    });
    return w;
  }

  /** A batch too large for a pool worker's heap, on a worker of its own with V8's default limits, then gone. */
  private retryUnlimited(p: Pending): void {
    const w = new Worker(WORKER_URL, { workerData: this.data });
    w.postMessage({ compiled: this.compiled });
    w.once('message', (msg: WorkerAnswer) => {
      settle(p, msg);
      void w.terminate();
    });
    w.once('error', (err) => p.reject(batchError(p, err.message)));
    w.postMessage({ documents: p.documents });
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.running.values()) p.reject(err);
    this.running.clear();
    for (const q of this.queue.splice(0)) q.reject(err);
  }

  private dispatch(): void {
    if (!this.compiled) return;
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop() as Worker;
      const job = this.queue.shift() as Pending;
      this.running.set(w, job);
      w.postMessage({ documents: job.documents });
    }
  }

  /** Analyzes a batch on the next free worker; resolves to each document's analysis and hits JSON, in order. */
  analyze(documents: WorkDocument[]): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<BatchResult>((resolve, reject) => {
      this.queue.push({ resolve, reject, documents });
      this.dispatch();
    });
  }

  /** Ends the workers; a second call does nothing more. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** What the workers compute for the report besides the analyses. */
export interface PoolFeatures {
  /** The report's `stopwords` option (keyness words leave them out). */
  stopwords?: string[];
  /** Near-duplicate sketches too (when the report checks near-duplicates). */
  sketches?: boolean;
}

interface WorkerAnswer {
  analyses?: string[];
  hits?: string[];
  features?: string[];
  sketches?: NearDuplicateSketch[];
  error?: string;
}

function settle(p: Pending, msg: WorkerAnswer): void {
  if (msg.analyses && msg.hits) p.resolve({ analyses: msg.analyses, hits: msg.hits, features: msg.features, sketches: msg.sketches });
  else p.reject(batchError(p, String(msg.error)));
}


function batchError(p: Pending, reason: string): Error {
  return new Error(`a worker failed on the batch starting with document "${p.documents[0]?.id ?? ''}": ${reason}`);
}
