/**
 * A `.yml` given as a lexicon can be a framelens framing lexicon or a quanteda category dictionary. A framelens
 * lexicon always has the top-level keys `lexicon:` and `referents:`; a quanteda dictionary is a mapping of category
 * names, where those two keys together would be an odd coincidence.
 */
export function isFramelensLexiconText(text: string): boolean {
  const topKeys = new Set<string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (m) topKeys.add(m[1]);
  }
  return topKeys.has('lexicon') && (topKeys.has('referents') || topKeys.has('labels'));
}
