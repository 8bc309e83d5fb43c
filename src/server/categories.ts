/**
 * Category dictionary rates for the Categories page and /api/categories: per dictionary, the rows of its outlets and
 * of each grouping's groups, read from the report (computed once; a store's report carries them too).
 */
import type { Report } from '../report/build.js';
import type { CategoryTotals, DictionarySummary } from '../report/categories.js';
import { toCsv } from '../report/csv.js';

export interface CategoryRow {
  name: string;
  documents: number;
  words: number;
  /** Per category, in the dictionary's order. */
  cells: Array<{ count: number; per1000: number }>;
}

export interface DictionaryView {
  file: string;
  format: string;
  semantics: string;
  categories: string[];
  outlets: CategoryRow[];
  groupings: Array<{ grouping: string; groups: CategoryRow[] }>;
}

function row(name: string, totals: CategoryTotals, categories: string[]): CategoryRow {
  return {
    name, documents: totals.documents, words: totals.words,
    cells: categories.map((c) => totals.categories[c] ?? { count: 0, per1000: 0 }),
  };
}

const byName = (a: CategoryRow, b: CategoryRow) => a.name.localeCompare(b.name);

export function dictionaryViews(report: Report): DictionaryView[] {
  return (report.dictionaries ?? []).map((d: DictionarySummary) => ({
    file: d.file, format: d.format, semantics: d.semantics, categories: d.categories,
    outlets: Object.entries(d.outlets).map(([o, t]) => row(o, t, d.categories)).sort(byName),
    groupings: Object.entries(d.groups).map(([grouping, groups]) => ({
      grouping, groups: Object.entries(groups).map(([g, t]) => row(g, t, d.categories)).sort(byName),
    })),
  }));
}

/** One row per dictionary × outlet or group × category: what the page shows, for R or pandas. */
export function categoriesCsv(views: DictionaryView[]): string {
  const rows: Array<Array<string | number>> = [];
  for (const v of views) {
    const add = (level: string, grouping: string, r: CategoryRow) => v.categories.forEach((cat, i) => {
      rows.push([v.file, level, grouping, r.name, r.documents, r.words, cat, r.cells[i].count, r.cells[i].per1000]);
    });
    for (const r of v.outlets) add('outlet', '', r);
    for (const g of v.groupings) for (const r of g.groups) add('group', g.grouping, r);
  }
  return toCsv(['dictionary', 'level', 'grouping', 'name', 'documents', 'words', 'category', 'count', 'per_1000'], rows);
}
