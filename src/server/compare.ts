/**
 * The Compare model: two to four columns (outlets, documents, an event's documents, or pasted texts), each with its
 * documents, and the "same referent, different label" table: one row per referent, one cell per column with the
 * labels that column used and their counts by voice. Pure data: the page, the JSON API and the CSV use it alike.
 */
import type { DocAnalysis, Document, Voice } from '../types.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { documentScores } from '../stats/aggregate.js';
import { pageInfo, type PageInfo } from './paging.js';

export interface CompareDoc {
  document: Document;
  analysis: DocAnalysis;
  /** Why the report leaves this document's hits out of its outlet's counts (near-duplicate), if it does. */
  excluded?: string;
}

export interface CompareColumn {
  key: string;
  heading: string;
  docs: CompareDoc[];
}

export interface LabelCount {
  label: string;
  weight: number;
  count: number;
  byVoice: Record<Voice, number>;
  distanced: number;
  negated: number;
}

export interface ReferentCell {
  /** All hits of the referent in the column, any voice, distanced and negated included. */
  hits: number;
  /** Adopted hits in the outlet's own voice: the ones the stance is computed from. */
  ownMentions: number;
  /** Mean of weight / 2 over own-voice adopted hits, in [-1, 1] like the report's stance; null without any. */
  ownStance: number | null;
  labels: LabelCount[];
}

export interface ReferentRow {
  referent: string;
  name: string;
  cells: ReferentCell[];
}

export type CompareMode = 'outlets' | 'docs' | 'event' | 'pasted';

export interface CompareModel {
  mode: CompareMode;
  columns: CompareColumn[];
  referents: ReferentRow[];
}

function cellFor(docs: CompareDoc[], referent: string): ReferentCell {
  const labels = new Map<string, LabelCount>();
  let hits = 0;
  let score = 0;
  let ownMentions = 0;
  for (const { analysis } of docs) {
    for (const h of analysis.hits) {
      if (h.referent !== referent) continue;
      hits++;
      const l = labels.get(h.label) ?? { label: h.label, weight: h.weight, count: 0, byVoice: { author: 0, quoted: 0, attributed: 0 }, distanced: 0, negated: 0 };
      l.count++;
      l.byVoice[h.voice]++;
      if (h.distanced) l.distanced++;
      if (h.negated) l.negated++;
      labels.set(h.label, l);
    }
    const s = documentScores(analysis, referent, ['author']);
    score += s.score;
    ownMentions += s.mentions;
  }
  return {
    hits,
    ownMentions,
    ownStance: ownMentions > 0 ? score / ownMentions : null,
    labels: [...labels.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  };
}

export function buildCompare(mode: CompareMode, columns: CompareColumn[], compiled: CompiledLexicon): CompareModel {
  const used = new Set<string>();
  for (const c of columns) for (const d of c.docs) for (const h of d.analysis.hits) if (h.referent) used.add(h.referent);
  // Lexicon order first (stable, meaningful), then any referent the lexicon does not list.
  const order = [...compiled.lexicon.referents.map((r) => r.id).filter((id) => used.has(id)), ...[...used].filter((id) => !compiled.referents.has(id)).sort()];
  const referents = order.map((id) => ({
    referent: id,
    name: compiled.referents.get(id)?.label ?? id,
    cells: columns.map((c) => cellFor(c.docs, id)),
  }));
  return { mode, columns, referents };
}

/** Documents shown per column and page: an outlet column can hold thousands; its table above counts them all. */
export const COMPARE_DOCS_PER_PAGE = 10;

export interface PagedColumn extends CompareColumn {
  /** Documents in the whole column (`docs` holds one page of them). */
  total: number;
}

/** Page `page` of every column's documents; the paging counts the longest column. */
export function compareDocsPage(model: CompareModel, page: number): { columns: PagedColumn[]; paging: PageInfo } {
  const longest = Math.max(0, ...model.columns.map((c) => c.docs.length));
  const paging = pageInfo(longest, page, COMPARE_DOCS_PER_PAGE);
  const from = (page - 1) * COMPARE_DOCS_PER_PAGE;
  return {
    columns: model.columns.map((c) => ({ ...c, docs: c.docs.slice(from, from + COMPARE_DOCS_PER_PAGE), total: c.docs.length })),
    paging,
  };
}
