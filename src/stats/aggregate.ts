/**
 * Mergeable counts. Everything an outlet-level number is computed from is a plain count here, so counts from
 * workers, shards or earlier runs combine exactly by addition (`mergeCounts`). Ratios and stances are derived at
 * the end (`stanceOf`, `shareOf`), never averaged from parts.
 */
import type { DocAnalysis, Hit, Voice } from '../types.js';

export const VOICES: Voice[] = ['author', 'quoted', 'attributed'];

export interface VoiceCounts {
  /** Adopted mentions: label hits with this referent that are neither distanced nor negated. */
  mentions: number;
  /** Sum of weight/2 over adopted mentions. */
  score: number;
  /** Adopted mentions per label id. */
  labels: Record<string, number>;
}

export interface ReferentCounts {
  voices: Record<Voice, VoiceCounts>;
  /** Hits the outlet keeps its distance from (so-called, scare quotes), per label id. Not counted as mentions. */
  distanced: Record<string, number>;
  /** Negated hits ("not terrorists"), per label id. Not counted as mentions. */
  negated: Record<string, number>;
  /** Names of the referent that appear distanced ("calling itself the …"). */
  distancedNames: number;
  /** Attribution verbs and hedges attached to the referent, per device id. */
  devices: Record<string, number>;
}

export interface OutletCounts {
  outlet: string;
  documents: number;
  words: number;
  /** Label hits per category, all voices, and in the author voice. */
  categories: Record<string, { all: number; author: number }>;
  /** Device hits per device type, all voices, and in the author voice. */
  deviceTypes: Record<string, { all: number; author: number }>;
  referents: Record<string, ReferentCounts>;
  /** Context labels ("the regime") with no antecedent in reach: reported, not scored. */
  unresolved: number;
}

const emptyVoice = (): VoiceCounts => ({ mentions: 0, score: 0, labels: {} });
const emptyReferent = (): ReferentCounts => ({
  voices: { author: emptyVoice(), quoted: emptyVoice(), attributed: emptyVoice() },
  distanced: {}, negated: {}, distancedNames: 0, devices: {},
});

export function emptyOutlet(outlet: string): OutletCounts {
  return { outlet, documents: 0, words: 0, categories: {}, deviceTypes: {}, referents: {}, unresolved: 0 };
}

const bump = (rec: Record<string, number>, key: string, by = 1): void => {
  rec[key] = (rec[key] ?? 0) + by;
};

/** True when a hit counts as the outlet (or the quoted source) adopting the label. */
export function isAdopted(hit: Hit): boolean {
  return hit.referent !== null && !hit.distanced && !hit.negated;
}

/** Adds one document's analysis to an outlet's counts. */
export function addDocument(counts: OutletCounts, doc: DocAnalysis): void {
  counts.documents += 1;
  counts.words += doc.words;
  for (const hit of doc.hits) {
    const cat = (counts.categories[hit.category] ??= { all: 0, author: 0 });
    cat.all++;
    if (hit.voice === 'author') cat.author++;
    if (hit.referent === null) {
      if (hit.resolution === 'unresolved') counts.unresolved++;
      continue;
    }
    const ref = (counts.referents[hit.referent] ??= emptyReferent());
    if (hit.negated) bump(ref.negated, hit.label);
    else if (hit.distanced) bump(ref.distanced, hit.label);
    else {
      const v = ref.voices[hit.voice];
      v.mentions++;
      v.score += hit.weight / 2;
      bump(v.labels, hit.label);
    }
  }
  for (const name of doc.names) {
    if (name.referent && name.distanced) (counts.referents[name.referent] ??= emptyReferent()).distancedNames++;
  }
  for (const d of doc.devices) {
    const t = (counts.deviceTypes[d.type] ??= { all: 0, author: 0 });
    t.all++;
    if (d.voice === 'author') t.author++;
    if (d.referent) bump((counts.referents[d.referent] ??= emptyReferent()).devices, d.device);
  }
}

function mergeRecord(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) bump(into, k, v);
}

/** Adds `from` into `into` (same outlet). Exact: every field is a count. */
export function mergeCounts(into: OutletCounts, from: OutletCounts): OutletCounts {
  into.documents += from.documents;
  into.words += from.words;
  into.unresolved += from.unresolved;
  for (const [k, v] of Object.entries(from.categories)) {
    const c = (into.categories[k] ??= { all: 0, author: 0 });
    c.all += v.all;
    c.author += v.author;
  }
  for (const [k, v] of Object.entries(from.deviceTypes)) {
    const c = (into.deviceTypes[k] ??= { all: 0, author: 0 });
    c.all += v.all;
    c.author += v.author;
  }
  for (const [id, r] of Object.entries(from.referents)) {
    const target = (into.referents[id] ??= emptyReferent());
    for (const voice of VOICES) {
      target.voices[voice].mentions += r.voices[voice].mentions;
      target.voices[voice].score += r.voices[voice].score;
      mergeRecord(target.voices[voice].labels, r.voices[voice].labels);
    }
    mergeRecord(target.distanced, r.distanced);
    mergeRecord(target.negated, r.negated);
    mergeRecord(target.devices, r.devices);
    target.distancedNames += r.distancedNames;
  }
  return into;
}

/** Counts per outlet, in order of first appearance. */
export function countByOutlet(docs: Iterable<DocAnalysis>): Map<string, OutletCounts> {
  const out = new Map<string, OutletCounts>();
  for (const doc of docs) {
    let c = out.get(doc.outlet);
    if (!c) out.set(doc.outlet, (c = emptyOutlet(doc.outlet)));
    addDocument(c, doc);
  }
  return out;
}

/** Stance in [-1, +1]: weight/2 averaged over adopted mentions; null when there are none. */
export function stanceOf(v: { mentions: number; score: number }): number | null {
  return v.mentions > 0 ? v.score / v.mentions : null;
}

/** Sums voices into one count (e.g. author + quoted + attributed for "all voices"). */
export function combineVoices(r: ReferentCounts, voices: Voice[]): VoiceCounts {
  const out = emptyVoice();
  for (const voice of voices) {
    out.mentions += r.voices[voice].mentions;
    out.score += r.voices[voice].score;
    mergeRecord(out.labels, r.voices[voice].labels);
  }
  return out;
}

/** Per-document (score, mentions) for one referent and voice set: the unit the bootstrap resamples. */
export function documentScores(doc: DocAnalysis, referent: string, voices: Voice[]): { score: number; mentions: number } {
  let score = 0;
  let mentions = 0;
  for (const hit of doc.hits) {
    if (hit.referent !== referent || !isAdopted(hit) || !voices.includes(hit.voice)) continue;
    score += hit.weight / 2;
    mentions++;
  }
  return { score, mentions };
}

/**
 * A compact text form of one document's counts, for holding many of them (the report builder keeps one per
 * document so that the duplicate policy can leave some out at the end). Zero voices and empty records are left
 * out and keys are not repeated: about a third of the JSON. `unpackCounts(packCounts(c), c.outlet)` equals `c`,
 * key order included.
 */
export function packCounts(c: OutletCounts): string {
  // Written straight as text, the same characters as JSON.stringify of the nested arrays (packCountsAsArrays):
  // building those arrays (entries, flat, map) for every document was garbage the main thread collected again.
  let out = `[${jsonNumber(c.documents)},${jsonNumber(c.words)},${jsonNumber(c.unresolved)},${packedPairs(c.categories)},${packedPairs(c.deviceTypes)},[`;
  let first = true;
  for (const id in c.referents) {
    const r = c.referents[id];
    out += `${first ? '' : ','}[${JSON.stringify(id)},[`;
    first = false;
    for (let k = 0; k < VOICES.length; k++) {
      const v = r.voices[VOICES[k]];
      if (k > 0) out += ',';
      out += v.mentions === 0 && v.score === 0 && isEmpty(v.labels) ? '0' : `[${jsonNumber(v.mentions)},${jsonNumber(v.score)},${packedRecord(v.labels)}]`;
    }
    out += `],${packedRecord(r.distanced)},${packedRecord(r.negated)},${jsonNumber(r.distancedNames)},${packedRecord(r.devices)}]`;
  }
  return `${out}]]`;
}

/** A number as JSON.stringify writes it (not finite: null). */
function jsonNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

function isEmpty(rec: Record<string, unknown>): boolean {
  for (const _ in rec) return false;
  return true;
}

/** A record as 0 when empty, else [key, value, key, value, …] (packCounts' `flat`), as JSON text. */
function packedRecord(rec: Record<string, number>): string {
  let out = '';
  for (const k in rec) out += `${out ? ',' : '['}${JSON.stringify(k)},${jsonNumber(rec[k])}`;
  return out ? `${out}]` : '0';
}

/** Category or device-type counts as [key, all, author, …], as JSON text. */
function packedPairs(rec: Record<string, { all: number; author: number }>): string {
  let out = '';
  for (const k in rec) out += `${out ? ',' : ''}${JSON.stringify(k)},${jsonNumber(rec[k].all)},${jsonNumber(rec[k].author)}`;
  return `[${out}]`;
}

/** packCounts as it was first written, through arrays and JSON.stringify: the reference its tests compare with. */
export function packCountsAsArrays(c: OutletCounts): string {
  const flat = (rec: Record<string, number>) => (Object.keys(rec).length === 0 ? 0 : Object.entries(rec).flat());
  const pairs = (rec: Record<string, { all: number; author: number }>) => Object.entries(rec).flatMap(([k, v]) => [k, v.all, v.author]);
  const referents = Object.entries(c.referents).map(([id, r]) => [
    id,
    VOICES.map((v) => (r.voices[v].mentions === 0 && r.voices[v].score === 0 && Object.keys(r.voices[v].labels).length === 0
      ? 0 : [r.voices[v].mentions, r.voices[v].score, flat(r.voices[v].labels)])),
    flat(r.distanced), flat(r.negated), r.distancedNames, flat(r.devices),
  ]);
  return JSON.stringify([c.documents, c.words, c.unresolved, pairs(c.categories), pairs(c.deviceTypes), referents]);
}

export function unpackCounts(packed: string, outlet: string): OutletCounts {
  type Flat = 0 | Array<string | number>;
  const record = (flat: Flat): Record<string, number> => {
    const out: Record<string, number> = {};
    if (flat !== 0) for (let k = 0; k < flat.length; k += 2) out[flat[k] as string] = flat[k + 1] as number;
    return out;
  };
  const pairs = (flat: Array<string | number>) => {
    const out: Record<string, { all: number; author: number }> = {};
    for (let k = 0; k < flat.length; k += 3) out[flat[k] as string] = { all: flat[k + 1] as number, author: flat[k + 2] as number };
    return out;
  };
  const [documents, words, unresolved, categories, deviceTypes, referents] = JSON.parse(packed) as [
    number, number, number, Array<string | number>, Array<string | number>,
    Array<[string, Array<0 | [number, number, Flat]>, Flat, Flat, number, Flat]>,
  ];
  const out: OutletCounts = { outlet, documents, words, categories: pairs(categories), deviceTypes: pairs(deviceTypes), referents: {}, unresolved };
  for (const [id, voices, distanced, negated, distancedNames, devices] of referents) {
    const r = emptyReferent();
    VOICES.forEach((v, k) => {
      const packedVoice = voices[k];
      if (packedVoice !== 0) r.voices[v] = { mentions: packedVoice[0], score: packedVoice[1], labels: record(packedVoice[2]) };
    });
    r.distanced = record(distanced);
    r.negated = record(negated);
    r.distancedNames = distancedNames;
    r.devices = record(devices);
    out.referents[id] = r;
  }
  return out;
}
