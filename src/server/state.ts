/**
 * What the server knows: the corpus, its analyses, the report built from them and the compiled lexicon, plus the
 * lookup tables the pages need. Everything is computed once at start (and again only when a user adds texts to
 * the corpus), so that a request only reads.
 */
import type { DocAnalysis, Document, SkippedDocument } from '../types.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { analyzeCorpus } from '../pipeline.js';
import { buildReport, type Report, type ReportOptions } from '../report/build.js';

export interface LabelUse {
  total: number;
  byOutlet: Map<string, number>;
}

export interface AppState {
  compiled: CompiledLexicon;
  documents: Document[];
  analyses: DocAnalysis[];
  skipped: SkippedDocument[];
  report: Report;
  reportOptions: ReportOptions;
  docById: Map<string, Document>;
  analysisById: Map<string, DocAnalysis>;
  /** Outlet names, sorted. */
  outlets: string[];
  /** Hits per label id (all voices, distanced and negated included): the lexicon page's corpus counts. */
  labelUse: Map<string, LabelUse>;
  /** Why the report leaves a document's hits out of its outlet's counts (near-duplicates), by document id. */
  excluded: Map<string, string>;
  /** Ids of documents a user added in this server session (kept in memory only). */
  sessionAdded: Set<string>;
}

export interface StateInput {
  compiled: CompiledLexicon;
  documents: Document[];
  skipped?: SkippedDocument[];
  /** Analyses when already computed; otherwise the documents are analyzed here. */
  analyses?: DocAnalysis[];
  reportOptions?: ReportOptions;
}

export function createState(input: StateInput): AppState {
  const analyses = input.analyses ?? analyzeCorpus(input.documents, input.compiled).analyses;
  const state: AppState = {
    compiled: input.compiled,
    documents: [...input.documents],
    analyses: [...analyses],
    skipped: input.skipped ?? [],
    reportOptions: input.reportOptions ?? {},
    report: undefined as unknown as Report,
    docById: new Map(),
    analysisById: new Map(),
    outlets: [],
    labelUse: new Map(),
    excluded: new Map(),
    sessionAdded: new Set(),
  };
  reindex(state);
  return state;
}

/** Adds analyzed documents to the in-memory corpus (ids already present are ignored) and rebuilds the report. */
export function addDocuments(state: AppState, documents: Document[], analyses: DocAnalysis[]): string[] {
  const added: string[] = [];
  documents.forEach((doc, i) => {
    if (state.docById.has(doc.id)) return;
    state.documents.push(doc);
    state.analyses.push(analyses[i]);
    state.sessionAdded.add(doc.id);
    added.push(doc.id);
  });
  if (added.length) reindex(state);
  return added;
}

function reindex(state: AppState): void {
  state.docById = new Map(state.documents.map((d) => [d.id, d]));
  state.analysisById = new Map(state.analyses.map((a) => [a.id, a]));
  state.outlets = [...new Set(state.documents.map((d) => d.outlet))].sort((a, b) => a.localeCompare(b));
  const labelUse = new Map<string, LabelUse>();
  for (const a of state.analyses) {
    for (const h of a.hits) {
      const use = labelUse.get(h.label) ?? { total: 0, byOutlet: new Map<string, number>() };
      use.total++;
      use.byOutlet.set(a.outlet, (use.byOutlet.get(a.outlet) ?? 0) + 1);
      labelUse.set(h.label, use);
    }
  }
  state.labelUse = labelUse;
  state.report = buildReport(
    { documents: state.documents, analyses: state.analyses, skipped: state.skipped, lexicon: state.compiled.lexicon },
    state.reportOptions,
  );
  state.excluded = new Map(state.report.documents.filter((d) => d.excluded).map((d) => [d.id, d.excluded as string]));
}
