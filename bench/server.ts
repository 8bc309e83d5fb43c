/**
 * Web server latency under load: 10 concurrent clients on a real socket (127.0.0.1) against a generated corpus of
 * BENCH_SERVER_DOCS documents (default 10,000), recombined from the real paragraphs of corpus/seeds and
 * tests/fixtures/articles. Prints, per page, the first (cold) request and the median and p99 of the rest, plus the
 * machine's load. Target: p99 < 100 ms. Build and run: `npx tsc -p tsconfig.json && node dist/bench/server.js`.
 *
 * First, the UI section (bench/ui-pages.ts): server time of every page on the 52-outlet, 520-document corpus of the
 * UI-at-scale tests, first request, cold and warm (median and p99); BENCH_UI=0 leaves it out.
 *
 * BENCH_SERVER_MODE=store (default) writes the corpus as JSONL, runs `framelens analyze --db` on it in a child
 * process and serves the store as `serve --db` does; BENCH_SERVER_MODE=memory analyzes in this process as
 * `serve <paths>` does.
 *
 * Env: BENCH_SERVER_DB=FILE serves an existing store (kept; nothing is analyzed), BENCH_SERVER_DOCS (documents), BENCH_SERVER_REQUESTS (per page, default 200), BENCH_SERVER_CLIENTS
 * (default 10), BENCH_SERVER_SECONDS (time cap for the load phase, default 120).
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Store } from '../src/store/index.js';
import { createStoreState, indexStore } from '../src/server/store-state.js';
import { documentCount, type AppState } from '../src/server/state.js';
import { cpus, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { loadLexicons } from '../src/lexicon/load.js';
import { compileLexicon } from '../src/lexicon/compile.js';
import { defaultLexiconPath } from '../src/paths.js';
import { analyzeCorpusParallel } from '../src/pipeline.js';
import { createState } from '../src/server/state.js';
import { createApp, warmUp } from '../src/server/app.js';
import { generateArticles, realParagraphs, writeArticlesJsonl } from './articles.js';
import { packageRoot } from '../src/paths.js';
import type { Document } from '../src/types.js';
import { benchUiPages } from './ui-pages.js';

const DOCS = Number(process.env.BENCH_SERVER_DOCS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_SERVER_REQUESTS ?? 200);
const CLIENTS = Number(process.env.BENCH_SERVER_CLIENTS ?? 10);
const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 120);
const MODE = process.env.BENCH_SERVER_MODE ?? 'store';
if (MODE !== 'store' && MODE !== 'memory') throw new Error(`BENCH_SERVER_MODE must be store or memory, got ${MODE}`);

const percentile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
if (process.env.BENCH_UI !== '0') await benchUiPages();
console.log(`server bench (${MODE}): ${DOCS} documents, ${CLIENTS} clients, ${REQUESTS} requests per page; ${cpus().length} cores, load average ${load()}`);

const compiled = compileLexicon(loadLexicons([defaultLexiconPath()]));
const root = packageRoot();
const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
let state: AppState;
let store: Store | undefined;
let tmp: string | undefined;
if (MODE === 'memory') {
  const documents: Document[] = [...generateArticles(realParagraphs(root), DOCS)].map((a) => ({ ...a, source: { file: 'generated' }, meta: {} }));
  const t0 = performance.now();
  const { analyses, workers } = await analyzeCorpusParallel(documents, compiled);
  const t1 = performance.now();
  state = createState({ compiled, documents, analyses });
  const t2 = performance.now();
  console.log(`startup: analysis ${((t1 - t0) / 1000).toFixed(1)} s on ${workers} worker(s); server state (report, term index) ${((t2 - t1) / 1000).toFixed(1)} s`);
} else if (process.env.BENCH_SERVER_DB) {
  const t1 = performance.now();
  store = Store.open(process.env.BENCH_SERVER_DB, { readonly: true });
  state = createStoreState(store, compiled);
  console.log(`serve --db state from ${process.env.BENCH_SERVER_DB}: ${((performance.now() - t1) / 1000).toFixed(2)} s`);
} else {
  tmp = mkdtempSync(join(tmpdir(), 'fl-bench-server-'));
  const jsonl = join(tmp, 'corpus.jsonl');
  writeArticlesJsonl(jsonl, root, DOCS);
  const db = join(tmp, 'corpus.db');
  const main = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
  const t0 = performance.now();
  execFileSync(process.execPath, [main, 'analyze', jsonl, '--db', db, '--format', 'json', '--out', join(tmp, 'report.json'), '--quiet'], { stdio: 'inherit' });
  const t1 = performance.now();
  store = Store.open(db, { readonly: true });
  state = createStoreState(store, compiled);
  const t2 = performance.now();
  console.log(`analyze --db: ${((t1 - t0) / 1000).toFixed(1)} s; serve --db state from the store: ${((t2 - t1) / 1000).toFixed(2)} s`);
}
const app = createApp(state);
const tw = performance.now();
await warmUp(app);
console.log(`first pages rendered: ${((performance.now() - tw) / 1000).toFixed(2)} s; rss ${mb(process.memoryUsage().rss)} MB`);
if (store) {
  const ti = performance.now();
  await indexStore(state);
  await warmUp(app);
  console.log(`term index from the store: ${((performance.now() - ti) / 1000).toFixed(1)} s (server answering meanwhile); rss ${mb(process.memoryUsage().rss)} MB`);
}

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', overrideGlobalObjects: false });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const [a, b, c, d] = state.outlets;
const words = ['militia*', 'drone*', 'occupation', 'resistance', 'us forces', 'Iran-backed', 'the regime', 'strike*', 'hostages', 'Syria'];
const topLabels = [...state.labelUse.entries()].sort((x, y) => y[1].total - x[1].total).slice(0, 5).map(([id]) => id);
const terms = [...words, ...topLabels];
const pages: Array<{ name: string; path: (k: number) => string }> = [
  { name: 'GET /', path: () => '/' },
  { name: 'Compare (2 outlets)', path: (k) => `/compare?${new URLSearchParams(k % 2 ? [['outlets', a], ['outlets', b]] : [['outlets', c], ['outlets', d]])}` },
  { name: 'Compare (4 outlets, page 2)', path: () => `/compare?${new URLSearchParams([['outlets', a], ['outlets', b], ['outlets', c], ['outlets', d], ['page', '2']])}` },
  { name: 'Term', path: (k) => `/term?${new URLSearchParams([['q', terms[k % terms.length]]])}` },
  { name: '/api/report', path: () => '/api/report' },
];

/** The load generator: CLIENTS loops, each taking the next job, until the jobs or the time run out. */
const CLIENT_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, jobs, clients, seconds } = workerData;
const out = [];
let next = 0;
const deadline = performance.now() + seconds * 1000;
Promise.all(Array.from({ length: clients }, async () => {
  while (next < jobs.length && performance.now() < deadline) {
    const job = jobs[next++];
    const s = performance.now();
    const res = await fetch(base + job.path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(job.path + ' answered ' + res.status);
    out.push({ name: job.name, ms: performance.now() - s });
  }
})).then(() => parentPort.postMessage(out), (err) => { throw err; });
`;

async function fetchOnce(path: string): Promise<number> {
  const s = performance.now();
  const res = await fetch(base + path);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return performance.now() - s;
}

// First request of each page after start-up (the Overview is rendered before listening; others are not), alone.
const cold = new Map<string, number>();
for (const p of pages) cold.set(p.name, await fetchOnce(p.path(0)));

/**
 * Two passes of the same requests by CLIENTS concurrent clients: the first meets every term and selection for the
 * first time (work the caches then keep), the second is the steady state of a server whose visitors ask what was
 * asked before.
 */
async function loadPhase(label: string): Promise<number> {
  const jobs: Array<{ name: string; path: string }> = [];
  for (let k = 0; k < REQUESTS; k++) for (const p of pages) jobs.push({ name: p.name, path: p.path(k + 1) });
  const loadBefore = load();
  const started = performance.now();
  const elu = performance.eventLoopUtilization();
  // The clients run on their own thread, as a browser would on its own process: this thread only serves.
  const results = await new Promise<Array<{ name: string; ms: number }>>((resolve, reject) => {
    const worker = new Worker(CLIENT_CODE, { eval: true, workerData: { base, jobs, clients: CLIENTS, seconds: SECONDS } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const times = new Map<string, number[]>(pages.map((p) => [p.name, []]));
  for (const r of results) times.get(r.name)?.push(r.ms);
  const elapsed = (performance.now() - started) / 1000;
  const done = [...times.values()].reduce((n, t) => n + t.length, 0);
  // Time the serving thread was busy, whatever else the machine ran: the cost of a request without the queueing.
  const busy = performance.eventLoopUtilization(elu);
  console.log(`${label}: ${done} requests in ${elapsed.toFixed(1)} s (${(done / elapsed).toFixed(0)}/s); server thread busy ${(busy.active / done).toFixed(2)} ms per request `
    + `(${(busy.utilization * 100).toFixed(0)}% of the time); load average before ${loadBefore}, after ${load()}`);
  let worst = 0;
  for (const p of pages) {
    const sorted = [...(times.get(p.name) ?? [])].sort((x, y) => x - y);
    const p99 = percentile(sorted, 0.99);
    worst = Math.max(worst, p99);
    console.log(`  ${p.name}: median ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${sorted.length} requests`);
  }
  return worst;
}

console.log(`first request of each page, alone: ${pages.map((p) => `${p.name} ${cold.get(p.name)?.toFixed(0)} ms`).join('; ')}`);
const firstPass = await loadPhase('first pass');
const repeat = await loadPhase('repeat pass');
console.log(`server p99 ms (worst page, ${documentCount(state)} documents, ${CLIENTS} clients): first pass ${firstPass.toFixed(1)}, repeat ${repeat.toFixed(1)}`);
server.close();
(server as { closeAllConnections?: () => void }).closeAllConnections?.();
store?.close();
if (tmp) rmSync(tmp, { recursive: true, force: true });
