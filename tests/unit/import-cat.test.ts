import { describe, expect, it } from 'vitest';
import { DictionaryImportError, importDictionaryFile, importDictionaryText } from '../../src/lexicon/import/index.js';
import { parseLexicon } from '../../src/lexicon/load.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { findMatches } from '../../src/analysis/match.js';
import { tokenize } from '../../src/nlp/nlp.js';
import type { LabelEntry } from '../../src/types.js';
import { thrownBy } from '../helpers/errors.js';

const thrown = (fn: () => unknown): DictionaryImportError => thrownBy(DictionaryImportError, fn);

const EXPECTED = [
  { id: 'economy-inflation-price', category: 'ECONOMY/INFLATION', pattern: 'price*', weight: '1' },
  { id: 'economy-inflation-cost-of-living', category: 'ECONOMY/INFLATION', pattern: 'cost of living', weight: '1' },
  { id: 'economy-jobs-wages-unemploy', category: 'ECONOMY/JOBS & WAGES', pattern: 'unemploy*', weight: '1' },
  { id: 'economy-jobs-wages-wage', category: 'ECONOMY/JOBS & WAGES', pattern: 'wage', weight: '2' },
  { id: 'war-iraq-2003-war-in-iraq', category: 'WAR/IRAQ (2003-)', pattern: 'war in iraq', weight: '1' },
  { id: 'war-iraq-2003-insurgen', category: 'WAR/IRAQ (2003-)', pattern: 'insurgen*', weight: '1' },
  { id: 'war-jobs-wages-recruit', category: 'WAR/JOBS & WAGES', pattern: 'recruit*', weight: '1' },
  { id: 'war-jobs-wages-price', category: 'WAR/JOBS & WAGES', pattern: 'price*', weight: '1' },
  { id: 'war-casualt-figure', category: 'WAR', pattern: 'casualt* figure*', weight: '3' },
];

describe('WordStat .cat import', () => {
  const result = importDictionaryFile('tests/fixtures/dictionaries/framing.cat');

  it('builds full category paths from tab indentation, keeping same-named leaves distinct', () => {
    expect(result.categories).toEqual([
      'ECONOMY', 'ECONOMY/INFLATION', 'ECONOMY/JOBS & WAGES', 'WAR', 'WAR/IRAQ (2003-)', 'WAR/JOBS & WAGES',
    ]);
    expect(result.labels.map(({ id, category, pattern }) => ({ id, category, pattern }))).toEqual(
      EXPECTED.map(({ id, category, pattern }) => ({ id, category, pattern })),
    );
  });

  it('maps WordStat weights to weight 0 and keeps the original in a note', () => {
    const labels = parseLexicon(result.yaml).entries as LabelEntry[];
    expect(labels.map((e) => [e.id, e.category, e.weight, e.referent, e.patterns.map((p) => p.source)])).toEqual(
      EXPECTED.map((x) => [x.id, x.category, 0, 'topic', [x.pattern]]),
    );
    for (const x of EXPECTED) {
      expect(result.labels.find((l) => l.id === x.id)?.note).toBe(`WordStat weight (${x.weight}) not used: framelens weights are stances from -2 to +2, set one by hand`);
    }
    expect(result.yaml).toContain('note: "WordStat weight (2) not used');
    expect(labels.find((e) => e.id === 'war-iraq-2003-war-in-iraq')?.rationale).toBe('Imported from framing.cat, category WAR/IRAQ (2003-)');
  });

  it('lists the too-short wildcard as a comment', () => {
    expect(result.skipped).toEqual([expect.objectContaining({ line: 15, category: 'WAR', source: 'MI*' })]);
    expect(result.yaml).toMatch(/^# {3}line 15, category "WAR": "MI\*": wildcard "mi\*" needs at least 3 letters/m);
  });

  it('compiles, and underscore multiwords and wildcards match running text', () => {
    const compiled = compileLexicon(parseLexicon(result.yaml, 'framing.cat.yml'));
    expect(compiled.patternCount).toBe(EXPECTED.length);
    const text = 'The war in Iraq raised prices; casualty figures and the cost of living rose.';
    const hits = findMatches(text, tokenize(text).units, compiled).map((m) => [m.entry.id, text.slice(m.start, m.end)]);
    expect(hits).toEqual([
      ['war-iraq-2003-war-in-iraq', 'war in Iraq'],
      ['economy-inflation-price', 'prices'],
      ['war-casualt-figure', 'casualty figures'],
      ['economy-inflation-cost-of-living', 'cost of living'],
    ]);
  });

  it('treats an unweighted indented leaf as an entry and a top-level line without children as an empty category', () => {
    const r = importDictionaryFile('tests/fixtures/dictionaries/framing.cat');
    expect(r.labels.every((l) => l.note)).toBe(true);
    const yaml = importDictionaryText('EMPTY\nFRAMES\n\tBLAME\n\t\tSCAPEGOAT*\n', 'cat', { file: 'f.cat' });
    const labels = parseLexicon(yaml).entries as LabelEntry[];
    expect(labels.map((e) => [e.id, e.category, e.patterns[0].source, (e as { note?: string }).note])).toEqual([
      ['frames-blame-scapegoat', 'FRAMES/BLAME', 'scapegoat*', undefined],
    ]);
    expect(yaml).not.toContain('note:');
  });

  it('rejects structural problems with file and line', () => {
    expect(thrown(() => importDictionaryText('WAR (1)\n', 'cat', { file: 'f.cat' })).message).toBe(
      'f.cat:1: entry "WAR (1)" is not inside any category: indent it with a tab under a category line',
    );
    expect(thrown(() => importDictionaryText('WAR\n  BATTLE (1)\n', 'cat', { file: 'f.cat' })).message).toMatch(/^f\.cat:2: indented with spaces: WordStat \.cat files indent with tabs/);
    expect(thrown(() => importDictionaryText('WAR\n\tBATTLE (1)\n\t\tSIEGE (1)\n', 'cat', { file: 'f.cat' })).message).toMatch(/^f\.cat:3: "SIEGE \(1\)" is indented under an entry/);
    expect(thrown(() => importDictionaryText('WAR\nPEACE\n', 'cat', { file: 'f.cat' })).message).toMatch(/^f\.cat:1: no entries to import: the categories \(WAR, PEACE\) have no words/);
  });
});
