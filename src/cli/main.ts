#!/usr/bin/env node
/**
 * framelens command line. Exit codes: 0 ok, 1 analysis failed, 2 usage or input error; messages on stderr.
 */
import { endWithParent, relaunch, RELAUNCHED_ENV, serveFlags, wantsRelaunch } from './node-flags.js';
import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { runAnalyze } from './analyze.js';
import { runKwic } from './kwic.js';
import { runLexicon } from './lexicon.js';
import { runCount } from './count.js';
import { runValidate } from './validate.js';
import { UsageError } from './common.js';
import { ANALYZE_HELP } from './analyze-help.js';
import { SERVE_HELP } from './serve-help.js';
import { KWIC_HELP } from './kwic-help.js';
import { MERGE_HELP } from './merge-help.js';
import { LEXICON_HELP } from './lexicon.js';
import { COUNT_HELP } from './count.js';
import { VALIDATE_HELP } from './validate.js';
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

Run "framelens <command> --help" (or "framelens help <command>") for a command's options.
  -h, --help             this help; --version the version
`;

/** Each command's own help, for "framelens help <command>" (the command prints the same text for --help). */
const COMMAND_HELP: Record<string, string> = {
  analyze: ANALYZE_HELP, serve: SERVE_HELP, merge: MERGE_HELP, kwic: KWIC_HELP, lexicon: LEXICON_HELP, count: COUNT_HELP, validate: VALIDATE_HELP,
};

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
      case 'help': {
        const topic = rest[0];
        if (topic === undefined) {
          process.stdout.write(HELP);
          return 0;
        }
        const text = COMMAND_HELP[topic];
        if (!text) throw new UsageError(`no help for "${topic}": commands are ${Object.keys(COMMAND_HELP).join(', ')}`);
        process.stdout.write(text);
        return 0;
      }
      case undefined:
      case '-h':
      case '--help':
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
  const args = process.argv.slice(2);
  const flags = args[0] === 'serve' && !args.includes('--help') && !args.includes('-h') ? serveFlags(args.slice(1)) : [];
  if (wantsRelaunch(flags)) {
    // serve needs V8 settings that only a process's start can give (node-flags.ts): the server runs in a child.
    relaunch(flags, process.argv[1], args).then((code) => {
      process.exitCode = code;
    }, (err: Error) => {
      process.stderr.write(`framelens: could not start the server process: ${err.message}\n`);
      process.exitCode = 1;
    });
  } else {
    if (process.env[RELAUNCHED_ENV] === '1') endWithParent();
    main(args).then((code) => {
      process.exitCode = code;
    });
  }
}
