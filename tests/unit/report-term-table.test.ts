/**
 * The report builder's per-outlet word counts (src/report/term-table.ts) must read exactly as the Map of strings they
 * replace: the same sums, the words in first-counted order, get/has/size, across table growth and shared numbers.
 */
import { describe, expect, it } from 'vitest';
import { OutletTerms, Vocabulary } from '../../src/report/term-table.js';

describe('OutletTerms', () => {
  it('reads as a Map filled the plain way, through several growths and with words shared between outlets', () => {
    const vocabulary = new Vocabulary();
    const a = new OutletTerms(vocabulary);
    const b = new OutletTerms(vocabulary);
    const plainA = new Map<string, number>();
    const plainB = new Map<string, number>();
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 20_000; k++) {
      // Skewed word choice: a few words recur often, many occur once, as in text.
      const word = `w${Math.floor(next() * next() * 3000)}`;
      const n = 1 + Math.floor(next() * 3);
      const [table, plain] = next() < 0.5 ? [a, plainA] : [b, plainB];
      table.add(word, n);
      plain.set(word, (plain.get(word) ?? 0) + n);
    }
    for (const [table, plain] of [[a, plainA], [b, plainB]] as const) {
      expect([...table]).toEqual([...plain]);
      expect([...table.keys()]).toEqual([...plain.keys()]);
      expect([...table.values()]).toEqual([...plain.values()]);
      expect(table.size).toBe(plain.size);
      for (const word of ['w0', 'w1', 'w2999', 'w17', 'never']) {
        expect(table.get(word)).toBe(plain.get(word));
        expect(table.has(word)).toBe(plain.has(word));
      }
      const seen: Array<[string, number]> = [];
      table.forEach((n, word) => seen.push([word, n]));
      expect(seen).toEqual([...plain]);
      expect(new Map(table)).toEqual(plain);
    }
    // A word only the other outlet counted has a number but no count here.
    const c = new OutletTerms(vocabulary);
    c.add('only-c', 2);
    expect(a.get('only-c')).toBeUndefined();
    expect(a.has('only-c')).toBe(false);
    expect([...c]).toEqual([['only-c', 2]]);
  });
});
