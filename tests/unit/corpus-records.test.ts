import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus/records');
const fx = (name: string) => path.join(fixtures, name);

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'framelens-records-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const brief = (s: { line?: number; id?: string; reason: string }) => [s.line, s.id, s.reason.split(':')[0]];

describe('JSONL', () => {
  it('reads good lines, matches field names case-insensitively, reports every bad line with its line number', async () => {
    const { documents, skipped, warnings } = await readCorpus([fx('stories.jsonl')]);
    expect(documents.map((d) => [d.id, d.outlet, d.date, d.source.line])).toEqual([
      ['j1', 'Press TV', '2023-11-24', 1],
      ['j2', 'AFP', '2023-12-11T09:00:00Z', 2],
      ['stories:8', 'ISWNews', '2024-01-31', 8],
      ['j8', 'AFP', undefined, 9],
    ]);
    expect(documents[1].text).toBe('A rocket attack targeted Ain al-Assad.');
    expect(documents[1].meta).toEqual({ section: 'world' });
    expect(documents[2].text).toBe('US bases struck 200 times.');
    // Blank line 5 holds nothing and is not reported.
    expect(skipped.map(brief)).toEqual([
      [3, undefined, 'line is not valid JSON (Unterminated string in JSON at position 45)'],
      [4, undefined, 'line is an array, not a JSON object'],
      [6, 'j5', 'missing outlet (looked for outlet/source/media_name/media/publisher/site)'],
      [7, 'j6', 'empty text'],
    ]);
    expect(skipped[0].reason).toMatch(/each line of a \.jsonl file must be one complete JSON object/);
    // An unreadable date keeps the document, stays in meta and is reported.
    expect(documents[3].meta).toEqual({ date: 'sometime in winter' });
    expect(warnings).toEqual([
      { file: fx('stories.jsonl'), line: 9, id: 'j8', message: expect.stringMatching(/^unrecognised date "sometime in winter"/) },
    ]);
  });

  it('reports invalid UTF-8 on one line and keeps the others; accepts CRLF and .ndjson', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'feed.ndjson');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('{"outlet":"A","text":"first"}\r\n{"outlet":"A","text":"caf'),
        Buffer.from([0xe9]),
        Buffer.from('"}\r\n{"outlet":"A","text":"third"}'),
      ]),
    );
    const { documents, skipped } = await readCorpus([file]);
    expect(documents.map((d) => [d.id, d.text])).toEqual([
      ['feed:1', 'first'],
      ['feed:3', 'third'],
    ]);
    expect(skipped).toEqual([{ file, line: 2, reason: expect.stringMatching(/^invalid UTF-8 at line 2 \(byte offset 56\)/) }]);
  });

  it('rejects a text that is not a string', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'x.jsonl'), '{"outlet":"A","text":["a","b"]}\n');
    const { skipped } = await readCorpus([dir]);
    expect(skipped[0].reason).toMatch(/^text field "text" is a list, not a string/);
  });

  it('drops bidirectional controls from outlet and title, never from the text', async () => {
    const dir = tempDir();
    const text = 'Body with \u202e reversed \u202c part.';
    writeFileSync(path.join(dir, 'x.jsonl'), `${JSON.stringify({ outlet: 'Evil\u202eTV', title: 'RTL \u202e title', text })}\n`);
    const { documents } = await readCorpus([dir]);
    expect(documents[0]).toMatchObject({ outlet: 'EvilTV', title: 'RTL  title', text });
    writeFileSync(path.join(dir, 'x.jsonl'), `${JSON.stringify({ id: '\u202eid7', event: 'ev\u2066 1', outlet: 'A', text })}\n${JSON.stringify({ outlet: '\u202e\u202e', text })}\n`);
    const again = await readCorpus([dir]);
    expect(again.documents[0]).toMatchObject({ id: 'id7', event: 'ev 1' });
    expect(again.skipped[0].reason).toMatch(/^missing outlet/);
  });
});

describe('CSV', () => {
  it('loads a Media Cloud export as it is; a broken row in the middle is reported and the rows after it are read', async () => {
    const { documents, skipped } = await readCorpus([fx('mediacloud.csv')]);
    expect(documents.map((d) => [d.id, d.outlet, d.date, d.source.line])).toEqual([
      ['2101', 'Al Jazeera', '2023-11-29T10:15:00', 2],
      ['2102', 'Press TV', '2023-11-24T06:00:00', 3],
      ['2105', 'ISWNews', '2024-01-31T09:13:00', 7],
      ['2107', 'AFP', '2023-12-12T07:00:00', 9],
    ]);
    const first = documents[0];
    expect(first).toMatchObject({ title: 'Hot winter threat', url: 'https://example.org/a', language: 'en', text: 'The so-called group warned US forces, again.' });
    expect(first.meta).toEqual({ media_url: 'https://www.aljazeera.net' });
    expect(documents[1].text).toBe('Three facilities came under attack.\nA second paragraph, inside the same quoted field.');
    expect(documents[2].text).toBe('US bases struck 200 times, "a review".');
    expect(skipped.map(brief)).toEqual([
      [5, undefined, 'broken CSV row'],
      [6, undefined, 'broken CSV row'],
      [8, '2106', 'empty text'],
    ]);
    expect(skipped[0].reason).toMatch(/6 fields but the header has 8/);
    expect(skipped[1].reason).toMatch(/unclosed quote: .*add the missing closing " on line 6/);
  });

  it('reports a Media Cloud export without a text column once, for the whole file', async () => {
    const { documents, skipped } = await readCorpus([fx('mediacloud-no-text.csv')]);
    expect(documents).toEqual([]);
    expect(skipped).toEqual([{ file: fx('mediacloud-no-text.csv'), line: 1, reason: expect.stringMatching(/^no text column \(looked for text, content, body, full_text, story_text; found stories_id, /) }]);
  });

  it('keeps the rows after an unclosed quote that runs to the end of the file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'open.csv');
    writeFileSync(file, 'outlet,text\nA,good one\nB,"never closed\nC,after the broken row\nD,last\n');
    const { documents, skipped } = await readCorpus([file]);
    expect(documents.map((d) => [d.outlet, d.text, d.source.line])).toEqual([
      ['A', 'good one', 2],
      ['C', 'after the broken row', 4],
      ['D', 'last', 5],
    ]);
    expect(skipped).toEqual([{ file, line: 3, reason: expect.stringMatching(/^broken CSV row: unclosed quote: field 2 opens a quote that never closes/) }]);
  });

  it('skips only the row with invalid UTF-8; derived ids carry the row line; outletFrom field picks a column', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'feed.csv');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('Site,Body,Publisher\nA,one,P1\nB,caf'), Buffer.from([0xe9]), Buffer.from(',P2\nC,three,P3\n')]),
    );
    const { documents, skipped } = await readCorpus([file], { outletFrom: 'field:publisher' });
    expect(documents.map((d) => [d.id, d.outlet, d.text, d.meta])).toEqual([
      ['feed:2', 'P1', 'one', { Site: 'A' }],
      ['feed:4', 'P3', 'three', { Site: 'C' }],
    ]);
    expect(skipped).toEqual([{ file, line: 3, reason: expect.stringMatching(/^broken CSV row: invalid UTF-8 at line 3/) }]);
  });

  it('reports a CSV without a header as empty', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'empty.csv'), '\n\n');
    const { skipped } = await readCorpus([dir]);
    expect(skipped[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/^empty CSV file/) });
  });
});

describe('JSON', () => {
  it('reads an array of objects; a non-object element is reported with its line', async () => {
    const { documents, skipped } = await readCorpus([fx('array.json')]);
    expect(documents.map((d) => [d.id, d.outlet, d.text, d.source.line])).toEqual([
      ['a1', 'AFP', 'First element.', 2],
      ['a3', 'Press TV', 'Third element, with a [bracket] and a "quote".', 8],
    ]);
    expect(skipped).toEqual([{ file: fx('array.json'), line: 7, reason: expect.stringMatching(/^array element 2 is a string, not an object/) }]);
  });

  it('reports a JSON object (not an array) and a syntax error with its line', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bad.json'), '[\n  {"outlet": "A", "text": "x"},\n  {"outlet": "B" "text": "y"}\n]\n');
    const { skipped } = await readCorpus([fx('object.json'), path.join(dir, 'bad.json')]);
    expect(skipped.map((s) => [path.basename(s.file), s.line])).toEqual([
      ['object.json', 1],
      ['bad.json', 3],
    ]);
    expect(skipped[0].reason).toMatch(/must hold an array of article objects, this one holds an object/);
    expect(skipped[1].reason).toMatch(/^not valid JSON/);
  });
});
