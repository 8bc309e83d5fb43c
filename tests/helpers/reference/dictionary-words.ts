/**
 * The word splitter as first written (src/text/words.ts before its ASCII fast path): every character tested with the
 * Unicode regular expression, every word normalised with replacements. Kept to show the fast one splits the same.
 */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const JOINERS = new Set(["'", '’', '‘', 'ʼ', '-', '‐', '‑', '.']);

export function referenceDictionaryWords(text: string): { words: string[]; start: number[]; end: number[] } {
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
      if (i + 1 < n && JOINERS.has(text[i]) && WORD_CHAR.test(text[i + 1])) {
        i += 2;
        continue;
      }
      break;
    }
    words.push(text.slice(from, i).toLowerCase().replace(/[’‘ʼ]/g, "'").replace(/[‐‑]/g, '-'));
    start.push(from);
    end.push(i);
  }
  return { words, start, end };
}
