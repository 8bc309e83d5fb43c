/**
 * The pattern language (lexicons/README.md "Pattern language"), parsed without the tokenizer so that the loader can
 * report problems without loading the NLP model. The compiler turns parsed patterns into token sequences.
 *
 *   militia                      a word (lowercase words also match their inflections)
 *   occupier*                    a suffix wildcard
 *   backed|supported             one of several words
 *   (also)  (is|are)             an optional part (one or more words, no classes inside)
 *   {patron}                     one phrase of the class "patron" (declared under `classes:`)
 *   {descriptor?}                zero or one phrase of the class
 *   {descriptor:0-2}             zero to two phrases of the class (at most MAX_CLASS_REPEAT)
 *   {patron}-backed  pro-{patron}  {patron}'s   a class glued to words, as written in texts
 */

const MIN_WILDCARD_PREFIX = 3;
/** A class slot may repeat at most this often, which keeps matching linear in the text. */
export const MAX_CLASS_REPEAT = 3;
/** Alternatives and optional parts multiply; past this many spellings a class is the clearer way to write it. */
export const MAX_EXPANSIONS = 64;
export const CLASS_NAME_RE = /^[a-z][a-z0-9-]*$/;

/**
 * `glue` is set on a piece written against the one before it, without a space ("{patron}-backed", "{patron}'s"): the
 * characters between them ("-" or ""). The matcher ignores it (a hyphen is punctuation to the tokenizer); the
 * lexicon export needs it to write "iran-backed" as the one word dictionary tools see.
 */
export type PatternPiece =
  | { kind: 'words'; alternatives: string[]; optional: boolean; glue?: string }
  | { kind: 'class'; name: string; min: number; max: number; glue?: string };

/** One parsed pattern: a sequence of pieces. Text pieces hold the words as written (tokenized by the compiler). */
export interface ParsedPattern {
  pieces: PatternPiece[];
  classes: string[];
}

function checkWord(word: string, plain = false): string | null {
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
  if ((plain ? /[,;:!()"“”«»/]/ : /[,;:!"“”«»/]/).test(word)) {
    return `"${word}" contains punctuation; matches never cross punctuation, so write the words without it`;
  }
  if (plain && /[?[\]{}|\\]/.test(word)) return `"${word}" contains ? [ ] { } | or \\, which patterns do not support (only a trailing * wildcard)`;
  if (/[?[\]\\]/.test(word)) return `"${word}" contains ? [ ] or \\, which patterns do not support`;
  return null;
}

function parseClassRef(body: string): { name: string; min: number; max: number } | string {
  const m = /^([^:?]+)(\?|:(\d+)-(\d+))?$/.exec(body.trim());
  if (!m) return `"{${body}}" is not a class reference: write {name}, {name?} or {name:0-2}`;
  const name = m[1].trim();
  if (!CLASS_NAME_RE.test(name)) return `class name "${name}" must be lowercase letters, digits and - (starting with a letter)`;
  if (m[2] === '?') return { name, min: 0, max: 1 };
  if (m[3] === undefined) return { name, min: 1, max: 1 };
  const min = Number(m[3]);
  const max = Number(m[4]);
  if (max < 1 || min > max) return `"{${body}}": the range must be like 0-2 (at least as many as "from", and at least 1)`;
  if (max > MAX_CLASS_REPEAT) return `"{${body}}": a class may repeat at most ${MAX_CLASS_REPEAT} times, so that matching stays fast`;
  return { name, min, max };
}

/** Splits a pattern into space-separated items, keeping "( … )" groups together. */
function splitItems(source: string): Array<{ text: string; optional: boolean }> | string {
  const items: Array<{ text: string; optional: boolean }> = [];
  let i = 0;
  const s = source.trim();
  while (i < s.length) {
    if (/\s/.test(s[i])) {
      i++;
      continue;
    }
    if (s[i] === '(') {
      const close = s.indexOf(')', i);
      if (close < 0) return 'has "(" without ")": an optional part is written (word) or (word word)';
      const inner = s.slice(i + 1, close);
      if (inner.includes('(')) return 'optional parts cannot be nested';
      if (!inner.trim()) return 'has an empty optional part "()"';
      items.push({ text: inner.trim(), optional: true });
      i = close + 1;
      if (i < s.length && !/\s/.test(s[i])) return `write a space after the optional part "(${inner})"`;
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s[j]) && s[j] !== '(') j++;
    const word = s.slice(i, j);
    if (word.includes(')')) return `has ")" without "(" in "${word}"`;
    items.push({ text: word, optional: false });
    i = j;
    if (i < s.length && s[i] === '(') return `write a space before the optional part in "${s.slice(i - word.length, i + 1)}…"`;
  }
  return items;
}

/** Parses a pattern; returns a description of what is wrong instead when it is not valid. */
export function parsePattern(source: string, allowClasses = true): ParsedPattern | string {
  if (!source.trim()) return 'is empty';
  const items = splitItems(source);
  if (typeof items === 'string') return items;
  const pieces: PatternPiece[] = [];
  const classes: string[] = [];
  let expansions = 1;
  for (const item of items) {
    if (item.optional) {
      if (/[{}]/.test(item.text)) return `"(${item.text})": write an optional class as {name?}, not inside ( )`;
      for (const w of item.text.split(/\s+/)) {
        for (const alt of w.split('|')) {
          if (!alt) return `"(${item.text})" has an empty alternative around "|"`;
          const problem = checkWord(alt);
          if (problem) return problem;
        }
      }
      // An optional group of several words is one unit: all of it or none of it; "|" inside splits whole words only.
      const words = item.text.split(/\s+/);
      if (words.length > 1 && words.some((w) => w.includes('|'))) {
        return `"(${item.text})": "|" may separate single words only; use a class for alternative phrases`;
      }
      const alternatives = words.length > 1 ? [item.text] : words[0].split('|');
      pieces.push({ kind: 'words', alternatives, optional: true });
      expansions *= alternatives.length + 1;
    } else {
      // A word may glue class references to text: "{patron}-backed", "pro-{patron}", "{patron}'s".
      const re = /\{([^{}]*)\}/g;
      let last = 0;
      let m: RegExpExecArray | null;
      const parts: Array<{ text: string } | { ref: string }> = [];
      while ((m = re.exec(item.text))) {
        if (m.index > last) parts.push({ text: item.text.slice(last, m.index) });
        parts.push({ ref: m[1] });
        last = m.index + m[0].length;
      }
      if (last < item.text.length) parts.push({ text: item.text.slice(last) });
      // Pieces of this item after its first are glued to the one before; a hyphen between them is the glue.
      let glue: string | undefined;
      for (const part of parts) {
        if ('ref' in part) {
          if (!allowClasses) return `class members cannot refer to classes ("{${part.ref}}")`;
          const ref = parseClassRef(part.ref);
          if (typeof ref === 'string') return ref;
          pieces.push(glue === undefined ? { kind: 'class', ...ref } : { kind: 'class', ...ref, glue });
          glue = '';
          if (!classes.includes(ref.name)) classes.push(ref.name);
          continue;
        }
        if (/[{}]/.test(part.text)) return `"${item.text}" has an unmatched "{" or "}"`;
        // Glue between a class and a word ("-" in "{patron}-backed") is punctuation the tokenizer drops.
        const text = part.text.replace(/^[-‐‑–]+|[-‐‑–]+$/g, '');
        if (glue !== undefined && text !== part.text && /^[-‐‑–]/.test(part.text)) glue = '-';
        if (!text) continue;
        const alternatives = text.split('|');
        if (alternatives.some((a) => !a)) return `"${item.text}" has an empty alternative around "|"`;
        for (const alt of alternatives) {
          const problem = checkWord(alt);
          if (problem) return problem;
        }
        pieces.push(glue === undefined ? { kind: 'words', alternatives, optional: false } : { kind: 'words', alternatives, optional: false, glue });
        glue = /[-‐‑–]$/.test(part.text) ? '-' : '';
        expansions *= alternatives.length;
      }
    }
    if (expansions > MAX_EXPANSIONS) {
      return `has more than ${MAX_EXPANSIONS} spellings once its alternatives and optional parts are spelled out; declare a class instead`;
    }
  }
  if (!pieces.some((p) => p.kind === 'words' ? !p.optional : p.min > 0)) return 'has no required word: everything in it is optional';
  return { pieces, classes };
}

/**
 * Returns a description of what is wrong with a pattern, or null when it is valid. `plain` (the default, for
 * patterns converted from other dictionary formats, which do not mean our syntax) allows words and trailing
 * wildcards only; `lexicon` allows the whole pattern language.
 */
export function checkPatternSyntax(source: string, mode: 'plain' | 'lexicon' | 'class-member' = 'plain'): string | null {
  if (mode === 'plain') {
    const words = source.trim().split(/\s+/);
    if (words.length === 0 || words[0] === '') return 'is empty';
    for (const word of words) {
      const problem = checkWord(word, true);
      if (problem) return problem;
    }
    return null;
  }
  const parsed = parsePattern(source, mode === 'lexicon');
  return typeof parsed === 'string' ? parsed : null;
}

/** Every spelling of the text pieces of a pattern: optional parts and "|" alternatives written out (classes kept). */
export function expandPieces(pieces: PatternPiece[]): Array<Array<{ text: string } | { name: string; min: number; max: number }>> {
  let out: Array<Array<{ text: string } | { name: string; min: number; max: number }>> = [[]];
  for (const piece of pieces) {
    if (piece.kind === 'class') {
      out = out.map((seq) => [...seq, { name: piece.name, min: piece.min, max: piece.max }]);
      continue;
    }
    const next: typeof out = [];
    for (const seq of out) {
      if (piece.optional) next.push(seq);
      for (const alt of piece.alternatives) next.push([...seq, { text: alt }]);
    }
    out = next;
  }
  return out;
}
