import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicons, parseLexicon } from '../../src/lexicon/load.js';
import { LexiconError } from '../../src/lexicon/errors.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { thrownBy } from '../helpers/errors.js';
import { tempDir } from '../helpers/temp.js';

const valid = `lexicon: test
version: 1.0.0
referents:
  - id: us-forces
    label: US forces
labels:
  - id: occupiers
    referent: us-forces
    category: actor-label
    weight: -2
    patterns: [occupier, occupation forces]
    rationale: Calls the troops occupiers.
`;

const problemsOf = (text: string): LexiconError => thrownBy(LexiconError, () => parseLexicon(text, 'bad.yml'));

describe('lexicon loader', () => {
  it('loads a valid lexicon with its source and sha256', () => {
    const dir = tempDir('fl-lex-');
    const file = join(dir, 'ok.yml');
    writeFileSync(file, valid);
    const lex = loadLexicons([file]);
    expect(lex.sources[0]).toMatchObject({ name: 'test', version: '1.0.0', file });
    expect(lex.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lex.entries).toHaveLength(1);
    expect(lex.entries[0]).toMatchObject({ kind: 'label', id: 'occupiers', weight: -2, referent: 'us-forces' });
    expect(lex.entries[0].patterns.map((p) => p.source)).toEqual(['occupier', 'occupation forces']);
  });

  it('reports a YAML syntax error with line and column', () => {
    const err = problemsOf('lexicon: x\nversion: 1\nreferents: [a, b\nlabels: []\n');
    expect(err.file).toBe('bad.yml');
    expect(err.line).toBeGreaterThan(0);
    expect(err.message).toMatch(/^bad\.yml:\d+:\d+: YAML syntax/);
  });

  it('names the line of a weight out of range and of an unknown referent', () => {
    const text = valid.replace('weight: -2', 'weight: -5').replace('referent: us-forces', 'referent: us-troops');
    const err = problemsOf(text);
    const messages = err.problems.map((p) => `${p.line}:${p.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^10:"weight" must be a number from -2 to \+2/));
    expect(messages).toContainEqual(expect.stringMatching(/^8:unknown referent "us-troops"/));
  });

  it('rejects unknown fields, missing rationale, duplicate ids and bad wildcards', () => {
    const text = `${valid}  - id: occupiers
    referent: us-forces
    category: actor-label
    weight: -1
    patterns: ["oc*", "a*b"]
    colour: red
`;
    const err = problemsOf(text);
    const all = err.problems.map((p) => p.message).join('\n');
    expect(all).toMatch(/unknown field "colour"/);
    expect(all).toMatch(/needs a "rationale"/);
    expect(all).toMatch(/wildcard "oc\*" needs at least 3 letters/);
    expect(all).toMatch(/"\*" may only end a word/);
    expect(all).toMatch(/id "occupiers" is used twice/);
    expect(err.problems.every((p) => p.line !== undefined)).toBe(true);
  });

  it('rejects a missing file and non-UTF-8 bytes with the file name', () => {
    expect(() => loadLexicons(['/nonexistent/lex.yml'])).toThrow(/\/nonexistent\/lex\.yml: cannot read lexicon: file not found/);
    const dir = tempDir('fl-lex-');
    const file = join(dir, 'latin1.yml');
    writeFileSync(file, Buffer.from([0x6c, 0x65, 0x78, 0x3a, 0x20, 0xe9, 0xff, 0x0a]));
    expect(() => loadLexicons([file])).toThrow(/not valid UTF-8/);
  });

  it('rejects a pattern with punctuation between words', () => {
    expect(() => parseLexicon(valid.replace('occupation forces', '"occupation, forces"'), 'p.yml')).toThrow(/p\.yml:11:\d+: pattern "occupation, forces".*punctuation/);
  });

  it('compiles patterns into a trie and counts them', () => {
    expect(compileLexicon(parseLexicon(valid)).patternCount).toBe(2);
  });

  it('rejects ids that clash across two lexicons', () => {
    const dir = tempDir('fl-lex-');
    const a = join(dir, 'a.yml');
    const b = join(dir, 'b.yml');
    writeFileSync(a, valid);
    writeFileSync(b, valid.replace('lexicon: test', 'lexicon: other'));
    expect(() => loadLexicons([a, b])).toThrow(/already defined in .*a\.yml/);
  });
});

describe('word classes the analyzer reads word by word', () => {
  it('names the line of a member of several words, an alternation or a wildcard in such a class', () => {
    const text = `${valid}classes:
  thing-noun:
    members: [site, fuel depot, "base|bases"]
  event-noun: [raid, "strike*"]
  group-noun: [armed group]
`;
    const messages = problemsOf(text).problems.map((p) => `${p.line}:${p.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^\d+:member "fuel depot" of class "thing-noun": the analyzer reads this class word by word/));
    expect(messages).toContainEqual(expect.stringMatching(/member "base\|bases" of class "thing-noun"/));
    expect(messages).toContainEqual(expect.stringMatching(/member "strike\*" of class "event-noun"/));
    // A class that patterns use may hold phrases.
    expect(messages.some((m) => m.includes('group-noun'))).toBe(false);
    expect(messages).toHaveLength(3);
  });

  it('reads the framing adjectives word by word too (match.ts compares one word after a name)', () => {
    const text = `${valid}classes:
  framing-adjective: [terrorist, terror group]
`;
    const messages = problemsOf(text).problems.map((p) => p.message);
    expect(messages).toEqual([expect.stringMatching(/member "terror group" of class "framing-adjective": the analyzer reads this class word by word/)]);
  });
});
