import { describe, expect, it } from 'vitest';
import { buildContrasts, MAX_AUTO_PAIR_OUTLETS } from '../../src/stats/contrasts.js';
import { groupingFromMetadata, parseGroupings } from '../../src/stats/groupings.js';
import { buildTimeline, binOf, binRange } from '../../src/stats/timeline.js';
import { summarizeDocument, type DocumentSummary } from '../../src/stats/document-summary.js';
import { dayNumber } from '../../src/stats/dates.js';
import { seededRandom } from '../../src/stats/rng.js';
import type { Hit } from '../../src/types.js';

function summary(id: string, outlet: string, stance: number, mentions = 2, date?: string, label = stance > 0 ? 'pos' : 'neg'): DocumentSummary {
  return { id, outlet, date, referents: { g: { score: stance * mentions, mentions, labels: { [label]: mentions } } } };
}

/** `n` outlets × `k` documents; outlet i's documents scatter around centre(i). */
function corpus(n: number, k: number, centre: (i: number) => number, seed = 1, date?: (j: number) => string): DocumentSummary[] {
  const random = seededRandom(seed);
  const out: DocumentSummary[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      out.push(summary(`o${i}-d${j}`, `outlet ${i}`, Math.max(-1, Math.min(1, centre(i) + (random() - 0.5) * 0.4)), 2, date?.(j)));
    }
  }
  return out;
}

describe('groups files', () => {
  it('reads YAML groupings, an outlet in several groupings', () => {
    const g = parseGroupings('ownership:\n  state: [Press TV, Tasnim]\n  private:\n    - Reuters\ncountry:\n  Iran: [Press TV, Tasnim]\n  UK: Reuters\n', 'g.yml');
    expect([...g.keys()]).toEqual(['ownership', 'country']);
    expect(g.get('ownership')!.get('Reuters')).toBe('private');
    expect(g.get('country')!.get('Press TV')).toBe('Iran');
  });

  it('names every bad row with file:line', () => {
    expect(() => parseGroupings('ownership:\n  state: [Press TV]\n  private: [Press TV]\n  none: {a: 1}\n', 'g.yml'))
      .toThrow(/g\.yml:3: outlet "Press TV" is already in group "state" of grouping "ownership" \(line 2\)[\s\S]*g\.yml:4: group "none"/);
    expect(() => parseGroupings('outlet,ownership\nPress TV,state\n,private\nReuters,private,extra\n', 'g.csv'))
      .toThrow(/g\.csv:3: empty outlet[\s\S]*g\.csv:4: 3 cells, the header has 2/);
    expect(() => parseGroupings('name,ownership\nA,b\n', 'g.csv')).toThrow(/g\.csv:1: no "outlet" column/);
    expect(() => parseGroupings('a: b', 'g.txt')).toThrow(/\.yml, \.yaml or \.csv/);
  });

  it('reads wide and long CSV (an empty cell leaves the outlet out of that grouping)', () => {
    const wide = parseGroupings('outlet,ownership,country\r\nPress TV,state,Iran\r\nReuters,private,\r\n', 'g.csv');
    expect(wide.get('country')!.has('Reuters')).toBe(false);
    expect(wide.get('ownership')!.get('Reuters')).toBe('private');
    const long = parseGroupings('outlet,grouping,group\nPress TV,ownership,state\nPress TV,country,Iran\n', 'g.csv');
    expect(long.get('country')!.get('Press TV')).toBe('Iran');
  });

  it('takes a group metadata field, refusing an outlet whose documents disagree', () => {
    const m = groupingFromMetadata([
      { outlet: 'A', meta: { group: 'state' } }, { outlet: 'A', meta: { group: 'state' } }, { outlet: 'B', meta: {} },
    ]);
    expect(m).toEqual(new Map([['A', 'state']]));
    expect(() => groupingFromMetadata([
      { outlet: 'A', meta: { group: 'state' }, source: { file: 'a.jsonl', line: 1 } },
      { outlet: 'A', meta: { group: 'private' }, source: { file: 'a.jsonl', line: 7 } },
    ])).toThrow(/a\.jsonl:7: outlet "A" has group "private" here but "state" in a\.jsonl:1/);
    expect(groupingFromMetadata([{ outlet: 'A', meta: {} }])).toBeNull();
  });
});

describe('contrasts', () => {
  const opts = { referents: ['g'], resamples: 200, permutations: 500, seed: 1 };

  it('tests all outlet pairs when there are few, with effect, interval and adjusted p', () => {
    const docs = corpus(3, 6, (i) => (i === 0 ? 0.8 : 0));
    const r = buildContrasts(docs, opts);
    expect(r.contrasts).toHaveLength(3);
    const ab = r.contrasts.find((c) => c.a.name === 'outlet 0' && c.b.name === 'outlet 1')!;
    expect(ab.tested).toBe(true);
    expect(ab.unit).toBe('document');
    expect(ab.effect.value!).toBeGreaterThan(0.5);
    expect(ab.effect.ci95![0]).toBeGreaterThan(0.4);
    expect(ab.p!).toBeLessThan(0.01);
    expect(ab.pAdjusted!).toBeGreaterThanOrEqual(ab.p!);
    expect(ab.significant).toBe(true);
    expect(r.plan).toMatchObject({ tested: 3, notTested: 0, skipped: [] });
  });

  it('never skips silently: many outlets are summed up in the plan with the reason and what to do', () => {
    const docs = corpus(MAX_AUTO_PAIR_OUTLETS + 5, 2, () => 0);
    const r = buildContrasts(docs, opts);
    expect(r.contrasts).toHaveLength(0);
    expect(r.plan.skipped[0]).toMatchObject({ what: 'outlet pairs', count: 300 });
    expect(r.plan.skipped[0].reason).toMatch(/25 outlets make 300 pairs.*--contrasts "A vs B; C vs D".*--groups FILE/);
    const chosen = buildContrasts(docs, { ...opts, outletPairs: [['outlet 0', 'outlet 1'], ['outlet 0', 'Nowhere']] });
    expect(chosen.contrasts).toHaveLength(1);
    expect(chosen.plan.unknownOutlets).toEqual(['Nowhere']);
    expect(chosen.plan.skipped[0].what).toBe('outlet pairs not chosen');
  });

  it('lists untestable pairs with tested: false and the reason; no interval from fewer than 3 documents', () => {
    const docs = [summary('1', 'A', 1), summary('2', 'A', 1), summary('3', 'B', -1), { id: '4', outlet: 'C', referents: {} }];
    const r = buildContrasts(docs, opts);
    const ab = r.contrasts.find((c) => c.a.name === 'A' && c.b.name === 'B')!;
    expect(ab).toMatchObject({ tested: false, p: null, pAdjusted: null });
    expect(ab.reason).toMatch(/only 3 ways/);
    expect(ab.effect.value).toBe(2);
    expect(ab.effect.ci95).toBeNull();
    expect(ab.effect.note).toMatch(/fewer than 3/);
    const ac = r.contrasts.find((c) => c.a.name === 'A' && c.b.name === 'C')!;
    expect(ac.reason).toBe('no mention in C');
    expect(r.plan.tested).toBe(0);
  });

  it('compares groups with the outlet as the unit, and the correction covers only what was tested', () => {
    const docs = corpus(12, 5, (i) => (i < 6 ? 0.6 : -0.1), 3);
    const groupings = new Map([['ownership', new Map(docs.map((d) => [d.outlet, Number(d.outlet.split(' ')[1]) < 6 ? 'state' : 'private']))]]);
    const r = buildContrasts(docs, { ...opts, groupings, outletPairs: 'none' });
    const g = r.contrasts.filter((c) => c.kind === 'groups');
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ unit: 'outlet', tested: true, significant: true });
    expect(g[0].a).toMatchObject({ kind: 'group', grouping: 'ownership', name: 'state' });
    expect(g[0].a.outlets).toHaveLength(6);
    expect(g[0].pAdjusted).toBe(g[0].p); // one test: nothing to correct for
    expect(r.plan.skipped[0]).toMatchObject({ what: 'outlet pairs', reason: expect.stringMatching(/turned off/) });
    const group = r.groups[0].groups.find((x) => x.name === 'state')!;
    expect(group.documents).toBe(30);
    expect(group.referents.g.stance!).toBeGreaterThan(0.4);
    expect(group.referents.g.ci95).not.toBeNull();
    expect(group.referents.g.labels.pos.count).toBeGreaterThan(0);
    expect(r.groups[0].ungrouped).toEqual([]);
  });

  it('before/after a date: per outlet (documents) and per group (outlets, paired)', () => {
    const days = ['2023-10-01', '2023-10-03', '2023-10-05', '2023-10-09', '2023-10-11', '2023-10-13'];
    const random = seededRandom(4);
    const docs: DocumentSummary[] = [];
    for (let i = 0; i < 7; i++) {
      days.forEach((d, j) => docs.push(summary(`${i}-${j}`, `o${i}`, j < 3 ? -0.5 + random() * 0.2 : 0.5 + random() * 0.2, 2, d)));
    }
    docs.push({ id: 'undated', outlet: 'o0', referents: {} });
    const groupings = new Map([['all', new Map(docs.map((d) => [d.outlet, 'everyone']))]]);
    const r = buildContrasts(docs, { ...opts, groupings, outletPairs: 'none', beforeAfter: '2023-10-07' });
    const perOutlet = r.contrasts.filter((c) => c.kind === 'before-after' && c.unit === 'document');
    expect(perOutlet).toHaveLength(7);
    expect(perOutlet[0].effect.value!).toBeGreaterThan(0.8);
    expect(perOutlet[0].a.name).toBe('from 2023-10-07');
    const group = r.contrasts.find((c) => c.kind === 'before-after' && c.unit === 'outlet')!;
    expect(group.tested).toBe(true);
    expect(group.method).toBe('exact');
    expect(group.p!).toBeCloseTo(2 / 128, 4);
    expect(r.plan.skipped).toContainEqual(expect.objectContaining({ what: 'undated documents in before/after', count: 1 }));
  });
});

describe('timeline', () => {
  it('bins by ISO week (Monday) and month, without gaps', () => {
    expect(binOf('2024-01-28', 'week')).toBe('2024-01-22'); // a Sunday belongs to the week of the Monday before
    expect(binOf('2024-01-29T01:00:00+03:00', 'week')).toBe('2024-01-29');
    expect(binOf('2024-02-29', 'month')).toBe('2024-02');
    expect(binOf(undefined, 'month')).toBeNull();
    expect(binRange(dayNumber('2023-11-15')!, dayNumber('2024-02-01')!, 'month')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(binRange(dayNumber('2024-01-28')!, dayNumber('2024-02-06')!, 'week')).toEqual(['2024-01-22', '2024-01-29', '2024-02-05']);
  });

  it('gives stance, counts and label shares per outlet and group per bin, intervals only from 3 documents', () => {
    const docs = [
      summary('1', 'A', 1, 1, '2024-01-02'), summary('2', 'A', 0.5, 1, '2024-01-03'), summary('3', 'A', 1, 1, '2024-01-04'),
      summary('4', 'A', -1, 1, '2024-03-02'), summary('5', 'B', -1, 3, '2024-01-10'), { id: '6', outlet: 'B', referents: {} },
    ];
    const t = buildTimeline(docs, { by: 'month', referents: ['g'], resamples: 200, seed: 1, groupings: new Map([['kind', new Map([['A', 'x'], ['B', 'x']])]]) });
    expect(t.bins).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(t.undated).toBe(1);
    const a = t.series.find((s) => s.name === 'A')!;
    expect(a.cells.map((c) => c.bin)).toEqual(['2024-01', '2024-03']);
    expect(a.cells[0].referents.g).toMatchObject({ documents: 3, mentions: 3, stance: 0.8333 });
    expect(a.cells[0].referents.g.ci95).not.toBeNull();
    expect(a.cells[1].referents.g.ci95).toBeNull();
    const group = t.series.find((s) => s.kind === 'group')!;
    expect(group.cells[0]).toMatchObject({ bin: '2024-01', documents: 4 });
    // Mean of the outlets' stances: (0.8333 + (−1)) / 2.
    expect(group.cells[0].referents.g.stance).toBeCloseTo(-0.0833, 3);
    expect(group.cells[0].referents.g.labels).toMatchObject({ pos: { count: 3 }, neg: { count: 3 } });
  });
});

describe('document summaries', () => {
  it('keep adopted mentions of the headline voices only', () => {
    const hit = (over: Partial<Hit>): Hit => ({
      label: 'l', referent: 'g', category: 'actor-label', weight: 2, start: 0, end: 1, text: 'x', sentence: 0, voice: 'author', distanced: false, negated: false, ...over,
    });
    const s = summarizeDocument({ id: 'd', outlet: 'A', hits: [hit({}), hit({ weight: -2, label: 'm' }), hit({ distanced: true }), hit({ voice: 'quoted' }), hit({ referent: null })] }, ['author']);
    expect(s.referents.g).toEqual({ score: 0, mentions: 2, labels: { l: 1, m: 1 } });
    expect(s.date).toBeUndefined();
  });
});
