/**
 * Stance and label shares over time: per outlet, and per group of each grouping, per week or month, with the
 * number of documents behind every figure and an interval only where at least three documents mention the referent.
 *
 * Weeks are ISO weeks (Monday to Sunday) named by their Monday; months by YYYY-MM. The bins run without gaps from
 * the first dated document to the last, so a chart shows empty weeks as empty rather than joining across them.
 * A document's day is the date part as written (see dates.ts), so an article stamped late on a Sunday in its own
 * time zone stays in that week.
 */
import { bootstrapStance } from './bootstrap.js';
import { dayNumber, isoDay } from './dates.js';
import { estimateGroup, MIN_INTERVAL_DOCUMENTS } from './groups.js';
import { labelSharesOf, summaryDocuments, type DocumentSummary, type StanceDocuments } from './document-summary.js';
import { countsOf } from './contrasts.js';
import type { Groupings } from './groupings.js';

export type TimeBin = 'week' | 'month';

export interface TimelineReferent {
  /** Documents in the bin that mention the referent. */
  documents: number;
  mentions: number;
  stance: number | null;
  ci95: [number, number] | null;
  labels: Record<string, { count: number; share: number }>;
}

export interface TimelineCell {
  bin: string;
  /** Documents of the series in the bin (whether or not they mention a referent). */
  documents: number;
  referents: Record<string, TimelineReferent>;
}

export interface TimelineSeries {
  kind: 'outlet' | 'group';
  grouping?: string;
  name: string;
  outlets: string[];
  /** Only bins with at least one document of the series. */
  cells: TimelineCell[];
}

export interface Timeline {
  by: TimeBin;
  /** Every bin from the first dated document to the last. */
  bins: string[];
  /** Documents without a usable date: in no bin. */
  undated: number;
  series: TimelineSeries[];
}

/** The bin of a day number: the Monday of its ISO week, or YYYY-MM. */
export function binOfDay(day: number, by: TimeBin): string {
  if (by === 'month') return isoDay(day).slice(0, 7);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 counts days since Monday.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return isoDay(day - sinceMonday);
}

export function binOf(date: string | undefined, by: TimeBin): string | null {
  const day = dayNumber(date);
  return day === null ? null : binOfDay(day, by);
}

/** Every bin from `first` to `last` day, in order. */
export function binRange(first: number, last: number, by: TimeBin): string[] {
  const out: string[] = [];
  if (by === 'week') {
    for (let d = dayNumber(binOfDay(first, 'week'))!; d <= last; d += 7) out.push(isoDay(d));
    return out;
  }
  let [y, m] = isoDay(first).slice(0, 7).split('-').map(Number);
  const end = isoDay(last).slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e4) / 1e4);

/**
 * The timeline. `input`: the counted documents, as summaries or read by position from columns (a report builder's,
 * whose `labels` by bin answer for this `by`).
 */
export function buildTimeline(
  input: readonly DocumentSummary[] | StanceDocuments, options: { by: TimeBin; referents: readonly string[]; groupings?: Groupings; resamples: number; seed: number },
): Timeline {
  const { by, referents } = options;
  const docs = Array.isArray(input) ? summaryDocuments(input, (date) => binOf(date, by)) : (input as StanceDocuments);
  const binned = new Map<string, Map<string, number[]>>(); // outlet → bin → document positions
  const outlets: string[] = [];
  let first = Infinity;
  let last = -Infinity;
  let undated = 0;
  for (let k = 0; k < docs.length; k++) {
    const outlet = docs.outlet(k);
    if (!binned.has(outlet)) {
      binned.set(outlet, new Map());
      outlets.push(outlet);
    }
    const day = dayNumber(docs.date(k));
    if (day === null) {
      undated++;
      continue;
    }
    first = Math.min(first, day);
    last = Math.max(last, day);
    const bin = binOfDay(day, by);
    const perBin = binned.get(outlet)!;
    let list = perBin.get(bin);
    if (!list) perBin.set(bin, (list = []));
    list.push(k);
  }
  const bins = Number.isFinite(first) ? binRange(first, last, by) : [];
  const mentionsOf = (counts: ReadonlyArray<{ mentions: number }>) => counts.reduce((s, d) => s + d.mentions, 0);

  const outletCell = (outlet: string, bin: string, list: number[]): TimelineCell => {
    const refs: Record<string, TimelineReferent> = {};
    for (const ref of referents) {
      const counts = countsOf(docs, list, ref);
      if (counts.length === 0) continue;
      const est = bootstrapStance(counts, { resamples: options.resamples, seed: options.seed });
      refs[ref] = {
        documents: counts.length, mentions: est.mentions, stance: round(est.stance),
        ci95: counts.length >= MIN_INTERVAL_DOCUMENTS && est.ci95 ? [round(est.ci95[0])!, round(est.ci95[1])!] : null,
        labels: labelSharesOf([docs.labels(outlet, ref, bin)], mentionsOf(counts)),
      };
    }
    return { bin, documents: list.length, referents: refs };
  };

  const series: TimelineSeries[] = [];
  for (const o of outlets) {
    const perBin = binned.get(o)!;
    series.push({ kind: 'outlet', name: o, outlets: [o], cells: bins.filter((b) => perBin.has(b)).map((b) => outletCell(o, b, perBin.get(b)!)) });
  }
  for (const [grouping, map] of options.groupings ?? []) {
    const groups = new Map<string, string[]>();
    for (const o of outlets) {
      const g = map.get(o);
      if (g === undefined) continue;
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push(o);
    }
    for (const [name, members] of groups) {
      const cells: TimelineCell[] = [];
      for (const bin of bins) {
        const perOutlet = members.map((o) => binned.get(o)!.get(bin) ?? []);
        const all = perOutlet.flat();
        if (all.length === 0) continue;
        const refs: Record<string, TimelineReferent> = {};
        for (const ref of referents) {
          const est = estimateGroup(perOutlet.map((l) => countsOf(docs, l, ref)), options);
          if (est.stance === null) continue;
          const labels = labelSharesOf(members.map((o) => (binned.get(o)!.has(bin) ? docs.labels(o, ref, bin) : undefined)), mentionsOf(countsOf(docs, all, ref)));
          refs[ref] = {
            documents: est.documents, mentions: est.mentions, stance: round(est.stance),
            ci95: est.ci95 ? [round(est.ci95[0])!, round(est.ci95[1])!] : null, labels,
          };
        }
        cells.push({ bin, documents: all.length, referents: refs });
      }
      series.push({ kind: 'group', grouping, name, outlets: members, cells });
    }
  }
  return { by, bins, undated, series };
}
