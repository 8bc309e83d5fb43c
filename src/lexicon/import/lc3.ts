/**
 * Lexicoder `.lc3`: a line "+category" (optionally "+category#colour", e.g. "+NEGATIVE#ff0000") starts a category;
 * its entries follow, one per line, indented by one space. Entries may end in a "*" glob and may be multiword.
 */
import { ProblemList } from './errors.js';
import { splitLines, squash, type ParsedDictionary } from './types.js';

export function parseLc3(text: string, file: string): ParsedDictionary {
  const problems = new ProblemList(file);
  const out: ParsedDictionary = { categories: [], terms: [], skipped: [] };
  let category: string | undefined;
  splitLines(text).forEach((raw, i) => {
    if (raw.trim() === '') return;
    if (raw.startsWith('+')) {
      let name = raw.slice(1).trim();
      const hash = name.lastIndexOf('#');
      if (hash >= 0 && /^[\p{L}\p{N}_-]*$/u.test(name.slice(hash + 1).trim())) name = name.slice(0, hash).trim();
      name = squash(name);
      if (name === '') {
        problems.add(i + 1, 'a "+" category line needs a name, e.g. "+NEGATIVE" or "+NEGATIVE#ff0000"');
        category = undefined;
        return;
      }
      if (out.categories.includes(name)) problems.add(i + 1, `category "${name}" is started twice; merge its entries under one "+${name}" line`);
      category = name;
      out.categories.push(name);
      return;
    }
    const entry = squash(raw);
    if (category === undefined) {
      if (out.categories.length === 0 && problems.items.length === 0) {
        problems.add(i + 1, `"${entry}" comes before any category: a Lexicoder .lc3 file starts each category with a line "+NAME", followed by its entries indented by one space`);
      }
      return;
    }
    out.terms.push({ category, source: entry, pattern: entry, line: i + 1 });
  });
  if (out.categories.length === 0 && problems.items.length === 0) problems.add(1, 'no categories: a Lexicoder .lc3 file needs lines "+NAME" that start categories');
  problems.throwIfAny();
  return out;
}
