/**
 * Bad lexicon input (issue 11): any YAML failure is "invalid lexicon" with file and line and exit 2; one spelling in
 * two labels is an error in `lexicon check` and a warning in `analyze`, naming both labels.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { LexiconError } from '../../src/lexicon/errors.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('framelens-lex-');
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const HEAD = `lexicon: t
version: 1
referents:
  - { id: iran, label: Iran }
`;
// Each level multiplies by nine: a few hundred bytes that would expand to millions of nodes.
const BOMB = `${HEAD}a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
labels: []
`;
const TWICE_A = `${HEAD}labels:
  - { id: iran-backed, referent: iran, category: actor-label, weight: -1, patterns: [Iran-backed groups], rationale: first label here }
`;
const TWICE_B = `lexicon: u
version: 1
labels:
  - { id: iran-proxies, referent: iran, category: actor-label, weight: -2, patterns: [Iran backed groups], rationale: second label here }
`;

describe('lexicon bad input', () => {
  it('turns a YAML alias bomb into a lexicon error with file and line', () => {
    const file = write('bomb.yml', BOMB);
    let error: unknown;
    try {
      loadLexicons([file]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LexiconError);
    expect((error as LexiconError).message).toMatch(new RegExp(`bomb\\.yml:6:1: YAML aliases expand too far`));
  });

  it('exits 2 with "invalid lexicon", not a stack trace, for an alias bomb', async () => {
    const file = write('bomb2.yml', BOMB);
    const res = await runCli(['lexicon', 'check', file]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/invalid lexicon:\n.*bomb2\.yml:6:1: YAML aliases expand too far/);
    expect(res.stderr).not.toMatch(/ReferenceError|at .*\.ts:/);
  });

  it('lexicon check refuses one spelling in two labels across files, naming both', async () => {
    const a = write('a.yml', TWICE_A);
    const b = write('b.yml', TWICE_B);
    const res = await runCli(['lexicon', 'check', a, b]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/b\.yml:4:1: pattern "Iran backed groups" of label "iran-proxies" \(weight -2\) is also claimed by label "iran-backed" \(weight -1\)/);
  });

  it('analyze warns about it, naming both labels, and goes on', async () => {
    const a = write('a2.yml', TWICE_A);
    const b = write('b2.yml', TWICE_B);
    const text = write('doc.txt', 'Iran-backed groups fired rockets.');
    const res = await runCli(['analyze', text, '--lexicon', a, '--lexicon', b, '--default-outlet', 'x', '--format', 'json']);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/warning: .*"iran-proxies".*"iran-backed"/);
  });

  it('lexicon check passes the default lexicon and counts its word classes', async () => {
    const res = await runCli(['lexicon', 'check', 'lexicons/conflict.yml']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/\d+ word classes/);
  });
});
