import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus, readCorpusStream, type CorpusItem } from '../../src/corpus/read.js';
import { tempDir as makeTempDir } from '../helpers/temp.js';
import { settledHeap } from '../helpers/measure.js';

const tempDir = () => makeTempDir('framelens-stream-');
const record = (id: string, text = `Text of ${id} with a few words.`) => JSON.stringify({ id, outlet: 'AFP', text });

async function collect(paths: string[], options = {}): Promise<CorpusItem[]> {
  const items: CorpusItem[] = [];
  for await (const item of readCorpusStream(paths, options)) items.push(item);
  return items;
}

describe('NUL bytes cost only their own record', () => {
  it('in a .jsonl file: the record on that line is skipped, naming that line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'feed.jsonl');
    const bad = Buffer.from(record('c'));
    bad[12] = 0;
    writeFileSync(file, Buffer.concat([Buffer.from(`${record('a')}\n${record('b')}\n`), bad, Buffer.from(`\n${record('d')}\n`)]));
    const { documents, skipped } = await readCorpus([dir]);
    expect(documents.map((d) => d.id)).toEqual(['a', 'b', 'd']);
    const offset = Buffer.byteLength(`${record('a')}\n${record('b')}\n`) + 12;
    expect(skipped).toEqual([{ file, line: 3, reason: expect.stringMatching(new RegExp(`^NUL byte at line 3 \\(byte offset ${offset}\\).*UTF-8`)) }]);
  });

  it('in a .csv file: the row holding it is skipped, naming its line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'feed.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('id,outlet,text\na,AFP,First text here.\nb,AFP,Sec'), Buffer.from([0]), Buffer.from('ond.\nc,AFP,Third text.\n')]));
    const { documents, skipped } = await readCorpus([dir]);
    expect(documents.map((d) => d.id)).toEqual(['a', 'c']);
    expect(skipped).toEqual([{ file, line: 3, reason: expect.stringMatching(/^broken CSV row: NUL byte at line 3 \(byte offset 47\)/) }]);
  });

  it('a UTF-16 .jsonl file is skipped record by record with advice, not read as text', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'utf16.jsonl'), Buffer.from(`${record('a')}\n${record('b')}\n`, 'utf16le'));
    const { documents, skipped } = await readCorpus([dir]);
    expect(documents).toEqual([]);
    // Each LF byte is followed by the NUL half of its UTF-16 unit, so every line holds a NUL, even the last stub.
    expect(skipped.map((s) => s.line)).toEqual([1, 2, 3]);
    for (const s of skipped) expect(s.reason).toMatch(/NUL byte .* UTF-16/);
  });
});

describe('readCorpusStream', () => {
  it('yields what readCorpus returns, item by item, on the test corpora', async () => {
    const paths = ['tests/fixtures/corpus/records', 'tests/fixtures/corpus/front-matter', 'corpus/seeds'];
    const whole = await readCorpus(paths);
    const items = await collect(paths);
    expect(items.filter((i) => i.type === 'document').map((i) => i.type === 'document' && i.document)).toEqual(whole.documents);
    expect(items.filter((i) => i.type === 'skipped').length).toBe(whole.skipped.length);
    expect(whole.documents.length).toBeGreaterThan(5);
  });

  it('reads .jsonl lines across read chunks, and skips a line too long to hold without holding it', async () => {
    const dir = tempDir();
    const long = 'word '.repeat(30_000); // 150 KB: spans several 64 KB chunks
    const huge = 'x'.repeat(1024 * 1024 + 5000);
    writeFileSync(path.join(dir, 'big.jsonl'), `${record('a', long)}\n${record('huge', huge)}\n${record('b')}`);
    const items = await collect([dir], { maxDocBytes: 1000 });
    expect(items.map((i) => (i.type === 'document' ? i.document.id : i.type === 'skipped' ? `skip:${i.skipped.line}` : 'warning')))
      .toEqual(['skip:1', 'skip:2', 'b']);
    const [first, second] = items as Array<Extract<CorpusItem, { type: 'skipped' }>>;
    expect(first.skipped.reason).toMatch(/^document too large: the text is 146\.5 KiB/);
    expect(second.skipped.reason).toMatch(/^document too large: the line is 1\.0 MiB/);
    const roomy = await collect([dir], { maxDocBytes: 200_000 });
    const doc = roomy.find((i) => i.type === 'document' && i.document.id === 'a');
    expect(doc?.type === 'document' && doc.document.text).toBe(long);
  });

  it('gives unique ids and skips exact duplicates as it goes', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.jsonl'), `${record('x')}\n${record('x', 'Another text entirely here.')}\n${JSON.stringify({ outlet: 'AFP', text: 'Text of x with a few words.' })}\n`);
    const items = await collect([dir]);
    expect(items.map((i) => i.type === 'skipped' ? `${i.stage}:${i.skipped.line}` : i.type === 'document' ? i.document.id : '')).toEqual(['x', 'id:2', 'duplicate:3']);
  });

  it.each([
    ['in memory', undefined],
    ['moved in batches of 97 to the scratch database', 97],
  ])('finds every repeated id and text among thousands, naming the first document of each (%s)', async (_, seenBatch) => {
    // Past the tables' first growth (1,024 entries): every 7th record repeats an earlier text under a new id, every
    // 11th an earlier explicit id; every 13th has no id (derived from file and line), and every 17th takes the id a
    // later one derives (which then gets ~2). Expected skips from plain maps.
    const dir = tempDir();
    const file = path.join(dir, 'feed.jsonl');
    const lines: string[] = [];
    const byId = new Map<string, number>();
    const byText = new Map<string, { id: string; line: number }>();
    const expected: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const line = i + 1;
      let id: string | undefined = `n${i}`;
      let text = `Report number ${i} about the ceasefire talks.`;
      if (i % 7 === 6) text = `Report number ${i - 3} about the ceasefire talks.`;
      if (i % 11 === 10) id = `n${i - 5}`;
      if (i % 13 === 12) id = undefined;
      if (i % 17 === 3) id = `feed:${line + 100}`;
      lines.push(JSON.stringify(id === undefined ? { outlet: 'AFP', text } : { id, outlet: 'AFP', text }));
      let finalId = id ?? `feed:${line}`;
      if (id === undefined && byId.has(finalId)) {
        let n = 2;
        while (byId.has(`${finalId}~${n}`)) n++;
        finalId = `${finalId}~${n}`;
      }
      if (id !== undefined && byId.has(id)) {
        expected.push(`id:${line}:duplicate id "${id}" (first used at ${file}:${byId.get(id)})`);
        continue;
      }
      byId.set(finalId, line);
      const first = byText.get(text);
      if (first) {
        expected.push(`duplicate:${line}:exact duplicate of ${first.id} (${file}:${first.line})`);
        continue;
      }
      byText.set(text, { id: finalId, line });
      expected.push(finalId);
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const got = (await collect([dir], { seenBatch })).map((i) => {
      if (i.type === 'document') return i.document.id;
      if (i.type === 'skipped') return `${i.stage}:${i.skipped.line}:${i.skipped.reason.replace(/\): .*$/, ')')}`;
      return i.type;
    });
    expect(got.filter((g) => g.startsWith('duplicate:')).length).toBeGreaterThan(300);
    expect(got.filter((g) => g.startsWith('id:')).length).toBeGreaterThan(200);
    expect(got.filter((g) => g.endsWith('~2')).length).toBeGreaterThan(5);
    expect(got).toEqual(expected);
  });

  it('keeps ~100 bytes per document seen, not a string and an object per document', async () => {
    const dir = tempDir();
    const count = 8000;
    const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ id: `article-${i}`, outlet: `outlet ${i % 5}`, text: `Text ${i}: ${'word '.repeat(40)}` }));
    writeFileSync(path.join(dir, 'feed.jsonl'), `${lines.join('\n')}\n`);
    let n = 0;
    let before = 0;
    let after = 0;
    for await (const item of readCorpusStream([dir])) {
      if (item.type !== 'document') continue;
      n++;
      if (n === 1000) {
        before = await settledHeap();
      } else if (n === count) {
        after = await settledHeap();
      }
    }
    expect(n).toBe(count);
    // ~130 B measured (the id, its place in two tables, file, line, the 36-byte text key, growth room); with a
    // Map of ids to "file:line" strings and one of hex keys to objects, ~440 B.
    expect((after - before) / (count - 1000)).toBeLessThan(250);
  });

  it('tells apart and names exactly ids that differ only in a lone surrogate once they are in the scratch database', async () => {
    const dir = tempDir();
    // JSON escapes give ids no UTF-8 text can hold; each would read back as U+FFFD from SQLite's text.
    const lines = ['{"id":"a\\ud800","outlet":"o","text":"one"}', '{"id":"b","outlet":"o","text":"two"}', '{"id":"a\\ud801","outlet":"o","text":"three"}', '{"id":"c","outlet":"o","text":"four"}', '{"id":"a\\ud800","outlet":"o","text":"five"}', '{"id":"d","outlet":"o","text":"one"}'];
    writeFileSync(path.join(dir, 'feed.jsonl'), `${lines.join('\n')}\n`);
    const items = await collect([dir], { seenBatch: 2 });
    expect(items.map((i) => (i.type === 'document' ? i.document.id : i.type === 'skipped' ? `${i.stage}:${i.skipped.line}:${i.skipped.reason.replace(/\): .*$/, ')')}` : i.type))).toEqual([
      'a\ud800', 'b', 'a\ud801', 'c', `id:5:duplicate id "a\ud800" (first used at ${path.join(dir, 'feed.jsonl')}:1)`,
      `duplicate:6:exact duplicate of a\ud800 (${path.join(dir, 'feed.jsonl')}:1)`,
    ]);
  });

  it('keeps no per-document state in memory past one batch: earlier documents are looked up in the scratch database', async () => {
    const dir = tempDir();
    const batch = 1000;
    const count = 20 * batch + 100;
    // Every 50th record repeats the text of the record 1,530 lines earlier (in an earlier batch) under a new id.
    const text = (i: number) => `Text ${i}: ${'word '.repeat(20)}`;
    const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ id: `article-${i}`, outlet: `outlet ${i % 5}`, text: text(i % 50 === 49 && i > 1530 ? i - 1530 : i) }));
    writeFileSync(path.join(dir, 'feed.jsonl'), `${lines.join('\n')}\n`);
    let n = 0;
    let duplicates = 0;
    let before = 0;
    let after = 0;
    for await (const item of readCorpusStream([dir], { seenBatch: batch })) {
      if (item.type === 'skipped') {
        duplicates++;
        const first = (item.skipped.line as number) - 1 - 1530;
        expect(item.skipped.reason.startsWith(`exact duplicate of article-${first} (${path.join(dir, 'feed.jsonl')}:${first + 1})`)).toBe(true);
      }
      if (item.type !== 'document') continue;
      n++;
      // The same point of a batch at both ends (every document is counted there, duplicates too), so the in-memory
      // batch holds as many documents at each.
      if (n + duplicates === 2 * batch + 60 || n + duplicates === count - 40) {
        if (before === 0) before = await settledHeap();
        else after = await settledHeap();
      }
    }
    expect(duplicates).toBe(Array.from({ length: count }, (_, i) => i).filter((i) => i % 50 === 49 && i > 1530).length);
    expect(n + duplicates).toBe(count);
    // ~170 B per document measured when every id and text key stays in memory (141e39c); ~4 B here, for no
    // structure of the stream grows with the documents once they have moved to the scratch database.
    expect((after - before) / (count - 40 - (2 * batch + 60))).toBeLessThan(20);
  });
});
