/** Analyzes pasted texts into a Compare model; adds them to the session corpus only when asked. */
import { analyzeDocument } from '../analysis/analyze.js';
import { buildCompare, type CompareModel } from './compare.js';
import { pastedDocuments, type PastedText } from './pasted.js';
import { addDocuments, type AppState } from './state.js';
import { withoutBidiControls } from '../corpus/fields.js';
import { badRequest } from './http-error.js';

export interface AnalyzeResult {
  model: CompareModel;
  /** Ids added to the in-memory corpus; empty when the user did not ask for that (or they were there already). */
  added: string[];
  addRequested: boolean;
}

export function analyzeTexts(state: AppState, texts: PastedText[], addToCorpus: boolean): AnalyzeResult {
  if (addToCorpus && texts.some((t) => t.text.trim() !== '' && !withoutBidiControls(t.outlet ?? '').trim())) {
    throw badRequest('give each text an outlet name before adding it to the corpus');
  }
  const documents = pastedDocuments(texts);
  const analyses = documents.map((d) => state.analysisById.get(d.id) ?? analyzeDocument(d, state.compiled));
  const model = buildCompare('pasted', documents.map((document, i) => ({
    key: `doc:${document.id}`,
    heading: document.outlet,
    docs: [{ document, analysis: analyses[i] }],
  })), state.compiled);
  const added = addToCorpus ? addDocuments(state, documents, analyses) : [];
  return { model, added, addRequested: addToCorpus };
}
