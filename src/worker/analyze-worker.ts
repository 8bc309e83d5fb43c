/**
 * Worker thread for batch analysis: receives the compiled lexicon once (structured clone keeps its Maps), then
 * batches of documents, and answers each batch with the analyses as JSON text, in order (see pool.ts for why text).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Document } from '../types.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { analyzeDocument } from '../analysis/analyze.js';

const compiled = (workerData as { compiled: CompiledLexicon }).compiled;

parentPort?.on('message', (msg: { documents: Array<Omit<Document, 'meta'>> }) => {
  try {
    const analyses = msg.documents.map((d) => JSON.stringify(analyzeDocument({ ...d, meta: {} }, compiled)));
    parentPort?.postMessage({ analyses });
  } catch (err) {
    parentPort?.postMessage({ error: (err as Error).stack ?? String(err) });
  }
});
