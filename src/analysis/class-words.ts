/**
 * Plain word sets of the lexicon's word classes, for rules that look one word up rather than match a pattern (the
 * compiled tries serve patterns). Computed once per compiled lexicon and class.
 */
import type { CompiledLexicon } from '../lexicon/compile.js';

interface ClassWordSets {
  /** The one-word members, as written, lowercased. */
  single: Map<string, ReadonlySet<string>>;
  /** Every word of every member ("Shiite Muslim" gives "shiite" and "muslim"; "hard-line" "hard" and "line"). */
  every: Map<string, ReadonlySet<string>>;
}

const cache = new WeakMap<CompiledLexicon, ClassWordSets>();
const EMPTY: ReadonlySet<string> = new Set();

function setsOf(compiled: CompiledLexicon): ClassWordSets {
  let sets = cache.get(compiled);
  if (!sets) cache.set(compiled, (sets = { single: new Map(), every: new Map() }));
  return sets;
}

function membersOf(compiled: CompiledLexicon, className: string): string[] | undefined {
  const cls = (compiled.lexicon.classes ?? []).find((c) => c.name === className);
  return cls?.members.map((m) => m.source);
}

/** The one-word members of a class, as written (empty when the lexicon has no such class). */
export function classWords(compiled: CompiledLexicon, className: string): ReadonlySet<string> {
  const sets = setsOf(compiled).single;
  let words = sets.get(className);
  if (!words) {
    const set = new Set<string>();
    // A trailing full stop is kept: the tokenizer keeps it on abbreviated ranks ("Gen.", "Lt.").
    for (const source of membersOf(compiled, className) ?? []) if (/^[a-z]+\.?$/i.test(source.trim())) set.add(source.trim().toLowerCase());
    sets.set(className, (words = set.size ? set : EMPTY));
  }
  return words;
}

/** Every word of every member of a class, split at spaces and hyphens (empty when the lexicon has no such class). */
export function classMemberWords(compiled: CompiledLexicon, className: string): ReadonlySet<string> {
  const sets = setsOf(compiled).every;
  let words = sets.get(className);
  if (!words) {
    const set = new Set<string>();
    for (const source of membersOf(compiled, className) ?? []) for (const w of source.toLowerCase().split(/[\s-]+/)) if (w) set.add(w);
    sets.set(className, (words = set.size ? set : EMPTY));
  }
  return words;
}

const phraseCache = new WeakMap<CompiledLexicon, Map<string, ReadonlySet<string>>>();

/**
 * The members of a class of two or more words, lowercased, their words joined by one space ("calling itself"), for
 * rules that look up a run of words (empty when the lexicon has no such class or member).
 */
export function classPhrases(compiled: CompiledLexicon, className: string): ReadonlySet<string> {
  let sets = phraseCache.get(compiled);
  if (!sets) phraseCache.set(compiled, (sets = new Map()));
  let phrases = sets.get(className);
  if (!phrases) {
    const set = new Set<string>();
    for (const source of membersOf(compiled, className) ?? []) {
      const words = source.trim().toLowerCase().split(/\s+/);
      if (words.length > 1) set.add(words.join(' '));
    }
    sets.set(className, (phrases = set.size ? set : EMPTY));
  }
  return phrases;
}

const firstCache = new WeakMap<CompiledLexicon, Map<string, ReadonlySet<string>>>();

/**
 * The words a member of a class may begin with, lowercased ("backed by", "with ties to" give "backed" and "with"; a
 * first word written as a choice, "backed|supported and", gives each), for rules that ask whether a phrase of the
 * class may start at a word. A member that opens with an optional part ("(also) backed by") may begin with either.
 */
export function classFirstWords(compiled: CompiledLexicon, className: string): ReadonlySet<string> {
  let sets = firstCache.get(compiled);
  if (!sets) firstCache.set(compiled, (sets = new Map()));
  let words = sets.get(className);
  if (!words) {
    const set = new Set<string>();
    for (const source of membersOf(compiled, className) ?? []) {
      const lower = source.trim().toLowerCase();
      // An optional first part may be there or not: its words and the first word after it may both begin a member.
      const optional = /^\(([^)]*)\)\s*(.*)$/.exec(lower);
      const starts = optional ? [optional[1], optional[2]] : [lower];
      for (const start of starts) {
        const first = start.split(/\s+/)[0] ?? '';
        for (const w of first.split('|')) if (w) set.add(w);
      }
    }
    sets.set(className, (words = set.size ? set : EMPTY));
  }
  return words;
}
