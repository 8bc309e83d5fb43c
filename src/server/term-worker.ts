/**
 * The term thread (term-thread.ts): opens the store read-only on its own connection, builds the term index and reads
 * the documents' voices as `serve --db` did on its main thread, and answers GET /term and /api/term with the same
 * routes (routes/term.tsx), handing back each answer's status, headers and bytes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { Store } from '../store/index.js';
import { createStoreState, indexStore, readVoicesBehind } from './store-state.js';
import { SERVE_STORE_CACHE_KIB } from './voice-table.js';
import { onError, onNotFound } from './middleware/errors.js';
import { termRoutes } from './routes/term.js';
import { phrasesBeingRead } from './term.js';
import { warmPathsOf } from './app.js';
import type { TermAsk, TermTell } from './term-thread.js';

const { file, compiled, documents, segmentBytes } = workerData as { file: string; compiled: CompiledLexicon; documents: number; segmentBytes?: number };
const port = parentPort!;
const tell = (msg: TermTell, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

/** CPU time of this thread in ms (Linux's per-thread accounting, 10 ms ticks), or -1 elsewhere. */
function threadCpuMs(): number {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return -1;
  }
}

let store: Store | undefined;
try {
  store = Store.open(file, { readonly: true, cacheKiB: SERVE_STORE_CACHE_KIB });
  const state = createStoreState(store, compiled, { segmentBytes, termsOnly: { documents } });
  const app = new Hono();
  app.onError(onError);
  app.notFound(onNotFound);
  app.route('/', termRoutes(state));
  const get = async (path: string) => {
    const res = await app.request(path, { headers: { Host: 'localhost' } });
    return { status: res.status, headers: [...res.headers] as Array<[string, string]>, body: new Uint8Array(await res.arrayBuffer()) };
  };
  port.on('message', (msg: TermAsk) => {
    void (async (): Promise<TermTell> => {
      switch (msg.kind) {
        case 'get': return { id: msg.id, answer: await get(msg.path) };
        case 'clear':
          state.cache.clear();
          state.records.clear();
          state.kwicDocs.clear();
          await warm();
          return { id: msg.id, value: 0 };
        case 'pending': return { id: msg.id, value: phrasesBeingRead(state) };
        case 'cpu': return { id: msg.id, value: threadCpuMs() };
        case 'heap': global.gc?.(); return { id: msg.id, value: process.memoryUsage().heapUsed };
        case 'close':
          voices?.stop();
          reading.abort();
          await voices?.done.catch(() => undefined);
          store?.close();
          state.scratch?.close();
          return { id: msg.id, value: 0 };
      }
    })().then(
      (reply) => tell(reply, reply.answer ? [reply.answer.body.buffer as ArrayBuffer] : []),
      (err: Error) => tell({ id: msg.id, error: err.message }),
    );
  });
  // The term pages' code run once, as serve's warm-up does on its main thread (see warmPathsOf).
  const warm = async () => {
    for (const path of warmPathsOf(state)) if (path.startsWith('/term') || path.startsWith('/api/term')) await get(path);
    while (phrasesBeingRead(state) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  const started = performance.now();
  const reading = new AbortController();
  const voices = readVoicesBehind(state);
  void voices?.done.then(
    () => tell({ voices: { read: voices.read, total: voices.total, ms: performance.now() - started } }),
    (err: Error) => tell({ voices: { read: voices.read, total: voices.total, ms: performance.now() - started, error: err.message } }),
  );
  await indexStore(state, undefined, reading.signal);
  if (!reading.signal.aborted) {
    await warm();
    tell({ ready: { documents: state.ids.length, ms: performance.now() - started } });
  }
} catch (err) {
  store?.close();
  tell({ failed: (err as Error).message });
}
