/**
 * The term thread of `serve --db`. A store's corpus is read-only once the server has started, so the Term page and
 * /api/term (about 45% of the serving thread's CPU on a first pass of the server bench: postings, the documents'
 * texts and voices read from SQLite, the lines' HTML) can be answered beside the main thread: a worker (term-worker.ts)
 * opens the store on its own connection, builds the term index (words and labels) and reads the documents' voices,
 * and answers those two routes with the same code the main thread runs without it (routes/term.tsx). The main
 * thread then keeps only the labels' postings, which the hit lists read (hits-list.ts, lists.ts), and passes each
 * Term request on without waiting for it: other pages are served meanwhile.
 *
 * Memory: the thread holds a second copy of the compiled lexicon and the report's outlets, its own result cache
 * (TERM_CACHE_CHARS) and record cache; the word postings and voices it holds are the ones the main thread no longer
 * builds. Where compiled workers are unavailable (running from sources) `serve` answers Term pages on its main
 * thread as before.
 */
import { Worker } from 'node:worker_threads';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { threadScriptAvailable } from '../worker/pool.js';

const TERM_WORKER_URL = new URL('./term-worker.js', import.meta.url);

/**
 * The thread's young generation in MB. V8's default let the thread's heap take ~58 MB for ~15 MB live, and serve's
 * RSS on the 10k store grew by ~80 MB with the thread; at 8 MB by ~57, at 4 by ~50, at 2 by ~45 (one process each,
 * store indexed, voices read).
 */
export const TERM_YOUNG_MB = 8;

/**
 * Whether `serve --db` starts the term thread when FRAMELENS_TERM_THREAD is not set (0 keeps Term pages on the serving
 * thread, 1 starts the thread). Off: in session 18's measurements (load 3-13, eleven pairs) the first pass's
 * worst-page p99 was worse with the thread in ten and even in one, always on Term (docs/scale.md, "Session 18").
 */
export const TERM_THREAD_BY_DEFAULT = false;

/** Whether the environment asks for the term thread (FRAMELENS_TERM_THREAD=0 or 1; unset: TERM_THREAD_BY_DEFAULT). */
export function termThreadWanted(value: string | undefined = process.env.FRAMELENS_TERM_THREAD): boolean {
  return value === undefined || value === '' ? TERM_THREAD_BY_DEFAULT : value !== '0';
}

/** Whether the thread can start: it needs the compiled JavaScript (dist/), as the analysis pool does. */
export function termThreadAvailable(): boolean {
  return threadScriptAvailable(TERM_WORKER_URL);
}

/**
 * The parts of the compiled lexicon the term routes read (entries, referents, the voice rules, the sources): the
 * matcher's trie and its lookup tables (most of its ~2 MB as structured-clone data, several times that as a heap) stay
 * on the main thread, which analyzes pasted texts. The thread never matches a text: a route that did would fail on the
 * missing trie, which the term thread tests would show.
 */
function termLexicon(compiled: CompiledLexicon): CompiledLexicon {
  return {
    lexicon: compiled.lexicon,
    entries: compiled.entries,
    referents: compiled.referents,
    voice: compiled.voice,
    patternCount: compiled.patternCount,
    conflicts: [],
    root: undefined as unknown as CompiledLexicon['root'],
    variantOf: new Map(),
    baseOf: new Map(),
    keysOf: new Map(),
  };
}

export interface TermAnswer {
  status: number;
  headers: Array<[string, string]>;
  body: Uint8Array;
}

/** What the main thread asks the term thread. */
export type TermAsk = { id: number } & ({ kind: 'get'; path: string } | { kind: 'clear' | 'pending' | 'cpu' | 'heap' | 'close' });

/** What the term thread tells: an answer to an ask (by id), or news of its index and voices. */
export interface TermTell {
  id?: number;
  answer?: TermAnswer;
  value?: number;
  error?: string;
  ready?: { documents: number; ms: number };
  voices?: { read: number; total: number; ms: number; error?: string };
  failed?: string;
}

export class TermThread {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (msg: TermTell) => void; reject: (err: Error) => void }>();
  private stopped: Error | undefined;
  /** Resolves when the thread's term index is built and its pages warmed up; rejects if it could not start. */
  readonly ready: Promise<{ documents: number; ms: number }>;
  /** Resolves when every document's voices are read (word searches read them as needed until then). */
  readonly voices: Promise<{ read: number; total: number; ms: number }>;

  /** `documents`: how many documents the store's report holds (the thread does not read the report's list). */
  constructor(file: string, compiled: CompiledLexicon, documents: number, options: { segmentBytes?: number } = {}) {
    this.worker = new Worker(TERM_WORKER_URL, { workerData: { file, compiled: termLexicon(compiled), documents, segmentBytes: options.segmentBytes }, resourceLimits: { maxYoungGenerationSizeMb: TERM_YOUNG_MB } });
    // As the voice reader: the thread must never keep a finished process alive (a server's socket keeps it running).
    this.worker.unref();
    let ready!: (v: { documents: number; ms: number }) => void;
    let notReady!: (err: Error) => void;
    let voices!: (v: { read: number; total: number; ms: number }) => void;
    let noVoices!: (err: Error) => void;
    this.ready = new Promise((resolve, reject) => { ready = resolve; notReady = reject; });
    this.voices = new Promise((resolve, reject) => { voices = resolve; noVoices = reject; });
    // Nobody need wait for these: a failure shows in the answers (503) and in serve's log.
    this.ready.catch(() => undefined);
    this.voices.catch(() => undefined);
    this.worker.on('message', (msg: TermTell) => {
      if (msg.id !== undefined) {
        const waiter = this.waiting.get(msg.id);
        this.waiting.delete(msg.id);
        if (msg.error !== undefined) waiter?.reject(new Error(msg.error));
        else waiter?.resolve(msg);
      } else if (msg.ready) ready(msg.ready);
      else if (msg.voices) {
        if (msg.voices.error !== undefined) noVoices(new Error(msg.voices.error));
        else voices(msg.voices);
      } else if (msg.failed !== undefined) this.fail(new Error(msg.failed), notReady, noVoices);
    });
    this.worker.once('error', (err) => this.fail(err, notReady, noVoices));
    this.worker.once('exit', (code) => this.fail(new Error(`the term thread stopped (exit code ${code})`), notReady, noVoices));
  }

  private fail(err: Error, notReady: (err: Error) => void, noVoices: (err: Error) => void): void {
    this.stopped ??= err;
    notReady(err);
    noVoices(err);
    for (const waiter of this.waiting.values()) waiter.reject(this.stopped);
    this.waiting.clear();
  }

  private ask(msg: { kind: 'get'; path: string } | { kind: 'clear' | 'pending' | 'cpu' | 'heap' | 'close' }): Promise<TermTell> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.next++;
    return new Promise<TermTell>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...msg } as TermAsk);
    });
  }

  /** The answer to GET `path` (/term… or /api/term…, with its query) as the term routes give it. */
  async request(path: string): Promise<TermAnswer> {
    return (await this.ask({ kind: 'get', path })).answer as TermAnswer;
  }

  /** Empties the thread's caches and runs its warm-up again (the server bench's "just started"). */
  async clearCaches(): Promise<void> {
    await this.ask({ kind: 'clear' });
  }

  /** Phrases the thread is still counting in the background. */
  async phrasesBeingRead(): Promise<number> {
    return (await this.ask({ kind: 'pending' })).value as number;
  }

  /** CPU time of the thread so far in ms (Linux), or -1. */
  async cpuMs(): Promise<number> {
    return (await this.ask({ kind: 'cpu' })).value as number;
  }

  /** Bytes of the thread's V8 heap in use. */
  async heapUsed(): Promise<number> {
    return (await this.ask({ kind: 'heap' })).value as number;
  }

  /** Closes the thread's store connection and scratch file, then ends the thread. */
  async close(): Promise<void> {
    if (!this.stopped) await this.ask({ kind: 'close' }).catch(() => undefined);
    this.stopped ??= new Error('the term thread was closed');
    await this.worker.terminate();
  }
}
