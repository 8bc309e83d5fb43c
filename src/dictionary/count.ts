/**
 * Counting category dictionaries over a text with the home tool's semantics (see CountingSemantics). Linear in the
 * text: each distinct word form is matched against the dictionary once and remembered (a bounded cache), multi-word
 * entries are tried only where their first word matches.
 */
import type { CategoryDictionary, DictionaryEntry } from './dictionary.js';
import { dictionaryWords } from '../text/words.js';

export interface CategoryCounts {
  /** Words in the text (LIWC's WC). */
  words: number;
  /** Words covered by at least one entry (LIWC's Dic, as a count). */
  matchedWords: number;
  /** Count per category, in the dictionary's category order. */
  counts: number[];
}

/** One word of an entry, compiled. */
type PartMatcher = { kind: 'exact'; word: string } | { kind: 'prefix'; stem: string } | { kind: 'glob'; re: RegExp; literal: number };

function compilePart(part: string): PartMatcher {
  const star = part.indexOf('*');
  const question = part.indexOf('?');
  if (star < 0 && question < 0) return { kind: 'exact', word: part };
  if (question < 0 && star === part.length - 1) return { kind: 'prefix', stem: part.slice(0, -1) };
  const re = new RegExp(`^${part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'u');
  return { kind: 'glob', re, literal: part.replace(/[*?]/g, '').length };
}

function partMatches(m: PartMatcher, word: string): boolean {
  if (m.kind === 'exact') return m.word === word;
  if (m.kind === 'prefix') return word.startsWith(m.stem);
  return m.re.test(word);
}

/** How specific a single-word match is, for LIWC's "most specific entry wins": exact beats any wildcard. */
function specificity(m: PartMatcher): number {
  if (m.kind === 'exact') return Number.MAX_SAFE_INTEGER;
  return m.kind === 'prefix' ? m.stem.length : m.literal;
}

interface Compiled {
  entry: DictionaryEntry;
  parts: PartMatcher[];
}

/** Distinct word forms remembered per counter; past this the cache starts over (memory stays bounded). */
const CACHE_LIMIT = 200_000;

export class CategoryCounter {
  private readonly exact = new Map<string, Compiled[]>();
  private readonly prefixes = new Map<string, Compiled[]>();
  private readonly globs: Compiled[] = [];
  private readonly prefixLengths: number[];
  /** word form → entries whose first part matches it. */
  private cache = new Map<string, Compiled[]>();

  constructor(readonly dictionary: CategoryDictionary) {
    const lengths = new Set<number>();
    for (const entry of dictionary.entries) {
      const compiled: Compiled = { entry, parts: entry.parts.map(compilePart) };
      const first = compiled.parts[0];
      if (first.kind === 'exact') push(this.exact, first.word, compiled);
      else if (first.kind === 'prefix') {
        push(this.prefixes, first.stem, compiled);
        lengths.add(first.stem.length);
      } else this.globs.push(compiled);
    }
    this.prefixLengths = [...lengths].sort((a, b) => a - b);
  }

  /** Entries whose first part matches the word. */
  private startingWith(word: string): Compiled[] {
    let found = this.cache.get(word);
    if (found) return found;
    found = [...(this.exact.get(word) ?? [])];
    for (const len of this.prefixLengths) {
      if (len > word.length) break;
      const list = this.prefixes.get(word.slice(0, len));
      if (list) found.push(...list);
    }
    for (const g of this.globs) if (partMatches(g.parts[0], word)) found.push(g);
    if (this.cache.size >= CACHE_LIMIT) this.cache = new Map();
    this.cache.set(word, found);
    return found;
  }

  private matchesAt(c: Compiled, words: string[], i: number): boolean {
    if (i + c.parts.length > words.length) return false;
    for (let k = 1; k < c.parts.length; k++) if (!partMatches(c.parts[k], words[i + k])) return false;
    return true;
  }

  count(text: string): CategoryCounts {
    const { words } = dictionaryWords(text);
    return this.dictionary.semantics === 'liwc' ? this.countLiwc(words) : this.countQuanteda(words);
  }

  private countLiwc(words: string[]): CategoryCounts {
    const counts = new Array<number>(this.dictionary.categories.length).fill(0);
    let matchedWords = 0;
    for (let i = 0; i < words.length;) {
      let best: Compiled | undefined;
      let bestScore = -1;
      for (const c of this.startingWith(words[i])) {
        if (!this.matchesAt(c, words, i)) continue;
        // A longer phrase first; among single words (or phrases of one length), the most specific first part.
        const score = c.parts.length * 1e15 + Math.min(specificity(c.parts[0]), 1e14);
        if (score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      if (!best) {
        i++;
        continue;
      }
      for (const cat of best.entry.categories) counts[cat]++;
      matchedWords += best.parts.length;
      i += best.parts.length;
    }
    return { words: words.length, matchedWords, counts };
  }

  private countQuanteda(words: string[]): CategoryCounts {
    const nCats = this.dictionary.categories.length;
    const counts = new Array<number>(nCats).fill(0);
    // Matches that end past the current word, per category: [start, end] of the longest one seen so far, to tell a
    // nested match from a new one. Per category, matches arrive in start order; for one start, longest first.
    const reach = new Int32Array(nCats).fill(-1);
    const reachStart = new Int32Array(nCats).fill(-1);
    let matchedWords = 0;
    let coveredUntil = 0;
    for (let i = 0; i < words.length; i++) {
      const spans = new Map<number, number>(); // category → longest end of a match starting here
      for (const c of this.startingWith(words[i])) {
        if (!this.matchesAt(c, words, i)) continue;
        const end = i + c.parts.length;
        for (const cat of c.entry.categories) if ((spans.get(cat) ?? 0) < end) spans.set(cat, end);
      }
      for (const [cat, end] of spans) {
        // Nested: inside a longer match of the same category that started earlier (a shorter match at this same
        // start is already folded into `end`, the longest).
        if (reach[cat] >= end && reachStart[cat] < i) continue;
        counts[cat]++;
        if (end > reach[cat]) {
          reach[cat] = end;
          reachStart[cat] = i;
        }
        if (end > coveredUntil) {
          matchedWords += end - Math.max(i, coveredUntil);
          coveredUntil = end;
        }
      }
    }
    return { words: words.length, matchedWords, counts };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
