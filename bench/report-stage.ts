/**
 * The report stage at corpus scale, alone: time and peak RSS of turning analyzed documents into the JSON report.
 *
 *   node dist/bench/report-stage.js prepare FILE N      analyze N generated documents into FILE (JSONL)
 *   node dist/bench/report-stage.js stream FILE OUT     ReportBuilder fed line by line, JSON streamed with hits
 *   node dist/bench/report-stage.js whole FILE OUT [BUILD_JS]
 *                                                      everything in memory: buildReport + JSON.stringify (BUILD_JS:
 *                                                      another build.js, e.g. of an older commit, to compare)
 *
 * Documents are recombined from real paragraphs (corpus/seeds and tests/fixtures/articles), so labels, quotations,
 * names and shared wire paragraphs occur at realistic densities. Run each mode in its own process: peak RSS is
 * per process.
 */
import { createReadStream, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { DocAnalysis, Document } from '../src/types.js';
import { analyzeDocument } from '../src/analysis/analyze.js';
import { compileLexicon } from '../src/lexicon/compile.js';
import { loadLexicons } from '../src/lexicon/load.js';
import { defaultLexiconPath } from '../src/paths.js';
import { documentHits, ReportBuilder } from '../src/report/build.js';
import { writeReportJson } from '../src/report/stream-json.js';
import { writeAtomic } from '../src/report/write-atomic.js';
import { seededRandom } from '../src/stats/rng.js';
import { seedParagraphs } from './corpus.js';

function generate(n: number): Document[] {
  const paragraphs = [...seedParagraphs('corpus/seeds'), ...seedParagraphs('tests/fixtures/articles')];
  const random = seededRandom(11);
  const outlets = ['Wire A', 'Wire B', 'State TV', 'Pan-Arab Daily', 'Regional News', 'Aggregator'];
  return Array.from({ length: n }, (_, i) => {
    const parts: string[] = [];
    const count = 4 + Math.floor(random() * 8);
    for (let k = 0; k < count; k++) parts.push(paragraphs[Math.floor(random() * paragraphs.length)]);
    return {
      id: `gen-${i}`, outlet: outlets[i % outlets.length], text: parts.join('\n\n'),
      date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      source: { file: 'generated', line: i + 1 }, meta: {},
    };
  });
}

async function* lines(file: string): AsyncGenerator<{ doc: Document; analysis: DocAnalysis }> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line) yield JSON.parse(line) as { doc: Document; analysis: DocAnalysis };
  }
}

/** Lines of a file with their byte offsets, read in chunks (memory: one chunk and one line). */
function* linesWithOffsets(fd: number): Generator<{ line: string; offset: number; length: number }> {
  const chunk = Buffer.alloc(1 << 20);
  let carry = Buffer.alloc(0);
  let position = 0;
  let lineStart = 0;
  for (;;) {
    const read = readSync(fd, chunk, 0, chunk.length, position);
    if (read === 0) break;
    position += read;
    let data = Buffer.concat([carry, chunk.subarray(0, read)]);
    let from = 0;
    for (let nl = data.indexOf(10, from); nl !== -1; nl = data.indexOf(10, from)) {
      if (nl > from) yield { line: data.subarray(from, nl).toString('utf8'), offset: lineStart, length: nl - from };
      lineStart += nl - from + 1;
      from = nl + 1;
    }
    carry = Buffer.from(data.subarray(from));
    data = carry;
  }
  if (carry.length > 0) yield { line: carry.toString('utf8'), offset: lineStart, length: carry.length };
}

const mb = (bytes: number) => Math.round(bytes / 1048576);
const compiled = () => compileLexicon(loadLexicons([defaultLexiconPath()]));

async function main(): Promise<void> {
  const [mode, file, arg, buildJs] = process.argv.slice(2);
  if (mode === 'prepare') {
    const c = compiled();
    const out: string[] = [];
    for (const doc of generate(Number(arg))) out.push(JSON.stringify({ doc, analysis: analyzeDocument(doc, c) }));
    writeFileSync(file, `${out.join('\n')}\n`);
    return;
  }
  const lexicon = compiled().lexicon;
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  let documents = 0;
  if (mode === 'stream') {
    // The text lookup a store would give: the line of the document in the file, found by its byte offset.
    const at = new Map<string, [number, number]>();
    const fd = openSync(file, 'r');
    const textOf = (id: string) => {
      const where = at.get(id);
      if (!where) return undefined;
      const bytes = Buffer.alloc(where[1]);
      readSync(fd, bytes, 0, where[1], where[0]);
      return (JSON.parse(bytes.toString('utf8')) as { doc: Document }).doc.text;
    };
    const builder = new ReportBuilder({ lexicon, textOf });
    for (const { line, offset, length } of linesWithOffsets(fd)) {
      const { doc, analysis } = JSON.parse(line) as { doc: Document; analysis: DocAnalysis };
      at.set(doc.id, [offset, length]);
      builder.add(analysis, doc);
      documents++;
    }
    const tBuilt = performance.now();
    const report = builder.finish();
    const tFinished = performance.now();
    async function* hits() {
      for await (const { analysis } of lines(file)) yield { id: analysis.id, ...documentHits(analysis) };
    }
    await writeAtomic(arg, (sink) => writeReportJson(sink, report, hits()));
    const tWritten = performance.now();
    console.log(JSON.stringify({
      mode, documents, addSeconds: +((tBuilt - t0) / 1000).toFixed(2), finishSeconds: +((tFinished - tBuilt) / 1000).toFixed(2),
      writeSeconds: +((tWritten - tFinished) / 1000).toFixed(2), totalSeconds: +((tWritten - t0) / 1000).toFixed(2),
      rssBeforeMB: mb(rssBefore), peakRssMB: mb(process.resourceUsage().maxRSS * 1024), pairs: report.duplicates.pairCount,
    }));
    return;
  }
  const { buildReport } = (buildJs ? await import(pathToFileURL(buildJs).href) : await import('../src/report/build.js')) as typeof import('../src/report/build.js');
  const docs: Document[] = [];
  const analyses: DocAnalysis[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const { doc, analysis } = JSON.parse(line) as { doc: Document; analysis: DocAnalysis };
    docs.push(doc);
    analyses.push(analysis);
  }
  const tLoaded = performance.now();
  const rssLoaded = process.memoryUsage().rss;
  const report = buildReport({ documents: docs, analyses, skipped: [], lexicon });
  const tBuilt = performance.now();
  writeFileSync(arg, `${JSON.stringify(report, null, 2)}\n`);
  const tWritten = performance.now();
  console.log(JSON.stringify({
    mode, build: buildJs ?? 'this', documents: docs.length, loadSeconds: +((tLoaded - t0) / 1000).toFixed(2),
    reportSeconds: +((tBuilt - tLoaded) / 1000).toFixed(2), writeSeconds: +((tWritten - tBuilt) / 1000).toFixed(2),
    rssLoadedMB: mb(rssLoaded), peakRssMB: mb(process.resourceUsage().maxRSS * 1024), pairs: report.duplicates.pairs.length,
  }));
}

await main();
