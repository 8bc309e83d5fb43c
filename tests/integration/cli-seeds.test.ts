import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Report } from '../../src/report/build.js';
import { readCorpus } from '../../src/corpus/read.js';
import { tempDir } from '../helpers/temp.js';

const AJ = 'Al Jazeera Arabic';
const PRESS_TV = 'Press TV';
const AGGREGATOR = 'The World Monitor';
const ISW = 'ISWNews';
const AFP = 'AFP';

let report: Report;

function outlet(name: string) {
  const o = report.outlets.find((x) => x.outlet === name);
  if (!o) throw new Error(`no outlet ${name}`);
  return o;
}

describe('framelens analyze on the bundled seed corpus', () => {
  beforeAll(async () => {
    const run = await runCli(['analyze', 'corpus/seeds', '--format', 'json', '--resamples', '300']);
    expect(run.stderr).toMatch(/analyzed 5 documents/);
    expect(run.code).toBe(0);
    report = JSON.parse(run.stdout) as Report;
  });

  it('writes the versioned report contract', () => {
    expect(report.schema).toBe('framelens.report/3');
    expect(report.tool).toEqual({ name: 'framelens', version: expect.any(String) });
    expect(report.lexicons[0]).toMatchObject({ name: 'conflict', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(report.corpus).toMatchObject({ documents: 5, skipped: [] });
    expect(report.outlets.map((o) => o.outlet).sort()).toEqual([AFP, AJ, ISW, PRESS_TV, AGGREGATOR].sort());
    for (const d of report.documents) {
      expect(d.words).toBeGreaterThan(100);
      expect(d.hits?.length).toBeGreaterThan(0);
    }
  });

  it('keeps every hit traceable to the exact words of its document', async () => {
    const { documents } = await readCorpus(['corpus/seeds']);
    for (const d of report.documents) {
      const text = documents.find((x) => x.id === d.id)!.text;
      for (const h of d.hits ?? []) expect(text.slice(h.start, h.end)).toBe(h.text);
      for (const n of d.names ?? []) expect(text.slice(n.start, n.end)).toBe(n.text);
    }
  });

  it('scores Press TV and ISWNews as legitimizing the armed groups, AFP and the aggregator as delegitimizing', () => {
    expect(outlet(PRESS_TV).referents['armed-groups'].stance).toBeGreaterThan(0);
    expect(outlet(ISW).referents['armed-groups'].stance).toBeGreaterThan(0);
    expect(outlet(AFP).referents['armed-groups'].stance).toBeLessThan(0);
    expect(outlet(AGGREGATOR).referents['armed-groups'].stance).toBeLessThan(0);
  });

  it('never counts "Islamic Resistance in Iraq" as a label', () => {
    for (const d of report.documents) {
      for (const h of d.hits ?? []) expect(h.text.toLowerCase()).not.toContain('islamic resistance');
      expect((d.names ?? []).some((n) => /Islamic Resistance in Iraq/i.test(n.text))).toBe(true);
    }
  });

  it('does not let AFP\'s quoted "American occupation forces" pull down its author-voice stance on US forces', () => {
    const afp = report.documents.find((d) => d.outlet === AFP)!;
    const occupation = afp.hits!.find((h) => /occupation forces/i.test(h.text));
    expect(occupation?.voice).toBe('quoted');
    const us = outlet(AFP).referents['us-forces'];
    expect(us.byVoice.quoted.mentions).toBeGreaterThan(0);
    expect(us.stance ?? 0).toBeGreaterThanOrEqual(0);
  });

  it('reports the aggregator\'s "Zionist entity" as the group\'s words, not the outlet\'s', () => {
    const agg = report.documents.find((d) => d.outlet === AGGREGATOR)!;
    const zionist = agg.hits!.filter((h) => /zionist entity/i.test(h.text));
    expect(zionist.length).toBeGreaterThan(0);
    for (const h of zionist) expect(h.voice).not.toBe('author');
  });

  it('flags every outlet as low evidence: one document each', () => {
    for (const o of report.outlets) expect(o.evidence).toBe('low');
  });
});

describe('framelens analyze: formats and errors', () => {
  it('prints a readable table by default', async () => {
    const run = await runCli(['analyze', 'corpus/seeds', '--resamples', '100']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Iraqi and regional armed groups|armed-groups/);
    expect(run.stdout).toMatch(/Press TV/);
  });

  it('writes tidy CSV tables to a folder and Markdown to a file', async () => {
    const dir = tempDir('fl-out-');
    const csv = await runCli(['analyze', 'corpus/seeds', '--format', 'csv', '--out', join(dir, 'csv'), '--resamples', '100']);
    expect(csv.code).toBe(0);
    const labels = readFileSync(join(dir, 'csv', 'labels.csv'), 'utf8').split('\n');
    expect(labels[0]).toBe('outlet,referent,voice,label,count,share,referent_mentions,stance,ci95_low,ci95_high');
    expect(labels.length).toBeGreaterThan(10);
    const hits = readFileSync(join(dir, 'csv', 'hits.csv'), 'utf8');
    expect(hits).toMatch(/^document,outlet,date,label,referent/);
    const md = await runCli(['analyze', 'corpus/seeds', '--format', 'md', '--out', join(dir, 'r.md'), '--resamples', '100']);
    expect(md.code).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^# framelens report/);
  });

  it('exits 2 with a message for usage errors and a missing path', async () => {
    const bad = await runCli(['analyze', 'corpus/seeds', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of/);
    const missing = await runCli(['analyze', '/nonexistent/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/\/nonexistent\/folder/);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
  });

  it('checks output and cache paths before analyzing, with exit 2', async () => {
    const dir = tempDir('fl-dest-');
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const cases: Array<[string[], RegExp]> = [
      [['--format', 'json', '--out', join(dir, 'missing', 'r.json')], /does not exist/],
      [['--format', 'json', '--out', dir], /is a folder/],
      [['--format', 'csv', '--out', file], /a file stands there/],
      [['--cache', file], /--cache .*a file stands there/],
      [['--pair', 'AFP,AFP'], /two different outlets/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['analyze', 'corpus/seeds', ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/analyzed \d+ documents/);
    }
  });

  it('exits 2 naming file and line for a malformed lexicon', async () => {
    const dir = tempDir('fl-lex-');
    const file = join(dir, 'bad.yml');
    writeFileSync(file, 'lexicon: bad\nversion: 1\nreferents:\n  - id: x\nlabels:\n  - id: y\n    referent: x\n    weight: 9\n    category: actor-label\n    patterns: [y]\n    rationale: r\n');
    const run = await runCli(['analyze', 'corpus/seeds', '--lexicon', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:8:`);
    expect(run.stderr).toMatch(/weight/);
  });

  it('reuses cached analyses on an incremental re-run', async () => {
    const dir = tempDir('fl-cache-');
    const first = await runCli(['analyze', 'corpus/seeds', '--cache', dir, '--format', 'json', '--resamples', '100']);
    expect(first.stderr).toMatch(/analyzed 5 documents in/);
    const second = await runCli(['analyze', 'corpus/seeds', '--cache', dir, '--format', 'json', '--resamples', '100']);
    expect(second.stderr).toMatch(/analyzed 0 documents, 5 from cache/);
    const a = JSON.parse(first.stdout) as Report;
    const b = JSON.parse(second.stdout) as Report;
    expect(b.outlets).toEqual(a.outlets);
  });
});
