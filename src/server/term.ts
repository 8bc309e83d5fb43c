/** Keyword in context across the corpus, for a label id or a word: the Term page and /api/term. */
import type { LexiconEntry } from '../types.js';
import { keywordInContext, type KwicLine } from '../analysis/kwic.js';
import type { AppState } from './state.js';
import { badRequest } from './http-error.js';

export const MAX_TERM_CHARS = 200;

export interface TermResult {
  term: string;
  /** The lexicon entry when the term is a label id. */
  entry?: LexiconEntry;
  lines: KwicLine[];
  byOutlet: Array<{ outlet: string; count: number }>;
}

export function validateTerm(raw: string | undefined): string {
  const term = (raw ?? '').trim();
  if (!term) throw badRequest('give a term: a label id from the lexicon (e.g. "occupiers") or a word');
  if (term.length > MAX_TERM_CHARS) throw badRequest(`the term is longer than ${MAX_TERM_CHARS} characters`);
  return term;
}

export function termResults(state: AppState, term: string): TermResult {
  const lines: KwicLine[] = [];
  for (const doc of state.documents) {
    const analysis = state.analysisById.get(doc.id);
    if (analysis) lines.push(...keywordInContext(doc, analysis, term));
  }
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.outlet, (counts.get(l.outlet) ?? 0) + 1);
  const entry = state.compiled.entries.get(term);
  return {
    term,
    entry: entry?.kind === 'label' ? entry : undefined,
    lines,
    byOutlet: state.outlets.map((outlet) => ({ outlet, count: counts.get(outlet) ?? 0 })),
  };
}
