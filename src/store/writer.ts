/**
 * Writes a run's batches to the store on a thread of its own, so that the thread that analyzes (the main thread of
 * `analyze -j 1`) does not also spend its time in SQLite: storing the texts, the analysis JSON and ~27 hit rows a
 * document took ~10% of a one-thread run. Batches are committed one at a time, in the order given, each in its own
 * transaction, exactly as `Store.writeBatch` commits them: a kill at any moment keeps every committed batch and
 * none of a half-written one. Only compiled JavaScript has the thread (the worker is a .js file next to this one).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StoreWrite } from './store.js';

const WRITER_URL = new URL('./writer-worker.js', import.meta.url);

export class StoreWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;

  static available(): boolean {
    return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WRITER_URL));
  }

  constructor(readonly file: string) {
    this.worker = new Worker(WRITER_URL, { workerData: { file } });
    this.worker.on('message', (msg: { batch: number; error?: string } | { closed: true }) => {
      if ('closed' in msg) {
        this.closed?.();
        return;
      }
      const w = this.waiting.get(msg.batch);
      this.waiting.delete(msg.batch);
      if (msg.error !== undefined) {
        this.fail(new Error(`${file}: writing to the store failed: ${msg.error}`));
        w?.reject(this.failure as Error);
      } else w?.resolve();
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => {
      this.closed?.();
      if (this.waiting.size) this.fail(new Error(`${file}: the store's writer thread stopped (exit code ${code}) with ${this.waiting.size} batches not committed`));
    });
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
  }

  /** Batches handed over and not yet committed. */
  get pending(): number {
    return this.waiting.size;
  }

  /** The first error of the writer, if any (later batches are refused). */
  get error(): Error | undefined {
    return this.failure;
  }

  /** Hands a batch over; resolves once it is committed. */
  write(run: number, analysisKey: string, writes: StoreWrite[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const batch = this.next++;
    const done = new Promise<void>((resolve, reject) => this.waiting.set(batch, { resolve, reject }));
    this.worker.postMessage({ batch, run, analysisKey, writes });
    return done;
  }

  private closed: (() => void) | undefined;

  /** Stops the thread at once; batches not yet committed are lost, as after a kill. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  /**
   * Waits for every batch handed over, closes the thread's connection and stops the thread. Rejects with the
   * writer's error, if any (the thread is stopped all the same).
   */
  async close(): Promise<void> {
    try {
      await Promise.all([...this.waiting.values()].map((w) => new Promise<void>((resolve, reject) => {
        const { resolve: r0, reject: j0 } = w;
        w.resolve = () => { r0(); resolve(); };
        w.reject = (err) => { j0(err); reject(err); };
      })));
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => {
        this.closed = resolve;
        this.worker.postMessage({ close: true });
      });
    } finally {
      await this.worker.terminate();
    }
  }
}
