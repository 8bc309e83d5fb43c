/**
 * The streaming report builder: documents are added one at a time (`add`), builders of shards or workers combine
 * exactly (`merge`, or `toState`/`fromState` through a file or a store), and `finish` computes the report.
 *
 * What it keeps per document is small and fixed by the lexicon, not by the text: the report metadata, the
 * document's own counts (one OutletCounts, as compact JSON), its per-referent per-voice (score, mentions) — the unit
 * the bootstrap and the permutation tests resample — the place/incident names for events, and a near-duplicate
 * sketch. Word counts for keyness are summed per outlet as documents arrive. Hits, names and device hits are never
 * held: a writer streams them from wherever they are stored (see stream-json.ts).
 *
 * Why per-document counts rather than one running sum per outlet: the duplicate policy decides which documents
 * count only once every document is known (the original of a cluster is its earliest member). Counts are summed
 * at the end over the documents that count, so statistics come from merged counts, never from averaged parts.
 */
import type { DocAnalysis, Lexicon, SkippedDocument, SourceRef, Voice } from '../types.js';
import { addDocument, combineVoices, emptyOutlet, mergeCounts, packCounts, stanceOf, unpackCounts, VOICES, type OutletCounts, type ReferentCounts } from '../stats/aggregate.js';
import { bootstrapStanceColumns, DEFAULT_RESAMPLES, DEFAULT_SEED, SMALL_SAMPLE_DOCUMENTS, SMALL_SAMPLE_MENTIONS, type DocumentStanceCounts, type SparseColumn, type StanceEstimate } from '../stats/bootstrap.js';
import { keynessEachAgainstRest, keynessPair, type OutletTermCounts } from '../stats/keyness.js';
import { divergenceMatrix } from '../stats/divergence.js';
import { applyDuplicatePolicy, NearDuplicateIndex, type DuplicatePolicy, type NearDuplicateState } from '../stats/duplicates.js';
import { describeEvent, groupEventPositions, type EventSource, type FramingEvent } from '../stats/events.js';
import { LARGE_SAMPLE_DOCUMENTS } from '../stats/large-sample.js';
import { StanceColumnStream } from '../stats/stance-columns.js';
import { buildContrasts, MAX_AUTO_PAIR_OUTLETS } from '../stats/contrasts.js';
import { binOf, buildTimeline } from '../stats/timeline.js';
import { groupingFromMetadata, type Groupings } from '../stats/groupings.js';
import type { StanceDocuments } from '../stats/document-summary.js';
import type { EventDate } from '../text/event-date.js';
import { similarityLinksOf } from '../stats/event-similarity.js';
import { documentFeatures, termCounts, type DocumentFeatures } from './features.js';
import { OutletTerms, Vocabulary } from './term-table.js';
import { DEFAULT_WINDOW_DAYS } from '../stats/events.js';
import { dayNumber } from '../stats/dates.js';
import { eventMembers, USER_EVENT_PREFIX, type EventMember, type EventOverride } from '../stats/event-members.js';
import { CategoryLayer } from './categories.js';
import { stanceTestsFromContrasts } from './stance-tests.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { FileSpill, MemorySpill, type RecordSpill } from './record-spill.js';
import { CoreColumns, ID_BATCH } from './core-columns.js';
import { CHUNK_OFFSET, ChunkedPool } from '../stats/postings.js';
import { ScratchFile } from '../text/scratch-file.js';
import type {
  OutletSummary, ReferentSummary, Report, ReportDocument, ReportEvent, ReportOptions, VoiceSummary,
} from './build.js';

export const REPORT_SCHEMA = 'framelens.report/3';
/**
 * Outlets up to which every pair is tested by default (`--contrasts auto`); beyond, contrastPlan.skipped says so and
 * what to do. The same number as the contrasts' own limit, named here for the library's users of schema 2.
 */
export const MAX_TESTED_OUTLETS = MAX_AUTO_PAIR_OUTLETS;
/** The report lists at most this many near-duplicate pairs (their number grows with the square of a cluster). */
export const MAX_LISTED_PAIRS = 1000;
const BUILDER_STATE_VERSION = 1;

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;
/** p-values keep two significant digits below 0.0001 (a normal approximation can give 3e-9; that is not 0). */
const per1k = (count: number, words: number): number => (words > 0 ? round((count * 1000) / words, 3) : 0);

export { termCounts } from './features.js';

export interface ReportBuilderOptions extends Omit<ReportOptions, 'omitHits'> {
  /** The lexicon's sources and referents (the report names them); entries are not needed. */
  lexicon: Pick<Lexicon, 'sources' | 'referents'>;
  /**
   * Run near-duplicate detection (default: only when the policy needs it, i.e. not under 'keep-all'). The report
   * says whether it ran (`duplicates.detected`).
   */
  detectDuplicates?: boolean;
  /**
   * The text of an earlier document by id (a store, or the corpus in memory). With it, near-duplicate candidates
   * are counted exactly and excluded copies' words leave the keyness counts; without it, candidates are judged on
   * their sketches (pairs marked `estimated`) and excluded copies' words must have been seen as copies when added.
   */
  textOf?: (id: string) => string | undefined;
  /**
   * Where the bulky part of each document's record waits for `finish`: 'memory' (default), or 'file', a temporary
   * file (batch runs: memory then holds only what the statistics resample). Call `dispose` when done with a 'file'
   * builder.
   */
  records?: 'memory' | 'file';
}

const MEMBERS_OF = Symbol('members of');

/**
 * A report event whose members' evidence is made each time it is read (`members`, JSON.stringify through `toJSON`)
 * from the builder's columns, not kept: the finished events list then holds the events alone. Valid as long as the
 * report's document walk is (until the builder is disposed or added to). `plainEvent` gives the object with the
 * evidence in it, for a structured clone (postMessage keeps own fields only).
 */
class LazyEvent implements ReportEvent {
  declare id: string;
  declare label: string;
  declare names: string[];
  declare documents: string[];
  declare outlets: string[];
  declare dateRange: [string, string] | null;
  declare basis: ReportEvent['basis'];
  declare [MEMBERS_OF]: (e: FramingEvent) => EventMember[];

  constructor(event: Omit<ReportEvent, 'members'>, membersOf: (e: FramingEvent) => EventMember[]) {
    // Own fields in the event's key order, so that JSON (and the store's chunks) keep main's bytes; the maker of the
    // evidence is no enumerable field (left out of spreads, key lists and comparisons).
    Object.assign(this, event);
    Object.defineProperty(this, MEMBERS_OF, { value: membersOf });
  }

  get members(): EventMember[] {
    return this[MEMBERS_OF](this as unknown as FramingEvent);
  }

  toJSON(): ReportEvent {
    return { ...this, members: this.members };
  }
}

/** The event as a plain object, its members' evidence included (a LazyEvent's made now). */
export function plainEvent(e: ReportEvent): ReportEvent {
  return e instanceof LazyEvent ? e.toJSON() : e;
}

/** A finished report whose `documents` list is left empty and walked instead (ReportBuilder.finishStreaming). */
export interface StreamedReport {
  report: Report;
  /** The report's documents in order; each call walks them anew. */
  documents: () => Iterable<ReportDocument>;
  /**
   * The report's events in order (`report.events` is left empty), each made when read; each call walks them anew.
   * Valid as long as `documents` is.
   */
  events: () => Iterable<ReportEvent>;
  /**
   * Documents whose analysis has warnings: how many, and the first WARNED_LISTED of them in corpus order (what
   * `analyze` prints), noted on the report stage's walk over the records so that no caller walks them again for it.
   */
  warned: { documents: number; first: Array<{ id: string; warnings: string[] }> };
}

/** Documents with warnings that StreamedReport.warned lists. */
export const WARNED_LISTED = 5;

/** What `finish` needs beyond the builder's options. */
export interface FinishOptions {
  /** Documents skipped while reading, listed in the report. */
  skipped?: readonly SkippedDocument[];
  /** Called when a stage of the report starts (for a progress line: the report stage is long on big corpora). */
  onStage?: (stage: 'duplicates' | 'counts' | 'bootstrap' | 'keyness' | 'contrasts' | 'timeline' | 'events' | 'documents') => void;
}

/**
 * One outlet's resampled bootstrap: its counted documents and the (score, mentions) columns that are resampled over
 * them — only columns of fewer than LARGE_SAMPLE_DOCUMENTS documents (larger ones take the large-sample interval,
 * computed where the report is), so a job's size is bounded by the lexicon, never by the corpus.
 */
export interface BootstrapJob {
  documents: number;
  columns: Array<{ index: Int32Array<ArrayBuffer>; sumOfScores: Float64Array<ArrayBuffer>; mentions: Float64Array<ArrayBuffer> }>;
}

/**
 * Runs bootstrap jobs somewhere else (another thread) while the report stage goes on: each job's estimates in column
 * order, exactly what `bootstrapStanceColumns(job.documents, job.columns, options)` gives.
 */
export type BootstrapRunner = (jobs: BootstrapJob[], options: { resamples: number; seed: number }) => Promise<StanceEstimate[][]>;

/** Where `finishSteps` pauses: to hand the bootstrap jobs out, and to take their estimates back. */
type FinishStep = { start: BootstrapJob[] } | { collect: true };

/** An outlet's bootstrap, split: estimates computed here (large-sample or unmentioned columns) and a job for the rest. */
interface OutletBootstrap {
  ids: string[];
  sets: Voice[][];
  /** Per column (referent × set, referent-major); the job's columns are filled when their estimates come back. */
  estimates: Array<StanceEstimate | undefined>;
  /** Column positions of the job's columns, in job order. */
  shipped: number[];
  job: BootstrapJob;
}


/**
 * Stance triples (referent index × 3 + voice index, score, mentions) are pooled as one number each when they can be:
 * the code (below 2^12), the mentions (below 2^20) and four times the score (a whole number when the lexicon's
 * weights are multiples of a half, as they are; below 2^20 in size) share one whole number below 2^53, stored
 * negated (−1 − it). Any other triple takes two numbers: mentions × STANCE_CODES + code (0 or more), then the score.
 * Exact either way; a document's triples take 8 bytes each instead of 16 (~80 B per document, 16 MB at 200k).
 */
const STANCE_CODES = 2 ** 20;
const SHORT_CODES = 2 ** 12;
const SHORT_MENTIONS = 2 ** 20;
const SHORT_SCORES = 2 ** 21;
const SCORE_BIAS = 2 ** 20;

/** The four-times score of a triple that packs into one number, or null. */
function shortScore(code: number, score: number, mentions: number): number | null {
  const score4 = score * 4;
  return code < SHORT_CODES && mentions < SHORT_MENTIONS && Number.isInteger(score4) && !Object.is(score4, -0)
    && score4 >= -SCORE_BIAS && score4 < SCORE_BIAS ? score4 : null;
}

/** Packs a document's triples into the pool; returns where they start and how many numbers they took. */
function packStance(pool: ChunkedPool<Float64Array<ArrayBuffer>>, triples: readonly number[]): { at: number; length: number } {
  let length = 0;
  for (let x = 0; x < triples.length; x += 3) {
    const code = triples[x];
    const mentions = triples[x + 2];
    if (!(Number.isInteger(code) && code >= 0 && code < STANCE_CODES && Number.isInteger(mentions) && mentions >= 0 && mentions < 2 ** 32)) {
      throw new RangeError(`stance triple out of range: referent code ${code}, ${mentions} mentions`);
    }
    length += shortScore(code, triples[x + 1], mentions) === null ? 2 : 1;
  }
  const at = pool.reserve(length);
  const chunk = pool.chunkAt(at);
  let y = at & CHUNK_OFFSET;
  for (let x = 0; x < triples.length; x += 3) {
    const code = triples[x];
    const mentions = triples[x + 2];
    const score4 = shortScore(code, triples[x + 1], mentions);
    if (score4 !== null) chunk[y++] = -1 - ((code * SHORT_MENTIONS + mentions) * SHORT_SCORES + (score4 + SCORE_BIAS));
    else {
      chunk[y++] = mentions * STANCE_CODES + code;
      chunk[y++] = triples[x + 1];
    }
  }
  return { at, length };
}

/** The triple `readTriple` read last: code, score, mentions. */
const triple = new Float64Array(3);

/** Reads the triple at `x` of a pool chunk into `triple`; returns where the next one starts. */
function readTriple(chunk: Float64Array, x: number): number {
  const v = chunk[x];
  if (v >= 0) {
    const code = v % STANCE_CODES;
    triple[0] = code;
    triple[1] = chunk[x + 1];
    triple[2] = (v - code) / STANCE_CODES;
    return x + 2;
  }
  const packed = -1 - v;
  const low = packed % SHORT_SCORES;
  const rest = (packed - low) / SHORT_SCORES;
  const mentions = rest % SHORT_MENTIONS;
  triple[0] = (rest - mentions) / SHORT_MENTIONS;
  triple[1] = (low - SCORE_BIAS) / 4;
  triple[2] = mentions;
  return x + 1;
}

/** The rest of a document's record, read back from the spill by `finish`. */
interface DocumentBody {
  meta: ReportDocument;
  counts: string;
  opening?: string;
  categories?: number[][];
}

/** What the metadata grouping reads of a document. */
interface GroupMeta {
  outlet: string;
  meta?: Record<string, unknown>;
  source?: { file: string };
}

/** One document as the builder's state holds it (core and body together). */
interface DocumentRecord {
  meta: ReportDocument;
  /** This document's OutletCounts, packed (packCounts). */
  counts: string;
  /** (referent index × 3 + voice index, score, mentions) triples for the referents the document scores. */
  stance: number[];
  /** Place and incident names, and casualty keys from the text (for events). */
  names: string[];
  /** The story's day when the text says which (dateline, weekday, full date); absent: the metadata date, if any. */
  eventDate?: EventDate;
  /**
   * Content-word counts of the opening (text similarity for events), as one "word word:2 …" string (":1" left out): a
   * string costs a fraction of the memory of as many small arrays (the builder keeps one per document).
   */
  opening?: string;
  /** Category dictionary counts ([words, ...per category] per dictionary), when dictionaries are counted. */
  categories?: number[][];
}

/** The serialisable state of a ReportBuilder: plain JSON, for a shard file or a store. */
export interface ReportBuilderState {
  version: typeof BUILDER_STATE_VERSION;
  options: Omit<ReportBuilderOptions, 'textOf'>;
  referentIndex: string[];
  documents: DocumentRecord[];
  terms: Array<[outlet: string, total: number, counts: Array<[string, number]>]>;
  copyTerms: Array<[id: string, counts: Array<[string, number]>]>;
  skipped: SkippedDocument[];
  duplicates: NearDuplicateState | null;
}

/** The hit lists of one document as the report writes them (`documents[].hits`, `names`, `devices`). */
export function documentHits(a: Pick<DocAnalysis, 'hits' | 'names' | 'devices'>): Required<Pick<ReportDocument, 'hits' | 'names' | 'devices'>> {
  return {
    hits: a.hits.map((h) => ({ ...h })),
    names: a.names.map((n) => ({ name: n.name, referent: n.referent, start: n.start, end: n.end, text: n.text, voice: n.voice, distanced: n.distanced })),
    devices: a.devices.map((x) => ({ device: x.device, type: x.type, weight: x.weight, start: x.start, end: x.end, text: x.text, voice: x.voice, referent: x.referent })),
  };
}

function sourceText(src: SourceRef | undefined): string | undefined {
  if (!src) return undefined;
  return src.line ? `${src.file}:${src.line}` : src.file;
}

function parseOpening(opening: string | undefined): Array<[string, number]> {
  if (!opening) return [];
  return opening.split(' ').map((pair) => {
    const k = pair.lastIndexOf(':');
    return k < 0 ? [pair, 1] : [pair.slice(0, k), Number(pair.slice(k + 1))];
  });
}

export class ReportBuilder {
  readonly options: Readonly<Omit<ReportBuilderOptions, 'textOf'>>;
  private readonly voices: Voice[];
  private readonly stopwords: ReadonlySet<string> | undefined;
  private readonly categoryLayer: CategoryLayer | undefined;
  private readonly textOf?: (id: string) => string | undefined;
  /**
   * What memory keeps per document: what event grouping links (names, dates) and where its stance triples sit in
   * the stance pool (what the bootstrap and the tests resample). Everything else of a record is in its body, in the
   * record spill. A batch run's builder (records in a file) keeps only the latest ids in memory (see CoreColumns).
   */
  private readonly cores: CoreColumns;
  /**
   * Every document's stance triples, one after the other, each as one number or two (see packStance; read them with
   * readTriple). A number array per document cost ~400 bytes at 30k documents, most of it spare capacity; here a
   * triple takes 8 bytes (16 when its score is not a multiple of a quarter). A batch run's full chunks go to the
   * scratch file (the statistics read them back in passes over positions), so memory holds a few chunks at any size.
   */
  private readonly stancePool: ChunkedPool<Float64Array<ArrayBuffer>>;
  /** A batch run's file for the columns' full blocks and the pools' full chunks (~0.14 KB per document). */
  private readonly scratch: ScratchFile | undefined;
  private readonly bodies: RecordSpill<DocumentBody>;
  /** Referent ids numbered in the order first met (the stance triples' referent numbers). */
  private readonly referents = new Vocabulary();
  /** Per outlet, every document's words (excluded copies are taken out at the end). */
  private readonly terms = new Map<string, OutletTerms>();
  private readonly vocabulary = new Vocabulary();
  /**
   * Word counts (JSON of [term, count] pairs) of documents found to copy an earlier one, kept when no textOf is
   * given so that they can leave the keyness counts. Only copies pay this, a few KB each.
   */
  private readonly copyTerms = new Map<string, string>();
  private readonly skipped: SkippedDocument[] = [];
  private duplicates: NearDuplicateIndex | null;

  constructor(options: ReportBuilderOptions) {
    const { textOf, records: _records, ...rest } = options;
    this.options = { ...rest, lexicon: { sources: options.lexicon.sources, referents: options.lexicon.referents } };
    this.voices = options.voices ?? ['author'];
    this.stopwords = options.stopwords?.length ? new Set(options.stopwords) : undefined;
    this.categoryLayer = options.dictionaries?.length ? new CategoryLayer(options.dictionaries) : undefined;
    this.textOf = textOf;
    this.scratch = options.records === 'file' ? new ScratchFile('report builder') : undefined;
    this.cores = new CoreColumns(options.records === 'file' ? ID_BATCH : Infinity, this.scratch);
    this.stancePool = new ChunkedPool((n) => new Float64Array(n), this.scratch);
    this.bodies = options.records === 'file' ? new FileSpill<DocumentBody>() : new MemorySpill<DocumentBody>();
    const policy = options.duplicatePolicy ?? 'first-outlet-only';
    applyDuplicatePolicy([], policy); // rejects an unknown policy now, not after the corpus
    const detect = options.detectDuplicates ?? policy !== 'keep-all';
    // The builder refuses repeated ids itself (`add`, `merge`), so the index need not keep a set of them, and it
    // adds documents in the columns' order with the same id, outlet and date, so the index reads those from the
    // columns instead of holding its own arrays.
    const cores = this.cores;
    this.duplicates = detect
      ? new NearDuplicateIndex({}, textOf, false, { id: (k) => cores.id(k), outlet: (k) => cores.outlet(k), date: (k) => cores.date(k) })
      : null;
    for (const r of options.lexicon.referents) this.referents.id(r.id);
  }

  /** Documents added so far. */
  get size(): number {
    return this.cores.length;
  }

  /** Deletes the record spill's file (a 'file' builder); the builder is unusable afterwards. */
  dispose(): void {
    this.bodies.dispose();
    this.cores.close();
    this.scratch?.close();
  }

  private push(r: DocumentRecord): void {
    const stance = packStance(this.stancePool, r.stance);
    this.cores.push({
      id: r.meta.id, outlet: r.meta.outlet, words: r.meta.words, date: r.meta.date, event: r.meta.event, names: r.names,
      eventDate: r.eventDate, stanceStart: stance.at, stanceLength: stance.length,
    });
    const body: DocumentBody = { meta: r.meta, counts: r.counts };
    if (r.opening !== undefined) body.opening = r.opening;
    if (r.categories) body.categories = r.categories;
    this.bodies.push(body);
  }

  /** A document's stance triples as a plain array (for records; the bootstrap reads the pool directly). */
  private stanceOf(k: number): number[] {
    const packed = this.stancePool.view(this.cores.stanceStart(k), this.cores.stanceLength(k));
    const triples: number[] = [];
    for (let x = 0; x < packed.length;) {
      x = readTriple(packed, x);
      triples.push(triple[0], triple[1], triple[2]);
    }
    return triples;
  }

  /** Every record, core and body together, in the order added. */
  private *records(): Generator<DocumentRecord> {
    let k = 0;
    for (const body of this.bodies.records()) {
      const core = this.cores.get(k);
      const r: DocumentRecord = { meta: body.meta, counts: body.counts, stance: this.stanceOf(k++), names: core.names };
      if (body.opening !== undefined) r.opening = body.opening;
      if (body.categories) r.categories = body.categories;
      if (core.eventDate) r.eventDate = core.eventDate;
      yield r;
    }
  }

  /**
   * Adds one analyzed document (its text: for keyness words and near-duplicates; it is not kept). `features`: what
   * documentFeatures gives for the text, when it was computed elsewhere (an analysis worker); computed here if absent.
   */
  add(analysis: DocAnalysis, document: { id?: string; text: string; source?: SourceRef; language?: string; meta?: Record<string, unknown> }, features?: DocumentFeatures): void {
    if (this.cores.has(analysis.id)) throw new RangeError(`duplicate document id: ${analysis.id}`);
    const a = analysis;
    // The document's own id string where it is the same id: the corpus reader holds that one for the whole run
    // anyway, while an analysis from a worker brings a copy (~40 B per document held twice).
    const id = document.id === a.id ? document.id : a.id;
    const meta: ReportDocument = { id, outlet: a.outlet, title: a.title, date: a.date, url: a.url, event: a.event, words: a.words };
    const src = sourceText(document.source);
    if (src) meta.source = src;
    if (document.language) meta.language = document.language;
    if (document.meta && Object.keys(document.meta).length > 0) meta.meta = { ...document.meta };
    if (a.warnings.length) meta.warnings = [...a.warnings];
    if (a.collapsedBlocks) meta.collapsedBlocks = a.collapsedBlocks;

    const counts = emptyOutlet(a.outlet);
    addDocument(counts, a);
    const stance: number[] = [];
    for (const [ref, r] of Object.entries(counts.referents)) {
      const k = this.referents.id(ref);
      VOICES.forEach((v, vi) => {
        if (r.voices[v].mentions > 0) stance.push(k * 3 + vi, r.voices[v].score, r.voices[v].mentions);
      });
    }
    const f = features ?? documentFeatures(document.text, a.date, this.stopwords);
    const names = [...a.names.filter((n) => n.type === 'place' || n.type === 'incident').map((n) => n.name), ...f.casualties];
    const record: DocumentRecord = { meta, counts: packCounts(counts), stance, names, opening: f.opening };
    if (this.categoryLayer) record.categories = this.categoryLayer.count(document.text);
    if (f.eventDate) record.eventDate = f.eventDate;
    this.push(record);

    const words = f.terms;
    const outletTerms = this.termsOf(a.outlet);
    for (const [t, n] of words) {
      outletTerms.add(t, n);
      outletTerms.total += n;
    }
    if (this.duplicates) {
      const pairs = f.sketch
        ? this.duplicates.addSketch({ id, outlet: a.outlet, date: a.date }, f.sketch)
        : this.duplicates.add({ id, outlet: a.outlet, text: document.text, date: a.date });
      if (pairs.length > 0 && !this.textOf) this.copyTerms.set(id, JSON.stringify([...words]));
    }
  }

  /** Records input that could not be read (listed in the report). */
  addSkipped(skipped: Iterable<SkippedDocument>): void {
    for (const s of skipped) this.skipped.push(s);
  }

  /** Adds every document of `other` after this builder's own (a shard after the previous ones). Exact. */
  merge(other: ReportBuilder): this {
    const mine = JSON.stringify({ ...this.options, lexicon: this.options.lexicon.sources.map((s) => s.sha256) });
    const theirs = JSON.stringify({ ...other.options, lexicon: other.options.lexicon.sources.map((s) => s.sha256) });
    if (mine !== theirs) throw new RangeError(`cannot merge reports built with different settings or lexicons: ${mine} vs ${theirs}`);
    for (let k = 0; k < other.cores.length; k++) {
      if (this.cores.has(other.cores.id(k))) throw new RangeError(`duplicate document id across merged parts: ${other.cores.id(k)}`);
    }
    const remap = other.referents.words.map((id) => this.referents.id(id));
    for (const r of other.records()) {
      const stance = [...r.stance];
      for (let k = 0; k < stance.length; k += 3) {
        const ref = Math.floor(stance[k] / 3);
        stance[k] = remap[ref] * 3 + (stance[k] % 3);
      }
      this.push({ ...r, stance });
    }
    for (const [outlet, t] of other.terms) {
      const into = this.termsOf(outlet);
      into.total += t.total;
      for (const [term, n] of t) into.add(term, n);
    }
    for (const [id, words] of other.copyTerms) this.copyTerms.set(id, words);
    this.skipped.push(...other.skipped);
    if (this.duplicates && other.duplicates) this.duplicates.merge(other.duplicates);
    else if (this.duplicates || other.duplicates) throw new RangeError('cannot merge a report with near-duplicate detection and one without');
    return this;
  }

  toState(): ReportBuilderState {
    return {
      version: BUILDER_STATE_VERSION,
      options: this.options,
      referentIndex: [...this.referents.words],
      documents: [...this.records()],
      terms: [...this.terms].map(([outlet, t]) => [outlet, t.total, [...t]]),
      copyTerms: [...this.copyTerms].map(([id, words]) => [id, JSON.parse(words) as Array<[string, number]>]),
      skipped: this.skipped,
      duplicates: this.duplicates ? this.duplicates.toState() : null,
    };
  }

  static fromState(state: ReportBuilderState, textOf?: (id: string) => string | undefined): ReportBuilder {
    if (state?.version !== BUILDER_STATE_VERSION) {
      throw new RangeError(`report builder state: unknown version ${String(state?.version)} (this framelens reads version ${BUILDER_STATE_VERSION})`);
    }
    const builder = new ReportBuilder({ ...state.options, textOf });
    for (const id of state.referentIndex) builder.referents.id(id);
    for (const r of state.documents) {
      if (builder.cores.has(r.meta.id)) throw new RangeError(`report builder state: duplicate document id ${r.meta.id}`);
      builder.push(r);
    }
    for (const [outlet, total, counts] of state.terms) {
      const t = builder.termsOf(outlet);
      t.total = total;
      for (const [term, n] of counts) t.add(term, n);
    }
    for (const [id, words] of state.copyTerms) builder.copyTerms.set(id, JSON.stringify(words));
    builder.skipped.push(...state.skipped);
    builder.duplicates = state.duplicates ? NearDuplicateIndex.fromState(state.duplicates, textOf, false) : null;
    return builder;
  }

  /** The report, without hits in `documents` (stream them with writeReportJson). The builder stays usable. */
  finish(options: FinishOptions = {}): Report {
    const { report, documents, events } = this.finishStreaming(options);
    options.onStage?.('documents');
    report.documents = [...documents()];
    // A whole report is held (and may be posted to another thread): its events carry their evidence as fields.
    report.events = Array.from(events(), plainEvent);
    return report;
  }

  /**
   * The report with an empty `documents` list, and the documents as a walk over the record spill: a writer
   * streams them (and the store keeps them in chunks) instead of holding a list as long as the corpus. The walk
   * may be repeated; it reads the builder's records, so it is valid until the builder is disposed or added to.
   */
  finishStreaming(options: FinishOptions = {}): StreamedReport {
    const steps = this.finishSteps(options);
    let step = steps.next();
    let estimates: StanceEstimate[][] = [];
    while (!step.done) {
      if ('start' in step.value) {
        const opts = this.bootstrapOptions();
        estimates = step.value.start.map((job) => bootstrapStanceColumns(job.documents, job.columns, opts));
        step = steps.next();
      } else step = steps.next(estimates);
    }
    return step.value;
  }

  /**
   * `finishStreaming` with the outlets' resampled bootstrap handed to `runner` (a thread: src/worker/bootstrap.ts)
   * while this thread computes keyness, contrasts, the timeline and events; the same report. On a machine with a
   * core to spare, the report stage's longest part no longer runs after the rest.
   */
  async finishStreamingAsync(options: FinishOptions & { bootstrap: BootstrapRunner }): Promise<StreamedReport> {
    const steps = this.finishSteps(options);
    let step = steps.next();
    let pending: Promise<StanceEstimate[][]> | undefined;
    while (!step.done) {
      if ('start' in step.value) {
        pending = options.bootstrap(step.value.start, this.bootstrapOptions());
        // Awaited below; until then a failure must not surface as an unhandled rejection if this thread fails first.
        pending.catch(() => {});
        step = steps.next();
      } else step = steps.next(await pending);
    }
    return step.value;
  }

  private bootstrapOptions(): { resamples: number; seed: number } {
    return { resamples: this.options.resamples ?? DEFAULT_RESAMPLES, seed: this.options.seed ?? DEFAULT_SEED };
  }

  /**
   * The report stage as steps: it yields the outlets' bootstrap jobs as soon as the counts are known, goes on with
   * everything that does not need their estimates, and yields again to take them (see the two drivers above).
   */
  private *finishSteps(options: FinishOptions): Generator<FinishStep, StreamedReport, StanceEstimate[][] | undefined> {
    const stage = options.onStage ?? (() => {});
    const voices = this.voices;
    const resamples = this.options.resamples ?? DEFAULT_RESAMPLES;
    const seed = this.options.seed ?? DEFAULT_SEED;
    const duplicatePolicy: DuplicatePolicy = this.options.duplicatePolicy ?? 'first-outlet-only';
    const minFrequency = this.options.minFrequency ?? 3;

    stage('duplicates');
    const dup = this.duplicates ? this.duplicates.result() : { pairs: [], clusters: [] };
    const excluded = applyDuplicatePolicy(dup.clusters, duplicatePolicy);
    const originalOf = new Map<string, string>();
    for (const c of dup.clusters) for (const m of c.members) if (excluded.has(m.id)) originalOf.set(m.id, c.original);

    stage('counts');
    // One walk over the records: outlet counts, the headline-voice label counts (keyness, and per time bin for the
    // timeline), its metadata groups and category counts. Per outlet, in document order; the
    // outlets in order of their first counted document, and outlets whose every document is a copy follow, with
    // zero counts, so nothing vanishes from view.
    const byOutlet = new Map<string, OutletCounts>();
    const countedByOutlet = new Map<string, number[]>();
    const perOutlet = new Map<string, { labels: Map<string, number>; words: number; groupMeta: GroupMeta[]; categories: Array<number[][] | undefined> }>();
    let collapsedBlocks = 0;
    const warned: StreamedReport['warned'] = { documents: 0, first: [] };
    // The timeline's label counts per outlet, bin and referent (outlet NUL bin NUL referent), summed as documents are
    // read: what the statistics would otherwise read from a summary kept per document.
    const timelineBy = this.options.timeline;
    const binLabels = new Map<string, Record<string, number>>();
    let k = 0;
    for (const body of this.bodies.records()) {
      const position = k++;
      const outlet = this.cores.outlet(position);
      collapsedBlocks += body.meta.collapsedBlocks ?? 0;
      if (body.meta.warnings?.length) {
        if (warned.documents++ < WARNED_LISTED) warned.first.push({ id: body.meta.id, warnings: body.meta.warnings });
      }
      if (excluded.size > 0 && excluded.has(body.meta.id)) continue;
      let c = byOutlet.get(outlet);
      let o = perOutlet.get(outlet);
      if (!c || !o) {
        byOutlet.set(outlet, (c = emptyOutlet(outlet)));
        countedByOutlet.set(outlet, []);
        perOutlet.set(outlet, (o = { labels: new Map(), words: 0, groupMeta: [], categories: [] }));
      }
      countedByOutlet.get(outlet)!.push(position);
      const counts = unpackCounts(body.counts, outlet);
      const bin = timelineBy ? binOf(this.cores.date(position), timelineBy) : null;
      if (bin !== null) {
        // Read before merging: the outlet's counts may take this document's records in.
        for (const [id, ref] of Object.entries(counts.referents)) {
          const v = combineVoices(ref, voices);
          if (v.mentions === 0) continue;
          const key = `${outlet}\u0000${bin}\u0000${id}`;
          let sum = binLabels.get(key);
          if (!sum) binLabels.set(key, (sum = {}));
          for (const label in v.labels) sum[label] = (sum[label] ?? 0) + v.labels[label];
        }
      }
      o.words += body.meta.words;
      // Adopted label hits in the headline voices, in hit order: the same keys as counting the hits directly.
      for (const ref of Object.values(counts.referents)) {
        for (const v of voices) for (const [label, n] of Object.entries(ref.voices[v].labels)) o.labels.set(label, (o.labels.get(label) ?? 0) + n);
      }
      // Only documents that carry a group can define one (groupingFromMetadata skips the others): the rest cost
      // nothing here.
      const group = body.meta.meta?.group;
      if (group !== undefined && group !== null && group !== '') {
        o.groupMeta.push({ outlet, meta: body.meta.meta, source: body.meta.source ? { file: body.meta.source } : undefined });
      }
      if (this.categoryLayer) o.categories.push(body.categories);
      mergeCounts(c, counts);
    }
    for (let x = 0; x < this.cores.length; x++) {
      const outlet = this.cores.outlet(x);
      if (!byOutlet.has(outlet)) byOutlet.set(outlet, emptyOutlet(outlet));
    }

    stage('bootstrap');
    const referentIds = this.options.lexicon.referents.map((r) => r.id);
    const outletCounts = [...byOutlet.values()];
    const bootstraps = outletCounts.map((c) => this.outletBootstrap(c, countedByOutlet.get(c.outlet) ?? [], referentIds, voices, resamples, seed));
    yield { start: bootstraps.map((b) => b.job) };
    for (const b of bootstraps) b.job.columns = [];

    stage('keyness');
    const labelCounts = new Map<string, OutletTermCounts>();
    const wordCounts = new Map<string, OutletTermCounts>();
    for (const [outlet, o] of perOutlet) {
      labelCounts.set(outlet, { counts: o.labels, total: o.words });
      wordCounts.set(outlet, this.countedTerms(outlet, excluded));
    }
    const keynessOpts = { minFrequency };
    const eachAgainstRest = (m: Map<string, OutletTermCounts>) =>
      m.size >= 2 ? Object.fromEntries([...keynessEachAgainstRest(m, keynessOpts)].map(([k, rows]) => [k, rows.slice(0, 50)])) : {};
    const pairOf = (m: Map<string, OutletTermCounts>) => {
      if (!this.options.pair) return undefined;
      const [target, reference] = this.options.pair;
      return { target, reference, rows: keynessPair(m, target, reference, keynessOpts).slice(0, 100) };
    };

    stage('contrasts');
    // The counted documents, each outlet's together, as the statistics read them: positions into the columns.
    const summaries = this.stanceDocuments(countedByOutlet, byOutlet, binLabels);
    const groupings = this.groupings([...perOutlet.values()].flatMap((o) => o.groupMeta));
    const contrastResult = buildContrasts(summaries, {
      referents: referentIds, groupings, outletPairs: this.options.contrasts ?? 'auto', beforeAfter: this.options.beforeAfter,
      resamples, permutations: this.options.permutations, seed,
    });
    // The schema-2 section, now the tested outlet-pair contrasts in its shape (report/stance-tests.ts).
    const stanceTests = stanceTestsFromContrasts(contrastResult.contrasts);

    stage('timeline');
    const timeline = this.options.timeline
      ? buildTimeline(summaries, { by: this.options.timeline, referents: referentIds, groupings, resamples, seed })
      : null;
    const dictionaries = this.categoryLayer
      ? this.categoryLayer.summarize([...perOutlet].flatMap(([outlet, o]) => o.categories.map((counts) => ({ outlet, counts }))), groupings)
      : [];
    perOutlet.clear();
    binLabels.clear();

    stage('events');
    const userEvents = new Map<string, EventOverride>();
    for (const e of this.options.events ?? []) for (const id of e.documents) userEvents.set(id, e);
    // What grouping links, read from the columns by position as often as it asks: no object per document.
    const cores = this.cores;
    const source: EventSource = {
      length: cores.length,
      id: (k) => cores.id(k),
      outlet: (k) => cores.outlet(k),
      // The story's day from the text when the metadata has none (or a dateline / "on Sunday" says which day it was).
      date: (k) => cores.eventDate(k)?.day ?? cores.date(k),
      event: (k) => {
        const user = userEvents.size > 0 ? userEvents.get(cores.id(k)) : undefined;
        return user ? `${USER_EVENT_PREFIX}${user.name}` : cores.event(k);
      },
      names: (k) => cores.names(k),
    };
    // Openings are read from the spill and parsed one at a time as the similarity index takes them in, in order.
    const openings = this.bodies.records()[Symbol.iterator]();
    const similar = similarityLinksOf(cores.length, (i) => {
      const body = openings.next();
      if (body.done) throw new Error(`report builder: the record spill ended before document ${i + 1} of ${cores.length}`);
      return { terms: parseOpening(body.value.opening), day: dayNumber(source.date(i)), fixed: Boolean(source.event(i)?.trim()) };
    }, { windowDays: DEFAULT_WINDOW_DAYS });
    openings.return?.();
    // Casualty keys read as "3 killed" in event labels.
    const nameLabels = new Map<string, string>();
    for (let k = 0; k < cores.length; k++) for (const n of cores.names(k)) if (n.startsWith('killed:')) nameLabels.set(n, `${n.slice(7)} killed`);
    const grouped = groupEventPositions(source, { extraLinks: similar, nameLabels });
    // Each document's similar-text links to members of its own event (the only ones its evidence names), in link
    // order, as offsets into two typed arrays, kept while the events are: a map of id strings and an object per link
    // was ~200 B per linked document, and the links that end up between events were most of them.
    const eventOf = new Int32Array(cores.length);
    for (let e = 0; e < grouped.count; e++) for (let x = grouped.starts[e]; x < grouped.starts[e + 1]; x++) eventOf[grouped.members[x]] = e;
    const linkStart = new Uint32Array(cores.length + 1);
    let kept = 0;
    for (let l = 0; l < similar.length; l++) {
      if (eventOf[similar.i[l]] !== eventOf[similar.j[l]]) continue;
      linkStart[similar.i[l] + 1]++, linkStart[similar.j[l] + 1]++;
      kept++;
    }
    for (let k = 0; k < cores.length; k++) linkStart[k + 1] += linkStart[k];
    const linkOther = new Uint32Array(kept * 2);
    const linkCosine = new Float64Array(kept * 2);
    const filled = linkStart.slice(0, cores.length);
    for (let l = 0; l < similar.length; l++) {
      const i = similar.i[l];
      const j = similar.j[l];
      if (eventOf[i] !== eventOf[j]) continue;
      linkOther[filled[i]] = j, linkCosine[filled[i]++] = similar.strength[l];
      linkOther[filled[j]] = i, linkCosine[filled[j]++] = similar.strength[l];
    }
    const similarTo = (k: number) => {
      if (linkStart[k] === linkStart[k + 1]) return undefined;
      const out: Array<{ id: string; cosine: number }> = [];
      for (let x = linkStart[k]; x < linkStart[k + 1]; x++) out.push({ id: cores.id(linkOther[x]), cosine: linkCosine[x] });
      return out;
    };
    // Each member's evidence is made when an event is read (written to JSON, a CSV row, a store chunk) and dropped
    // after: held for every event at once it was ~1 KB per document at 200k, the report stage's largest holder.
    // An event's members are found by position: its ids are its positions' ids in the same order (describeEvent),
    // so no id is looked up by value (a batch run's earlier ids are in a scratch database).
    const evidenceOf = (x: number, e: FramingEvent) => {
      const positions = new Map<string, number>();
      for (let y = grouped.starts[x], m = 0; y < grouped.starts[x + 1]; y++, m++) positions.set(e.documents[m], grouped.members[y]);
      return { get: (id: string) => evidenceAt(positions.get(id)) };
    };
    const evidenceAt = (k: number | undefined) => {
      if (k === undefined) return undefined;
      const date = cores.date(k);
      return {
        event: cores.event(k), names: cores.names(k), similar: similarTo(k),
        date: cores.eventDate(k) ?? (dayNumber(date) === null ? null : { day: date!.slice(0, 10), from: 'metadata' as const }),
      };
    };
    const membersOf = (x: number) => (e: FramingEvent) => eventMembers([e], evidenceOf(x, e), userEvents).get(e.id) ?? [];
    // The events themselves are described when read, too: what stays is each event's members as positions (4 bytes
    // per document), where the described list was ~345 B per document at 200k.
    const events = function* (): Generator<ReportEvent> {
      for (let x = 0; x < grouped.count; x++) {
        const e = describeEvent(grouped, x, source, { nameLabels });
        const user = e.basis === 'metadata' && e.label.startsWith(USER_EVENT_PREFIX);
        yield new LazyEvent(user ? { ...e, label: e.label.slice(USER_EVENT_PREFIX.length), basis: 'user' as const } : e, membersOf(x));
      }
    };

    const shippedEstimates = yield { collect: true };
    if (!shippedEstimates || shippedEstimates.length !== bootstraps.length) {
      throw new Error(`report builder: the bootstrap gave ${shippedEstimates?.length ?? 'no'} answers for ${bootstraps.length} outlets`);
    }
    const outlets: OutletSummary[] = outletCounts.map((c, x) => this.summarizeOutlet(c, bootstraps[x], shippedEstimates[x], voices));

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

    const documents = () => this.reportDocuments(excluded, originalOf, duplicatePolicy);

    const report: Report = {
      schema: REPORT_SCHEMA,
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      lexicons: this.options.lexicon.sources.map((s) => ({ name: s.name, version: s.version, sha256: s.sha256 })),
      settings: {
        voices,
        bootstrap: { resamples, seed },
        largeSample: { documents: LARGE_SAMPLE_DOCUMENTS },
        duplicatePolicy,
        smallSample: { documents: SMALL_SAMPLE_DOCUMENTS, mentions: SMALL_SAMPLE_MENTIONS },
        minFrequency,
      },
      referents: this.options.lexicon.referents.map((r) => ({ id: r.id, label: r.label })),
      corpus: {
        documents: this.cores.length,
        words: this.cores.wordCount,
        outlets: outlets.length,
        skipped: [...this.skipped, ...(options.skipped ?? [])],
        excluded: excluded.size,
        ...(collapsedBlocks ? { collapsedBlocks } : {}),
      },
      outlets,
      keyness: {
        labels: { eachAgainstRest: eachAgainstRest(labelCounts), pair: pairOf(labelCounts) },
        terms: { eachAgainstRest: eachAgainstRest(wordCounts), pair: pairOf(wordCounts) },
      },
      divergence,
      stanceTests,
      groups: contrastResult.groups,
      contrasts: contrastResult.contrasts,
      contrastPlan: contrastResult.plan,
      timeline,
      dictionaries,
      events: [],
      duplicates: {
        policy: duplicatePolicy,
        detected: this.duplicates !== null,
        pairCount: dup.pairs.length,
        pairs: dup.pairs.slice(0, MAX_LISTED_PAIRS),
        clusters: dup.clusters,
        excluded: [...excluded],
      },
      documents: [],
    };
    return { report, documents, events, warned };
  }

  /** The report's `documents`, one at a time from the record spill, in the order added. */
  private *reportDocuments(excluded: ReadonlySet<string>, originalOf: ReadonlyMap<string, string>, duplicatePolicy: DuplicatePolicy): Generator<ReportDocument> {
    let k = 0;
    for (const r of this.bodies.records()) {
      const own = Object.entries(this.headlineStance(k++));
      const { warnings: w, ...metaHead } = r.meta;
      const d: ReportDocument = { ...metaHead };
      if (r.categories && this.categoryLayer) {
        const dicts = this.categoryLayer.categoryNames;
        d.categories = r.categories.map((row, k) => ({ words: row[0], counts: Object.fromEntries(dicts[k].map((cat, i) => [cat, row[i + 1]])) }));
      }
      if (own.length) d.stance = Object.fromEntries(own.map(([ref, m]) => [ref, { mentions: m.mentions, stance: round(m.score / m.mentions) }]));
      if (w) d.warnings = w;
      if (excluded.has(d.id)) {
        // Same key order as before: `excluded` sits before `warnings`.
        const { warnings, ...head } = d;
        yield { ...head, excluded: `near-duplicate of ${originalOf.get(d.id)} (policy ${duplicatePolicy})`, ...(warnings ? { warnings } : {}) };
      } else yield d;
    }
  }

  /**
   * A document's (score, mentions) in the headline voices per referent that has headline mentions, from the stance
   * pool: what documentSummary gives without its labels, with the same sums in the same order (voices in
   * `this.voices` order, absent ones adding 0), and without reading its packed counts back. A document's triples
   * come grouped by referent, in the order of its counts' referents.
   */
  private headlineStance(k: number): Record<string, { score: number; mentions: number }> {
    const out: Record<string, { score: number; mentions: number }> = {};
    const start = this.cores.stanceStart(k);
    const pool = this.stancePool.chunkAt(start);
    const scores = [0, 0, 0];
    const mentions = [0, 0, 0];
    const end = (start & CHUNK_OFFSET) + this.cores.stanceLength(k);
    let x = start & CHUNK_OFFSET;
    let next = x < end ? readTriple(pool, x) : end;
    while (x < end) {
      const ref = Math.floor(triple[0] / 3);
      scores.fill(0);
      mentions.fill(0);
      // `triple` holds the triple at x; `next` is where the one after it starts.
      while (x < end && Math.floor(triple[0] / 3) === ref) {
        mentions[triple[0] % 3] = triple[2];
        scores[triple[0] % 3] = triple[1];
        x = next;
        if (x < end) next = readTriple(pool, x);
      }
      const v = { score: 0, mentions: 0 };
      for (const voice of this.voices) {
        const vi = VOICES.indexOf(voice);
        v.mentions += mentions[vi];
        v.score += scores[vi];
      }
      if (v.mentions > 0) out[this.referents.words[ref]] = v;
    }
    return out;
  }

  /**
   * The counted documents (`counted`: positions per outlet, in order) as the group, contrast and timeline statistics
   * read them: a document's headline (score, mentions) per referent from the stance pool when asked, label counts
   * from the outlets' summed counts (`byOutlet`) and, per time bin, from `binLabels`. What it holds per document is
   * its position (4 bytes); a summary object per document was ~260 B at 200k documents.
   */
  private stanceDocuments(
    counted: ReadonlyMap<string, readonly number[]>, byOutlet: ReadonlyMap<string, OutletCounts>, binLabels: ReadonlyMap<string, Record<string, number>>,
  ): StanceDocuments {
    let length = 0;
    for (const list of counted.values()) length += list.length;
    const positions = new Int32Array(length);
    let x = 0;
    for (const list of counted.values()) for (const p of list) positions[x++] = p;
    const voiceIndices = this.voices.map((v) => VOICES.indexOf(v));
    const scores = new Float64Array(3);
    const mentions = new Float64Array(3);
    const outletLabels = new Map<string, Record<string, number> | undefined>();
    return {
      length,
      outlet: (k) => this.cores.outlet(positions[k]),
      date: (k) => this.cores.date(positions[k]),
      stance: (k, referent) => {
        const r = this.referents.find(referent);
        scores.fill(0);
        mentions.fill(0);
        if (r !== undefined) {
          const p = positions[k];
          const start = this.cores.stanceStart(p);
          const pool = this.stancePool.chunkAt(start);
          for (let y = start & CHUNK_OFFSET, end = y + this.cores.stanceLength(p); y < end;) {
            y = readTriple(pool, y);
            const code = triple[0];
            if (Math.floor(code / 3) !== r) continue;
            mentions[code % 3] = triple[2];
            scores[code % 3] = triple[1];
          }
        }
        // The sums combineVoices makes, in the same order (headline voices in order, from 0).
        let sumOfScores = 0;
        let count = 0;
        for (const vi of voiceIndices) {
          count += mentions[vi];
          sumOfScores += scores[vi];
        }
        return count > 0 ? { sumOfScores, mentions: count } : { sumOfScores: 0, mentions: 0 };
      },
      labels: (outlet, referent, bin) => {
        if (bin !== undefined) return binLabels.get(`${outlet}\u0000${bin}\u0000${referent}`);
        const key = `${outlet}\u0000${referent}`;
        if (!outletLabels.has(key)) {
          const ref = byOutlet.get(outlet)?.referents[referent];
          outletLabels.set(key, ref ? combineVoices(ref, this.voices).labels : undefined);
        }
        return outletLabels.get(key);
      },
    };
  }

  /** The groupings given in the options, plus the one a `group` metadata field defines (unless one is named so). */
  private groupings(documents: readonly GroupMeta[]): Groupings {
    const out: Groupings = new Map(Object.entries(this.options.groups ?? {}).map(([g, m]) => [g, new Map(Object.entries(m))]));
    if (!out.has('group')) {
      const fromMeta = groupingFromMetadata(documents);
      if (fromMeta) out.set('group', fromMeta);
    }
    return out;
  }

  private termsOf(outlet: string): OutletTerms {
    let t = this.terms.get(outlet);
    if (!t) this.terms.set(outlet, (t = new OutletTerms(this.vocabulary)));
    return t;
  }

  /** The outlet's word counts without its excluded copies. */
  private countedTerms(outlet: string, excluded: ReadonlySet<string>): OutletTermCounts {
    const terms = this.terms.get(outlet);
    const all = { total: terms?.total ?? 0, counts: terms ?? new Map<string, number>() };
    const gone: string[] = [];
    if (excluded.size > 0) {
      for (let k = 0; k < this.cores.length; k++) {
        if (this.cores.outlet(k) !== outlet) continue;
        const id = this.cores.id(k);
        if (excluded.has(id)) gone.push(id);
      }
    }
    if (gone.length === 0) return { counts: all.counts, total: all.total };
    const counts = new Map(all.counts);
    let total = all.total;
    for (const id of gone) {
      const kept = this.copyTerms.get(id);
      let words = kept === undefined ? undefined : new Map(JSON.parse(kept) as Array<[string, number]>);
      if (!words) {
        const text = this.textOf?.(id);
        if (text === undefined) {
          throw new RangeError(`cannot take the excluded copy ${id} out of the keyness word counts: its text is not at hand; give the report builder a textOf lookup`);
        }
        words = termCounts(text, this.stopwords);
      }
      for (const [t, n] of words) {
        const left = (counts.get(t) ?? 0) - n;
        if (left > 0) counts.set(t, left);
        else counts.delete(t);
        total -= n;
      }
    }
    return { counts, total };
  }

  /**
   * An outlet's (score, mentions) columns for every referent and voice set, over its counted documents: one pass of
   * resampling serves them all (bootstrapStanceColumns), the same results as one bootstrap per referent and voice.
   * Streamed (StanceColumnStream): a column is held as entries only below LARGE_SAMPLE_DOCUMENTS, as sums past it.
   */
  private stanceColumns(docs: readonly number[], referents: readonly string[], sets: readonly Voice[][]): StanceColumnStream {
    const stream = new StanceColumnStream(referents.length * sets.length);
    this.eachStanceEntry(docs, referents, sets, (column, position, score, mentions) => stream.add(column, position, score, mentions));
    stream.finish();
    return stream;
  }

  /**
   * Column `only`'s entries whole (index, summed score, summed mentions per document that has a triple of it): the
   * rare large column that must still be resampled (StanceColumnStream.largeEstimate answers undefined).
   */
  private wholeStanceColumn(docs: readonly number[], referents: readonly string[], sets: readonly Voice[][], only: number): SparseColumn {
    const col = { index: [] as number[], sumOfScores: [] as number[], mentions: [] as number[] };
    this.eachStanceEntry(docs, referents, sets, (column, position, score, mentions) => {
      if (column !== only) return;
      const last = col.index.length - 1;
      if (last >= 0 && col.index[last] === position) {
        col.sumOfScores[last] += score;
        col.mentions[last] += mentions;
      } else {
        col.index.push(position);
        col.sumOfScores.push(score);
        col.mentions.push(mentions);
      }
    });
    return col;
  }

  /** Every (column, document position, score, mentions) of the outlet's stance triples, in position order. */
  private eachStanceEntry(docs: readonly number[], referents: readonly string[], sets: readonly Voice[][], visit: (column: number, position: number, score: number, mentions: number) => void): void {
    const wanted = new Map<number, number>(); // referent index → position in `referents`
    referents.forEach((id, k) => wanted.set(this.referents.id(id), k));
    const setsOfVoice = VOICES.map((v) => sets.flatMap((set, k) => (set.includes(v) ? [k] : [])));
    const setCount = sets.length;
    for (let position = 0; position < docs.length; position++) {
      const doc = docs[position];
      const start = this.cores.stanceStart(doc);
      const pool = this.stancePool.chunkAt(start);
      for (let x = start & CHUNK_OFFSET, end = x + this.cores.stanceLength(doc); x < end;) {
        x = readTriple(pool, x);
        const code = triple[0];
        const k = wanted.get(Math.floor(code / 3));
        if (k === undefined) continue;
        const score = triple[1];
        const mentions = triple[2];
        for (const set of setsOfVoice[code % 3]) visit(k * setCount + set, position, score, mentions);
      }
    }
  }

  /**
   * An outlet's bootstrap, split where it can run: columns of LARGE_SAMPLE_DOCUMENTS or more documents take the
   * large-sample interval (no resampling) and are estimated here from their sums, the rest become the outlet's job,
   * as typed arrays (they move to another thread without a copy). Every column's estimate depends only on its own
   * values, the document count and the seed, so the split gives the same estimates as one call over all columns.
   */
  private outletBootstrap(c: OutletCounts, docs: readonly number[], referentIds: string[], voices: Voice[], resamples: number, seed: number): OutletBootstrap {
    const ids = [...new Set([...referentIds, ...Object.keys(c.referents)])].filter((id) => c.referents[id]);
    // The usual headline is one voice (the author's): its summary is reused instead of bootstrapping it twice.
    const sets: Voice[][] = [...VOICES.map((v) => [v]), ...(voices.length === 1 ? [] : [voices])];
    const stream = this.stanceColumns(docs, ids, sets);
    const columnCount = ids.length * sets.length;
    const estimates: Array<StanceEstimate | undefined> = new Array(columnCount);
    const resampledLarge: number[] = [];
    const shipped: number[] = [];
    const job: BootstrapJob = { documents: docs.length, columns: [] };
    for (let k = 0; k < columnCount; k++) {
      if (stream.isLarge(k)) {
        const estimate = stream.largeEstimate(k, docs.length);
        if (estimate === undefined) resampledLarge.push(k);
        else estimates[k] = estimate;
        continue;
      }
      shipped.push(k);
      job.columns.push(stream.sparse(k));
    }
    if (resampledLarge.length > 0) {
      const here = bootstrapStanceColumns(docs.length, resampledLarge.map((k) => this.wholeStanceColumn(docs, ids, sets, k)), { resamples, seed });
      resampledLarge.forEach((k, x) => { estimates[k] = here[x]; });
    }
    return { ids, sets, estimates, shipped, job };
  }

  private summarizeVoice(r: ReferentCounts, voices: Voice[], est: StanceEstimate): VoiceSummary & { documents: number; smallSample: boolean; interval?: 'normal' } {
    const v = combineVoices(r, voices);
    const stance = stanceOf(v);
    return {
      mentions: v.mentions,
      stance: stance === null ? null : round(stance),
      // One or two documents cannot show how much stance varies between documents: a zero-width [1.00, 1.00] from
      // them would read as certainty. Below SMALL_SAMPLE_DOCUMENTS there is a stance, not an interval.
      ci95: est.ci95 && est.documents >= SMALL_SAMPLE_DOCUMENTS ? [round(est.ci95[0]), round(est.ci95[1])] : null,
      labels: labelShares(v.labels, v.mentions),
      documents: est.documents,
      smallSample: est.smallSample,
      ...(est.interval ? { interval: est.interval } : {}),
    };
  }

  private summarizeOutlet(c: OutletCounts, bootstrap: OutletBootstrap, shippedEstimates: readonly StanceEstimate[], voices: Voice[]): OutletSummary {
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
    const { ids, sets, estimates, shipped } = bootstrap;
    if (shippedEstimates.length !== shipped.length) {
      throw new Error(`report builder: the bootstrap of ${c.outlet} gave ${shippedEstimates.length} estimates for ${shipped.length} columns`);
    }
    shipped.forEach((k, x) => { estimates[k] = shippedEstimates[x]; });
    const setIndex = new Map(sets.map((set, k) => [set.join('+'), k]));
    const idIndex = new Map(ids.map((id, k) => [id, k]));
    const estimateOf = (id: string, set: Voice[]) => estimates[idIndex.get(id)! * sets.length + setIndex.get(set.join('+'))!]!;
    for (const id of ids) {
      const r = c.referents[id];
      const perVoice = new Map(VOICES.map((v) => [v, this.summarizeVoice(r, [v], estimateOf(id, [v]))]));
      const headline = voices.length === 1 ? perVoice.get(voices[0])! : this.summarizeVoice(r, voices, estimateOf(id, voices));
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
}

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


