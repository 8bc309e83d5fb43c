/**
 * Readable names for lexicon labels: students see "Iran-backed militia", not `iran-backed-militia`. The lexicon
 * has no display name field, so the name is the label's first pattern as written, with the pattern language's
 * syntax (wildcards, alternatives, optional parts) taken out; failing that, the id with spaces.
 */
import type { CompiledLexicon } from '../../lexicon/compile.js';

const cache = new WeakMap<CompiledLexicon, Map<string, string>>();

/** The display form of a pattern: its words, without wildcard or grouping syntax. */
export function patternWords(source: string): string {
  return source
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[*?()|<>^$\\~]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function labelName(id: string, compiled?: Pick<CompiledLexicon, 'entries'>): string {
  let names = compiled ? cache.get(compiled as CompiledLexicon) : undefined;
  if (compiled && !names) {
    names = new Map();
    cache.set(compiled as CompiledLexicon, names);
  }
  const known = names?.get(id);
  if (known !== undefined) return known;
  const entry = compiled?.entries.get(id);
  const first = entry?.patterns[0]?.source;
  const words = first ? patternWords(first) : '';
  const name = words.length >= 2 ? words : id.replace(/[-_]+/g, ' ');
  names?.set(id, name);
  return name;
}
