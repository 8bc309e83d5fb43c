/**
 * Where the pipeline's documents go to become a report: the streaming ReportBuilder (src/report/builder.ts), which
 * keeps a small fixed record per document, never hits or texts. Hits are streamed from the store when written.
 */
import type { DocAnalysis, Document, Lexicon, SkippedDocument } from '../types.js';
import { ReportBuilder, type FinishOptions, type Report, type ReportOptions } from '../report/build.js';

export interface ReportSink {
  add(document: Document, analysis: DocAnalysis): void;
  finish(skipped: SkippedDocument[], onStage?: FinishOptions['onStage']): Report;
}

export function createReportSink(lexicon: Lexicon, options: ReportOptions, textOf?: (id: string) => string | undefined): ReportSink {
  const { omitHits: _omit, ...builderOptions } = options;
  const builder = new ReportBuilder({ ...builderOptions, lexicon, textOf });
  return {
    add: (document, analysis) => builder.add(analysis, document),
    finish: (skipped, onStage) => builder.finish({ skipped, onStage }),
  };
}
