/**
 * Where the pipeline's documents go to become a report: the streaming ReportBuilder (src/report/builder.ts), which
 * keeps a small fixed record per document, never hits or texts. Hits are streamed from the store when written.
 */
import type { DocAnalysis, Document, Lexicon, SkippedDocument } from '../types.js';
import { ReportBuilder, type FinishOptions, type Report, type ReportOptions } from '../report/build.js';

/** Largest corpus whose report builder state is kept in the store (about 4 KB per document serialised). */
export const MAX_STATE_DOCUMENTS = 20_000;

export interface ReportSink {
  add(document: Document, analysis: DocAnalysis): void;
  finish(skipped: SkippedDocument[], onStage?: FinishOptions['onStage']): Report;
  /** Aggregates to keep in the store beside the report (name → JSON): the builder's state. */
  state(): Record<string, string>;
}

export function createReportSink(lexicon: Lexicon, options: ReportOptions, textOf?: (id: string) => string | undefined): ReportSink {
  const { omitHits: _omit, ...builderOptions } = options;
  const builder = new ReportBuilder({ ...builderOptions, lexicon, textOf });
  return {
    add: (document, analysis) => builder.add(analysis, document),
    finish: (skipped, onStage) => builder.finish({ skipped, onStage }),
    // The state is a few KB per document and serialises as one string: past this many documents that string alone
    // would break the memory bound, so large stores go without it (rebuild it from store.documents() instead).
    state: (): Record<string, string> => (builder.size <= MAX_STATE_DOCUMENTS ? { 'report-state': JSON.stringify(builder.toState()) } : {}),
  };
}
