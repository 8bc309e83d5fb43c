/**
 * What the Overview shows, computed from the report: the biggest differences per referent, one referent's stance
 * rows (filtered, sorted and paged on the server so the page works without script), the most divergent pairs and a
 * clustered order for the heat map. Query parameters are validated here: bad values are a 400 naming the field.
 */
import type { Report } from '../report/build.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { badRequest } from './http-error.js';
import { labelName } from '../report/views/names.js';

export const STANCE_SORTS = ['stance', 'outlet', 'group', 'documents', 'mentions', 'width'] as const;
export type StanceSort = (typeof STANCE_SORTS)[number];

export interface OverviewQuery {
  referent?: string;
  /** Part of an outlet's name (case-insensitive). */
  outlet?: string;
  group?: string;
  /** Rows of outlets with fewer documents naming the referent are left out. */
  minDocs: number;
  sort: StanceSort;
  dir: 'asc' | 'desc';
  page: number;
  /** Show every outlet's keyness row rather than the strongest few. */
  allKeyness: boolean;
}

/** Stance rows per page: a corpus of 50 outlets fits on one, a thousand pages through. */
export const STANCE_ROWS = 60;

export function parseOverviewQuery(get: (name: string) => string | undefined): OverviewQuery {
  const text = (name: string): string | undefined => {
    const v = get(name)?.trim();
    if (!v) return undefined;
    if (v.length > 300) throw badRequest(`${name} is longer than 300 characters`);
    return v;
  };
  const int = (name: string, min: number): number | undefined => {
    const v = text(name);
    if (v === undefined) return undefined;
    if (!/^\d{1,9}$/.test(v) || Number(v) < min) throw badRequest(`${name} must be a whole number from ${min} up, got "${v.slice(0, 40)}"`);
    return Number(v);
  };
  const sort = text('sort') ?? 'stance';
  if (!(STANCE_SORTS as readonly string[]).includes(sort)) throw badRequest(`sort must be one of ${STANCE_SORTS.join(', ')}, got "${sort.slice(0, 40)}"`);
  const dir = text('dir') ?? (sort === 'outlet' || sort === 'group' ? 'asc' : sort === 'stance' ? 'asc' : 'desc');
  if (dir !== 'asc' && dir !== 'desc') throw badRequest(`dir must be asc or desc, got "${dir.slice(0, 40)}"`);
  return {
    referent: text('referent'),
    outlet: text('outlet'),
    group: text('group'),
    minDocs: int('min', 0) ?? 0,
    sort: sort as StanceSort,
    dir,
    page: int('page', 1) ?? 1,
    allKeyness: text('keyness') === 'all',
  };
}

/** The query as URL parameters, defaults left out (stable cache keys and short links). */
export function queryParams(q: OverviewQuery, change: Partial<OverviewQuery> = {}): Array<[string, string]> {
  const v = { ...q, ...change };
  const out: Array<[string, string]> = [];
  if (v.referent) out.push(['referent', v.referent]);
  if (v.outlet) out.push(['outlet', v.outlet]);
  if (v.group) out.push(['group', v.group]);
  if (v.minDocs) out.push(['min', String(v.minDocs)]);
  if (v.sort !== 'stance') out.push(['sort', v.sort]);
  const defaultDir = v.sort === 'stance' || v.sort === 'outlet' || v.sort === 'group' ? 'asc' : 'desc';
  if (v.dir !== defaultDir) out.push(['dir', v.dir]);
  if (v.page > 1) out.push(['page', String(v.page)]);
  if (v.allKeyness) out.push(['keyness', 'all']);
  return out;
}

/**
 * Outlet → group from the report's first outlet grouping, when the report has one (schema 3 `groups`); empty
 * otherwise. Read structurally so that reports without groups need nothing.
 */
export function outletGroups(report: Report): Map<string, string> {
  const groupings = (report as unknown as { groups?: Array<{ grouping: string; groups: Array<{ name: string; outlets: string[] }> }> }).groups;
  const map = new Map<string, string>();
  for (const g of groupings?.[0]?.groups ?? []) for (const o of g.outlets) map.set(o, g.name);
  return map;
}

export interface StanceRow {
  outlet: string;
  group?: string;
  stance: number | null;
  ci95: [number, number] | null;
  mentions: number;
  documents: number;
  smallSample: boolean;
  /** The outlet's most used labels for the referent (own voice), most used first. */
  topLabels: Array<{ id: string; count: number }>;
}

/** Referents some outlet names, most mentioned first. */
export function namedReferents(report: Report): Array<{ id: string; label: string; mentions: number }> {
  return report.referents
    .map((r) => ({ id: r.id, label: r.label, mentions: report.outlets.reduce((n, o) => n + (o.referents[r.id]?.mentions ?? 0), 0) }))
    .filter((r) => r.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
}

function topLabels(labels: Record<string, { count: number }>, n: number): Array<{ id: string; count: number }> {
  return Object.entries(labels).map(([id, v]) => ({ id, count: v.count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)).slice(0, n);
}

/** Every outlet that names `referent`, as rows (unfiltered, unsorted). */
export function allStanceRows(report: Report, referent: string): StanceRow[] {
  const groups = outletGroups(report);
  return report.outlets.flatMap((o): StanceRow[] => {
    const s = o.referents[referent];
    if (!s || s.mentions === 0) return [];
    return [{ outlet: o.outlet, group: groups.get(o.outlet), stance: s.stance, ci95: s.ci95, mentions: s.mentions, documents: s.documents, smallSample: s.smallSample, topLabels: topLabels(s.labels, 3) }];
  });
}

const width = (r: StanceRow): number => (r.ci95 ? r.ci95[1] - r.ci95[0] : Infinity);

/** Filters and sorts; rows without a stance (only quoted or distanced mentions) go last whatever the direction. */
export function selectStanceRows(rows: StanceRow[], q: Pick<OverviewQuery, 'outlet' | 'group' | 'minDocs' | 'sort' | 'dir'>): StanceRow[] {
  const needle = q.outlet?.toLowerCase();
  const kept = rows.filter((r) => (needle === undefined || r.outlet.toLowerCase().includes(needle))
    && (q.group === undefined || r.group === q.group) && r.documents >= q.minDocs);
  const sign = q.dir === 'asc' ? 1 : -1;
  const key: Record<StanceSort, (a: StanceRow, b: StanceRow) => number> = {
    stance: (a, b) => (a.stance ?? 0) - (b.stance ?? 0),
    outlet: (a, b) => a.outlet.localeCompare(b.outlet),
    group: (a, b) => (a.group ?? '\uffff').localeCompare(b.group ?? '\uffff') || (a.stance ?? 0) - (b.stance ?? 0),
    documents: (a, b) => a.documents - b.documents,
    mentions: (a, b) => a.mentions - b.mentions,
    width: (a, b) => width(a) - width(b),
  };
  return kept.sort((a, b) => {
    if ((a.stance === null) !== (b.stance === null)) return a.stance === null ? 1 : -1;
    return sign * key[q.sort](a, b) || a.outlet.localeCompare(b.outlet);
  });
}

export interface Difference {
  referent: { id: string; label: string };
  low: StanceRow;
  high: StanceRow;
  gap: number;
  /** True when the pair had to include small samples (no two outlets with enough documents). */
  smallSample: boolean;
}

/**
 * Per referent, the two outlets furthest apart in own-voice stance, preferring figures that are not small samples,
 * with the labels that drive each end. Sorted by the size of the gap.
 */
export function biggestDifferences(report: Report): Difference[] {
  const out: Difference[] = [];
  for (const r of namedReferents(report)) {
    const rows = allStanceRows(report, r.id).filter((x) => x.stance !== null);
    const solid = rows.filter((x) => !x.smallSample);
    const pool = solid.length >= 2 ? solid : rows;
    if (pool.length < 2) continue;
    let low = pool[0];
    let high = pool[0];
    for (const x of pool) {
      if (x.stance! < low.stance! || (x.stance === low.stance && x.outlet < low.outlet)) low = x;
      if (x.stance! > high.stance! || (x.stance === high.stance && x.outlet < high.outlet)) high = x;
    }
    if (low === high) continue;
    out.push({ referent: { id: r.id, label: r.label }, low, high, gap: high.stance! - low.stance!, smallSample: pool !== solid });
  }
  return out.sort((a, b) => b.gap - a.gap || a.referent.id.localeCompare(b.referent.id));
}

export interface DivergentPair {
  a: string;
  b: string;
  value: number;
}

/** The `n` most divergent pairs of outlets for a referent (Jensen–Shannon), largest first. */
export function topPairs(report: Report, referent: string, n: number): DivergentPair[] {
  const m = report.divergence[referent];
  if (!m) return [];
  const pairs: DivergentPair[] = [];
  for (let i = 0; i < m.outlets.length; i++) {
    for (let j = i + 1; j < m.outlets.length; j++) {
      const v = m.matrix[i][j];
      if (v !== null && Number.isFinite(v)) pairs.push({ a: m.outlets[i], b: m.outlets[j], value: v });
    }
  }
  return pairs.sort((x, y) => y.value - x.value || x.a.localeCompare(y.a) || x.b.localeCompare(y.b)).slice(0, n);
}

/**
 * An order of the matrix's rows that puts similar outlets next to each other: average-linkage agglomerative
 * clustering, each merge joining the two clusters' ends that are closest. Missing values count as the largest
 * distance. O(n³) for n rows: callers cap n (the heat map shows at most HEATMAP_OUTLETS).
 */
export function clusterOrder(matrix: Array<Array<number | null>>): number[] {
  const n = matrix.length;
  const d = (i: number, j: number): number => {
    const v = matrix[i][j];
    return v === null || !Number.isFinite(v) ? 1 : v;
  };
  let clusters: number[][] = Array.from({ length: n }, (_, i) => [i]);
  // Average distance between clusters, kept up to date by the Lance–Williams formula.
  let dist: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => d(i, j)));
  while (clusters.length > 1) {
    let bi = 0;
    let bj = 1;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) if (dist[i][j] < dist[bi][bj]) [bi, bj] = [i, j];
    }
    const a = clusters[bi];
    const b = clusters[bj];
    // Join the ends that are closest, so neighbours in the order are similar.
    const options = [
      [...a, ...b], [...a, ...[...b].reverse()], [...[...a].reverse(), ...b], [...b, ...a],
    ];
    const costs = [d(a[a.length - 1], b[0]), d(a[a.length - 1], b[b.length - 1]), d(a[0], b[0]), d(b[b.length - 1], a[0])];
    const merged = options[costs.indexOf(Math.min(...costs))];
    const na = a.length;
    const nb = b.length;
    const row = clusters.map((_, k) => (na * dist[bi][k] + nb * dist[bj][k]) / (na + nb));
    const keep = clusters.map((_, k) => k).filter((k) => k !== bi && k !== bj);
    const next = keep.map((k) => clusters[k]);
    next.push(merged);
    const nd = keep.map((k) => [...keep.map((l) => dist[k][l]), row[k]]);
    nd.push([...keep.map((k) => row[k]), 0]);
    clusters = next;
    dist = nd;
  }
  return clusters[0] ?? [];
}

/** Outlets shown in the heat map at most: beyond this the cells would be too small to read or point at. */
export const HEATMAP_OUTLETS = 60;

export interface Heatmap {
  outlets: string[];
  values: Array<Array<number | null>>;
  /** Outlets left out (fewest mentions) when there are more than HEATMAP_OUTLETS. */
  omitted: number;
}

export function clusteredHeatmap(report: Report, referent: string): Heatmap | null {
  const m = report.divergence[referent];
  if (!m || m.outlets.length < 2) return null;
  const mentions = (o: string) => report.outlets.find((x) => x.outlet === o)?.referents[referent]?.mentions ?? 0;
  let idx = m.outlets.map((_, i) => i);
  let omitted = 0;
  if (idx.length > HEATMAP_OUTLETS) {
    idx = idx.sort((i, j) => mentions(m.outlets[j]) - mentions(m.outlets[i]) || i - j).slice(0, HEATMAP_OUTLETS).sort((i, j) => i - j);
    omitted = m.outlets.length - HEATMAP_OUTLETS;
  }
  const sub = idx.map((i) => idx.map((j) => m.matrix[i][j]));
  const order = clusterOrder(sub);
  return { outlets: order.map((k) => m.outlets[idx[k]]), values: order.map((i) => order.map((j) => sub[i][j])), omitted };
}

export interface KeynessSummary {
  outlet: string;
  labels: Array<{ id: string; name: string; g2: number; here: number }>;
  strongest: number;
}

/** Per outlet, the labels it uses significantly more than the rest; outlets with the strongest first. */
export function keynessSummary(report: Report, compiled: CompiledLexicon): KeynessSummary[] {
  return Object.entries(report.keyness.labels.eachAgainstRest).map(([outlet, rows]) => {
    const over = rows.filter((r) => r.direction === 'over' && r.significant).slice(0, 3);
    return { outlet, labels: over.map((r) => ({ id: r.term, name: labelName(r.term, compiled), g2: r.g2, here: r.targetCount })), strongest: over[0]?.g2 ?? 0 };
  }).filter((k) => k.labels.length > 0).sort((a, b) => b.strongest - a.strongest || a.outlet.localeCompare(b.outlet));
}

/** The report's timeline section (schema 3, when the report was built with one), read structurally. */
export interface TimelineView {
  by: string;
  bins: string[];
  undated: number;
  series: Array<{ kind: 'outlet' | 'group'; name: string; cells: Array<{ bin: string; referents: Record<string, { documents: number; mentions: number; stance: number | null; ci95?: [number, number] | null }> }> }>;
}

export function reportTimeline(report: Report): TimelineView | null {
  const t = (report as unknown as { timeline?: TimelineView | null }).timeline;
  return t && Array.isArray(t.bins) && Array.isArray(t.series) ? t : null;
}

/** Series shown in the time chart at most: groups when the report has them, else the outlets naming the referent most. */
export const TIME_SERIES = 8;

export interface TimeRow {
  name: string;
  kind: 'outlet' | 'group';
  /** Per bin of the timeline: stance, its 95% interval (null with too few documents) and mentions; null where the series has no mention. */
  points: Array<{ stance: number | null; ci95: [number, number] | null; mentions: number } | null>;
  mentions: number;
}

/** What the interactive time chart draws (web/time-chart.js), read from a JSON data block: the same rows as the table. */
export interface TimeChartData {
  referent: string;
  by: string;
  bins: string[];
  series: Array<{ name: string; points: TimeRow['points'] }>;
}

export function timeChartData(timeline: TimelineView, referent: { id: string; label: string }): TimeChartData | null {
  const rows = timeRows(timeline, referent.id);
  if (timeline.bins.length < 2 || rows.length === 0) return null;
  return { referent: referent.label, by: timeline.by, bins: timeline.bins, series: rows.map((r) => ({ name: r.name, points: r.points })) };
}

export function timeRows(timeline: TimelineView, referent: string): TimeRow[] {
  const groups = timeline.series.filter((s) => s.kind === 'group');
  const pool = groups.length ? groups : timeline.series;
  const rows = pool.map((s): TimeRow => {
    const byBin = new Map(s.cells.map((c) => [c.bin, c.referents[referent]]));
    const points = timeline.bins.map((b) => {
      const r = byBin.get(b);
      return r && r.mentions > 0 ? { stance: r.stance, ci95: r.ci95 ?? null, mentions: r.mentions } : null;
    });
    return { name: s.name, kind: s.kind, points, mentions: points.reduce((n, p) => n + (p?.mentions ?? 0), 0) };
  }).filter((r) => r.mentions > 0);
  return rows.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, TIME_SERIES);
}
