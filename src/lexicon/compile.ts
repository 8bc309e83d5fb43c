/**
 * Compiles a lexicon into a token trie. Patterns are tokenized by the same code as documents, so a pattern and
 * a text that look alike produce the same units ("Iran-backed" = "Iran backed" = "Iran–backed").
 */
import type { Lexicon, LexiconEntry, PatternSpec, Referent } from '../types.js';
import { foldKey, tokenize } from '../nlp/nlp.js';
import { LexiconError, type LexiconProblem } from './errors.js';
import { inflections } from './inflect.js';
import { defaultVoiceRules, type VoiceRules } from './voice-rules.js';

export interface PatternUnit {
  /** Folded, variant-canonical key (or prefix, for wildcards). */
  key: string;
  prefix: boolean;
  /** The unit as written, for case-sensitive patterns. */
  surface: string;
}

export interface Terminal {
  entry: LexiconEntry;
  pattern: PatternSpec;
  units: PatternUnit[];
  /** Names outrank everything else; see lexicons/README.md "Matching order". */
  priority: number;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  /** Wildcard children: any unit whose key starts with `prefix`. */
  prefixes: Array<{ prefix: string; node: TrieNode }>;
  /**
   * The same wildcard children indexed by their first three characters (every wildcard has at least three), so a
   * unit is tested only against the wildcards that can match it.
   */
  prefixIndex: Map<string, Array<{ prefix: string; node: TrieNode }>>;
  terminals: Terminal[];
}

export interface CompiledLexicon {
  lexicon: Lexicon;
  root: TrieNode;
  /** Folded spelling → canonical spelling of its variant group. */
  variantOf: Map<string, string>;
  entries: Map<string, LexiconEntry>;
  referents: Map<string, Referent>;
  patternCount: number;
  /**
   * Inflected form → the pattern words it inflects (variant-canonical), for every lowercase pattern word: how
   * "militias" finds the pattern word "militia" without lemmatising the text (see inflect.ts).
   */
  baseOf: Map<string, string[]>;
  /**
   * Every folded form the lexicon knows (variant spellings and inflected forms) → its trie key(s), so the matcher
   * needs one lookup per token; forms not in it are their own key and inflect nothing.
   */
  keysOf: Map<string, { key: string; bases?: string[] }>;
  /** The voice vocabulary and windows (lexicons/voice.yml by default); its source is listed in lexicon.sources. */
  voice: VoiceRules;
}

const newNode = (): TrieNode => ({ next: new Map(), prefixes: [], prefixIndex: new Map(), terminals: [] });

export function canonical(variantOf: Map<string, string>, key: string): string {
  return variantOf.get(key) ?? key;
}

/** Tokenizes one pattern into units; returns a problem description instead when it cannot match anything. */
export function patternUnits(source: string, variantOf: Map<string, string>): PatternUnit[] | string {
  const units: PatternUnit[] = [];
  for (const rawWord of source.trim().split(/\s+/)) {
    const wildcard = rawWord.endsWith('*');
    const word = wildcard ? rawWord.slice(0, -1) : rawWord;
    const tok = tokenize(word);
    const u = tok.units;
    if (u.count === 0) return `"${rawWord}" has no word in it`;
    for (let i = 0; i < u.count - 1; i++) {
      if (u.barrierAfter[i]) {
        return `"${rawWord}" contains punctuation between words; matches never cross punctuation, so write the words without it`;
      }
    }
    for (let i = 0; i < u.count; i++) {
      const isPrefix = wildcard && i === u.count - 1;
      const key = u.normal[i];
      units.push({ key: isPrefix ? key : canonical(variantOf, key), prefix: isPrefix, surface: word.slice(u.start[i], u.end[i]) });
    }
  }
  return units;
}

function insert(root: TrieNode, terminal: Terminal): void {
  let node = root;
  for (const unit of terminal.units) {
    if (unit.prefix) {
      let child = node.prefixes.find((p) => p.prefix === unit.key);
      if (!child) {
        child = { prefix: unit.key, node: newNode() };
        node.prefixes.push(child);
        const bucketKey = unit.key.slice(0, 3);
        const bucket = node.prefixIndex.get(bucketKey) ?? [];
        bucket.push(child);
        node.prefixIndex.set(bucketKey, bucket);
      }
      node = child.node;
    } else {
      let next = node.next.get(unit.key);
      if (!next) {
        next = newNode();
        node.next.set(unit.key, next);
      }
      node = next;
    }
  }
  node.terminals.push(terminal);
}

function buildKeysOf(variantOf: Map<string, string>, baseOf: Map<string, string[]>): CompiledLexicon['keysOf'] {
  const keysOf: CompiledLexicon['keysOf'] = new Map();
  for (const [form, key] of variantOf) keysOf.set(form, { key });
  for (const [form, bases] of baseOf) keysOf.set(form, { key: variantOf.get(form) ?? form, bases });
  return keysOf;
}

export function compileLexicon(lexicon: Lexicon, voice: VoiceRules = defaultVoiceRules()): CompiledLexicon {
  const variantOf = new Map<string, string>();
  for (const group of lexicon.variants) {
    const folded = group.map(foldKey);
    const head = variantOf.get(folded[0]) ?? folded[0];
    for (const w of folded) variantOf.set(w, head);
  }
  const root = newNode();
  const problems: LexiconProblem[] = [];
  let patternCount = 0;
  const baseOf = new Map<string, string[]>();
  const addForms = (unit: PatternUnit) => {
    // Only words written in lowercase inflect: capitalised words are names or proper adjectives, matched as written.
    if (unit.prefix || !/^[a-z]/.test(unit.surface)) return;
    for (const form of inflections(foldKey(unit.surface))) {
      const bases = baseOf.get(form);
      if (!bases) baseOf.set(form, [unit.key]);
      else if (!bases.includes(unit.key)) bases.push(unit.key);
    }
  };
  for (const entry of lexicon.entries) {
    for (const pattern of entry.patterns) {
      const units = patternUnits(pattern.source, variantOf);
      if (typeof units === 'string') {
        problems.push({ file: pattern.file ?? entry.file ?? entry.lexicon, line: pattern.line, column: 1, message: `pattern "${pattern.source}" of "${entry.id}": ${units}` });
        continue;
      }
      insert(root, { entry, pattern, units, priority: entry.kind === 'name' ? 1 : 0 });
      units.forEach(addForms);
      patternCount++;
    }
  }
  if (problems.length) throw new LexiconError(problems);
  return {
    // The voice rules' source rides along with the lexicons', so reports and the cache key name and hash it too.
    lexicon: { ...lexicon, sources: [...lexicon.sources, voice.source] },
    root,
    variantOf,
    entries: new Map(lexicon.entries.map((e) => [e.id, e])),
    referents: new Map(lexicon.referents.map((r) => [r.id, r])),
    patternCount,
    baseOf,
    keysOf: buildKeysOf(variantOf, baseOf),
    voice,
  };
}
