/**
 * Category dictionaries count the way their home tools count. Each semantics is checked against a deliberately
 * naive counter written here from the documented rules (every pattern tried at every word with a regular
 * expression), on the fixtures of every format and on random texts built from the dictionaries' own words.
 */
import { describe, expect, it } from 'vitest';
import { buildCategoryDictionary, CategoryCounter, dictionaryWords, loadCategoryDictionary, type CategoryDictionary } from '../../src/dictionary/index.js';
import { DictionaryImportError, parseDictionary } from '../../src/lexicon/import/index.js';

const buildYml = (text: string) => buildCategoryDictionary(parseDictionary(text, 'yml', 't.yml'), 't.yml', 'yml', '0'.repeat(64));

const FIX = 'tests/fixtures/dictionaries';

function globRe(part: string): RegExp {
  return new RegExp(`^${part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'u');
}

/** Every (entry, start, length) match in the text. */
function allMatches(d: CategoryDictionary, words: string[]) {
  const out: Array<{ entry: number; start: number; len: number }> = [];
  d.entries.forEach((e, k) => {
    const res = e.parts.map(globRe);
    for (let i = 0; i + res.length <= words.length; i++) if (res.every((re, j) => re.test(words[i + j]))) out.push({ entry: k, start: i, len: res.length });
  });
  return out;
}

/**
 * quanteda's tokens_lookup() as its source describes it: spans from the longest entry length down, left to right;
 * per category a match counts unless one of its words is already taken by that category; with nested_scope
 * "dictionary", a match whose words are all taken by any category is skipped too.
 */
function naiveQuanteda(d: CategoryDictionary, text: string, scope: 'key' | 'dictionary' = 'key'): number[] {
  const { words } = dictionaryWords(text);
  const matches = allMatches(d, words).sort((x, y) => y.len - x.len || x.start - y.start);
  const taken = d.categories.map(() => new Set<number>());
  const any = new Set<number>();
  const counts = d.categories.map(() => 0);
  for (let k = 0; k < matches.length;) {
    // All matches of one span (start, length) together: they are one lookup in quanteda.
    const { start, len } = matches[k];
    const same = [];
    while (k < matches.length && matches[k].start === start && matches[k].len === len) same.push(matches[k++]);
    const span = Array.from({ length: len }, (_, j) => start + j);
    if (scope === 'dictionary' && span.every((w) => any.has(w))) continue;
    const cats = new Set(same.flatMap((m) => d.entries[m.entry].categories));
    let matched = false;
    for (const cat of cats) {
      if (span.some((w) => taken[cat].has(w))) continue;
      span.forEach((w) => taken[cat].add(w));
      counts[cat]++;
      matched = true;
    }
    if (matched) span.forEach((w) => any.add(w));
  }
  return counts;
}

function naiveLiwc(d: CategoryDictionary, text: string): number[] {
  const { words } = dictionaryWords(text);
  const matches = allMatches(d, words);
  const counts = d.categories.map(() => 0);
  const spec = (k: number) => {
    const p = d.entries[k].parts[0];
    return /[*?]/.test(p) ? p.replace(/[*?]/g, '').length : 1e9;
  };
  for (let i = 0; i < words.length;) {
    const here = matches.filter((m) => m.start === i);
    if (here.length === 0) {
      i++;
      continue;
    }
    here.sort((a, b) => b.len - a.len || spec(b.entry) - spec(a.entry));
    for (const cat of d.entries[here[0].entry].categories) counts[cat]++;
    i += here[0].len;
  }
  return counts;
}

function randomText(d: CategoryDictionary, seed: number, n: number): string {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const vocab = d.entries.flatMap((e) => e.parts.map((p) => p.replace(/\*/g, ['', 'ed', 's', 'ation'][Math.floor(rand() * 4)]).replace(/\?/g, 'k')));
  vocab.push('the', 'Ceasefire', 'CIVILIANS', 'occupiers’', 'war-torn', 'U.S.', 'air', 'strike', 'don’t', 'crime');
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(vocab[Math.floor(rand() * vocab.length)] + (rand() < 0.1 ? '.' : rand() < 0.1 ? ',' : ''));
  return out.join(' ');
}

const FILES = ['framing.dic', 'framing-crlf.dic', 'framing-cr.dic', 'framing.dicx', 'framing.cat', 'framing.lc3', 'framing.yml'];

describe('category dictionaries: loading', () => {
  it('reads every format, LF, CRLF and CR-only alike, an entry in two categories kept in both', () => {
    const lf = loadCategoryDictionary(`${FIX}/framing.dic`);
    for (const f of ['framing-crlf.dic', 'framing-cr.dic']) {
      const other = loadCategoryDictionary(`${FIX}/${f}`);
      expect(other.categories).toEqual(lf.categories);
      expect(other.entries.map((e) => [e.parts.join(' '), e.categories])).toEqual(lf.entries.map((e) => [e.parts.join(' '), e.categories]));
    }
    expect(lf.semantics).toBe('liwc');
    const ceasefire = lf.entries.find((e) => e.parts.join(' ') === 'ceasefire')!;
    expect(ceasefire.categories.map((c) => lf.categories[c])).toEqual(['conflict', 'humanitarian']);
    // "civilian*" is listed three times, under humanitarian twice and conflict once: one entry, two categories.
    const civilian = lf.entries.filter((e) => e.parts.join(' ') === 'civilian*');
    expect(civilian).toHaveLength(1);
    expect(civilian[0].categories.map((c) => lf.categories[c]).sort()).toEqual(['conflict', 'humanitarian']);

    const dicx = loadCategoryDictionary(`${FIX}/framing.dicx`);
    expect(dicx.format).toBe('dicx');
    expect(dicx.semantics).toBe('liwc');
    expect(dicx.categories).toEqual(['conflict', 'humanitarian', 'legal process']);
    expect(dicx.entries.find((e) => e.source === 'ceasefire')!.categories).toEqual([0, 1]);
    expect(loadCategoryDictionary(`${FIX}/framing.cat`).semantics).toBe('quanteda');
    expect(loadCategoryDictionary(`${FIX}/framing.yml`).categories).toContain('conflit/violence');
  });

  it('says what is wrong with an unreadable or unknown file', () => {
    expect(() => loadCategoryDictionary(`${FIX}/missing.dic`)).toThrow(/file not found/);
    expect(() => loadCategoryDictionary(`${FIX}/unknown-category.dic`)).toThrow(DictionaryImportError);
    expect(() => loadCategoryDictionary('tests/fixtures/gold/README.md')).toThrow(/cannot tell the dictionary format/);
  });
});

describe('category dictionaries: counting', () => {
  it('counts a word in two categories in both, and exact entries before stems (LIWC)', () => {
    const d = loadCategoryDictionary(`${FIX}/framing.dic`);
    const c = new CategoryCounter(d).count('A ceasefire, then an air strike on civilians; refugees, refugee, the occupation.');
    const at = (name: string) => c.counts[d.categories.indexOf(name)];
    // ceasefire: conflict + humanitarian. air strike: one phrase, conflict. civilians: civilian* (both).
    // refugees: refugee* (humanitarian); refugee: the exact entry (humanitarian). occupation: occup* beats occ* (conflict once).
    expect(at('conflict')).toBe(4);
    expect(at('humanitarian')).toBe(4);
    expect(c.words).toBe(12);
    expect(c.matchedWords).toBe(7);
  });

  it('counts every nested-free match per category (quanteda)', () => {
    const d = loadCategoryDictionary(`${FIX}/framing.dic`, { semantics: 'quanteda' });
    const c = new CategoryCounter(d).count('an air strike, the occupation');
    // "air strike" (conflict); "occupation" matches occ* and occup*, both conflict: one span, counted once.
    expect(c.counts[d.categories.indexOf('conflict')]).toBe(2);
  });

  it('drops a match overlapping a longer or earlier one of its own category, as tokens_lookup does (quanteda)', () => {
    const d = buildYml('k:\n  - a b\n  - b c\n  - b c d\nm:\n  - b c\n  - c\n');
    const key = (text: string, semantics: 'quanteda' | 'quanteda-dictionary' = 'quanteda') => {
      const c = new CategoryCounter({ ...d, semantics }).count(text).counts;
      return Object.fromEntries(d.categories.map((cat, i) => [cat, c[i]]));
    };
    // "a b" and "b c" share "b": the leftmost of one length wins within k; m's "c" lies inside its own "b c".
    expect(key('a b c')).toEqual({ k: 1, m: 1 });
    // "b c d" is looked up before "a b", which then overlaps it.
    expect(key('a b c d')).toEqual({ k: 1, m: 1 });
    // nested_scope = "dictionary": m's "b c" lies inside k's "b c d", taken already.
    expect(key('a b c d', 'quanteda-dictionary')).toEqual({ k: 1, m: 0 });
    // ... but a match only partly covered by another category's still counts.
    expect(key('a b c', 'quanteda-dictionary')).toEqual({ k: 1, m: 1 });
  });

  for (const file of FILES) {
    for (const semantics of ['liwc', 'quanteda', 'quanteda-dictionary'] as const) {
      it(`${file} with ${semantics} semantics equals the naive counter`, () => {
        const d = loadCategoryDictionary(`${FIX}/${file}`, { semantics });
        const counter = new CategoryCounter(d);
        for (let seed = 1; seed <= 15; seed++) {
          const text = randomText(d, seed, 300);
          const expected = semantics === 'liwc' ? naiveLiwc(d, text) : naiveQuanteda(d, text, semantics === 'quanteda' ? 'key' : 'dictionary');
          expect(counter.count(text).counts).toEqual(expected);
        }
      });
    }
  }

  it('splits words as dictionary tools do', () => {
    expect(dictionaryWords('Don’t call U.S. forces “occupiers”; the war-torn rebels’ base.').words)
      .toEqual(["don't", 'call', 'u.s', 'forces', 'occupiers', 'the', 'war-torn', 'rebels', 'base']);
  });
});
