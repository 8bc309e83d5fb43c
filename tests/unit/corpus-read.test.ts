import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readCorpus } from '../../src/corpus/read.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus');
const fx = (...p: string[]) => path.join(fixtures, ...p);

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'framelens-corpus-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('front matter', () => {
  it('maps fields, keeps the body byte for byte (BOM dropped, CRLF and trailing blank line kept)', async () => {
    const { documents, skipped } = await readCorpus([fx('front-matter/full.md')]);
    expect(skipped).toEqual([]);
    expect(documents).toHaveLength(1);
    const d = documents[0];
    expect(d.id).toBe('007'); // unquoted YAML number: the literal is kept, not 7
    expect(d.outlet).toBe('Press TV');
    expect(d.date).toBe('2023-11-24T08:30:00');
    expect(d.title).toBe('Attack on al-Omar: a report');
    expect(d.language).toBe('en');
    expect(d.event).toBe('omar-2023-11-24');
    expect(d.text).toBe('First line of the body.\r\nSecond line, CRLF kept.\n\n');
    expect(d.meta).toEqual({ Tags: ['drones', 'syria'], 'translated-from': 'ar' });
    expect(d.source).toEqual({ file: fx('front-matter/full.md'), line: 1 });
  });

  it('reports malformed YAML with its file line, and an unclosed or non-mapping front matter', async () => {
    const { documents, skipped } = await readCorpus([fx('front-matter')]);
    expect(documents.map((d) => d.id)).toEqual(['007']);
    const byFile = Object.fromEntries(skipped.map((s) => [path.basename(s.file), s]));
    expect(Object.keys(byFile).sort()).toEqual(['broken-yaml.md', 'empty-body.md', 'list.md', 'no-outlet.txt', 'unclosed.md']);

    expect(byFile['broken-yaml.md'].line).toBe(3);
    expect(byFile['broken-yaml.md'].reason).toMatch(/^malformed front matter: .*fix the YAML/);
    expect(byFile['unclosed.md']).toMatchObject({ line: 1 });
    expect(byFile['unclosed.md'].reason).toMatch(/never closed: add a line `---`/);
    expect(byFile['list.md'].reason).toMatch(/expected `key: value` lines/);
    expect(byFile['empty-body.md'].reason).toMatch(/^empty text: .*add the article text/);
    expect(byFile['no-outlet.txt'].reason).toMatch(/^missing outlet .*add an `outlet:` field to the front matter, or pass --outlet-from folder/);
  });

  it('treats a file without front matter as all body', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'Line one.\n---\nnot front matter, it is not at the start\n');
    const { documents } = await readCorpus([dir], { defaultOutlet: 'X' });
    expect(documents[0].text).toBe('Line one.\n---\nnot front matter, it is not at the start\n');
    expect(documents[0].meta).toEqual({});
  });
});

describe('folders and outlets', () => {
  it('walks folders recursively, takes the outlet from the folder name, lists unknown extensions, ignores hidden files', async () => {
    const { documents, skipped } = await readCorpus([fx('folders')], { outletFrom: 'folder' });
    expect(documents.map((d) => [d.id, d.outlet])).toEqual([
      ['afp/rocket', 'afp'],
      ['al-jazeera/bases', 'al-jazeera'],
      ['presstv/2023-11-24_drones', 'presstv'],
    ]);
    // The front-matter outlet the folder overrode is kept in meta.
    expect(documents[0].meta).toEqual({ outlet: 'Agence France-Presse' });
    expect(skipped).toHaveLength(1);
    expect(skipped[0].file).toBe(fx('folders/notes.rtf'));
    expect(skipped[0].reason).toMatch(/^unsupported file type "\.rtf": .*convert the file or move it/);
  });

  it('without outletFrom, a file with no outlet is skipped and says how to fix it', async () => {
    const { documents, skipped } = await readCorpus([fx('folders')]);
    expect(documents.map((d) => d.outlet)).toEqual(['Agence France-Presse']);
    const missing = skipped.filter((s) => s.reason.startsWith('missing outlet'));
    expect(missing.map((s) => path.relative(fx('folders'), s.file))).toEqual(['al-jazeera/bases.markdown', 'presstv/2023-11-24_drones.txt']);
    expect(missing[0].line).toBe(1);
  });

  it('outletFrom filename takes the stem up to the first underscore; defaultOutlet fills the rest', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'press-tv_2023-11-24.txt'), 'Text one.');
    writeFileSync(path.join(dir, 'afp.txt'), 'Text two.');
    const { documents } = await readCorpus([dir], { outletFrom: 'filename' });
    expect(documents.map((d) => d.outlet)).toEqual(['afp', 'press-tv']);

    writeFileSync(path.join(dir, 'c.txt'), '---\nsite: ISWNews\n---\nText three.');
    const byField = await readCorpus([path.join(dir, 'c.txt')], { outletFrom: 'field:site' });
    expect(byField.documents[0].outlet).toBe('ISWNews');
    const byDefault = await readCorpus([path.join(dir, 'afp.txt')], { defaultOutlet: 'Unknown outlet' });
    expect(byDefault.documents[0].outlet).toBe('Unknown outlet');
  });

  it('rejects an invalid outletFrom', async () => {
    await expect(readCorpus([fx('folders')], { outletFrom: 'parent' })).rejects.toThrow(/invalid outlet source "parent"/);
  });

  it('ignores node_modules and hidden folders but reads a hidden file named directly', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'node_modules/pkg'), { recursive: true });
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, 'node_modules/pkg/readme.txt'), 'not an article');
    writeFileSync(path.join(dir, '.git/notes.txt'), 'not an article');
    writeFileSync(path.join(dir, '.draft.txt'), 'A draft article.');
    const all = await readCorpus([dir], { defaultOutlet: 'X' });
    expect(all.documents).toEqual([]);
    expect(all.skipped).toEqual([]);
    const direct = await readCorpus([path.join(dir, '.draft.txt')], { defaultOutlet: 'X' });
    expect(direct.documents.map((d) => d.id)).toEqual(['.draft']);
  });

  it('reads a file once when it is named twice', async () => {
    const { documents, skipped } = await readCorpus([fx('folders'), fx('folders/afp/rocket.md')]);
    expect(documents.filter((d) => d.id === 'afp/rocket')).toHaveLength(1);
    expect(skipped.some((s) => s.reason.startsWith('duplicate id'))).toBe(false);
  });
});

describe('bad input', () => {
  it('throws InputError with .file for a path that does not exist', async () => {
    const missing = fx('no-such-folder');
    const err = await readCorpus([fx('folders'), missing]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).file).toBe(missing);
    expect((err as InputError).message).toBe(`no such file or folder: ${missing}`);
  });

  it('throws InputError when no paths are given', async () => {
    await expect(readCorpus([])).rejects.toBeInstanceOf(InputError);
  });

  it('skips a binary file and says so', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    // UTF-16 text is binary to us too (NUL bytes), and the reason says how to convert it.
    writeFileSync(path.join(dir, 'utf16.txt'), Buffer.from('\ufeffHello', 'utf16le'));
    const { documents, skipped } = await readCorpus([dir], { defaultOutlet: 'X' });
    expect(documents).toEqual([]);
    expect(skipped.map((s) => path.basename(s.file))).toEqual(['image.txt', 'utf16.txt']);
    for (const s of skipped) expect(s.reason).toMatch(/^binary file \(NUL bytes in the first 8 KB\).*UTF-8/);
  });

  it('skips invalid UTF-8 with the line of the first bad byte', async () => {
    const dir = tempDir();
    // "café" in Latin-1 on line 5, byte 33.
    const bytes = Buffer.concat([Buffer.from('---\noutlet: AFP\n---\nLine one.\nCaf'), Buffer.from([0xe9]), Buffer.from(' noir.\n')]);
    writeFileSync(path.join(dir, 'latin1.md'), bytes);
    const { documents, skipped } = await readCorpus([dir]);
    expect(documents).toEqual([]);
    expect(skipped).toEqual([
      { file: path.join(dir, 'latin1.md'), line: 5, reason: expect.stringMatching(/^invalid UTF-8 at line 5 \(byte offset 33\): save the file as UTF-8/) },
    ]);
  });

  it('skips a document over the size limit and says how to raise it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'big.txt'), 'word '.repeat(300));
    writeFileSync(path.join(dir, 'small.txt'), 'word '.repeat(10));
    writeFileSync(path.join(dir, 'records.jsonl'), `${JSON.stringify({ outlet: 'A', text: 'x'.repeat(2000) })}\n${JSON.stringify({ outlet: 'A', text: 'short' })}\n`);
    const { documents, skipped } = await readCorpus([dir], { defaultOutlet: 'X', maxDocBytes: 1000 });
    expect(documents.map((d) => d.id)).toEqual(['records:2', 'small']);
    expect(skipped.map((s) => [path.basename(s.file), s.line])).toEqual([
      ['big.txt', 1],
      ['records.jsonl', 1],
    ]);
    for (const s of skipped) expect(s.reason).toMatch(/^document too large: .*over the 1000 bytes per-document limit: raise it with --max-doc-bytes/);
    // Far over the limit: skipped from the file size alone, before reading.
    writeFileSync(path.join(dir, 'huge.txt'), Buffer.alloc(1024 * 1024 + 2000, 0x61));
    const huge = await readCorpus([path.join(dir, 'huge.txt')], { defaultOutlet: 'X', maxDocBytes: 1000 });
    expect(huge.skipped[0].reason).toMatch(/^document too large: the file is 1\.0 MiB/);
  });

  it('lists an empty or whitespace-only text file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'blank.txt'), ' \n\t\n');
    const { documents, skipped } = await readCorpus([dir], { defaultOutlet: 'X' });
    expect(documents).toEqual([]);
    expect(skipped.map((s) => [path.basename(s.file), s.reason])).toEqual([
      ['blank.txt', 'empty text: the file is empty or whitespace only: add the article text or remove the file'],
      ['empty.txt', 'empty text: the file is empty or whitespace only: add the article text or remove the file'],
    ]);
  });
});

describe('ids', () => {
  it('suffixes a derived id that is taken and skips a repeated explicit id', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), 'First text.');
    writeFileSync(path.join(dir, 'a.txt'), 'Second text.');
    writeFileSync(path.join(dir, 'b.jsonl'), [
      JSON.stringify({ id: 'x1', outlet: 'A', text: 'one' }),
      JSON.stringify({ id: 'x1', outlet: 'B', text: 'two' }),
    ].join('\n'));
    const { documents, skipped } = await readCorpus([dir], { defaultOutlet: 'X' });
    expect(documents.map((d) => d.id)).toEqual(['a', 'a~2', 'x1']);
    expect(skipped).toEqual([
      {
        file: path.join(dir, 'b.jsonl'),
        line: 2,
        id: 'x1',
        reason: `duplicate id "x1" (first used at ${path.join(dir, 'b.jsonl')}:1): ids must be unique; change one, or remove the id field to derive ids from file paths`,
      },
    ]);
  });

  it('skips exact duplicates of the same outlet but keeps the same text from another outlet', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'wire.jsonl'), [
      JSON.stringify({ id: 'w1', outlet: 'AFP', text: 'The same wire text.' }),
      JSON.stringify({ id: 'w2', outlet: 'AFP', text: '  The same\n wire text. ' }),
      JSON.stringify({ id: 'w3', outlet: 'France 24', text: 'The same wire text.' }),
    ].join('\n'));
    const { documents, skipped } = await readCorpus([dir]);
    expect(documents.map((d) => d.id)).toEqual(['w1', 'w3']);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ id: 'w2', line: 2 });
    expect(skipped[0].reason).toMatch(/^exact duplicate of w1 /);
    const kept = await readCorpus([dir], { dedupe: false });
    expect(kept.documents).toHaveLength(3);
  });
});
