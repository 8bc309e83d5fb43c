/**
 * Pattern syntax checks, independent of the tokenizer (so the loader can report problems without loading the NLP
 * model). The compiler turns valid patterns into token sequences.
 */

const MIN_WILDCARD_PREFIX = 3;

/** Returns a description of what is wrong with a pattern, or null when it is valid. */
export function checkPatternSyntax(source: string): string | null {
  const words = source.trim().split(/\s+/);
  if (words.length === 0 || words[0] === '') return 'is empty';
  for (const word of words) {
    const star = word.indexOf('*');
    if (star >= 0 && star !== word.length - 1) {
      return `"*" may only end a word (a suffix wildcard), found in "${word}"`;
    }
    if (star >= 0) {
      const prefix = word.slice(0, -1).split(/[-‐‑–]/).pop() ?? '';
      const letters = prefix.replace(/[^\p{L}\p{N}]/gu, '');
      if (letters.length < MIN_WILDCARD_PREFIX) {
        return `wildcard "${word}" needs at least ${MIN_WILDCARD_PREFIX} letters before "*" so that it cannot match unrelated words`;
      }
    }
    if (/[,;:!()"“”«»/]/.test(word)) {
      return `"${word}" contains punctuation; matches never cross punctuation, so write the words without it`;
    }
    if (/[?\[\]{}|\\]/.test(word)) return `"${word}" contains ? [ ] { } | or \\, which patterns do not support (only a trailing * wildcard)`;
  }
  return null;
}
