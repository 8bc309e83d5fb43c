/**
 * The measurement of same-event grouping (bench/events-devset.ts, `npm run eval:events`): it runs from the repository
 * alone (the licensed texts absent), says which texts are missing, and, where the dev texts are at hand
 * ($FRAMELENS_DEVSET_DIR), reproduces the figures README gives.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../bench/events-devset.js';
import { tempDir } from '../helpers/temp.js';

describe('bench/events-devset', () => {
  let log: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => log.mockRestore());

  it('runs on the open texts only and says how many dev texts are missing', async () => {
    const empty = tempDir('framelens-no-texts-');
    const m = await main(empty);
    expect(m.present).toBeGreaterThan(0);
    expect(m.missing.length).toBeGreaterThan(30);
    const printed = log.mock.calls.map((c: unknown[]) => String(c[0])).join('\n');
    expect(printed).toMatch(/of 38 dev texts are missing .*the figures below count only pairs of the texts present/);
    expect(printed).toMatch(/^now \(day from the text, casualty figures\): precision/m);
  });

  const texts = process.env.FRAMELENS_DEVSET_DIR;
  it.runIf(texts !== undefined && existsSync(texts ?? ''))('gives the README figures on the 38 dev articles', async () => {
    const m = await main(texts);
    expect(m.missing).toEqual([]);
    expect(m.present).toBe(38);
    // README: precision 0.94 and recall 0.89 (0.75 and 0.17 before).
    expect(m.now.precision!).toBeCloseTo(0.941, 3);
    expect(m.now.recall!).toBeCloseTo(0.889, 3);
    expect(m.before.precision!).toBeCloseTo(0.75, 3);
    expect(m.before.recall!).toBeCloseTo(0.167, 3);
  });
});
