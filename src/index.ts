/**
 * framelens as a library: the same pipeline the CLI and the web UI use.
 *
 *   const { documents } = await readCorpus(['articles/']);
 *   const compiled = compileLexicon(loadLexicons(['lexicons/conflict.yml']));
 *   const analyses = documents.map((d) => analyzeDocument(d, compiled));
 *   const report = buildReport({ documents, analyses, skipped: [], lexicon: compiled.lexicon });
 */
export type * from './types.js';
export * from './corpus/index.js';
export * from './stats/index.js';
export { loadLexicons, parseLexicon } from './lexicon/load.js';
export { LexiconError } from './lexicon/errors.js';
export { compileLexicon, type CompiledLexicon } from './lexicon/compile.js';
export { importDictionary, importDictionaryText } from './lexicon/import/index.js';
export { analyzeDocument } from './analysis/analyze.js';
export { keywordInContext, type KwicLine } from './analysis/kwic.js';
export { analyzeCorpus, analyzeCorpusParallel, cacheKey, runPipeline, shardOf, TextLookup, type PipelineOptions, type PipelineResult, type Shard } from './pipeline.js';
export { Store, StoreError, STORE_SCHEMA, type StoredDocument, type StoredDocumentInfo, type StoredHit, type StoreInfo } from './store/index.js';
export { mergeStores } from './store/merge.js';
export { buildReport, REPORT_SCHEMA, type Report, type ReportOptions } from './report/build.js';
export { documentHits, ReportBuilder, type ReportBuilderOptions, type ReportBuilderState } from './report/builder.js';
export { writeHitsCsv, writeReportJson, type DocumentHitLists } from './report/stream-json.js';
export { streamSink, writeAtomic, writeAtomicSync, type TextSink } from './report/write-atomic.js';
export { csvTables } from './report/csv.js';
export { toMarkdown } from './report/markdown.js';
export { toHtmlReport } from './report/html.js';
export { createApp } from './server/app.js';
export { TOOL_NAME, TOOL_VERSION } from './version.js';
