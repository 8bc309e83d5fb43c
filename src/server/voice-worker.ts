/**
 * Worker thread that reads the whole-document voices of every document of a store (voice-table.ts), on its own
 * read-only connection, and sends them to the server's thread in packed batches.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Store } from '../store/index.js';
import type { VoiceRules } from '../lexicon/voice-rules.js';
import { packBatch, packVoices, SERVE_STORE_CACHE_KIB, wholeDocumentVoices } from './voice-table.js';

const { file, rules, batch } = workerData as { file: string; rules: VoiceRules; batch: number };
let store: Store | undefined;
try {
  store = Store.open(file, { readonly: true, cacheKiB: SERVE_STORE_CACHE_KIB });
  let ids: string[] = [];
  let readings: Int32Array[] = [];
  const flush = () => {
    const packed = packBatch(ids, readings);
    parentPort?.postMessage({ batch: packed }, [packed.offsets.buffer as ArrayBuffer, packed.spans.buffer as ArrayBuffer]);
    ids = [];
    readings = [];
  };
  for (const { document, analysis } of store.documents()) {
    ids.push(document.id);
    readings.push(packVoices(wholeDocumentVoices(document, analysis, rules)));
    if (ids.length >= batch) flush();
  }
  if (ids.length) flush();
  parentPort?.postMessage({ done: true });
} catch (err) {
  parentPort?.postMessage({ error: (err as Error).message });
} finally {
  store?.close();
}
