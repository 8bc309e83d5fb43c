/**
 * The report stage's outlet bootstrap on a thread of its own (ReportBuilder.finishStreamingAsync), so that it runs
 * beside the rest of the report stage (keyness, contrasts, timeline, events) instead of before it. The jobs' typed
 * arrays move to the thread without a copy; the estimates come back as plain objects (a few hundred per report).
 */
import { Worker } from 'node:worker_threads';
import type { StanceEstimate } from '../stats/bootstrap.js';
import type { BootstrapJob, BootstrapRunner } from '../report/builder.js';
import { threadScriptAvailable } from './pool.js';

const BOOTSTRAP_URL = new URL('./bootstrap-worker.js', import.meta.url);

/** Whether the thread can start: it needs the compiled JavaScript (dist/), as the analysis pool does. */
export function bootstrapThreadAvailable(): boolean {
  return threadScriptAvailable(BOOTSTRAP_URL);
}

/** Runs the jobs on a new thread, which ends when it has answered; the same estimates as bootstrapStanceColumns. */
export const bootstrapOffThread: BootstrapRunner = (jobs: BootstrapJob[], options: { resamples: number; seed: number }) =>
  new Promise<StanceEstimate[][]>((resolve, reject) => {
    const w = new Worker(BOOTSTRAP_URL);
    let settled = false;
    w.once('message', (msg: { estimates?: StanceEstimate[][]; error?: string }) => {
      settled = true;
      if (msg.estimates) resolve(msg.estimates);
      else reject(new Error(`the bootstrap thread failed: ${msg.error ?? 'no answer'}`));
      void w.terminate();
    });
    w.once('error', (err) => {
      settled = true;
      reject(new Error(`the bootstrap thread failed: ${err.message}`));
    });
    w.once('exit', (code) => {
      if (!settled) reject(new Error(`the bootstrap thread stopped with exit code ${code} before answering`));
    });
    const transfer = jobs.flatMap((job) => job.columns.flatMap((c) => [c.index.buffer, c.sumOfScores.buffer, c.mentions.buffer]));
    w.postMessage({ jobs, ...options }, transfer);
  });
