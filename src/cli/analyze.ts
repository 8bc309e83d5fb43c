import { accessSync, constants as fsConstants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { Document, SkippedDocument, Voice } from '../types.js';
import { FramelensError } from '../errors.js';
import { runPipeline, TextLookup, type Shard } from '../pipeline.js';
import { bootstrapOffThread, bootstrapThreadAvailable } from '../worker/bootstrap.js';
import { documentHits, type Report, type ReportDocument, type ReportOptions } from '../report/build.js';
import type { StreamedReport } from '../report/builder.js';
import { writeHitsCsv, writeReportJson, type DocumentHitLists } from '../report/stream-json.js';
import { streamSink, writeAtomic, writeAtomicSync, type TextSink } from '../report/write-atomic.js';
import { readCorpusStream } from '../corpus/read.js';
import { EXTENSION_KINDS } from '../corpus/formats.js';
import { Store } from '../store/index.js';
import { defaultWorkerCount, WorkerPool, workersAvailable } from '../worker/pool.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { createReportSink } from './report-sink.js';
import { csvTables, labelsTable } from '../report/csv.js';
import { toMarkdown } from '../report/markdown.js';
import { toTable } from '../report/table.js';
import { toHtmlReport } from '../report/html.js';
import type { DuplicatePolicy } from '../stats/duplicates.js';
import { createProgress } from './progress.js';
import { boundHeapGrowth, CORPUS_OPTIONS, intOption, loadCompiledFor, parse, UsageError } from './common.js';
import { ANALYZE_HELP } from './analyze-help.js';
import { collectGarbage, collectsBetweenPhases } from './collect.js';
import { RESEARCH_OPTIONS, researchReportOptions } from './research-options.js';

/** The stages ReportBuilder.finishStreaming announces, in order (FinishOptions.onStage): the progress line counts them. */
export const REPORT_STAGES = ['duplicates', 'counts', 'bootstrap', 'keyness', 'contrasts', 'timeline', 'events'];
export const FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
const POLICIES: DuplicatePolicy[] = ['first-outlet-only', 'exclude-copies', 'keep-all'];
const VOICE_NAMES: Voice[] = ['author', 'quoted', 'attributed'];

export function parseVoices(value: string | undefined): Voice[] | undefined {
  if (value === undefined) return undefined;
  if (value === 'all') return [...VOICE_NAMES];
  const voices = value.split(',').map((v) => v.trim());
  const bad = voices.find((v) => !VOICE_NAMES.includes(v as Voice));
  if (bad !== undefined) throw new UsageError(`--voices: unknown voice "${bad}"; use author, quoted, attributed or all`);
  return voices as Voice[];
}

export async function runAnalyze(args: string[]): Promise<number> {
  boundHeapGrowth();
  const { values, positionals } = parse(args, {
    ...CORPUS_OPTIONS,
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    voices: { type: 'string' },
    duplicates: { type: 'string' },
    pair: { type: 'string' },
    resamples: { type: 'string' },
    seed: { type: 'string' },
    cache: { type: 'string' },
    db: { type: 'string' },
    shard: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    'omit-hits': { type: 'boolean' },
    progress: { type: 'boolean' },
    workers: { type: 'string', short: 'j' },
    ...RESEARCH_OPTIONS,
  });
  if (values.help) {
    process.stdout.write(ANALYZE_HELP);
    return 0;
  }
  const format = (values.format ?? 'table') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
  const policy = (values.duplicates ?? 'first-outlet-only') as DuplicatePolicy;
  if (!POLICIES.includes(policy)) throw new UsageError(`--duplicates must be one of ${POLICIES.join(', ')}, got "${values.duplicates}"`);
  let pair: [string, string] | undefined;
  if (values.pair !== undefined) {
    const parts = values.pair.split(',').map((s) => s.trim());
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError('--pair takes two outlet names separated by a comma: --pair "AFP,Press TV"');
    pair = [parts[0], parts[1]];
  }
  if (pair && pair[0] === pair[1]) throw new UsageError(`--pair needs two different outlets, got "${pair[0]}" twice`);
  if (values['omit-hits'] && format === 'csv' && !values.quiet) process.stderr.write('note: --omit-hits leaves hits.csv with its header only\n');
  const resamples = intOption(values.resamples, 'resamples', 1);
  const seed = intOption(values.seed, 'seed', 0);
  const voices = parseVoices(values.voices);
  const research = researchReportOptions(values);

  const shard = parseShard(values.shard);
  if (values.db !== undefined && values.cache !== undefined) throw new UsageError('--db and --cache both name a store; give one (--cache DIR is --db DIR/framelens.db)');
  const quiet = Boolean(values.quiet);
  const progress = createProgress(quiet ? 'quiet' : values.progress ? 'bar' : 'auto');
  const say = (line: string) => {
    if (!quiet) process.stderr.write(`${line}\n`);
  };

  const workers = intOption(values.workers, 'workers', 1) ?? defaultWorkerCount();
  const { bytes: inputBytes, manyDocuments } = inputSize(positionals);
  // With workers, they analyze and the lexicon is compiled off this thread too: the main thread never loads the
  // wink-nlp model (~55 MB) unless the corpus turns out too small for the pool and is analyzed here. A small input
  // is analyzed here anyway (the pool starts at 64 documents), and compiling elsewhere would load the model twice.
  const offThread = workers >= 2 && workersAvailable() && inputBytes >= OFF_THREAD_COMPILE_BYTES;
  const compiling = loadCompiledFor(values.lexicon, values['voice-rules'], offThread);
  // Awaited below, once the options are checked: a usage error found first must not leave it unhandled.
  compiling.catch(() => {});
  checkDestinations(format, values.out, values.cache);
  const dbFile = values.db ?? (values.cache !== undefined ? join(values.cache, 'framelens.db') : undefined);
  if (values.cache !== undefined && readdirSync(values.cache).some((n) => /^analyses-[0-9a-f]+\.jsonl$/.test(n))) {
    say(`note: ${values.cache} holds analyses-*.jsonl files from an older framelens; the cache is now ${dbFile} and those files can be deleted`);
  }
  if (dbFile !== undefined) checkStorePath(dbFile, values.db !== undefined ? '--db' : '--cache');

  if (positionals.length === 0) throw new UsageError('give one or more files or folders of articles');
  const readOptions = {
    outletFrom: values['outlet-from'],
    defaultOutlet: values['default-outlet'],
    maxDocBytes: intOption(values['max-doc-bytes'], 'max-doc-bytes', 1),
  };
  // Skips are listed as readCorpus lists them: file problems, then id clashes, then exact duplicates.
  const skippedBy: Record<'file' | 'id' | 'duplicate', SkippedDocument[]> = { file: [], id: [], duplicate: [] };
  const outlets = new Set<string>();
  let textBytes = 0;
  let documentsRead = 0;
  async function* documents(): AsyncGenerator<Document> {
    for await (const item of readCorpusStream(positionals, readOptions)) {
      if (item.type === 'document') {
        documentsRead++;
        textBytes += item.document.text.length;
        outlets.add(item.document.outlet);
        yield item.document;
      } else if (item.type === 'skipped') skippedBy[item.stage].push(item.skipped);
    }
  }
  /** Documents in the whole corpus, estimated from the input's size and the documents read so far (for the ETA). */
  const estimatedTotal = (read: number) => (textBytes > 0 && inputBytes > 0 ? Math.max(read, Math.round((read * inputBytes) / textBytes)) : undefined);

  // A first run of a large input of many documents analyzes on the pool: its workers start now and load wink-nlp while the lexicon
  // compiles on its own thread, instead of after it (~0.5 s of one idle core). A re-run into an existing store may
  // reuse every analysis: its pool starts only when a document needs one (runPipeline).
  const poolFeatures = { stopwords: research.stopwords, sketches: policy !== 'keep-all' };
  const early = offThread && manyDocuments && (dbFile === undefined || !existsSync(dbFile)) ? new WorkerPool(compiling, workers, { features: poolFeatures }) : undefined;
  let compiled: CompiledLexicon;
  try {
    compiled = await compiling;
  } catch (err) {
    await early?.close();
    throw err;
  }

  // Without --db the run still spills to a store, a temporary one: per-document results leave memory as they are
  // produced, and the report builder checks near-duplicates against the stored texts.
  const spill = dbFile === undefined ? mkdtempSync(join(tmpdir(), 'framelens-run-')) : undefined;
  const store = Store.open(dbFile ?? join(spill as string, 'spill.db'));
  const reportOptions: ReportOptions = { voices, resamples, seed, duplicatePolicy: policy, pair, omitHits: values['omit-hits'], ...research };
  const texts = new TextLookup(store);
  let disposeSink = () => {};
  try {
    const sink = createReportSink(compiled.lexicon, reportOptions, (id) => texts.get(id));
    disposeSink = () => sink.dispose();
    progress.stage(shard && shard.count > 1 ? `reading and analyzing shard ${shard.index}/${shard.count}` : 'reading and analyzing');
    const t0 = performance.now();
    const run = await runPipeline(documents(), compiled, {
      store,
      shard,
      texts,
      workers,
      // The workers read each text for the report too, so the main thread only merges what they found.
      features: poolFeatures,
      pool: early,
      onDocument: (doc, analysis, features) => sink.add(doc, analysis, features),
      onProgress: (p) => progress.update(p.read, estimatedTotal(p.read), p.reused ? `${p.reused} reused` : undefined),
    });
    const secs = (performance.now() - t0) / 1000;
    progress.done();
    const skipped = [...skippedBy.file, ...skippedBy.id, ...skippedBy.duplicate];
    if (documentsRead === 0) {
      for (const s of skipped) process.stderr.write(`skipped ${s.file}${s.line ? `:${s.line}` : ''}: ${s.reason}\n`);
      throw new UsageError(`no readable documents in ${positionals.join(', ')}`);
    }
    if (pair) {
      for (const o of pair) if (!outlets.has(o)) throw new UsageError(`--pair: no outlet "${o}" in the corpus (outlets: ${[...outlets].join(', ')})`);
    }
    // An empty shard is not an error: a batch engine runs every index, and merge takes empty parts as they are.
    if (run.done === 0) say(`note: shard ${shard?.index}/${shard?.count} holds none of the ${documentsRead} documents`);
    // A first run into a store sorts its hits into the search indexes on another thread while this one computes
    // the report (finishRun would otherwise do it after the report, on this thread).
    const indexing = dbFile !== undefined && run.run !== undefined ? store.buildSearchIndexesOffThread() : undefined;
    progress.stage('report', REPORT_STAGES.length);
    // A large run collects before the events stage and again before writing: the stages before leave their garbage
    // mostly outside the heap, where V8 counts it late (src/cli/collect.ts).
    const collecting = collectsBetweenPhases(run.done);
    const onStage = (stage: (typeof REPORT_STAGES)[number]) => {
      if (collecting && stage === 'events') collectGarbage();
      progress.update(REPORT_STAGES.indexOf(stage), REPORT_STAGES.length, stage);
    };
    // With worker threads (-j 2 or more) the outlets' bootstrap runs on a thread beside the rest of the report stage;
    // -j 1 keeps the whole run on one thread.
    const finished = workers >= 2 && bootstrapThreadAvailable()
      ? await sink.finishAsync(skipped, bootstrapOffThread, onStage)
      : sink.finish(skipped, onStage);
    progress.done();
    if (collecting) collectGarbage();
    const { report } = finished;
    await indexing;
    if (dbFile !== undefined && run.run !== undefined) {
      const removed = store.finishRun(run.run, storedAggregates(report, reportOptions, skipped), finished.documents(), finished.events()).removed;
      if (removed) say(`removed ${removed} documents no longer in the corpus${shard && shard.count > 1 ? ' or shard' : ''} from ${dbFile}`);
    }
    say(`analyzed ${run.analyzed} documents${run.reused ? `, ${run.reused} from ${values.db !== undefined ? 'the store' : 'cache'}` : ''} in ${secs.toFixed(2)} s${run.workers > 1 ? ` on ${run.workers} worker threads` : ''}; ${skipped.length} skipped${run.otherShards ? `; ${run.otherShards} in other shards` : ''}`);
    sayWarnings(finished.warned, say);
    progress.stage('writing', report.corpus.documents);
    await writeOutput(finished, format, values.out, values['omit-hits'] ? undefined : store, say, (n) => progress.update(n, report.corpus.documents));
    progress.done();
  } finally {
    // Closed by the pipeline when it ran; not when the run failed before it.
    await early?.close();
    disposeSink();
    store.close();
    if (spill) rmSync(spill, { recursive: true, force: true });
  }
  return 0;
}

/** The first documents with warnings, and how many more there are (noted by the report stage's walk: no walk here). */
function sayWarnings(warned: StreamedReport['warned'], say: (line: string) => void): void {
  for (const d of warned.first) say(`warning ${d.id}: ${d.warnings.join('; ')}`);
  if (warned.documents > warned.first.length) say(`… ${warned.documents - warned.first.length} more documents with warnings (see "warnings" in the JSON report)`);
}

/** Input size from which `analyze` with workers compiles the lexicon off the main thread (~100 articles). */
const OFF_THREAD_COMPILE_BYTES = 256 * 1024;
/** Text files from which a first run starts its workers before the lexicon is compiled (the pool's own minimum). */
const EARLY_POOL_FILES = 64;

/**
 * Bytes of the input files (the reader's extensions, hidden entries and node_modules left out), for the ETA, and
 * whether the input can hold enough documents for the pool: a multi-document file (.jsonl, .csv, .json) or 64 text
 * files. One large text file is one document, analyzed on the main thread: workers started for it would only load
 * the model twice more (~80 MB of peak on the scale bench's 5 MB document).
 */
function inputSize(paths: string[]): { bytes: number; manyDocuments: boolean } {
  let total = 0;
  let textFiles = 0;
  let multiDocument = false;
  const visit = (p: string, top: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isFile()) {
      const kind = EXTENSION_KINDS[extname(p).toLowerCase()];
      if (top || kind !== undefined) total += st.size;
      if (kind === 'text' || (top && kind === undefined)) textFiles++;
      else if (kind !== undefined) multiDocument = true;
    } else if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (!name.startsWith('.') && name !== 'node_modules') visit(join(p, name), false);
    }
  };
  for (const p of paths) visit(p, true);
  return { bytes: total, manyDocuments: multiDocument || textFiles >= EARLY_POOL_FILES };
}

/** `--shard I/N`: 0 ≤ I < N, the 0-based index a batch engine hands each task. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) throw new UsageError(`--shard takes I/N with 0 <= I < N (e.g. --shard 0/4 … --shard 3/4), got "${value}"`);
  return { index, count };
}

/** What a finished run leaves in the store beside the documents: enough to rebuild or serve the report. */
export function storedAggregates(report: Report, options: ReportOptions, skipped: SkippedDocument[]): Record<string, string> {
  return {
    'report-options': JSON.stringify(options),
    skipped: JSON.stringify(skipped),
    // The streamed report: its documents and events go to the store in chunks (Store.finishRun), never with hits.
    report: JSON.stringify({ ...report, events: [] }),
  };
}

function checkStorePath(file: string, flag: string): void {
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`${flag} ${file} is a folder; give a file name`);
  const parent = dirname(resolve(file));
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new UsageError(`${flag} ${file}: the folder ${parent} does not exist; create it or choose another path`);
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'it is a folder' : code === 'ENOTDIR' || code === 'EEXIST' ? 'a file stands where a folder is needed'
      : (err as Error).message;
}

/**
 * Checks where the results will go before hours of analysis, so that a typo in --out or --cache is a usage error
 * (exit 2) and not a crash after the work is done.
 */
export function checkDestinations(format: (typeof FORMATS)[number], out: string | undefined, cache: string | undefined): void {
  const folderFor = (path: string, flag: string) => {
    if (existsSync(path) && !statSync(path).isDirectory()) throw new UsageError(`${flag} ${path}: a file stands there; give a folder`);
    try {
      mkdirSync(path, { recursive: true });
      accessSync(path, fsConstants.W_OK);
    } catch (err) {
      throw new UsageError(`${flag} ${path}: cannot write there (${describeFsError(err)}); choose another folder`);
    }
  };
  if (cache !== undefined) folderFor(cache, '--cache');
  if (out === undefined) return;
  if (format === 'csv') {
    folderFor(out, '--out');
    return;
  }
  if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a folder; give a file name (for csv tables give a folder)`);
  if (existsSync(out)) {
    try {
      accessSync(out, fsConstants.W_OK);
    } catch (err) {
      throw new UsageError(`--out ${out}: cannot overwrite it (${describeFsError(err)}); choose another path`);
    }
  }
  const parent = dirname(resolve(out));
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new UsageError(`--out ${out}: the folder ${parent} does not exist; create it or choose another path`);
  try {
    accessSync(parent, fsConstants.W_OK);
  } catch (err) {
    throw new UsageError(`--out ${out}: cannot write in ${parent} (${describeFsError(err)}); choose another path`);
  }
}

export async function writeOutput(
  finished: StreamedReport, format: (typeof FORMATS)[number], out: string | undefined, hitsFrom: Store | undefined,
  say: (line: string) => void, onDocument?: (n: number) => void,
): Promise<void> {
  try {
    await writeOutputUnchecked(finished, format, out, hitsFrom, say, onDocument);
  } catch (err) {
    if (out === undefined || err instanceof FramelensError) throw err;
    throw new UsageError(`cannot write ${out}: ${describeFsError(err)}`);
  }
}

/** Each document's hit lists from the store, in report order, one document in memory at a time. */
function* storedHits(documents: Iterable<ReportDocument>, store: Store, onDocument?: (n: number) => void): Generator<DocumentHitLists> {
  let n = 0;
  for (const d of documents) {
    const stored = store.getDocument(d.id);
    if (!stored) throw new Error(`document ${d.id} is in the report but not in the store`);
    yield { id: d.id, ...documentHits(stored.analysis) };
    onDocument?.(++n);
  }
}

/**
 * Reports are written whole or not at all (a temporary file beside the target, then a rename: a kill mid-write
 * leaves the previous report intact), and JSON and hits.csv as a stream joined with the stored hits, so no
 * report is ever one string too long to build.
 */
async function writeOutputUnchecked(
  finished: StreamedReport, format: (typeof FORMATS)[number], out: string | undefined, hitsFrom: Store | undefined,
  say: (line: string) => void, onDocument?: (n: number) => void,
): Promise<void> {
  const hits = hitsFrom ? () => storedHits(finished.documents(), hitsFrom, onDocument) : undefined;
  if (format === 'json') {
    // Streamed: the documents are walked from the report builder's records as they are written.
    const write = (sink: TextSink) => writeReportJson(sink, finished.report, hits?.(), finished.documents(), finished.events());
    if (out) await writeAtomic(out, write);
    else {
      try {
        await write(streamSink(process.stdout));
      } catch (err) {
        // A reader that stops early ("| head") is not a failure of the analysis.
        if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
      }
    }
    if (out) say(`wrote ${out}`);
    return;
  }
  // The other formats are read by people and take the report whole.
  const report: Report = { ...finished.report, events: [...finished.events()], documents: [...finished.documents()] };
  if (format === 'csv') {
    if (!out) {
      process.stdout.write(labelsTable(report));
      return;
    }
    mkdirSync(out, { recursive: true });
    const tables = csvTables(report);
    for (const [name, content] of Object.entries(tables)) {
      if (name === 'hits.csv' && hits) await writeAtomic(join(out, name), (sink) => writeHitsCsv(sink, report, hits()));
      else writeAtomicSync(join(out, name), content);
    }
    say(`wrote ${Object.keys(tables).length} tables to ${out}`);
    return;
  }
  const text = format === 'md' ? toMarkdown(report) : format === 'html' ? toHtmlReport(report) : toTable(report);
  if (out) {
    writeAtomicSync(out, text);
    say(`wrote ${out}`);
  } else process.stdout.write(text);
}
