/**
 * Runs analyzeDocument over a corpus, with an optional on-disk cache for incremental re-runs: a document whose
 * content hash, the lexicons' hashes and the tool version are unchanged is not analyzed again.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocAnalysis, Document } from './types.js';
import type { CompiledLexicon } from './lexicon/compile.js';
import { analyzeDocument } from './analysis/analyze.js';
import { contentHash } from './corpus/hash.js';
import { TOOL_VERSION } from './version.js';
import { analyzeInWorkers, defaultWorkerCount, workersAvailable } from './worker/pool.js';

/** Below this many documents, starting workers costs more than it saves. */
const MIN_PARALLEL_DOCUMENTS = 64;

export interface AnalyzeCorpusOptions {
  /** Folder for the incremental cache; null or undefined: no cache. */
  cacheDir?: string | null;
  onProgress?: (done: number, total: number) => void;
}

export interface AnalyzeCorpusResult {
  analyses: DocAnalysis[];
  /** Documents taken from the cache. */
  cached: number;
  /** Documents analyzed in this run. */
  analyzed: number;
  cacheFile?: string;
}

/**
 * The analyzer's own code, hashed: a cache written by other analyzer code (an upgrade, a local edit) must not be
 * reused even when the version number did not change.
 */
let codeHash: string | undefined;
function analyzerCodeHash(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  // Rule families live in subfolders (analysis/voice/): walk each folder recursively, in a stable order.
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else if (/\.(js|ts)$/.test(entry.name)) h.update(`${prefix}${entry.name}`).update(readFileSync(join(folder, entry.name)));
    }
  };
  for (const dir of ['analysis', 'nlp', 'lexicon']) {
    const folder = join(here, dir);
    if (existsSync(folder)) walk(folder, `${dir}/`);
  }
  codeHash = h.digest('hex');
  return codeHash;
}

/** One cache file per (tool version, analyzer code, lexicon set): any change starts a fresh cache instead of mixing results. */
export function cacheKey(compiled: CompiledLexicon): string {
  const h = createHash('sha256').update(TOOL_VERSION).update(analyzerCodeHash());
  for (const s of compiled.lexicon.sources) h.update(`\0${s.sha256}`);
  return h.digest('hex').slice(0, 16);
}

function readCache(file: string): Map<string, DocAnalysis> {
  const map = new Map<string, DocAnalysis>();
  if (!existsSync(file)) return map;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      const entry = JSON.parse(line) as { h: string; a: DocAnalysis };
      map.set(entry.h, entry.a);
    } catch {
      // A line cut short by an interrupted run: that document is simply analyzed again.
    }
  }
  return map;
}

interface CacheState {
  file?: string;
  map: Map<string, DocAnalysis>;
}

function openCache(compiled: CompiledLexicon, cacheDir: string | null | undefined): CacheState {
  if (!cacheDir) return { map: new Map() };
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `analyses-${cacheKey(compiled)}.jsonl`);
  return { file, map: readCache(file) };
}

function appendToCache(cache: CacheState, entries: Array<{ hash: string; analysis: DocAnalysis }>): void {
  if (!cache.file || entries.length === 0) return;
  const lines: string[] = [];
  for (const e of entries) lines.push(`${JSON.stringify({ h: e.hash, a: e.analysis })}\n`);
  appendFileSync(cache.file, lines.join(''));
}

/** Main-thread analysis with an optional cache. */
export function analyzeCorpus(documents: Document[], compiled: CompiledLexicon, options: AnalyzeCorpusOptions = {}): AnalyzeCorpusResult {
  const cache = openCache(compiled, options.cacheDir);
  const analyses: DocAnalysis[] = [];
  let cached = 0;
  let fresh: Array<{ hash: string; analysis: DocAnalysis }> = [];
  documents.forEach((doc, i) => {
    const hash = cache.file ? contentHash(doc) : '';
    const hit = cache.file ? cache.map.get(hash) : undefined;
    if (hit) {
      analyses.push(hit);
      cached++;
    } else {
      const analysis = analyzeDocument(doc, compiled);
      analyses.push(analysis);
      if (cache.file) fresh.push({ hash, analysis });
      // Write as we go, so an interrupted run keeps what it did.
      if (fresh.length >= 200) {
        appendToCache(cache, fresh);
        fresh = [];
      }
    }
    options.onProgress?.(i + 1, documents.length);
  });
  appendToCache(cache, fresh);
  return { analyses, cached, analyzed: documents.length - cached, cacheFile: cache.file };
}

/**
 * Like analyzeCorpus, on `workers` worker threads when there is enough work and compiled workers exist; the result
 * is identical to the main-thread run (a test checks that).
 */
export async function analyzeCorpusParallel(
  documents: Document[], compiled: CompiledLexicon, options: AnalyzeCorpusOptions & { workers?: number } = {},
): Promise<AnalyzeCorpusResult & { workers: number }> {
  const workers = options.workers ?? defaultWorkerCount();
  const cache = openCache(compiled, options.cacheDir);
  const hashes = cache.file ? documents.map((d) => contentHash(d)) : [];
  const missing: number[] = [];
  documents.forEach((_, i) => {
    if (!cache.file || !cache.map.has(hashes[i])) missing.push(i);
  });
  if (workers < 2 || missing.length < MIN_PARALLEL_DOCUMENTS || !workersAvailable()) {
    return { ...analyzeCorpus(documents, compiled, options), workers: 1 };
  }
  const cachedCount = documents.length - missing.length;
  options.onProgress?.(cachedCount, documents.length);
  const fresh = await analyzeInWorkers(missing.map((i) => documents[i]), compiled, workers,
    (done) => options.onProgress?.(cachedCount + done, documents.length));
  const analyses: DocAnalysis[] = new Array(documents.length);
  documents.forEach((_, i) => {
    if (cache.file && cache.map.has(hashes[i])) analyses[i] = cache.map.get(hashes[i]) as DocAnalysis;
  });
  missing.forEach((docIndex, k) => { analyses[docIndex] = fresh[k]; });
  appendToCache(cache, cache.file ? missing.map((docIndex, k) => ({ hash: hashes[docIndex], analysis: fresh[k] })) : []);
  return { analyses, cached: cachedCount, analyzed: missing.length, cacheFile: cache.file, workers };
}
