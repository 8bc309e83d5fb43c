import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

// Worker threads need compiled JavaScript: this test runs the build in dist/ (made by `npm ci` / `npm run build`).
const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;

interface Served {
  app: { request: (path: string, init?: unknown) => Promise<Response> };
  state: { termThread?: unknown; termIndex: { labelsOnly: boolean } };
  thread?: { ready: Promise<unknown>; voices: Promise<unknown>; close: () => Promise<void>; request: (path: string) => Promise<{ status: number }> };
  close: () => Promise<void>;
}

describe('serve --db answers Term pages on a thread of their own', () => {
  let withThread: Served;
  let inThread: Served;

  beforeAll(async () => {
    expect(existsSync(new URL(dist('src/server/term-worker.js'))), 'dist/ is missing: run `npm run build` first').toBe(true);
    const dir = tempDir('fl-term-thread-');
    const file = join(dir, 'seeds.db');
    const out = await runCli(['analyze', 'corpus/seeds', '--db', file, '--format', 'json', '--out', join(dir, 'report.json'), '--resamples', '20']);
    expect(out.code, out.stderr).toBe(0);
    const { Store } = await import(dist('src/store/index.js'));
    const { createStoreState, indexStore, readVoicesBehind, startTermThread } = await import(dist('src/server/store-state.js'));
    const { createApp, warmUp } = await import(dist('src/server/app.js'));
    const { loadCompiled } = await import(dist('src/cli/common.js'));
    const serve = async (thread: boolean): Promise<Served> => {
      const store = Store.open(file, { readonly: true });
      const state = createStoreState(store, loadCompiled(undefined));
      const termThread = thread ? startTermThread(state) : undefined;
      if (thread) expect(termThread, 'no term thread started').toBeDefined();
      const app = createApp(state);
      const voices = readVoicesBehind(state);
      await indexStore(state);
      await voices?.done;
      await termThread?.ready;
      await termThread?.voices;
      await warmUp(app, state);
      return { app, state, thread: termThread, close: async () => { await termThread?.close(); store.close(); state.scratch?.close(); } };
    };
    withThread = await serve(true);
    inThread = await serve(false);
  }, 120_000);

  afterAll(async () => {
    await withThread?.close();
    await inThread?.close();
  });

  it('the main thread keeps the labels only, and the thread reads the voices', () => {
    expect(withThread.state.termIndex.labelsOnly).toBe(true);
    expect(inThread.state.termIndex.labelsOnly).toBe(false);
    expect(inThread.state.termThread).toBeUndefined();
  });

  it('answers the same status, headers and bytes as the in-thread routes', async () => {
    const paths = [
      '/term', '/term?q=', '/term?q=militias', '/term?q=militia*', '/term?q=the', '/term?q=the&page=2', '/term?q=the&zeros=yes',
      '/term?q=armed%20groups', '/term?q=Iran-backed', '/term?q=U.S.%20forces', '/term?q=the%20mil*', '/term?q=*', '/term?q=%20%20',
      '/term?q=militia&voice=quoted', '/term?q=the&voice=author', '/term?q=militia&voice=nobody', '/term?q=militia&page=99',
      '/api/term?q=the', '/api/term?q=the&page=3', '/api/term?q=militia*', '/api/term?q=the%20us', '/api/term?q=*', '/api/term',
      '/api/term?q=the&format=csv', '/api/term?q=militia&format=csv', `/term?q=${'x'.repeat(201)}`,
    ];
    // Label ids from the lexicon: the first used ones, and one the corpus does not hold.
    const { loadCompiled } = await import(dist('src/cli/common.js'));
    const labels = [...loadCompiled(undefined).entries.values()].filter((e: { kind: string }) => e.kind === 'label').map((e: { id: string }) => e.id);
    for (const id of labels.slice(0, 12)) paths.push(`/term?q=${encodeURIComponent(id)}`, `/api/term?q=${encodeURIComponent(id)}`, `/term?q=${encodeURIComponent(id)}&voice=author`);
    let bytes = 0;
    // Twice: the second time from the caches of each side.
    for (const round of [1, 2]) {
      for (const path of paths) {
        const [a, b] = await Promise.all([withThread.app.request(path, { headers: { Host: 'localhost' } }), inThread.app.request(path, { headers: { Host: 'localhost' } })]);
        const [bodyA, bodyB] = [Buffer.from(await a.arrayBuffer()), Buffer.from(await b.arrayBuffer())];
        expect(a.status, `${path} (round ${round})`).toBe(b.status);
        expect([...a.headers].sort(), path).toEqual([...b.headers].sort());
        expect(bodyA.equals(bodyB), `${path} (round ${round}): the bodies differ`).toBe(true);
        bytes += bodyA.length;
      }
    }
    expect(bytes).toBeGreaterThan(100_000);
    // Every one of them was answered by the thread, not the main thread's labels-only index.
    const statuses = await Promise.all(['/term?q=the', '/api/term?q=militia*'].map(async (p) => (await withThread.thread!.request(p)).status));
    expect(statuses).toEqual([200, 200]);
  }, 120_000);

  it('a slow Term request does not hold up the pages asked after it', async () => {
    // A CSV of a common word (every line built, no time budget) costs tens of milliseconds; the Overview is cached.
    const order: string[] = [];
    const ask = (app: Served['app'], path: string) => app.request(path, { headers: { Host: 'localhost' } }).then(async (res) => {
      expect(res.status, path).toBe(200);
      await res.arrayBuffer();
      order.push(path.startsWith('/api/term') ? 'term' : 'overview');
    });
    await Promise.all([ask(withThread.app, '/api/term?q=th*&format=csv'), ask(withThread.app, '/')]);
    expect(order).toEqual(['overview', 'term']);
    // On the serving thread the same requests answer in the order asked: the Term request held the Overview up.
    order.length = 0;
    await Promise.all([ask(inThread.app, '/api/term?q=wh*&format=csv'), ask(inThread.app, '/')]);
    expect(order).toEqual(['term', 'overview']);
  }, 60_000);

  it('a thread that stopped answers 503 with a message, and the other pages still answer', async () => {
    const { Store } = await import(dist('src/store/index.js'));
    const { createStoreState, startTermThread } = await import(dist('src/server/store-state.js'));
    const { createApp } = await import(dist('src/server/app.js'));
    const { loadCompiled } = await import(dist('src/cli/common.js'));
    const dir = tempDir('fl-term-thread-stop-');
    const file = join(dir, 'seeds.db');
    const out = await runCli(['analyze', 'corpus/seeds', '--db', file, '--format', 'json', '--out', join(dir, 'report.json'), '--resamples', '20']);
    expect(out.code, out.stderr).toBe(0);
    const store = Store.open(file, { readonly: true });
    const state = createStoreState(store, loadCompiled(undefined));
    const thread = startTermThread(state);
    const app = createApp(state);
    await thread.close();
    const res = await app.request('/term?q=the', { headers: { Host: 'localhost' } });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('The term search is not available');
    expect((await app.request('/api/report', { headers: { Host: 'localhost' } })).status).toBe(200);
    store.close();
    state.scratch?.close();
  }, 60_000);

  it('framelens serve --db uses it with FRAMELENS_TERM_THREAD=1, not with 0, the pages are the same and SIGTERM ends both', async () => {
    const root = new URL('../..', import.meta.url).pathname;
    const dir = tempDir('fl-term-thread-cli-');
    const file = join(dir, 'seeds.db');
    const made = await runCli(['analyze', 'corpus/seeds', '--db', file, '--format', 'json', '--out', join(dir, 'report.json'), '--resamples', '20']);
    expect(made.code, made.stderr).toBe(0);
    const serve = (env: Record<string, string>) => new Promise<{ base: string; stderr: () => string; stop: () => Promise<number | null> }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'serve', '--db', file, '--port', '0'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stderr!.on('data', (d: Buffer) => (err += String(d)));
      child.stdout!.on('data', (d: Buffer) => {
        out += String(d);
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve({ base: m[1], stderr: () => err, stop: () => new Promise((done) => { child.once('exit', (code) => done(code)); child.kill('SIGTERM'); }) });
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
    });
    const ready = async (s: { stderr: () => string }, line: RegExp) => {
      for (let k = 0; k < 600 && !(line.test(s.stderr()) && /voices read/.test(s.stderr())); k++) await new Promise((r) => setTimeout(r, 50));
      expect(s.stderr()).toMatch(line);
    };
    const threaded = await serve({ FRAMELENS_TERM_THREAD: '1' });
    const single = await serve({ FRAMELENS_TERM_THREAD: '0' });
    try {
      await ready(threaded, /term thread ready: [\d,]+ documents indexed/);
      await ready(single, /term index ready: [\d,]+ documents read/);
      expect(single.stderr()).not.toMatch(/term thread/);
      for (const path of ['/term?q=the', '/term?q=militia*', '/api/term?q=the&page=2', '/api/term?q=the%20us']) {
        const [a, b] = await Promise.all([fetch(threaded.base + path), fetch(single.base + path)]);
        expect(a.status, path).toBe(200);
        expect(b.status, path).toBe(200);
        expect(Buffer.from(await a.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer())), path).toBe(true);
      }
    } finally {
      expect(await threaded.stop()).toBe(0);
      expect(await single.stop()).toBe(0);
    }
  }, 120_000);
});
