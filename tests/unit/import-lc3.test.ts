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
  { id: 'negative-abandon', category: 'NEGATIVE', pattern: 'abandon*', line: 2 },
  { id: 'negative-a-lie', category: 'NEGATIVE', pattern: 'a lie*', line: 3 },
  { id: 'negative-bad-luck', category: 'NEGATIVE', pattern: 'bad luck', line: 4 },
  { id: 'negative-war-crime', category: 'NEGATIVE', pattern: 'war crime*', line: 5 },
  { id: 'positive-ceasefire', category: 'POSITIVE', pattern: 'ceasefire', line: 7 },
  { id: 'positive-peace-talk', category: 'POSITIVE', pattern: 'peace talk*', line: 8 },
  { id: 'neutral-abandon', category: 'NEUTRAL', pattern: 'abandon*', line: 11 },
  { id: 'neutral-humanitarian-corridor', category: 'NEUTRAL', pattern: 'humanitarian corridor', line: 12 },
];

describe('Lexicoder .lc3 import', () => {
  const result = importDictionaryFile('tests/fixtures/dictionaries/framing.lc3', { referent: 'coverage' });

  it('reads +category lines with and without #colour, and their one-space-indented entries', () => {
    expect(result.categories).toEqual(['NEGATIVE', 'POSITIVE', 'NEUTRAL']);
    expect(result.labels.map(({ id, category, pattern, line }) => ({ id, category, pattern, line }))).toEqual(EXPECTED);
    expect(result.labels.every((l) => l.note === undefined)).toBe(true);
  });

  it('writes a valid lexicon with the chosen referent, weight 0 and rationale', () => {
    const lex = parseLexicon(result.yaml, 'framing.lc3.yml');
    expect(lex.referents.map((r) => r.id)).toEqual(['coverage']);
    expect((lex.entries as LabelEntry[]).map((e) => [e.id, e.category, e.weight, e.referent, e.rationale, e.patterns.map((p) => p.source)])).toEqual(
      EXPECTED.map((x) => [x.id, x.category, 0, 'coverage', `Imported from framing.lc3, category ${x.category}`, [x.pattern]]),
    );
    const compiled = compileLexicon(lex);
    expect(compiled.patternCount).toBe(EXPECTED.length);
    const text = 'Talks on a humanitarian corridor followed war crimes charges and peace talks.';
    const ids = findMatches(text, tokenize(text).units, compiled).map((m) => text.slice(m.start, m.end));
    expect(ids).toEqual(['humanitarian corridor', 'war crimes', 'peace talks']);
  });

  it('lists the ? glob as not converted', () => {
    expect(result.skipped).toEqual([expect.objectContaining({ line: 9, category: 'POSITIVE', source: 'ok?' })]);
    expect(result.yaml).toContain('# NOT CONVERTED: 1 entry of framing.lc3 could not be expressed as framelens patterns:');
    expect(result.yaml).toContain('#   line 9, category "POSITIVE": "ok?": "ok?" contains ? [ ] { } | or \\');
  });

  it('accepts CRLF files and a # inside a category name that is not a colour', () => {
    const yaml = importDictionaryText('+WAR #1 FRAME\r\n strike*\r\n', 'lc3', { file: 'x.lc3' });
    const labels = parseLexicon(yaml).entries as LabelEntry[];
    expect(labels.map((e) => [e.id, e.category, e.patterns[0].source])).toEqual([['war-1-frame-strike', 'WAR #1 FRAME', 'strike*']]);
  });

  it('rejects entries before any category, nameless and repeated categories, and files without categories', () => {
    expect(thrown(() => importDictionaryText(' war\n+NEG\n bad\n', 'lc3', { file: 'x.lc3' })).message).toBe(
      'x.lc3:1: "war" comes before any category: a Lexicoder .lc3 file starts each category with a line "+NAME", followed by its entries indented by one space',
    );
    expect(thrown(() => importDictionaryText('+#ff0000\n bad\n', 'lc3', { file: 'x.lc3' })).message).toMatch(/^x\.lc3:1: a "\+" category line needs a name/);
    expect(thrown(() => importDictionaryText('+NEG\n bad\n+NEG\n worse\n', 'lc3', { file: 'x.lc3' })).message).toMatch(/^x\.lc3:3: category "NEG" is started twice/);
    expect(thrown(() => importDictionaryText('+NEG\n+POS\n', 'lc3', { file: 'x.lc3' })).message).toMatch(/^x\.lc3:1: no entries to import/);
    expect(thrown(() => importDictionaryText('+NEG\n ab*\n', 'lc3', { file: 'x.lc3' })).message).toMatch(/^x\.lc3:2: no entries to import: .*none of its 1 entries could be converted \(first: line 2, wildcard "ab\*"/);
  });
});
