/** Option parsing and loading shared by the CLI commands. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import type { Document, SkippedDocument } from '../types.js';
import { FramelensError } from '../errors.js';
import { loadLexicons } from '../lexicon/load.js';
import { compileLexicon, type CompiledLexicon } from '../lexicon/compile.js';
import { formatProblem } from '../lexicon/errors.js';
import { loadVoiceRules } from '../lexicon/voice-rules.js';
import { readCorpus } from '../corpus/read.js';
import { defaultLexiconPath } from '../paths.js';
import { splitLexiconPaths } from './lexicon-files.js';
import { compileOffThread } from '../worker/compile.js';

/** A command line that cannot be run as given: the message says what to change. */
export class UsageError extends FramelensError {
  override readonly name = 'UsageError';

  override describe(): string {
    return `framelens: ${this.message}\nRun "framelens --help" for usage.\n`;
  }
}

export const CORPUS_OPTIONS = {
  lexicon: { type: 'string', multiple: true },
  'voice-rules': { type: 'string' },
  'outlet-from': { type: 'string' },
  'default-outlet': { type: 'string' },
  'max-doc-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/**
 * How far V8 lets a heap grow past what survived its last full collection, in percent, for batch runs. Left to
 * itself V8 grows it by up to 4×: a batch run's main thread, whose live data is a few hundred MB at 100k documents,
 * swelled to over a GB of mostly garbage. 50 (1.5×) measured on 10k generated articles with two workers: peak RSS
 * 442 → 360 MB for about 10% more CPU spent collecting. V8 reads the flag at every collection, so setting it at
 * run time works; it is process-wide (the analysis workers get it too). `serve` sets it too: its term index is built
 * the same way, by reading every stored document once.
 */
export const BATCH_HEAP_GROWING_PERCENT = 50;

/** For `analyze` and `merge`: memory over speed, within the 10% measured (see BATCH_HEAP_GROWING_PERCENT). */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${BATCH_HEAP_GROWING_PERCENT}`);
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

export function intOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, got "${value}"`);
  return n;
}

export function loadCompiled(paths: string[] | undefined, voiceRules?: string): CompiledLexicon {
  const { lexicon, voice } = loadSources(paths, voiceRules);
  return warnConflicts(voice ? compileLexicon(lexicon, voice) : compileLexicon(lexicon));
}

/**
 * As loadCompiled; with `offThread`, the compiling happens on a thread of its own (src/worker/compile.ts), so that a
 * run whose workers do the analysis never loads the wink-nlp model on the main thread. Loading and validating the
 * YAML stays here: its errors are the same either way.
 */
export async function loadCompiledFor(paths: string[] | undefined, voiceRules: string | undefined, offThread: boolean): Promise<CompiledLexicon> {
  if (!offThread) return loadCompiled(paths, voiceRules);
  const { lexicon, voice } = loadSources(paths, voiceRules);
  return warnConflicts(await compileOffThread(lexicon, voice));
}

function loadSources(paths: string[] | undefined, voiceRules?: string) {
  // Category dictionaries given with --lexicon are counted as their own layer (research-options.ts), not compiled.
  const { lexicons } = splitLexiconPaths(paths);
  const lexicon = loadLexicons(lexicons.length ? lexicons : [defaultLexiconPath()]);
  return { lexicon, voice: voiceRules ? loadVoiceRules(voiceRules) : undefined };
}

function warnConflicts(compiled: CompiledLexicon): CompiledLexicon {
  // Analysis goes on (the first label listed wins, as documented), but the user is told; `lexicon check` refuses it.
  for (const c of compiled.conflicts) process.stderr.write(`framelens: warning: ${formatProblem(c)}\n`);
  return compiled;
}

export interface CorpusValues {
  'outlet-from'?: string;
  'default-outlet'?: string;
  'max-doc-bytes'?: string;
}

export async function loadCorpus(paths: string[], values: CorpusValues): Promise<{ documents: Document[]; skipped: SkippedDocument[] }> {
  if (paths.length === 0) throw new UsageError('give one or more files or folders of articles');
  const result = await readCorpus(paths, {
    outletFrom: values['outlet-from'],
    defaultOutlet: values['default-outlet'],
    maxDocBytes: intOption(values['max-doc-bytes'], 'max-doc-bytes', 1),
  });
  return { documents: result.documents, skipped: result.skipped };
}
