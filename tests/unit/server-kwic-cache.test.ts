/**
 * Term pages of a store read their documents through a bounded cache (state.kwicDocs): what they get equals what
 * Store.kwicRecords reads, cold and kept, for a label's lines, a word's and none, and the cache keeps its bound.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store, type HitsWanted } from '../../src/store/index.js';
import { kwicDocsAt, kwicWeight, type AppState } from '../../src/server/state.js';
import { createStoreState, indexStore } from '../../src/server/store-state.js';
import { LruCache } from '../../src/server/lru.js';
import { termResults } from '../../src/server/term.js';
import { wordMatches, wordPattern, type WordPattern } from '../../src/analysis/kwic.js';
import { runCli } from '../helpers/cli.js';
import { lexicon, seedsDir } from './server-fixture.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('fl-kwic-cache-');
const file = join(dir, 'seeds.db');
let store: Store;
let state: AppState;

beforeAll(async () => {
  const out = await runCli(['analyze', seedsDir, '--db', file, '--format', 'json', '--out', join(dir, 'report.json'), '--resamples', '20']);
  expect(out.code, out.stderr).toBe(0);
  store = Store.open(file, { readonly: true });
  state = createStoreState(store, lexicon());
  await indexStore(state);
}, 60_000);
afterAll(() => store?.close());

/** Label ids, words, a stem and none: the ways a Term page reads its documents. */
function wanteds(): Array<HitsWanted | undefined> {
  const labels = [...state.labelUse.keys()].slice(0, 12).map((label): HitsWanted => ({ label }));
  const words = ['militia*', 'forces', 'the', 'said', 'Iran-backed', 'us forces', 'nothing-like-this'].map((term): HitsWanted => {
    const pattern = wordPattern(term) as WordPattern;
    return { spans: (text) => wordMatches(pattern, text) };
  });
  return [...labels, ...words, undefined];
}

const expected = (ids: string[], wanted?: HitsWanted) => store.kwicRecords(ids, wanted);
const positions = () => state.ids.map((_id, i) => i);

describe('documents kept for Term pages', () => {
  it('give what Store.kwicRecords reads, first read and kept, whatever was asked before', () => {
    state.kwicDocs.clear();
    state.records.clear();
    const all = positions();
    for (let round = 0; round < 2; round++) {
      // Words first, then labels (voice spans read later), then in the other order.
      const list = round === 0 ? wanteds().reverse() : wanteds();
      for (const wanted of list) {
        const got = kwicDocsAt(state, all, wanted);
        const want = expected(state.ids, wanted);
        expect(got.size).toBe(want.size);
        for (const [i, record] of got) expect(record, `${state.ids[i]} ${JSON.stringify(wanted)}`).toEqual(want.get(state.ids[i]));
      }
    }
    expect(state.kwicDocs.size).toBe(state.ids.length);
  });

  it('stay within their bound of documents and characters, and still give the same', () => {
    const saved = state.kwicDocs;
    try {
      const weights = state.ids.map((id) => kwicWeight(store.kwicDocs([id], true)!.get(id)!));
      const maxChars = Math.max(...weights) + Math.min(...weights);
      state.kwicDocs = new LruCache(3, maxChars, kwicWeight);
      for (const wanted of wanteds()) {
        for (const i of positions()) {
          const got = kwicDocsAt(state, [i, (i + 1) % state.ids.length], wanted);
          for (const [at, record] of got) expect(record).toEqual(expected([state.ids[at]], wanted).get(state.ids[at]));
          expect(state.kwicDocs.size).toBeLessThanOrEqual(3);
          expect(state.kwicDocs.heldChars).toBeLessThanOrEqual(maxChars);
        }
      }
    } finally {
      state.kwicDocs = saved;
    }
  });

  it('Term results are the same with the cache empty and full', () => {
    const terms = ['militia*', 'forces', 'us forces', ...[...state.labelUse.keys()].slice(0, 4)];
    const run = () => terms.map((t) => JSON.stringify(termResults(state, t, 1)));
    state.kwicDocs.clear();
    state.cache.clear();
    const cold = run();
    state.cache.clear();
    expect(state.kwicDocs.size).toBeGreaterThan(0);
    expect(run()).toEqual(cold);
  });
});
