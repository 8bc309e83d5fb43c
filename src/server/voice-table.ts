/**
 * The full voice reading (quoted and attributed spans) of every stored document, read once after `serve --db` opens
 * so that a word search never runs voice detection while a visitor waits: the analysis keeps voices only around
 * lexicon matches, and reading a whole document's voices cost a cold Term page a third of its time.
 *
 * The reading runs on a worker thread with its own connection to the store (compiled builds); running from sources,
 * it runs on the main thread a slice at a time. Spans are kept packed, three integers each (about 200 bytes per
 * article), so 100,000 documents hold some 20 MB.
 */
import { Worker } from 'node:worker_threads';
import type { DocAnalysis, Document, VoiceSpan } from '../types.js';
import type { VoiceRules } from '../lexicon/voice-rules.js';
import { documentVoiceSpans } from '../analysis/kwic.js';
import { workersAvailable } from '../worker/pool.js';
import type { Store } from '../store/index.js';
import type { VoiceSpill } from './spill.js';

const VOICES = ['quoted', 'attributed'] as const;

/** [start, end, voice code] per span. */
export function packVoices(spans: readonly VoiceSpan[]): Int32Array {
  const packed = new Int32Array(spans.length * 3);
  spans.forEach((s, k) => {
    packed[3 * k] = s.start;
    packed[3 * k + 1] = s.end;
    packed[3 * k + 2] = VOICES.indexOf(s.voice);
  });
  return packed;
}

export function unpackVoices(packed: Int32Array): VoiceSpan[] {
  const spans: VoiceSpan[] = [];
  for (let k = 0; k < packed.length; k += 3) spans.push({ start: packed[k], end: packed[k + 1], voice: VOICES[packed[k + 2]] });
  return spans;
}

/**
 * The whole-document reading a word search needs, with the rules the corpus was analyzed with; the outlet citing
 * itself is its own voice here too (S-SELF), as in the analysis.
 */
export function wholeDocumentVoices(doc: Pick<Document, 'text' | 'outlet'>, analysis: Pick<DocAnalysis, 'sentences'>, rules: VoiceRules): VoiceSpan[] {
  return documentVoiceSpans(doc, analysis, rules);
}

/** Packed readings of several documents in one message: ids, span offsets (in integers) and one array of spans. */
export interface VoiceBatch {
  ids: string[];
  offsets: Int32Array;
  spans: Int32Array;
}

export function packBatch(ids: string[], readings: Int32Array[]): VoiceBatch {
  const offsets = new Int32Array(ids.length + 1);
  readings.forEach((r, k) => {
    offsets[k + 1] = offsets[k] + r.length;
  });
  const spans = new Int32Array(offsets[ids.length]);
  readings.forEach((r, k) => spans.set(r, offsets[k]));
  return { ids, offsets, spans };
}

/** The readings by document id: in memory, or in a scratch database when one is given (serve --db; see spill.ts). */
export class VoiceTable {
  private readonly byId = new Map<string, Int32Array>();

  constructor(private readonly spill?: VoiceSpill) {}

  get size(): number {
    return this.spill ? this.spill.voiceCount() : this.byId.size;
  }

  get(id: string): VoiceSpan[] | undefined {
    const packed = this.spill ? this.spill.voices(id) : this.byId.get(id);
    return packed && unpackVoices(packed);
  }

  set(id: string, spans: readonly VoiceSpan[]): void {
    if (this.spill) this.spill.putVoices([id], [packVoices(spans)]);
    else this.byId.set(id, packVoices(spans));
  }

  addBatch(batch: VoiceBatch): void {
    const readings = batch.ids.map((_, k) => batch.spans.subarray(batch.offsets[k], batch.offsets[k + 1]));
    if (this.spill) this.spill.putVoices(batch.ids, readings);
    else batch.ids.forEach((id, k) => this.byId.set(id, readings[k].slice()));
  }
}

/** Page cache of each connection serve opens to a store, in KiB: reads go by id, or once in order. */
export const SERVE_STORE_CACHE_KIB = 4096;

/** Documents read per message from the worker, and per slice on the main thread. */
export const VOICE_BATCH = 200;
/** Main-thread work between two yields to waiting requests when no worker is available. */
const SLICE_MS = 10;

const WORKER_URL = new URL('./voice-worker.js', import.meta.url);

export interface VoiceReading {
  read: number;
  total: number;
  /** Where the reading runs. */
  thread: 'worker' | 'main';
  /** Resolves when every document is read (or rejects; word searches then read voices on demand, as before). */
  done: Promise<void>;
  /** Stops the reading (the server is closing): `done` resolves with what was read. */
  stop: () => void;
}

/**
 * Starts reading the voices of every document of `store` into `table`. `worker: false` keeps the work on this
 * thread (a slice at a time) even when a compiled worker exists.
 */
export function readStoreVoices(store: Store, table: VoiceTable, rules: VoiceRules, total: number, options: { worker?: boolean } = {}): VoiceReading {
  const useWorker = (options.worker ?? true) && workersAvailable();
  const reading: VoiceReading = { read: 0, total, thread: useWorker ? 'worker' : 'main', done: Promise.resolve(), stop: () => {} };
  reading.done = useWorker ? onWorker(store, table, rules, reading) : inSlices(store, table, rules, reading);
  return reading;
}

function onWorker(store: Store, table: VoiceTable, rules: VoiceRules, reading: VoiceReading): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { file: store.info().file, rules, batch: VOICE_BATCH } });
    // The reading is a convenience: it must never keep a finished server process alive.
    worker.unref();
    let stopped = false;
    reading.stop = () => {
      stopped = true;
      void worker.terminate();
    };
    worker.on('message', (msg: { batch?: VoiceBatch; done?: boolean; error?: string }) => {
      if (msg.batch) {
        table.addBatch(msg.batch);
        reading.read += msg.batch.ids.length;
      } else if (msg.error !== undefined) reject(new Error(msg.error));
      else if (msg.done) resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 || stopped ? resolve() : reject(new Error(`the voice reader stopped with code ${code}`))));
  });
}

async function inSlices(store: Store, table: VoiceTable, rules: VoiceRules, reading: VoiceReading): Promise<void> {
  let stopped = false;
  reading.stop = () => {
    stopped = true;
  };
  const documents = store.documents();
  while (!stopped) {
    const started = performance.now();
    while (performance.now() - started < SLICE_MS) {
      const next = documents.next();
      if (next.done) return;
      table.set(next.value.document.id, wholeDocumentVoices(next.value.document, next.value.analysis, rules));
      reading.read++;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}
