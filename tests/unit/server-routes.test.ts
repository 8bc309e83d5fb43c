import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app.js';
import type { AppState } from '../../src/server/state.js';
import { EVIL_OUTLET, freshState } from './server-fixture.js';

let state: AppState;
let app: Hono;

const ORIGIN = 'http://localhost';
const get = (path: string) => app.request(path);
const text = async (path: string) => {
  const res = await get(path);
  return { res, body: await res.text() };
};
const qs = (pairs: Array<[string, string]>) => new URLSearchParams(pairs).toString();

beforeAll(async () => {
  state = await freshState();
  app = createApp(state);
});

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('pages', () => {
  it.each([
    ['/', 'Corpus overview'],
    ['/compare', 'Compare outlets, documents or an event'],
    ['/term', 'Term in context'],
    ['/lexicon', 'Lexicon'],
    ['/analyze', 'Analyze your own text'],
  ])('%s answers 200 with an HTML page', async (path, heading) => {
    const { res, body } = await text(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(body.startsWith('<!doctype html>')).toBe(true);
    expect(body).toContain(`<h1>${heading}`);
    expect(body).toContain('<a class="skip-link" href="#main">');
    expect(body).toContain('<main id="main"');
  });

  it('overview shows corpus size, the biggest differences, a stance dot plot table, divergence pairs and a clustered heat map', async () => {
    const { body } = await text('/');
    const report = state.report;
    expect(body).toContain(`<dd>${report.corpus.documents}</dd>`);
    expect(body.indexOf('The biggest differences')).toBeLessThan(body.indexOf('id="stance-table"'));
    expect(body).toContain('class="data stance-rows" id="stance-table"');
    expect(body).toContain('<svg class="interval-dot"');
    expect(body).toContain('<svg class="heatmap-svg"');
    expect(body).toMatch(/<path class="heat-[0-4]"/);
    expect(body).toContain('small sample');
    // No chart library and no data block: the charts are drawn on the server.
    expect(body).not.toContain('chart.umd.js');
    // The stance of the first referent's outlets appears as the table shows it, linked to its hits.
    const afp = report.outlets.find((o) => o.outlet === 'AFP')!;
    const first = body.match(/<a href="\/\?referent=([^"#]+)#stance" aria-current="true">/)![1];
    const s = afp.referents[first];
    const shown = s.stance === 0 ? '0.00' : `${s.stance! > 0 ? '+' : '−'}${Math.abs(s.stance!).toFixed(2)}`;
    expect(body).toContain(`<a href="/hits?outlet=AFP&amp;referent=${first}&amp;adopted=yes">${shown}</a>`);
  });

  it('overview sorts and filters on the server: ?sort, ?dir, ?outlet, ?min; bad values are a 400 naming the field', async () => {
    const rows = (b: string) => [...b.matchAll(/<tr[^>]*data-outlet="([^"]*)"/g)].map((m) => m[1]);
    const byName = rows((await text('/?sort=outlet')).body);
    expect(byName.length).toBeGreaterThan(2);
    expect([...byName].sort((a, b) => a.localeCompare(b))).toEqual(byName);
    const desc = rows((await text('/?sort=outlet&dir=desc')).body);
    expect(desc).toEqual([...byName].reverse());
    const filtered = rows((await text('/?outlet=press')).body);
    expect(filtered).toEqual(['Press TV']);
    expect(rows((await text('/?min=99')).body)).toEqual([]);
    const bad = await text('/?sort=colour');
    expect(bad.res.status).toBe(400);
    expect(bad.body).toContain('sort must be one of');
    expect((await text('/?min=-1')).res.status).toBe(400);
  });

  it('the Term page gives per-outlet counts and rates as a table, zeros only when asked, and filters a label by voice', async () => {
    const { body } = await text('/term?q=occupation-forces');
    const table = body.slice(body.indexOf('<table class="data term-outlets">'), body.indexOf('</table>', body.indexOf('term-outlets')));
    const outlets = [...table.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]);
    const using = [...state.labelUse.get('occupation-forces')!.byOutlet.entries()].filter(([, n]) => n > 0).map(([o]) => o.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    expect(new Set(outlets)).toEqual(new Set(using));
    expect(table).toContain('Per 1,000 words');
    const all = await text('/term?q=occupation-forces&zeros=yes');
    const allTable = all.body.slice(all.body.indexOf('term-outlets'), all.body.indexOf('</table>', all.body.indexOf('term-outlets')));
    expect(allTable.match(/<th scope="row">/g)?.length).toBe(state.outlets.length);
    // Referent and weight columns in the lines; the readable name of the label.
    expect(body).toContain('<th scope="col">Referent</th>');
    expect(body).toContain('<th scope="col" class="num">Weight</th>');
    const quoted = await text('/term?q=occupation-forces&voice=quoted');
    const voices = [...quoted.body.matchAll(/<td>(outlet&#39;s own voice|direct quotation|reported speech)<\/td>/g)].map((m) => m[1]);
    expect(new Set(voices)).toEqual(new Set(voices.length ? ['direct quotation'] : []));
    expect((await text('/term?q=occupation-forces&voice=loud')).res.status).toBe(400);
  });

  it('/hits lists the hits behind a number, with context, and filters by voice', async () => {
    const { res, body } = await text(`/hits?${qs([['outlet', 'Press TV'], ['referent', 'israel']])}`);
    expect(res.status).toBe(200);
    const lines = body.match(/<tr><td><a href="\/doc\//g) ?? [];
    expect(lines.length).toBeGreaterThan(0);
    const quoted = await text(`/hits?${qs([['outlet', 'Press TV'], ['referent', 'israel'], ['voice', 'author']])}`);
    expect((quoted.body.match(/<tr><td><a href="\/doc\//g) ?? []).length).toBeLessThanOrEqual(lines.length);
    expect(quoted.body).not.toMatch(/<td>direct quotation/);
    expect((await text('/hits')).res.status).toBe(400);
    expect((await text('/hits?outlet=Nobody')).res.status).toBe(404);
    expect((await text('/hits?outlet=AFP&voice=loud')).res.status).toBe(400);
  });

  it('compare by outlets shows one column per outlet, every column with marks, and the referent table', async () => {
    const { res, body } = await text(`/compare?${qs([['outlets', 'AFP'], ['outlets', 'Press TV'], ['outlets', 'ISWNews']])}`);
    expect(res.status).toBe(200);
    expect(body).toContain('class="columns cols-3"');
    const columns = body.split('<section class="column"').slice(1);
    expect(columns).toHaveLength(3);
    for (const col of columns) expect(col).toMatch(/<mark class="hit (wn2|wn1|w0|wp1|wp2) v-/);
    expect(body).toContain('Same referent, different label');
    const table = body.slice(body.indexOf('class="data compare-table"'), body.indexOf('</table>', body.indexOf('class="data compare-table"')));
    expect(table).toContain('US forces and the coalition');
    expect(table.match(/<th scope="col">/g)).toHaveLength(4); // referent + three outlets
  });

  it('marks carry label and referent ids and a title; the page glossary gives their words; marks are keyboard focusable', async () => {
    const { body } = await text(`/compare?${qs([['outlets', 'AFP'], ['outlets', 'Press TV']])}`);
    const columns = body.slice(body.indexOf('<section class="column"'));
    const mark = columns.match(/<mark class="hit[^>]*>/)![0];
    expect(mark).toContain('tabindex="0"');
    const label = /data-label="([^"]+)"/.exec(mark)![1];
    expect(mark).toMatch(/data-referent="[^"]+"/);
    expect(mark).toMatch(/title="[^"]+"/);
    // The words are said once per page, not on every mark.
    expect(body).not.toMatch(/data-(rationale|name|weight|voice|text)=/);
    const block = /<script type="application\/json" id="mark-glossary">([^<]*)<\/script>/.exec(body)![1];
    const glossary = JSON.parse(block) as { labels: Record<string, { name: string; weight: string; rationale: string }>; referents: Record<string, string> };
    expect(glossary.labels[label].name).toBeTruthy();
    expect(glossary.labels[label].weight).toMatch(/^[+−-]?\d\.\d \(/);
    expect(glossary.labels[label].rationale.length).toBeGreaterThan(10);
    // The title says the same for a reader without the script.
    expect(mark).toContain(escapeAttr(glossary.labels[label].name));
    // Every label marked on the page is in the glossary.
    for (const m of body.matchAll(/<mark class="hit[^>]*data-label="([^"]+)"/g)) expect(glossary.labels[m[1]]).toBeDefined();
    expect(Object.keys(glossary.referents)).toContain('armed-groups');
    // Quoted or reported hits have a letter marker, not only a colour.
    expect(body).toMatch(/<mark class="hit [^"]*v-(quoted|attributed)[^"]*"[^>]*data-mark="[QR]/);
  });

  it('compare by documents and by event', async () => {
    const [a, b] = state.documents;
    const docs = await text(`/compare?${qs([['docs', a.id], ['docs', b.id]])}`);
    expect(docs.res.status).toBe(200);
    expect(docs.body).toContain('class="columns cols-2"');
    expect(docs.body).toContain(`href="/doc/${a.id}"`);
    const event = state.report.events[0];
    const ev = await text(`/compare?${qs([['event', event.id]])}`);
    expect(ev.res.status).toBe(200);
    expect(ev.body).toContain('<section class="column"');
  });

  it('term page shows keyword in context with voice and links to documents', async () => {
    const label = [...state.labelUse.entries()].sort((x, y) => y[1].total - x[1].total)[0][0];
    const { res, body } = await text(`/term?${qs([['q', label]])}`);
    expect(res.status).toBe(200);
    expect(body).toContain('class="data kwic"');
    expect(body).toMatch(/href="\/doc\/[^"#]+#m-\d+"/);
    expect(body).toMatch(/own voice|direct quotation|reported speech/);
    const word = await text('/term?q=drone*');
    expect(word.body).toMatch(/\d+ occurrences?/);
    expect(word.body).toContain('<mark class=');
  });

  it('lexicon page lists referents with weights, rationales and corpus counts', async () => {
    const { body } = await text('/lexicon');
    for (const r of state.compiled.lexicon.referents) expect(body).toContain(`id="ref-${r.id}"`);
    const used = [...state.labelUse.entries()].find(([, u]) => u.total > 0)!;
    expect(body).toContain(`href="/term?q=${encodeURIComponent(used[0])}">${used[1].total}</a>`);
  });

  it('document page marks every hit and lists them with offsets', async () => {
    const doc = state.documents[0];
    const a = state.analysisById.get(doc.id)!;
    const { res, body } = await text(`/doc/${doc.id}`);
    expect(res.status).toBe(200);
    expect(body).toContain('How to read the marks');
    // Every hit is either marked or lost to an overlapping higher-priority hit; with labels first, none are lost.
    expect(body.match(/<mark class="hit [^"]*" id="m-\d+"/g)!.length).toBe(a.hits.length);
    for (const h of a.hits) expect(body).toContain(`<td class="num">${h.start}–${h.end}</td>`);
  });
});

describe('bad input', () => {
  it.each([
    ['/doc/no-such-id', 404],
    ['/api/doc/no-such-id', 404],
    [`/compare?${qs([['outlets', 'AFP'], ['outlets', 'Nobody']])}`, 404],
    [`/api/compare?${qs([['docs', 'nope-1'], ['docs', 'nope-2']])}`, 404],
    ['/api/compare?event=ev-nope', 404],
    ['/no/such/page', 404],
    ['/api/nothing', 404],
    ['/compare?outlets=AFP', 400],
    [`/compare?${qs([['outlets', 'AFP'], ['docs', 'x']])}`, 400],
    [`/api/compare?${qs(['A', 'B', 'C', 'D', 'E'].map((o) => ['outlets', o]))}`, 400],
    ['/api/compare', 400],
    [`/api/compare?${qs([['event', 'a'], ['event', 'b']])}`, 400],
    ['/api/term', 400],
    ['/api/term?q=%20%20', 400],
    [`/api/term?q=${'x'.repeat(201)}`, 400],
    [`/term?q=${'x'.repeat(201)}`, 400],
    ['/api/report?format=xml', 400],
    ['/api/report?format=csv&table=../../etc/passwd', 400],
    [`/api/compare?${qs([['outlets', 'x'.repeat(400)], ['outlets', 'AFP']])}`, 400],
  ])('%s → %i', async (path, status) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    const body = await res.text();
    if (path.startsWith('/api/')) {
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const json = JSON.parse(body) as { error: string; status: number };
      expect(json.status).toBe(status);
      expect(json.error.length).toBeGreaterThan(5);
    } else {
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(body).toContain('class="error" role="alert"');
    }
  });

  it('a bad compare selection keeps the form on the page with the message', async () => {
    const { res, body } = await text('/compare?outlets=AFP');
    expect(res.status).toBe(400);
    expect(body).toContain('choose 2 to 4 different outlets');
    expect(body).toContain('<form method="get" action="/compare"');
  });
});

describe('security', () => {
  it.each(['/', '/compare', '/api/report', '/assets/style.css', '/no/such/page'])('%s sends a strict CSP', async (path) => {
    const res = await get(path);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return [name, values.join(' ')] as const;
    }));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('no page has an inline script or inline event handler', async () => {
    for (const path of ['/', `/compare?${qs([['outlets', 'AFP'], ['outlets', 'Press TV']])}`, '/term?q=militia*', '/lexicon', '/analyze', '/doc/xss-doc']) {
      const { body } = await text(path);
      for (const tag of body.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/src="\/assets\/|type="application\/json"/);
      expect(body).not.toMatch(/<[a-z]+\s[^>]*\son[a-z]+=/i);
      expect(body).not.toMatch(/\sstyle="/);
    }
  });

  it('markup in a document, its title and its outlet renders as text', async () => {
    const { body } = await text('/doc/xss-doc');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).toContain('&lt;b onmouseover=alert(2)&gt;Bold title&lt;/b&gt;');
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('<b ');
    // A javascript: URL is shown, not linked.
    expect(body).not.toContain('href="javascript:');
    expect(body).toContain('javascript:alert(3)');
  });

  it('a hostile outlet name stays text on the overview: in cells, attributes, links and the heat map', async () => {
    const { body } = await text('/');
    expect(body).not.toContain('</script><script>alert');
    expect(body).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;outlet&quot;)&lt;/script&gt;');
    expect(body).toContain(`outlet=${encodeURIComponent(EVIL_OUTLET).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
  });

  it('hostile names are escaped on compare, term and lexicon pages and in the API', async () => {
    const { body } = await text(`/compare?${qs([['outlets', EVIL_OUTLET], ['outlets', 'AFP']])}`);
    expect(body).not.toContain('<script>alert');
    expect(body).toContain('&lt;/script&gt;&lt;script&gt;alert(');
    const term = await text('/term?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(term.body).not.toContain('<script>alert(1)');
    const api = await get('/api/doc/xss-doc');
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await api.json()) as { document: { outlet: string } }).document.outlet).toBe(EVIL_OUTLET);
  });

  it.each([
    '/assets/..%2F..%2Fpackage.json',
    '/assets/..%2fpackage.json',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/assets/..%252F..%252Fpackage.json',
    '/assets/..%5C..%5Cpackage.json',
    '/assets/....%2F%2Fpackage.json',
    '/assets/%2Fetc%2Fpasswd',
    '/assets/style.css%00',
    '/assets/STYLE.CSS',
    '/assets/style.css.map',
    '/assets/__proto__',
    '/assets/constructor',
    '/assets/',
    '/assets/web%2Fstyle.css',
    '/web/style.css',
    '/package.json',
    '/node_modules/chart.js/dist/chart.umd.js',
  ])('%s → 404', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('"dependencies"');
  });

  it('serves exactly the allow-listed assets with their types', async () => {
    const css = await get('/assets/style.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('@media print');
    for (const name of ['overview.js', 'marks.js', 'chart.umd.js']) {
      const res = await get(`/assets/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
    expect(await (await get('/assets/chart.umd.js')).text()).toMatch(/Chart\.js v4/);
  });
});

describe('JSON API and CSV', () => {
  it('report, outlets, lexicon, doc', async () => {
    const report = (await (await get('/api/report')).json()) as { schema: string; corpus: { documents: number } };
    expect(report.schema).toBe('framelens.report/3');
    expect(report.corpus.documents).toBe(state.documents.length);
    const outlets = (await (await get('/api/outlets')).json()) as Array<{ outlet: string; evidence: string }>;
    expect(outlets.map((o) => o.outlet).sort()).toEqual([...state.outlets].sort());
    const lexicon = (await (await get('/api/lexicon')).json()) as { referents: Array<{ id: string; labels: Array<{ id: string; use: { count: number } }> }> };
    expect(lexicon.referents.map((r) => r.id)).toEqual(state.compiled.lexicon.referents.map((r) => r.id));
    const total = lexicon.referents.flatMap((r) => r.labels).reduce((s, l) => s + l.use.count, 0);
    expect(total).toBeGreaterThan(0);
    const doc = state.documents[1];
    const one = (await (await get(`/api/doc/${doc.id}`)).json()) as { document: { text: string }; analysis: { hits: Array<{ start: number; end: number; text: string }> } };
    for (const h of one.analysis.hits) expect(one.document.text.slice(h.start, h.end)).toBe(h.text);
  });

  it('compare JSON has columns with documents and hits, and the referent rows', async () => {
    const res = await get(`/api/compare?${qs([['outlets', 'AFP'], ['outlets', 'Press TV']])}`);
    expect(res.status).toBe(200);
    const json = (await res.json()) as {
      mode: string;
      columns: Array<{ heading: string; documents: Array<{ text: string; hits: Array<{ start: number; end: number; text: string }> }> }>;
      referents: Array<{ referent: string; cells: Array<{ hits: number; labels: Array<{ label: string; count: number }> }> }>;
    };
    expect(json.mode).toBe('outlets');
    expect(json.columns.map((c) => c.heading)).toEqual(['AFP', 'Press TV']);
    for (const c of json.columns) {
      expect(c.documents.length).toBeGreaterThan(0);
      for (const d of c.documents) for (const h of d.hits) expect(d.text.slice(h.start, h.end)).toBe(h.text);
    }
    for (const r of json.referents) {
      expect(r.cells).toHaveLength(2);
      for (const cell of r.cells) expect(cell.labels.reduce((s, l) => s + l.count, 0)).toBe(cell.hits);
    }
  });

  it('term JSON counts occurrences per outlet', async () => {
    const json = (await (await get('/api/term?q=drone*')).json()) as { lines: Array<{ outlet: string; match: string }>; byOutlet: Array<{ outlet: string; count: number }> };
    expect(json.lines.length).toBeGreaterThan(0);
    for (const l of json.lines) expect(l.match.toLowerCase()).toMatch(/^drone/);
    expect(json.byOutlet.reduce((s, o) => s + o.count, 0)).toBe(json.lines.length);
  });

  it.each([
    ['/api/report?format=csv&table=labels', 'outlet,referent,voice,label'],
    ['/api/report?format=csv&table=referents', 'outlet,referent,mentions'],
    ['/api/report?format=csv&table=divergence', 'referent,outlet_a,outlet_b,jsd'],
    // One document per seed outlet: no outlet pair is testable, and contrasts.csv says why for each (stance-tests.csv
    // lists only tested pairs; its header is checked below).
    ['/api/report?format=csv&table=contrasts', 'kind,referent,grouping,a,b'],
    ['/api/report?format=csv&table=hits', 'document,outlet,date,label'],
    ['/api/outlets?format=csv', 'outlet,documents,words'],
    [`/api/compare?${qs([['outlets', 'AFP'], ['outlets', 'Press TV'], ['format', 'csv']])}`, 'referent,column,heading'],
    ['/api/term?q=drone*&format=csv', 'document,outlet,start,end,left,match'],
    ['/api/lexicon?format=csv', 'label,referent,resolve'],
    [`/api/doc/001_e5027b69a25009b3?format=csv`, 'document,outlet,label'],
  ])('%s is a CSV download', async (path, header) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="framelens-[A-Za-z0-9._-]+\.csv"$/);
    const body = await res.text();
    expect(body.startsWith(header)).toBe(true);
    expect(body.split('\n').length).toBeGreaterThan(2);
  });

  it('/api/report?format=csv&table=stance-tests keeps its columns when no pair could be tested', async () => {
    const body = await (await get('/api/report?format=csv&table=stance-tests')).text();
    expect(body.startsWith('referent,outlet_a,outlet_b,stance_difference,p,p_adjusted')).toBe(true);
  });
});
