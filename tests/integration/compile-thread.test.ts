import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Threads need compiled JavaScript: this test runs the build in dist/ (made by `npm ci` / `npm run build`).
const distUrl = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;
const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'framelens-compile-thread-'));
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
  });
});
