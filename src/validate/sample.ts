/**
 * framelens validate sample: a stratified random sample of label hits for hand-coding.
 *
 * A dictionary is only as good as its precision on the corpus at hand, and that is learned by reading hits. A plain
 * random sample would be all "US forces" and "Israel"; stratifying by label × voice makes rare labels and quoted
 * voices show up too. Each stratum keeps a seeded reservoir (Vitter's algorithm R) of at most `n` hits, so memory is
 * bounded by strata × n whatever the corpus size, and the same corpus and seed always give the same sample. Each
 * row carries its stratum's size, so that `validate score` can weight strata back to an estimate for all hits.
 */
import type { DocAnalysis, Document, Hit } from '../types.js';
import { seededRandom, randomIndex, type Random } from '../stats/rng.js';

export interface SampleRow {
  sampleId: string;
  documentId: string;
  outlet: string;
  label: string;
  referent: string | null;
  weight: number;
  voice: Hit['voice'];
  resolution: string;
  distanced: boolean;
  negated: boolean;
  start: number;
  end: number;
  text: string;
  /** The sentence with the hit between [[ and ]], trimmed to a readable length. */
  context: string;
  stratum: string;
  stratumSize: number;
  stratumSampled: number;
}

/** Columns a coder fills in; `validate score` reads them. */
export const CODING_COLUMNS = ['label_correct', 'voice_correct', 'correct_voice', 'coder', 'note'] as const;

/** How much of the sentence around a hit is kept on either side. */
const CONTEXT_CHARS = 220;

type Candidate = Omit<SampleRow, 'sampleId' | 'stratumSize' | 'stratumSampled'>;

interface Stratum {
  seen: number;
  reservoir: Candidate[];
}

export interface SampleOptions {
  /** Total sample size. */
  n: number;
  seed?: number;
  /** Which hits to sample; default: every label hit (resolved, fixed and unresolved). */
  include?: (hit: Hit) => boolean;
}

export class HitSampler {
  private readonly strata = new Map<string, Stratum>();
  private readonly random: Random;
  private readonly n: number;
  private readonly include: (hit: Hit) => boolean;

  constructor(options: SampleOptions) {
    if (!Number.isInteger(options.n) || options.n < 1) throw new RangeError(`sample size must be a whole number of at least 1, got ${options.n}`);
    this.n = options.n;
    this.random = seededRandom(options.seed ?? 42);
    this.include = options.include ?? (() => true);
  }

  /** Offers every hit of one analyzed document to the sample. Documents may come in any number, one at a time. */
  add(doc: Pick<Document, 'id' | 'outlet' | 'text'>, analysis: DocAnalysis): void {
    for (const hit of analysis.hits) {
      if (!this.include(hit)) continue;
      const key = `${hit.label}\u0000${hit.voice}`;
      let stratum = this.strata.get(key);
      if (!stratum) this.strata.set(key, (stratum = { seen: 0, reservoir: [] }));
      stratum.seen++;
      // Algorithm R: the k-th item replaces a random slot with probability n/k, so every hit is equally likely.
      if (stratum.reservoir.length < this.n) stratum.reservoir.push(this.candidate(doc, analysis, hit));
      else {
        const j = randomIndex(this.random, stratum.seen);
        if (j < this.n) stratum.reservoir[j] = this.candidate(doc, analysis, hit);
      }
    }
  }

  private candidate(doc: Pick<Document, 'id' | 'outlet' | 'text'>, analysis: DocAnalysis, hit: Hit): Candidate {
    const sentence = analysis.sentences[hit.sentence] ?? { start: hit.start, end: hit.end };
    const from = Math.max(sentence.start, hit.start - CONTEXT_CHARS);
    const to = Math.min(sentence.end, hit.end + CONTEXT_CHARS);
    const clean = (s: string) => s.replace(/\s+/g, ' ');
    const context = `${from > sentence.start ? '…' : ''}${clean(doc.text.slice(from, hit.start))}[[${clean(hit.text)}]]${clean(doc.text.slice(hit.end, to))}${to < sentence.end ? '…' : ''}`;
    return {
      documentId: doc.id, outlet: doc.outlet, label: hit.label, referent: hit.referent, weight: hit.weight,
      voice: hit.voice, resolution: hit.resolution ?? 'fixed', distanced: hit.distanced, negated: hit.negated,
      start: hit.start, end: hit.end, text: hit.text, context: context.trim(), stratum: `${hit.label}/${hit.voice}`,
    };
  }

  /** Hits seen so far, per stratum. */
  get population(): number {
    let total = 0;
    for (const s of this.strata.values()) total += s.seen;
    return total;
  }

  /**
   * The sample: strata take turns (in a seeded order) giving one hit each until `n` hits are chosen or every
   * reservoir is empty. Equal turns first means a label seen 5 times gets as many coded rows as one seen 5,000
   * times, up to its size: precision per label is what the coder's time is for.
   */
  rows(): SampleRow[] {
    const keys = shuffle([...this.strata.keys()].sort(), this.random);
    // A reservoir that never filled holds its hits in corpus order: shuffle so that a partial take is random too.
    for (const key of keys) shuffle(this.strata.get(key)!.reservoir, this.random);
    const taken = new Map<string, Candidate[]>(keys.map((k) => [k, []]));
    let total = 0;
    for (let round = 0; total < this.n; round++) {
      let any = false;
      for (const key of keys) {
        const reservoir = this.strata.get(key)!.reservoir;
        if (round >= reservoir.length || total >= this.n) continue;
        taken.get(key)!.push(reservoir[round]);
        total++;
        any = true;
      }
      if (!any) break;
    }
    const chosen: SampleRow[] = [];
    for (const key of keys) {
      const rows = taken.get(key)!;
      const seen = this.strata.get(key)!.seen;
      for (const c of rows) chosen.push({ ...c, sampleId: '', stratumSize: seen, stratumSampled: rows.length });
    }
    // Coders read rows in document order: the same document's hits together are faster to judge.
    chosen.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start));
    chosen.forEach((row, i) => (row.sampleId = `s${String(i + 1).padStart(4, '0')}`));
    return chosen;
  }
}

/** Fisher–Yates in place with the seeded generator. */
function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export const SAMPLE_COLUMNS = [
  'sample_id', 'document_id', 'outlet', 'label', 'referent', 'weight', 'voice', 'resolution', 'distanced', 'negated',
  'start', 'end', 'text', 'context', 'stratum', 'stratum_size', 'stratum_sampled', ...CODING_COLUMNS,
] as const;

export function sampleRowCells(row: SampleRow): Array<string | number | boolean | null> {
  return [
    row.sampleId, row.documentId, row.outlet, row.label, row.referent, row.weight, row.voice, row.resolution,
    row.distanced, row.negated, row.start, row.end, row.text, row.context, row.stratum, row.stratumSize,
    row.stratumSampled, '', '', '', '', '',
  ];
}
