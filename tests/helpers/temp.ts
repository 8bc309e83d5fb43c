/**
 * Temporary directories for tests, removed when the test file ends (tests/setup.ts registers the removal), so a
 * test run leaves nothing behind in the system's temporary directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new empty directory under the system's temporary directory, named `<prefix>XXXXXX`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** How many directories made by `tempDir` are still waiting to be removed (for the cleanup's own test). */
export function pendingTempDirs(): readonly string[] {
  return made;
}

/** Removes every directory `tempDir` made so far, with its contents. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
