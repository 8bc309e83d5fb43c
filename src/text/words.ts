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
const JOINERS = new Set(["'", '’', '‘', 'ʼ', '-', '‐', '‑', '.']);

export function dictionaryWords(text: string): Words {
  const words: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!WORD_CHAR.test(text[i])) {
      i++;
      continue;
    }
    const from = i;
    i++;
    for (;;) {
      while (i < n && WORD_CHAR.test(text[i])) i++;
      // A joiner counts only with a word character on both sides: "U.S." ends at "S", "rebels'" at "s".
      if (i + 1 < n && JOINERS.has(text[i]) && WORD_CHAR.test(text[i + 1])) {
        i += 2;
        continue;
      }
      break;
    }
    words.push(normalizeWord(text.slice(from, i)));
    start.push(from);
    end.push(i);
  }
  return { words, start, end };
}

/** The form a dictionary entry and a text word are compared in. */
export function normalizeWord(s: string): string {
  return s.toLowerCase().replace(/[’‘ʼ]/g, "'").replace(/[‐‑]/g, '-');
}
