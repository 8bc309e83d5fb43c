/**
 * Compiling the lexicon on a short-lived thread. Compiling tokenizes every pattern with wink-nlp, and the model that
 * takes costs a thread ~55 MB for as long as the thread lives. A batch run whose analysis happens on pool workers
 * has no other use for the model on the main thread, so it compiles there and gets the compiled lexicon back as
 * data (the same structured clone the pool workers receive): the main thread's memory stays free of the model for
 * the whole run.
 */
import { Worker } from 'node:worker_threads';
import type { Lexicon } from '../types.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { LexiconError, type LexiconProblem } from '../lexicon/errors.js';
import type { VoiceRules } from '../lexicon/voice-rules.js';
import { workersAvailable } from './pool.js';

const COMPILE_URL = new URL('./compile-worker.js', import.meta.url);

interface CompileAnswer {
  compiled?: CompiledLexicon;
  problems?: LexiconProblem[];
  error?: string;
}

/**
 * Compiles `lexicon` (with `voice`, or the default voice rules) on a thread of its own. Lexicon problems arrive as the
 * LexiconError the main thread would have thrown. Only available where the pool is (compiled JavaScript).
 */
export function compileOffThread(lexicon: Lexicon, voice?: VoiceRules): Promise<CompiledLexicon> {
  if (!workersAvailable()) return Promise.reject(new Error('compiling off the main thread needs the compiled JavaScript (dist/)'));
  return new Promise((resolve, reject) => {
    const w = new Worker(COMPILE_URL, { workerData: voice ? { lexicon, voice } : { lexicon } });
    let settled = false;
    w.once('message', (msg: CompileAnswer) => {
      settled = true;
      if (msg.compiled) resolve(msg.compiled);
      else if (msg.problems) reject(new LexiconError(msg.problems));
      else reject(new Error(`compiling the lexicon failed: ${msg.error ?? 'no answer'}`));
      void w.terminate();
    });
    w.once('error', (err) => {
      settled = true;
      reject(err);
    });
    w.once('exit', (code) => {
      if (!settled) reject(new Error(`the lexicon compiler thread stopped with exit code ${code}`));
    });
  });
}
