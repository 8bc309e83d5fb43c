/**
 * Where the pipeline's documents go to become a report: the streaming ReportBuilder (src/report/builder.ts), which
 * keeps a small fixed record per document, never hits or texts. Hits are joined in from the store when written.
 */
import type { DocAnalysis, Document, Lexicon, SkippedDocument } from '../types.js';
import { documentHits, ReportBuilder, type FinishOptions, type Report, type ReportOptions } from '../report/build.js';
import type { Store } from '../store/index.js';

/** Largest corpus whose report builder state is kept in the store (about 4 KB per document serialised). */
export const MAX_STATE_DOCUMENTS = 20_000;

export interface ReportSink {
  add(document: Document, analysis: DocAnalysis): void;
  finish(onStage?: FinishOptions['onStage']): Report;
  /** Aggregates to keep in the store beside the report (name → JSON): the builder's state. */
  state(): Record<string, string>;
}

export function createReportSink(
  skipped: SkippedDocument[], lexicon: Lexicon, options: ReportOptions, textOf?: (id: string) => string | undefined,
): ReportSink {
  const { omitHits: _omit, ...builderOptions } = options;
  const builder = new ReportBuilder({ ...builderOptions, lexicon, textOf });
  return {
    add: (document, analysis) => builder.add(analysis, document),
    finish: (onStage) => builder.finish({ skipped, onStage }),
    // The state is a few KB per document and serialises as one string: past this many documents that string alone
    // would break the memory bound, so large stores go without it (rebuild it from store.documents() instead).
    state: (): Record<string, string> => (builder.size <= MAX_STATE_DOCUMENTS ? { 'report-state': JSON.stringify(builder.toState()) } : {}),
  };
}

/** Puts each document's hits, names and devices back into a report, from the store (for reports that keep them). */
export function attachHits(report: Report, store: Store): Report {
  for (const d of report.documents) {
    const stored = store.getDocument(d.id);
    if (stored) Object.assign(d, documentHits(stored.analysis));
  }
  return report;
}
