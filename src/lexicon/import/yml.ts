/**
 * quanteda YAML dictionaries: nested mappings of category names to lists of patterns, e.g.
 *
 *   economy:
 *     positive: [growth, prosper*, "job creation"]
 *     negative: [recession, ]
 *
 * Parsed with the YAML failsafe schema so that every pattern stays a string ("yes", "null", "1984" are words here).
 * Empty list items (a flow list ending in ", ]", or a bare "-") are ignored.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { ProblemList } from './errors.js';
import { squash, type ParsedDictionary } from './types.js';

export function parseYml(text: string, file: string): ParsedDictionary {
  const problems = new ProblemList(file);
  const counter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? counter.linePos(e.pos[0]);
    problems.add(pos.line, `YAML syntax: ${e.message.split('\n')[0]}`);
  }
  problems.throwIfAny();
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? counter.linePos(range[0]).line : 1;
  };
  if (!isMap(doc.contents)) {
    problems.add(lineOf(doc.contents), 'a quanteda YAML dictionary must be a mapping of category names to lists of patterns (or to further categories)');
    problems.throwIfAny();
  }

  const out: ParsedDictionary = { categories: [], terms: [], skipped: [] };
  const addPattern = (category: string, node: YamlNode | null) => {
    if (node === null) return;
    if (!isScalar(node)) {
      problems.add(lineOf(node), `category "${category}": list items must be patterns (strings), not ${isMap(node) ? 'mappings' : 'lists'}`);
      return;
    }
    const value = squash(String(node.value ?? ''));
    if (value === '' || value === '~') return;
    out.terms.push({ category, source: value, pattern: value, line: lineOf(node) });
  };
  const walk = (node: unknown, path: string[]) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key) || squash(String(key.value ?? '')) === '') {
        problems.add(lineOf(key ?? pair.value), 'each category name must be a plain, non-empty string');
        continue;
      }
      const name = squash(String(key.value));
      const full = [...path, name];
      const category = full.join('/');
      const value = pair.value as YamlNode | null;
      if (isMap(value)) {
        walk(value, full);
        continue;
      }
      out.categories.push(category);
      if (isSeq(value)) for (const item of value.items) addPattern(category, item as YamlNode | null);
      else addPattern(category, value);
    }
  };
  walk(doc.contents, []);
  if (out.categories.length === 0 && problems.items.length === 0) problems.add(1, 'no categories: the mapping is empty');
  problems.throwIfAny();
  return out;
}
