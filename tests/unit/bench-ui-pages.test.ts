/** The UI section of `npm run bench`: every page of issue 10's list is timed first, cold and warm, and printed. */
import { describe, expect, it } from 'vitest';
import { benchUiPages } from '../../bench/ui-pages.js';

describe('bench: UI pages at fifty outlets', () => {
  it('times every page on the 52-outlet corpus and prints median and p99, cold and warm, against the target', async () => {
    const lines: string[] = [];
    const timings = await benchUiPages({ docs: 120, rounds: 2, log: (l) => lines.push(l) });
    const names = timings.map((t) => t.name);
    for (const page of ['Overview', 'Compare 2 outlets', 'Compare event', 'Compare groups', 'Term (word)', 'Lexicon', 'Documents', 'Events', 'Hits', 'Document']) expect(names).toContain(page);
    for (const t of timings) {
      for (const v of [t.cold.median, t.cold.p99, t.warm.median, t.warm.p99]) expect(v).toBeGreaterThan(0);
      expect(t.cold.p99).toBeGreaterThanOrEqual(t.cold.median);
    }
    expect(lines[0]).toMatch(/^UI pages: 52 outlets, 120 documents/);
    expect(lines.filter((l) => /cold median .* p99 .* warm median .* p99/.test(l))).toHaveLength(timings.length);
    expect(lines.at(-1)).toMatch(/target 100: /);
  }, 120_000);
});
