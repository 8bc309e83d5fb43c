/** Analyzes pasted texts into a Compare model; adds them to the session corpus only when asked. */
import { buildCompare, type CompareModel } from './compare.js';
import { pastedDocuments, type PastedText } from './pasted.js';
import { addDocuments, checkSessionRoom, lookup, type AppState } from './state.js';
import type { Analyzer } from './analyzer.js';
import { withoutBidiControls } from '../corpus/fields.js';
import { badRequest } from './http-error.js';

export interface AnalyzeResult {
  model: CompareModel;
  /** Ids added to the in-memory corpus; empty when the user did not ask for that (or they were there already). */
  added: string[];
  addRequested: boolean;
}

export async function analyzeTexts(state: AppState, analyzer: Analyzer, texts: PastedText[], addToCorpus: boolean): Promise<AnalyzeResult> {
  if (addToCorpus && texts.some((t) => t.text.trim() !== '' && !withoutBidiControls(t.outlet ?? '').trim())) {
    throw badRequest('give each text an outlet name before adding it to the corpus');
  }
  const documents = pastedDocuments(texts);
  // Refused before analyzing: no point reading texts the session may not keep.
  if (addToCorpus) checkSessionRoom(state, documents);
  const known = new Map(documents.map((d) => [d.id, lookup(state, d.id)?.analysis]));
  const fresh = documents.filter((d) => !known.get(d.id));
  const analyzed = fresh.length ? await analyzer(fresh) : [];
  const byId = new Map(fresh.map((d, i) => [d.id, analyzed[i]]));
  const analyses = documents.map((d) => known.get(d.id) ?? byId.get(d.id) as NonNullable<ReturnType<typeof byId.get>>);
  const model = buildCompare('pasted', documents.map((document, i) => ({
    key: `doc:${document.id}`,
    heading: document.outlet,
    docs: [{ document, analysis: analyses[i] }],
  })), state.compiled);
  const added = addToCorpus ? addDocuments(state, documents, analyses) : [];
  return { model, added, addRequested: addToCorpus };
}
