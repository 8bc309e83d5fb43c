/**
 * wordMatches finds what a word pattern's whole regular expression finds, in the same order, while compiling only
 * the words: boundaries, wildcard endings, case folding, surrogate pairs and hyphenated phrases.
 */
import { describe, expect, it } from 'vitest';
import { wordMatches, wordPattern } from '../../src/analysis/kwic.js';

const byRegex = (term: string, text: string) => {
  const p = wordPattern(term);
  if (!p) throw new Error(`no pattern for ${term}`);
  return [...text.matchAll(p.regex)].filter((m) => m[0] !== '').map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
};
const byWords = (term: string, text: string) => [...wordMatches(wordPattern(term) as NonNullable<ReturnType<typeof wordPattern>>, text)];

const TEXTS = [
  'The Drone strike hit a drone-maker; drones, DRONES and undrone things. drone2 and 2drone.',
  'Us forces, us  forces, us-forces and us–forces met US FORCES; bus forces and us forcesX stayed.',
  'Militias and militiamen: militia, MILITIA-led, paramilitia, militia\u0345 and \u0345militia.',
  'Strasse and STRAßE; ſtrike and strike; Kelvin \u212Aelvin kelvin; Σίσυφος σίσυφος.',
  'An astral 𝐀word and word𝐀 and 𝐀 word; 😀word😀 and word.',
  'The regime, the-regime, the – regime and theregime; a -- b and a ---b, a --bc and a - -b.',
  '',
];
const TERMS = ['drone', 'drone*', 'Drones', 'us forces', 'US-forces', 'militia*', 'militia', 'strike', 'straße', 'kelvin', 'σίσυφος', 'word', 'wo*', 'the regime', 'a --', 'a -b', '-b', 'a --b*', 'bc'];

describe('wordMatches', () => {
  it('finds what the whole pattern finds, on made-up texts with the edge cases', () => {
    for (const term of TERMS) for (const text of TEXTS) expect(byWords(term, text), `${term} in ${text}`).toEqual(byRegex(term, text));
  });

  it('agrees on random texts of letters, digits, dashes, spaces and folding characters', () => {
    const alphabet = ['a', 'b', 'A', 'B', '1', ' ', '  ', '-', '–', '\u0345', '𝐀', '\n', 'ſ', 's', 'S', 'k', '\u212A'];
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const terms = ['ab', 'a b', 'ab*', 'a-b', 'b a*', 'sk', 'SK*', 'a 1', 'ba', 'a -b', 'a --'];
    for (let k = 0; k < 400; k++) {
      const text = Array.from({ length: 5 + rand(40) }, () => alphabet[rand(alphabet.length)]).join('');
      for (const term of terms) expect(byWords(term, text), `${term} in ${JSON.stringify(text)}`).toEqual(byRegex(term, text));
    }
  });

  it('scans with the words alone except where a word starts with a dash', () => {
    expect(wordPattern('us forces')?.body).toBeDefined();
    expect(wordPattern('a -b')?.body).toBeUndefined();
  });
});
