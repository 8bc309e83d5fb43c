/**
 * Compare pages assembled from pieces encoded apart (ColumnSlots.fragment) and in reused buffers (PageBuffers): the
 * bytes are those of the page rendered whole, the buffers kept stay within their bound, and a buffer goes back only
 * once its answer has been written.
 */
import { EventEmitter } from 'node:events';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Document } from '../../src/types.js';
import { createApp } from '../../src/server/app.js';
import { createState, type AppState } from '../../src/server/state.js';
import { textAnalyzer } from '../../src/server/analyzer.js';
import { PageBuffers } from '../../src/server/page-buffers.js';
import { ComparePage } from '../../src/server/views/compare-page.js';
import { ReferentLabelTable, referentTableBytes, renderNow } from '../../src/server/views/compare-view.js';
import { cachedSelection } from '../../src/server/routes/api.js';
import { listen } from '../../src/server/listen.js';
import { generateCorpus } from '../../bench/corpus.js';
import { lexicon, seedsDir } from './server-fixture.js';

let state: AppState;
beforeAll(() => {
  const docs: Document[] = generateCorpus(seedsDir, 300 * 1024);
  state = createState({ compiled: lexicon(), documents: docs, reportOptions: { resamples: 20 } });
});

/** The Compare page as the route renders it, but whole: no column kept, no piece encoded apart. */
async function wholePage(s: AppState, outlets: string[], page: number): Promise<string> {
  const selection = { outlets, docs: [] };
  const { model, notes } = cachedSelection(s, selection);
  const query = new URLSearchParams(outlets.map((o) => ['outlets', o])).toString();
  return String(await (ComparePage({ state: s, selection, model, notes, query, page }) as { toString(): string | Promise<string> }).toString());
}

const comparePath = (outlets: string[], page: number) => `/compare?${new URLSearchParams([...outlets.map((o) => ['outlets', o]), ...(page > 1 ? [['page', String(page)]] : [])])}`;

describe('PageBuffers', () => {
  it('keeps at most maxKept buffers of at most maxBytes, and lends a kept one again', () => {
    const pool = new PageBuffers(3, 1 << 20);
    expect(pool.take((1 << 20) + 1)).toBeUndefined();
    const lent = [1000, 200_000, 700_000, 50_000, 1 << 20].map((size) => {
      const b = pool.take(size) as Uint8Array;
      expect(b.byteLength).toBeGreaterThanOrEqual(size);
      expect(b.byteLength).toBeLessThanOrEqual(1 << 20);
      return b;
    });
    expect(pool.lent).toBe(5);
    for (const b of lent) pool.give(b);
    expect(pool.lent).toBe(0);
    const kept = pool.kept;
    expect(kept.buffers).toBe(3);
    // The largest three stay.
    expect(kept.bytes).toBe([...lent].map((b) => b.byteLength).sort((x, y) => y - x).slice(0, 3).reduce((x, y) => x + y, 0));
    // The smallest kept buffer that fits is lent again, not a new one.
    const again = pool.take(600_000) as Uint8Array;
    expect(lent).toContain(again);
    expect(again.byteLength).toBe(lent[2].byteLength);
    expect(pool.kept.buffers).toBe(2);
  });

  it('takes a buffer back once its answer is written or its connection closed, once', () => {
    const pool = new PageBuffers(2, 1 << 20);
    const answer = () => Object.assign(new EventEmitter(), { writableEnded: false }) as unknown as ServerResponse;
    expect(pool.forAnswer(100, undefined)).toBeUndefined();
    const done = answer();
    const b = pool.forAnswer(100, done) as Uint8Array;
    expect(pool.lent).toBe(1);
    done.emit('finish');
    done.emit('close');
    expect(pool.lent).toBe(0);
    expect(pool.kept.buffers).toBe(1);
    const closed = answer();
    expect(pool.forAnswer(100, closed)).toBe(b);
    expect(pool.kept.buffers).toBe(0);
    closed.emit('close');
    expect(pool.kept.buffers).toBe(1);
    expect(pool.lent).toBe(0);
  });
});

describe('Compare pages from pieces encoded apart', () => {
  it('equal the page rendered whole, byte for byte, when asked in process (first time and kept)', async () => {
    const app = createApp(state, { analyzer: textAnalyzer(state.compiled, { offThread: false }) });
    const [a, b, c, d] = state.outlets;
    for (const [outlets, page] of [[[a, b], 1], [[b, a], 1], [[c, d, a, b], 2], [[a, c], 1]] as Array<[string[], number]>) {
      const whole = await wholePage(state, outlets, page);
      expect(whole).toContain('<section class="glossary"');
      expect(whole).toContain('id="mark-glossary"');
      for (let k = 0; k < 2; k++) expect(await (await app.request(comparePath(outlets, page))).text()).toBe(whole);
    }
  });
});

describe('referentTableBytes', () => {
  it('gives the referent table as bytes, each cell of a corpus column encoded once and shared between selections', () => {
    const [a, b, c] = state.outlets;
    const kept = new Map<string, Uint8Array>();
    let encoded = 0;
    let asked = 0;
    const cells = (key: string, render: () => Uint8Array) => {
      asked++;
      if (!kept.has(key)) {
        encoded++;
        kept.set(key, render());
      }
      return kept.get(key) as Uint8Array;
    };
    const decoder = new TextDecoder();
    for (const outlets of [[a, b], [b, c], [c, a, b]]) {
      const { model } = cachedSelection(state, { outlets, docs: [] });
      const pieces = referentTableBytes(model, state.compiled, cells);
      const whole = renderNow(ReferentLabelTable({ model, compiled: state.compiled }));
      expect(model.referents.length).toBeGreaterThan(0);
      expect(decoder.decode(Buffer.concat(pieces))).toBe(whole);
      // Every cell of the table is one piece, the same bytes for the same column in any selection.
      for (const r of model.referents) {
        outlets.forEach((_o, i) => expect(pieces).toContain(kept.get(`${model.mode}\0${model.columns[i].key}\0${r.referent}`)));
      }
    }
    // b's cells were asked for by all three selections, a's and c's by two: each was encoded once.
    expect(encoded).toBe(kept.size);
    expect(asked).toBeGreaterThan(kept.size);
  });
});

describe('Compare pages served on a socket', () => {
  let server: ReturnType<typeof listen>;
  let base: string;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    app = createApp(state, { analyzer: textAnalyzer(state.compiled, { offThread: false }) });
    server = listen(app.fetch, 0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  });

  const get = (path: string): Promise<Buffer> => new Promise((resolve, reject) => {
    request(base + path, { headers: { Host: 'localhost' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${path}: ${res.statusCode}`))));
      res.on('error', reject);
    }).on('error', reject).end();
  });

  it('in reused buffers, many at once, equal the pages asked in process', async () => {
    const outlets = state.outlets;
    const paths: string[] = [];
    for (let i = 0; i < outlets.length; i++) {
      for (let j = 0; j < outlets.length; j++) if (i !== j) paths.push(comparePath([outlets[i], outlets[j]], 1 + ((i + j) % 2)));
    }
    if (outlets.length >= 4) paths.push(comparePath(outlets.slice(0, 4), 1), comparePath([...outlets.slice(0, 4)].reverse(), 2));
    expect(paths.length).toBeGreaterThan(10);
    const taken = vi.spyOn(PageBuffers.prototype, 'take');
    const given = vi.spyOn(PageBuffers.prototype, 'give');
    // Twice: once rendered, once from kept pieces; ten at a time, so that buffers are lent while others are written.
    for (let round = 0; round < 2; round++) {
      for (let k = 0; k < paths.length; k += 10) {
        const batch = paths.slice(k, k + 10);
        const served = await Promise.all(batch.map(get));
        for (let n = 0; n < batch.length; n++) {
          const inProcess = Buffer.from(await (await app.request(batch[n])).arrayBuffer());
          expect(served[n].equals(inProcess), batch[n]).toBe(true);
        }
      }
    }
    // Every page served on the socket was assembled in a lent buffer, and every buffer came back.
    expect(taken).toHaveBeenCalledTimes(2 * paths.length);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(given).toHaveBeenCalledTimes(2 * paths.length);
    taken.mockRestore();
    given.mockRestore();
  });
});
