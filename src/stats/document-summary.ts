/**
 * What the group, contrast and timeline statistics need from one document: its outlet, its date and, per referent,
 * the adopted mentions in the headline voices (Σ weight/2, count, and count per label). Small and fixed by the
 * lexicon, so a streaming report builder can keep one per document without keeping hits.
 */
import type { DocAnalysis, Voice } from '../types.js';
import { isAdopted } from './aggregate.js';

export interface ReferentMentions {
  /** Σ weight/2 over adopted mentions in the headline voices. */
  score: number;
  mentions: number;
  /** Adopted mentions per label id. */
  labels: Record<string, number>;
}

export interface DocumentSummary {
  id: string;
  outlet: string;
  /** ISO date (the date part is what counts), when known. */
  date?: string;
  referents: Record<string, ReferentMentions>;
}

/** The summary of an analyzed document for the given headline voices. Linear in its hits. */
export function summarizeDocument(doc: Pick<DocAnalysis, 'id' | 'outlet' | 'date' | 'hits'>, voices: readonly Voice[]): DocumentSummary {
  const referents: Record<string, ReferentMentions> = {};
  for (const hit of doc.hits) {
    if (!isAdopted(hit) || !voices.includes(hit.voice)) continue;
    const r = (referents[hit.referent!] ??= { score: 0, mentions: 0, labels: {} });
    r.score += hit.weight / 2;
    r.mentions++;
    r.labels[hit.label] = (r.labels[hit.label] ?? 0) + 1;
  }
  const out: DocumentSummary = { id: doc.id, outlet: doc.outlet, referents };
  if (doc.date) out.date = doc.date;
  return out;
}

/** (score, mentions) of one referent, the unit the bootstraps and permutation tests resample. */
export function stanceCounts(doc: DocumentSummary, referent: string): { sumOfScores: number; mentions: number } {
  const r = doc.referents[referent];
  return r ? { sumOfScores: r.score, mentions: r.mentions } : { sumOfScores: 0, mentions: 0 };
}

/** Label shares of a set of documents for one referent: pooled counts over pooled mentions. */
export function labelShares(docs: readonly DocumentSummary[], referent: string): Record<string, { count: number; share: number }> {
  const counts: Record<string, number> = {};
  let total = 0;
  for (const d of docs) {
    const r = d.referents[referent];
    if (!r) continue;
    total += r.mentions;
    for (const [label, n] of Object.entries(r.labels)) counts[label] = (counts[label] ?? 0) + n;
  }
  const out: Record<string, { count: number; share: number }> = {};
  for (const [label, count] of Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    out[label] = { count, share: total > 0 ? Math.round((count / total) * 1e4) / 1e4 : 0 };
  }
  return out;
}
