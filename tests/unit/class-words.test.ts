/** Plain word sets of a lexicon's classes (src/analysis/class-words.ts), for rules that look one word up. */
import { describe, expect, it } from 'vitest';
import { classFirstWords, classMemberWords, classWords } from '../../src/analysis/class-words.js';
import { compileYaml } from '../helpers/lexicon.js';

const compiled = compileYaml(`lexicon: t
version: 1
referents:
  - { id: armed-groups, label: Armed groups }
classes:
  link: [backed by, loyal to, "(also) aligned with", "supported|funded by", Shiite Muslim]
  single: [Iran, Tehran, the Islamic Republic]
labels:
  - { id: g, referent: armed-groups, category: actor-label, weight: -1, patterns: ["militias {link} {single}"], rationale: a test label }
`);

describe('class word sets', () => {
  it('gives the words a member may begin with, each choice and both sides of an optional first part', () => {
    expect([...classFirstWords(compiled, 'link')].sort()).toEqual(['aligned', 'also', 'backed', 'funded', 'loyal', 'shiite', 'supported']);
  });

  it('gives the one-word members and every word of every member', () => {
    expect([...classWords(compiled, 'single')].sort()).toEqual(['iran', 'tehran']);
    expect(classMemberWords(compiled, 'single').has('islamic')).toBe(true);
  });

  it('gives empty sets for a class the lexicon does not declare', () => {
    expect(classFirstWords(compiled, 'none').size).toBe(0);
    expect(classWords(compiled, 'none').size).toBe(0);
  });
});
