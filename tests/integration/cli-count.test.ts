import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { parseCsv } from '../../src/corpus/csv.js';
import { tempDir } from '../helpers/temp.js';

function corpus(): string {
  const dir = tempDir('framelens-count-');
  const rows = [
    { id: 'a', outlet: 'One', text: 'A ceasefire after the air strike. Civilians fled; refugees waited.' },
    { id: 'b', outlet: 'Two', text: 'The court met. No war here, only a ceasefire and a tribunal.' },
  ];
  writeFileSync(join(dir, 'docs.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return dir;
}

describe('framelens count', () => {
  it('writes tidy document × category rows with counts and rates', async () => {
    const dir = corpus();
    const run = await runCli(['count', '-d', 'tests/fixtures/dictionaries/framing.dic', dir]);
    expect(run.code).toBe(0);
    const { records } = parseCsv(run.stdout, { header: true });
    const header = records[0].fields;
    const get = (doc: string, cat: string, col: string) => {
      const r = records.slice(1).find((x) => x.fields[header.indexOf('document_id')] === doc && x.fields[header.indexOf('category')] === cat)!;
      return Number(r.fields[header.indexOf(col)]);
    };
    // a: ceasefire (conflict+humanitarian), air strike (conflict), civilians (civilian*: both), refugees (humanitarian).
    expect(get('a', 'conflict', 'count')).toBe(3);
    expect(get('a', 'humanitarian', 'count')).toBe(3);
    expect(get('a', 'conflict', 'words')).toBe(10);
    expect(get('a', 'conflict', 'per_1000')).toBe(300);
    expect(get('a', 'conflict', 'percent')).toBe(30);
    // b: court, tribunal (legal process); war, ceasefire (conflict).
    expect(get('b', 'legal process', 'count')).toBe(2);
    expect(get('b', 'conflict', 'count')).toBe(2);
    expect(run.stderr).toMatch(/counted 3 categories of framing\.dic \(liwc\) in 2 documents/);
  });

  it('writes LIWC-style wide rows and JSON, and quanteda semantics on request', async () => {
    const dir = corpus();
    const wide = await runCli(['count', '-d', 'tests/fixtures/dictionaries/framing.dicx', dir, '--format', 'wide', '--rate', 'count']);
    expect(wide.stdout.split('\n')[0]).toBe('document_id,outlet,date,WC,Dic,conflict,humanitarian,legal process');
    expect(wide.stdout.split('\n')[1]).toBe('a,One,,10,40,3,2,0');
    const out = join(dir, 'counts.json');
    const json = await runCli(['count', '-d', 'tests/fixtures/dictionaries/framing.dic', '--semantics', 'quanteda', dir, '--format', 'json', '--out', out]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(readFileSync(out, 'utf8'));
    expect(parsed.dictionaries[0].semantics).toBe('quanteda');
    expect(parsed.documents[1].dictionaries[0].categories['legal process']).toEqual({ count: 2, per1000: 166.6667 });
  });

  it('refuses a missing dictionary or a bad option with exit code 2', async () => {
    const dir = corpus();
    expect((await runCli(['count', dir])).code).toBe(2);
    const bad = await runCli(['count', '-d', 'tests/fixtures/dictionaries/unknown-category.dic', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown-category\.dic:7: unknown category number 7/);
    expect((await runCli(['count', '-d', 'tests/fixtures/dictionaries/framing.dic', dir, '--semantics', 'wordstat'])).code).toBe(2);
  });
});
