/**
 * The framelens web app: pages, JSON API and static assets over a state computed once at start. Testable without
 * a socket through `app.request()`.
 */
import { Hono } from 'hono';
import type { AppState } from './state.js';
import { security } from './middleware/security.js';
import { allowedHosts, hostCheck } from './middleware/host.js';
import { onError, onNotFound } from './middleware/errors.js';
import { serveAsset } from './assets.js';
import { apiRoutes } from './routes/api.js';
import { pageRoutes } from './routes/pages.js';
import { textAnalyzer, type Analyzer } from './analyzer.js';

export interface AppOptions {
  /** Largest accepted request body in bytes (default 2 MB). */
  bodyLimit?: number;
  /** Host names the server answers to (default: loopback names); null accepts any (serving a network). */
  allowedHosts?: Set<string> | null;
  /** Analyzes pasted and uploaded texts (default: on a worker thread when compiled workers exist). */
  analyzer?: Analyzer;
}

export function createApp(state: AppState, options: AppOptions = {}): Hono {
  const app = new Hono();
  app.use('*', security());
  app.use('*', hostCheck(options.allowedHosts === undefined ? allowedHosts() : options.allowedHosts));
  app.onError(onError);
  app.notFound(onNotFound);
  app.get('/assets/:name', (c) => serveAsset(c) ?? onNotFound(c));
  const analyzer = options.analyzer ?? textAnalyzer(state.compiled);
  app.route('/api', apiRoutes(state, analyzer, options.bodyLimit));
  app.route('/', pageRoutes(state, analyzer, options.bodyLimit));
  return app;
}

/** Pages every visitor opens first, rendered before the server listens so that nobody waits for the first render. */
export const WARM_PATHS = ['/', '/compare', '/lexicon', '/api/report', '/api/lexicon'];

export async function warmUp(app: Hono): Promise<void> {
  for (const path of WARM_PATHS) await (await app.request(path, { headers: { Host: 'localhost' } })).arrayBuffer();
}
