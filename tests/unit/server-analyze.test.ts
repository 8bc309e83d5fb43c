import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { freshState } from './server-fixture.js';

const ORIGIN = 'http://localhost';
const TEXT_A = 'Iran-backed militias fired drones at US forces in Syria. The Pentagon said the attack failed.';
const TEXT_B = 'The Islamic Resistance in Iraq struck the occupation forces at al-Tanf, the resistance said.';

function form(fields: Record<string, string | File>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

const postForm = (app: ReturnType<typeof createApp>, fd: FormData, origin = ORIGIN) =>
  app.request('/analyze', { method: 'POST', body: fd, headers: { Origin: origin } });

const postJson = (app: ReturnType<typeof createApp>, body: unknown) =>
  app.request('/api/analyze', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

describe('POST /analyze (form)', () => {
  it('analyzes two pasted texts side by side without storing them', async () => {
    const state = await freshState({ evil: false });
    const app = createApp(state);
    const before = state.documents.length;
    const res = await postForm(app, form({ outlet1: 'Wire A', text1: TEXT_A, outlet2: 'Outlet B', text2: TEXT_B }));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('Not stored');
    const columns = body.split('<section class="column"').slice(1);
    expect(columns).toHaveLength(2);
    expect(columns[0]).toContain('Wire A');
    expect(columns[0]).toMatch(/<mark class="hit wn2 v-author"[^>]*data-label="iran-backed-militia"[^>]*>Iran-backed militias<\/mark>/);
    expect(columns[1]).toMatch(/<mark class="hit [^"]*"[^>]*data-label="occupation-forces"[^>]*>[^<]*occupation[^<]*(<span class="visually-hidden"> \([^)<]+\)<\/span>)?<\/mark>/);
    expect(columns[1]).toContain('<mark class="name"');
    expect(body).toContain('Same referent, different label');
    // Students read names, not ids: the chips and the glossary say "Iran-backed militia", with the rationale.
    expect(body).toContain('<span class="chip wn2">Iran-backed militia<span class="chip-weight"> (−2)</span></span>');
    expect(body).toContain('Glossary of the labels on this page');
    expect(body).toContain(state.compiled.entries.get('iran-backed-militia')!.rationale!.replace(/"/g, '&quot;'));
    expect(body).toContain('How to read stance');
    // A share link that carries the texts.
    expect(body).toMatch(/href="\/analyze\?share=[A-Za-z0-9_-]+"/);
    expect(state.documents.length).toBe(before);
    // Pasted texts that were not stored get no link to a document page that does not exist.
    expect(body).not.toMatch(/href="\/doc\/pasted-/);
  });

  it('adds the texts to the session corpus only when asked, and says so', async () => {
    const state = await freshState({ evil: false });
    const app = createApp(state);
    const res = await postForm(app, form({ outlet1: 'Wire A', text1: TEXT_A, outlet2: 'Outlet B', text2: TEXT_B, addToCorpus: 'yes' }));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('Added 2 texts to the corpus for this session (in memory only');
    expect(state.outlets).toContain('Wire A');
    const id = [...state.sessionAdded][0];
    expect((await app.request(`/doc/${id}`)).status).toBe(200);
    const overview = await (await app.request('/')).text();
    expect(overview).toContain('Wire A');
    expect(overview).toContain('2 text(s) added in this session');
    // The same texts again are not added twice.
    const again = await (await postForm(app, form({ outlet1: 'Wire A', text1: TEXT_A, outlet2: 'Outlet B', text2: TEXT_B, addToCorpus: 'yes' }))).text();
    expect(again).toContain('already in the corpus');
    expect(state.sessionAdded.size).toBe(2);
  });

  it('reads uploaded .md files with front matter and .txt files', async () => {
    const app = createApp(await freshState({ evil: false }));
    const md = new File(['---\noutlet: Upload Times\ntitle: From a file\n---\n' + TEXT_A], 'a.md', { type: 'text/markdown' });
    const txt = new File([TEXT_B], 'b.txt', { type: 'text/plain' });
    const res = await postForm(app, form({ file1: md, file2: txt, outlet2: 'Typed Outlet' }));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('Upload Times');
    expect(body).toContain('From a file');
    expect(body).toContain('Typed Outlet');
    expect(body).not.toContain('outlet: Upload Times'); // front matter is not part of the text
  });

  it('rejects bad input with 400 and keeps what was typed', async () => {
    const app = createApp(await freshState({ evil: false }));
    const one = await postForm(app, form({ outlet1: 'Only one', text1: TEXT_A }));
    expect(one.status).toBe(400);
    const body = await one.text();
    expect(body).toContain('give 2 to 4 texts to compare (got 1');
    expect(body).toContain('value="Only one"');
    expect(body).toContain(`>${TEXT_A}</textarea>`);

    const exe = await postForm(app, form({ text1: TEXT_A, file2: new File(['MZ'], 'tool.exe') }));
    expect(exe.status).toBe(400);
    expect(await exe.text()).toContain('is not a .txt or .md file');

    const latin1 = await postForm(app, form({ text1: TEXT_A, file2: new File([new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x21])], 'b.txt') }));
    expect(latin1.status).toBe(400);
    expect(await latin1.text()).toContain('is not valid UTF-8');

    const longName = await postForm(app, form({ outlet1: 'x'.repeat(101), text1: TEXT_A, text2: TEXT_B }));
    expect(longName.status).toBe(400);

    // Messages name the box the user filled, even when a box before it was left empty.
    const gap = await postForm(app, form({ text1: TEXT_A, text3: 'y'.repeat(400_001) }));
    expect(gap.status).toBe(400);
    expect(await gap.text()).toContain('text 3 is longer than 400,000 characters');
    const malformed = await app.request('/analyze', { method: 'POST', body: 'abc', headers: { origin: ORIGIN, 'content-type': 'multipart/form-data; boundary=XX' } });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('the form data could not be read');
    const fifth = await postForm(app, form({ text1: TEXT_A, text2: TEXT_B, text5: TEXT_A }));
    expect(fifth.status).toBe(400);
    expect(await fifth.text()).toContain('give at most 4 texts');

    const unnamed = await postForm(app, form({ outlet1: 'Named', text1: TEXT_A, text2: TEXT_B, addToCorpus: 'yes' }));
    expect(unnamed.status).toBe(400);
    const unnamedBody = await unnamed.text();
    expect(unnamedBody).toContain('give each text an outlet name before adding it to the corpus');
    expect(unnamedBody).toMatch(/<input id="add-to-corpus" name="addToCorpus" type="checkbox" value="yes" checked/);
  });

  it('escapes pasted markup', async () => {
    const app = createApp(await freshState({ evil: false }));
    const res = await postForm(app, form({ outlet1: '<i>A</i>', text1: `<script>alert(1)</script> ${TEXT_A}`, text2: `<img src=x onerror=alert(1)> ${TEXT_B}` }));
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).toContain('&lt;i&gt;A&lt;/i&gt;');
  });

  it('refuses a cross-site form post (403)', async () => {
    const app = createApp(await freshState({ evil: false }));
    const res = await postForm(app, form({ text1: TEXT_A, text2: TEXT_B }), 'http://evil.example');
    expect(res.status).toBe(403);
  });

  it('a guarded long run without spaces is analyzed quickly and flagged', async () => {
    const app = createApp(await freshState({ evil: false }));
    const t0 = performance.now();
    const res = await postForm(app, form({ text1: `${TEXT_A} ${'x'.repeat(300_000)}`, text2: TEXT_B }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('without spaces were split before tokenizing');
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

describe('body limit (413)', () => {
  const big = 'word '.repeat(600_000); // 3 MB

  it('a form post over the limit gets a 413 page', async () => {
    const app = createApp(await freshState({ evil: false }));
    const res = await postForm(app, form({ text1: big, text2: TEXT_B }));
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('at most 2 MB');
  });

  it('a JSON post over the limit gets a 413 JSON error, with or without Content-Length', async () => {
    const app = createApp(await freshState({ evil: false }));
    const json = JSON.stringify({ texts: [{ text: big }, { text: TEXT_B }] });
    const withLength = await app.request('/api/analyze', {
      method: 'POST', body: json, headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(json)) },
    });
    expect(withLength.status).toBe(413);
    expect(((await withLength.json()) as { error: string }).error).toContain('at most 2 MB');
    const bytes = new TextEncoder().encode(json);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });
    const chunked = await app.request('/api/analyze', {
      method: 'POST', body: stream, headers: { 'Content-Type': 'application/json' }, duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('the limit is configurable', async () => {
    const app = createApp(await freshState({ evil: false }), { bodyLimit: 1000 });
    const res = await postJson(app, { texts: [{ text: 'a '.repeat(600) }, { text: TEXT_B }] });
    expect(res.status).toBe(413);
  });
});

describe('POST /api/analyze (JSON)', () => {
  it('returns the compare model for two texts', async () => {
    const state = await freshState({ evil: false });
    const app = createApp(state);
    const res = await postJson(app, { texts: [{ outlet: 'A', text: TEXT_A }, { outlet: 'B', text: TEXT_B }] });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { mode: string; stored: boolean; columns: Array<{ heading: string; documents: Array<{ hits: Array<{ label: string }> }> }> };
    expect(json.mode).toBe('pasted');
    expect(json.stored).toBe(false);
    expect(json.columns.map((c) => c.heading)).toEqual(['A', 'B']);
    expect(json.columns[0].documents[0].hits.map((h) => h.label)).toContain('iran-backed-militia');
    expect(state.sessionAdded.size).toBe(0);
  });

  it.each([
    ['not json', '{"texts": ['],
    ['not an object', '[1,2]'],
    ['texts missing', '{}'],
    ['text not a string', '{"texts":[{"text":1},{"text":"b"}]}'],
    ['one text', '{"texts":[{"text":"only one"}]}'],
    ['five texts', JSON.stringify({ texts: Array.from({ length: 5 }, (_, i) => ({ text: `text ${i}` })) })],
    ['bad addToCorpus', '{"texts":[{"text":"a"},{"text":"b"}],"addToCorpus":"yes"}'],
  ])('%s → 400', async (_, body) => {
    const app = createApp(await freshState({ evil: false }));
    const res = await app.request('/api/analyze', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error.length).toBeGreaterThan(5);
  });

  it('wrong content type → 400', async () => {
    const app = createApp(await freshState({ evil: false }));
    const res = await app.request('/api/analyze', { method: 'POST', body: 'texts', headers: { 'Content-Type': 'text/plain', Origin: ORIGIN } });
    expect(res.status).toBe(400);
  });
});
