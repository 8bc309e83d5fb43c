import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  convertDictionary, DictionaryImportError, importDictionary, importDictionaryFile, importDictionaryText,
} from '../../src/lexicon/import/index.js';
import { parseLexicon } from '../../src/lexicon/load.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import type { LabelEntry } from '../../src/types.js';
import { thrownBy } from '../helpers/errors.js';
import { tempDir } from '../helpers/temp.js';

const FIX = 'tests/fixtures/dictionaries';

const thrown = (fn: () => unknown): DictionaryImportError => thrownBy(DictionaryImportError, fn);

const EXPECTED = [
  { id: 'conflict-war', category: 'conflict', pattern: 'war', line: 6 },
  { id: 'conflict-occ', category: 'conflict', pattern: 'occ*', line: 7 },
  { id: 'conflict-occup', category: 'conflict', pattern: 'occup*', line: 8 },
  { id: 'conflict-air-strike', category: 'conflict', pattern: 'air strike', line: 9 },
  { id: 'humanitarian-civilian', category: 'humanitarian', pattern: 'civilian*', line: 10 },
  { id: 'humanitarian-refugee', category: 'humanitarian', pattern: 'refugee*', line: 11 },
  { id: 'conflict-civilian', category: 'conflict', pattern: 'civilian*', line: 12 },
  { id: 'legal-process-court', category: 'legal process', pattern: 'court', line: 13 },
  { id: 'legal-process-tribunal', category: 'legal process', pattern: 'tribunal*', line: 15 },
  { id: 'conflict-ceasefire', category: 'conflict', pattern: 'ceasefire', line: 16 },
  { id: 'humanitarian-ceasefire', category: 'humanitarian', pattern: 'ceasefire', line: 16 },
  { id: 'humanitarian-refugee-2', category: 'humanitarian', pattern: 'refugee', line: 17 },
];

describe('LIWC .dic import', () => {
  const result = importDictionaryFile(`${FIX}/framing.dic`);

  it('maps header numbers to categories and every (entry, category) pair to one label', () => {
    expect(result.format).toBe('dic');
    expect(result.name).toBe('framing');
    expect(result.categories).toEqual(['conflict', 'humanitarian', 'legal process']);
    expect(result.labels.map(({ id, category, pattern, line }) => ({ id, category, pattern, line }))).toEqual(EXPECTED);
    // civilian* under humanitarian appears on lines 10 and 14: one label, the repeat is merged.
    expect(result.duplicates).toBe(1);
  });

  it('writes a lexicon that parseLexicon accepts, with referent, weight 0, category and rationale', () => {
    const lex = parseLexicon(result.yaml, 'framing.yml');
    expect(lex.sources[0].name).toBe('framing');
    expect(lex.referents).toEqual([{ id: 'topic', label: 'topic', description: 'Placeholder referent for every label imported from framing.dic' }]);
    const labels = lex.entries as LabelEntry[];
    expect(labels.map((e) => [e.id, e.kind, e.referent, e.category, e.weight, e.patterns.map((p) => p.source)])).toEqual(
      EXPECTED.map((x) => [x.id, 'label', 'topic', x.category, 0, [x.pattern]]),
    );
    expect(labels.find((e) => e.id === 'legal-process-court')?.rationale).toBe('Imported from framing.dic, category legal process');
    expect(compileLexicon(lex).patternCount).toBe(EXPECTED.length);
  });

  it('lists entries it cannot convert as comments with line and reason, never silently', () => {
    expect(result.skipped).toEqual([
      expect.objectContaining({ line: 19, category: 'conflict', source: 'ab*' }),
      expect.objectContaining({ line: 20, category: 'humanitarian', source: 'de*ject' }),
      expect.objectContaining({ line: 21, source: 'like' }),
    ]);
    expect(result.skipped[0].reason).toMatch(/at least 3 letters.*list the full words/);
    expect(result.skipped[1].reason).toMatch(/may only end a word/);
    expect(result.skipped[2].reason).toMatch(/conditional category "\(01 02\)1\/2"/);
    const comments = result.yaml.split('\n').filter((l) => l.startsWith('#')).join('\n');
    expect(comments).toContain('NOT CONVERTED: 3 entries of framing.dic');
    expect(comments).toContain('line 19, category "conflict": "ab*"');
    expect(comments).toContain('line 20, category "humanitarian": "de*ject"');
    expect(comments).toContain('line 21: "like"');
    // The comments are YAML comments: the data has no trace of the skipped entries.
    expect(JSON.stringify(parseYaml(result.yaml))).not.toContain('ab*');
  });

  it('reads CRLF and CR-only files exactly like LF files', () => {
    const crlf = readFileSync(`${FIX}/framing-crlf.dic`, 'utf8');
    const cr = readFileSync(`${FIX}/framing-cr.dic`, 'utf8');
    expect(crlf).toContain('\r\n');
    expect(cr).toContain('\r');
    expect(cr).not.toContain('\n');
    for (const file of ['framing-crlf.dic', 'framing-cr.dic']) {
      const other = importDictionaryFile(`${FIX}/${file}`);
      expect(other.labels).toEqual(result.labels);
      expect(other.skipped).toEqual(result.skipped);
      expect(() => compileLexicon(parseLexicon(other.yaml, file))).not.toThrow();
    }
  });

  it('uses --name and --referent', () => {
    const yaml = importDictionary(`${FIX}/framing.dic`, { name: 'liwc_conflict', referent: 'armed-groups' });
    const lex = parseLexicon(yaml);
    expect(lex.sources[0].name).toBe('liwc_conflict');
    expect(lex.referents.map((r) => r.id)).toEqual(['armed-groups']);
    expect(lex.entries.every((e) => (e as LabelEntry).referent === 'armed-groups')).toBe(true);
    expect(thrown(() => importDictionary(`${FIX}/framing.dic`, { referent: 'Armed Groups' })).message).toMatch(/--referent "Armed Groups" must be lowercase/);
    expect(thrown(() => importDictionary(`${FIX}/framing.dic`, { name: 'my lexicon' })).message).toMatch(/--name "my lexicon"/);
  });

  it('accepts entries whose categories are separated by spaces instead of tabs', () => {
    const yaml = importDictionaryText('%\n1 conflict\n2 violence\n%\nair strike 1 2\n', 'dic');
    const labels = parseLexicon(yaml).entries as LabelEntry[];
    expect(labels.map((e) => [e.id, e.category, e.patterns[0].source])).toEqual([
      ['conflict-air-strike', 'conflict', 'air strike'],
      ['violence-air-strike', 'violence', 'air strike'],
    ]);
  });

  it('rejects an unknown category number with the line and the known numbers', () => {
    const err = thrown(() => importDictionary(`${FIX}/unknown-category.dic`));
    expect(err.line).toBe(7);
    expect(err.problems.map((p) => p.line)).toEqual([7, 9]);
    expect(err.message).toContain(`${FIX}/unknown-category.dic:7: unknown category number 7 for entry "truce": the header defines 1, 2`);
    expect(err.message).toContain(`${FIX}/unknown-category.dic:9: unknown category number 9`);
  });

  it('rejects files without a header, with an unclosed header, or with entries without categories', () => {
    expect(thrown(() => importDictionaryText('war\t1\n', 'dic', { file: 'x.dic' })).message).toBe(
      'x.dic:1: no category header: a LIWC .dic file starts with a line "%", then lines "number<TAB>category name", then a closing "%"',
    );
    expect(thrown(() => importDictionaryText('\n%\n1\tconflict\nwar\t1\n', 'dic', { file: 'x.dic' })).message).toMatch(/^x\.dic:2: the category header opened here is never closed/);
    expect(thrown(() => importDictionaryText('%\n%\nwar\t1\n', 'dic', { file: 'x.dic' })).message).toMatch(/^x\.dic:1: the header between the two "%" lines defines no categories/);
    expect(thrown(() => importDictionaryText('%\n1\tconflict\n%\nwar\n', 'dic', { file: 'x.dic' })).message).toMatch(/^x\.dic:4: entry "war" has no category number/);
    expect(thrown(() => importDictionaryText('%\n1\tconflict\n1\tother\n%\nwar\t1\n', 'dic', { file: 'x.dic' })).message).toMatch(/^x\.dic:3: category number 1 is defined twice/);
    expect(thrown(() => importDictionaryText('%\n1\tconflict\n%\n', 'dic', { file: 'x.dic' })).message).toMatch(/^x\.dic:1: no entries to import/);
  });

  it('rejects binary, non-UTF-8, UTF-16 and empty files with file and line', () => {
    const dir = tempDir('fl-import-');
    const write = (name: string, bytes: Buffer) => {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      return file;
    };
    const binary = write('binary.dic', Buffer.from([0x25, 0x0a, 0x31, 0x09, 0x61, 0x0a, 0x25, 0x0a, 0x00, 0x01, 0x02]));
    expect(thrown(() => importDictionary(binary)).message).toBe(`${binary}:4: this is a binary file (it contains a NUL byte), not a text dictionary: give the .dic, .cat, .lc3 or .yml text file`);
    // "café" in Latin-1 on line 5 (CRLF endings).
    const latin1 = write('latin1.dic', Buffer.concat([Buffer.from('%\r\n1\tfood\r\n%\r\nwar\t1\r\ncaf'), Buffer.from([0xe9]), Buffer.from('\t1\r\n')]));
    const err = thrown(() => importDictionary(latin1));
    expect(err.line).toBe(5);
    expect(err.message).toMatch(/^.*latin1\.dic:5: not valid UTF-8 .*iconv -f windows-1252 -t utf-8/);
    const utf16 = write('utf16.dic', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('%\n', 'utf16le')]));
    expect(thrown(() => importDictionary(utf16)).message).toMatch(/utf16\.dic:1: the file is UTF-16 text: save it as UTF-8/);
    const empty = write('empty.dic', Buffer.alloc(0));
    expect(thrown(() => importDictionary(empty)).message).toBe(`${empty}:1: the file is empty: export the dictionary again`);
    const blank = write('blank.dic', Buffer.from('\n  \r\n'));
    expect(thrown(() => importDictionary(blank)).message).toBe(`${blank}:1: the file is empty: export the dictionary again`);
    // A UTF-8 byte-order mark is accepted.
    const bom = write('bom.dic', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('%\n1\tfood\n%\ncafé\t1\n')]));
    expect(parseLexicon(importDictionary(bom)).entries.map((e) => e.id)).toEqual(['food-cafe']);
  });

  it('chooses the format from the extension, or from options.format', () => {
    expect(thrown(() => importDictionary(`${FIX}/framing.txt`)).message).toMatch(/cannot tell the dictionary format from the extension "\.txt"/);
    expect(thrown(() => importDictionary(`${FIX}/missing.dic`)).message).toMatch(/missing\.dic: cannot read the dictionary: file not found/);
    const dir = tempDir('fl-import-');
    const file = join(dir, 'liwc.txt');
    writeFileSync(file, readFileSync(`${FIX}/framing.dic`));
    expect(importDictionaryFile(file, { format: 'dic' }).labels).toEqual(convertDictionary(readFileSync(`${FIX}/framing.dic`, 'utf8'), 'dic', 'framing.dic').labels);
  });
});
