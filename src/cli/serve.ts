/** framelens serve: the web UI over a corpus (default: the bundled seed articles), on 127.0.0.1:8377 by default. */
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app.js';
import { allowedHosts } from '../server/middleware/host.js';
import { createState } from '../server/state.js';
import { analyzeCorpusParallel } from '../pipeline.js';
import { packageRoot } from '../paths.js';
import { CORPUS_OPTIONS, intOption, loadCompiled, loadCorpus, parse, UsageError } from './common.js';
import { SERVE_HELP } from './serve-help.js';

export const DEFAULT_PORT = 8377;
export const DEFAULT_HOST = '127.0.0.1';

export async function runServe(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...CORPUS_OPTIONS, port: { type: 'string', short: 'p' }, host: { type: 'string' } });
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

  const compiled = loadCompiled(values.lexicon, values['voice-rules']);
  const corpus = await loadCorpus(paths, values);
  if (corpus.documents.length === 0) throw new UsageError(`no readable documents in ${paths.join(', ')}`);
  for (const s of corpus.skipped) process.stderr.write(`skipped ${s.file}${s.line ? `:${s.line}` : ''}: ${s.reason}\n`);
  // Large corpora use worker threads when available; small ones run on the main thread.
  const { analyses } = await analyzeCorpusParallel(corpus.documents, compiled);
  const state = createState({ compiled, documents: corpus.documents, skipped: corpus.skipped, analyses });
  const anyInterface = host === '0.0.0.0' || host === '::' || host === '[::]';
  const app = createApp(state, { allowedHosts: anyInterface ? null : allowedHosts(host) });

  return new Promise<number>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host, overrideGlobalObjects: false }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      process.stdout.write(`listening on http://${shown}:${info.port}\n`);
    });
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new UsageError(`port ${port} on ${host} is in use; choose another with --port (0 picks a free one)`) : err);
    });
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve(0));
      // Keep-alive connections from a browser would hold close() open; they carry no state worth waiting for.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
