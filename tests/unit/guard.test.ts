import { describe, expect, it } from 'vitest';
import { guardLongRuns } from '../../src/nlp/guard.js';
import { tokenize } from '../../src/nlp/nlp.js';
import { cpuMilliseconds } from '../helpers/measure.js';

describe('long-run guard', () => {
  it('keeps the length and leaves normal text untouched', () => {
    const text = 'US forces were attacked near Erbil on Friday.';
    expect(guardLongRuns(text)).toEqual({ text, runsCut: 0, runs: [] });
    const exactly = 'x'.repeat(100);
    expect(guardLongRuns(`a ${exactly} b`).runsCut).toBe(0);
    expect(guardLongRuns(`a ${exactly}y b`).runsCut).toBe(1);
    expect(guardLongRuns(`a${'\u00a0'}${exactly}${'\u3000'}b`).runsCut).toBe(0);
  });

  it('cuts long runs without changing length or the text around them', () => {
    const run = 'x'.repeat(1000);
    const text = `before ${run} after`;
    const g = guardLongRuns(text);
    expect(g.text.length).toBe(text.length);
    expect(g.runsCut).toBe(1);
    expect(g.text.startsWith('before x')).toBe(true);
    expect(g.text.endsWith('x after')).toBe(true);
    expect(Math.max(...g.text.split(/\s+/).map((w) => w.length))).toBeLessThanOrEqual(100);
  });

  it('counts a cut run as one word', () => {
    const plain = tokenize('Iran-backed militias attacked US forces near Erbil today.');
    const withUrl = tokenize(`Iran-backed militias attacked US forces near Erbil today. https://example.org/${'a'.repeat(5000)}`);
    const withRun = tokenize(`Iran-backed militias attacked US forces near Erbil today. ${'ab'.repeat(2500)}`);
    expect(withUrl.words - plain.words).toBeLessThanOrEqual(1);
    expect(withRun.words - plain.words).toBe(1);
  });

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(300);
    const g = guardLongRuns(text);
    expect(g.text.length).toBe(text.length);
    expect(g.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('tokenizes a 1 MB document without spaces in well under 2 s, offsets intact', () => {
    const text = `Israel and Iran. ${'a'.repeat(1_000_000)} US forces.`;
    // CPU time, not the wall clock: the bound is the code's cost, whatever else runs on the machine.
    const { ms, value: tok } = cpuMilliseconds(() => tokenize(text));
    expect(ms).toBeLessThan(2000);
    const last = tok.units.count - 1;
    expect(text.slice(tok.units.start[last], tok.units.end[last])).toBe('forces');
    expect(text.slice(tok.units.start[0], tok.units.end[0])).toBe('Israel');
  });
});
