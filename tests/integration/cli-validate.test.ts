import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { parseCsv } from '../../src/corpus/csv.js';
import { toCsv } from '../../src/report/csv.js';
import { tempDir } from '../helpers/temp.js';

describe('framelens validate on the seed corpus', () => {
  it('samples hits for coding, then scores the coded file', async () => {
    const dir = tempDir('framelens-validate-');
    const sampleFile = join(dir, 'sample.csv');
    const run = await runCli(['validate', 'sample', 'corpus/seeds', '--n', '40', '--seed', '9', '--out', sampleFile]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/sampled 40 of \d+ hits in \d+ label × voice strata from 5 documents/);
    const { records } = parseCsv(readFileSync(sampleFile, 'utf8'), { header: true });
    const header = records[0].fields;
    const rows = records.slice(1).map((r) => r.fields);
    expect(rows).toHaveLength(40);
    const at = (name: string) => header.indexOf(name);
    // Every sampled hit is traceable to its text: the context holds the hit's words between [[ ]].
    for (const r of rows) expect(r[at('context')]).toContain(`[[${r[at('text')].replace(/\s+/g, ' ')}]]`);

    // A coder who judges every hit right except those of one label.
    const wrongLabel = rows[0][at('label')];
    for (const r of rows) {
      r[at('label_correct')] = r[at('label')] === wrongLabel ? 'n' : 'y';
      r[at('voice_correct')] = 'y';
      r[at('coder')] = 'ann';
    }
    const coded = join(dir, 'coded.csv');
    writeFileSync(coded, toCsv(header, rows));
    const score = await runCli(['validate', 'score', coded, '--format', 'json']);
    expect(score.code).toBe(0);
    const result = JSON.parse(score.stdout);
    const wrong = rows.filter((r) => r[at('label')] === wrongLabel).length;
    expect(result.labelPrecision.overall.precision).toBeCloseTo((40 - wrong) / 40, 10);
    expect(result.labelPrecision.byLabel.find((l: { label: string }) => l.label === wrongLabel).precision).toBe(0);
    expect(result.voiceAccuracy.overall.precision).toBe(1);

    const table = await runCli(['validate', 'score', coded]);
    expect(table.stdout).toMatch(/Label precision/);
    expect(table.stdout).toMatch(/estimate for all hits/);
  });

  it('reports a bad coded file with its line and exit code 2', async () => {
    const dir = tempDir('framelens-validate-');
    const f = join(dir, 'bad.csv');
    writeFileSync(f, 'sample_id,label,voice,label_correct\ns1,occupiers,author,y\ns2,occupiers,author,perhaps\n');
    const run = await runCli(['validate', 'score', f]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${f}:3: column "label_correct" has "perhaps"`);
    const missing = await runCli(['validate', 'score', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv: ENOENT/);
    const unknown = await runCli(['validate', 'frobnicate']);
    expect(unknown.code).toBe(2);
  });
});
