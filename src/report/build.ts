/**
 * Builds the versioned JSON report (schema "framelens.report/3", documented in docs/report-schema.md) from
 * analyzed documents. Every number here is derived from hit counts, and every hit keeps its offsets, so any figure
 * can be traced to `text.slice(start, end)` of a document.
 */
import type { DeviceHit, DocAnalysis, Document, Hit, Lexicon, NameHit, SkippedDocument, Voice } from '../types.js';
import type { KeynessRow } from '../stats/keyness.js';
import type { DuplicateCluster, DuplicatePair, DuplicatePolicy } from '../stats/duplicates.js';
import type { FramingEvent } from '../stats/events.js';
import type { LexiconSource } from '../types.js';
import type { Contrast, ContrastPlan, GroupingSummary } from '../stats/contrasts.js';
import type { Timeline, TimeBin } from '../stats/timeline.js';
import type { EventMember, EventOverride } from '../stats/event-members.js';
import type { DictionarySummary } from './categories.js';
import { documentHits, REPORT_SCHEMA, ReportBuilder } from './builder.js';

export { documentHits, MAX_LISTED_PAIRS, MAX_TESTED_OUTLETS, REPORT_SCHEMA, ReportBuilder, termCounts } from './builder.js';
export type { FinishOptions, ReportBuilderOptions, ReportBuilderState } from './builder.js';

export interface ReportOptions {
  /** Voices that make the headline scores (default: the author voice only). */
  voices?: Voice[];
  resamples?: number;
  seed?: number;
  duplicatePolicy?: DuplicatePolicy;
  /** Minimum frequency for keyness tests. */
  minFrequency?: number;
  /** An explicit pair of outlets for keyness, besides each-against-the-rest. */
  pair?: [string, string];
  /** Leave hits out of `documents` (large corpora: keep the report small). */
  omitHits?: boolean;
  /**
   * Outlet groupings, grouping → outlet → group (from --groups FILE). A `group` metadata field on the documents adds
   * a grouping named "group" unless this names one so.
   */
  groups?: Record<string, Record<string, string>>;
  /** Outlet pairs to test: 'auto' (default: all pairs up to 20 outlets), 'all', 'none', or the pairs to test. */
  contrasts?: 'auto' | 'all' | 'none' | Array<[string, string]>;
  /** Permutations per contrast (default 1000; fewer deals than this are enumerated exactly). */
  permutations?: number;
  /** Stance and label shares per week or month (the `timeline` section). */
  timeline?: TimeBin;
  /** An ISO day: contrasts of the documents dated before it against those dated on or after it. */
  beforeAfter?: string;
  /** Words left out of the keyness word counts (lowercase); none by default. */
  stopwords?: string[];
  /** Events named, merged and split by the user (--events FILE): their members are fixed, whatever else links them. */
  events?: EventOverride[];
  /** Category dictionaries (LIWC .dic/.dicx, WordStat .cat, Lexicoder .lc3, quanteda .yml) counted as a separate layer. */
  dictionaries?: string[];
}

/** An event as reported: members say on what basis each document joined, and where its day came from. */
export interface ReportEvent extends Omit<FramingEvent, 'basis'> {
  basis: FramingEvent['basis'] | 'user';
  members: EventMember[];
}

export interface VoiceSummary {
  mentions: number;
  stance: number | null;
  ci95: [number, number] | null;
  labels: Record<string, { count: number; share: number }>;
}

export interface ReferentSummary extends VoiceSummary {
  /** Documents of the outlet that mention the referent (headline voices). */
  documents: number;
  smallSample: boolean;
  /** 'normal': the interval is the delta-method one (settings.largeSample); absent: a percentile bootstrap. */
  interval?: 'normal';
  /** Per voice: the outlet's own narration, direct quotation, reported speech. */
  byVoice: Record<Voice, VoiceSummary>;
  /** Distanced (so-called, scare quotes) and negated hits: rejected, not adopted; counted here, not in stance. */
  distanced: { count: number; labels: Record<string, number>; names: number };
  negated: { count: number; labels: Record<string, number> };
  /** Share of all adopted mentions (any voice) that came from quotation or reported speech. */
  quotedShare: number | null;
  /** Attribution verbs, hedges and boosters attached to the referent. */
  devices: Record<string, number>;
}

export interface OutletSummary {
  outlet: string;
  documents: number;
  words: number;
  /** "low" when the outlet has fewer than 3 documents: figures are shown, but flagged. */
  evidence: 'ok' | 'low';
  categories: Record<string, { count: number; per1k: number; author: number; authorPer1k: number }>;
  devices: Record<string, { count: number; per1k: number; author: number; authorPer1k: number }>;
  /** Share of the outlet's label hits that came from quotations or reported speech. */
  quotedShare: number | null;
  unresolved: number;
  referents: Record<string, ReferentSummary>;
}

/** A hit as reported: exactly the analyzer's Hit (see src/types.ts). */
export type ReportHit = Hit;

export interface ReportDocument extends Pick<DocAnalysis, 'id' | 'outlet' | 'title' | 'date' | 'url' | 'event' | 'words'> {
  source?: string;
  /** Language from the metadata, when the input gave one. */
  language?: string;
  /** Every other metadata field the input had (front matter, JSONL keys, CSV columns), as read. */
  meta?: Record<string, unknown>;
  /** Per category dictionary (in `dictionaries` order): { words, counts: { <category>: count } }. */
  categories?: Array<{ words: number; counts: Record<string, number> }>;
  /** Per referent the document mentions: adopted mentions in the headline voices and their stance (Σ weight/2 ÷ mentions). */
  stance?: Record<string, { mentions: number; stance: number }>;
  /** Set when the duplicate policy keeps this document's hits out of its outlet's counts. */
  excluded?: string;
  warnings?: string[];
  /** Repeated blocks (headline, caption, paragraph printed twice) read once; absent when none. */
  collapsedBlocks?: number;
  hits?: ReportHit[];
  names?: Array<Pick<NameHit, 'name' | 'referent' | 'start' | 'end' | 'text' | 'voice' | 'distanced'>>;
  devices?: Array<Pick<DeviceHit, 'device' | 'type' | 'weight' | 'start' | 'end' | 'text' | 'voice' | 'referent'>>;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  tool: { name: string; version: string };
  lexicons: Array<Pick<LexiconSource, 'name' | 'version' | 'sha256'>>;
  settings: {
    voices: Voice[];
    bootstrap: { resamples: number; seed: number };
    /**
     * From this many documents that mention a referent on a side, intervals and outlet tests use the closed forms of
     * src/stats/large-sample.ts (delta-method interval, normal approximation of the permutation test) instead of
     * redrawing documents; estimates and tests computed so say `interval: 'normal'` / `method: 'normal'`.
     */
    largeSample: { documents: number };
    duplicatePolicy: DuplicatePolicy;
    smallSample: { documents: number; mentions: number };
    minFrequency: number;
  };
  referents: Array<{ id: string; label: string }>;
  corpus: {
    documents: number; words: number; outlets: number; skipped: SkippedDocument[]; excluded: number;
    /** Repeated blocks collapsed in all documents (see DocAnalysis.collapsedBlocks); absent when none. */
    collapsedBlocks?: number;
  };
  outlets: OutletSummary[];
  keyness: {
    labels: { eachAgainstRest: Record<string, KeynessRow[]>; pair?: { target: string; reference: string; rows: KeynessRow[] } };
    terms: { eachAgainstRest: Record<string, KeynessRow[]>; pair?: { target: string; reference: string; rows: KeynessRow[] } };
  };
  divergence: Record<string, { outlets: string[]; matrix: Array<Array<number | null>> }>;
  /** Per referent, every pair of outlets: difference in headline stance, permutation p-value, BH-adjusted. */
  stanceTests: Record<string, StanceTest[]>;
  /** Per grouping, per group: outlets, documents, stance per referent (outlets as the unit) and label shares. */
  groups: GroupingSummary[];
  /** Every contrast considered: outlets, groups, before/after; tested or not, and why. */
  contrasts: Contrast[];
  /** What was tested, what was not and why; the permutations, correction and level used. */
  contrastPlan: ContrastPlan;
  /** Stance and label shares per outlet and group per week or month; null unless asked for (--by). */
  timeline: Timeline | null;
  /** Category dictionaries counted next to the framing lexicon (--lexicon FILE.dic …): per outlet and group. */
  dictionaries: DictionarySummary[];
  events: ReportEvent[];
  duplicates: {
    policy: DuplicatePolicy;
    /** Whether near-duplicate detection ran (not under 'keep-all' unless asked for). */
    detected: boolean;
    /** All pairs found; `pairs` lists the first MAX_LISTED_PAIRS of them. */
    pairCount: number;
    pairs: DuplicatePair[];
    clusters: DuplicateCluster[];
    excluded: string[];
  };
  documents: ReportDocument[];
}

export interface StanceTest {
  a: string;
  b: string;
  difference: number;
  p: number;
  pAdjusted: number;
  significant: boolean;
  permutations: number;
  /** 'normal' when both outlets had 1,000 or more mentioning documents: the normal approximation of the test. */
  method?: 'normal';
}

export interface ReportInput {
  documents: Document[];
  analyses: DocAnalysis[];
  skipped: SkippedDocument[];
  lexicon: Lexicon;
}

/**
 * The whole report from a corpus held in memory: a ReportBuilder fed every document in order, then the hits put
 * back into `documents` (unless omitHits). Large corpora use the builder directly and stream the hits.
 */
export function buildReport(input: ReportInput, options: ReportOptions = {}): Report {
  const { omitHits, ...settings } = options;
  const byId = new Map(input.documents.map((d) => [d.id, d]));
  const builder = new ReportBuilder({ ...settings, lexicon: input.lexicon, textOf: (id) => byId.get(id)?.text });
  for (const a of input.analyses) {
    const doc = byId.get(a.id);
    builder.add(a, { text: doc?.text ?? '', source: doc?.source, language: doc?.language, meta: doc?.meta });
  }
  const report = builder.finish({ skipped: input.skipped });
  if (!omitHits) report.documents.forEach((d, k) => Object.assign(d, documentHits(input.analyses[k])));
  return report;
}
