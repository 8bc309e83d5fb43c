import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Report } from '../../src/report/build.js';
import { parseContrasts } from '../../src/cli/research-options.js';
import { termCounts } from '../../src/report/build.js';
import { tempDir } from '../helpers/temp.js';

const tmp = () => tempDir('framelens-research-');

describe('analyze with groups, contrasts and time bins', () => {
  it('reads a groups file and writes the groups, contrasts and timeline sections', async () => {
    const dir = tmp();
    const groups = join(dir, 'groups.yml');
    writeFileSync(groups, 'ownership:\n  state: [Press TV, ISWNews]\n  private: [AFP, Al Jazeera Arabic, Missing Outlet]\n');
    const run = await runCli(['analyze', 'corpus/seeds', '--format', 'json', '--resamples', '100', '--groups', groups, '--by', 'month',
      '--before-after', '2024-01-01', '--permutations', '200', '--contrasts', 'AFP vs Press TV']);
    expect(run.stderr).not.toMatch(/failed/);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.schema).toBe('framelens.report/3');
    const g = report.groups[0];
    expect(g.grouping).toBe('ownership');
    expect(g.ungrouped).toEqual(['The World Monitor']);
    expect(g.unknownOutlets).toEqual(['Missing Outlet']);
    expect(g.groups.find((x) => x.name === 'state')!.outlets.sort()).toEqual(['ISWNews', 'Press TV']);
    // One document per outlet: the group test is impossible and says why; the pair test too.
    const gc = report.contrasts.filter((c) => c.kind === 'groups');
    expect(gc.length).toBeGreaterThan(0);
    for (const c of gc) expect(c).toMatchObject({ tested: false, reason: expect.any(String) });
    const pair = report.contrasts.filter((c) => c.kind === 'outlets');
    expect(pair.every((c) => c.a.name === 'AFP' && c.b.name === 'Press TV')).toBe(true);
    expect(report.contrastPlan.skipped).toContainEqual(expect.objectContaining({ what: 'outlet pairs not chosen' }));
    expect(report.timeline!.by).toBe('month');
    expect(report.timeline!.bins.length).toBeGreaterThan(0);
    expect(report.timeline!.series.some((s) => s.kind === 'group' && s.grouping === 'ownership')).toBe(true);
    // Every document keeps its metadata and its own stance.
    const aj = report.documents.find((d) => d.outlet === 'Al Jazeera Arabic')!;
    expect(aj.meta).toMatchObject({ 'translated-from': 'ar', campaign: expect.stringContaining('Islamic Resistance') });
    expect(Object.keys(aj.stance ?? {}).length).toBeGreaterThan(0);
  }, 60_000);

  it('writes documents.csv with every metadata column, and contrasts.csv with what was not tested', async () => {
    const out = join(tmp(), 'tables');
    const run = await runCli(['analyze', 'corpus/seeds', '--format', 'csv', '--out', out, '--resamples', '50']);
    expect(run.code).toBe(0);
    const docs = readFileSync(join(out, 'documents.csv'), 'utf8').split('\n');
    const header = docs[0].split(',');
    expect(header.slice(0, 10)).toEqual(['document', 'outlet', 'title', 'date', 'url', 'event', 'language', 'source', 'words', 'excluded']);
    for (const col of ['translated-from', 'campaign', 'confidence', 'armed-groups_mentions', 'armed-groups_stance']) expect(header).toContain(col);
    expect(docs.filter(Boolean)).toHaveLength(6);
    const contrasts = readFileSync(join(out, 'contrasts.csv'), 'utf8');
    expect(contrasts.split('\n')[0]).toBe('kind,referent,grouping,a,b,a_outlets,b_outlets,a_documents,b_documents,unit,effect,ci95_low,ci95_high,effect_note,tested,reason,p,p_adjusted,significant,method,permutations');
    expect(contrasts).toMatch(/outlets,armed-groups,,.*,false,/);
    const hits = readFileSync(join(out, 'hits.csv'), 'utf8').split('\n')[0];
    for (const col of ['referent', 'category', 'weight', 'voice']) expect(hits.split(',')).toContain(col);
  }, 60_000);

  it('keeps the events of an events file, and refuses a broken one naming file:line', async () => {
    const dir = tmp();
    const file = join(dir, 'events.yml');
    writeFileSync(file, 'events:\n  - name: Hot winter threats\n    documents: ["000_73b0047ece879f3f", "001_e5027b69a25009b3"]\n');
    const run = await runCli(['analyze', 'corpus/seeds', '--format', 'json', '--resamples', '20', '--events', file]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    const e = report.events.find((x) => x.label === 'Hot winter threats')!;
    expect(e).toMatchObject({ basis: 'user', documents: ['000_73b0047ece879f3f', '001_e5027b69a25009b3'] });
    expect(e.members[0].because).toMatch(/events\.yml:2/);
    writeFileSync(file, 'events:\n  - name: A\n    documents: [x]\n  - name: B\n    documents: [x]\n');
    const bad = await runCli(['analyze', 'corpus/seeds', '--events', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/events\.yml:5: document "x" is already in an event/);
  }, 60_000);

  it('refuses bad research options with exit 2 and a message that says what to do', async () => {
    const dir = tmp();
    const bad = join(dir, 'groups.csv');
    writeFileSync(bad, 'outlet,ownership\nPress TV,state\nPress TV,private\n');
    const r1 = await runCli(['analyze', 'corpus/seeds', '--groups', bad]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/groups\.csv:3: outlet "Press TV" is already in group "state"/);
    const r2 = await runCli(['analyze', 'corpus/seeds', '--by', 'year']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/--by must be week or month/);
    const r3 = await runCli(['analyze', 'corpus/seeds', '--before-after', '2023-02-30']);
    expect(r3.stderr).toMatch(/--before-after takes a day as YYYY-MM-DD/);
    expect(() => parseContrasts('AFP vs')).toThrow(/not a pair/);
    expect(parseContrasts('AFP vs Press TV; ISWNews vs. AFP')).toEqual([['AFP', 'Press TV'], ['ISWNews', 'AFP']]);
    expect(parseContrasts('all')).toBe('all');
  });
});

describe('keyness words and stop words', () => {
  it('keeps "U.S." and hyphenated words as one term and leaves out the stop words given', () => {
    const counts = termCounts('The U.S. said Iran-backed groups hit U.S. bases in 2024.');
    expect(counts.get('u.s')).toBe(2);
    expect(counts.get('iran-backed')).toBe(1);
    expect(counts.has('2024')).toBe(false);
    expect(counts.get('the')).toBe(1);
    expect(termCounts('The U.S. said', new Set(['the'])).has('the')).toBe(false);
  });

  it('--stopwords en takes function words out of the report keyness', async () => {
    const run = await runCli(['analyze', 'corpus/seeds', '--format', 'json', '--resamples', '20', '--stopwords', 'en']);
    const report = JSON.parse(run.stdout) as Report;
    const terms = Object.values(report.keyness.terms.eachAgainstRest).flat().map((r) => r.term);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms).not.toContain('the');
    const none = JSON.parse((await runCli(['analyze', 'corpus/seeds', '--format', 'json', '--resamples', '20'])).stdout) as Report;
    expect(Object.values(none.keyness.terms.eachAgainstRest).flat().map((r) => r.term)).toContain('the');
  }, 60_000);
});

describe('help and kwic', () => {
  it('has --help on every subcommand, each with its own text', async () => {
    const seen = new Set<string>();
    for (const args of [['analyze', '--help'], ['serve', '--help'], ['kwic', '--help'], ['lexicon', '--help'], ['lexicon', 'check', '--help'],
      ['lexicon', 'suggest', '--help'], ['count', '--help'], ['validate', '--help'], ['merge', '--help'], ['help', 'analyze']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
      seen.add(r.stdout.split('\n')[0]);
    }
    expect((await runCli(['analyze', '--help'])).stdout).toMatch(/--groups FILE[\s\S]*--by week\|month[\s\S]*--stopwords/);
    expect((await runCli(['help', 'analyze'])).stdout).toBe((await runCli(['analyze', '--help'])).stdout);
    expect((await runCli(['help', 'merge'])).stdout).toBe((await runCli(['merge', '--help'])).stdout);
    expect((await runCli(['merge', '--help'])).stdout).toMatch(/^framelens merge: [\s\S]*--shard I\/N/);
    expect(seen.size).toBeGreaterThanOrEqual(7);
    expect((await runCli(['help', 'nothing'])).code).toBe(2);
  });

  it('kwic shows referent, weight and voice, and writes CSV', async () => {
    const r = await runCli(['kwic', 'occupation-forces', 'corpus/seeds']);
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.includes('[')) ?? '';
    const [, , referent, weight, voice] = line.split('\t');
    expect(referent).toBe('us-forces');
    expect(weight).toMatch(/^-\d$/);
    expect(['author', 'quoted', 'attributed']).toContain(voice);
    const out = join(tmp(), 'kwic.csv');
    const c = await runCli(['kwic', 'occupation-forces', 'corpus/seeds', '--format', 'csv', '--out', out]);
    expect(c.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('outlet,document,start,end,left,match,right,label,referent,weight,voice');
    expect(rows.length).toBe(r.stdout.trim().split('\n').length + 1);
    expect(rows[1]).toMatch(/,occupation-forces,us-forces,-\d,(author|quoted|attributed)$/);
  }, 60_000);
});

describe('category dictionaries next to the framing lexicon', () => {
  it('counts a LIWC .dic and a quanteda .yml given with --lexicon as their own layer, per document, outlet and group', async () => {
    const dir = tmp();
    const groups = join(dir, 'groups.csv');
    writeFileSync(groups, 'outlet,kind\nPress TV,state\nISWNews,state\nAFP,wire\n');
    const run = await runCli(['analyze', 'corpus/seeds', '--format', 'json', '--resamples', '20', '--groups', groups,
      '--lexicon', 'lexicons/conflict.yml', '--lexicon', 'tests/fixtures/dictionaries/framing.dic', '--lexicon', 'tests/fixtures/dictionaries/framing.yml']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    // The framing layer is untouched: its lexicon is the only one compiled.
    expect(report.lexicons.map((l) => l.name)).toContain('conflict');
    expect(report.lexicons.map((l) => l.sha256)).toHaveLength(new Set(report.lexicons.map((l) => l.sha256)).size);
    expect(report.lexicons.some((l) => /framing/.test(l.name))).toBe(false);
    expect(report.outlets.find((o) => o.outlet === 'Press TV')!.referents['us-forces'].mentions).toBeGreaterThan(0);
    expect(report.dictionaries.map((d) => [d.format, d.semantics])).toEqual([['dic', 'liwc'], ['yml', 'quanteda']]);
    const liwc = report.dictionaries[0];
    expect(liwc.categories).toEqual(['conflict', 'humanitarian', 'legal process']);
    // "occupation" is counted as conflict although the framing lexicon also matched "occupation forces": separate layers.
    const press = liwc.outlets['Press TV'];
    expect(press.categories.conflict.count).toBeGreaterThan(0);
    expect(press.categories.conflict.per1000).toBeCloseTo((1000 * press.categories.conflict.count) / press.words, 3);
    const state = liwc.groups.kind.state;
    expect(state.documents).toBe(2);
    expect(state.categories.conflict.count).toBe(press.categories.conflict.count + liwc.outlets.ISWNews.categories.conflict.count);
    const doc = report.documents.find((d) => d.outlet === 'Press TV')!;
    expect(doc.categories![0].counts.conflict).toBe(press.categories.conflict.count);
    const html = await runCli(['analyze', 'corpus/seeds', '--format', 'html', '--resamples', '20', '--lexicon', 'tests/fixtures/dictionaries/framing.dic']);
    expect(html.stdout).toContain('framing.dic (dic, counted as liwc counts): per 1,000 words');
  }, 60_000);

  it('writes categories.csv and refuses a broken dictionary before analysing', async () => {
    const out = join(tmp(), 'tables');
    const run = await runCli(['analyze', 'corpus/seeds', '--format', 'csv', '--out', out, '--resamples', '20', '--lexicon', 'tests/fixtures/dictionaries/framing.dic']);
    expect(run.code).toBe(0);
    const rows = readFileSync(join(out, 'categories.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('dictionary,document,outlet,date,category,count,words,per_1000,excluded');
    expect(rows).toHaveLength(1 + 5 * 3);
    const bad = await runCli(['analyze', 'corpus/seeds', '--lexicon', 'tests/fixtures/dictionaries/unknown-category.dic']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown-category\.dic/);
    expect(bad.stderr).not.toMatch(/analyzed/);
  }, 60_000);
});
