/**
 * Scoring of actor-label hits against hand annotation, shared by the gold-standard test
 * (tests/integration/gold.test.ts) and the development-set evaluator (bench/eval-devset.ts), so that both report
 * the same figures by the same rules:
 *
 * - A tool hit is evaluated when its category is 'actor-label' and its referent is not null.
 * - An evaluated hit is a true positive when it overlaps a gold span with the same referent; the strict figure
 *   also needs sign(weight) to equal the gold sign. Recall counts gold spans overlapped by such a hit.
 * - Voice agreement compares each matched hit with the gold span it overlaps most.
 * - A split mention is a gold span overlapped by two or more actor-label hits (one phrase read as two mentions).
 * - Context precision is the precision of the hits the analyzer resolved from context (resolution 'context').
 */
import type { Hit } from '../src/types.js';
import { quantileSorted } from '../src/stats/quantile.js';
import { randomIndex, seededRandom } from '../src/stats/rng.js';

export type Sign = '+' | '0' | '-';
export type VoiceName = 'author' | 'quoted' | 'attributed';
export const VOICES: readonly VoiceName[] = ['author', 'quoted', 'attributed'];
export const REFERENTS = ['armed-groups', 'us-forces', 'israel', 'iran', 'palestinians'] as const;
export const SIGNS: readonly Sign[] = ['+', '0', '-'];

export interface Span {
  start: number;
  end: number;
}

export interface GoldSpan extends Span {
  text: string;
  referent: string;
  sign: Sign;
  voice: VoiceName;
  /** The words alone do not say who is meant; a reader resolves them from context. */
  context?: boolean;
  /** How the span is named in messages (e.g. "#2" for the second occurrence, "@120" for an offset). */
  tag?: string;
}

/** One annotated document with the analyzer's hits on it. */
export interface ScoredDocument {
  id: string;
  text: string;
  gold: GoldSpan[];
  hits: Hit[];
  /** Spans a reader does not count as labels (traps); hits on them are reported, they are already false positives. */
  notLabels?: Span[];
}

export interface FalsePositive {
  id: string;
  hit: Hit;
  /** The gold span the hit overlaps with another referent, if any. */
  other?: GoldSpan;
  /** The hit lies on an annotated trap (not_labels). */
  trap: boolean;
}

export interface Miss {
  id: string;
  gold: GoldSpan;
  /** An evaluated hit on the span with another referent, if any. */
  other?: Hit;
}

export interface SplitMention {
  id: string;
  gold: GoldSpan;
  hits: Hit[];
}

export interface Score {
  hits: number;
  gold: number;
  truePositives: number;
  found: number;
  precision: number;
  recall: number;
  strictPrecision: number;
  strictRecall: number;
  /** Hits resolved from context, and how many of them name the right referent. */
  contextHits: number;
  contextCorrect: number;
  contextPrecision: number;
  /** Gold spans marked context: true, and how many of them were found. */
  contextGold: number;
  contextFound: number;
  falsePositives: FalsePositive[];
  misses: Miss[];
  /** Hits with the right referent but another sign than the gold span. */
  signDiffers: Array<{ id: string; hit: Hit; gold: GoldSpan }>;
  splitMentions: SplitMention[];
  /** Actor-label hits (any referent) on annotated traps, and the number of traps. */
  trapHits: number;
  traps: number;
}

export interface VoiceScore {
  agreement: number;
  /** Matched hits whose voice is the gold span's. */
  agreed: number;
  compared: number;
  /** confusion[gold][tool] */
  confusion: Record<VoiceName, Record<VoiceName, number>>;
  disagreements: Array<{ id: string; hit: Hit; gold: GoldSpan }>;
}

export const signOf = (weight: number): Sign => (weight > 0 ? '+' : weight < 0 ? '-' : '0');

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

const isEvaluated = (h: Hit): boolean => h.category === 'actor-label' && h.referent !== null;

/**
 * The actor-label hits on a document's annotated traps, with or without a referent: an unresolved one is not a false
 * positive (it is never scored) but a reader still sees a label there.
 */
export function trapHits(doc: ScoredDocument): Hit[] {
  const traps = doc.notLabels ?? [];
  if (!traps.length) return [];
  return doc.hits.filter((h) => h.category === 'actor-label' && traps.some((t) => overlaps(h, t)));
}

export function score(docs: ScoredDocument[]): Score {
  const s: Score = {
    hits: 0, gold: 0, truePositives: 0, found: 0, precision: 0, recall: 0, strictPrecision: 0, strictRecall: 0,
    contextHits: 0, contextCorrect: 0, contextPrecision: 0, contextGold: 0, contextFound: 0,
    falsePositives: [], misses: [], signDiffers: [], splitMentions: [], trapHits: 0, traps: 0,
  };
  let strictTp = 0, strictFound = 0;
  for (const doc of docs) {
    const labels = doc.hits.filter((h) => h.category === 'actor-label');
    const evaluated = labels.filter(isEvaluated);
    const traps = doc.notLabels ?? [];
    s.traps += traps.length;
    s.trapHits += trapHits(doc).length;
    s.hits += evaluated.length;
    s.gold += doc.gold.length;
    for (const h of evaluated) {
      const same = doc.gold.filter((g) => overlaps(h, g) && g.referent === h.referent);
      const fromContext = h.resolution === 'context';
      if (fromContext) s.contextHits++;
      if (same.length) {
        s.truePositives++;
        if (fromContext) s.contextCorrect++;
        if (same.some((g) => g.sign === signOf(h.weight))) strictTp++;
        else s.signDiffers.push({ id: doc.id, hit: h, gold: same[0] });
      } else {
        s.falsePositives.push({ id: doc.id, hit: h, other: doc.gold.find((g) => overlaps(h, g)), trap: traps.some((t) => overlaps(h, t)) });
      }
    }
    for (const g of doc.gold) {
      const same = evaluated.filter((h) => overlaps(h, g) && h.referent === g.referent);
      if (g.context) s.contextGold++;
      if (same.length) {
        s.found++;
        if (g.context) s.contextFound++;
        if (same.some((h) => signOf(h.weight) === g.sign)) strictFound++;
      } else {
        s.misses.push({ id: doc.id, gold: g, other: evaluated.find((h) => overlaps(h, g)) });
      }
      const on = labels.filter((h) => overlaps(h, g));
      if (on.length >= 2) s.splitMentions.push({ id: doc.id, gold: g, hits: on });
    }
  }
  s.precision = ratio(s.truePositives, s.hits);
  s.recall = ratio(s.found, s.gold);
  s.strictPrecision = ratio(strictTp, s.hits);
  s.strictRecall = ratio(strictFound, s.gold);
  s.contextPrecision = ratio(s.contextCorrect, s.contextHits);
  return s;
}

/**
 * Every evaluated hit that matches a gold span (overlap + same referent) is compared with that span's voice; a hit
 * overlapping several matching spans is compared with the one it overlaps most.
 */
export function voiceScore(docs: ScoredDocument[]): VoiceScore {
  const confusion = Object.fromEntries(VOICES.map((g) => [g, Object.fromEntries(VOICES.map((t) => [t, 0]))])) as VoiceScore['confusion'];
  const disagreements: VoiceScore['disagreements'] = [];
  let compared = 0, agree = 0;
  for (const doc of docs) {
    for (const h of doc.hits) {
      if (!isEvaluated(h)) continue;
      const same = doc.gold.filter((g) => overlaps(h, g) && g.referent === h.referent);
      if (!same.length) continue;
      const overlap = (g: GoldSpan): number => Math.min(h.end, g.end) - Math.max(h.start, g.start);
      const g = same.reduce((best, x) => (overlap(x) > overlap(best) ? x : best));
      compared++;
      confusion[g.voice][h.voice as VoiceName]++;
      if (g.voice === h.voice) agree++;
      else disagreements.push({ id: doc.id, hit: h, gold: g });
    }
  }
  return { agreement: ratio(agree, compared), agreed: agree, compared, confusion, disagreements };
}

/** A figure with a 95% percentile interval. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** The headline figures of a split with intervals from resampling its articles; null where the figure has no cases. */
export interface ArticleIntervals {
  precision: Interval | null;
  recall: Interval | null;
  contextPrecision: Interval | null;
  voice: Interval | null;
  resamples: number;
  seed: number;
}

/** Numerators and denominators of one article's figures. */
type Counts = [tp: number, hits: number, found: number, gold: number, ctxRight: number, ctxHits: number, agree: number, compared: number];

/**
 * Percentile intervals for precision, recall, context precision and voice agreement by resampling whole articles
 * with replacement (a cluster bootstrap): one article's hits are not independent of each other (one outlet's habit,
 * one misread name repeated), so resampling hits would make the intervals too narrow. Each resample sums the
 * articles' numerators and denominators and takes the ratio; a resample whose denominator is 0 is left out of that
 * figure. Seeded (src/stats/rng.ts), so a report can be reproduced exactly.
 */
export function articleBootstrap(docs: ScoredDocument[], resamples = 2000, seed = 42): ArticleIntervals {
  const counts: Counts[] = docs.map((d) => {
    const s = score([d]);
    const v = voiceScore([d]);
    return [s.truePositives, s.hits, s.found, s.gold, s.contextCorrect, s.contextHits, v.agreed, v.compared];
  });
  const figures: Array<[number, number]> = [[0, 1], [2, 3], [4, 5], [6, 7]];
  const draws: number[][] = figures.map(() => []);
  const random = seededRandom(seed);
  const n = counts.length;
  for (let r = 0; r < resamples && n > 0; r++) {
    const sum = new Array<number>(8).fill(0);
    for (let i = 0; i < n; i++) {
      const c = counts[randomIndex(random, n)];
      for (let k = 0; k < 8; k++) sum[k] += c[k];
    }
    figures.forEach(([num, den], f) => { if (sum[den] > 0) draws[f].push(sum[num] / sum[den]); });
  }
  const interval = (f: number): Interval | null => {
    const [num, den] = figures[f];
    let a = 0, b = 0;
    for (const c of counts) { a += c[num]; b += c[den]; }
    if (b === 0 || draws[f].length === 0) return null;
    const sorted = draws[f].sort((x, y) => x - y);
    return { estimate: a / b, low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975) };
  };
  return { precision: interval(0), recall: interval(1), contextPrecision: interval(2), voice: interval(3), resamples, seed };
}

export function confusionTable(c: VoiceScore['confusion'], indent = '  '): string {
  const w = 11;
  const rows = [`${'gold \\ tool'.padEnd(w)}${VOICES.map((v) => v.padStart(w)).join('')}`];
  for (const g of VOICES) rows.push(`${g.padEnd(w)}${VOICES.map((t) => String(c[g][t]).padStart(w)).join('')}`);
  return rows.join(`\n${indent}`);
}

export function describeFalsePositive(f: FalsePositive): string {
  const h = f.hit;
  return `${f.id} "${h.text}" → ${h.referent} (${h.label}, ${h.resolution ?? 'fixed'})${f.other ? `; gold says ${f.other.referent}` : ''}${f.trap ? '; on an annotated trap' : ''}`;
}

export function describeMiss(m: Miss): string {
  return `${m.id} "${m.gold.text}"${m.gold.tag ?? ''} ${m.gold.referent}${m.other ? `; tool says ${m.other.referent} (${m.other.label})` : ''}`;
}

/**
 * The sentence (or headline/paragraph line) around a span, for listings: from the last sentence end or line break
 * before the span to the next one after it, cut to `max` characters around the span.
 */
export function sentenceAround(text: string, span: Span, max = 240): string {
  let from = span.start;
  while (from > 0 && text[from - 1] !== '\n' && !(/[.!?]/.test(text[from - 2] ?? '') && text[from - 1] === ' ')) from--;
  let to = span.end;
  while (to < text.length && text[to] !== '\n' && !(/[.!?]/.test(text[to]) && (to + 1 >= text.length || /\s/.test(text[to + 1])))) to++;
  if (to < text.length && text[to] !== '\n') to++;
  let out = `${text.slice(from, span.start)}[${text.slice(span.start, span.end)}]${text.slice(span.end, to)}`;
  if (out.length > max) {
    const left = Math.max(0, span.start - from - Math.floor((max - (span.end - span.start)) / 2));
    out = `…${out.slice(left, left + max)}…`;
  }
  return out.trim();
}
