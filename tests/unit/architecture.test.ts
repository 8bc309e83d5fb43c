/**
 * Dependencies point down (docs/architecture.md): a layer never imports one above it. The rules are a table so that
 * a new module gets a row, and a violation names the file and the import that broke the rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** Layer → the layers it must never import. A layer is the first folder under src/ ('' for files at src/). */
const FORBIDDEN: Record<string, string[]> = {
  text: ['nlp', 'analysis', 'lexicon', 'corpus', 'stats', 'report', 'store', 'server', 'cli', 'worker', 'validate', 'dictionary', 'suggest'],
  nlp: ['analysis', 'lexicon', 'corpus', 'stats', 'report', 'store', 'server', 'cli', 'worker', 'validate'],
  lexicon: ['corpus', 'analysis', 'stats', 'report', 'store', 'server', 'cli', 'worker', 'validate'],
  corpus: ['lexicon', 'analysis', 'stats', 'report', 'store', 'server', 'cli', 'worker', 'validate'],
  analysis: ['stats', 'report', 'store', 'server', 'cli', 'worker', 'validate'],
  stats: ['report', 'store', 'server', 'cli', 'validate'],
  report: ['store', 'server', 'cli'],
  validate: ['store', 'server', 'cli'],
  dictionary: ['analysis', 'stats', 'report', 'store', 'server', 'cli', 'worker', 'validate', 'suggest'],
  suggest: ['report', 'store', 'server', 'cli'],
  store: ['server', 'cli'],
  worker: ['server', 'cli'],
  server: ['cli'],
};

/** Packages that only one layer may talk to. */
const PACKAGE_OWNERS: Record<string, string> = {
  'wink-nlp': 'nlp',
  'wink-eng-lite-web-model': 'nlp',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function layerOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0] : '';
}

/** Static imports, re-exports and dynamic imports with a literal specifier; `import type` counts too (it still couples the layers). */
function importsOf(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/g)) specs.push(m[1]);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) specs.push(m[1]);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const layer = layerOf(file);
    const text = readFileSync(file, 'utf8');
    for (const spec of importsOf(text)) {
      const where = `${relative(process.cwd(), file)} imports '${spec}'`;
      if (spec.startsWith('.')) {
        const target = layerOf(resolve(dirname(file), spec));
        if (target !== layer && (FORBIDDEN[layer] ?? []).includes(target)) found.push(`${where}: ${layer} must not import ${target}`);
      } else {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        const owner = PACKAGE_OWNERS[pkg];
        if (owner !== undefined && owner !== layer) found.push(`${where}: only src/${owner} talks to ${pkg}`);
      }
    }
  }
  return found;
}

describe('dependency rules', () => {
  it('finds the imports it checks (the scanner is not blind)', () => {
    expect(importsOf("import { a } from './x.js';\nimport type { B } from '../y/z.js';\nexport { c } from './c.js';\nconst m = await import('./d.js');"))
      .toEqual(['./x.js', '../y/z.js', './c.js', './d.js']);
    expect(sourceFiles(SRC).length).toBeGreaterThan(50);
    expect(layerOf(join(SRC, 'analysis', 'analyze.ts'))).toBe('analysis');
  });

  it('has no import that points up', () => {
    expect(violations()).toEqual([]);
  });
});

describe('the command line entry point', () => {
  it('is imported by no command: each command carries its own help, so there is no cycle through main.ts', () => {
    const cli = join(SRC, 'cli');
    const offenders = sourceFiles(cli)
      .filter((file) => !file.endsWith(`${sep}main.ts`))
      .filter((file) => importsOf(readFileSync(file, 'utf8')).some((spec) => /(^|\/)main\.js$/.test(spec)))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
