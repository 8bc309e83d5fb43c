/**
 * Compiles a lexicon on a thread of its own (see compile.ts): the lexicon's words are tokenized by wink-nlp, whose
 * model then stays in this thread's memory only, and goes when the thread ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Lexicon } from '../types.js';
import type { VoiceRules } from '../lexicon/voice-rules.js';
import { compileLexicon } from '../lexicon/compile.js';
import { LexiconError } from '../lexicon/errors.js';

const data = workerData as { lexicon: Lexicon; voice?: VoiceRules };
try {
  parentPort?.postMessage({ compiled: data.voice ? compileLexicon(data.lexicon, data.voice) : compileLexicon(data.lexicon) });
} catch (err) {
  if (err instanceof LexiconError) parentPort?.postMessage({ problems: err.problems });
  else parentPort?.postMessage({ error: (err as Error).stack ?? String(err) });
}
