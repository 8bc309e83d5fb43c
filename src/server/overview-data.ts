/**
 * The numbers the Overview charts draw, taken from the report unchanged (the server-rendered tables show the
 * same numbers). Shipped to the page as a JSON data block.
 */
import type { Report } from '../report/build.js';
import type { CompiledLexicon } from '../lexicon/compile.js';

export interface StancePoint {
  stance: number | null;
  ci95: [number, number] | null;
  mentions: number;
  smallSample: boolean;
}

export interface ShareSeries {
  label: string;
  weight: number;
  /** Share of the referent's headline mentions, one per outlet (0 when unused). */
  shares: number[];
  counts: number[];
}

export interface OverviewData {
  outlets: string[];
  referents: Array<{ id: string; label: string }>;
  /** stance[referentIndex][outletIndex] */
  stance: StancePoint[][];
  shares: Array<{ referent: string; series: ShareSeries[] }>;
}

export function overviewData(report: Report, compiled: CompiledLexicon): OverviewData {
  const outlets = report.outlets.map((o) => o.outlet);
  const referents = report.referents.filter((r) => report.outlets.some((o) => (o.referents[r.id]?.mentions ?? 0) > 0));
  const stance = referents.map((r) => report.outlets.map((o): StancePoint => {
    const s = o.referents[r.id];
    return s ? { stance: s.stance, ci95: s.ci95, mentions: s.mentions, smallSample: s.smallSample } : { stance: null, ci95: null, mentions: 0, smallSample: true };
  }));
  const shares = referents.map((r) => {
    const labelIds = new Set<string>();
    for (const o of report.outlets) for (const id of Object.keys(o.referents[r.id]?.labels ?? {})) labelIds.add(id);
    const weightOf = (id: string): number => {
      const e = compiled.entries.get(id);
      return e?.kind === 'label' ? e.weight : 0;
    };
    const series = [...labelIds].sort((a, b) => weightOf(a) - weightOf(b) || a.localeCompare(b)).map((label) => ({
      label,
      weight: weightOf(label),
      shares: report.outlets.map((o) => o.referents[r.id]?.labels[label]?.share ?? 0),
      counts: report.outlets.map((o) => o.referents[r.id]?.labels[label]?.count ?? 0),
    }));
    return { referent: r.id, series };
  });
  return { outlets, referents, stance, shares };
}
