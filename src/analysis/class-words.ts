/**
 * Plain word sets of the lexicon's word classes, for rules that look one word up rather than match a pattern (the
 * compiled tries serve patterns). Computed once per compiled lexicon and class.
 */
import type { CompiledLexicon } from '../lexicon/compile.js';

const EMPTY: ReadonlySet<string> = new Set();

/** How each kind of set takes a member's words (the member as written in the lexicon). */
const ADD = {
  /** One-word members, lowercased; a trailing full stop is kept (the tokenizer keeps it on ranks: "Gen.", "Lt."). */
  single(source: string, set: Set<string>): void {
    if (/^[a-z]+\.?$/i.test(source.trim())) set.add(source.trim().toLowerCase());
  },
  /** Every word, split at spaces and hyphens ("Shiite Muslim" gives "shiite" and "muslim"; "hard-line" "hard", "line"). */
  every(source: string, set: Set<string>): void {
    for (const w of source.toLowerCase().split(/[\s-]+/)) if (w) set.add(w);
  },
  /** Members of two or more words, their words joined by one space. */
  phrase(source: string, set: Set<string>): void {
    const words = source.trim().toLowerCase().split(/\s+/);
    if (words.length > 1) set.add(words.join(' '));
  },
  /** The words a member may begin with; an optional first part may be there or not, so both sides count. */
  first(source: string, set: Set<string>): void {
    const lower = source.trim().toLowerCase();
    const optional = /^\(([^)]*)\)\s*(.*)$/.exec(lower);
    for (const start of optional ? [optional[1], optional[2]] : [lower]) {
      for (const w of (start.split(/\s+/)[0] ?? '').split('|')) if (w) set.add(w);
    }
  },
} as const;
type Kind = keyof typeof ADD;

/** Every set made so far, per compiled lexicon, kind of set and class. */
const cache = new WeakMap<CompiledLexicon, Record<Kind, Map<string, ReadonlySet<string>>>>();

function membersOf(compiled: CompiledLexicon, className: string): string[] | undefined {
  const cls = (compiled.lexicon.classes ?? []).find((c) => c.name === className);
  return cls?.members.map((m) => m.source);
}

/** The set of one kind for a class, made once from its members (empty when nothing is added). */
function classSet(compiled: CompiledLexicon, kind: Kind, className: string): ReadonlySet<string> {
  let sets = cache.get(compiled);
  if (!sets) cache.set(compiled, (sets = { single: new Map(), every: new Map(), phrase: new Map(), first: new Map() }));
  let made = sets[kind].get(className);
  if (!made) {
    const set = new Set<string>();
    for (const source of membersOf(compiled, className) ?? []) ADD[kind](source, set);
    sets[kind].set(className, (made = set.size ? set : EMPTY));
  }
  return made;
}

/** The one-word members of a class, as written, lowercased (empty when the lexicon has no such class). */
export function classWords(compiled: CompiledLexicon, className: string): ReadonlySet<string> {
  return classSet(compiled, 'single', className);
}

/** Every word of every member of a class, split at spaces and hyphens (empty when the lexicon has no such class). */
export function classMemberWords(compiled: CompiledLexicon, className: string): ReadonlySet<string> {
  return classSet(compiled, 'every', className);
}

/**
 * The members of a class of two or more words, lowercased, their words joined by one space ("calling itself"), for
 * rules that look up a run of words (empty when the lexicon has no such class or member).
 */
export function classPhrases(compiled: CompiledLexicon, className: string): ReadonlySet<string> {
  return classSet(compiled, 'phrase', className);
}

/**
 * The words a member of a class may begin with, lowercased ("backed by", "with ties to" give "backed" and "with"; a
 * first word written as a choice, "backed|supported and", gives each), for rules that ask whether a phrase of the
 * class may start at a word. A member that opens with an optional part ("(also) backed by") may begin with either.
 */
export function classFirstWords(compiled: CompiledLexicon, className: string): ReadonlySet<string> {
  return classSet(compiled, 'first', className);
}
