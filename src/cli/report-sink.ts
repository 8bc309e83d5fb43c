/**
 * Where the pipeline's documents go to become a report. Stage one: collects documents and analyses for
 * buildReport (memory grows with the corpus); replaced by the streaming ReportBuilder from src/report.
 */
import type { DocAnalysis, Document, Lexicon, SkippedDocument } from '../types.js';
import { buildReport, type Report, type ReportOptions } from '../report/build.js';

export interface ReportSink {
  add(document: Document, analysis: DocAnalysis): void;
  finish(): Report;
  /** Aggregates to keep in the store beside the report (name → JSON). */
  state(): Record<string, string>;
}

export function createReportSink(skipped: SkippedDocument[], lexicon: Lexicon, options: ReportOptions): ReportSink {
  const documents: Document[] = [];
  const analyses: DocAnalysis[] = [];
  return {
    add(document, analysis) {
      documents.push(document);
      analyses.push(analysis);
    },
    finish: () => buildReport({ documents, analyses, skipped, lexicon }, options),
    state: () => ({}),
  };
}
