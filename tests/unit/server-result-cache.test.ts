/**
 * The result cache holds a mix of distinct answers as large as the server bench's (a thousand requests, each leaving
 * one to four entries) so that the same requests asked again are served from it, while its character budget still
 * bounds its memory, lists of documents included.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { cached, RESULT_CACHE_CHARS } from '../../src/server/state.js';
import { freshState } from './server-fixture.js';

const keys = (state: { cache: unknown }) => [...(state.cache as { entries: Map<string, unknown> }).entries.keys()];

describe('result cache', () => {
  it('keeps a page while 3,000 other results are cached after it', async () => {
    const state = await freshState({ evil: false });
    const app = createApp(state);
    const get = async (url: string) => (await app.request(url, { headers: { Host: 'localhost' } })).text();
    const first = await get('/?sort=mentions');
    const pageKey = keys(state).find((k) => k.includes('\0page\0overview'));
    expect(pageKey).toBeDefined();
    // Other visitors' answers: a page, a model and a cell or two each, a thousand requests' worth.
    for (let k = 0; k < 3000; k++) cached(state, `other\0${k}`, () => `<p>${k}</p>`);
    expect(keys(state)).toContain(pageKey);
    expect(await get('/?sort=mentions')).toBe(first);
  });

  it('weighs cached lists of documents against the character budget', async () => {
    const state = await freshState({ evil: false });
    const before = state.cache.heldChars;
    cached(state, 'ids', () => Array.from({ length: 1000 }, (_, k) => `doc-${k}`));
    expect(state.cache.heldChars - before).toBe(4000);
    // A list larger than the whole budget is not kept.
    cached(state, 'huge', () => new Array(RESULT_CACHE_CHARS / 2));
    expect(keys(state).some((k) => k.endsWith('\0huge'))).toBe(false);
  });
});
