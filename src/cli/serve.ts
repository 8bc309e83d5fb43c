/** framelens serve: the web UI over a corpus (default: the bundled seed articles), on 127.0.0.1:8377 by default. */
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp, warmUp } from '../server/app.js';
import { listen } from '../server/listen.js';
import { allowedHosts } from '../server/middleware/host.js';
import { createState, type AppState } from '../server/state.js';
import { createStoreState, indexStore, readVoicesBehind, startTermThread } from '../server/store-state.js';
import { SERVE_STORE_CACHE_KIB } from '../server/voice-table.js';
import { termThreadWanted } from '../server/term-thread.js';
import { textAnalyzer } from '../server/analyzer.js';
import { Store } from '../store/index.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { analyzeCorpusParallel, cacheKey } from '../pipeline.js';
import { packageRoot } from '../paths.js';
import { boundHeapGrowth, CORPUS_OPTIONS, intOption, loadCompiled, loadCorpus, parse, UsageError } from './common.js';
import { SERVE_HELP } from './serve-help.js';
import { RESEARCH_OPTIONS, researchReportOptions } from './research-options.js';
import type { ReportOptions } from '../report/build.js';

export const DEFAULT_PORT = 8377;
export const DEFAULT_HOST = '127.0.0.1';

export async function runServe(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...CORPUS_OPTIONS, ...RESEARCH_OPTIONS, port: { type: 'string', short: 'p' }, host: { type: 'string' }, db: { type: 'string' } });
  if (values.help) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  const port = intOption(values.port, 'port', 0) ?? DEFAULT_PORT;
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const host = values.host ?? DEFAULT_HOST;
  const paths = positionals.length ? positionals : [join(packageRoot(), 'corpus', 'seeds')];
  if (!/^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/.test(host)) {
    process.stderr.write(`warning: serving on ${host}, not only this machine: anyone who can reach it can read the corpus and paste texts\n`);
  }

  if (values.db !== undefined && positionals.length) {
    throw new UsageError(`give either paths to read or --db FILE to serve a store, not both (got ${positionals.join(', ')} and --db ${values.db})`);
  }

  const researchGiven = (Object.keys(RESEARCH_OPTIONS) as Array<keyof typeof RESEARCH_OPTIONS>).filter((k) => values[k] !== undefined);
  if (values.db !== undefined && researchGiven.length) {
    throw new UsageError(`--${researchGiven[0]} changes the report, and a store serves the report analyze --db wrote: give it to analyze --db instead, or serve the corpus files`);
  }
  // Read before the corpus is analyzed, so a broken groups file stops the start at once, naming its line.
  const research = researchReportOptions(values);
  // A category dictionary is counted into the report too, so the same holds for it.
  if (values.db !== undefined && research.dictionaries?.length) {
    throw new UsageError(`--lexicon ${research.dictionaries[0]} is a category dictionary, counted into the report, and a store serves the report analyze --db wrote: give it to analyze --db instead, or serve the corpus files`);
  }
  // Building the term index reads every stored document once: left to itself, V8 let the heap swell to several
  // times what it keeps (serve on a 100k store: 900 MB of RSS after indexing for 151 MB of live heap; 568 bounded).
  boundHeapGrowth();
  const compiled = loadCompiled(values.lexicon, values['voice-rules']);
  const store = values.db !== undefined ? Store.open(values.db, { readonly: true, cacheKiB: SERVE_STORE_CACHE_KIB }) : undefined;
  let state: AppState;
  try {
    state = store ? storeState(store, compiled) : await corpusState(paths, compiled, values, research);
  } catch (err) {
    store?.close();
    throw err;
  }
  // FRAMELENS_TERM_THREAD=1: a store's Term pages are answered on a thread of their own (term-thread.ts) when compiled
  // workers exist; off by default (TERM_THREAD_BY_DEFAULT; docs/scale.md, session 18).
  const termThread = store && termThreadWanted() ? startTermThread(state) : undefined;
  const anyInterface = host === '0.0.0.0' || host === '::' || host === '[::]';
  const analyzer = textAnalyzer(compiled);
  const app = createApp(state, { allowedHosts: anyInterface ? null : allowedHosts(host), analyzer });
  await warmUp(app, state);
  const reading = new AbortController();
  if (store) {
    // The server already answers; the term index and the documents' voices fill in behind it.
    const t0 = performance.now();
    const voicesRead = (read: number, total: number, ms: number) => read === total &&
      process.stderr.write(`voices read: ${read.toLocaleString('en-US')} documents in ${(ms / 1000).toFixed(1)} s\n`);
    const voicesFailed = (err: Error) => process.stderr.write(`reading the documents' voices failed (word searches read them as needed): ${err.message}\n`);
    const voices = readVoicesBehind(state);
    void voices?.done.then(() => voicesRead(voices.read, voices.total, performance.now() - t0), voicesFailed);
    void termThread?.ready.then(
      (ready) => process.stderr.write(`term thread ready: ${ready.documents.toLocaleString('en-US')} documents indexed in ${(ready.ms / 1000).toFixed(1)} s\n`),
      (err: Error) => !reading.signal.aborted && process.stderr.write(`the term thread failed (Term pages answer 503): ${err.message}\n`),
    );
    void termThread?.voices.then((v) => voicesRead(v.read, v.total, v.ms), (err: Error) => !reading.signal.aborted && voicesFailed(err));
    void indexStore(state, undefined, reading.signal).then(async () => {
      if (reading.signal.aborted) return;
      process.stderr.write(`${termThread ? 'counts and label index' : 'term index'} ready: ${state.ids.length.toLocaleString('en-US')} documents read in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      // The counts changed the pages (label counts, Lexicon): render the first ones again before anyone asks.
      await warmUp(app, state);
    }, (err: Error) => process.stderr.write(`reading the store for the term index failed: ${err.message}\n`));
  }

  return new Promise<number>((resolve, reject) => {
    const server = listen(app.fetch, port, host, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      process.stdout.write(`listening on http://${shown}:${info.port}\n`);
    });
    server.once('error', (err: NodeJS.ErrnoException) => {
      reading.abort();
      state.voiceReading?.stop();
      void termThread?.close();
      // Nothing may keep the process alive: the store's reading stops at its next slice, which checks the signal first.
      store?.close();
      state.scratch?.close();
      void analyzer.close?.();
      reject(err.code === 'EADDRINUSE' ? new UsageError(`port ${port} on ${host} is in use; choose another with --port (0 picks a free one)`) : err);
    });
    // A second signal while closing (a terminal's Ctrl-C reaches a relaunched server twice: from the terminal and
    // from its parent, src/cli/node-flags.ts) changes nothing; the handlers go once the server has closed.
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      reading.abort();
      state.voiceReading?.stop();
      server.close(() => {
        store?.close();
        state.scratch?.close();
        void Promise.all([termThread?.close(), analyzer.close?.()]).finally(() => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve(0);
        });
      });
      // Keep-alive connections from a browser would hold close() open; they carry no state worth waiting for.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function corpusState(paths: string[], compiled: CompiledLexicon, values: Parameters<typeof loadCorpus>[1], reportOptions: Partial<ReportOptions>): Promise<AppState> {
  const corpus = await loadCorpus(paths, values);
  if (corpus.documents.length === 0) throw new UsageError(`no readable documents in ${paths.join(', ')}`);
  for (const s of corpus.skipped) process.stderr.write(`skipped ${s.file}${s.line ? `:${s.line}` : ''}: ${s.reason}\n`);
  // Large corpora use worker threads when available; small ones run on the main thread.
  const { analyses } = await analyzeCorpusParallel(corpus.documents, compiled);
  return createState({ compiled, documents: corpus.documents, skipped: corpus.skipped, analyses, reportOptions });
}

function storeState(store: Store, compiled: CompiledLexicon): AppState {
  const info = store.info();
  if (!info.complete) process.stderr.write(`warning: the last analyze run on ${info.file} did not finish; serving the report of the last finished run\n`);
  if (info.analysisKey !== null && info.analysisKey !== cacheKey(compiled)) {
    process.stderr.write(`warning: ${info.file} was analyzed with another lexicon or framelens version; pages show its stored analyses, the Lexicon page shows the lexicon loaded now\n`);
  }
  return createStoreState(store, compiled);
}
