/**
 * The Compare model: two to four columns (outlets, documents, an event's documents, or pasted texts), each with its
 * documents, and the "same referent, different label" table: one row per referent, one cell per column with the
 * labels that column used and their counts by voice. Pure data: the page, the JSON API and the CSV use it alike.
 */
import type { DocAnalysis, Document, Voice } from '../types.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { isAdopted } from '../stats/aggregate.js';
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
  /** The documents, when the column holds them all (pasted texts, chosen documents, an event). */
  docs: CompareDoc[];
  /** A column too long to hold (an outlet's documents): ids in order, each read when its page is shown. */
  lazy?: { ids: string[]; load: (id: string) => CompareDoc };
}

export const columnSize = (c: CompareColumn): number => c.lazy?.ids.length ?? c.docs.length;
export const columnIds = (c: CompareColumn): string[] => c.lazy?.ids ?? c.docs.map((d) => d.document.id);
const columnSlice = (c: CompareColumn, from: number, to: number): CompareDoc[] =>
  c.lazy ? c.lazy.ids.slice(from, to).map(c.lazy.load) : c.docs.slice(from, to);

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
  /**
   * A group column's stance from the report: outlets as the unit (each outlet's stance counts once, however much it
   * wrote), with the nested bootstrap interval. `ownStance` beside it pools the group's mentions.
   */
  group?: { stance: number | null; ci95: [number, number] | null; outlets: number };
}

export interface ReferentRow {
  referent: string;
  name: string;
  cells: ReferentCell[];
}

export type CompareMode = 'outlets' | 'groups' | 'docs' | 'event' | 'pasted';

export interface CompareModel {
  mode: CompareMode;
  columns: CompareColumn[];
  referents: ReferentRow[];
}

interface CellSums {
  hits: number;
  ownMentions: number;
  score: number;
  labels: Map<string, LabelCount>;
}

/**
 * Sums of every referent's cell over some documents, in one pass over their hits. Sums add up, so an outlet's
 * totals are computed once and any selection of outlets reads them.
 */
export type ReferentTotals = Map<string, CellSums>;

export function referentTotals(analyses: Iterable<DocAnalysis>): ReferentTotals {
  const totals: ReferentTotals = new Map();
  for (const analysis of analyses) addToTotals(totals, analysis);
  return totals;
}

/** Adds one document's hits to running sums. */
export function addToTotals(totals: ReferentTotals, analysis: DocAnalysis): void {
  for (const h of analysis.hits) {
    if (!h.referent) continue;
    let t = totals.get(h.referent);
    if (!t) {
      t = { hits: 0, ownMentions: 0, score: 0, labels: new Map() };
      totals.set(h.referent, t);
    }
    t.hits++;
    let l = t.labels.get(h.label);
    if (!l) {
      l = { label: h.label, weight: h.weight, count: 0, byVoice: { author: 0, quoted: 0, attributed: 0 }, distanced: 0, negated: 0 };
      t.labels.set(h.label, l);
    }
    l.count++;
    l.byVoice[h.voice]++;
    if (h.distanced) l.distanced++;
    if (h.negated) l.negated++;
    // The report's stance: own (author) voice, adopted mentions only.
    if (h.voice === 'author' && isAdopted(h)) {
      t.score += h.weight / 2;
      t.ownMentions++;
    }
  }
}

/** The sums of several outlets (a group's): counts add, so nothing is read again. */
export function mergeTotals(parts: ReferentTotals[]): ReferentTotals {
  const out: ReferentTotals = new Map();
  for (const part of parts) {
    for (const [referent, t] of part) {
      let m = out.get(referent);
      if (!m) out.set(referent, (m = { hits: 0, ownMentions: 0, score: 0, labels: new Map() }));
      m.hits += t.hits;
      m.ownMentions += t.ownMentions;
      m.score += t.score;
      for (const [id, l] of t.labels) {
        const into = m.labels.get(id);
        if (!into) {
          m.labels.set(id, { ...l, byVoice: { ...l.byVoice } });
          continue;
        }
        into.count += l.count;
        into.distanced += l.distanced;
        into.negated += l.negated;
        for (const v of Object.keys(l.byVoice) as Voice[]) into.byVoice[v] += l.byVoice[v];
      }
    }
  }
  return out;
}

function cellOf(totals: ReferentTotals, referent: string): ReferentCell {
  const t = totals.get(referent);
  if (!t) return { hits: 0, ownMentions: 0, ownStance: null, labels: [] };
  return {
    hits: t.hits,
    ownMentions: t.ownMentions,
    ownStance: t.ownMentions > 0 ? t.score / t.ownMentions : null,
    labels: [...t.labels.values()].map((l) => ({ ...l, byVoice: { ...l.byVoice } })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  };
}

/** `totals`, when given, are each column's precomputed sums (e.g. an outlet's), in column order. */
export function buildCompare(mode: CompareMode, columns: CompareColumn[], compiled: CompiledLexicon, totals?: ReferentTotals[]): CompareModel {
  const sums = totals ?? columns.map((c) => referentTotals(c.docs.map((d) => d.analysis)));
  const used = new Set<string>();
  for (const t of sums) for (const [referent, sum] of t) if (sum.hits) used.add(referent);
  // Lexicon order first (stable, meaningful), then any referent the lexicon does not list.
  const order = [...compiled.lexicon.referents.map((r) => r.id).filter((id) => used.has(id)), ...[...used].filter((id) => !compiled.referents.has(id)).sort()];
  const referents = order.map((id) => ({
    referent: id,
    name: compiled.referents.get(id)?.label ?? id,
    cells: sums.map((t) => cellOf(t, id)),
  }));
  return { mode, columns, referents };
}

/** Documents shown per column and page: an outlet column can hold thousands; its table above counts them all. */
export const COMPARE_DOCS_PER_PAGE = 10;

export interface PagedColumn extends CompareColumn {
  /** Documents in the whole column (`docs` holds one page of them). */
  total: number;
}

/** The paging of a page of every column's documents (it counts the longest column), without reading any. */
export function comparePaging(model: CompareModel, page: number): PageInfo {
  return pageInfo(Math.max(0, ...model.columns.map(columnSize)), page, COMPARE_DOCS_PER_PAGE);
}

/** Page `page` of one column's documents, read when the column is lazy. */
export function pagedColumn(column: CompareColumn, page: number): PagedColumn {
  const from = (page - 1) * COMPARE_DOCS_PER_PAGE;
  return { ...column, docs: columnSlice(column, from, from + COMPARE_DOCS_PER_PAGE), total: columnSize(column) };
}

/** Page `page` of every column's documents; the paging counts the longest column. */
export function compareDocsPage(model: CompareModel, page: number): { columns: PagedColumn[]; paging: PageInfo } {
  const paging = comparePaging(model, page);
  return { columns: model.columns.map((c) => pagedColumn(c, page)), paging };
}
