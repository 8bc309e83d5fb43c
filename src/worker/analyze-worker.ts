/**
 * Worker thread for batch analysis: receives the compiled lexicon once (structured clone keeps its Maps), then
 * batches of documents, and answers each batch with its analyses in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Document } from '../types.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { analyzeDocument } from '../analysis/analyze.js';

const compiled = (workerData as { compiled: CompiledLexicon }).compiled;

parentPort?.on('message', (msg: { batch: number; documents: Document[] }) => {
  try {
    const analyses = msg.documents.map((d) => analyzeDocument(d, compiled));
    parentPort?.postMessage({ batch: msg.batch, analyses });
  } catch (err) {
    parentPort?.postMessage({ batch: msg.batch, error: (err as Error).stack ?? String(err) });
  }
});
