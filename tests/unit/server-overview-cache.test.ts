/**
 * The Overview renders the parts around the stance table (biggest differences, time chart, divergence and heat map,
 * lists) once per corpus version and referent: a new filter or sort re-renders the table alone, and the page is the
 * same as one rendered from nothing.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { freshState } from './server-fixture.js';

describe('Overview parts rendered once per report', () => {
  it('keeps the parts that do not depend on the filter, and a page built from them equals one built from nothing', async () => {
    const state = await freshState({ evil: true });
    const app = createApp(state);
    const get = async (url: string) => (await app.request(url, { headers: { Host: 'localhost' } })).text();
    await get('/');
    const parts = () => [...(state.cache as unknown as { entries: Map<string, unknown> }).entries.keys()].filter((k) => k.includes('overview-fragment'));
    const kept = parts();
    expect(kept.some((k) => k.includes('divergence'))).toBe(true);
    expect(kept.some((k) => k.includes('differences'))).toBe(true);
    const filtered = await get('/?min=1&sort=mentions');
    // The new filter rendered no part again: the same entries, no more.
    expect(parts()).toEqual(kept);
    state.cache.clear();
    expect(await get('/?min=1&sort=mentions')).toBe(filtered);
    // Another referent has its own divergence part.
    const other = state.report.referents.find((r) => !kept.some((k) => k.endsWith(`divergence\0${r.id}`)) && state.report.outlets.some((o) => (o.referents[r.id]?.mentions ?? 0) > 0));
    if (other) {
      await get(`/?referent=${other.id}`);
      expect(parts().some((k) => k.endsWith(`divergence\0${other.id}`))).toBe(true);
    }
  });

  it('a corpus change (a text added) renders the parts again', async () => {
    const state = await freshState({ evil: false });
    const app = createApp(state);
    await (await app.request('/', { headers: { Host: 'localhost' } })).text();
    const before = state.version;
    state.version++;
    state.cache.clear();
    await (await app.request('/', { headers: { Host: 'localhost' } })).text();
    const keys = [...(state.cache as unknown as { entries: Map<string, unknown> }).entries.keys()].filter((k) => k.includes('overview-fragment'));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith(`${before + 1}\0`))).toBe(true);
  });
});
