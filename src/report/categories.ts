/**
 * Category dictionaries (LIWC, WordStat, Lexicoder, quanteda) counted next to the framing lexicon, as a separate
 * layer: their words are counted on the dictionary tools' own tokens (src/dictionary), so the framing matcher never
 * takes a word away from a category. The report gets, per dictionary, counts and per-1,000-word rates per outlet
 * and per group (what the UI charts when every framing weight is 0), and per document (categories.csv).
 */
import { CategoryCounter, loadCategoryDictionary } from '../dictionary/index.js';
import type { Groupings } from '../stats/groupings.js';

export interface CategoryRate {
  count: number;
  per1000: number;
}

export interface CategoryTotals {
  documents: number;
  words: number;
  categories: Record<string, CategoryRate>;
}

export interface DictionarySummary {
  file: string;
  format: string;
  sha256: string;
  semantics: string;
  categories: string[];
  outlets: Record<string, CategoryTotals>;
  /** grouping → group → totals. */
  groups: Record<string, Record<string, CategoryTotals>>;
}

/** One document's counts for every dictionary: [words, ...counts per category] per dictionary, as plain numbers. */
export type DocumentCategoryCounts = number[][];

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

export class CategoryLayer {
  private readonly counters: CategoryCounter[];

  constructor(readonly files: readonly string[]) {
    this.counters = files.map((f) => new CategoryCounter(loadCategoryDictionary(f)));
  }

  /** Category names per dictionary, in order. */
  get categoryNames(): string[][] {
    return this.counters.map((c) => c.dictionary.categories);
  }

  count(text: string): DocumentCategoryCounts {
    return this.counters.map((c) => {
      const r = c.count(text);
      return [r.words, ...r.counts];
    });
  }

  /** Totals per outlet and group over the documents that count (excluded copies are not passed in). */
  summarize(docs: ReadonlyArray<{ outlet: string; counts: DocumentCategoryCounts | undefined }>, groupings: Groupings): DictionarySummary[] {
    return this.counters.map((c, d) => {
      const cats = c.dictionary.categories;
      const totals = (list: typeof docs): CategoryTotals => {
        let words = 0;
        const sums = new Array<number>(cats.length).fill(0);
        let documents = 0;
        for (const doc of list) {
          const row = doc.counts?.[d];
          if (!row) continue;
          documents++;
          words += row[0];
          for (let i = 0; i < cats.length; i++) sums[i] += row[i + 1] ?? 0;
        }
        return {
          documents, words,
          categories: Object.fromEntries(cats.map((cat, i) => [cat, { count: sums[i], per1000: words ? round((1000 * sums[i]) / words) : 0 }])),
        };
      };
      const byOutlet = new Map<string, typeof docs[number][]>();
      for (const doc of docs) (byOutlet.get(doc.outlet) ?? byOutlet.set(doc.outlet, []).get(doc.outlet)!).push(doc);
      const groups: DictionarySummary['groups'] = {};
      for (const [grouping, map] of groupings) {
        const per: Record<string, CategoryTotals> = {};
        const members = new Map<string, typeof docs[number][]>();
        for (const [outlet, list] of byOutlet) {
          const g = map.get(outlet);
          if (g !== undefined) (members.get(g) ?? members.set(g, []).get(g)!).push(...list);
        }
        for (const [g, list] of members) per[g] = totals(list);
        groups[grouping] = per;
      }
      return {
        file: c.dictionary.file, format: c.dictionary.format, sha256: c.dictionary.sha256, semantics: c.dictionary.semantics, categories: [...cats],
        outlets: Object.fromEntries([...byOutlet].map(([o, list]) => [o, totals(list)])),
        groups,
      };
    });
  }
}
