/**
 * Compiles a lexicon into a token trie. Patterns are tokenized by the same code as documents, so a pattern and
 * a text that look alike produce the same units ("Iran-backed" = "Iran backed" = "Iran–backed").
 */
import type { Lexicon, LexiconEntry, PatternSpec, Referent } from '../types.js';
import { foldKey, tokenize } from '../nlp/nlp.js';
import { LexiconError, type LexiconProblem } from './errors.js';
import { inflections } from './inflect.js';
import { expandPieces, parsePattern } from './pattern.js';
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
  /** The pattern has a class slot ({patron}): its length varies, and it may contain a whole name. */
  composed: boolean;
}

/** A class slot in the trie: min..max phrases of a class, then on to `node`. */
export interface ClassEdge {
  /** name:min-max; slots with the same key share one edge. */
  key: string;
  name: string;
  min: number;
  max: number;
  /** The class's own trie; nodes where a member ends have `memberEnd`. */
  members: TrieNode;
  node: TrieNode;
  /**
   * The keys (and three-letter wildcard buckets) that can begin what follows through this edge, and whether a match
   * can end without taking any unit through it: the matcher enters the edge only when the next unit can go on.
   */
  firstKeys?: Set<string>;
  firstBuckets?: Set<string>;
  endsEmpty?: boolean;
}

export interface TrieNode {
  /**
   * The node's number, 0… in the order numberNodes reaches the nodes from the root (class tries included); -1 until
   * then. The matcher keys its integer step table by it (see stepTable in src/analysis/match.ts).
   */
  id: number;
  next: Map<string, TrieNode>;
  /** Wildcard children: any unit whose key starts with `prefix`. */
  prefixes: Array<{ prefix: string; node: TrieNode }>;
  /**
   * The same wildcard children indexed by their first three characters (every wildcard has at least three), so a
   * unit is tested only against the wildcards that can match it.
   */
  prefixIndex: Map<string, Array<{ prefix: string; node: TrieNode }>>;
  terminals: Terminal[];
  classEdges: ClassEdge[];
  /** In a class trie: a member phrase ends here. */
  memberEnd: boolean;
  /**
   * The class edges indexed by the keys that can go on through them (see ClassEdge.firstKeys), so the matcher finds
   * the edges a unit can enter with one lookup; `edgesAlways` are the edges that must be tried anyway (a wildcard
   * can begin them, or a match can end without passing through them).
   */
  edgesByKey?: Map<string, ClassEdge[]>;
  edgesAlways?: ClassEdge[];
  /**
   * Only on the root: every key (and three-letter wildcard bucket) that can begin a match, class members and
   * optional class slots included, so the matcher rejects most units with one lookup.
   */
  startKeys?: Set<string>;
  startBuckets?: Set<string>;
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
  keysOf: Map<string, { key: string; bases?: string[]; starts?: boolean }>;
  /**
   * One spelling claimed by two entries of the same kind (two labels, often with different weights): the one listed
   * first wins in the matcher. An error in `framelens lexicon check`, a warning when analyzing.
   */
  conflicts: LexiconProblem[];
  /** The voice vocabulary and windows (lexicons/voice.yml by default); its source is listed in lexicon.sources. */
  voice: VoiceRules;
}

// Every node gets every field, set or not, so that all nodes share one object shape: the matcher reads them in its
// innermost loop, where one shape keeps V8's property access fast.
const newNode = (): TrieNode => ({
  id: -1, next: new Map(), prefixes: [], prefixIndex: new Map(), terminals: [], classEdges: [], memberEnd: false,
  edgesByKey: undefined, edgesAlways: undefined, startKeys: undefined, startBuckets: undefined,
});

type Step = PatternUnit | { slot: ClassEdge['key']; name: string; min: number; max: number };

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

/** Walks (and grows) the trie along a sequence of units and class slots; returns the node where it ends. */
function insertPath(root: TrieNode, steps: Step[], classTries: Map<string, TrieNode>): TrieNode {
  let node = root;
  for (const unit of steps) {
    if ('slot' in unit) {
      let edge = node.classEdges.find((e) => e.key === unit.slot);
      if (!edge) {
        edge = {
          key: unit.slot, name: unit.name, min: unit.min, max: unit.max, members: classTries.get(unit.name)!, node: newNode(),
          firstKeys: undefined, firstBuckets: undefined, endsEmpty: undefined,
        };
        node.classEdges.push(edge);
      }
      node = edge.node;
    } else if (unit.prefix) {
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
  return node;
}

/** Whether a match can end at `node` or past it without taking another unit (through optional class slots). */
function endsEmpty(node: TrieNode, seen: Set<TrieNode>): boolean {
  if (node.terminals.length) return true;
  if (seen.has(node)) return false;
  seen.add(node);
  return node.classEdges.some((e) => e.min === 0 && endsEmpty(e.node, seen));
}

/** Gives every class edge its first keys (see ClassEdge), for the pattern trie and not inside class tries. */
function annotateEdges(node: TrieNode, seen: Set<TrieNode>): void {
  if (seen.has(node)) return;
  seen.add(node);
  for (const edge of node.classEdges) {
    edge.firstKeys = new Set();
    edge.firstBuckets = new Set();
    collectStarts(edge.members, edge.firstKeys, edge.firstBuckets, new Set());
    if (edge.min === 0) collectStarts(edge.node, edge.firstKeys, edge.firstBuckets, new Set());
    edge.endsEmpty = edge.min === 0 && endsEmpty(edge.node, new Set());
    if (edge.endsEmpty || edge.firstBuckets.size > 0) (node.edgesAlways ??= []).push(edge);
    else {
      node.edgesByKey ??= new Map();
      for (const key of edge.firstKeys) {
        const list = node.edgesByKey.get(key);
        if (list) list.push(edge);
        else node.edgesByKey.set(key, [edge]);
      }
    }
    annotateEdges(edge.node, seen);
  }
  for (const child of node.next.values()) annotateEdges(child, seen);
  for (const p of node.prefixes) annotateEdges(p.node, seen);
}

/** Numbers every node reachable from the root (children, wildcard children, class edges and their member tries). */
function numberNodes(root: TrieNode): void {
  let count = 0;
  const stack = [root];
  while (stack.length) {
    const node = stack.pop() as TrieNode;
    if (node.id >= 0) continue;
    node.id = count++;
    for (const child of node.next.values()) stack.push(child);
    for (const p of node.prefixes) stack.push(p.node);
    for (const edge of node.classEdges) stack.push(edge.node, edge.members);
  }
}

/** The keys and wildcard buckets that can begin a match from `node` (through optional class slots too). */
function collectStarts(node: TrieNode, keys: Set<string>, buckets: Set<string>, seen: Set<TrieNode>): void {
  if (seen.has(node)) return;
  seen.add(node);
  for (const k of node.next.keys()) keys.add(k);
  for (const b of node.prefixIndex.keys()) buckets.add(b);
  for (const edge of node.classEdges) {
    collectStarts(edge.members, keys, buckets, seen);
    if (edge.min === 0) collectStarts(edge.node, keys, buckets, seen);
  }
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
  const conflicts: LexiconProblem[] = [];
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
  /** Every spelling of a pattern as units and class slots, or a problem description. */
  const spellings = (source: string, allowClasses: boolean): Step[][] | string => {
    const parsed = parsePattern(source, allowClasses);
    if (typeof parsed === 'string') return parsed;
    const out: Step[][] = [];
    for (const seq of expandPieces(parsed.pieces)) {
      const steps: Step[] = [];
      for (const part of seq) {
        if ('name' in part) {
          steps.push({ slot: `${part.name}:${part.min}-${part.max}`, name: part.name, min: part.min, max: part.max });
          continue;
        }
        const units = patternUnits(part.text, variantOf);
        if (typeof units === 'string') return units;
        steps.push(...units);
      }
      out.push(steps);
    }
    return out;
  };

  const classTries = new Map<string, TrieNode>();
  for (const cls of lexicon.classes ?? []) {
    const members = newNode();
    classTries.set(cls.name, members);
    for (const member of cls.members) {
      const all = spellings(member.source, false);
      if (typeof all === 'string') {
        problems.push({ file: member.file ?? cls.file ?? cls.lexicon, line: member.line, column: 1, message: `member "${member.source}" of class "${cls.name}": ${all}` });
        continue;
      }
      for (const steps of all) {
        insertPath(members, steps, classTries).memberEnd = true;
        for (const st of steps) if (!('slot' in st)) addForms(st);
      }
    }
  }

  for (const entry of lexicon.entries) {
    for (const pattern of entry.patterns) {
      const all = spellings(pattern.source, true);
      if (typeof all === 'string') {
        problems.push({ file: pattern.file ?? entry.file ?? entry.lexicon, line: pattern.line, column: 1, message: `pattern "${pattern.source}" of "${entry.id}": ${all}` });
        continue;
      }
      const missing = all.flat().find((st) => 'slot' in st && !classTries.has(st.name));
      if (missing && 'slot' in missing) {
        problems.push({ file: pattern.file ?? entry.file ?? entry.lexicon, line: pattern.line, column: 1, message: `pattern "${pattern.source}" of "${entry.id}" uses the class {${missing.name}}, which is not declared under "classes"` });
        continue;
      }
      const composed = all.some((steps) => steps.some((st) => 'slot' in st));
      for (const steps of all) {
        const units = steps.filter((st): st is PatternUnit => !('slot' in st));
        const node = insertPath(root, steps, classTries);
        const clash = node.terminals.find((t) => t.entry.kind === entry.kind && t.entry.id !== entry.id);
        if (clash) conflicts.push(conflictProblem(clash, entry, pattern));
        if (node.terminals.some((t) => t.entry === entry)) continue;
        node.terminals.push({ entry, pattern, units, priority: entry.kind === 'name' ? 1 : 0, composed });
        units.forEach(addForms);
      }
      patternCount++;
    }
  }
  if (problems.length) throw new LexiconError(problems);
  root.startKeys = new Set();
  root.startBuckets = new Set();
  collectStarts(root, root.startKeys, root.startBuckets, new Set());
  annotateEdges(root, new Set());
  numberNodes(root);
  const keysOf = buildKeysOf(variantOf, baseOf);
  // Whether a known form can begin a match, through its own key or a pattern word it inflects: the matcher's first
  // test for every unit of every text.
  for (const known of keysOf.values()) {
    known.starts = root.startKeys.has(known.key) || (known.bases?.some((b) => root.startKeys!.has(b)) ?? false);
  }
  return {
    // The voice rules' source rides along with the lexicons', so reports and the cache key name and hash it too.
    lexicon: { ...lexicon, sources: [...lexicon.sources, voice.source] },
    root,
    variantOf,
    entries: new Map(lexicon.entries.map((e) => [e.id, e])),
    referents: new Map(lexicon.referents.map((r) => [r.id, r])),
    patternCount,
    baseOf,
    keysOf,
    conflicts,
    voice,
  };
}

function describeEntry(e: LexiconEntry): string {
  const weight = e.kind === 'label' ? ` (weight ${e.weight})` : '';
  return `${e.kind} "${e.id}"${weight}`;
}

function conflictProblem(first: Terminal, entry: LexiconEntry, pattern: PatternSpec): LexiconProblem {
  const firstAt = `${first.pattern.file ?? first.entry.lexicon}:${first.pattern.line ?? '?'}`;
  return {
    file: pattern.file ?? entry.file ?? entry.lexicon,
    line: pattern.line,
    column: 1,
    message: `pattern "${pattern.source}" of ${describeEntry(entry)} is also claimed by ${describeEntry(first.entry)} ` +
      `("${first.pattern.source}", ${firstAt}); the first one listed wins, so remove it from one of them`,
  };
}
