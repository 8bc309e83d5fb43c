import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The live heap (V8's objects, plus array buffers' memory unless `arrayBuffers: false`) after a full collection has really finished.
 *
 * V8 sweeps pages and frees array buffers' memory on helper threads after a collection. On a loaded machine (the
 * whole suite on two cores) those threads lag, and a reading taken straight after `gc()` counts garbage: one test
 * read ~260 B per document where ~50 B were live. So: collect, yield to the event loop so the helpers can run, and
 * repeat until two readings agree within 64 KB (at most eight collections).
 */
export async function settledHeap(options: { arrayBuffers?: boolean } = {}): Promise<number> {
  const withBuffers = options.arrayBuffers ?? true;
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 8; i++) {
    gc();
    await sleep(i < 2 ? 0 : 20);
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    const now = heapUsed + (withBuffers ? arrayBuffers : 0);
    if (Math.abs(now - last) < 64 * 1024) return now;
    last = now;
  }
  return last;
}

/**
 * Milliseconds of CPU this process spent running `work` (user and system, all its threads): unlike the wall clock, it
 * does not grow when other processes share the machine (the whole suite on two cores), so a bound on it tests the
 * code's cost, not the load.
 */
export function cpuMilliseconds<T>(work: () => T): { ms: number; value: T } {
  const before = process.cpuUsage();
  const value = work();
  const { user, system } = process.cpuUsage(before);
  return { ms: (user + system) / 1000, value };
}
