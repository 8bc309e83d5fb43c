/**
 * The Term page and /api/term: keyword in context across the corpus. Served on the main thread, or (`serve --db`
 * with compiled workers) by the term thread, which runs these same routes over its own copy of the term index and
 * hands back the answer's bytes (term-thread.ts).
 */
import { Hono, type Context } from 'hono';
import type { AppState } from '../state.js';
import { badRequest, HttpError } from '../http-error.js';
import { termResults, TERM_EXPORT_LINES, validateTerm } from '../term.js';
import { parsePage } from '../paging.js';
import { hitLines } from '../hits-list.js';
import { csvResponse, termCsv } from '../csv.js';
import { TermPage, type TermOptions } from '../views/term-page.js';
import { withFormError } from './form-error.js';
import { wantsCsv } from './format.js';
import type { TermThread } from '../term-thread.js';

/** The two routes, answered from `state` on this thread. */
export function termRoutes(state: AppState): Hono {
  const routes = new Hono();

  routes.get('/term', (c) => {
    const q = c.req.query('q');
    const options: TermOptions = { zeros: c.req.query('zeros') === 'yes' };
    if (q === undefined || q.trim() === '') return c.html(<TermPage state={state} />);
    return withFormError(c, async () => {
      const term = validateTerm(q);
      const page = parsePage(c.req.query('page'));
      const voice = c.req.query('voice');
      if (voice) {
        if (voice !== 'author' && voice !== 'quoted' && voice !== 'attributed') throw badRequest(`voice must be author, quoted or attributed, got "${voice.slice(0, 40)}"`);
        options.voice = voice;
      }
      const key = `${state.version}\0page\0term\0${term}\0${page}\0${options.voice ?? ''}\0${options.zeros}`;
      const hit = state.cache.get(key);
      if (hit instanceof Uint8Array) return c.body(hit as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'text/html; charset=UTF-8' });
      const isLabel = state.compiled.entries.get(term)?.kind === 'label';
      const voiceLines = options.voice && isLabel ? hitLines(state, { label: term, voice: options.voice }, page) : undefined;
      const result = termResults(state, term, voiceLines ? 1 : page);
      const html = String(await (<TermPage state={state} result={result} q={result.term} options={options} voiceLines={voiceLines} />).toString());
      // A phrase still being read shows a lower bound ("at least"): rendered again until the background reading
      // makes it exact, so the next visitor sees the exact total.
      if (result.totalExact) state.cache.set(key, new TextEncoder().encode(html));
      return c.html(html);
    }, (err) => c.html(<TermPage state={state} q={q.slice(0, 200)} error={err.message} />, err.status as 400 | 404));
  });

  routes.get('/api/term', (c) => {
    const csv = wantsCsv(c);
    const term = validateTerm(c.req.query('q'));
    if (csv) return csvResponse(c, termCsv(termResults(state, term, 1, TERM_EXPORT_LINES, { budgetMs: Infinity })), `framelens-term-${term}.csv`);
    return c.json(termResults(state, term, parsePage(c.req.query('page'))));
  });

  return routes;
}

/** The same two routes, each request passed to the term thread and its answer given back as it came. */
export function forwardedTermRoutes(thread: TermThread): Hono {
  const routes = new Hono();
  const forward = async (c: Context) => {
    const url = new URL(c.req.url);
    let answer;
    try {
      answer = await thread.request(url.pathname + url.search);
    } catch (err) {
      throw new HttpError(503, `The term search is not available: ${(err as Error).message}. Restart framelens serve.`);
    }
    return c.body(answer.body as Uint8Array<ArrayBuffer>, answer.status as 200, Object.fromEntries(answer.headers));
  };
  routes.get('/term', forward);
  routes.get('/api/term', forward);
  return routes;
}
