/**
 * Worker thread that computes a report from a ReportBuilder's state: the statistics of a large corpus (bootstrap,
 * keyness, events) take seconds, which the server's thread must spend answering pages instead.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ReportBuilder, type ReportBuilderState } from '../report/builder.js';
import type { SkippedDocument } from '../types.js';

const { state, skipped } = workerData as { state: ReportBuilderState; skipped: SkippedDocument[] };
try {
  parentPort?.postMessage({ report: ReportBuilder.fromState(state).finish({ skipped }) });
} catch (err) {
  parentPort?.postMessage({ error: (err as Error).message });
}
