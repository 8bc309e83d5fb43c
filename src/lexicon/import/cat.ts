/**
 * WordStat `.cat`: categories and entries form a tree by tab indentation (one tab per level). Entries are written in
 * upper case with a weight in parentheses ("PRICE* (1)"); multiword entries join their words with underscores
 * ("WAR_IN_IRAQ (1)"). Category names may contain spaces and symbols; the same leaf name may sit under two parents,
 * so a category is identified by its full path ("ECONOMY/JOBS").
 */
import { ProblemList } from './errors.js';
import { splitLines, squash, type ParsedDictionary } from './types.js';

const WEIGHT = /^(.*?)\s*\(\s*([-+]?\d+(?:[.,]\d+)?)\s*\)$/;

interface Line {
  no: number;
  depth: number;
  text: string;
}

export function parseCat(text: string, file: string): ParsedDictionary {
  const problems = new ProblemList(file);
  const lines: Line[] = [];
  splitLines(text).forEach((raw, i) => {
    const body = raw.replace(/\s+$/, '');
    if (body === '') return;
    const indent = /^[\t ]*/.exec(body)![0];
    if (indent.includes(' ')) {
      problems.add(i + 1, 'indented with spaces: WordStat .cat files indent with tabs, one tab per level; replace the spaces with tabs');
      return;
    }
    lines.push({ no: i + 1, depth: indent.length, text: body.slice(indent.length) });
  });
  problems.throwIfAny();

  const out: ParsedDictionary = { categories: [], terms: [], skipped: [] };
  const stack: Array<{ depth: number; name: string }> = [];
  let entryDepth: number | undefined; // depth of the previous line when it was an entry
  lines.forEach((line, k) => {
    const next = lines[k + 1];
    const weighted = WEIGHT.exec(line.text);
    const hasChildren = next !== undefined && next.depth > line.depth;
    if (entryDepth !== undefined && line.depth > entryDepth) {
      problems.add(line.no, `"${line.text}" is indented under an entry: only categories (lines without a "(weight)") can contain entries`);
      return;
    }
    while (stack.length && stack[stack.length - 1].depth >= line.depth) stack.pop();
    // A line is a category when it has no weight and either has children or sits at the top level.
    const isCategory = !weighted && (hasChildren || line.depth === 0);
    if (isCategory) {
      const name = squash(line.text);
      stack.push({ depth: line.depth, name });
      out.categories.push(stack.map((s) => s.name).join('/'));
      entryDepth = undefined;
      return;
    }
    entryDepth = line.depth;
    if (stack.length === 0) {
      problems.add(line.no, `entry "${line.text}" is not inside any category: indent it with a tab under a category line`);
      return;
    }
    const word = weighted ? weighted[1] : line.text;
    const pattern = squash(word.replace(/_/g, ' ')).toLowerCase();
    if (pattern === '') {
      problems.add(line.no, `entry "${line.text}" has a weight but no word`);
      return;
    }
    out.terms.push({
      category: stack.map((s) => s.name).join('/'),
      source: squash(word),
      pattern,
      line: line.no,
      note: weighted ? `WordStat weight (${weighted[2]}) not used: framelens weights are stances from -2 to +2, set one by hand` : undefined,
    });
  });
  problems.throwIfAny();
  return out;
}
