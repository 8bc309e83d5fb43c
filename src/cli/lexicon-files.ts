/**
 * `--lexicon FILE` takes framing lexicons and category dictionaries alike; this tells them apart. LIWC .dic/.dicx,
 * WordStat .cat and Lexicoder .lc3 are dictionaries by their extension; a .yml is a framelens lexicon when it has
 * the lexicon's top-level keys, else a quanteda dictionary. Dictionaries are counted as their own layer (ReportOptions
 * .dictionaries); the framing lexicons are compiled as before, the default one when only dictionaries were given.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isFramelensLexiconText } from '../dictionary/index.js';

const DICTIONARY_EXTENSIONS = new Set(['.dic', '.dicx', '.cat', '.lc3']);

export function isCategoryDictionaryPath(file: string): boolean {
  const ext = extname(file).toLowerCase();
  if (DICTIONARY_EXTENSIONS.has(ext)) return true;
  if (ext !== '.yml' && ext !== '.yaml') return false;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Unreadable: left to the lexicon loader, whose message names the file and the reason.
    return false;
  }
  return !isFramelensLexiconText(text.replace(/^\uFEFF/, ''));
}

export function splitLexiconPaths(paths: readonly string[] | undefined): { lexicons: string[]; dictionaries: string[] } {
  const lexicons: string[] = [];
  const dictionaries: string[] = [];
  for (const p of paths ?? []) (isCategoryDictionaryPath(p) ? dictionaries : lexicons).push(p);
  return { lexicons, dictionaries };
}
