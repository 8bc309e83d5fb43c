/**
 * LIWC `.dic`: a header between two `%` lines maps category numbers to names ("1<TAB>posemo"), then one entry per
 * line followed by its category numbers, tab-separated ("happ*<TAB>1<TAB>4"). The same entry may appear on several
 * lines. Multiword entries are written with spaces ("a lot<TAB>2").
 */
import { ProblemList } from './errors.js';
import { splitLines, squash, type ParsedDictionary } from './types.js';

/** LIWC2015 conditional category: "(02 134)125/464" = category 125 after a word of 02 or 134, else 464. */
const CONDITIONAL = /^\([\d\s]+\)\d+\/\d+$/;

function entryFields(line: string): { entry: string; cats: string[] } {
  if (line.includes('\t')) {
    const [entry, ...rest] = line.split('\t');
    return { entry: squash(entry), cats: rest.flatMap((f) => f.trim().split(/\s+(?![^(]*\))/)).filter(Boolean) };
  }
  // No tabs: the entry is everything before the trailing run of category fields; the first word always belongs to it.
  const words = line.trim().split(/\s+/);
  let k = words.length;
  while (k > 1 && /^\d+$/.test(words[k - 1])) k--;
  return { entry: words.slice(0, k).join(' '), cats: words.slice(k) };
}

export function parseDic(text: string, file: string): ParsedDictionary {
  const problems = new ProblemList(file);
  const lines = splitLines(text);
  const out: ParsedDictionary = { categories: [], terms: [], skipped: [] };
  const isPercent = (l: string) => l.trim() === '%';
  const open = lines.findIndex((l) => l.trim() !== '');
  if (open < 0) problems.add(1, 'the file has no content (only blank lines)');
  else if (!isPercent(lines[open])) {
    problems.add(open + 1, 'no category header: a LIWC .dic file starts with a line "%", then lines "number<TAB>category name", then a closing "%"');
  }
  problems.throwIfAny();
  const close = lines.findIndex((l, i) => i > open && isPercent(l));
  if (close < 0) {
    problems.add(open + 1, 'the category header opened here is never closed: add a line with only "%" after the category lines');
    problems.throwIfAny();
  }

  const names = new Map<number, string>();
  for (let i = open + 1; i < close; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    const m = /^\s*(\d+)\s+(.+)$/.exec(raw);
    if (!m) {
      problems.add(i + 1, `header line "${raw.trim()}" is not "number<TAB>category name"`);
      continue;
    }
    const num = Number(m[1]);
    const rest = m[2].includes('\t') ? m[2].split('\t').find((f) => f.trim() !== '') ?? '' : m[2];
    const name = squash(rest);
    if (names.has(num)) problems.add(i + 1, `category number ${m[1]} is defined twice in the header ("${names.get(num)}" and "${name}")`);
    else {
      names.set(num, name);
      out.categories.push(name);
    }
  }
  if (names.size === 0) problems.add(open + 1, 'the header between the two "%" lines defines no categories');
  problems.throwIfAny();

  const known = () => [...names.keys()].sort((a, b) => a - b).join(', ');
  for (let i = close + 1; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    const { entry, cats } = entryFields(raw);
    if (cats.length === 0) {
      problems.add(i + 1, `entry "${entry}" has no category number: add the numbers of its categories, tab-separated`);
      continue;
    }
    for (const field of cats) {
      if (CONDITIONAL.test(field)) {
        out.skipped.push({ source: entry, line: i + 1, reason: `LIWC conditional category "${field}" (depends on the previous word) has no framelens equivalent; add the entry by hand to the category you want` });
        continue;
      }
      if (!/^\d+$/.test(field)) {
        problems.add(i + 1, `category "${field}" of entry "${entry}" is not a category number from the header`);
        continue;
      }
      const name = names.get(Number(field));
      if (name === undefined) {
        problems.add(i + 1, `unknown category number ${field} for entry "${entry}": the header defines ${known()}; add it to the header or fix the entry`);
        continue;
      }
      out.terms.push({ category: name, source: entry, pattern: entry, line: i + 1 });
    }
  }
  problems.throwIfAny();
  return out;
}
