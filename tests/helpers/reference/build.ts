/**
 * The report builder as it was before the streaming ReportBuilder (commit 87a0ae6), with the near-duplicate and
 * event code of that time beside it: the reference the streaming builder must equal (report-builder.test.ts).
 * Test code only; never imported by src/.
 */
import type { DeviceHit, DocAnalysis, Document, Hit, Lexicon, LexiconSource, NameHit, SkippedDocument, Voice } from '../../../src/types.js';
import {
  combineVoices, countByOutlet, documentScores, emptyOutlet, stanceOf, VOICES, type OutletCounts, type ReferentCounts,
} from '../../../src/stats/aggregate.js';
import { bootstrapStance, DEFAULT_RESAMPLES, DEFAULT_SEED, SMALL_SAMPLE_DOCUMENTS, SMALL_SAMPLE_MENTIONS } from '../../../src/stats/bootstrap.js';
import { keynessEachAgainstRest, keynessPair, type KeynessRow, type OutletTermCounts } from '../../../src/stats/keyness.js';
import { divergenceMatrix } from '../../../src/stats/divergence.js';
import { applyDuplicatePolicy, findNearDuplicates, type DuplicateCluster, type DuplicatePair, type DuplicatePolicy } from './duplicates.js';
import { groupEvents, type FramingEvent } from './events.js';
import { stanceDifference } from './difference.js';
import { adjustPValues } from '../../../src/stats/multiple-comparisons.js';
import { TOOL_NAME, TOOL_VERSION } from '../../../src/version.js';

export const REPORT_SCHEMA = 'framelens.report/2';

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
  /** Set when the duplicate policy keeps this document's hits out of its outlet's counts. */
  excluded?: string;
  warnings?: string[];
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
    duplicatePolicy: DuplicatePolicy;
    smallSample: { documents: number; mentions: number };
    minFrequency: number;
  };
  referents: Array<{ id: string; label: string }>;
  corpus: { documents: number; words: number; outlets: number; skipped: SkippedDocument[]; excluded: number };
  outlets: OutletSummary[];
  keyness: {
    labels: { eachAgainstRest: Record<string, KeynessRow[]>; pair?: { target: string; reference: string; rows: KeynessRow[] } };
    terms: { eachAgainstRest: Record<string, KeynessRow[]>; pair?: { target: string; reference: string; rows: KeynessRow[] } };
  };
  divergence: Record<string, { outlets: string[]; matrix: Array<Array<number | null>> }>;
  /** Per referent, every pair of outlets: difference in headline stance, permutation p-value, BH-adjusted. */
  stanceTests: Record<string, StanceTest[]>;
  events: FramingEvent[];
  duplicates: { policy: DuplicatePolicy; pairs: DuplicatePair[]; clusters: DuplicateCluster[]; excluded: string[] };
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
}

/** Pairwise stance tests grow with the square of the outlets; beyond this many they are left out (and said so). */
export const MAX_TESTED_OUTLETS = 20;
const PERMUTATIONS = 1000;

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;
const per1k = (count: number, words: number): number => (words > 0 ? round((count * 1000) / words, 3) : 0);

function labelShares(labels: Record<string, number>, mentions: number): Record<string, { count: number; share: number }> {
  const out: Record<string, { count: number; share: number }> = {};
  for (const [id, count] of Object.entries(labels).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    out[id] = { count, share: mentions > 0 ? round(count / mentions) : 0 };
  }
  return out;
}

function sumValues(rec: Record<string, number>): number {
  let s = 0;
  for (const v of Object.values(rec)) s += v;
  return s;
}

/** Word-level term counts for keyness; content words only, lowercased. */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    const w = m[0].replace(/’/g, "'");
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

export interface ReportInput {
  documents: Document[];
  analyses: DocAnalysis[];
  skipped: SkippedDocument[];
  lexicon: Lexicon;
}

export function buildReport(input: ReportInput, options: ReportOptions = {}): Report {
  const voices = options.voices ?? ['author'];
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const duplicatePolicy = options.duplicatePolicy ?? 'first-outlet-only';
  const minFrequency = options.minFrequency ?? 3;
  const { analyses } = input;

  const textById = new Map(input.documents.map((d) => [d.id, d]));
  const dup = findNearDuplicates(analyses.map((a) => ({ id: a.id, outlet: a.outlet, text: textById.get(a.id)?.text ?? '', date: a.date })));
  const excluded = applyDuplicatePolicy(dup.clusters, duplicatePolicy);
  const originalOf = new Map<string, string>();
  for (const c of dup.clusters) for (const m of c.members) if (excluded.has(m.id)) originalOf.set(m.id, c.original);
  const counted = analyses.filter((a) => !excluded.has(a.id));

  const byOutlet = countByOutlet(counted);
  // Outlets whose every document is a copy still appear, with zero counts, so nothing vanishes from view.
  for (const a of analyses) if (!byOutlet.has(a.outlet)) byOutlet.set(a.outlet, emptyOutlet(a.outlet));
  const docsByOutlet = new Map<string, DocAnalysis[]>();
  for (const a of counted) {
    const list = docsByOutlet.get(a.outlet) ?? [];
    list.push(a);
    docsByOutlet.set(a.outlet, list);
  }

  const referentIds = input.lexicon.referents.map((r) => r.id);
  const outlets: OutletSummary[] = [...byOutlet.values()].map((c) =>
    summarizeOutlet(c, docsByOutlet.get(c.outlet) ?? [], referentIds, voices, resamples, seed));

  // Keyness: label ids (adopted, headline voices) and word terms, against the outlet's word total.
  const labelCounts = new Map<string, OutletTermCounts>();
  const wordCounts = new Map<string, OutletTermCounts>();
  for (const [outlet, docs] of docsByOutlet) {
    const labels = new Map<string, number>();
    const terms = new Map<string, number>();
    let words = 0;
    let termTotal = 0;
    for (const d of docs) {
      words += d.words;
      for (const h of d.hits) if (h.referent && !h.distanced && !h.negated && voices.includes(h.voice)) labels.set(h.label, (labels.get(h.label) ?? 0) + 1);
      const text = textById.get(d.id)?.text;
      if (text) for (const [t, n] of termCounts(text)) {
        terms.set(t, (terms.get(t) ?? 0) + n);
        termTotal += n;
      }
    }
    labelCounts.set(outlet, { counts: labels, total: words });
    wordCounts.set(outlet, { counts: terms, total: termTotal });
  }
  const keynessOpts = { minFrequency };
  const eachAgainstRest = (m: Map<string, OutletTermCounts>) =>
    m.size >= 2 ? Object.fromEntries([...keynessEachAgainstRest(m, keynessOpts)].map(([k, rows]) => [k, rows.slice(0, 50)])) : {};
  const pairOf = (m: Map<string, OutletTermCounts>) => {
    if (!options.pair) return undefined;
    const [target, reference] = options.pair;
    return { target, reference, rows: keynessPair(m, target, reference, keynessOpts).slice(0, 100) };
  };

  const divergence: Report['divergence'] = {};
  for (const ref of referentIds) {
    const dists = new Map<string, Map<string, number>>();
    for (const o of outlets) {
      const r = o.referents[ref];
      if (!r) continue;
      dists.set(o.outlet, new Map(Object.entries(r.labels).map(([k, v]) => [k, v.count])));
    }
    if (dists.size >= 2) {
      const m = divergenceMatrix(dists);
      divergence[ref] = { outlets: m.outlets, matrix: m.matrix.map((row) => row.map((x) => (x === null ? null : round(x)))) };
    }
  }

  const stanceTests: Report['stanceTests'] = {};
  const testable = [...docsByOutlet.keys()];
  if (testable.length <= MAX_TESTED_OUTLETS) {
    for (const ref of referentIds) {
      const perOutlet = new Map(testable.map((o) => [o, (docsByOutlet.get(o) ?? []).map((d) => {
        const s = documentScores(d, ref, voices);
        return { sumOfScores: s.score, mentions: s.mentions };
      })]));
      const rows: StanceTest[] = [];
      for (let i = 0; i < testable.length; i++) {
        for (let j = i + 1; j < testable.length; j++) {
          const t = stanceDifference(perOutlet.get(testable[i])!, perOutlet.get(testable[j])!, { permutations: PERMUTATIONS, seed });
          if (t.difference === null || t.p === null) continue;
          rows.push({ a: testable[i], b: testable[j], difference: round(t.difference), p: round(t.p), pAdjusted: 0, significant: false, permutations: t.permutations });
        }
      }
      const adjusted = adjustPValues(rows.map((r) => r.p), 'bh');
      rows.forEach((r, k) => {
        r.pAdjusted = round(adjusted[k]);
        r.significant = adjusted[k] < 0.05;
      });
      if (rows.length) stanceTests[ref] = rows;
    }
  }

  const events = groupEvents(analyses.map((a) => ({
    id: a.id,
    outlet: a.outlet,
    date: a.date,
    event: a.event,
    names: a.names.filter((n) => n.type === 'place' || n.type === 'incident').map((n) => n.name),
  })));

  const documents: ReportDocument[] = analyses.map((a) => {
    const d: ReportDocument = { id: a.id, outlet: a.outlet, title: a.title, date: a.date, url: a.url, event: a.event, words: a.words };
    const src = textById.get(a.id)?.source;
    if (src) d.source = src.line ? `${src.file}:${src.line}` : src.file;
    if (excluded.has(a.id)) d.excluded = `near-duplicate of ${originalOf.get(a.id)} (policy ${duplicatePolicy})`;
    if (a.warnings.length) d.warnings = a.warnings;
    if (!options.omitHits) {
      d.hits = a.hits.map((h) => ({ ...h }));
      d.names = a.names.map((n) => ({ name: n.name, referent: n.referent, start: n.start, end: n.end, text: n.text, voice: n.voice, distanced: n.distanced }));
      d.devices = a.devices.map((x) => ({ device: x.device, type: x.type, weight: x.weight, start: x.start, end: x.end, text: x.text, voice: x.voice, referent: x.referent }));
    }
    return d;
  });

  return {
    schema: REPORT_SCHEMA,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    lexicons: input.lexicon.sources.map((s) => ({ name: s.name, version: s.version, sha256: s.sha256 })),
    settings: {
      voices,
      bootstrap: { resamples, seed },
      duplicatePolicy,
      smallSample: { documents: SMALL_SAMPLE_DOCUMENTS, mentions: SMALL_SAMPLE_MENTIONS },
      minFrequency,
    },
    referents: input.lexicon.referents.map((r) => ({ id: r.id, label: r.label })),
    corpus: {
      documents: analyses.length,
      words: analyses.reduce((s, a) => s + a.words, 0),
      outlets: outlets.length,
      skipped: input.skipped,
      excluded: excluded.size,
    },
    outlets,
    keyness: {
      labels: { eachAgainstRest: eachAgainstRest(labelCounts), pair: pairOf(labelCounts) },
      terms: { eachAgainstRest: eachAgainstRest(wordCounts), pair: pairOf(wordCounts) },
    },
    divergence,
    stanceTests,
    events,
    duplicates: { policy: duplicatePolicy, pairs: dup.pairs, clusters: dup.clusters, excluded: [...excluded] },
    documents,
  };
}

function summarizeVoice(
  r: ReferentCounts, voices: Voice[], docs: DocAnalysis[], referent: string, resamples: number, seed: number,
): VoiceSummary & { documents: number; smallSample: boolean } {
  const v = combineVoices(r, voices);
  const perDoc = docs.map((d) => {
    const s = documentScores(d, referent, voices);
    return { sumOfScores: s.score, mentions: s.mentions };
  });
  const est = bootstrapStance(perDoc, { resamples, seed });
  const stance = stanceOf(v);
  return {
    mentions: v.mentions,
    stance: stance === null ? null : round(stance),
    // One document cannot show how much stance varies between documents: a zero-width interval would look certain.
    ci95: est.ci95 && est.documents >= 2 ? [round(est.ci95[0]), round(est.ci95[1])] : null,
    labels: labelShares(v.labels, v.mentions),
    documents: est.documents,
    smallSample: est.smallSample,
  };
}

function summarizeOutlet(
  c: OutletCounts, docs: DocAnalysis[], referentIds: string[], voices: Voice[], resamples: number, seed: number,
): OutletSummary {
  const categories: OutletSummary['categories'] = {};
  for (const [k, v] of Object.entries(c.categories)) {
    categories[k] = { count: v.all, per1k: per1k(v.all, c.words), author: v.author, authorPer1k: per1k(v.author, c.words) };
  }
  const devices: OutletSummary['devices'] = {};
  for (const [k, v] of Object.entries(c.deviceTypes)) {
    devices[k] = { count: v.all, per1k: per1k(v.all, c.words), author: v.author, authorPer1k: per1k(v.author, c.words) };
  }
  const referents: Record<string, ReferentSummary> = {};
  let adoptedAll = 0;
  let adoptedQuoted = 0;
  const ids = [...new Set([...referentIds, ...Object.keys(c.referents)])];
  for (const id of ids) {
    const r = c.referents[id];
    if (!r) continue;
    const perVoice = new Map(VOICES.map((v) => [v, summarizeVoice(r, [v], docs, id, resamples, seed)]));
    // The usual headline is one voice (the author's): reuse its summary instead of bootstrapping it twice.
    const headline = voices.length === 1 ? perVoice.get(voices[0])! : summarizeVoice(r, voices, docs, id, resamples, seed);
    const byVoice = Object.fromEntries([...perVoice].map(([v, s]) => [v, { mentions: s.mentions, stance: s.stance, ci95: s.ci95, labels: s.labels }])) as Record<Voice, VoiceSummary>;
    const all = VOICES.reduce((s, v) => s + r.voices[v].mentions, 0);
    const nonAuthor = r.voices.quoted.mentions + r.voices.attributed.mentions;
    adoptedAll += all;
    adoptedQuoted += nonAuthor;
    referents[id] = {
      ...headline,
      byVoice,
      distanced: { count: sumValues(r.distanced), labels: r.distanced, names: r.distancedNames },
      negated: { count: sumValues(r.negated), labels: r.negated },
      quotedShare: all > 0 ? round(nonAuthor / all) : null,
      devices: r.devices,
    };
  }
  return {
    outlet: c.outlet,
    documents: c.documents,
    words: c.words,
    evidence: c.documents < SMALL_SAMPLE_DOCUMENTS ? 'low' : 'ok',
    categories,
    devices,
    quotedShare: adoptedAll > 0 ? round(adoptedQuoted / adoptedAll) : null,
    unresolved: c.unresolved,
    referents,
  };
}
