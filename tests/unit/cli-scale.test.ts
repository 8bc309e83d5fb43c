import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { parseShard } from '../../src/cli/analyze.js';
import { shardOf } from '../../src/pipeline.js';
import { tempDir } from '../helpers/temp.js';

function fakeStream(isTTY: boolean) {
  const out: string[] = [];
  return { isTTY, out, write: (s: string) => { out.push(s); return true; } };
}

describe('progress', () => {
  it('draws a bar with count, percentage and ETA on a terminal, one line per stage', () => {
    let t = 0;
    const s = fakeStream(true);
    const p = createProgress('auto', s, () => t);
    p.stage('analyzing', 100);
    t = 2000;
    p.update(50, 100);
    p.done();
    p.stage('report');
    p.done('finished');
    const text = s.out.join('');
    expect(text).toContain('analyzing [##############--------------] 50/100 (50%) 25/s eta 2s');
    expect(text).toContain('\rreport 0');
    expect(text.endsWith('finished\n')).toBe(true);
  });

  it('prints plain lines every few seconds when not a terminal, nothing in a short run', () => {
    let t = 0;
    const s = fakeStream(false);
    const p = createProgress('auto', s, () => t);
    p.stage('analyzing', 1000);
    t = 1000;
    p.update(10, 1000);
    expect(s.out).toEqual([]);
    t = 6000;
    p.update(600, 1000);
    t = 7000;
    p.update(700, 1000);
    expect(s.out).toEqual(['analyzing 600/1000 (60%) 100/s eta 4s\n']);
    expect(s.out.join('')).not.toContain('\r');
  });

  it('is silent when quiet, even for the final message', () => {
    let t = 0;
    const s = fakeStream(true);
    const p = createProgress('quiet', s, () => t);
    p.stage('analyzing', 10);
    t = 10_000;
    p.update(10, 10);
    p.done('finished');
    expect(s.out).toEqual([]);
  });
});

describe('--shard', () => {
  it('takes I/N with 0 <= I < N and refuses anything else with the form to use', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(undefined)).toBeUndefined();
    for (const bad of ['4/4', '1/0', 'a/b', '1', '-1/3']) expect(() => parseShard(bad)).toThrow(/--shard takes I\/N with 0 <= I < N/);
  });

  it('splits ids into disjoint, roughly even, deterministic shards', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `doc-${i}`);
    const counts = [0, 0, 0];
    for (const id of ids) counts[shardOf(id, 3)]++;
    for (const c of counts) expect(c).toBeGreaterThan(900);
    expect(ids.map((id) => shardOf(id, 3))).toEqual(ids.map((id) => shardOf(id, 3)));
    expect(shardOf('anything', 1)).toBe(0);
  });
});

describe('analyze --quiet', () => {
  it('writes the report and nothing on stderr', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const quiet = await runCli(['analyze', 'corpus/seeds', '--quiet', '--format', 'json', '--resamples', '20']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(JSON.parse(quiet.stdout).corpus.documents).toBe(5);
    const loud = await runCli(['analyze', 'corpus/seeds', '--format', 'json', '--resamples', '20']);
    expect(loud.stderr).toMatch(/analyzed 5 documents in/);
  });
});

describe('shards of a small corpus', () => {
  it('takes empty shards as they are: eight shards of five documents merge into the single run', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const { join } = await import('node:path');
    const dir = tempDir('fl-8-shards-');
    const common = ['--format', 'json', '--resamples', '20', '--quiet'];
    const parts: string[] = [];
    let empty = 0;
    for (let i = 0; i < 8; i++) {
      parts.push(join(dir, `part-${i}.db`));
      const r = await runCli(['analyze', 'corpus/seeds', '--shard', `${i}/8`, '--db', parts[i], ...common]);
      expect(r.code, r.stderr).toBe(0);
      if (JSON.parse(r.stdout).corpus.documents === 0) empty++;
    }
    expect(empty).toBeGreaterThan(0);
    const merged = await runCli(['merge', '--db', join(dir, 'all.db'), ...parts, '--format', 'json', '--quiet']);
    expect(merged.code, merged.stderr).toBe(0);
    const single = await runCli(['analyze', 'corpus/seeds', ...common]);
    expect(merged.stdout).toBe(single.stdout);
  });
});
