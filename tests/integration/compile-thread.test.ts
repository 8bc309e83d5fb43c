import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

// Threads need compiled JavaScript: this test runs the build in dist/ (made by `npm ci` / `npm run build`).
const distUrl = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;
const root = new URL('../..', import.meta.url).pathname;
const dir = tempDir('framelens-compile-thread-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compiling the lexicon off the main thread', () => {
  it('gives a lexicon that analyzes exactly as the one compiled here', async () => {
    expect(existsSync(new URL(distUrl('src/worker/compile.js'))), 'dist/ is missing: run `npm run build` first').toBe(true);
    const { compileOffThread } = await import(distUrl('src/worker/compile.js'));
    const { compileLexicon } = await import(distUrl('src/lexicon/compile.js'));
    const { loadLexicons } = await import(distUrl('src/lexicon/load.js'));
    const { defaultLexiconPath } = await import(distUrl('src/paths.js'));
    const { analyzeCorpus } = await import(distUrl('src/pipeline.js'));
    const { generateCorpus } = await import(distUrl('bench/corpus.js'));
    const lexicon = loadLexicons([defaultLexiconPath()]);
    const here = compileLexicon(lexicon);
    const there = await compileOffThread(lexicon);
    expect(there.patternCount).toBe(here.patternCount);
    expect(there.lexicon.sources).toEqual(here.lexicon.sources);
    const docs = generateCorpus('corpus/seeds', 120 * 1024);
    expect(JSON.stringify(analyzeCorpus(docs, there).analyses)).toBe(JSON.stringify(analyzeCorpus(docs, here).analyses));
  });

  it('reports a lexicon problem as the same LexiconError, naming file and line', async () => {
    const { compileOffThread } = await import(distUrl('src/worker/compile.js'));
    const { compileLexicon } = await import(distUrl('src/lexicon/compile.js'));
    const { loadLexicons } = await import(distUrl('src/lexicon/load.js'));
    const { defaultLexiconPath } = await import(distUrl('src/paths.js'));
    // The loader already refuses most bad patterns; punctuation inside a word list reaches the compiler only when a
    // lexicon is built in code, as here.
    const valid = loadLexicons([defaultLexiconPath()]);
    const first = valid.entries[0];
    const lexicon = { ...valid, entries: [{ ...first, patterns: [{ ...first.patterns[0], source: 'occupation, forces', line: 10, file: 'bad.yml' }] }, ...valid.entries.slice(1)] };
    let here: { name: string; problems: unknown[]; exitCode?: number } | undefined;
    try {
      compileLexicon(lexicon);
    } catch (err) {
      here = err as typeof here;
    }
    expect(here?.name).toBe('LexiconError');
    const there = await compileOffThread(lexicon).then(() => undefined, (err: typeof here) => err);
    expect(there?.name).toBe('LexiconError');
    expect(there?.problems).toEqual(here?.problems);
    expect(String((there as unknown as Error).message)).toMatch(/bad\.yml:10:.*punctuation/);
  });

  it('keeps the wink-nlp model off the main thread of `analyze -j 2` on a large input, and the report equals the -j 1 one', () => {
    const write = (name: string, paragraphs: number) => {
      const file = join(dir, name);
      const lines: string[] = [];
      // Enough documents for the pool to start (the pipeline analyzes fewer than 64 on the main thread).
      for (let i = 0; i < 90; i++) {
        const paragraph = `Iran-backed militias attacked US forces near base ${i}. The Zionist regime and the resistance were named in report ${i}. `;
        lines.push(JSON.stringify({ id: `d${i}`, outlet: `Outlet ${i % 3}`, date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`, text: paragraph.repeat(paragraphs) }));
      }
      writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    };
    const run = (corpus: string, workers: number) => {
      const report = join(dir, `model-${workers}.txt`);
      const out = join(dir, `report-${workers}.json`);
      const r = spawnSync(process.execPath, ['-r', join(root, 'tests/fixtures/preload/report-model-loaded.cjs'),
        join(root, 'dist/src/cli/main.js'), 'analyze', corpus, '-j', String(workers), '--format', 'json', '--out', out, '--quiet'],
      { encoding: 'utf8', env: { ...process.env, FRAMELENS_TEST_MODEL_REPORT: report } });
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(readFileSync(out, 'utf8'));
      delete json.generated;
      delete json.run;
      return { model: readFileSync(report, 'utf8'), report: json };
    };
    // ~300 KB: above the size from which the lexicon is compiled off the main thread.
    const large = write('large.jsonl', 25);
    const two = run(large, 2);
    const one = run(large, 1);
    expect(two.model).toBe('not loaded');
    // The check itself can fail: a run that analyzes on the main thread has the model there.
    expect(one.model).toBe('loaded');
    expect(two.report).toEqual(one.report);
    // A small input is analyzed on the main thread anyway, so the lexicon is compiled there (one model, not two).
    expect(run(write('small.jsonl', 1), 2).model).toBe('loaded');
  }, 120_000); // three whole `analyze` runs: on a loaded machine more than the default 30 s
  it('starts no pool workers early for one large text file, which is one document analyzed on the main thread', () => {
    const file = join(dir, 'one-large.txt');
    writeFileSync(file, 'Iran-backed militias attacked US forces near the base, the Pentagon said. '.repeat(4000));
    const report = join(dir, 'workers.txt');
    const run = (input: string) => {
      const r = spawnSync(process.execPath, ['-r', join(root, 'tests/fixtures/preload/report-workers.cjs'),
        join(root, 'dist/src/cli/main.js'), 'analyze', input, '-j', '2', '--default-outlet', 'One', '--format', 'json', '--omit-hits', '--out', join(dir, 'one.json'), '--quiet'],
      { encoding: 'utf8', env: { ...process.env, FRAMELENS_TEST_WORKER_REPORT: report } });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(report, 'utf8').split('\n').filter(Boolean);
    };
    const single = run(file);
    expect(single.filter((name) => name.startsWith('analyze-worker'))).toEqual([]);
    // The check itself can fail: the same bytes as many documents start the pool while the lexicon compiles.
    const lines = Array.from({ length: 90 }, (_, i) => JSON.stringify({ id: `m${i}`, outlet: 'One', text: 'Iran-backed militias attacked US forces near the base. '.repeat(60) }));
    const many = join(dir, 'many.jsonl');
    writeFileSync(many, `${lines.join('\n')}\n`);
    expect(run(many).filter((name) => name.startsWith('analyze-worker')).length).toBe(2);
  }, 120_000);
});

describe('pool workers started while the lexicon compiles', () => {
  const big = () => {
    const file = join(dir, 'early.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 90; i++) {
      const paragraph = `Iran-backed militias attacked US forces near base ${i}. The resistance answered in report ${i}. `;
      lines.push(JSON.stringify({ id: `e${i}`, outlet: `Outlet ${i % 3}`, text: paragraph.repeat(40) }));
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };

  it('analyze batches given before the lexicon arrives once it does, with the same result', async () => {
    const { WorkerPool } = await import(distUrl('src/worker/pool.js'));
    const { joinAnalysis } = await import(distUrl('src/store/analysis-json.js'));
    const { compileLexicon } = await import(distUrl('src/lexicon/compile.js'));
    const { loadLexicons } = await import(distUrl('src/lexicon/load.js'));
    const { defaultLexiconPath } = await import(distUrl('src/paths.js'));
    const { analyzeDocument } = await import(distUrl('src/analysis/analyze.js'));
    const compiled = compileLexicon(loadLexicons([defaultLexiconPath()]));
    let give: (c: unknown) => void = () => {};
    const pool = new WorkerPool(new Promise((resolve) => { give = resolve; }), 2);
    try {
      const doc = { id: 'a', outlet: 'o', text: 'Iran-backed militias attacked US forces, the Pentagon said.' };
      const answer = pool.analyze([doc]);
      let early = false;
      void answer.then(() => { early = true; });
      await new Promise((r) => setTimeout(r, 200));
      expect(early).toBe(false);
      give(compiled);
      const result = await answer;
      expect(JSON.stringify(joinAnalysis(result.analyses[0], result.hits[0]))).toBe(JSON.stringify(analyzeDocument({ ...doc, meta: {} }, compiled)));
    } finally {
      await pool.close();
    }
    const failing = new WorkerPool(Promise.reject(new Error('bad.yml:3: broken')), 1);
    await expect(failing.analyze([{ id: 'b', outlet: 'o', text: 'x' }])).rejects.toThrow('the analysis workers got no lexicon: bad.yml:3: broken');
    await failing.close();
  });

  it('a lexicon refused on load ends `analyze -j 2` of a large input at once with its message (no worker left running)', () => {
    const lexicon = join(dir, 'broken.yml');
    // Valid YAML of a framelens lexicon, refused by the loader (which runs with the compiling, after the pool started).
    writeFileSync(lexicon, 'lexicon: test\nversion: 1.0.0\nreferents:\n  - id: us-forces\n    label: US forces\nlabels:\n'
      + '  - id: occupiers\n    referent: nowhere\n    category: actor-label\n    weight: -2\n    patterns: [occupier]\n    rationale: x\n');
    const r = spawnSync(process.execPath, [join(root, 'dist/src/cli/main.js'), 'analyze', big(), '--lexicon', lexicon, '-j', '2', '--format', 'json', '--quiet'],
      { encoding: 'utf8', timeout: 60_000 });
    expect(r.error, 'analyze did not end: a pool worker kept it alive').toBeUndefined();
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/broken\.yml:8:15: unknown referent "nowhere"/);
  });
});
