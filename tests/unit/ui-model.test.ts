/** The Overview's model (differences, sorting, clustering), share links and readable label names. */
import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import {
  biggestDifferences, clusterOrder, parseOverviewQuery, queryParams, selectStanceRows, topPairs, type StanceRow,
} from '../../src/server/overview-model.js';
import { decodeShare, encodeShare, MAX_SHARE_CHARS } from '../../src/server/share.js';
import { labelName, patternWords } from '../../src/report/views/names.js';
import { HttpError } from '../../src/server/http-error.js';
import { freshState, lexicon } from './server-fixture.js';

const row = (outlet: string, stance: number | null, extra: Partial<StanceRow> = {}): StanceRow => ({
  outlet, stance, ci95: stance === null ? null : [stance - 0.1, stance + 0.1], mentions: 5, documents: 3, smallSample: false, topLabels: [], ...extra,
});

describe('overview query', () => {
  it('reads defaults and refuses bad values with the field named', () => {
    const q = parseOverviewQuery(() => undefined);
    expect(q).toMatchObject({ sort: 'stance', dir: 'asc', minDocs: 0, page: 1, allKeyness: false });
    expect(queryParams(q)).toEqual([]);
    const get = (m: Record<string, string>) => (n: string) => m[n];
    expect(queryParams(parseOverviewQuery(get({ sort: 'documents', min: '2', outlet: 'Post' })))).toEqual([['outlet', 'Post'], ['min', '2'], ['sort', 'documents']]);
    expect(() => parseOverviewQuery(get({ sort: 'colour' }))).toThrow(/sort must be one of/);
    expect(() => parseOverviewQuery(get({ min: 'x' }))).toThrow(/min must be a whole number/);
    expect(() => parseOverviewQuery(get({ dir: 'up' }))).toThrow(/dir must be asc or desc/);
  });
});

describe('stance rows', () => {
  const rows = [row('B Post', 0.5), row('A Times', -0.2, { documents: 1 }), row('C Wire', null), row('D Post', 0.1, { documents: 9 })];
  it('sorts by stance, name or documents, rows without a stance last in either direction', () => {
    const names = (q: Parameters<typeof selectStanceRows>[1]) => selectStanceRows([...rows], q).map((r) => r.outlet);
    const base = { minDocs: 0, dir: 'asc' as const };
    expect(names({ ...base, sort: 'stance' })).toEqual(['A Times', 'D Post', 'B Post', 'C Wire']);
    expect(names({ ...base, sort: 'stance', dir: 'desc' })).toEqual(['B Post', 'D Post', 'A Times', 'C Wire']);
    expect(names({ ...base, sort: 'documents', dir: 'desc' })).toEqual(['D Post', 'B Post', 'A Times', 'C Wire']);
    expect(names({ ...base, sort: 'outlet', outlet: 'post' })).toEqual(['B Post', 'D Post']);
    expect(names({ ...base, sort: 'outlet', minDocs: 3 })).toEqual(['B Post', 'D Post', 'C Wire']);
  });
});

describe('clustered order', () => {
  it('puts outlets that label alike next to each other', () => {
    // Two tight pairs (0,2) and (1,3), far from each other.
    const m = [
      [0, 0.9, 0.1, 0.8],
      [0.9, 0, 0.85, 0.05],
      [0.1, 0.85, 0, 0.9],
      [0.8, 0.05, 0.9, 0],
    ];
    const order = clusterOrder(m);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    const pos = (i: number) => order.indexOf(i);
    expect(Math.abs(pos(0) - pos(2))).toBe(1);
    expect(Math.abs(pos(1) - pos(3))).toBe(1);
  });
  it('handles missing values and a single row', () => {
    expect(clusterOrder([[0]])).toEqual([0]);
    expect(clusterOrder([[0, null], [null, 0]]).sort()).toEqual([0, 1]);
  });
});

describe('differences and pairs on the seed corpus', () => {
  it('names the two outlets furthest apart per referent, the larger gaps first', async () => {
    const state = await freshState({ evil: false, split: true });
    const diffs = biggestDifferences(state.report);
    expect(diffs.length).toBeGreaterThan(0);
    for (let i = 1; i < diffs.length; i++) expect(diffs[i - 1].gap).toBeGreaterThanOrEqual(diffs[i].gap);
    for (const d of diffs) {
      const stances = state.report.outlets.map((o) => o.referents[d.referent.id]).filter((r) => r && r.mentions > 0 && r.stance !== null && (d.smallSample || !r.smallSample)).map((r) => r!.stance!);
      expect(d.low.stance).toBe(Math.min(...stances));
      expect(d.high.stance).toBe(Math.max(...stances));
    }
    const ref = Object.keys(state.report.divergence)[0];
    const pairs = topPairs(state.report, ref, 3);
    for (let i = 1; i < pairs.length; i++) expect(pairs[i - 1].value).toBeGreaterThanOrEqual(pairs[i].value);
  });
});

describe('share links', () => {
  it('round-trip the texts, and refuse damaged or oversized links with a clear message', () => {
    const texts = [{ outlet: 'Wire A', title: 'T', text: 'Iran-backed militias fired drones.' }, { outlet: 'B', title: '', text: 'The resistance struck.' }];
    const value = encodeShare(texts)!;
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeShare(value)).toEqual(texts);
    expect(() => decodeShare('abc$')).toThrow(/damaged/);
    expect(() => decodeShare(value.slice(0, 10))).toThrow(HttpError);
    expect(() => decodeShare('x'.repeat(MAX_SHARE_CHARS + 1))).toThrow(/too long/);
    // A small link that would unpack into a huge text is refused before it is read whole.
    expect(() => decodeShare(deflateRawSync(Buffer.alloc(400 * 1024, 32)).toString('base64url'))).toThrow(/more than 256 KB/);
    // A link that unpacks to something else than texts.
    expect(() => decodeShare(deflateRawSync(Buffer.from('{"a":1}')).toString('base64url'))).toThrow(/2 to 4 texts/);
    // Random text barely compresses: 20,000 characters make a link beyond the limit, and none is offered.
    let noise = '';
    for (let i = 0; noise.length < 20_000; i++) noise += `${(i * 7919 % 10007).toString(36)} `;
    expect(encodeShare([{ text: noise }, { text: 'b' }])).toBeNull();
  });
});

describe('readable label names', () => {
  it('come from the first pattern without syntax, or the id with spaces', () => {
    expect(labelName('iran-backed-militia', lexicon())).toBe('Iran-backed militia');
    expect(labelName('no-such-label', lexicon())).toBe('no such label');
    expect(patternWords('militia*')).toBe('militia');
  });
});

describe('groups and time on the Overview (report schema 3 sections, read when present)', () => {
  it('adds a group column and filter, groups rows when sorted by group, and draws stance over time per group', async () => {
    const { createApp } = await import('../../src/server/app.js');
    const state = await freshState({ evil: false, split: true });
    const [a, b, c] = state.outlets;
    const report = state.report as unknown as Record<string, unknown>;
    report.groups = [{ grouping: 'region', groups: [{ name: 'Gulf', outlets: [a, b], documents: 4, referents: {} }, { name: 'Levant', outlets: [c], documents: 2, referents: {} }], ungrouped: [], unknownOutlets: [] }];
    const ref = 'israel';
    report.timeline = {
      by: 'month', bins: ['2024-01', '2024-02', '2024-03'], undated: 1,
      series: [
        { kind: 'group', grouping: 'region', name: 'Gulf', outlets: [a, b], cells: [{ bin: '2024-01', documents: 2, referents: { [ref]: { documents: 1, mentions: 3, stance: -0.5, ci95: null, labels: {} } } }, { bin: '2024-03', documents: 1, referents: { [ref]: { documents: 1, mentions: 2, stance: 0.25, ci95: null, labels: {} } } }] },
        { kind: 'group', grouping: 'region', name: 'Levant', outlets: [c], cells: [{ bin: '2024-02', documents: 1, referents: {} }] },
      ],
    };
    const app = createApp(state);
    const body = await (await app.request(`/?referent=${ref}&sort=group`, { headers: { Host: 'localhost' } })).text();
    expect(body).toContain('<label for="f-group">Group</label>');
    expect(body).toContain('<tr class="group-row"><th scope="rowgroup"');
    expect(body).toContain('Israel over time');
    expect(body).toContain('<svg class="time-spark"');
    // Gulf named Israel in January and March; Levant never did and is left out.
    const time = body.slice(body.indexOf('class="data time-table"'), body.indexOf('</table>', body.indexOf('time-table')));
    expect(time).toContain('<th scope="row">Gulf</th>');
    expect(time).not.toContain('Levant');
    expect(time).toContain('−0.50');
    expect(time).toContain('+0.25');
    const filtered = await (await app.request(`/?referent=${ref}&group=Levant`, { headers: { Host: 'localhost' } })).text();
    const rows = [...filtered.matchAll(/<tr[^>]*data-outlet="([^"]*)"/g)].map((m) => m[1]);
    expect(rows.every((o) => o === c.replace(/&/g, '&amp;'))).toBe(true);
  });
});
