/**
 * Analyzes pasted and uploaded texts for the server without holding up other requests: on a worker thread when the
 * compiled workers exist (one large upload took 13 s of the main thread before), with a cap on analyses running
 * and waiting so that a burst of uploads cannot queue unbounded work.
 */
import type { DocAnalysis, Document } from '../types.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { analyzeDocument } from '../analysis/analyze.js';
import { toWorkDocument, WorkerPool, workersAvailable } from '../worker/pool.js';
import { joinAnalysis } from '../store/analysis-json.js';
import { HttpError } from './http-error.js';

export interface Analyzer {
  (documents: Document[]): Promise<DocAnalysis[]>;
  /** Stops the worker thread, if one was started (the server's own shutdown; tests). */
  close?: () => Promise<void>;
}

export interface AnalyzerOptions {
  /** Use worker threads (default: whenever compiled workers exist). */
  offThread?: boolean;
  /** Analyses running at once (default 2). */
  running?: number;
  /** Analyses waiting for a turn before new ones are refused (default 8). */
  waiting?: number;
}

export function textAnalyzer(compiled: CompiledLexicon, options: AnalyzerOptions = {}): Analyzer {
  const offThread = options.offThread ?? workersAvailable();
  const maxRunning = options.running ?? 2;
  const maxWaiting = options.waiting ?? 8;
  let running = 0;
  const queue: Array<() => void> = [];
  // One thread, started on the first submission and kept: starting one costs more than most pasted texts.
  let pool: WorkerPool | undefined;

  const run = async (documents: Document[]): Promise<DocAnalysis[]> => {
    if (offThread) {
      const current = (pool ??= new WorkerPool(compiled, 1));
      try {
        const { analyses, hits } = await current.analyze(documents.map(toWorkDocument));
        return analyses.map((text, k) => joinAnalysis(text, hits[k]));
      } catch (err) {
        // A failed pool stays failed: the next submission gets a fresh thread.
        if (pool === current) pool = undefined;
        await current.close().catch(() => undefined);
        throw err;
      }
    }
    // Without workers (running from TypeScript sources) each document still yields to waiting requests first.
    const out: DocAnalysis[] = [];
    for (const d of documents) {
      await new Promise((resolve) => setImmediate(resolve));
      out.push(analyzeDocument(d, compiled));
    }
    return out;
  };

  const analyzer: Analyzer = async (documents) => {
    if (running >= maxRunning) {
      if (queue.length >= maxWaiting) {
        throw new HttpError(503, `The server is analyzing ${running + queue.length} other submissions; try again in a minute.`);
      }
      await new Promise<void>((resolve) => queue.push(resolve));
    } else {
      running++;
    }
    try {
      return await run(documents);
    } finally {
      // Hand the slot to the next waiting submission, if any, instead of freeing it.
      const next = queue.shift();
      if (next) next();
      else running--;
    }
  };
  analyzer.close = async () => {
    await pool?.close();
    pool = undefined;
  };
  return analyzer;
}
