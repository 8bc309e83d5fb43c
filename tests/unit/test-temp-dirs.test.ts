import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pendingTempDirs, removeTempDirs, tempDir } from '../helpers/temp.js';

describe("tests' temporary directories", () => {
  it('are tracked when made and removed with their contents', () => {
    const dir = tempDir('fl-temp-check-');
    writeFileSync(join(dir, 'x.txt'), 'x');
    expect(pendingTempDirs()).toContain(dir);
    removeTempDirs();
    expect(existsSync(dir)).toBe(false);
    expect(pendingTempDirs()).toHaveLength(0);
  });

  it('made in a test file are removed by the setup file once it ends (the tracking is the one tests/setup.ts sees)', async () => {
    // The setup file and this file share the helper module: a directory made here is in the list its afterAll empties.
    const setup = await import('../helpers/temp.js');
    const dir = tempDir('fl-temp-check-');
    expect(setup.pendingTempDirs()).toContain(dir);
  });
});
