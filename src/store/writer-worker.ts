/**
 * The store's writer thread (StoreWriter): commits the batches of a run on a connection of its own, in the order
 * they come, and answers each with its number once committed (or with the error that stopped it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Store, type StoreWrite } from './store.js';

const { file } = workerData as { file: string };
let store: Store | undefined;
let failed: string | undefined;
try {
  store = Store.open(file);
} catch (err) {
  failed = (err as Error).message;
}

parentPort?.on('message', (msg: { batch: number; run: number; analysisKey: string; writes: StoreWrite[] } | { close: true }) => {
  if ('close' in msg) {
    // The connection is released before the owner goes on to write on its own (finishRun).
    store?.close();
    store = undefined;
    parentPort?.postMessage({ closed: true });
    return;
  }
  if (!store || failed) {
    parentPort?.postMessage({ batch: msg.batch, error: failed ?? 'the store is closed' });
    return;
  }
  try {
    store.writeBatch(msg.run, msg.analysisKey, msg.writes);
    parentPort?.postMessage({ batch: msg.batch });
  } catch (err) {
    failed = (err as Error).message;
    parentPort?.postMessage({ batch: msg.batch, error: failed });
  }
});
