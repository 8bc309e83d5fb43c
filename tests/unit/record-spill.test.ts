import { existsSync, readdirSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FileSpill, MemorySpill } from '../../src/report/record-spill.js';

const parent = mkdtempSync(join(tmpdir(), 'framelens-spill-test-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('record spill', () => {
  it('gives back every record in order, walk after walk, across chunk boundaries, long records and any text', () => {
    const spill = new FileSpill<{ k: number; s: string }>(parent);
    const records = Array.from({ length: 5000 }, (_, k) => ({
      k,
      // Multi-byte characters fall on chunk boundaries somewhere; one record is longer than a whole chunk (1 MB).
      s: k === 2500 ? 'é'.repeat(700_000) : `${'ü€𝄞\n"\\'.repeat(k % 40)}${k}`,
    }));
    for (const r of records) spill.push(r);
    expect(spill.length).toBe(5000);
    expect([...spill.records()]).toEqual(records);
    expect([...spill.records()]).toEqual(records);
    spill.dispose();
  });

  it('walks its records with one buffer: no new one per chunk read', () => {
    const spill = new FileSpill<{ k: number; s: string }>(parent);
    // ~8 MB of records of ~1,000 bytes: eight chunk reads, each ending inside a record.
    for (let k = 0; k < 8000; k++) spill.push({ k, s: `${k}`.padEnd(1000, 'x') });
    const made = [vi.spyOn(Buffer, 'allocUnsafe'), vi.spyOn(Buffer, 'alloc'), vi.spyOn(Buffer, 'concat'), vi.spyOn(Buffer, 'from')];
    try {
      let n = 0;
      for (const r of spill.records()) expect(r.k).toBe(n++);
      expect(n).toBe(8000);
      // One 1 MB buffer for the walk (until session 13 a new one per chunk read: garbage outside the JS heap).
      expect(made.reduce((sum, spy) => sum + spy.mock.calls.length, 0)).toBeLessThanOrEqual(1);
    } finally {
      for (const spy of made) spy.mockRestore();
      spill.dispose();
    }
  });

  it('two walks may run at once; a record added during a walk is refused; nothing is used after dispose', () => {
    const spill = new FileSpill<number>(parent);
    for (let k = 0; k < 100; k++) spill.push(k);
    const a = spill.records()[Symbol.iterator]();
    const b = spill.records()[Symbol.iterator]();
    expect([a.next().value, a.next().value, b.next().value, a.next().value, b.next().value]).toEqual([0, 1, 0, 2, 1]);
    expect(() => spill.push(100)).toThrow(/added while the records were being read/);
    a.return?.(undefined);
    b.return?.(undefined);
    spill.push(100);
    expect([...spill.records()].length).toBe(101);
    spill.dispose();
    expect(() => spill.push(1)).toThrow(/used after dispose/);
    expect(existsSync(parent)).toBe(true);
  });

  it('leaves no file behind, even when the process is killed: the file is used through its open descriptor', () => {
    const spill = new FileSpill<number>(parent);
    for (let k = 0; k < 50_000; k++) spill.push(k);
    expect(readdirSync(parent)).toEqual([]);
    expect([...spill.records()].length).toBe(50_000);
    spill.dispose();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('in memory: the same contract', () => {
    const spill = new MemorySpill<number>();
    for (let k = 0; k < 10; k++) spill.push(k);
    expect(spill.length).toBe(10);
    expect([...spill.records()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
