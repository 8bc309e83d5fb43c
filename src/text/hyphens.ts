/**
 * The characters that glue the parts of a compound word ("Iran-backed", "pro-Iranian", "Israel–Gaza"): the ASCII
 * hyphen-minus, the Unicode hyphens wink-nlp keeps as tokens of their own (U+2010 hyphen, U+2011 non-breaking hyphen,
 * U+2012 figure dash, U+FE63 small hyphen-minus, U+FF0D fullwidth hyphen-minus) and the en dash scraped pages use
 * between two names. One list, so the matcher, the label rules and the resolver agree on what a compound is.
 */
export const HYPHEN_CHARS = '-\u2010\u2011\u2012\u2013\uFE63\uFF0D';

const ONE_HYPHEN = new RegExp(`^[${HYPHEN_CHARS}]$`);
const HYPHEN_CHAR = new RegExp(`[${HYPHEN_CHARS}]`);

/** Whether the text between two units is exactly one hyphen: the two are parts of one compound word. */
export function isHyphenGlue(glue: string): boolean {
  return ONE_HYPHEN.test(glue);
}

/** Whether one character is a hyphen. */
export function isHyphenChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && HYPHEN_CHAR.test(ch);
}
