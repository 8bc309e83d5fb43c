/**
 * Thread for the report stage's outlet bootstrap (see bootstrap.ts): one message of jobs, one answer of estimates.
 * It loads only the statistics, not wink-nlp or the lexicon, so it starts in a few milliseconds.
 */
import { parentPort } from 'node:worker_threads';
import { bootstrapStanceColumns } from '../stats/bootstrap.js';
import type { BootstrapJob } from '../report/builder.js';

parentPort?.once('message', (msg: { jobs: BootstrapJob[]; resamples: number; seed: number }) => {
  try {
    const options = { resamples: msg.resamples, seed: msg.seed };
    parentPort?.postMessage({ estimates: msg.jobs.map((job) => bootstrapStanceColumns(job.documents, job.columns, options)) });
  } catch (err) {
    parentPort?.postMessage({ error: (err as Error).stack ?? String(err) });
  }
});
