import { describe, expect, it } from 'vitest';
import { scanWords } from '../../src/analysis/voice/words.js';
import { seededRandom } from '../../src/stats/rng.js';

describe('scanWords', () => {
  it('gives each word the lowercase it has alone, however the range around it lowercases', () => {
    // scanWords lowercases the whole range once where that is safe: "İ" lengthens on lowercasing (the offsets would
    // shift), and "Σ" lowercases by what follows it (final "ς" at a word's end, "σ" before a letter — a period or an
    // apostrophe between does not count as an end for the range, but ends the word scanWords reads). The Kelvin sign
    // lowercases to an ASCII "k".
    const alphabet = ['A', 'q', 'Z', '7', "'", '’', '-', '.', ',', ';', ':', '“', '(', ' ', ' ', '\n', 'İ', 'Σ', 'ς', 'Ο', 'Δ', '\u212a', 'É', 'ж'];
    const random = seededRandom(14);
    for (let k = 0; k < 600; k++) {
      const length = Math.floor(random() * 60);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const from = Math.floor(random() * 4);
      for (const w of scanWords(text, from, text.length)) {
        expect(w.lower).toBe(text.slice(w.start, w.end).toLowerCase().replace(/\u2019/g, "'"));
      }
    }
  });

  it('reads a final sigma as the lone word has it, also before a period and a letter', () => {
    const words = scanWords('ΟΔΟΣ.Α and ΟΔΟΣ’Α İZMİR', 0, 23);
    expect(words.map((w) => w.lower)).toEqual(['οδος', 'α', 'and', "οδοσ'α", 'i̇zmi̇r']);
  });
});
