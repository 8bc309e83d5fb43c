/**
 * Analyzes documents on worker threads. Results come back in input order whatever order the batches finish in.
 * Only available when running compiled JavaScript (the worker is a .js file next to this one); callers fall back
 * to the main thread otherwise.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocAnalysis, Document } from '../types.js';
import type { CompiledLexicon } from '../lexicon/compile.js';

const WORKER_URL = new URL('./analyze-worker.js', import.meta.url);
const BATCH = 16;

export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export async function analyzeInWorkers(
  documents: Document[], compiled: CompiledLexicon, workers: number, onBatch?: (done: number) => void,
): Promise<DocAnalysis[]> {
  // The lexicon object holds only data (Maps, arrays, plain objects), so it clones into each worker as it is.
  const transferable = { lexicon: compiled.lexicon, root: compiled.root, variantOf: compiled.variantOf, entries: compiled.entries, referents: compiled.referents, patternCount: compiled.patternCount, baseOf: compiled.baseOf, keysOf: compiled.keysOf, voice: compiled.voice };
  const results: DocAnalysis[] = new Array(documents.length);
  const batches: number[] = [];
  for (let i = 0; i < documents.length; i += BATCH) batches.push(i);
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: Math.min(workers, batches.length) }, () => new Worker(WORKER_URL, { workerData: { compiled: transferable } }));
  try {
    await Promise.all(pool.map((worker) => new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= batches.length) {
          resolve();
          return;
        }
        const batch = next++;
        const start = batches[batch];
        worker.postMessage({ batch, documents: documents.slice(start, start + BATCH) });
      };
      worker.on('message', (msg: { batch: number; analyses?: DocAnalysis[]; error?: string }) => {
        if (msg.error || !msg.analyses) {
          reject(new Error(`worker failed on documents ${batches[msg.batch]}…: ${msg.error}`));
          return;
        }
        const start = batches[msg.batch];
        msg.analyses.forEach((a, k) => { results[start + k] = a; });
        done += msg.analyses.length;
        onBatch?.(done);
        send();
      });
      worker.on('error', reject);
      send();
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
