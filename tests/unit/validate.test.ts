import { describe, expect, it } from 'vitest';
import { krippendorffAlphaNominal } from '../../src/validate/alpha.js';
import { wilsonInterval } from '../../src/validate/interval.js';
import { HitSampler, SAMPLE_COLUMNS, sampleRowCells } from '../../src/validate/sample.js';
import { CodingError, scoreCoded } from '../../src/validate/score.js';
import { toCsv } from '../../src/report/csv.js';
import type { DocAnalysis, Hit, Voice } from '../../src/types.js';

/**
 * Alpha computed the slow, literal way, as an independent check: every ordered pair of judgments by two different
 * coders within a unit, weighted 1/(m − 1); expected disagreement from the pooled values.
 */
function alphaByPairs(units: Array<Array<string | null>>): number {
  const pairs: Array<[string, string, number]> = [];
  const pooled: string[] = [];
  for (const unit of units) {
    const vals = unit.filter((v): v is string => v !== null);
    if (vals.length < 2) continue;
    pooled.push(...vals);
    for (let i = 0; i < vals.length; i++) for (let j = 0; j < vals.length; j++) if (i !== j) pairs.push([vals[i], vals[j], 1 / (vals.length - 1)]);
  }
  const n = pooled.length;
  const dObserved = pairs.reduce((a, [c, k, w]) => a + (c === k ? 0 : w), 0) / n;
  let dExpected = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && pooled[i] !== pooled[j]) dExpected++;
  dExpected /= n * (n - 1);
  return 1 - dObserved / dExpected;
}

describe("Krippendorff's alpha (nominal)", () => {
  // Krippendorff's own worked example (four coders, twelve units, missing values), nominal alpha 0.743.
  const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
  const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
  const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
  const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
  const units = A.map((_, u) => [A[u], B[u], C[u], D[u]].map((v) => (v === null ? null : String(v))));

  it('reproduces the published worked example', () => {
    const r = krippendorffAlphaNominal(units);
    expect(r.alpha).toBeCloseTo(0.743, 3);
    expect(r.units).toBe(11); // the last unit has one judgment and cannot be paired
    expect(r.values).toBe(40);
  });

  it('agrees with a literal pair-by-pair computation on random data', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 20; trial++) {
      const data = Array.from({ length: 30 }, () => Array.from({ length: 3 }, () => (rand() < 0.15 ? null : String(Math.floor(rand() * 3)))));
      const fast = krippendorffAlphaNominal(data).alpha;
      expect(fast).not.toBeNull();
      expect(fast as number).toBeCloseTo(alphaByPairs(data), 10);
    }
  });

  it('is 1 for perfect agreement, undefined without variation, below 0 for systematic disagreement', () => {
    expect(krippendorffAlphaNominal([['y', 'y'], ['n', 'n'], ['y', 'y']]).alpha).toBe(1);
    expect(krippendorffAlphaNominal([['y', 'y'], ['y', 'y']]).alpha).toBeNull();
    expect(krippendorffAlphaNominal([['y', 'n'], ['n', 'y'], ['y', 'n']]).alpha as number).toBeLessThan(0);
    expect(krippendorffAlphaNominal([['y', null], [null, 'n']]).units).toBe(0);
  });
});

describe('Wilson interval', () => {
  it('matches the textbook value and stays inside [0, 1]', () => {
    const [lo, hi] = wilsonInterval(8, 10) as [number, number];
    expect(lo).toBeCloseTo(0.4902, 3);
    expect(hi).toBeCloseTo(0.9433, 3);
    const [lo0, hi0] = wilsonInterval(0, 5) as [number, number];
    expect(lo0).toBe(0);
    expect(hi0).toBeGreaterThan(0.3);
    expect(wilsonInterval(5, 5)?.[1]).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

function hit(label: string, voice: Voice, start: number, referent: string | null = 'us-forces'): Hit {
  return { label, referent, category: 'actor-label', weight: -1, start, end: start + 3, text: 'abc', sentence: 0, voice, distanced: false, negated: false, resolution: 'fixed' };
}

function analysis(id: string, hits: Hit[]): DocAnalysis {
  return { id, outlet: `outlet-${id}`, words: 100, tokens: 120, sentences: [{ start: 0, end: 5000 }], voiceSpans: [], hits, names: [], devices: [], warnings: [] };
}

function corpus(): Array<{ doc: { id: string; outlet: string; text: string }; a: DocAnalysis }> {
  const text = 'abc '.repeat(1000);
  const docs = [];
  for (let d = 0; d < 50; d++) {
    const hits: Hit[] = [];
    for (let k = 0; k < 20; k++) hits.push(hit('common', 'author', k * 8));
    if (d % 10 === 0) hits.push(hit('rare', 'quoted', 400));
    const a = analysis(`d${String(d).padStart(2, '0')}`, hits);
    docs.push({ doc: { id: a.id, outlet: a.outlet, text }, a });
  }
  return docs;
}

describe('validate sample', () => {
  it('gives rare strata equal turns and records stratum sizes', () => {
    const sampler = new HitSampler({ n: 12, seed: 1 });
    for (const { doc, a } of corpus()) sampler.add(doc, a);
    const rows = sampler.rows();
    expect(rows).toHaveLength(12);
    expect(sampler.population).toBe(1005);
    const rare = rows.filter((r) => r.label === 'rare');
    expect(rare).toHaveLength(5); // all five, though they are 0.5% of the hits
    expect(rare.every((r) => r.stratumSize === 5 && r.stratumSampled === 5)).toBe(true);
    const common = rows.filter((r) => r.label === 'common');
    expect(common.every((r) => r.stratumSize === 1000 && r.stratumSampled === 7)).toBe(true);
    expect(new Set(rows.map((r) => r.sampleId)).size).toBe(12);
    expect(rows[0].context).toContain('[[abc]]');
  });

  it('is reproducible for a seed, differs across seeds, and spreads over the corpus', () => {
    const run = (seed: number) => {
      const s = new HitSampler({ n: 30, seed });
      for (const { doc, a } of corpus()) s.add(doc, a);
      return s.rows().map((r) => `${r.documentId}:${r.start}:${r.label}`);
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
    const docs = new Set(run(3).map((k) => k.split(':')[0]));
    expect(docs.size).toBeGreaterThan(10); // not the first documents only
  });

  it('can leave out hits that were not counted', () => {
    const s = new HitSampler({ n: 10, include: (h) => h.referent !== null });
    s.add({ id: 'x', outlet: 'o', text: 'abc abc abc' }, analysis('x', [hit('a', 'author', 0, null), hit('b', 'author', 4)]));
    expect(s.rows().map((r) => r.label)).toEqual(['b']);
  });

  it('refuses a sample size below one', () => {
    expect(() => new HitSampler({ n: 0 })).toThrow(/at least 1/);
  });
});

function codedCsv(rows: Array<{ id: string; label: string; voice: string; size: number; sampled: number; ok: string; vok?: string; cv?: string; coder?: string }>): string {
  const header = [...SAMPLE_COLUMNS];
  const cells = rows.map((r) => {
    const c = sampleRowCells({
      sampleId: r.id, documentId: 'd', outlet: 'o', label: r.label, referent: 'us-forces', weight: -1, voice: r.voice as Voice, resolution: 'fixed',
      distanced: false, negated: false, start: 0, end: 1, text: 't', context: '[[t]]', stratum: `${r.label}/${r.voice}`, stratumSize: r.size, stratumSampled: r.sampled,
    });
    c[header.indexOf('label_correct')] = r.ok;
    c[header.indexOf('voice_correct')] = r.vok ?? '';
    c[header.indexOf('correct_voice')] = r.cv ?? '';
    c[header.indexOf('coder')] = r.coder ?? '';
    return c;
  });
  return toCsv(header, cells);
}

describe('validate score', () => {
  const rows = [
    ...Array.from({ length: 8 }, (_, i) => ({ id: `a${i}`, label: 'occupiers', voice: 'author', size: 80, sampled: 8, ok: i < 6 ? 'y' : 'n', vok: 'y' })),
    ...Array.from({ length: 4 }, (_, i) => ({ id: `b${i}`, label: 'enemy', voice: 'quoted', size: 20, sampled: 4, ok: i < 1 ? 'yes' : 'no', vok: i < 3 ? 'y' : 'n', cv: i < 3 ? '' : 'attributed' })),
  ];

  it('gives precision per label and voice, a weighted estimate for all hits, and the voice confusion', () => {
    const r = scoreCoded([{ file: 'coded.csv', text: codedCsv(rows) }]);
    expect(r.rows).toBe(12);
    expect(r.labelPrecision.overall.precision).toBeCloseTo(7 / 12, 10);
    const occupiers = r.labelPrecision.byLabel.find((l) => l.label === 'occupiers')!;
    expect(occupiers.precision).toBeCloseTo(0.75, 10);
    expect(occupiers.ci![0]).toBeLessThan(0.75);
    // Weighted: 0.8 × 0.75 + 0.2 × 0.25 = 0.65 (the sample over-represents the rarer, worse label).
    expect(r.labelPrecision.estimateAllHits.precision).toBeCloseTo(0.65, 10);
    expect(r.labelPrecision.byVoice.map((v) => v.voice)).toEqual(['author', 'quoted']);
    expect(r.voiceAccuracy.overall.precision).toBeCloseTo(11 / 12, 10);
    expect(r.voiceAccuracy.confusion).toContainEqual({ tool: 'quoted', coded: 'attributed', count: 1 });
    expect(r.agreement).toBeNull();
  });

  it('measures agreement between two coders and averages their judgments', () => {
    const second = rows.map((row, i) => ({ ...row, ok: i === 0 ? 'n' : row.ok }));
    const r = scoreCoded([{ file: 'ann.csv', text: codedCsv(rows) }, { file: 'bob.csv', text: codedCsv(second) }]);
    expect(r.coders).toEqual(['coder1', 'coder2']);
    expect(r.agreement!.labelCorrect.units).toBe(12);
    expect(r.agreement!.labelCorrect.alpha!).toBeGreaterThan(0.7);
    expect(r.agreement!.labelCorrect.alpha!).toBeLessThan(1);
    expect(r.agreement!.voiceCorrect.alpha).toBe(1);
    // Row a0 is split 1:1 between the coders and counts one half.
    expect(r.labelPrecision.overall.correct).toBeCloseTo(6.5, 10);
  });

  it('reads coders from a coder column in one file', () => {
    const both = [...rows.map((r) => ({ ...r, coder: 'ann' })), ...rows.map((r) => ({ ...r, coder: 'bob' }))];
    const r = scoreCoded([{ file: 'both.csv', text: codedCsv(both) }]);
    expect(r.coders).toEqual(['ann', 'bob']);
    expect(r.agreement!.labelCorrect.alpha).toBe(1);
  });

  it('names the file, line and column of a bad code', () => {
    const bad = codedCsv([{ ...rows[0], ok: 'maybe' }]);
    expect(() => scoreCoded([{ file: 'coded.csv', text: bad }])).toThrow(CodingError);
    expect(() => scoreCoded([{ file: 'coded.csv', text: bad }])).toThrow(/coded\.csv:2: column "label_correct" has "maybe"; write y or n/);
    expect(() => scoreCoded([{ file: 'x.csv', text: 'a,b\n1,2\n' }])).toThrow(/x\.csv:1: no "sample_id" column/);
    expect(() => scoreCoded([{ file: 'x.csv', text: codedCsv([{ ...rows[0], cv: 'narrator' }]) }])).toThrow(/correct_voice.*author, quoted or attributed/);
    const twice = [{ ...rows[0], coder: 'ann' }, { ...rows[0], coder: 'ann' }];
    expect(() => scoreCoded([{ file: 'x.csv', text: codedCsv(twice) }])).toThrow(/coded twice by "ann"/);
  });
});
