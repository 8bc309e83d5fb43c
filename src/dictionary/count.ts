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
  /** Distinct entry lengths in words (quanteda looks spans up from the longest). */
  private readonly lengths = new Set<number>();
  /** word form → entries whose first part matches it. */
  private cache = new Map<string, Compiled[]>();

  constructor(readonly dictionary: CategoryDictionary) {
    const lengths = new Set<number>();
    for (const entry of dictionary.entries) {
      const compiled: Compiled = { entry, parts: entry.parts.map(compilePart) };
      this.lengths.add(compiled.parts.length);
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
    const semantics = this.dictionary.semantics;
    if (semantics === 'liwc') return this.countLiwc(words);
    return this.countQuanteda(words, semantics === 'quanteda-dictionary' ? 'dictionary' : 'key');
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

  /**
   * quanteda's tokens_lookup(): spans from the longest entry length down to one word, each left to right. Per
   * category, a match counts unless a word of it was already taken by a match of that category (so a shorter or later
   * match overlapping one of its own category, nested or not, is not counted; two entries matching one span count
   * once). With nested_scope "dictionary" a match is also dropped when every word of it was already taken by matches
   * of any category.
   */
  private countQuanteda(words: string[], scope: 'key' | 'dictionary'): CategoryCounts {
    const nCats = this.dictionary.categories.length;
    const counts = new Array<number>(nCats).fill(0);
    const n = words.length;
    // Words taken per category, allocated for the categories that match at all; and by any category.
    const taken: Array<Uint8Array | undefined> = new Array(nCats);
    const takenAny = new Uint8Array(n);
    const spans = [...this.lengths].sort((x, y) => y - x);
    const cats = new Set<number>();
    for (const span of spans) {
      for (let i = 0; i + span <= n; i++) {
        if (scope === 'dictionary') {
          let all = true;
          for (let k = i; k < i + span && all; k++) all = takenAny[k] === 1;
          if (all) continue;
        }
        cats.clear();
        for (const c of this.startingWith(words[i])) {
          if (c.parts.length !== span || !this.matchesAt(c, words, i)) continue;
          for (const cat of c.entry.categories) cats.add(cat);
        }
        let matched = false;
        for (const cat of cats) {
          const own = (taken[cat] ??= new Uint8Array(n));
          let free = true;
          for (let k = i; k < i + span && free; k++) free = own[k] === 0;
          if (!free) continue;
          own.fill(1, i, i + span);
          counts[cat]++;
          matched = true;
        }
        if (matched) takenAny.fill(1, i, i + span);
      }
    }
    let matchedWords = 0;
    for (let k = 0; k < n; k++) matchedWords += takenAny[k];
    return { words: n, matchedWords, counts };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
