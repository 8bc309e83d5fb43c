/**
 * What the group, contrast and timeline statistics need from one document: its outlet, its date and, per referent,
 * the adopted mentions in the headline voices (Σ weight/2, count, and count per label). Small and fixed by the
 * lexicon, so a streaming report builder can keep one per document without keeping hits.
 */
import type { DocAnalysis, Voice } from '../types.js';
import { isAdopted } from './aggregate.js';
import type { DocumentStanceCounts } from './bootstrap.js';

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

/** A week (ISO, named by its Monday) or a month; see timeline.ts. */
export interface TimeBinOf {
  /** The bin of an ISO date, or null when it has no usable day. */
  (date: string | undefined): string | null;
}

/**
 * The counted documents as the group, contrast and timeline statistics read them: by position, each outlet's
 * documents together, in order. A report builder answers from its columns (nothing held per document but its
 * position); `summaryDocuments` answers from a list of summaries.
 */
export interface StanceDocuments {
  readonly length: number;
  outlet(k: number): string;
  /** ISO date (the date part is what counts), when known. */
  date(k: number): string | undefined;
  /** Document k's (Σ score, mentions) in the headline voices for the referent; mentions 0 when it has none. */
  stance(k: number, referent: string): DocumentStanceCounts;
  /**
   * The adopted mentions per label of the outlet's documents for the referent, summed (over those in time bin `bin`
   * of `binOf` when given); undefined when none.
   */
  labels(outlet: string, referent: string, bin?: string): Readonly<Record<string, number>> | undefined;
}

/**
 * A list of summaries as StanceDocuments (grouped by outlet, each outlet's in list order). `binOf`: the time bins
 * `labels` is asked about (the timeline's weeks or months).
 */
export function summaryDocuments(docs: readonly DocumentSummary[], binOf?: TimeBinOf): StanceDocuments {
  const byOutlet = new Map<string, DocumentSummary[]>();
  for (const d of docs) {
    let list = byOutlet.get(d.outlet);
    if (!list) byOutlet.set(d.outlet, (list = []));
    list.push(d);
  }
  const ordered = [...byOutlet.values()].flat();
  const sum = (list: readonly DocumentSummary[], referent: string) => {
    const counts: Record<string, number> = {};
    let any = false;
    for (const d of list) {
      const r = d.referents[referent];
      if (!r) continue;
      any = true;
      for (const [label, n] of Object.entries(r.labels)) counts[label] = (counts[label] ?? 0) + n;
    }
    return any ? counts : undefined;
  };
  return {
    length: ordered.length,
    outlet: (k) => ordered[k].outlet,
    date: (k) => ordered[k].date,
    stance: (k, referent) => stanceCounts(ordered[k], referent),
    labels: (outlet, referent, bin) => {
      if (bin !== undefined && !binOf) throw new RangeError('label counts by time bin need the bins (summaryDocuments(docs, binOf))');
      return sum((byOutlet.get(outlet) ?? []).filter((d) => bin === undefined || binOf!(d.date) === bin), referent);
    },
  };
}

/**
 * Label shares from summed label counts (`StanceDocuments.labels` of one or more outlets) over the mentions of the
 * documents they come from: pooled counts over pooled mentions.
 */
export function labelSharesOf(parts: ReadonlyArray<Readonly<Record<string, number>> | undefined>, mentions: number): Record<string, { count: number; share: number }> {
  const counts: Record<string, number> = {};
  for (const part of parts) if (part) for (const [label, n] of Object.entries(part)) counts[label] = (counts[label] ?? 0) + n;
  return sharesOf(counts, mentions);
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
  return sharesOf(counts, total);
}

function sharesOf(counts: Record<string, number>, total: number): Record<string, { count: number; share: number }> {
  const out: Record<string, { count: number; share: number }> = {};
  for (const [label, count] of Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    out[label] = { count, share: total > 0 ? Math.round((count / total) * 1e4) / 1e4 : 0 };
  }
  return out;
}
