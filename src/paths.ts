import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The framelens package root, found from this module's location (works from src/ and from dist/src/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'framelens') return dir;
    dir = dirname(dir);
  }
  throw new Error('framelens package root not found');
}

/** The lexicon used when none is given on the command line. */
export function defaultLexiconPath(): string {
  return join(packageRoot(), 'lexicons', 'conflict.yml');
}

export function webRoot(): string {
  return join(packageRoot(), 'web');
}
