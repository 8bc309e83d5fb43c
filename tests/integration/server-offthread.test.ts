import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Worker threads need compiled JavaScript: this test runs the build in dist/ (made by `npm ci` / `npm run build`).
const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;

describe('the server analyzes uploads off its main thread', () => {
  it('answers a small request quickly while a large pasted text is being analyzed', async () => {
    expect(existsSync(new URL(dist('src/server/app.js'))), 'dist/ is missing: run `npm run build` first').toBe(true);
    const { createApp } = await import(dist('src/server/app.js'));
    const { createState } = await import(dist('src/server/state.js'));
    const { loadCompiled } = await import(dist('src/cli/common.js'));
    const { readCorpus } = await import(dist('src/corpus/read.js'));
    const { seedParagraphs } = await import(dist('bench/corpus.js'));
    const compiled = loadCompiled(undefined);
    const { documents } = await readCorpus(['corpus/seeds']);
    const state = createState({ compiled, documents, reportOptions: { resamples: 50 } });
    const { textAnalyzer } = await import(dist('src/server/analyzer.js'));
    const analyzer = textAnalyzer(compiled);
    const app = createApp(state, { analyzer });

    // Two texts of about 150,000 characters of real paragraphs each.
    const paragraphs: string[] = seedParagraphs('corpus/seeds');
    const long = (offset: number) => {
      const parts: string[] = [];
      for (let k = offset; parts.join('\n\n').length < 150_000; k++) parts.push(paragraphs[k % paragraphs.length]);
      return parts.join('\n\n');
    };
    const body = JSON.stringify({ texts: [{ outlet: 'Big A', text: long(0) }, { outlet: 'Big B', text: long(7) }] });

    const started = performance.now();
    let largeDone = 0;
    const large = Promise.resolve(app.request('/api/analyze', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } }))
      .then(async (res: Response) => {
        largeDone = performance.now() - started;
        return { status: res.status, json: (await res.json()) as { columns: unknown[] } };
      });
    // Latency is counted from when the small request was due: a blocked main thread would fire the timer late.
    const due = performance.now() + 100;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const small = due;
    const res = await app.request('/term?q=militias');
    expect(res.status).toBe(200);
    await res.text();
    const smallMs = performance.now() - small;

    const { status, json } = await large;
    expect(status).toBe(200);
    expect(json.columns).toHaveLength(2);
    // The small request neither waited for the large analysis nor was slowed to its pace.
    expect(largeDone).toBeGreaterThan(smallMs * 3);
    expect(smallMs).toBeLessThan(1000);
    await analyzer.close();
  }, 120_000);

  it('adds pasted texts at once and recomputes the report on a worker while the old one serves', async () => {
    const { createApp } = await import(dist('src/server/app.js'));
    const { createState } = await import(dist('src/server/state.js'));
    const { textAnalyzer } = await import(dist('src/server/analyzer.js'));
    const { loadCompiled } = await import(dist('src/cli/common.js'));
    const { readCorpus } = await import(dist('src/corpus/read.js'));
    const compiled = loadCompiled(undefined);
    const { documents } = await readCorpus(['corpus/seeds']);
    const state = createState({ compiled, documents, reportOptions: { resamples: 50 } });
    const analyzer = textAnalyzer(compiled);
    const app = createApp(state, { analyzer });
    const before = state.report.corpus.documents;
    const texts = [
      { outlet: 'Added A', text: 'Iran-backed militias attacked US forces near the border, the Pentagon said.' },
      { outlet: 'Added B', text: 'The resistance struck the occupation forces, the group said in a statement.' },
    ];
    const res = await app.request('/api/analyze', { method: 'POST', body: JSON.stringify({ texts, addToCorpus: true }), headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(200);
    // Answered before the statistics were recomputed: counts and index already hold the texts, the report follows.
    expect(state.refreshing).toBeDefined();
    expect(state.reportBehind).toBe(2);
    expect(state.report.corpus.documents).toBe(before);
    expect(await (await app.request('/')).text()).toContain('being recomputed to include 2 text(s)');
    await state.refreshing;
    expect(state.reportBehind).toBe(0);
    expect(state.report.corpus.documents).toBe(before + 2);
    expect(state.report.outlets.map((o: { outlet: string }) => o.outlet)).toContain('Added A');
    expect(await (await app.request('/')).text()).not.toContain('being recomputed');
    await analyzer.close();
  }, 120_000);
});
