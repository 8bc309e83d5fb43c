/**
 * Runs analyzeDocument over a corpus, with an optional on-disk cache for incremental re-runs: a document whose
 * content hash, the lexicons' hashes and the tool version are unchanged is not analyzed again.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocAnalysis, Document } from './types.js';
import type { CompiledLexicon } from './lexicon/compile.js';
import { analyzeDocument } from './analysis/analyze.js';
import { contentHash } from './corpus/hash.js';
import { TOOL_VERSION } from './version.js';

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

/** One cache file per (tool version, lexicon set): a lexicon edit starts a fresh cache instead of mixing results. */
export function cacheKey(compiled: CompiledLexicon): string {
  const h = createHash('sha256').update(TOOL_VERSION);
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

export function analyzeCorpus(documents: Document[], compiled: CompiledLexicon, options: AnalyzeCorpusOptions = {}): AnalyzeCorpusResult {
  let cache = new Map<string, DocAnalysis>();
  let cacheFile: string | undefined;
  if (options.cacheDir) {
    mkdirSync(options.cacheDir, { recursive: true });
    cacheFile = join(options.cacheDir, `analyses-${cacheKey(compiled)}.jsonl`);
    cache = readCache(cacheFile);
  }
  const analyses: DocAnalysis[] = [];
  let cached = 0;
  let pending: string[] = [];
  const flush = () => {
    if (cacheFile && pending.length) appendFileSync(cacheFile, pending.join(''));
    pending = [];
  };
  documents.forEach((doc, i) => {
    const hash = cacheFile ? contentHash(doc) : '';
    const hit = cacheFile ? cache.get(hash) : undefined;
    if (hit) {
      analyses.push(hit);
      cached++;
    } else {
      const a = analyzeDocument(doc, compiled);
      analyses.push(a);
      if (cacheFile) {
        pending.push(`${JSON.stringify({ h: hash, a })}\n`);
        if (pending.length >= 200) flush();
      }
    }
    options.onProgress?.(i + 1, documents.length);
  });
  flush();
  return { analyses, cached, analyzed: documents.length - cached, cacheFile };
}
