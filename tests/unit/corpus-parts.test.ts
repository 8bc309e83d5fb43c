import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/corpus/csv.js';
import { decodeUtf8, firstInvalidUtf8, looksBinary } from '../../src/corpus/decode.js';
import { dedupeExact, normalizeForDedupe } from '../../src/corpus/dedupe.js';
import { normalizeDate, outletFromPath, parseOutletFrom } from '../../src/corpus/fields.js';
import { splitFrontMatter } from '../../src/corpus/frontmatter.js';
import { contentHash } from '../../src/corpus/hash.js';
import type { Document } from '../../src/types.js';

describe('parseCsv', () => {
  it('handles quotes, escaped quotes, CRLF, line breaks in fields, blank lines and a last line without a break', () => {
    const { records, errors } = parseCsv('a,b\r\n"x ""y"", z",2\r\n\r\n"multi\r\nline",3\n4,last', { header: true });
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { fields: ['a', 'b'], line: 1, endLine: 1 },
      { fields: ['x "y", z', '2'], line: 2, endLine: 2 },
      { fields: ['multi\r\nline', '3'], line: 4, endLine: 5 },
      { fields: ['4', 'last'], line: 6, endLine: 6 },
    ]);
  });

  it('keeps a quote inside an unquoted field, allows empty trailing extras, reports short and long rows', () => {
    const { records, errors } = parseCsv('a,b\n5" gun,x\nok,y,\nshort\nlong,x,extra\n', { header: true });
    expect(records.map((r) => r.fields)).toEqual([['a', 'b'], ['5" gun', 'x'], ['ok', 'y', '']]);
    expect(errors.map((e) => e.line)).toEqual([4, 5]);
    expect(errors[0].reason).toMatch(/^1 fields but the header has 2/);
  });

  it('resumes on the line after a quote that swallows later rows', () => {
    // The quote opened on line 2 closes on line 3 (b",) and leaves a 2-line record with 3 fields: reported on its
    // first line, then parsing resumes on line 3, whose own stray quote gives it 3 fields too.
    const { records, errors } = parseCsv('a,b\n1,"open\n2,b",x\n3,c\n', { header: true });
    expect(errors).toEqual([
      { line: 2, reason: expect.stringMatching(/^3 fields but the header has 2, and the row runs on over lines 2-3: probably an unclosed quote on line 2/) },
      { line: 3, reason: expect.stringMatching(/^3 fields but the header has 2: /) },
    ]);
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [4, ['3', 'c']],
    ]);
  });

  it('without header checks, rows of any length pass', () => {
    expect(parseCsv('a\nb,c\n').records.map((r) => r.fields)).toEqual([['a'], ['b', 'c']]);
  });
});

describe('UTF-8 and binary checks', () => {
  const cases: [string, number[]][] = [
    ['ascii', [0x61, 0x62]],
    ['2-byte', [0xc3, 0xa9]],
    ['3-byte', [0xe2, 0x80, 0x99]],
    ['4-byte', [0xf0, 0x9f, 0x98, 0x80]],
    ['lone continuation', [0x61, 0x80]],
    ['overlong', [0xc0, 0xaf]],
    ['truncated', [0x61, 0xe2, 0x80]],
    ['surrogate', [0xed, 0xa0, 0x80]],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['latin-1 é', [0x63, 0x61, 0x66, 0xe9, 0x20]],
  ];
  it.each(cases)('agrees with TextDecoder on %s', (_name, bytes) => {
    const buf = Uint8Array.from(bytes);
    let valid = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      valid = false;
    }
    expect(firstInvalidUtf8(buf) === -1).toBe(valid);
  });

  it('locates the first bad byte and its line', () => {
    const r = decodeUtf8(Uint8Array.from([0x61, 0x0a, 0x62, 0x0a, 0xff]));
    expect(r).toEqual({ ok: false, line: 3, byteOffset: 4 });
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: 'a' });
  });

  it('sees NUL bytes in the first 8 KB only', () => {
    expect(looksBinary(Uint8Array.from([0x61, 0x00]))).toBe(true);
    const late = new Uint8Array(9000).fill(0x61);
    late[8500] = 0;
    expect(looksBinary(late)).toBe(false);
  });
});

describe('splitFrontMatter', () => {
  it('keeps the body exactly, with or without a final newline', () => {
    expect(splitFrontMatter('---\na: 1\n---\nbody')).toMatchObject({ ok: true, body: 'body', bodyLine: 4 });
    expect(splitFrontMatter('---\r\na: 1\r\n---\r\n\r\nbody\r\n')).toMatchObject({ ok: true, body: '\r\nbody\r\n' });
    expect(splitFrontMatter('---\na: 1\n---')).toMatchObject({ ok: true, body: '' });
    expect(splitFrontMatter('---\n---\nbody')).toMatchObject({ ok: true, body: 'body', meta: { values: {} } });
    expect(splitFrontMatter('--- \na: 1\n---  \nbody')).toMatchObject({ ok: true, body: 'body' });
  });

  it('reports duplicate keys with the file line', () => {
    expect(splitFrontMatter('---\noutlet: A\noutlet: B\n---\nbody')).toMatchObject({ ok: false, line: 3 });
  });

  it('leaves text that starts with ---- or "--- x" alone', () => {
    expect(splitFrontMatter('----\nbody')).toMatchObject({ ok: true, hasFrontMatter: false, body: '----\nbody' });
    expect(splitFrontMatter('--- x\nbody')).toMatchObject({ ok: true, hasFrontMatter: false });
  });
});

describe('field helpers', () => {
  it('normalises dates to ISO', () => {
    expect(normalizeDate('2023-11-29')).toBe('2023-11-29');
    expect(normalizeDate('2023-11')).toBe('2023-11');
    expect(normalizeDate('2023-11-29 10:15:00.123456')).toBe('2023-11-29T10:15:00.123456');
    expect(normalizeDate('2023-11-29T10:15:00+03:00')).toBe('2023-11-29T10:15:00+03:00');
    expect(normalizeDate('Wed, 29 Nov 2023 10:00:00 GMT')).toBe('2023-11-29T10:00:00.000Z');
    expect(normalizeDate('29 November 2023')).toBe('2023-11-29');
    expect(normalizeDate('17')).toBeUndefined();
    expect(normalizeDate('last winter')).toBeUndefined();
  });

  it('parses outletFrom and derives outlets from paths', () => {
    expect(parseOutletFrom('folder')).toEqual({ kind: 'folder' });
    expect(parseOutletFrom('filename')).toEqual({ kind: 'filename' });
    expect(parseOutletFrom('field:media_name')).toEqual({ kind: 'field', field: 'media_name' });
    expect(parseOutletFrom('field:')).toBeUndefined();
    expect(parseOutletFrom('dir')).toBeUndefined();
    expect(outletFromPath('corpus/al-jazeera/x.txt', 'folder')).toBe('al-jazeera');
    expect(outletFromPath('corpus/press-tv_2023_a.txt', 'filename')).toBe('press-tv');
    expect(outletFromPath('corpus/afp.md', 'filename')).toBe('afp');
  });
});

function doc(over: Partial<Document>): Document {
  return { id: 'd', outlet: 'AFP', text: 'Some text.', source: { file: 'f.txt' }, meta: {}, ...over };
}

describe('dedupeExact', () => {
  it('normalises whitespace and Unicode composition, not case or punctuation', () => {
    expect(normalizeForDedupe('  a\n\tb  ')).toBe('a b');
    expect(normalizeForDedupe('cafe\u0301')).toBe(normalizeForDedupe('caf\u00e9'));
    const docs = [
      doc({ id: 'a', text: 'Café  bombed.' }),
      doc({ id: 'b', text: 'Cafe\u0301 bombed.\n', source: { file: 'g.jsonl', line: 4 } }),
      doc({ id: 'c', text: 'café bombed.' }),
      doc({ id: 'd', outlet: 'Reuters', text: 'Café bombed.' }),
    ];
    const { documents, skipped } = dedupeExact(docs);
    expect(documents.map((d) => d.id)).toEqual(['a', 'c', 'd']);
    expect(skipped).toEqual([{ file: 'g.jsonl', line: 4, id: 'b', reason: expect.stringMatching(/^exact duplicate of a \(f\.txt\): same outlet "AFP"/) }]);
  });
});

describe('contentHash', () => {
  const base = doc({ title: 'T', date: '2023-11-29' });
  it('is a stable sha256 hex of the analysed fields', () => {
    expect(contentHash(base)).toMatch(/^[0-9a-f]{64}$/);
    const moved: Document = { ...base, source: { file: 'moved.txt' }, meta: { note: 'x' } };
    expect(contentHash(moved)).toBe(contentHash(base));
  });

  it('changes with each field that affects analysis', () => {
    const variants: Partial<Document>[] = [
      { text: 'Some text!' },
      { outlet: 'Reuters' },
      { id: 'e' },
      { title: 'U' },
      { date: '2023-11-30' },
      { url: 'https://example.org' },
      { language: 'fr' },
      { event: 'e1' },
    ];
    const hashes = new Set([contentHash(base), ...variants.map((v) => contentHash({ ...base, ...v }))]);
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('keeps field boundaries apart', () => {
    expect(contentHash(doc({ outlet: 'AB', text: 'C' }))).not.toBe(contentHash(doc({ outlet: 'A', text: 'BC' })));
  });
});
