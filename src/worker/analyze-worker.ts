/**
 * Worker thread for batch analysis: receives the compiled lexicon once, as its first message (structured clone keeps its Maps), then
 * batches of documents, and answers each batch with the analyses as JSON text, in order (see pool.ts for why text):
 * each analysis with an empty hits list, as the store keeps it, and its hits as a JSON array of their own.
 * When asked (`features` in the worker data), it also answers each document's report features (documentFeatures),
 * so that the main thread feeding the report builder does not read the text again.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Document } from '../types.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { analyzeDocument } from '../analysis/analyze.js';
import { getNlp } from '../nlp/nlp.js';
import { documentFeatures } from '../report/features.js';
import { storedAnalysisJson } from '../store/analysis-json.js';
import { nearDuplicateSketch, type NearDuplicateSketch } from '../stats/duplicates.js';

const data = workerData as { features?: { stopwords?: string[]; sketches?: boolean } };
const stopwords = data.features?.stopwords?.length ? new Set(data.features.stopwords) : undefined;
// The compiled lexicon is the first message: the pool may start its workers before the lexicon is compiled, so
// that loading wink-nlp's model (here, at once, rather than on the first document) overlaps the compiling.
let compiled: CompiledLexicon | undefined;
getNlp();

parentPort?.on('message', (msg: { compiled: CompiledLexicon } | { documents: Array<Omit<Document, 'meta'>> }) => {
  if ('compiled' in msg) {
    compiled = msg.compiled;
    return;
  }
  try {
    if (!compiled) throw new Error('a batch came before the compiled lexicon');
    const analyses: string[] = [];
    const hits: string[] = [];
    const features: string[] | undefined = data.features ? [] : undefined;
    const sketches: NearDuplicateSketch[] | undefined = data.features?.sketches ? [] : undefined;
    for (const d of msg.documents) {
      const analysis = analyzeDocument({ ...d, meta: {} }, compiled);
      analyses.push(storedAnalysisJson(analysis));
      hits.push(JSON.stringify(analysis.hits));
      features?.push(JSON.stringify(documentFeatures(d.text, analysis.date, stopwords)));
      sketches?.push(nearDuplicateSketch(d.text));
    }
    // The sketches' buffers move to the main thread instead of being copied.
    const transfer = sketches?.flatMap((s) => [s.shingles.buffer, s.keys.buffer]) ?? [];
    parentPort?.postMessage({ analyses, hits, features, sketches }, transfer);
  } catch (err) {
    parentPort?.postMessage({ error: (err as Error).stack ?? String(err) });
  }
});
