/**
 * The framelens web app: pages, JSON API and static assets over a state computed once at start. Testable without
 * a socket through `app.request()`.
 */
import { Hono } from 'hono';
import { recordAt, type AppState } from './state.js';
import { security } from './middleware/security.js';
import { allowedHosts, hostCheck } from './middleware/host.js';
import { onError, onNotFound } from './middleware/errors.js';
import { serveAsset } from './assets.js';
import { apiRoutes } from './routes/api.js';
import { pageRoutes } from './routes/pages.js';
import { forwardedTermRoutes, termRoutes } from './routes/term.js';
import { prerenderOutletColumns } from './views/compare-page.js';
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
  // Term pages: on the term thread when the state has one (serve --db with compiled workers), else here.
  app.route('/', state.termThread ? forwardedTermRoutes(state.termThread) : termRoutes(state));
  app.route('/api', apiRoutes(state, analyzer, options.bodyLimit));
  app.route('/', pageRoutes(state, analyzer, options.bodyLimit));
  return app;
}

/** Pages every visitor opens first, rendered before the server listens so that nobody waits for the first render. */
export const WARM_PATHS = ['/', '/compare', '/lexicon', '/api/report', '/api/lexicon'];

/**
 * Requests that run the code of the pages that take a selection or a term (Compare, Term for a label, a word, a
 * prefix and a phrase, a document): the first run of that code compiles it, which made the first visitors' pages
 * two to four times slower than later ones. Empty while the term index is being built.
 */
export function warmPathsOf(state: AppState): string[] {
  if (state.indexing || state.ids.length === 0) return [];
  const paths: string[] = [];
  const label = [...state.labelUse.entries()].sort((a, b) => b[1].total - a[1].total)[0]?.[0];
  if (label) paths.push(`/term?${new URLSearchParams({ q: label })}`);
  const { document } = recordAt(state, 0);
  // Two neighbouring words of the first document: a word, a prefix and a phrase that are sure to occur.
  const words = (document.text.match(/\p{L}{4,}\s+\p{L}{4,}/u)?.[0] ?? '').split(/\s+/).filter(Boolean);
  if (words.length === 2) {
    for (const q of [words[0], `${words[0].slice(0, 3)}*`, words.join(' ')]) paths.push(`/term?${new URLSearchParams({ q })}`, `/api/term?${new URLSearchParams({ q })}`);
  }
  if (state.outlets.length >= 2) paths.push(`/compare?${new URLSearchParams([['outlets', state.outlets[0]], ['outlets', state.outlets[1]]])}`);
  paths.push(`/doc/${encodeURIComponent(document.id)}`);
  return paths;
}

/**
 * Renders the first pages; given the state, also runs the selection and term pages once (see warmPathsOf) and, once
 * the store is indexed, renders the first page of each outlet's Compare column (prerenderOutletColumns).
 */
export async function warmUp(app: Hono, state?: AppState): Promise<void> {
  for (const path of [...WARM_PATHS, ...(state ? warmPathsOf(state) : [])]) await (await app.request(path, { headers: { Host: 'localhost' } })).arrayBuffer();
  if (state && !state.indexing) await prerenderOutletColumns(state);
}
