/**
 * Web server latency under load: 10 concurrent clients on a real socket (127.0.0.1) against a generated corpus of
 * BENCH_SERVER_DOCS documents (default 10,000), recombined from the real paragraphs of corpus/seeds and
 * tests/fixtures/articles. Two passes of the same requests, per page: the first (cold) meets every selection, page,
 * term and sort for the first time on a server just started (nothing cached but what serve renders at start for
 * everyone: see justStarted), as visitors clicking new selections and terms do; the second (warm) asks them all again. Each prints the
 * median and p99 per page, the p99 of the requests asked for the first time, the serving thread's busy time and CPU
 * time per request (CPU time is what to compare on a machine other work shares) and the machine's load. Target: p99 < 100 ms. Build and run: `npx tsc -p tsconfig.json && node dist/bench/server.js` (it runs
 * itself again with the V8 flags `framelens serve` starts with, src/cli/node-flags.ts, unless started with them).
 *
 * First, the UI section (bench/ui-pages.ts): server time of every page on the 52-outlet, 520-document corpus of the
 * UI-at-scale tests, first request, cold and warm (median and p99); BENCH_UI=0 leaves it out.
 *
 * BENCH_SERVER_MODE=store (default) writes the corpus as JSONL, runs `framelens analyze --db` on it in a child
 * process and serves the store as `serve --db` does; BENCH_SERVER_MODE=memory analyzes in this process as
 * `serve <paths>` does.
 *
 * Env: BENCH_SERVER_DB=FILE serves an existing store (kept; nothing is analyzed), BENCH_SERVER_DOCS (documents), BENCH_SERVER_REQUESTS (per page, default 200), BENCH_SERVER_CLIENTS
 * (default 10), BENCH_SERVER_SECONDS (time cap for the load phase, default 120), BENCH_SERVER_SLOWEST=N (print the N
 * slowest requests of each pass, with their place in the pass), BENCH_SERVER_TRACE=FILE (every request of each pass: pass, place, page, ms), BENCH_SERVER_PROFILE=FILE (a CPU profile of the serving
 * thread over the first pass, as FILE).
 */
import { join } from 'node:path';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Store } from '../src/store/index.js';
import { createStoreState, indexStore, readVoicesBehind, startTermThread } from '../src/server/store-state.js';
import { termThreadWanted } from '../src/server/term-thread.js';
import { documentCount, recordAt, type AppState } from '../src/server/state.js';
import { phrasesBeingRead } from '../src/server/term.js';
import { STANCE_SORTS } from '../src/server/overview-model.js';
import { cpus, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { loadLexicons } from '../src/lexicon/load.js';
import { compileLexicon } from '../src/lexicon/compile.js';
import { defaultLexiconPath } from '../src/paths.js';
import { analyzeCorpusParallel } from '../src/pipeline.js';
import { createState } from '../src/server/state.js';
import { createApp, warmUp } from '../src/server/app.js';
import { listen } from '../src/server/listen.js';
import { generateArticles, realParagraphs, writeArticlesJsonl } from './articles.js';
import { packageRoot } from '../src/paths.js';
import type { Document } from '../src/types.js';
import { benchUiPages } from './ui-pages.js';
import { boundHeapGrowth } from '../src/cli/common.js';
import { LARGE_STORE_BYTES, relaunch, serveFlags, wantsRelaunch } from '../src/cli/node-flags.js';

const DOCS = Number(process.env.BENCH_SERVER_DOCS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_SERVER_REQUESTS ?? 200);
const CLIENTS = Number(process.env.BENCH_SERVER_CLIENTS ?? 10);
const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 120);
const MODE = process.env.BENCH_SERVER_MODE ?? 'store';
const SLOWEST = Number(process.env.BENCH_SERVER_SLOWEST ?? 0);
/** BENCH_SERVER_TRACE=FILE: every request of each pass as a tab-separated line (pass, place in the pass, page, ms). */
const TRACE = process.env.BENCH_SERVER_TRACE;
if (MODE !== 'store' && MODE !== 'memory') throw new Error(`BENCH_SERVER_MODE must be store or memory, got ${MODE}`);

// The bench measures the server as `framelens serve` runs it, with the V8 settings serve starts with: a store named by
// BENCH_SERVER_DB as serve judges its file, a corpus in memory as serve judges paths, a store it generates by the size
// it will have (~14 KB an article on disk).
const generatedTooLarge = MODE === 'store' && !process.env.BENCH_SERVER_DB && DOCS * 14_000 > LARGE_STORE_BYTES;
const benchFlags = generatedTooLarge ? [] : serveFlags(process.env.BENCH_SERVER_DB ? ['--db', process.env.BENCH_SERVER_DB] : []);
if (wantsRelaunch(benchFlags)) process.exit(await relaunch(benchFlags, fileURLToPath(import.meta.url), process.argv.slice(2)));

const percentile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
if (process.env.BENCH_UI !== '0') await benchUiPages();
console.log(`server bench (${MODE}): ${DOCS} documents, ${CLIENTS} clients, ${REQUESTS} requests per page; ${cpus().length} cores, load average ${load()}`);

// As `framelens serve` does, so that the latencies include the collections that bound its memory.
boundHeapGrowth();
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
// As serve --db does: Term pages on a thread of their own when compiled workers exist and FRAMELENS_TERM_THREAD asks
// for it (BENCH_SERVER_TERM_THREAD=0 or 1 decides for the bench alone; 0, the default: on the serving thread).
const termThread = store && termThreadWanted(process.env.BENCH_SERVER_TERM_THREAD ?? process.env.FRAMELENS_TERM_THREAD) ? startTermThread(state) : undefined;
if (store) console.log(`Term pages answered on ${termThread ? 'the term thread' : 'the serving thread'}`);
const app = createApp(state);
const tw = performance.now();
await warmUp(app, state);
console.log(`first pages rendered: ${((performance.now() - tw) / 1000).toFixed(2)} s; rss ${mb(process.memoryUsage().rss)} MB`);
if (store) {
  const ti = performance.now();
  // As serve --db does: the term index on this thread a slice at a time, the voices on a worker, both behind the server.
  const voices = readVoicesBehind(state);
  await indexStore(state);
  const indexed = performance.now();
  const threadReady = await termThread?.ready;
  await warmUp(app, state);
  await voices?.done;
  await termThread?.voices;
  console.log(`${termThread ? 'counts and label index' : 'term index'} from the store: ${((indexed - ti) / 1000).toFixed(1)} s, `
    + (threadReady ? `term thread's index: ${(threadReady.ms / 1000).toFixed(1)} s, ` : '')
    + `voices of every document: ${((performance.now() - ti) / 1000).toFixed(1)} s (server answering meanwhile); rss ${mb(process.memoryUsage().rss)} MB`);
}
/** Phrases still read in the background, on this thread and the term thread. */
const phrasesPending = async (): Promise<number> => phrasesBeingRead(state) + (termThread ? await termThread.phrasesBeingRead() : 0);
// Phrases read in the background by the warm-up requests: let them finish, as they would before any visitor comes.
while (await phrasesPending() > 0) await new Promise((resolve) => setTimeout(resolve, 20));

/** With BENCH_SERVER_TRACE: each request's time in the serving thread's handler, in the order served. */
const served: string[] = [];
const fetchTimed = TRACE
  ? async (req: Request, ...rest: unknown[]) => {
    const s = performance.now();
    const res = await (app.fetch as (r: Request, ...x: unknown[]) => Response | Promise<Response>)(req, ...rest);
    served.push(`${(performance.now() - s).toFixed(2)}\t${new URL(req.url).pathname}${new URL(req.url).search}`);
    return res;
  }
  : app.fetch;
const server = listen(fetchTimed as typeof app.fetch, 0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/**
 * What visitors ask for. Each page has a list of distinct requests (selections, pages, terms, sorts), taken in turn:
 * the first pass meets every one of them for the first time, as visitors clicking new selections and terms do.
 * Terms: the bench's fixed words and the most used labels first, then words, stems and two-word phrases taken from
 * documents spread over the corpus and the other labels.
 */
const outlets = state.outlets;
const [a, b, c, d] = outlets;
const words = ['militia*', 'drone*', 'occupation', 'resistance', 'us forces', 'Iran-backed', 'the regime', 'strike*', 'hostages', 'Syria'];
const labelsByUse = [...state.labelUse.entries()].sort((x, y) => y[1].total - x[1].total).map(([id]) => id);
const ALONE = 30;
const terms = [...new Set([...words, ...labelsByUse.slice(0, 5), ...corpusTerms(REQUESTS + ALONE), ...labelsByUse.slice(5)])].slice(0, Math.max(REQUESTS + ALONE, 15));

function corpusTerms(n: number): string[] {
  const out: string[] = [];
  const count = documentCount(state);
  for (let k = 0; out.length < n && k < 4 * n; k++) {
    const { document } = recordAt(state, Math.floor((k * 7919) % count));
    const pairs = [...document.text.matchAll(/(\p{L}{4,})\s+(\p{L}{4,})/gu)];
    const m = pairs[(k * 31) % Math.max(1, pairs.length)];
    if (!m) continue;
    const [, w1, w2] = m;
    out.push(k % 4 === 0 ? `${w1} ${w2}` : k % 4 === 1 ? `${w1.slice(0, Math.min(5, w1.length - 1))}*` : k % 2 ? w1 : w2);
  }
  return out;
}

/** Every ordered choice of `size` outlets, each with `pages` pages. */
function selections(size: number, pages: number[]): string[][][] {
  const out: string[][][] = [];
  const pick = (chosen: string[]) => {
    if (chosen.length === size) {
      for (const page of pages) out.push([...chosen.map((o) => ['outlets', o]), ...(page > 1 ? [['page', String(page)]] : [])]);
      return;
    }
    for (const o of outlets) if (!chosen.includes(o)) pick([...chosen, o]);
  };
  pick([]);
  // Spread over outlets and pages rather than all of one outlet's pairs first.
  return out.map((q, k) => ({ q, key: (k * 7919) % out.length })).sort((x, y) => x.key - y.key).map((x) => x.q);
}

const referents = state.report.referents.map((r) => r.id);
const overviews = [[], ...referents.flatMap((r) => STANCE_SORTS.flatMap((sort) => [[['referent', r], ['sort', sort]], [['referent', r], ['sort', sort], ['dir', 'desc']]]))];
const pairs = selections(2, [1, 2, 3, 4]);
const quads = selections(4, [2, 3]);
const pages: Array<{ name: string; path: (k: number) => string }> = [
  { name: 'GET /', path: (k) => `/?${new URLSearchParams(overviews[k % overviews.length])}` },
  { name: 'Compare (2 outlets)', path: (k) => `/compare?${new URLSearchParams(pairs.length ? pairs[k % pairs.length] : [['outlets', a], ['outlets', b]])}` },
  { name: 'Compare (4 outlets, page 2+)', path: (k) => `/compare?${new URLSearchParams(quads.length ? quads[k % quads.length] : [['outlets', a], ['outlets', b], ['outlets', c], ['outlets', d], ['page', '2']])}` },
  { name: 'Term', path: (k) => `/term?${new URLSearchParams([['q', terms[k % terms.length]]])}` },
  { name: '/api/report', path: () => '/api/report' },
];

/**
 * The load generator: CLIENTS loops, each taking the next job, until the jobs or the time run out. It runs in a
 * process of its own, as browsers do: as a worker thread of this process it shared V8's process-wide flags (serve's
 * bounded heap growth made it collect every second or so, 10-60 ms each) and its collections' helper threads, which
 * showed as server latency. It reads its jobs as JSON on stdin and writes the timings as JSON on stdout, and its own
 * CPU time on stderr.
 *
 * It asks with node:http on kept-alive connections and lets each answer's chunks go as they arrive. Until session 17
 * it used fetch and read each body through a web stream reader: on the 10k store that cost the load generator 2.3-2.5
 * ms of CPU per request against 0.85-1.2 ms now, on the same two cores as the server, and the repeat pass (every
 * answer cached) measured the generator more than the server (p99 57-90 against 28-42 ms).
 */
const CLIENT_CODE = `
const http = require('node:http');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const { base, jobs, clients, seconds, warm } = JSON.parse(input);
  const out = [];
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const get = (path) => new Promise((resolve, reject) => {
    const req = http.get(base + path, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  // Each client first opens its connection with a static file and waits for the others, so that the timings are
  // the pages' and not this process's start (its code compiled, ten connections opened at once).
  const opened = Promise.all(Array.from({ length: clients }, () => get(warm)));
  opened.then(() => Promise.all(Array.from({ length: clients }, async () => {
    const deadline = performance.now() + seconds * 1000;
    while (next < jobs.length && performance.now() < deadline) {
      const index = next++;
      const job = jobs[index];
      const s = performance.now();
      const status = await get(job.path);
      if (status !== 200) throw new Error(job.path + ' answered ' + status);
      out.push({ name: job.name, path: job.path, index, ms: performance.now() - s });
    }
  }))).then(() => {
    const cpu = process.cpuUsage();
    process.stderr.write('CLIENT_CPU ' + (cpu.user + cpu.system) / 1000 + '\\n');
    process.stdout.write(JSON.stringify(out));
  }, (err) => { console.error(err); process.exit(1); });
});
`;

/** Runs the clients in their own process and gives back their timings and the load generator's CPU time (ms). */
function runClients(jobs: Array<{ name: string; path: string }>): Promise<{ timings: Timing[]; clientCpuMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CLIENT_CODE], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => { output += chunk; });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => { errors += chunk; });
    child.once('error', reject);
    child.once('close', (code) => {
      const cpu = /^CLIENT_CPU (\S+)$/m.exec(errors);
      const rest = errors.replace(/^CLIENT_CPU .*\n?/m, '');
      if (rest) process.stderr.write(rest);
      if (code !== 0) reject(new Error(`the load generator exited with ${code}`));
      else resolve({ timings: JSON.parse(output) as Timing[], clientCpuMs: Number(cpu?.[1] ?? NaN) });
    });
    child.stdin.end(JSON.stringify({ base, jobs, clients: CLIENTS, seconds: SECONDS, warm: '/assets/style.css' }));
  });
}

type Timing = { name: string; path: string; index: number; ms: number };

/**
 * CPU time of this (the serving) thread in ms, from Linux's per-thread accounting (10 ms ticks), or undefined
 * elsewhere. Unlike the busy time it does not grow while other processes hold the cores: on a machine shared with
 * other work it is the figure to compare between runs.
 */
function threadCpuMs(): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, the 14th and 15th fields of the whole line, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** CLIENTS concurrent clients run the jobs; prints per page the median and p99 (and of first-time requests). */
async function loadPhase(label: string, jobs: Array<{ name: string; path: string }>, seen: Set<string>): Promise<{ worst: number; worstNew: number }> {
  const firstJob = new Map<string, number>();
  jobs.forEach((j, k) => { if (!firstJob.has(j.path)) firstJob.set(j.path, k); });
  const loadBefore = load();
  const started = performance.now();
  const elu = performance.eventLoopUtilization();
  const cpu0 = threadCpuMs();
  const termCpu0 = await termThread?.cpuMs();
  const process0 = process.cpuUsage();
  // The clients run in their own process, as browsers do: this process only serves.
  const { timings: results, clientCpuMs } = await runClients(jobs);
  const elapsed = (performance.now() - started) / 1000;
  // Time the serving thread was busy, whatever else the machine ran: the cost of a request without the queueing.
  const busy = performance.eventLoopUtilization(elu);
  const cpu1 = threadCpuMs();
  const termCpu1 = await termThread?.cpuMs();
  const processCpu = process.cpuUsage(process0);
  const cpu = (cpu0 !== undefined && cpu1 !== undefined ? `, CPU ${((cpu1 - cpu0) / results.length).toFixed(2)} ms per request` : '')
    + (termCpu0 !== undefined && termCpu1 !== undefined && termCpu0 >= 0 ? `; term thread CPU ${((termCpu1 - termCpu0) / results.length).toFixed(2)} ms per request` : '')
    + `; server process CPU (every thread) ${((processCpu.user + processCpu.system) / 1000 / results.length).toFixed(2)} ms per request`;
  console.log(`${label}: ${results.length} requests in ${elapsed.toFixed(1)} s (${(results.length / elapsed).toFixed(0)}/s); server thread busy ${(busy.active / results.length).toFixed(2)} ms per request `
    + `(${(busy.utilization * 100).toFixed(0)}% of the time)${cpu}; load generator CPU ${(clientCpuMs / results.length).toFixed(2)} ms per request; load average before ${loadBefore}, after ${load()}`);
  let worst = 0;
  let worstNew = 0;
  for (const p of pages) {
    const mine = results.filter((r) => r.name === p.name);
    const sorted = mine.map((r) => r.ms).sort((x, y) => x - y);
    // Requests asked for the first time in this run (the first job of each path): no cached result served them.
    const fresh = mine.filter((r) => !seen.has(r.path) && firstJob.get(r.path) === r.index).map((r) => r.ms).sort((x, y) => x - y);
    const p99 = percentile(sorted, 0.99);
    worst = Math.max(worst, p99);
    if (fresh.length) worstNew = Math.max(worstNew, percentile(fresh, 0.99));
    console.log(`  ${p.name}: median ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${sorted.length} requests`
      + (fresh.length ? `; asked for the first time: ${fresh.length}, median ${percentile(fresh, 0.5).toFixed(1)} ms, p99 ${percentile(fresh, 0.99).toFixed(1)} ms, max ${fresh[fresh.length - 1].toFixed(1)} ms` : ''));
  }
  if (SLOWEST > 0) {
    const slow = [...results].sort((x, y) => y.ms - x.ms).slice(0, SLOWEST);
    console.log(`  slowest: ${slow.map((r) => `${r.ms.toFixed(0)} ms #${r.index} ${decodeURIComponent(r.path)}`).join('; ')}`);
  }
  if (TRACE) appendFileSync(`${TRACE}.served`, served.splice(0).map((line) => `${label.split(' ')[0]}\t${line}\n`).join(''));
  if (TRACE) appendFileSync(TRACE, results.map((r) => `${label.split(' ')[0]}\t${r.index}\t${r.name}\t${r.ms.toFixed(2)}\n`).join(''));
  for (const r of results) seen.add(r.path);
  return { worst, worstNew };
}

/**
 * A server just started: nothing asked is cached but what `serve` renders before it listens, for everyone (warmUp:
 * the pages every visitor opens first — the Overview, the Compare form, the lexicon, /api/report — one run of the
 * selection and term pages, and the first page of each outlet's Compare column). Until session 15 the bench kept only
 * the columns, so its first pass also paid for the Overview and /api/report, which a started server never does.
 */
async function justStarted(): Promise<void> {
  state.cache.clear();
  state.records.clear();
  state.kwicDocs.clear();
  await termThread?.clearCaches();
  await warmUp(app, state);
}

/**
 * The server's own cost of a cold request, without queueing or the load of the machine: ALONE requests per page
 * (ones the passes below do not ask), one at a time in this process, in CPU time (this thread and V8's helpers).
 */
async function alone(): Promise<void> {
  await justStarted();
  const parts: string[] = [];
  for (const p of pages) {
    const cpu = process.cpuUsage();
    const wall: number[] = [];
    for (let k = REQUESTS; k < REQUESTS + ALONE; k++) {
      const s = performance.now();
      const res = await app.request(p.path(k), { headers: { Host: 'localhost' } });
      await res.arrayBuffer();
      wall.push(performance.now() - s);
    }
    const used = process.cpuUsage(cpu);
    wall.sort((x, y) => x - y);
    parts.push(`${p.name} ${((used.user + used.system) / 1000 / ALONE).toFixed(1)} ms CPU (wall median ${percentile(wall, 0.5).toFixed(1)}, max ${wall[wall.length - 1].toFixed(1)})`);
  }
  console.log(`cold requests alone, ${ALONE} per page, mean CPU per request: ${parts.join('; ')}; load average ${load()}`);
}
/**
 * BENCH_SERVER_PROFILE=FILE: a CPU profile of the serving thread over the first pass only (not the start-up or the
 * term index), written as FILE (.cpuprofile, for Chrome's DevTools or a summary script).
 */
async function startProfile(): Promise<(file: string) => Promise<void>> {
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`first pass profile written to ${file}`);
  };
}

await alone();
while (await phrasesPending() > 0) await new Promise((resolve) => setTimeout(resolve, 20));

await justStarted();
const seen = new Set<string>();
const jobs: Array<{ name: string; path: string }> = [];
for (let k = 0; k < REQUESTS; k++) for (const p of pages) jobs.push({ name: p.name, path: p.path(k) });
const profile = process.env.BENCH_SERVER_PROFILE ? await startProfile() : undefined;
const cold = await loadPhase('first pass (cold: every selection, term and page new)', jobs, seen);
if (profile) await profile(process.env.BENCH_SERVER_PROFILE!);
while (await phrasesPending() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
const warm = await loadPhase('repeat pass (warm: the same requests again)', jobs, seen);
console.log(`server p99 ms (worst page, ${documentCount(state)} documents, ${CLIENTS} clients): first pass ${cold.worst.toFixed(1)} (first-time requests ${cold.worstNew.toFixed(1)}), repeat ${warm.worst.toFixed(1)}; load average ${load()}`);
// What the passes left cached: the result cache is bounded by entries and characters (src/server/state.ts).
console.log(`after the passes: rss ${mb(process.memoryUsage().rss)} MB; result cache ${state.cache.size} entries, ${(state.cache.heldChars / 1048576).toFixed(1)}M characters`);
server.close();
(server as { closeAllConnections?: () => void }).closeAllConnections?.();
await termThread?.close();
store?.close();
if (tmp) rmSync(tmp, { recursive: true, force: true });
