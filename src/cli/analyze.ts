import { accessSync, constants as fsConstants, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Voice } from '../types.js';
import { analyzeCorpusParallel } from '../pipeline.js';
import { buildReport, type Report } from '../report/build.js';
import { csvTables, labelsTable } from '../report/csv.js';
import { toMarkdown } from '../report/markdown.js';
import { toTable } from '../report/table.js';
import { toHtmlReport } from '../report/html.js';
import type { DuplicatePolicy } from '../stats/duplicates.js';
import { createProgress } from './progress.js';
import { CORPUS_OPTIONS, intOption, loadCompiled, loadCorpus, parse, UsageError } from './common.js';
import { ANALYZE_HELP } from './analyze-help.js';
import { RESEARCH_OPTIONS, researchReportOptions } from './research-options.js';

const FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
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
  if (values['omit-hits'] && format === 'csv') process.stderr.write('note: --omit-hits leaves hits.csv with its header only\n');
  const resamples = intOption(values.resamples, 'resamples', 1);
  const seed = intOption(values.seed, 'seed', 0);
  const voices = parseVoices(values.voices);
  const research = researchReportOptions(values);

  const compiled = loadCompiled(values.lexicon, values['voice-rules']);
  const corpus = await loadCorpus(positionals, values);
  checkDestinations(format, values.out, values.cache);
  if (corpus.documents.length === 0) {
    for (const s of corpus.skipped) process.stderr.write(`skipped ${s.file}${s.line ? `:${s.line}` : ''}: ${s.reason}\n`);
    throw new UsageError(`no readable documents in ${positionals.join(', ')}`);
  }
  const progress = createProgress('analyzing', process.stderr, Boolean(values.progress));
  const t0 = performance.now();
  const run = await analyzeCorpusParallel(corpus.documents, compiled, {
    cacheDir: values.cache, workers: intOption(values.workers, 'workers', 1), onProgress: (d, t) => progress.update(d, t),
  });
  const secs = (performance.now() - t0) / 1000;
  progress.done();
  if (pair) {
    const outlets = new Set(corpus.documents.map((d) => d.outlet));
    for (const o of pair) if (!outlets.has(o)) throw new UsageError(`--pair: no outlet "${o}" in the corpus (outlets: ${[...outlets].join(', ')})`);
  }
  const report = buildReport(
    { documents: corpus.documents, analyses: run.analyses, skipped: corpus.skipped, lexicon: compiled.lexicon },
    { voices, resamples, seed, duplicatePolicy: policy, pair, omitHits: values['omit-hits'], ...research },
  );
  process.stderr.write(`analyzed ${run.analyzed} documents${run.cached ? `, ${run.cached} from cache` : ''} in ${secs.toFixed(2)} s${run.workers > 1 ? ` on ${run.workers} worker threads` : ''}; ${corpus.skipped.length} skipped\n`);
  const warned = run.analyses.filter((a) => a.warnings.length);
  for (const a of warned.slice(0, 5)) process.stderr.write(`warning ${a.id}: ${a.warnings.join('; ')}\n`);
  if (warned.length > 5) process.stderr.write(`… ${warned.length - 5} more documents with warnings (see "warnings" in the JSON report)\n`);
  writeOutput(report, format, values.out);
  return 0;
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

function writeOutput(report: Report, format: (typeof FORMATS)[number], out: string | undefined): void {
  try {
    writeOutputUnchecked(report, format, out);
  } catch (err) {
    throw new UsageError(`cannot write ${out}: ${describeFsError(err)}`);
  }
}

function writeOutputUnchecked(report: Report, format: (typeof FORMATS)[number], out: string | undefined): void {
  if (format === 'csv') {
    if (!out) {
      process.stdout.write(labelsTable(report));
      return;
    }
    mkdirSync(out, { recursive: true });
    const tables = csvTables(report);
    for (const [name, content] of Object.entries(tables)) writeFileSync(join(out, name), content);
    process.stderr.write(`wrote ${Object.keys(tables).length} tables to ${out}\n`);
    return;
  }
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n`
    : format === 'md' ? toMarkdown(report)
      : format === 'html' ? toHtmlReport(report)
        : toTable(report);
  if (out) {
    writeFileSync(out, text);
    process.stderr.write(`wrote ${out}\n`);
  } else process.stdout.write(text);
}
