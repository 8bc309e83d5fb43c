/**
 * Where the pipeline's documents go to become a report: the streaming ReportBuilder (src/report/builder.ts), which
 * keeps a small fixed record per document, never hits or texts. Hits are streamed from the store when written.
 */
import type { DocAnalysis, Document, Lexicon, SkippedDocument } from '../types.js';
import { ReportBuilder, type FinishOptions, type ReportOptions } from '../report/build.js';
import type { BootstrapRunner, StreamedReport } from '../report/builder.js';
import type { DocumentFeatures } from '../report/features.js';

export interface ReportSink {
  add(document: Document, analysis: DocAnalysis, features?: DocumentFeatures): void;
  /** The report with its documents as a walk over the builder's records (valid until `dispose`). */
  finish(skipped: SkippedDocument[], onStage?: FinishOptions['onStage']): StreamedReport;
  /** `finish` with the outlets' bootstrap run by `bootstrap` (another thread) beside the rest of the report stage. */
  finishAsync(skipped: SkippedDocument[], bootstrap: BootstrapRunner, onStage?: FinishOptions['onStage']): Promise<StreamedReport>;
  /** Deletes the builder's temporary record file. */
  dispose(): void;
}

/**
 * The builder keeps the bulky part of its per-document records in a temporary file (batch runs can be of any
 * size); call `dispose` when the report is written.
 */
export function createReportSink(lexicon: Lexicon, options: ReportOptions, textOf?: (id: string) => string | undefined): ReportSink {
  const { omitHits: _omit, ...builderOptions } = options;
  const builder = new ReportBuilder({ ...builderOptions, lexicon, textOf, records: 'file' });
  return {
    add: (document, analysis, features) => builder.add(analysis, document, features),
    finish: (skipped, onStage) => builder.finishStreaming({ skipped, onStage }),
    finishAsync: (skipped, bootstrap, onStage) => builder.finishStreamingAsync({ skipped, onStage, bootstrap }),
    dispose: () => builder.dispose(),
  };
}
