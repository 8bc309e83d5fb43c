/**
 * A full garbage collection between the report stage's phases of a large batch run.
 *
 * The report stage makes most of its garbage outside the JS heap (slices read back from the scratch files, the
 * events stage's typed arrays) and V8 collects it late: on a 300k-document run the process peaked at ~600 MB with
 * ~180 MB of array buffers that were already out of use, where a collection at the start of the events stage and
 * another before the documents and events are written kept the peak at ~450 MB for ~0.5 s of CPU (docs/scale.md,
 * session 13). Node exposes `gc` only under `--expose-gc`; the flag is set at run time and the function taken from
 * a fresh context, which is where V8 installs it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Documents from which a batch run collects between report phases: below it a collection buys nothing measurable. */
export const COLLECT_FROM_DOCUMENTS = 20_000;

let collector: (() => void) | null | undefined;

/** Whether a run of this many documents collects between report phases. */
export function collectsBetweenPhases(documents: number): boolean {
  return documents >= COLLECT_FROM_DOCUMENTS;
}

/** Runs a full collection now; false when this runtime offers none (then nothing happens). */
export function collectGarbage(): boolean {
  if (collector === undefined) {
    const existing = (globalThis as { gc?: unknown }).gc;
    if (typeof existing === 'function') collector = existing as () => void;
    else {
      try {
        setFlagsFromString('--expose-gc');
        const made = runInNewContext('gc') as unknown;
        collector = typeof made === 'function' ? (made as () => void) : null;
      } catch {
        collector = null;
      }
    }
  }
  if (!collector) return false;
  collector();
  return true;
}
