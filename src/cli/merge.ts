/**
 * `framelens merge --db OUT.db PART.db…`: combines the stores of a sharded run (`analyze --shard I/N --db PART.db`)
 * into one store and writes the report of the whole corpus. Counts are rebuilt from the merged documents and every
 * statistic is computed once, after merging, so the result equals a single run over the whole corpus.
 */
import { existsSync, rmSync } from 'node:fs';
import type { SkippedDocument } from '../types.js';
import type { ReportOptions } from '../report/build.js';
import { cacheKey } from '../pipeline.js';
import { Store, StoreError } from '../store/index.js';
import { mergeStores } from '../store/merge.js';
import { createProgress } from './progress.js';
import { createReportSink } from './report-sink.js';
import { checkDestinations, FORMATS, REPORT_STAGES, storedAggregates, writeOutput } from './analyze.js';
import { boundHeapGrowth, loadCompiled, parse, UsageError } from './common.js';
import { MERGE_HELP } from './merge-help.js';

function readAggregate<T>(file: string, name: string): T {
  const s = Store.open(file, { readonly: true });
  try {
    const text = s.getAggregate(name);
    if (text === undefined) throw new StoreError(`${file}: has no "${name}" record; run "framelens analyze --db ${file}" on its shard to the end first`, file);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new StoreError(`${file}: its "${name}" record is damaged; run analyze on its shard again`, file);
    }
  } finally {
    s.close();
  }
}

export async function runMerge(args: string[]): Promise<number> {
  boundHeapGrowth();
  const { values, positionals } = parse(args, {
    db: { type: 'string' },
    lexicon: { type: 'string', multiple: true },
    'voice-rules': { type: 'string' },
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    progress: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(MERGE_HELP);
    return 0;
  }
  if (!values.db) throw new UsageError('merge needs --db OUT.db: the store to create from the parts');
  if (positionals.length === 0) throw new UsageError('merge needs the part stores to combine: framelens merge --db all.db part-0.db part-1.db …');
  const format = (values.format ?? 'table') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
  for (const p of positionals) if (!existsSync(p)) throw new UsageError(`no such store: ${p}`);
  if (positionals.includes(values.db)) throw new UsageError(`--db ${values.db} is also an input; merge into a new file`);
  if (existsSync(values.db)) {
    if (!values.force) throw new UsageError(`--db ${values.db} exists; merge into a new file, or pass --force to replace it`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${values.db}${suffix}`, { force: true });
  }
  checkDestinations(format, values.out, undefined);
  const quiet = Boolean(values.quiet);
  const progress = createProgress(quiet ? 'quiet' : values.progress ? 'bar' : 'auto');

  const compiled = loadCompiled(values.lexicon, values['voice-rules']);
  const key = cacheKey(compiled);
  // Every part must have been analyzed with the same report settings: statistics are computed once, with those.
  const options = readAggregate<ReportOptions>(positionals[0], 'report-options');
  const skipped = readAggregate<SkippedDocument[]>(positionals[0], 'skipped');
  for (const p of positionals.slice(1)) {
    const other = readAggregate<ReportOptions>(p, 'report-options');
    if (JSON.stringify(other) !== JSON.stringify(options)) {
      throw new UsageError(`${p} was analyzed with other report settings than ${positionals[0]} (${JSON.stringify(other)} vs ${JSON.stringify(options)}); run all shards with the same options`);
    }
  }

  progress.stage('merging stores');
  let merged: ReturnType<typeof mergeStores>;
  try {
    merged = mergeStores(values.db, positionals, key);
  } catch (err) {
    // A merge that stopped half-way leaves no half-merged store behind to be mistaken for a whole one.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${values.db}${suffix}`, { force: true });
    throw err;
  }
  progress.done();
  const store = Store.open(values.db);
  let disposeSink = () => {};
  try {
    const sink = createReportSink(compiled.lexicon, options, (id) => store.textOf(id));
    disposeSink = () => sink.dispose();
    progress.stage('reading the merged store', merged.documents);
    let n = 0;
    for (const { document, analysis } of store.documents()) {
      sink.add(document, analysis);
      progress.update(++n, merged.documents);
    }
    progress.done();
    progress.stage('report', REPORT_STAGES.length);
    const finished = sink.finish(skipped, (stage) => progress.update(REPORT_STAGES.indexOf(stage), REPORT_STAGES.length, stage));
    progress.done();
    const run = store.info().run;
    store.finishRun(run, storedAggregates(finished.report, options, skipped), finished.documents(), finished.events());
    if (!quiet) {
      process.stderr.write(`merged ${positionals.length} stores into ${values.db}: ${merged.documents} documents${merged.duplicates ? ` (${merged.duplicates} found in more than one part, kept once)` : ''}\n`);
    }
    const total = finished.report.corpus.documents;
    progress.stage('writing', total);
    await writeOutput(finished, format, values.out, options.omitHits ? undefined : store, (line) => {
      if (!quiet) process.stderr.write(`${line}\n`);
    }, (n) => progress.update(n, total));
    progress.done();
  } finally {
    disposeSink();
    store.close();
  }
  return 0;
}
