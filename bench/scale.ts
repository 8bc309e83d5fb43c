/**
 * npm run bench, scale section: `framelens analyze --db` end to end (reading, analysis, store, report) on generated
 * corpora of real recombined paragraphs, against bare wink-nlp readDoc on the same texts in the same run.
 *
 * Sizes by environment, so CI-sized runs stay short:
 *   BENCH_SCALE_DOCS     comma-separated corpus sizes (default 10000; the issue's figures: 10000,100000)
 *   BENCH_SCALE_J1_MAX   largest size also run on one worker for the ratios (default 10000)
 *   BENCH_WINK_DOCS      texts given to bare wink-nlp per size (default: all, up to 10000; its rate is per byte)
 * First, one natural-language document of 5 MB analyzed end to end (the issue's target: under 10 s).
 * Prints per size: documents/s, `ratio per-worker/wink`, `ratio 2-workers/1-worker`, `peak rss MB` and the time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { packageRoot } from '../src/paths.js';
import { generateArticles, realParagraphs, writeArticlesJsonl } from './articles.js';

const root = packageRoot();
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const sizes = (process.env.BENCH_SCALE_DOCS ?? '10000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const j1Max = Number(process.env.BENCH_SCALE_J1_MAX ?? 10000);
const winkMax = Number(process.env.BENCH_WINK_DOCS ?? 10000);

interface RunFigures {
  seconds: number;
  peakRssMb: number;
  /** CPU seconds of the child (user + system, all threads), as last sampled before it exited. */
  cpuSeconds: number;
  code: number | null;
}

const CLOCK_TICKS = 100;

/** User + system CPU seconds of a running child, all threads, from /proc/PID/stat (fields 14 and 15, in ticks). */
function readCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** Peak RSS of a child from /proc (VmHWM: the high-water mark of the whole process, worker threads included). */
function readHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs the framelens CLI with `args` as a child process: its wall time, peak RSS and exit code. */
function timeCli(args: string[]): Promise<RunFigures> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    let hwm = 0;
    let cpu = 0;
    const poll = setInterval(() => {
      hwm = Math.max(hwm, readHwmKb(child.pid ?? 0));
      cpu = Math.max(cpu, readCpuSeconds(child.pid ?? 0));
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ seconds: (performance.now() - t0) / 1000, peakRssMb: hwm / 1024, cpuSeconds: cpu, code });
    });
  });
}

function runAnalyze(corpus: string, db: string, workers: number): Promise<RunFigures> {
  for (const s of ['', '-wal', '-shm']) rmSync(`${db}${s}`, { force: true });
  return timeCli(['analyze', corpus, '--db', db, '-j', String(workers), '--format', 'json', '--omit-hits', '--out', `${db}.report.json`, '--quiet']);
}

function winkRate(paragraphs: string[], count: number): { bytesPerSecond: number; documents: number } {
  const nlp = winkNLP(model);
  let bytes = 0;
  let secs = 0;
  let n = 0;
  for (const a of generateArticles(paragraphs, Math.min(count, winkMax))) {
    const t0 = performance.now();
    nlp.readDoc(a.text);
    secs += (performance.now() - t0) / 1000;
    bytes += Buffer.byteLength(a.text);
    n++;
  }
  return { bytesPerSecond: bytes / secs, documents: n };
}

/** One natural-language document of `megabytes` MB (generated articles run together), analyzed end to end. */
async function singleDocument(megabytes: number): Promise<RunFigures & { bytes: number }> {
  const file = join(dir, `single-${megabytes}mb.txt`);
  const parts: string[] = [];
  let bytes = 0;
  // As close to the size as whole articles allow without passing it (5 MB is also the default per-document limit).
  for (const a of generateArticles(paragraphs, Number.MAX_SAFE_INTEGER, 23)) {
    const next = Buffer.byteLength(a.text) + 2;
    if (bytes + next > megabytes * 1024 * 1024) break;
    parts.push(a.text);
    bytes += next;
  }
  writeFileSync(file, parts.join('\n\n'));
  const figures = await timeCli(['analyze', file, '--default-outlet', 'One Outlet', '--format', 'json', '--omit-hits', '--out', `${file}.json`, '--quiet']);
  return { ...figures, bytes };
}

const dir = mkdtempSync(join(tmpdir(), 'framelens-scale-'));
const paragraphs = realParagraphs(root);
try {
  const single = await singleDocument(5);
  console.log(`scale: one document of ${(single.bytes / 1024 / 1024).toFixed(1)} MB, analyze end to end: ${single.seconds.toFixed(1)} s, peak rss MB: ${single.peakRssMb.toFixed(0)}${single.code ? ` (exit ${single.code})` : ''}`);
  for (const n of sizes) {
    const corpus = join(dir, `articles-${n}.jsonl`);
    const { fileBytes, textBytes } = writeArticlesJsonl(corpus, root, n);
    console.log(`scale: ${n} generated articles, ${(textBytes / 1024 / 1024).toFixed(1)} MB of text (${(textBytes / n / 1024).toFixed(1)} KB each), ${(fileBytes / 1024 / 1024).toFixed(1)} MB JSONL`);
    const wink = winkRate(paragraphs, n);
    console.log(`  wink-nlp readDoc on ${wink.documents} of the texts: ${(wink.bytesPerSecond / 1024 / 1024).toFixed(2)} MB/s`);
    const two = await runAnalyze(corpus, join(dir, `two-${n}.db`), 2);
    console.log(`  analyze --db -j 2: ${two.seconds.toFixed(1)} s, ${(n / two.seconds).toFixed(0)} documents/s, peak rss MB: ${two.peakRssMb.toFixed(0)}, CPU ${two.cpuSeconds.toFixed(1)} s (${(two.cpuSeconds / two.seconds).toFixed(2)} cores busy)${two.code ? ` (exit ${two.code})` : ''}`);
    if (n <= j1Max) {
      const one = await runAnalyze(corpus, join(dir, `one-${n}.db`), 1);
      console.log(`  analyze --db -j 1: ${one.seconds.toFixed(1)} s, ${(n / one.seconds).toFixed(0)} documents/s, peak rss MB: ${one.peakRssMb.toFixed(0)}, CPU ${one.cpuSeconds.toFixed(1)} s${one.code ? ` (exit ${one.code})` : ''}`);
      console.log(`  ratio per-worker/wink (${n}): ${(textBytes / one.seconds / wink.bytesPerSecond).toFixed(3)}`);
      console.log(`  ratio 2-workers/1-worker (${n}): ${(one.seconds / two.seconds).toFixed(3)}`);
    }
    console.log(`  peak rss MB (${n}): ${two.peakRssMb.toFixed(0)}`);
    console.log(`  time for ${n} articles on 2 workers: ${two.seconds.toFixed(1)} s`);
    rmSync(corpus, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
