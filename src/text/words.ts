/**
 * Words for category dictionaries, split the way dictionary tools split them rather than the way wink-nlp does:
 * a word is a run of letters, digits and marks; an apostrophe, hyphen or period between two such characters stays
 * inside the word ("don't", "Iran-backed", "U.S"), so a dictionary entry "don't" or "anti-war" can match at all
 * (wink-nlp splits "don't" into "do" + "n't"). Curly apostrophes become straight ones and everything is lowercased,
 * as LIWC and quanteda (case_insensitive = TRUE) compare.
 */

export interface Words {
  /** Lowercased words, curly apostrophes made straight. */
  words: string[];
  /** UTF-16 offsets of each word in the text. */
  start: number[];
  end: number[];
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Apostrophes (' ’ ‘ ʼ), hyphens (- ‐ ‑) and the period: a joiner stays inside a word between two word characters. */
function isJoinerCode(c: number): boolean {
  return c === 0x27 || c === 0x2d || c === 0x2e || c === 0x2019 || c === 0x2018 || c === 0x2bc || c === 0x2010 || c === 0x2011;
}

/**
 * WORD_CHAR for the UTF-16 unit `c` at `i`: ASCII letters and digits by their code (most of an English text), anything
 * else by the regular expression on that one unit, as before (a unit of a surrogate pair is never a word character).
 */
function isWordCode(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(text[i]);
}

export function dictionaryWords(text: string): Words {
  const words: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const n = text.length;
  // The text lowercased once: an ASCII-only word is then a slice of it, where lowercasing each word was a call and a
  // second string per word. Lowercasing maps ASCII to ASCII whatever surrounds it, and no character lowercases to
  // fewer UTF-16 units, so when the lengths agree (one "İ", which lowercases to two, makes them differ) every
  // offset in `lower` is the offset in `text`.
  const lower = text.toLowerCase();
  const aligned = lower.length === n;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (!isWordCode(first, text, i)) {
      i++;
      continue;
    }
    const from = i;
    // Whether the word has a character outside ASCII: only then can normalizeWord have more to do than lowercase.
    let wide = first >= 128;
    i++;
    for (;;) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (!isWordCode(c, text, i)) break;
        if (c >= 128) wide = true;
        i++;
      }
      // A joiner counts only with a word character on both sides: "U.S." ends at "S", "rebels'" at "s".
      if (i + 1 < n && isJoinerCode(text.charCodeAt(i))) {
        const next = text.charCodeAt(i + 1);
        if (isWordCode(next, text, i + 1)) {
          if (text.charCodeAt(i) >= 128 || next >= 128) wide = true;
          i += 2;
          continue;
        }
      }
      break;
    }
    words.push(wide ? normalizeWord(text.slice(from, i)) : aligned ? lower.slice(from, i) : text.slice(from, i).toLowerCase());
    start.push(from);
    end.push(i);
  }
  return { words, start, end };
}

/** The form a dictionary entry and a text word are compared in. */
export function normalizeWord(s: string): string {
  const lower = s.toLowerCase();
  // Most words that reach here have only a letter outside ASCII: no replace to run (two regex passes per word).
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x2019 || c === 0x2018 || c === 0x2bc || c === 0x2010 || c === 0x2011) {
      return lower.replace(/[’‘ʼ]/g, "'").replace(/[‐‑]/g, '-');
    }
  }
  return lower;
}

const LETTER = /\p{L}/u;

/**
 * Whether the word has a letter (\p{L}), as the keyness and opening counts ask of every word: ASCII letters by their
 * code, which settles nearly every English word at its first character; a word that reaches a non-ASCII character
 * before any ASCII letter is tested whole by the Unicode property.
 */
export function hasLetter(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return LETTER.test(w);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  }
  return false;
}
