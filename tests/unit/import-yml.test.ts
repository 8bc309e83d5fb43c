import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DictionaryImportError, importDictionary, importDictionaryFile, importDictionaryText } from '../../src/lexicon/import/index.js';
import { parseLexicon } from '../../src/lexicon/load.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { findMatches } from '../../src/analysis/match.js';
import { tokenize } from '../../src/nlp/nlp.js';
import type { LabelEntry } from '../../src/types.js';
import { thrownBy } from '../helpers/errors.js';
import { tempDir } from '../helpers/temp.js';

const thrown = (fn: () => unknown): DictionaryImportError => thrownBy(DictionaryImportError, fn);

const EXPECTED = [
  { id: 'conflit-violence-guerre', category: 'conflit/violence', pattern: 'guerre' },
  { id: 'conflit-violence-frappe', category: 'conflit/violence', pattern: 'frappe*' },
  { id: 'conflit-violence-crime-de-guerre', category: 'conflit/violence', pattern: 'crime de guerre' },
  { id: 'conflit-acteurs-milice', category: 'conflit/acteurs', pattern: 'milice*' },
  { id: 'conflit-acteurs-resistance', category: 'conflit/acteurs', pattern: 'résistance' },
  { id: 'humanitaire-refugie', category: 'humanitaire', pattern: 'réfugié*' },
  { id: 'humanitaire-aujourd-hui', category: 'humanitaire', pattern: "aujourd'hui" },
  { id: 'humanitaire-l-aide', category: 'humanitaire', pattern: 'l’aide' },
  { id: 'humanitaire-civils', category: 'humanitaire', pattern: 'civils' },
  { id: 'paix-cessez-le-feu', category: 'paix', pattern: 'cessez-le-feu' },
  { id: 'justice-droit-tribunal', category: 'justice & droit', pattern: 'tribunal' },
  { id: 'justice-droit-cour-penale-internationale', category: 'justice & droit', pattern: 'cour pénale internationale' },
  { id: 'justice-droit-no', category: 'justice & droit', pattern: 'no' },
  { id: 'justice-droit-2024', category: 'justice & droit', pattern: '2024' },
];

describe('quanteda YAML import', () => {
  const result = importDictionaryFile('tests/fixtures/dictionaries/framing.yml', { name: 'fr-conflit' });

  it('flattens nested categories with "/", keeps accents and apostrophes, ignores empty list items', () => {
    expect(result.categories).toEqual(['conflit/violence', 'conflit/acteurs', 'humanitaire', 'paix', 'justice & droit']);
    expect(result.labels.map(({ id, category, pattern }) => ({ id, category, pattern }))).toEqual(EXPECTED);
  });

  it('writes a valid lexicon that compiles and matches French text', () => {
    const lex = parseLexicon(result.yaml, 'fr.yml');
    expect(lex.sources[0].name).toBe('fr-conflit');
    expect((lex.entries as LabelEntry[]).map((e) => [e.id, e.category, e.weight, e.referent, e.patterns.map((p) => p.source)])).toEqual(
      EXPECTED.map((x) => [x.id, x.category, 0, 'topic', [x.pattern]]),
    );
    const compiled = compileLexicon(lex);
    expect(compiled.patternCount).toBe(EXPECTED.length);
    const text = "Aujourd'hui, la milice parle de crime de guerre et les réfugiés attendent l'aide.";
    const hits = findMatches(text, tokenize(text).units, compiled).map((m) => [m.entry.id, text.slice(m.start, m.end)]);
    expect(hits).toEqual([
      ['humanitaire-aujourd-hui', "Aujourd'hui"],
      ['conflit-acteurs-milice', 'milice'],
      ['conflit-violence-crime-de-guerre', 'crime de guerre'],
      ['humanitaire-refugie', 'réfugiés'],
      ['humanitaire-l-aide', "l'aide"],
    ]);
  });

  it('keeps words YAML would read as booleans, nulls or numbers as words', () => {
    const yaml = importDictionaryText('answers: [yes, no, null, true, 1984, ~, ""]\n', 'yml');
    expect((parseLexicon(yaml).entries as LabelEntry[]).map((e) => e.patterns[0].source)).toEqual(['yes', 'no', 'null', 'true', '1984']);
  });

  it('lists the short accented wildcard as a comment with its line', () => {
    expect(result.skipped).toEqual([expect.objectContaining({ line: 15, category: 'justice & droit', source: 'ré*' })]);
    expect(result.yaml).toContain('#   line 15, category "justice & droit": "ré*": wildcard "ré*" needs at least 3 letters');
  });

  it('gives ids a counter when two categories slug to the same id', () => {
    const yaml = importDictionaryText('"a b": [war]\na-b: [war, war]\n', 'yml', { file: 'x.yml' });
    expect(parseLexicon(yaml).entries.map((e) => [e.id, (e as LabelEntry).category])).toEqual([['a-b-war', 'a b'], ['a-b-war-2', 'a-b']]);
    expect(yaml).toContain('# 1 repeated entry (same word, same category) merged.');
  });

  it('reads the .yaml extension and CR-only line endings', () => {
    const yaml = importDictionaryText('frames:\r  blame: [scapegoat*]\r', 'yml');
    expect(parseLexicon(yaml).entries.map((e) => e.id)).toEqual(['frames-blame-scapegoat']);
    const file = join(tempDir('fl-import-'), 'frames.yaml');
    writeFileSync(file, 'frames:\r  blame: [scapegoat*]\r');
    expect(parseLexicon(importDictionary(file)).sources[0].name).toBe('frames');
  });

  it('rejects YAML syntax errors, non-mappings, non-string items and empty dictionaries with file and line', () => {
    expect(thrown(() => importDictionaryText('war: [a, b\npeace: [c]\n', 'yml', { file: 'x.yml' })).message).toMatch(/^x\.yml:\d+: YAML syntax: /);
    expect(thrown(() => importDictionaryText('a: [x]\na: [y]\n', 'yml', { file: 'x.yml' })).message).toMatch(/^x\.yml:2: YAML syntax: Map keys must be unique/);
    expect(thrown(() => importDictionaryText('- war\n- peace\n', 'yml', { file: 'x.yml' })).message).toMatch(/^x\.yml:1: a quanteda YAML dictionary must be a mapping of category names/);
    expect(thrown(() => importDictionaryText('war:\n  - battle\n  - [siege, raid]\n', 'yml', { file: 'x.yml' })).message).toBe(
      'x.yml:3: category "war": list items must be patterns (strings), not lists',
    );
    expect(thrown(() => importDictionaryText('{}\n', 'yml', { file: 'x.yml' })).message).toBe('x.yml:1: no categories: the mapping is empty');
    expect(thrown(() => importDictionaryText('war: []\npeace:\n', 'yml', { file: 'x.yml' })).message).toMatch(/^x\.yml:1: no entries to import: the categories \(war, peace\) have no words$/);
    expect(thrown(() => importDictionaryText('# only a comment\n', 'yml', { file: 'x.yml' })).message).toMatch(/^x\.yml:1: a quanteda YAML dictionary must be a mapping/);
  });
});
