import { describe, expect, it } from 'vitest';
import type { DeviceHit, Hit, NameHit } from '../../src/types.js';
import { markSpans, segmentText } from '../../src/server/segments.js';
import { jsonForScript } from '../../src/server/json-script.js';
import { parseSelection } from '../../src/server/selection.js';
import { fmtSigned, heatClass, stanceClass } from '../../src/report/format.js';
import { HttpError } from '../../src/server/http-error.js';

const hit = (start: number, end: number, text: string, extra: Partial<Hit> = {}): Hit => ({
  label: 'l', referent: 'r', category: 'actor-label', weight: -1, start, end, text: text.slice(start, end), sentence: 0, voice: 'author',
  distanced: false, negated: false, ...extra,
});
const name = (start: number, end: number, text: string): NameHit => ({
  name: 'n', type: 'actor', referent: null, start, end, text: text.slice(start, end), sentence: 0, voice: 'author', distanced: false,
});
const device = (start: number, end: number, text: string, type: DeviceHit['type'] = 'distancing'): DeviceHit => ({
  device: 'd', type, start, end, text: text.slice(start, end), sentence: 0, voice: 'author',
});

describe('segmentText', () => {
  const text = 'The so-called Islamic Resistance in Iraq attacked US forces.';

  it('keeps every character exactly once, in order, with marks sliced from the text', () => {
    const spans = markSpans({ hits: [hit(50, 59, text)], names: [name(14, 40, text)], devices: [device(4, 13, text)] });
    const segs = segmentText(text, spans);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.kind !== 'text').map((s) => [s.kind, s.text])).toEqual([
      ['cue', 'so-called'], ['name', 'Islamic Resistance in Iraq'], ['label', 'US forces'],
    ]);
  });

  it('a label wins over an overlapping name or cue; overlapping labels keep the earlier, longer one', () => {
    const t = 'occupation forces of the US';
    const spans = markSpans({
      hits: [hit(0, 17, t), hit(11, 17, t)],
      names: [name(0, 10, t)],
      devices: [device(11, 27, t, 'hedge')],
    });
    const marks = segmentText(t, spans).filter((s) => s.kind !== 'text');
    expect(marks.map((m) => [m.kind, m.start, m.end])).toEqual([['label', 0, 17]]);
  });

  it('drops spans with impossible offsets instead of throwing or duplicating text', () => {
    const t = 'abc def';
    const segs = segmentText(t, markSpans({ hits: [hit(4, 99, t), hit(-1, 2, t), hit(3, 3, t), hit(0, 3, t)], names: [], devices: [] }));
    expect(segs.map((s) => s.text).join('')).toBe(t);
    expect(segs.filter((s) => s.kind === 'label')).toHaveLength(1);
  });

  it('only cue types that explain a hit or a voice are shown', () => {
    const t = 'reportedly said';
    const spans = markSpans({ hits: [], names: [], devices: [device(0, 10, t, 'hedge'), device(11, 15, t, 'attribution')] });
    expect(spans.map((s) => s.kind)).toEqual(['cue', 'cue']);
  });

  it('stays fast on many hits', () => {
    const t = 'word '.repeat(50_000);
    const hits = Array.from({ length: 50_000 }, (_, i) => hit(i * 5, i * 5 + 4, t));
    const t0 = performance.now();
    const segs = segmentText(t, markSpans({ hits, names: [], devices: [] }));
    expect(segs.filter((s) => s.kind === 'label')).toHaveLength(50_000);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('jsonForScript', () => {
  it('escapes everything that could end a script block and parses back to the same value', () => {
    const value = { a: '</script><script>alert(1)</script>', b: '<!-- & -->', c: '\u2028\u2029', d: [1, null, 'ok'] };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('parseSelection', () => {
  const q = (pairs: Array<[string, string]>) => (name: string) => pairs.filter(([k]) => k === name).map(([, v]) => v);

  it('reads outlets, documents or one event; nothing selected is null', () => {
    expect(parseSelection(q([]))).toBeNull();
    expect(parseSelection(q([['outlets', 'A'], ['outlets', ' B '], ['outlets', '']]))).toEqual({ outlets: ['A', 'B'], docs: [], event: undefined });
    expect(parseSelection(q([['docs', 'x'], ['docs', 'y']]))?.docs).toEqual(['x', 'y']);
    expect(parseSelection(q([['event', 'ev-1']]))?.event).toBe('ev-1');
  });

  it.each([
    [[['outlets', 'A']]],
    [[['outlets', 'A'], ['outlets', 'A']]],
    [[['outlets', 'A'], ['outlets', 'B'], ['outlets', 'C'], ['outlets', 'D'], ['outlets', 'E']]],
    [[['outlets', 'A'], ['outlets', 'B'], ['docs', 'x'], ['docs', 'y']]],
    [[['event', 'a'], ['event', 'b']]],
  ] as Array<[Array<[string, string]>]>)('%j is a 400', (pairs) => {
    try {
      parseSelection(q(pairs));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(HttpError);
      expect((err as HttpError).status).toBe(400);
    }
  });
});

describe('format', () => {
  it('stance classes, signs and heat buckets', () => {
    expect([-2, -1, -0.2, 0, 0.3, 1, 2].map(stanceClass)).toEqual(['wn2', 'wn1', 'w0', 'w0', 'wp1', 'wp1', 'wp2']);
    expect([fmtSigned(0.5), fmtSigned(-0.25), fmtSigned(0), fmtSigned(-0.001), fmtSigned(null)]).toEqual(['+0.50', '−0.25', '0.00', '0.00', '–']);
    expect([heatClass(0), heatClass(0.39), heatClass(0.99), heatClass(1), heatClass(null)]).toEqual(['heat-0', 'heat-1', 'heat-4', 'heat-4', 'heat-na']);
  });
});

describe('host check', () => {
  it('answers loopback names and the bound address, refuses others with 421', async () => {
    const { hostCheck, allowedHosts } = await import('../../src/server/middleware/host.js');
    const { Hono } = await import('hono');
    const app = new Hono();
    app.use('*', hostCheck(allowedHosts('192.168.1.5')));
    app.get('/', (c) => c.text('ok'));
    const get = (host: string) => app.request('/', { headers: { host } });
    for (const host of ['localhost:8377', '127.0.0.1:8377', '127.0.0.2', '[::1]:8377', '192.168.1.5:8377']) expect((await get(host)).status).toBe(200);
    for (const host of ['evil.example', 'evil.example:8377', 'localhost.evil.example', '127.0.0.1.evil.example']) expect((await get(host)).status).toBe(421);
    const open = new Hono();
    open.use('*', hostCheck(null));
    open.get('/', (c) => c.text('ok'));
    expect((await open.request('/', { headers: { host: 'any.example' } })).status).toBe(200);
  });
});
