/**
 * framelens lexicon suggest: words and short phrases that set outlets apart (keyness) and that no lexicon entry
 * covers yet — the candidates a lexicon author should read next. Each comes with its counts per outlet and a few
 * keyword-in-context lines, so a reviewer can decide from the page whether it is a label, what it names and how it
 * frames, without going back to the corpus.
 *
 * Counting is per outlet over word n-grams (1–3 words) that stay inside one stretch of plain text: no punctuation
 * between their words, no word already inside a label, name or device hit, no stop word at either end. Memory is
 * bounded: when an outlet's table grows past `maxTerms`, the n-grams seen once are dropped (they could never become
 * key terms on their own; a term that keeps recurring comes back), and the report says how often that happened.
 */
import type { DocAnalysis, Document } from '../types.js';
import { dictionaryWords } from '../text/words.js';
import { keynessEachAgainstRest, type KeynessRow, type OutletTermCounts } from '../stats/keyness.js';

export interface SuggestOptions {
  /** Longest phrase, in words (default 3). */
  maxWords?: number;
  /** Minimum count in the outlet for a term to be suggested (default 5). */
  minCount?: number;
  /** Minimum log ratio against the rest of the corpus (default 1: at least twice as frequent). */
  minLogRatio?: number;
  /** Suggestions per outlet (default 15). */
  perOutlet?: number;
  /** Context lines per suggestion (default 3). */
  examples?: number;
  stopwords: ReadonlySet<string>;
  /** Distinct n-grams kept per outlet before pruning (default 400,000). */
  maxTerms?: number;
}

export interface Suggestion {
  term: string;
  /** Outlets for which the term is key, strongest first. */
  keyFor: Array<{ outlet: string; count: number; restCount: number; g2: number; logRatio: number; pAdjusted: number }>;
  total: number;
  examples: Array<{ outlet: string; document: string; context: string }>;
}

export interface SuggestResult {
  suggestions: Suggestion[];
  outlets: number;
  documents: number;
  prunings: number;
}

interface OutletCounts {
  counts: Map<string, number>;
  total: number;
}

/** Text between two words that keeps them in one phrase: spaces only (a line break or punctuation ends it). */
const PHRASE_GAP = /^[ \t]+$/;
const CONTEXT = 70;

export class TermSuggester {
  private readonly outlets = new Map<string, OutletCounts>();
  private readonly maxWords: number;
  private readonly maxTerms: number;
  private prunings = 0;
  private documents = 0;

  constructor(private readonly options: SuggestOptions) {
    this.maxWords = options.maxWords ?? 3;
    this.maxTerms = options.maxTerms ?? 400_000;
  }

  /** The n-grams of one document, with their word offsets, as counting and examples both see them. */
  *terms(doc: Pick<Document, 'text'>, analysis: Pick<DocAnalysis, 'hits' | 'names' | 'devices'>): Generator<{ term: string; start: number; end: number }> {
    const { words, start, end } = dictionaryWords(doc.text);
    const covered = coveredWords(start, end, [...analysis.hits, ...analysis.names, ...analysis.devices]);
    const stop = this.options.stopwords;
    const usable = (k: number) => !covered[k] && !/^[\d.,'-]+$/.test(words[k]);
    for (let i = 0; i < words.length; i++) {
      if (!usable(i) || stop.has(words[i])) continue;
      let term = '';
      for (let n = 1; n <= this.maxWords && i + n <= words.length; n++) {
        const k = i + n - 1;
        if (n > 1 && (!usable(k) || !PHRASE_GAP.test(doc.text.slice(end[k - 1], start[k])))) break;
        term = n === 1 ? words[k] : `${term} ${words[k]}`;
        if (!stop.has(words[k])) yield { term, start: start[i], end: end[k] };
      }
    }
  }

  add(doc: Pick<Document, 'text' | 'outlet'>, analysis: Pick<DocAnalysis, 'hits' | 'names' | 'devices' | 'words'>): void {
    this.documents++;
    let o = this.outlets.get(doc.outlet);
    if (!o) this.outlets.set(doc.outlet, (o = { counts: new Map(), total: 0 }));
    o.total += analysis.words;
    for (const { term } of this.terms(doc, analysis)) o.counts.set(term, (o.counts.get(term) ?? 0) + 1);
    if (o.counts.size > this.maxTerms) {
      for (const [term, count] of o.counts) if (count <= 1) o.counts.delete(term);
      this.prunings++;
    }
  }

  /** The key terms; call `collectExamples` afterwards with the corpus to fill in contexts. */
  result(): SuggestResult {
    const minCount = this.options.minCount ?? 5;
    const minLogRatio = this.options.minLogRatio ?? 1;
    const perOutlet = this.options.perOutlet ?? 15;
    const tables = new Map<string, OutletTermCounts>([...this.outlets].map(([k, v]) => [k, { counts: v.counts, total: v.total }]));
    const byTerm = new Map<string, Suggestion>();
    if (tables.size >= 2) {
      for (const [outlet, rows] of keynessEachAgainstRest(tables, { minFrequency: minCount })) {
        const chosen = rows.filter((r: KeynessRow) => r.significant && r.direction === 'over' && r.targetCount >= minCount && r.logRatio >= minLogRatio);
        for (const r of nested(chosen).slice(0, perOutlet)) {
          let s = byTerm.get(r.term);
          if (!s) byTerm.set(r.term, (s = { term: r.term, keyFor: [], total: 0, examples: [] }));
          s.keyFor.push({ outlet, count: r.targetCount, restCount: r.referenceCount, g2: round(r.g2), logRatio: round(r.logRatio), pAdjusted: r.pAdjusted });
        }
      }
    }
    for (const s of byTerm.values()) {
      s.keyFor.sort((a, b) => b.g2 - a.g2);
      for (const o of this.outlets.values()) s.total += o.counts.get(s.term) ?? 0;
    }
    const suggestions = [...byTerm.values()].sort((a, b) => b.keyFor[0].g2 - a.keyFor[0].g2 || (a.term < b.term ? -1 : 1));
    return { suggestions, outlets: this.outlets.size, documents: this.documents, prunings: this.prunings };
  }

  /** Fills in up to `examples` context lines per suggestion, from the outlets it is key for first. */
  collectExamples(result: SuggestResult, doc: Pick<Document, 'text' | 'outlet' | 'id'>, analysis: Pick<DocAnalysis, 'hits' | 'names' | 'devices'>): void {
    const max = this.options.examples ?? 3;
    const wanted = new Map(result.suggestions.filter((s) => s.examples.length < max && s.keyFor.some((k) => k.outlet === doc.outlet)).map((s) => [s.term, s]));
    if (wanted.size === 0) return;
    for (const { term, start, end } of this.terms(doc, analysis)) {
      const s = wanted.get(term);
      if (!s || s.examples.length >= max) continue;
      const left = doc.text.slice(Math.max(0, start - CONTEXT), start).replace(/\s+/g, ' ');
      const right = doc.text.slice(end, end + CONTEXT).replace(/\s+/g, ' ');
      s.examples.push({ outlet: doc.outlet, document: doc.id, context: `…${left}[[${doc.text.slice(start, end)}]]${right}…` });
    }
  }
}

/**
 * A phrase and the words inside it are often key together ("zionist enemy", "zionist", "enemy"): keep a shorter term
 * only when it is clearly more than its use inside the longer ones (its count at least 1.5 times that of the most
 * frequent phrase holding it).
 */
function nested(rows: KeynessRow[]): KeynessRow[] {
  const kept: KeynessRow[] = [];
  const byLength = [...rows].sort((a, b) => b.term.split(' ').length - a.term.split(' ').length || b.g2 - a.g2);
  for (const r of byLength) {
    let within = 0;
    for (const k of kept) if (` ${k.term} `.includes(` ${r.term} `)) within = Math.max(within, k.targetCount);
    if (within > 0 && r.targetCount < 1.5 * within) continue;
    kept.push(r);
  }
  return kept.sort((a, b) => b.g2 - a.g2);
}

/** Marks the words that overlap any hit span. Spans are sorted once; one pass over words and spans together. */
function coveredWords(start: number[], end: number[], spans: Array<{ start: number; end: number }>): Uint8Array {
  const covered = new Uint8Array(start.length);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let j = 0;
  let reach = -1;
  for (let i = 0; i < start.length; i++) {
    while (j < sorted.length && sorted[j].start < end[i]) reach = Math.max(reach, sorted[j++].end);
    if (reach > start[i]) covered[i] = 1;
  }
  return covered;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
