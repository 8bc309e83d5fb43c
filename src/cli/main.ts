#!/usr/bin/env node
/**
 * framelens command line. Exit codes: 0 ok, 1 analysis failed, 2 usage or input error; messages on stderr.
 */
import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { runAnalyze } from './analyze.js';
import { runKwic } from './kwic.js';
import { runLexicon } from './lexicon.js';
import { runCount } from './count.js';
import { runValidate } from './validate.js';
import { UsageError } from './common.js';
import { FramelensError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';

export const HELP = `framelens ${TOOL_VERSION}: how news outlets frame the same events

Usage:
  framelens analyze <paths...> [options]   score outlets (table, json, csv, md, html)
  framelens serve [paths...] [options]     web UI on http://127.0.0.1:8377
  framelens serve --db FILE [options]      web UI over a store built by analyze --db (starts in seconds)
  framelens merge --db OUT <parts...>      combine shard stores (analyze --shard I/N --db PART) into one
  framelens kwic <term> <paths...>         keyword in context for a label id or a word
  framelens lexicon check <files...>       validate lexicons; print counts
  framelens lexicon import <file>          convert a LIWC .dic, WordStat .cat, Lexicoder .lc3 or quanteda YAML
  framelens count -d <dict> <paths...>     LIWC / WordStat / Lexicoder / quanteda dictionaries counted per document
  framelens validate sample <paths...>     a stratified sample of hits to code by hand (CSV)
  framelens validate score <coded.csv...>  precision per label and voice, agreement between coders

Common options:
  --lexicon FILE         lexicon to use (repeatable); default lexicons/conflict.yml
  --voice-rules FILE     voice vocabulary and windows; default lexicons/voice.yml (docs/voice.md)
  --outlet-from RULE     field:<name> | folder | filename: where the outlet name comes from
  --default-outlet NAME  outlet for documents that name none
  --max-doc-bytes N      skip documents larger than N bytes (default 5 MB)

analyze options:
  --format F             table (default) | json | csv | md | html
  --out PATH             write to PATH (for csv: a folder of tidy tables) instead of stdout
  --voices V             voices for headline scores: author (default) | all | author,attributed …
  --duplicates P         first-outlet-only (default) | exclude-copies | keep-all
  --pair A,B             also compute keyness for outlet A against outlet B
  --resamples N          bootstrap resamples (default 2000); --seed N (default 42)
  --db FILE              store documents, analyses, hits and aggregates in FILE (SQLite); re-runs analyze
                         only new or changed documents, and an interrupted run resumes where it stopped
  --cache DIR            the same, with the store kept as DIR/framelens.db
  --shard I/N            analyze only shard I of N (0 <= I < N), chosen by document id; combine with merge
  --omit-hits            leave per-hit detail out of json (large corpora)
  -j, --workers N        worker threads for large corpora (default: one per core, up to 8)
  --progress             show the progress bar even when stderr is not a terminal
  -q, --quiet            no progress and no summary on stderr (errors still go there)
  -h, --help             this help; --version the version

serve options:
  --db FILE              serve a store written by analyze --db instead of reading and analyzing paths
  -p, --port N           port (default 8377; 0 picks a free one); --host ADDR (default 127.0.0.1)
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'analyze':
        return await runAnalyze(rest);
      case 'serve': {
        const { runServe } = await import('./serve.js');
        return await runServe(rest);
      }
      case 'merge': {
        const { runMerge } = await import('./merge.js');
        return await runMerge(rest);
      }
      case 'kwic':
        return await runKwic(rest);
      case 'lexicon':
        return await runLexicon(rest);
      case 'count':
        return await runCount(rest);
      case 'validate':
        return await runValidate(rest);
      case '--version':
      case '-v':
        process.stdout.write(`${TOOL_VERSION}\n`);
        return 0;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof FramelensError) {
      process.stderr.write(err.describe());
      return err.exitCode;
    }
    process.stderr.write(`framelens: analysis failed: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

const invokedDirectly = (() => {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1] ?? '')).href;
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  // Output piped into a command that stops reading ("| head") is not a failure of the analysis.
  // Later writes fail the same way and are ignored too; the run then ends with its own exit code.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
