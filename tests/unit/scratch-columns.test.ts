import { describe, expect, it } from 'vitest';
import { CHUNK_BITS, CHUNK_OFFSET, ChunkedPool } from '../../src/stats/postings.js';
import { CoreColumns, type DocumentCore } from '../../src/report/core-columns.js';
import { ScratchFile } from '../../src/text/scratch-file.js';
import { ReportBuilder } from '../../src/report/builder.js';
import type { Hit, Lexicon } from '../../src/types.js';

const CHUNK = 1 << CHUNK_BITS;

describe('a chunked pool that spills to a scratch file', () => {
  it('holds the chunk being filled and two read back, whatever its size, and reads every record back exactly', () => {
    const file = new ScratchFile('test pool');
    try {
      const pool = new ChunkedPool((n) => new Float64Array(n), file);
      const records: Array<{ at: number; values: number[] }> = [];
      let total = 0;
      let k = 0;
      // Six chunks' worth of records of 1–40 entries, and one longer than a chunk in the middle.
      while (total < 6 * CHUNK) {
        const length = k === 500 ? CHUNK + 7 : 1 + (k * 7919) % 40;
        const values = Array.from({ length }, (_, x) => k + x / 64);
        records.push({ at: pool.append(values), values });
        total += length;
        k++;
      }
      // Without the file the pool holds every chunk (~56 MB here); with it, one being filled (≤ 2 MB).
      expect(pool.heldBytes).toBeLessThanOrEqual(CHUNK * 8);
      expect(file.bytes).toBeGreaterThan(5 * CHUNK * 8);
      // In address order, through the chunk (the statistics' passes), then out of order, one record at a time.
      for (const { at, values } of records) {
        const chunk = pool.chunkAt(at);
        const offset = at & CHUNK_OFFSET;
        expect(Array.from(chunk.subarray(offset, offset + values.length))).toEqual(values);
      }
      expect(pool.heldBytes).toBeLessThanOrEqual(3 * (CHUNK + 7) * 8);
      for (let r = records.length - 1; r >= 0; r -= 37) {
        const { at, values } = records[r];
        expect(Array.from(pool.record(at, values.length))).toEqual(values);
        expect(Array.from(pool.view(at, values.length))).toEqual(values);
      }
      expect(pool.heldBytes).toBeLessThanOrEqual(3 * (CHUNK + 7) * 8);
    } finally {
      file.close();
    }
  }, 60_000);

  it('reads chunks back into the buffers of those it lets go: pass after pass makes no new array', () => {
    const file = new ScratchFile('test pool');
    try {
      const pool = new ChunkedPool((n) => new Int32Array(n), file);
      const addresses: number[] = [];
      // Six chunks of records of 1–61 entries (each chunk goes to the file a different few entries short of full),
      // then the seventh being filled, in memory.
      let total = 0;
      for (let k = 0; total < 6 * CHUNK + 61; k++) {
        const length = 1 + (k % 61);
        addresses.push(pool.append(Array.from({ length }, (_, x) => k + x)));
        total += length;
      }
      const buffers = new Set<ArrayBufferLike>();
      for (let pass = 0; pass < 3; pass++) {
        for (let r = 0; r < addresses.length - 200; r += 97) {
          const chunk = pool.chunkAt(addresses[r]);
          expect(chunk[addresses[r] & CHUNK_OFFSET]).toBe(r);
          buffers.add(chunk.buffer);
        }
      }
      // 18 chunk reads (a fresh 1 MB array each, until session 13) into the two cached chunks' buffers.
      expect(pool.chunkReads).toBe(18);
      expect(buffers.size).toBe(2);
    } finally {
      file.close();
    }
  }, 60_000);

  it('refuses to be packed, and names its file when a read goes past what was written', () => {
    const file = new ScratchFile('test pool');
    try {
      const pool = new ChunkedPool((n) => new Int32Array(n), file);
      pool.append([1, 2, 3]);
      expect(() => pool.shrinkRecords(new Int32Array([0]), new Int32Array([1]), 1)).toThrow(/not packed/);
      expect(() => file.read(0, new Int32Array(1))).toThrow(/test pool: read of 4 bytes at 0 is past the 0 written/);
    } finally {
      file.close();
    }
  });
});

describe('core columns that spill to a scratch file', () => {
  const coreOf = (k: number): DocumentCore => ({
    id: `doc-${k}`, outlet: `o${k % 7}`, words: 100 + k, date: k % 5 === 0 ? undefined : `2024-0${1 + (k % 9)}-1${k % 10}`,
    event: k % 11 === 0 ? `e${k % 3}` : undefined, names: Array.from({ length: k % 4 }, (_, x) => `place-${(k + x) % 13}`),
    eventDate: k % 13 === 0 ? { day: `2024-02-0${1 + (k % 9)}`, from: 'dateline' } : undefined,
    stanceStart: k * 3.5, stanceLength: k % 6,
  });
  const plain = (c: DocumentCore) => ({ ...c, eventDate: c.eventDate ? { ...c.eventDate } : undefined });

  it('holds one block of 4,096 documents and a column slice each, and gives every field back in any order', () => {
    const file = new ScratchFile('test columns');
    const n = 6 * 4096 + 123;
    const columns = new CoreColumns(Infinity, file);
    const memory = new CoreColumns();
    try {
      for (let k = 0; k < n; k++) {
        columns.push(coreOf(k));
        memory.push(coreOf(k));
      }
      // A block is 192 KB: held in memory, the six full ones would be 1.2 MB (48 B per document). Here: the block being
      // filled and the names' chunk being filled (256 KB so far: it grows to 1 MB before it goes to the file).
      expect(memory.heldBytes).toBeGreaterThan(7 * 4096 * 48);
      expect(columns.heldBytes).toBeLessThanOrEqual(4096 * 48 + 256 * 1024);
      for (let k = 0; k < n; k++) expect(plain(columns.get(k))).toEqual(plain(coreOf(k)));
      // Out of order (an event's members): single values, then a column slice when two in a row share a block.
      for (let k = n - 1; k >= 0; k -= 977) {
        expect(columns.outlet(k)).toBe(`o${k % 7}`);
        expect(columns.names(k)).toEqual(coreOf(k).names);
        expect(columns.stanceStart(k)).toBe(k * 3.5);
        expect(columns.eventDate(k)?.day).toBe(coreOf(k).eventDate?.day);
      }
      expect(columns.wordCount).toBe(memory.wordCount);
      // An event's members as its walk reads them: each member's date twice (its event's days, its evidence), members
      // in blocks far apart. The same position asked again is no reason to read its block, and a slice read goes
      // into the column's one buffer, never a fresh one.
      const reads = columns.sliceReads;
      for (let k = 0; k < 6 * 4096; k += 4096 + 331) {
        expect(columns.date(k)).toBe(coreOf(k).date);
        expect(columns.date(k)).toBe(coreOf(k).date);
      }
      expect(columns.sliceReads).toBe(reads);
      for (let pass = 0; pass < 3; pass++) for (let k = 0; k < n; k++) expect(columns.outlet(k)).toBe(`o${k % 7}`);
      expect(columns.sliceReads).toBeGreaterThan(reads + 3 * 5);
      expect(columns.sliceBuffers).toBeLessThanOrEqual(9);
      // One slice per column at most, whatever was read.
      expect(columns.heldBytes).toBeLessThanOrEqual(4096 * 48 * 2 + 256 * 1024);
    } finally {
      columns.close();
      memory.close();
      file.close();
    }
  }, 60_000);
});

describe('a batch run\'s report builder', () => {
  it('keeps its columns and stance triples in a scratch file: what it holds does not grow with the documents', () => {
    const lexicon: Lexicon = {
      sources: [], referents: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], variants: [], entries: [],
    };
    const hit = (referent: string, weight: number, voice: Hit['voice']): Hit => ({
      label: `l${weight}`, referent, category: 'actor-label', weight, start: 0, end: 1, text: 'x', sentence: 0, voice,
      distanced: false, negated: false, resolution: 'fixed',
    });
    // Fractional weights: every triple takes two numbers, so a stance chunk (2^18 numbers) fills in ~22k documents.
    const hitsOf = (i: number) => [
      hit('a', 0.3, 'author'), hit('a', -0.7, 'quoted'), hit('a', (i % 17) / 10, 'attributed'),
      hit('b', 0.3, 'author'), hit('b', -1.3, 'quoted'), hit('b', i % 5 === 0 ? -0.9 : 0.9, 'attributed'),
    ].slice(0, 1 + (i % 6));
    const options = { lexicon, resamples: 10, detectDuplicates: false, voices: ['author', 'quoted', 'attributed'] as Hit['voice'][] };
    const builder = new ReportBuilder({ ...options, records: 'file' });
    const memory = new ReportBuilder(options);
    const held = () => {
      const b = builder as unknown as { cores: { heldBytes: number }; stancePool: { heldBytes: number } };
      return b.cores.heldBytes + b.stancePool.heldBytes;
    };
    const add = (to: ReportBuilder, i: number) => to.add({
      id: `d${i}`, outlet: `o${i % 3}`, date: `2024-01-${10 + (i % 20)}`, words: 10, tokens: 10, sentences: [], voiceSpans: [], hits: hitsOf(i), names: [], devices: [], warnings: [],
    }, { text: 'x' });
    try {
      for (let i = 0; i < 80_000; i++) add(builder, i), add(memory, i);
      // In memory, 80,000 documents' columns and stance triples are ~7.8 MB (48 B and ~50 B each); here the block and
      // the stance chunk being filled (2 MB at most): ~28 B per document at this size, and no more at any larger one.
      expect(held()).toBeLessThanOrEqual(4096 * 48 + 2 * 1024 * 1024);
      const report = builder.finish();
      // Read back for the statistics: at most two stance chunks more.
      expect(held()).toBeLessThanOrEqual(4096 * 48 * 2 + 3 * 2 * 1024 * 1024);
      expect(report.corpus.documents).toBe(80_000);
      expect(JSON.stringify(report)).toBe(JSON.stringify(memory.finish()));
    } finally {
      builder.dispose();
      memory.dispose();
    }
  }, 120_000);
});
