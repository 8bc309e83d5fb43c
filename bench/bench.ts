/**
 * npm run bench: framelens analysis throughput against bare wink-nlp readDoc (default pipeline), on the same
 * generated texts in the same run. Prints tokens/s for both and, on its last line, `ratio framelens/wink: X`.
 */
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadLexicons } from '../src/lexicon/load.js';
import { compileLexicon } from '../src/lexicon/compile.js';
import { analyzeDocument } from '../src/analysis/analyze.js';
import { buildReport } from '../src/report/build.js';
import { packageRoot, defaultLexiconPath } from '../src/paths.js';
import { generateCorpus } from './corpus.js';

const targetMb = Number(process.env.BENCH_MB ?? 5);
const root = packageRoot();
const docs = generateCorpus(join(root, 'corpus', 'seeds'), targetMb * 1024 * 1024);
const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
console.log(`corpus: ${docs.length} generated documents, ${(bytes / 1024 / 1024).toFixed(2)} MB`);

const wink = winkNLP(model);
let tokenCount = 0;
function runWink(): number {
  const t0 = performance.now();
  let tokens = 0;
  for (const d of docs) tokens += wink.readDoc(d.text).tokens().length();
  tokenCount = tokens;
  return (performance.now() - t0) / 1000;
}

const compiled = compileLexicon(loadLexicons([defaultLexiconPath()]));
let hits = 0;
// Like the wink pass, each analysis is used and dropped: what is measured is the per-document work, not how a
// run that keeps 5 MB of results alive taxes the garbage collector (the report is built separately below).
function runFramelens(): number {
  const t0 = performance.now();
  let count = 0;
  for (const d of docs) count += analyzeDocument(d, compiled).hits.length;
  hits = count;
  return (performance.now() - t0) / 1000;
}

// Warm both up once on a slice, then alternate five full runs and keep each side's best, so neither side is measured
// cold or during the other's garbage collection.
docs.slice(0, 50).forEach((d) => { wink.readDoc(d.text); analyzeDocument(d, compiled); });
let winkBest = Infinity;
let flBest = Infinity;
for (let round = 0; round < 5; round++) {
  winkBest = Math.min(winkBest, runWink());
  flBest = Math.min(flBest, runFramelens());
}
const analyses = docs.map((d) => analyzeDocument(d, compiled));
const t0 = performance.now();
buildReport({ documents: docs, analyses, skipped: [], lexicon: compiled.lexicon }, { resamples: 500 });
const reportSecs = (performance.now() - t0) / 1000;

const winkRate = tokenCount / winkBest;
const flRate = tokenCount / flBest;
console.log(`tokens: ${tokenCount}; framelens hits: ${hits}`);
console.log(`wink-nlp readDoc (default pipeline): ${winkBest.toFixed(2)} s, ${Math.round(winkRate)} tokens/s`);
console.log(`framelens analyzeDocument:           ${flBest.toFixed(2)} s, ${Math.round(flRate)} tokens/s`);
console.log(`framelens report (aggregate, stats, 500 resamples): ${reportSecs.toFixed(2)} s`);
console.log(`ratio framelens/wink: ${(flRate / winkRate).toFixed(3)}`);
