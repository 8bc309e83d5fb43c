/**
 * Category dictionaries in the web UI: serve --lexicon my.dic counts the dictionary next to the framing lexicon and
 * the Categories page shows its rates per 1,000 words per outlet and per group, with CSV and JSON behind it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createState } from '../../src/server/state.js';
import { CategoryCounter, loadCategoryDictionary } from '../../src/dictionary/index.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { parseLexicon } from '../../src/lexicon/load.js';
import { evilDocument, EVIL_OUTLET, lexicon, repo, seedDocuments } from './server-fixture.js';

const DIC = path.join(repo, 'tests/fixtures/dictionaries/framing.dic');
const get = (app: ReturnType<typeof createApp>, url: string) => app.request(url, { headers: { Host: 'localhost' } });

async function app(withDictionary: boolean, compiled = lexicon()) {
  const documents = [...(await seedDocuments()), evilDocument()];
  const groups = { ownership: Object.fromEntries(documents.map((d, i) => [d.outlet, i % 2 ? 'state' : 'private'])) };
  const state = createState({
    compiled, documents,
    reportOptions: { resamples: 50, ...(withDictionary ? { dictionaries: [DIC], groups } : {}) },
  });
  return { app: createApp(state), state, documents };
}

describe('Categories page', () => {
  it('shows per-outlet and per-group rates per 1,000 words that equal an independent count', async () => {
    const { app: a, documents } = await app(true);
    const html = await (await get(a, '/categories')).text();
    expect(html).toContain('<h2 id="dict-0">framing.dic</h2>');
    for (const cat of ['conflict', 'humanitarian', 'legal process']) expect(html).toContain(`<th scope="col" class="num">${cat}</th>`);
    // An outlet's rate is 1,000 × its category count over its words, counted here with the counter alone.
    const counter = new CategoryCounter(loadCategoryDictionary(DIC));
    const doc = documents[0];
    const own = documents.filter((d) => d.outlet === doc.outlet).map((d) => counter.count(d.text));
    const words = own.reduce((n, r) => n + r.words, 0);
    const conflict = own.reduce((n, r) => n + r.counts[0], 0);
    const rate = (Math.round((1e4 * 1000 * conflict) / words) / 1e4).toFixed(2);
    const row = html.slice(html.indexOf(`<th scope="row">${doc.outlet}</th>`));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain(`>${rate}</td>`);
    expect(html).toContain('Per group of ownership');
    expect(html).toMatch(/<th scope="row">private<\/th>/);
    // Corpus text is escaped.
    expect(html).not.toContain(EVIL_OUTLET);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert');

    const csv = await (await get(a, '/api/categories?format=csv')).text();
    expect(csv.split('\n')[0]).toBe('dictionary,level,grouping,name,documents,words,category,count,per_1000');
    expect(csv).toMatch(/,group,ownership,state,/);
    const json = await (await get(a, '/api/categories')).json() as Array<{ categories: string[] }>;
    expect(json[0].categories).toEqual(['conflict', 'humanitarian', 'legal process']);
    const overview = await (await get(a, '/')).text();
    expect(overview).toContain('href="/categories"');
  });

  it('without a dictionary, says how to load one, and the overview does not point to it', async () => {
    const { app: a } = await app(false);
    const html = await (await get(a, '/categories')).text();
    expect(html).toContain('No category dictionary is loaded');
    expect(html).toContain('--lexicon my.dic');
    expect(await (await get(a, '/api/categories')).json()).toEqual([]);
    expect(await (await get(a, '/')).text()).not.toContain('href="/categories"');
  });

  it('says so when every framing weight is 0 (an imported dictionary): the rates are the figures to compare', async () => {
    const flat = compileLexicon(parseLexicon(`lexicon: flat
version: 1
referents:
  - { id: war, label: War }
labels:
  - { id: war-words, referent: war, category: event-label, weight: 0, patterns: [war, ceasefire], rationale: imported }
`, 'flat.yml'));
    const { app: a } = await app(true, flat);
    expect(await (await get(a, '/categories')).text()).toContain('Every label of the framing lexicon weighs 0');
    // The Overview says why its stance is flat and points to the rates, with or without a dictionary loaded.
    expect(await (await get(a, '/')).text()).toMatch(/Every label of this lexicon weighs 0<\/strong>, so every stance below is 0\. Compare <a href="\/categories">/);
    const { app: bare } = await app(false, flat);
    expect(await (await get(bare, '/')).text()).toContain('give the dictionary itself as a category dictionary');
  });
});

describe('framelens serve with research options', () => {
  it('refuses report options with --db, whose report was built by analyze', async () => {
    const { runServe } = await import('../../src/cli/serve.js');
    await expect(runServe(['--db', 'no-such.db', '--by', 'month', '--lexicon', DIC])).rejects.toThrow(/--by changes the report/);
    await expect(runServe(['--db', 'no-such.db', '--lexicon', DIC])).rejects.toThrow(/framing\.dic is a category dictionary, counted into the report, and a store serves the report analyze --db wrote/);
  });
});
