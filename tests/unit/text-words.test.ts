import { describe, expect, it } from 'vitest';
import { dictionaryWords } from '../../src/text/words.js';
import { seededRandom } from '../../src/stats/rng.js';
import { referenceDictionaryWords } from '../helpers/reference/dictionary-words.js';

describe('dictionaryWords', () => {
  it('splits and normalises as dictionary tools do', () => {
    expect(dictionaryWords('Iran‑backed “militias” don’t stop; U.S. forces, rebels’ 2024 ÉLAN café').words)
      .toEqual(['iran-backed', 'militias', "don't", 'stop', 'u.s', 'forces', 'rebels', '2024', 'élan', 'café']);
  });

  it('gives what the plain Unicode splitter gives, on random text of every kind of character', () => {
    // ASCII letters, digits, joiners and punctuation; accented and non-Latin letters; curly quotes and Unicode
    // hyphens; combining marks; a surrogate pair (never a word character, unit by unit); spaces and line breaks.
    const alphabet = ['a', 'Z', 'q', '7', '0', "'", '’', '‘', 'ʼ', '-', '‐', '‑', '.', ',', '“', '”', ' ', ' ', '\n', 'É', 'ß', 'ж', 'ع', '\u0301', '😀', '𝐀', '_', '(', '—'];
    const random = seededRandom(3);
    for (let k = 0; k < 400; k++) {
      const length = Math.floor(random() * 80);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(dictionaryWords(text)).toEqual(referenceDictionaryWords(text));
    }
  });

  it('lowercases ASCII words from the text lowercased once, also where a character lowercases to two units', () => {
    // "İ" lowercases to two UTF-16 units (the offsets of the lowercased text shift after it); "Σ" depends on its
    // neighbours; the Kelvin sign lowercases to an ASCII "k"; capitals make lowercasing matter at all.
    const alphabet = ['A', 'Q', 'w', '7', "'", '-', '.', ' ', ' ', '\n', 'İ', 'Σ', 'ς', '\u212a', 'É', ',', '’'];
    const random = seededRandom(8);
    for (let k = 0; k < 400; k++) {
      const length = Math.floor(random() * 60);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(dictionaryWords(text)).toEqual(referenceDictionaryWords(text));
    }
    expect(dictionaryWords('İstanbul SAYS Hello WORLD').words).toEqual(referenceDictionaryWords('İstanbul SAYS Hello WORLD').words);
    expect(dictionaryWords('İ HELLO World').words).toEqual(['i̇', 'hello', 'world']);
  });
});
