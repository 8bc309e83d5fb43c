/**
 * Web UI latency: median time of `app.request()` for the Compare page (and a few others) over the bundled seed
 * corpus, without a socket. Build and run: `npx tsc -p tsconfig.json && node dist/bench/server.js`.
 * Prints one line per route and, last, `compare median ms: X` (the target is under 50 ms).
 */
import { join } from 'node:path';
import { readCorpus } from '../src/corpus/read.js';
import { loadLexicons } from '../src/lexicon/load.js';
import { compileLexicon } from '../src/lexicon/compile.js';
import { defaultLexiconPath, packageRoot } from '../src/paths.js';
import { createState } from '../src/server/state.js';
import { createApp } from '../src/server/app.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const t0 = performance.now();
const compiled = compileLexicon(loadLexicons([defaultLexiconPath()]));
const { documents } = await readCorpus([join(packageRoot(), 'corpus', 'seeds')]);
const state = createState({ compiled, documents });
const app = createApp(state);
console.log(`startup (lexicon, ${documents.length} documents analyzed, report): ${(performance.now() - t0).toFixed(0)} ms`);

const [a, b, c, d] = state.outlets;
const compare2 = `/compare?${new URLSearchParams([['outlets', a], ['outlets', b]])}`;
const compare4 = `/compare?${new URLSearchParams([['outlets', a], ['outlets', b], ['outlets', c], ['outlets', d]])}`;

async function time(path: string): Promise<number> {
  for (let i = 0; i < 5; i++) await (await app.request(path)).text(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    const res = await app.request(path);
    await res.text();
    times.push(performance.now() - s);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  }
  const ms = median(times);
  console.log(`${path.length > 60 ? `${path.slice(0, 57)}...` : path}: median ${ms.toFixed(2)} ms over ${RUNS} requests`);
  return ms;
}

await time('/');
await time(compare4);
await time(`/api/compare?${new URLSearchParams([['outlets', a], ['outlets', b]])}`);
await time('/term?q=militia*');
await time('/lexicon');
const compareMs = await time(compare2);
console.log(`compare median ms: ${compareMs.toFixed(2)}`);
