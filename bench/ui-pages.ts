/**
 * The UI pages at fifty outlets, as issue 10 measures them: server time of every page on the generated corpus of
 * 52 outlets and 520 documents (bench/corpus50.ts, the corpus of tests/e2e/scale-ui.test.ts), with outlet groups
 * and a monthly timeline. Per page: cold (the result caches emptied before each request, so everything the page
 * derives from the report is computed again, as for a filter nobody asked for before) and warm (the same request
 * again), median and p99 of BENCH_UI_ROUNDS rounds each; and the Overview with a filter not asked before, when the
 * parts around the stance table are already rendered. Target: under 100 ms.
 *
 * Run alone: `npx tsc -p tsconfig.json && node dist/bench/ui-pages.js`; `npm run bench` runs it inside the server
 * bench. Env: BENCH_UI_DOCS (documents, default 520), BENCH_UI_ROUNDS (default 30).
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadLexicons } from '../src/lexicon/load.js';
import { compileLexicon } from '../src/lexicon/compile.js';
import { defaultLexiconPath } from '../src/paths.js';
import { createState, type AppState } from '../src/server/state.js';
import { createApp } from '../src/server/app.js';
import { corpus50, outletNames } from './corpus50.js';

export const UI_TARGET_MS = 100;

const percentile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

/** Two groups of outlets by the place in their names, as a researcher's --groups file would give them. */
export function benchGroups(outlets: string[]): Record<string, Record<string, string>> {
  const region = (o: string) => (/^(Gulf|Levant|Capital|Border|Harbour|River)/.test(o) ? 'Near' : 'Far');
  return { region: Object.fromEntries(outlets.map((o) => [o, region(o)])) };
}

/** The pages of the UI with the queries a reader sends, on `state`'s outlets, events and documents. */
export function uiPages(state: AppState): Array<[string, string]> {
  const [a, b, c, d] = state.outlets;
  const event = state.report.events.find((e) => e.outlets.length > 4) ?? state.report.events.find((e) => e.outlets.length > 1);
  const referent = state.report.referents.find((r) => r.id !== 'israel')?.id ?? 'israel';
  const q = (params: Array<[string, string]>) => new URLSearchParams(params).toString();
  const pages: Array<[string, string]> = [
    ['Overview', '/'],
    ['Overview, other referent', `/?${q([['referent', referent]])}`],
    ['Overview, filtered and sorted', `/?${q([['sort', 'documents'], ['min', '2'], ['outlet', 'Herald']])}`],
    ['Compare form', '/compare'],
    ['Compare 2 outlets', `/compare?${q([['outlets', a], ['outlets', b]])}`],
    ['Compare 4 outlets', `/compare?${q([['outlets', a], ['outlets', b], ['outlets', c], ['outlets', d]])}`],
    ['Compare groups', `/compare?${q([['groups', 'Near'], ['groups', 'Far']])}`],
    ['Term (word)', '/term?q=militia*'],
    ['Term (label)', `/term?${q([['q', [...state.labelUse.keys()][0] ?? 'militia']])}`],
    ['Lexicon', '/lexicon'],
    ['Documents', '/documents?sort=date'],
    ['Events', '/events'],
    ['Hits', `/hits?${q([['outlet', a], ['referent', 'israel']])}`],
    ['Document', `/doc/${encodeURIComponent(state.report.documents[0].id)}`],
    ['Duplicates', '/duplicates'],
  ];
  if (event) pages.splice(6, 0, ['Compare event', `/compare?${q([['event', event.id]])}`]);
  return pages;
}

export interface PageTiming {
  name: string;
  /** The first request after start-up. */
  first: number;
  cold: { median: number; p99: number };
  warm: { median: number; p99: number };
}

/** Builds the 50-outlet state and times every page; prints a line per page and returns the figures. */
export async function benchUiPages(options: { docs?: number; rounds?: number; log?: (line: string) => void } = {}): Promise<PageTiming[]> {
  const docs = options.docs ?? Number(process.env.BENCH_UI_DOCS ?? 520);
  const rounds = options.rounds ?? Number(process.env.BENCH_UI_ROUNDS ?? 30);
  const log = options.log ?? console.log;
  const compiled = compileLexicon(loadLexicons([defaultLexiconPath()]));
  const t0 = performance.now();
  const state = createState({ compiled, documents: corpus50(docs), reportOptions: { resamples: 200, groups: benchGroups(outletNames()), timeline: 'month' } });
  log(`UI pages: ${state.outlets.length} outlets, ${state.report.documents.length} documents (groups, monthly timeline); state in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${rounds} rounds per page`);
  const app = createApp(state);
  const pages = uiPages(state);
  const time = async (url: string): Promise<number> => {
    const s = performance.now();
    const res = await app.request(url, { headers: { Host: 'localhost' } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    return performance.now() - s;
  };
  // The first request of each page after start-up (code not yet compiled by the JIT, assets not yet read): what the
  // first visitor of a freshly started server waits for. Then "cold" means cold caches, not a cold JIT.
  const first = new Map<string, number>();
  for (const [name, url] of pages) first.set(name, await time(url));
  const cold = new Map<string, number[]>(pages.map(([n]) => [n, []]));
  const warm = new Map<string, number[]>(pages.map(([n]) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, url] of pages) {
      state.cache.clear();
      cold.get(name)!.push(await time(url));
      warm.get(name)!.push(await time(url));
    }
  }
  // A reader changing the stance table's filter: a page nobody asked for, around parts that are already rendered.
  const refilter = 'Overview, a new filter';
  pages.push([refilter, '/?min=N']);
  first.set(refilter, NaN);
  cold.set(refilter, []);
  warm.set(refilter, []);
  await time('/');
  for (let r = 0; r < rounds; r++) {
    const url = `/?${new URLSearchParams([['min', String(r + 1)], ['sort', 'mentions']])}`;
    cold.get(refilter)!.push(await time(url));
    warm.get(refilter)!.push(await time(url));
  }
  const out: PageTiming[] = pages.map(([name]) => {
    const c = [...cold.get(name)!].sort((x, y) => x - y);
    const w = [...warm.get(name)!].sort((x, y) => x - y);
    return { name, first: first.get(name)!, cold: { median: percentile(c, 0.5), p99: percentile(c, 0.99) }, warm: { median: percentile(w, 0.5), p99: percentile(w, 0.99) } };
  });
  const width = Math.max(...out.map((p) => p.name.length));
  for (const p of out) {
    log(`  ${p.name.padEnd(width)}  first ${Number.isNaN(p.first) ? '   –' : p.first.toFixed(0).padStart(4)} ms;  cold median ${p.cold.median.toFixed(1).padStart(6)} ms, p99 ${p.cold.p99.toFixed(1).padStart(6)} ms;  warm median ${p.warm.median.toFixed(1).padStart(5)} ms, p99 ${p.warm.p99.toFixed(1).padStart(5)} ms`);
  }
  const worst = out.reduce((m, p) => (p.cold.p99 > m.cold.p99 ? p : m), out[0]);
  const firstWorst = out.reduce((m, p) => (p.first > m.first ? p : m), out[0]);
  const again = out.find((p) => p.name === refilter)!;
  const over = out.filter((p) => p.cold.p99 >= UI_TARGET_MS || p.first >= UI_TARGET_MS).map((p) => p.name);
  log(`UI pages ms: Overview with a new filter median ${again.cold.median.toFixed(1)}, p99 ${again.cold.p99.toFixed(1)} (the page cold, ${out[0].cold.median.toFixed(1)}); `
    + `worst first request ${firstWorst.name} ${firstWorst.first.toFixed(0)}; worst cold p99 ${worst.name} ${worst.cold.p99.toFixed(1)}; `
    + `worst warm p99 ${Math.max(...out.map((p) => p.warm.p99)).toFixed(1)}; target ${UI_TARGET_MS}: ${over.length ? `over it: ${over.join(', ')}` : 'every page under it'}`);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchUiPages();
