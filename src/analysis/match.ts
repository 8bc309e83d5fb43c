/**
 * Finds lexicon entries in a tokenized text. All candidate matches are collected first, then chosen greedily:
 * names before everything else, then the longest, then a plain pattern before a class pattern, then the leftmost; a
 * unit already taken cannot be taken again. That is the quanteda "Czech Republic" vs "Czech*" rule: overlapping
 * entries never count twice, and a composed phrase ("a pro-Iran militia") is one mention. The one exception: a
 * label whose pattern has a class may contain a whole name, which stays a name ("faction supported by the IRGC").
 *
 * Cost: each unit starts at most one walk through the trie, and a walk is bounded by the longest pattern (class
 * slots repeat at most MAX_CLASS_REPEAT times), so matching is linear in the text.
 */
import type { LabelEntry, LexiconEntry, NameEntry, PatternSpec } from '../types.js';
import type { Units } from '../nlp/nlp.js';
import { foldKey } from '../nlp/nlp.js';
import type { ClassEdge, CompiledLexicon, Terminal, TrieNode } from '../lexicon/compile.js';
import { ENGLISH_STOPWORDS } from '../text/stopwords.js';
import { isHyphenChar, isHyphenGlue } from '../text/hyphens.js';
import { classFirstWords, classMemberWords, classWords } from './class-words.js';
import { groupHead } from './resolve.js';
import { BE_FORMS } from './voice/grammar.js';

export interface Match {
  entry: LexiconEntry;
  pattern: PatternSpec;
  /** First unit and one past the last unit. */
  startUnit: number;
  endUnit: number;
  start: number;
  end: number;
  /**
   * The part of the match that stands in quotation marks when the marks are inside it or around only part of it
   * ("the two “resistance” leaders", the US "occupation"): units [startUnit, endUnit) and text offsets. Absent when
   * no mark stands inside the match (marks around the whole match are the quotation's business, see voice.ts).
   */
  quoted?: { startUnit: number; endUnit: number; start: number; end: number };
  /**
   * The referent the words of a joined mention fix although its entry is a context label: "the entity [‘Israel’]"
   * keeps the entry of "the entity" and is Israel by its own gloss. Absent for every other match.
   */
  referent?: string;
  /**
   * The weight of a joined mention whose two parts both frame ("militants of the Iranian-backed Palestinian Islamist
   * group"): the sum of the parts' weights, kept within −2 … +2 (lexicons/README.md "One phrase, one mention, one
   * weight"). Absent for every other match, which weighs what its entry weighs.
   */
  weight?: number;
  /**
   * Where the body's label starts in such a joined mention when neither part fixes a referent ("militants of the
   * Islamist group"): the mention keeps the body's entry, and a name right after it is the body's name ("… of the
   * Iranian-backed Palestinian Islamist group Hamas", analyze.ts nameAfterGroupLabel). Absent otherwise.
   */
  joinedAt?: number;
}

export interface Candidate {
  terminal: Terminal;
  startUnit: number;
  endUnit: number;
}

/** Quotation marks a phrase may run through; anything else between two units ends a match. */
const QUOTE_MARKS = new Set(['"', '“', '”', '„', '‟', '«', '»', "'", '‘', '’', '‹', '›']);
const OPENING = new Set(['“', '„', '‟', '«', '‘', '‹']);
const CLOSING = new Set(['”', '»', '’', '›']);
const OPENING_ANY = new Set([...OPENING, '"']);
const CLOSING_ANY = new Set([...CLOSING, '"']);
/** Straight marks: the same character opens and closes a quotation. */
const STRAIGHT = new Set(['"', "'"]);

/**
 * Whether the character at `at` is a straight quotation mark in a place where a quotation opens: at the text's start
 * or after a space, a line break or an opening bracket (an apostrophe inside or after a word is no mark).
 */
function straightOpensAt(text: string, at: number): boolean {
  if (at < 0 || !STRAIGHT.has(text[at])) return false;
  const before = at === 0 ? ' ' : text[at - 1];
  return before === ' ' || before === '\n' || before === '\t' || before === '\u00a0' || before === '(' || before === '[';
}

function caseMatches(text: string, units: Units, c: Candidate): boolean {
  const t = c.terminal;
  // Composed patterns have slots of varying length: their literal words cannot be lined up with the text one to one.
  if (!t.pattern.caseSensitive || t.composed) return true;
  for (let k = 0; k < t.units.length; k++) {
    const u = c.startUnit + k;
    const surface = text.slice(units.start[u], units.end[u]).replace(/[’‘`´ʼ]/g, "'");
    const want = t.units[k].surface.replace(/[’‘`´ʼ]/g, "'");
    if (t.units[k].prefix ? !surface.startsWith(want) : surface !== want) return false;
  }
  return true;
}

/** The quote marks in the gap between two units of one sentence, or null when anything else stands there. */
function quoteGap(text: string, from: number, to: number): string | null {
  // Most gaps are ", " or ". ": the first character settles it.
  const first = text[from];
  if (first !== ' ' && !QUOTE_MARKS.has(first)) return null;
  let marks = '';
  for (let k = from; k < to; k++) {
    const ch = text[k];
    if (ch === ' ' || ch === '\t' || ch === '\u00a0') continue;
    if (!QUOTE_MARKS.has(ch)) return null;
    marks += ch;
  }
  return marks || null;
}

const ACRONYM = /^[A-Z]{2,8}$/;

/**
 * For each UTF-16 code, 1 when some wildcard bucket of the lexicon (root or deeper, class tries included) begins with
 * it; the extra last slot stands for an empty bucket key (only an empty unit could find it). A unit whose first
 * character is not marked cannot find a bucket, so the matcher skips the three-letter slice and its lookup, which it
 * would otherwise do for about half of all units.
 */
const bucketFirstCache = new WeakMap<TrieNode, Uint8Array>();
function bucketFirstCodes(root: TrieNode): Uint8Array {
  let codes = bucketFirstCache.get(root);
  if (codes) return codes;
  const marked = new Uint8Array(0x10001);
  const seen = new Set<TrieNode>();
  const visit = (node: TrieNode): void => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const key of node.prefixIndex.keys()) {
      marked[key.length === 0 ? 0x10000 : key.charCodeAt(0)] = 1;
    }
    for (const child of node.next.values()) visit(child);
    for (const p of node.prefixes) visit(p.node);
    for (const edge of node.classEdges) {
      visit(edge.node);
      visit(edge.members);
    }
  };
  visit(root);
  for (const key of root.startBuckets ?? []) marked[key.length === 0 ? 0x10000 : key.charCodeAt(0)] = 1;
  codes = marked;
  bucketFirstCache.set(root, codes);
  return codes;
}

/**
 * What the matcher needs to know of a unit's folded form, looked up once per unit: its trie key (variant-canonical),
 * the pattern words it inflects, whether it can begin a match, and the root's child and class edges for its key, so
 * that a walk from the root (one for about every second unit) makes no lookup of its own.
 */
interface UnitKey {
  key: string;
  bases: string[] | undefined;
  starts: boolean;
  rootNext: TrieNode | undefined;
  rootEdges: ClassEdge[] | undefined;
  /** The number of `key` in the step table, -1 when no node has a child by it (see StepTable). */
  step: number;
  /** The numbers of `bases`, in their order (-1 for a base no node has a child by). */
  baseSteps: number[] | undefined;
}

/**
 * The trie's child steps by number: every key of a `next` map anywhere in the trie (class tries included) has a
 * number, and one open-addressing table holds each (node id, key number) with its child, so a step below the root is
 * a few integer operations instead of a string Map lookup, and a unit whose key no node has a child by (most words
 * of a text) takes no lookup at all. Built once per compiled lexicon and thread; the same children as node.next.
 */
interface StepTable {
  keys: Map<string, number>;
  nodes: Int32Array;
  keyAt: Int32Array;
  children: TrieNode[];
  mask: number;
}

function stepSlot(node: number, key: number, mask: number): number {
  return Math.imul(Math.imul(node, 0x9e3779b1) ^ key, 0x85ebca6b) >>> 0 & mask;
}

const stepTableCache = new WeakMap<TrieNode, StepTable | null>();
/** The root's StepTable, or null when some node reachable from it has no number (a trie not from compileLexicon). */
function stepTable(root: TrieNode): StepTable | null {
  const cached = stepTableCache.get(root);
  if (cached !== undefined) return cached;
  const keys = new Map<string, number>();
  const edges: Array<[number, number, TrieNode]> = [];
  const seen = new Set<TrieNode>();
  let numbered = true;
  const stack = [root];
  while (stack.length) {
    const node = stack.pop() as TrieNode;
    if (seen.has(node)) continue;
    seen.add(node);
    if (!(node.id >= 0)) numbered = false;
    for (const [key, child] of node.next) {
      let k = keys.get(key);
      if (k === undefined) keys.set(key, (k = keys.size));
      edges.push([node.id, k, child]);
      stack.push(child);
    }
    for (const p of node.prefixes) stack.push(p.node);
    for (const edge of node.classEdges) stack.push(edge.node, edge.members);
  }
  let table: StepTable | null = null;
  if (numbered) {
    let size = 16;
    while (size < edges.length * 2) size *= 2;
    const mask = size - 1;
    table = { keys, nodes: new Int32Array(size).fill(-1), keyAt: new Int32Array(size), children: new Array(size).fill(null), mask };
    for (const [node, key, child] of edges) {
      let h = stepSlot(node, key, mask);
      while (table.nodes[h] !== -1) h = (h + 1) & mask;
      table.nodes[h] = node;
      table.keyAt[h] = key;
      table.children[h] = child;
    }
  }
  stepTableCache.set(root, table);
  return table;
}

/**
 * The UnitKey of every form that has one to tell: each form of keysOf, every start key, every key of the root's
 * children and class edges. A form outside the table is its own key, inflects nothing, cannot begin a match (the
 * table holds every start key) and has no child or edge at the root. Built once per compiled lexicon.
 */
const unitKeyCache = new WeakMap<CompiledLexicon['keysOf'], { root: TrieNode; table: Map<string, UnitKey> }>();
function unitKeyTable(compiled: CompiledLexicon, startKeys: Set<string>, steps: StepTable): Map<string, UnitKey> {
  const { root, keysOf } = compiled;
  const cached = unitKeyCache.get(keysOf);
  if (cached && cached.root === root) return cached.table;
  const table = new Map<string, UnitKey>();
  const stepOf = (key: string): number => steps.keys.get(key) ?? -1;
  const atRoot = (key: string, bases: string[] | undefined, starts: boolean): UnitKey =>
    ({ key, bases, starts, rootNext: root.next.get(key), rootEdges: root.edgesByKey?.get(key), step: stepOf(key), baseSteps: bases?.map(stepOf) });
  for (const [form, known] of keysOf) table.set(form, atRoot(known.key, known.bases, known.starts !== false));
  const plain = (form: string): void => {
    if (!table.has(form)) table.set(form, atRoot(form, undefined, startKeys.has(form)));
  };
  for (const form of startKeys) plain(form);
  for (const form of root.next.keys()) plain(form);
  for (const form of root.edgesByKey?.keys() ?? []) plain(form);
  // Every key of the trie has its entry, so a form outside the table has no step number: the same as before for the
  // rest (a form outside is its own key, inflects nothing, cannot begin a match, has no child or edge at the root).
  for (const form of steps.keys.keys()) plain(form);
  unitKeyCache.set(keysOf, { root, table });
  return table;
}

/**
 * The table's entry per wink lexeme id (Units.lexeme), null for a form outside it, filled as ids are met: a unit
 * that is a whole token is looked up by number, and its string is hashed once per thread rather than per
 * occurrence. Lexeme ids are stable for the thread's one wink instance, which made every unit handed here.
 */
const lexemeKeyCache = new WeakMap<Map<string, UnitKey>, Array<UnitKey | null | undefined>>();
function lexemeKeys(table: Map<string, UnitKey>): Array<UnitKey | null | undefined> {
  let byLexeme = lexemeKeyCache.get(table);
  if (!byLexeme) lexemeKeyCache.set(table, (byLexeme = []));
  return byLexeme;
}
function entryOfLexeme(byLexeme: Array<UnitKey | null | undefined>, id: number, normal: string,
  table: Map<string, UnitKey>): UnitKey | undefined {
  if (id >= byLexeme.length) {
    // Filled up to the new length so the array keeps fast elements however far apart the ids are; grown by half,
    // not double, as it lives as long as the lexicon.
    const to = Math.max(id + 1, Math.ceil(byLexeme.length * 1.5), 1024);
    for (let k = byLexeme.length; k < to; k++) byLexeme.push(undefined);
  }
  let entry = byLexeme[id];
  if (entry === undefined) byLexeme[id] = entry = table.get(normal) ?? null;
  return entry ?? undefined;
}

/**
 * The pattern word a hyphenated compound's part stands for when the outlet dropped its -ed ("Iran-back militant
 * groups", "Tehran-align militias"): the part's form plus "ed" or "d" when that is a one-word member of the lexicon's
 * `patron-tie` class. Only a part glued by a hyphen to the word before it: "Russia and Iran back militant groups" is a
 * verb and is read as written. Undefined for every other unit.
 */
function misspeltTie(text: string, units: Units, i: number, compiled: CompiledLexicon): string | undefined {
  if (i === 0 || units.start[i] - units.end[i - 1] !== 1 || units.barrierAfter[i - 1] || !isHyphenChar(text[units.end[i - 1]])) return undefined;
  const normal = units.normal[i];
  if (normal.length < 3 || normal.endsWith('ed')) return undefined;
  const ties = classWords(compiled, PATRON_TIE_CLASS);
  for (const form of [`${normal}ed`, `${normal}d`]) if (ties.has(form)) return form;
  return undefined;
}

/** Every way the lexicon's patterns can match the text, before overlaps are settled. */
export function collectCandidates(text: string, units: Units, compiled: CompiledLexicon): Candidate[] {
  const { root } = compiled;
  const n = units.count;
  // Keys per unit: the variant-canonical normal form, and the pattern words it is an inflection of, if any.
  const { keysOf } = compiled;
  const keyNormal: string[] = new Array(n);
  const keyBases: Array<string[] | undefined> = new Array(n);
  // 1 when unit i can begin a match through its key or a pattern word it inflects (computed by the compiler).
  const canStart = new Uint8Array(n);
  // 1 when the unit's first character begins some wildcard bucket (see bucketFirstCodes).
  const mayBucket = new Uint8Array(n);
  const bucketFirst = bucketFirstCodes(root);
  const startKeys = root.startKeys;
  // Every compiled lexicon has start keys and numbered nodes; a trie without them (every unit may start) goes
  // without the tables, by string lookups.
  const steps = startKeys ? stepTable(root) : null;
  const table = startKeys && steps ? unitKeyTable(compiled, startKeys, steps) : undefined;
  // Per unit: its key's step number (-1: no node has a child by it) and its bases' (see StepTable).
  const keyStep = new Int32Array(n);
  const baseSteps: Array<number[] | undefined> = new Array(n);
  const unitKey: Array<UnitKey | undefined> = new Array(n);
  const lexeme = units.lexeme;
  const byLexeme = table && lexeme ? lexemeKeys(table) : undefined;
  for (let i = 0; i < n; i++) {
    const normal = units.normal[i];
    mayBucket[i] = bucketFirst[normal.length === 0 ? 0x10000 : normal.charCodeAt(0)];
    if (table) {
      const id = byLexeme ? (lexeme as Int32Array)[i] : -1;
      let entry = id >= 0 ? entryOfLexeme(byLexeme as Array<UnitKey | null | undefined>, id, normal, table) : table.get(normal);
      // "Iran-back": wink may make the hyphen a token of its own and "back" a whole token (a lexeme), so every unit
      // right after one hyphen is asked (one character compared for the others).
      const tie = misspeltTie(text, units, i, compiled);
      if (tie) entry = table.get(tie) ?? entry;
      unitKey[i] = entry;
      keyNormal[i] = entry ? entry.key : normal;
      keyBases[i] = entry?.bases;
      canStart[i] = entry?.starts ? 1 : 0;
      keyStep[i] = entry ? entry.step : -1;
      baseSteps[i] = entry?.baseSteps;
      continue;
    }
    const tie = misspeltTie(text, units, i, compiled);
    const known = keysOf.get(tie ?? normal);
    keyNormal[i] = known ? known.key : tie ?? normal;
    keyBases[i] = known?.bases;
    canStart[i] = (known ? known.starts !== false : true) ? 1 : 0;
  }
  const folded = units.normal;
  const barrier = units.barrierAfter;
  /** Whether a phrase may run on from unit i to i + 1: no barrier, or only quotation marks in the same sentence. */
  const crossesQuotes = (i: number): boolean =>
    i + 1 < n && units.sentence[i] === units.sentence[i + 1] && quoteGap(text, units.end[i], units.start[i + 1]) !== null;

  /**
   * The unit after "(ACRONYM)" when units b and b + 1 are separated by an opening bracket, unit b + 1 is an acronym
   * (2 to 8 capitals) and a closing bracket follows it, all in one sentence; -1 otherwise.
   */
  const acronymSkip = (b: number): number => {
    const a = b + 1;
    if (a + 1 >= n || units.sentence[b] !== units.sentence[a + 1]) return -1;
    if (text.slice(units.end[b], units.start[a]).trim() !== '(' || text.slice(units.end[a], units.start[a + 1]).trim() !== ')') return -1;
    return ACRONYM.test(text.slice(units.start[a], units.end[a])) ? a + 1 : -1;
  };

  /** The child of `node` by key number `key` (see StepTable); callers pass only numbers >= 0. */
  const stepNodes = steps?.nodes as Int32Array;
  const stepKeys = steps?.keyAt as Int32Array;
  const stepChildren = steps?.children as TrieNode[];
  const stepMask = steps ? steps.mask : 0;
  const child = (node: TrieNode, key: number): TrieNode | undefined => {
    const id = node.id;
    let h = stepSlot(id, key, stepMask);
    for (let at = stepNodes[h]; at !== -1; at = stepNodes[h]) {
      if (at === id && stepKeys[h] === key) return stepChildren[h];
      h = (h + 1) & stepMask;
    }
    return undefined;
  };

  const candidates: Candidate[] = [];
  let start = 0;
  // walk and member step through the trie the same way; they are written out twice, without a shared callback,
  // because this is the innermost loop of the analysis and a closure per step costs a measurable share of it.
  const walk = (node: TrieNode, i: number): void => {
    if (node.terminals.length) {
      for (const terminal of node.terminals) candidates.push({ terminal, startUnit: start, endUnit: i });
    }
    if (node.classEdges.length) enterEdges(node, i);
    if (i >= n) return;
    if (i > start && barrier[i - 1] !== 0 && !crossesQuotes(i - 1)) {
      // A bracketed acronym inside a phrase is transparent: "US Central Command (CENTCOM) forces" is
      // "US Central Command forces". Only the pattern's next word may follow it.
      const after = acronymSkip(i - 1);
      if (after < 0) return;
      i = after;
    }
    if (table) {
      const next = node === root ? unitKey[i]?.rootNext : keyStep[i] >= 0 ? child(node, keyStep[i]) : undefined;
      if (next) walk(next, i + 1);
      const bases = baseSteps[i];
      if (bases) {
        for (const base of bases) {
          const viaBase = base >= 0 ? child(node, base) : undefined;
          if (viaBase) walk(viaBase, i + 1);
        }
      }
    } else {
      const next = node.next.get(keyNormal[i]);
      if (next) walk(next, i + 1);
      const bases = keyBases[i];
      if (bases) {
        for (const base of bases) {
          const viaBase = node.next.get(base);
          if (viaBase) walk(viaBase, i + 1);
        }
      }
    }
    if (node.prefixes.length && mayBucket[i] === 1) {
      const word = folded[i];
      const bucket = node.prefixIndex.get(word.slice(0, 3));
      if (bucket) for (const p of bucket) if (word.startsWith(p.prefix)) walk(p.node, i + 1);
    }
  };
  /** Enters the class edges of `node` that unit i can go on through (one lookup for most of them). */
  const enterEdges = (node: TrieNode, i: number): void => {
    const always = node.edgesAlways;
    if (always) for (const edge of always) slot(edge, i, 0);
    const byKey = node.edgesByKey;
    if (!byKey || i >= n) return;
    // Every key of edgesByKey is a key of some node's children (ClassEdge.firstKeys): a unit or base without a step
    // number (see StepTable) cannot be one.
    const viaNormal = node === root && table ? unitKey[i]?.rootEdges
      : table && keyStep[i] < 0 ? undefined : byKey.get(keyNormal[i]);
    if (viaNormal) for (const edge of viaNormal) slot(edge, i, 0);
    const bases = keyBases[i];
    if (bases) {
      const steps = baseSteps[i];
      for (let b = 0; b < bases.length; b++) {
        if (steps && steps[b] < 0) continue;
        const viaBase = byKey.get(bases[b]);
        // An edge already entered through the unit's own form is not entered again.
        if (viaBase) for (const edge of viaBase) if (!viaNormal?.includes(edge)) slot(edge, i, 0);
      }
    }
  };
  /** Takes `reps` phrases of the edge's class so far, ending before unit i; tries more, and moves on once enough. */
  const slot = (edge: ClassEdge, i: number, reps: number): void => {
    if (reps >= edge.min) walk(edge.node, i);
    if (reps < edge.max) member(edge, edge.members, i, i, reps);
  };
  const member = (edge: ClassEdge, node: TrieNode, from: number, i: number, reps: number): void => {
    if (node.memberEnd && i > from) slot(edge, i, reps + 1);
    if (i >= n || (i > start && barrier[i - 1] !== 0 && !crossesQuotes(i - 1))) return;
    if (table) {
      const next = keyStep[i] >= 0 ? child(node, keyStep[i]) : undefined;
      if (next) member(edge, next, from, i + 1, reps);
      const bases = baseSteps[i];
      if (bases) {
        for (const base of bases) {
          const viaBase = base >= 0 ? child(node, base) : undefined;
          if (viaBase) member(edge, viaBase, from, i + 1, reps);
        }
      }
    } else {
      const next = node.next.get(keyNormal[i]);
      if (next) member(edge, next, from, i + 1, reps);
      const bases = keyBases[i];
      if (bases) {
        for (const base of bases) {
          const viaBase = node.next.get(base);
          if (viaBase) member(edge, viaBase, from, i + 1, reps);
        }
      }
    }
    if (node.prefixes.length && mayBucket[i] === 1) {
      const word = folded[i];
      const bucket = node.prefixIndex.get(word.slice(0, 3));
      if (bucket) for (const p of bucket) if (word.startsWith(p.prefix)) member(edge, p.node, from, i + 1, reps);
    }
  };
  const startBuckets = root.startBuckets;
  for (let i = 0; i < n; i++) {
    // Fast reject: most units start no pattern at all.
    const starts = canStart[i] === 1 ||
      (mayBucket[i] === 1 && startBuckets !== undefined && startBuckets.size > 0 && startBuckets.has(folded[i].slice(0, 3)));
    if (starts) {
      start = i;
      walk(root, i);
    }
  }
  return candidates;
}

/**
 * Whether an event phrase or a name of two or more words matched its last word only through a past form the pattern
 * did not write ("Hamas massacred 1,200 people" through "Hamas massacre", "terrorists attacked" through "terrorist
 * attack", "the Israeli enemy targeted the town" through the name "enemy target"): that word is the sentence's verb,
 * so the phrase names no event and no thing; the actor before it stays a label ("the Israeli enemy") and the verb
 * alone may still be a one-word event. Inflection is global per pattern word, which is why the phrase matched at all.
 */
function endsInVerbForm(c: Candidate, units: Units, compiled: CompiledLexicon): boolean {
  const entry = c.terminal.entry;
  const phrase = entry.kind === 'name' || (entry.kind === 'label' && (entry as LabelEntry).category === 'event');
  if (!phrase || c.endUnit - c.startUnit < 2) return false;
  const last = c.terminal.units[c.terminal.units.length - 1];
  if (!last || last.prefix || last.key.endsWith('ed')) return false;
  const normal = units.normal[c.endUnit - 1];
  if (!normal.endsWith('ed') || normal === last.key) return false;
  return compiled.keysOf.get(normal)?.bases?.includes(last.key) ?? false;
}

/** Articles a pattern may begin with ("the occupation", "the militias"). */
const ARTICLES = new Set(['the', 'a', 'an']);

/** Words after which an -s form is a verb with its object ("the Israeli military raids the camp"), not a plural. */
export const OBJECT_STARTS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'these',
  'those', 'them', 'him', 'it', 'back', 'some', 'several', 'two', 'three', 'dozens', 'more']);

/** The lexicon's class of framing adjectives that a name's label may end in ("Hamas terrorist", "Houthi militant"). */
const FRAMING_ADJECTIVE_CLASS = 'framing-adjective';

/**
 * Whether the word at unit `u` is a noun of the lexicon's `act-noun` class, by its singular or its plural: an -s form
 * followed by an object (an article, a pronoun, a capitalised name) is the verb ("Hamas terrorist attacks the town"),
 * and inflected verbs ("attacked") are no members.
 */
function actNounAt(text: string, units: Units, u: number, compiled: CompiledLexicon): boolean {
  const acts = classWords(compiled, 'act-noun');
  const word = units.normal[u];
  if (acts.has(word)) return true;
  const singular = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('s') ? word.slice(0, -1) : null;
  if (!singular || !(acts.has(singular) || (word.endsWith('es') && acts.has(word.slice(0, -2))))) return false;
  return !objectFollows(text, units, u);
}

/** Whether an object (an article, a pronoun, a capitalised name) follows unit `u` with no punctuation between: an -s form there is a verb. */
function objectFollows(text: string, units: Units, u: number): boolean {
  if (u + 1 >= units.count || units.barrierAfter[u]) return false;
  return OBJECT_STARTS.has(units.normal[u + 1]) || UPPER_START.test(text.slice(units.start[u + 1], units.end[u + 1]));
}

/** The lexicon's class of places, equipment and weapons named after a side ("targets", "positions", "sites"). */
const THING_NOUN_CLASS = 'thing-noun';

/**
 * Whether the word at unit `u` is a noun of an act (`actNounAt`) or one of the lexicon's `thing-noun` class, the
 * places, equipment and weapons a side's name or label may stand before ("Houthi rebel targets", "Hamas militant
 * positions": devset traps, targets named after a side). The thing-noun class lists every inflection, so its words are
 * read as written; an -s form followed by an object is the verb ("a Houthi rebel targets the ship").
 */
function actOrThingAt(text: string, units: Units, u: number, compiled: CompiledLexicon): boolean {
  if (actNounAt(text, units, u, compiled)) return true;
  const word = units.normal[u];
  if (!classWords(compiled, THING_NOUN_CLASS).has(word)) return false;
  return !(word.endsWith('s') && objectFollows(text, units, u));
}

/** Whether a candidate is an actor label's (the only ones the readings below may drop). */
function isActorCandidate(c: Candidate): boolean {
  const entry = c.terminal.entry;
  return entry.kind === 'label' && (entry as LabelEntry).category === 'actor-label';
}

/**
 * "the Hamas terrorist attack", "Houthi militant activity", "a Hamas terror rocket", "Houthi rebel targets": a name's
 * label that ends in a framing adjective written as an adjective (the singular "terrorist", not "terrorists") right
 * before a noun of an act or a thing (`act-noun`, `thing-noun`) describes the act or the thing (devset traps: "this
 * atrocious terrorist attack", "Houthi rebel targets"; lexicons/README.md "Framing adjectives"), so the candidate is
 * dropped and the name before the adjective is matched on its own, as the neutral mention it is. The name must be
 * capitalised: a label of common nouns is left to its patterns.
 */
function adjectiveOfAct(text: string, units: Units, compiled: CompiledLexicon, c: Candidate): boolean {
  if (!isActorCandidate(c) || c.endUnit - c.startUnit < 2) return false;
  const last = c.endUnit - 1;
  if (!classWords(compiled, FRAMING_ADJECTIVE_CLASS).has(units.normal[last])) return false;
  if (c.endUnit >= units.count || units.barrierAfter[last]) return false;
  if (!/^\s+$/.test(text.slice(units.end[last], units.start[c.endUnit]))) return false;
  const first = ARTICLES.has(units.normal[c.startUnit]) ? c.startUnit + 1 : c.startUnit;
  if (first >= last || !UPPER_START.test(text.slice(units.start[first], units.end[first]))) return false;
  return actOrThingAt(text, units, c.endUnit, compiled);
}

/** The lexicon's class of nouns that mark a group as irregular ("militia", "militant", "rebel"). */
const IRREGULAR_NOUN_CLASS = 'irregular-noun';
/** The lexicon's class of nouns of a force's movements and growth ("repositioning", "recruitment"), read by bareNounOfAct. */
const MOVEMENT_NOUN_CLASS = 'movement-noun';
/** The lexicon's class of Iran named as a group's sponsor ("Iran", "Iranian", "Tehran"). */
const PATRON_CLASS = 'patron';

/**
 * "fatal militia attacks on US troops", "a militia drone strike": a label of one word that is the singular of an
 * `irregular-noun` member (the class is lower-case, read whatever the text's case: "Militia attacks resumed"), right before a noun of an act or a thing, is the attribute of that noun (devset
 * trap, batch ab: "militia attacks", as "rebel assault" and "Houthi militant activity" are), not a group: the
 * candidate is dropped. The plural ("militias attacked", "militias attacks" as a typo aside) stays the group's label,
 * and so does a composed label ending in the noun ("an Iranian-backed militia drone strike": the patron names the
 * men, dev annotation), and an -s form followed by an object is the verb ("the militia attacks the base").
 */
function bareNounOfAct(text: string, units: Units, compiled: CompiledLexicon, c: Candidate): boolean {
  if (!isActorCandidate(c) || c.endUnit - c.startUnit !== 1) return false;
  const u = c.startUnit;
  const word = units.normal[u];
  if (!classWords(compiled, IRREGULAR_NOUN_CLASS).has(word)) return false;
  // "airstrikes on Iranian militia positions": a one-word patron right before the noun names the men, as the composed
  // "Iran-backed militia" does (session 21, dev-aj): the noun stays the group's label.
  if (u > 0 && !units.barrierAfter[u - 1] && /^\s+$/.test(text.slice(units.end[u - 1], units.start[u]))
    && classWords(compiled, PATRON_CLASS).has(units.normal[u - 1])) return false;
  if (c.endUnit >= units.count || units.barrierAfter[u]) return false;
  if (!/^\s+$/.test(text.slice(units.end[u], units.start[c.endUnit]))) return false;
  // "militia repositioning, refugee crises": a noun of a force's movement or growth (`movement-noun`, session 23) is an
  // act of the noun too, here only (a force's label before it stays the force: "the U.S. military presence").
  return actOrThingAt(text, units, c.endUnit, compiled) || classWords(compiled, MOVEMENT_NOUN_CLASS).has(units.normal[c.endUnit]);
}

/**
 * "Pro- and anti-US forces in the region", "anti- and pro-Iran groups": a stance label ("anti-US forces", "pro-Iran
 * groups") after the other stance's prefix suspended by "and"/"or" names the forces on both sides of the stance, no one
 * side (devset trap, batch ab): the candidate is dropped. The prefix must be the opposite one ("pro- and pro-…" is
 * no English) and stand right before, with only spaces around the conjunction.
 */
function bothStances(text: string, units: Units, c: Candidate): boolean {
  if (!isActorCandidate(c)) return false;
  const first = units.normal[c.startUnit];
  if (first !== 'anti' && first !== 'pro') return false;
  const before = /(?:^|[^\p{L}])(pro|anti)\s*[-‐‑–]\s+(?:and|or)\s+$/iu.exec(text.slice(Math.max(0, units.start[c.startUnit] - 16), units.start[c.startUnit]));
  return before !== null && before[1].toLowerCase() !== first;
}

/**
 * "members of the Hezbollah-aligned Amal group": a composed label whose last word, a name, is glued by a hyphen to a
 * lower-case word after it ends inside a compound modifier of another noun phrase, which names another body (devset
 * trap, batch k): the candidate is dropped. Plain labels keep their reading (gold README C-TIE: "Israel-linked
 * vessels" counts Israel).
 */
function endsInsideCompound(text: string, units: Units, c: Candidate): boolean {
  if (!c.terminal.composed || c.terminal.entry.kind !== 'label' || c.endUnit >= units.count) return false;
  const last = c.endUnit - 1;
  if (!isHyphenGlue(text.slice(units.end[last], units.start[c.endUnit]))) return false;
  return /^\p{Ll}/u.test(text.slice(units.start[c.endUnit], units.end[c.endUnit]));
}

/** Possessive determiners before a noun phrase ("its Iranian allies"). */
const POSSESSIVE_DETERMINERS = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/**
 * "Hezbollah and its Iranian allies", "Hamas and their Iranian allies": a label of a nationality adjective before a
 * `relation-noun` ("Iranian allies", the patron's allies where nothing owns them) after a possessive determiner
 * names the owner's allies of that nationality (Iran itself), not the patron's: the candidate is dropped.
 */
function ownersNationals(text: string, units: Units, compiled: CompiledLexicon, c: Candidate): boolean {
  if (!isActorCandidate(c) || c.startUnit === 0) return false;
  if (!classWords(compiled, 'relation-noun').has(units.normal[c.endUnit - 1])) return false;
  if (!/^\p{Lu}\p{L}*an$/u.test(text.slice(units.start[c.startUnit], units.end[c.startUnit]))) return false;
  return POSSESSIVE_DETERMINERS.has(units.normal[c.startUnit - 1]) && !units.barrierAfter[c.startUnit - 1];
}

/** The lexicon's class of patron ties, the second halves of "Iran-backed", "Tehran-aligned". */
const PATRON_TIE_CLASS = 'patron-tie';

/**
 * "Officials said Iran backed the group", "the militias Iran funded.": a label that ends in a patron tie written apart
 * from the word before it by a space, not a hyphen, and is followed by an object (an article, a pronoun: OBJECT_STARTS)
 * or by punctuation, is a clause with the tie as its verb, not the compound modifier "Iran-backed"; the candidate is
 * dropped and the patron's name is matched on its own. "Iran backed militias" (a hyphen left out before a noun) stays a
 * label.
 */
function tieAsVerb(text: string, units: Units, compiled: CompiledLexicon, c: Candidate): boolean {
  if (!isActorCandidate(c) || c.endUnit - c.startUnit < 2) return false;
  const last = c.endUnit - 1;
  const ties = classWords(compiled, PATRON_TIE_CLASS);
  if (units.barrierAfter[last - 1] || !ties.has(units.normal[last])) return false;
  if (!/^\s+$/.test(text.slice(units.end[last - 1], units.start[last]))) return false;
  if (c.endUnit >= units.count || units.barrierAfter[last] === 1 || OBJECT_STARTS.has(units.normal[c.endUnit])) return true;
  // The rest only for the bare compound "{patron} {tie}": a composed label that ends in the tie ("the militias which
  // Tehran funded") already holds its clause.
  if (c.endUnit - c.startUnit !== 2) return false;
  // A relative word right before the patron opens a clause whose verb the tie is: "the first group that Iran backed
  // and used", "the militias which Tehran funded in 2014", "whom Iran supported for years" (session 23, batch aw).
  const before = c.startUnit - 1;
  if (before >= 0 && !units.barrierAfter[before] && TIE_CLAUSE_OPENERS.has(units.normal[before])) return true;
  const next = units.normal[c.endUnit];
  // A second verb coordinated after the tie ("Iran backed and used", not "Iran backed and funded militias", two ties of
  // one compound), or a preposition of an adjunct where a modifier would have its noun ("the factions Iran backed in
  // Syria"); after a form of "be" the tie stays the predicative modifier ("groups that are Iran backed in Iraq").
  if ((next === 'and' || next === 'or') && !units.barrierAfter[c.endUnit] && c.endUnit + 1 < units.count &&
    !ties.has(units.normal[c.endUnit + 1]) && !OBJECT_STARTS.has(units.normal[c.endUnit + 1])) return true;
  return TIE_ADJUNCT_PREPOSITIONS.has(next) && !(before >= 0 && BE_FORMS.has(units.normal[before]));
}

/** Relative words before a patron that make the tie after it a verb ("that Iran backed"). */
const TIE_CLAUSE_OPENERS: ReadonlySet<string> = new Set(['that', 'which', 'whom', 'who']);
/** Prepositions of an adjunct after a tie used as a verb ("the factions Iran backed in Syria", "… funded for years"). */
const TIE_ADJUNCT_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'for', 'during', 'since', 'throughout', 'until',
  'from', 'after', 'before', 'over', 'at', 'through']);

export function findMatches(text: string, units: Units, compiled: CompiledLexicon): Match[] {
  const n = units.count;
  const barrier = units.barrierAfter;
  const collected = collectCandidates(text, units, compiled);
  // A stance label after the other stance's suspended prefix (bothStances) takes every actor label inside it along:
  // "pro- or anti-Iranian militias" are no one side's militias either.
  const stances = collected.filter((c) => bothStances(text, units, c));
  const inStance = (c: Candidate): boolean => stances.some((s) => c.startUnit < s.endUnit && s.startUnit < c.endUnit) && isActorCandidate(c);
  const candidates = collected
    .filter((c) => !endsInVerbForm(c, units, compiled) && !adjectiveOfAct(text, units, compiled, c)
      && !bareNounOfAct(text, units, compiled, c) && !(stances.length && inStance(c)) && !ownersNationals(text, units, compiled, c)
      && !endsInsideCompound(text, units, c) && !tieAsVerb(text, units, compiled, c));
  if (candidates.length === 0) return [];

  // Whether each candidate's first unit is an article, looked up once per start rather than once per comparison.
  const articleAt = new Uint8Array(n);
  for (const c of candidates) articleAt[c.startUnit] = ARTICLES.has(units.normal[c.startUnit]) ? 1 : 0;
  const articled = (c: Candidate): number => articleAt[c.startUnit];
  candidates.sort((a, b) =>
    b.terminal.priority - a.terminal.priority ||
    (b.endUnit - b.startUnit) - (a.endUnit - a.startUnit) ||
    // At equal length the plain pattern is the more specific one ("Iranian armed forces" over a class pattern).
    Number(a.terminal.composed) - Number(b.terminal.composed) ||
    // Then the one that spends no unit on an article: in "the occupation forces' attacks", "occupation forces" is
    // the phrase and "the occupation" would cut off its head noun.
    articled(a) - articled(b) ||
    a.startUnit - b.startUnit);
  // 0 free, 1 taken by a label or device, 2 taken by a name. nameEnd: one past the last unit of the name there.
  const taken = new Uint8Array(n);
  // Only needed once a name is chosen: most documents with few names never allocate them.
  let nameStart: Int32Array | undefined;
  let nameEnd: Int32Array | undefined;
  // 1 where the name taken there is a place ("Gaza Strip"): a label pattern written with the place in it ("civilians
  // in the Gaza Strip", "people of the Gaza Strip") holds it whole, as a composed label holds a name.
  let placeAt: Uint8Array | undefined;
  const chosen: Match[] = [];
  for (const c of candidates) {
    let free = true;
    let freeUnits = 0;
    for (let u = c.startUnit; u < c.endUnit && free; u++) {
      if (!taken[u]) {
        freeUnits++;
        continue;
      }
      // A composed label may hold a whole name ("faction supported by the IRGC"), any label a whole place ("civilians
      // in the Gaza Strip"): the name stays a name hit.
      if (taken[u] === 2 && c.terminal.entry.kind === 'label' && (c.terminal.composed || placeAt![u] === 1) &&
        nameStart![u] >= c.startUnit && nameEnd![u] <= c.endUnit) continue;
      free = false;
    }
    if (!free || freeUnits === 0 || !caseMatches(text, units, c)) continue;
    const isName = c.terminal.entry.kind === 'name';
    for (let u = c.startUnit; u < c.endUnit; u++) {
      if (taken[u]) continue;
      taken[u] = isName ? 2 : 1;
      if (isName) {
        nameStart ??= new Int32Array(n);
        nameEnd ??= new Int32Array(n);
        placeAt ??= new Uint8Array(n);
        nameStart[u] = c.startUnit;
        nameEnd[u] = c.endUnit;
        placeAt[u] = (c.terminal.entry as NameEntry).type === 'place' ? 1 : 0;
      }
    }
    const match: Match = {
      entry: c.terminal.entry,
      pattern: c.terminal.pattern,
      startUnit: c.startUnit,
      endUnit: c.endUnit,
      start: units.start[c.startUnit],
      end: units.end[c.endUnit - 1],
    };
    // Only a match that ran through a barrier can hold quotation marks.
    const quoted = c.endUnit - c.startUnit > 1 ? quotedPart(text, units, c.startUnit, c.endUnit, barrier) : undefined;
    if (quoted) {
      match.quoted = quoted;
      // The mark that opens or closes the quoted part at the match's edge belongs to the phrase: 'US "occupation"'.
      if (quoted.startUnit === c.startUnit && (OPENING_ANY.has(text[match.start - 1] ?? '') || straightOpensAt(text, match.start - 1))) match.start -= 1;
      // A straight single mark right after a quotation still open at the match's end closes it ("the US 'occupation' of").
      if (quoted.endUnit === c.endUnit && (CLOSING_ANY.has(text[match.end] ?? '') || text[match.end] === "'")) match.end += 1;
    }
    chosen.push(match);
  }
  chosen.sort((a, b) => a.start - b.start || b.end - a.end);
  return ofAfterJoin(text, units, compiled, chosen,
    joinNounPhrase(text, units, compiled, joinAcross(text, units, compiled, joinCoordinated(text, units, compiled, chosen))));
}

/**
 * "militants of the Iranian-backed Palestinian Islamist group": the body's label is itself joined ("Iranian-backed" +
 * "Palestinian Islamist group", joinNounPhrase) after its pair with the members' label was tried, so the of-phrase is
 * tried once more on every label the passes joined, with the label before it (ofPhrase only: every other pair was
 * tried). Linear: each joined label is looked at once.
 */
function ofAfterJoin(text: string, units: Units, compiled: CompiledLexicon, before: Match[], after: Match[]): Match[] {
  if (after === before) return after;
  const old = new Set(before);
  let out: Match[] | undefined;
  for (let i = 0; i < after.length; i++) {
    const b = after[i];
    const list = out ?? after;
    const a = out ? out[out.length - 1] : after[i - 1];
    const joined = a && !old.has(b) && a.entry.kind === 'label' && b.entry.kind === 'label' && !a.quoted && !b.quoted
      ? ofPhrase(text, units, compiled, a, b) : undefined;
    if (joined) {
      out ??= list.slice(0, i);
      out[out.length - 1] = joined;
      continue;
    }
    out?.push(b);
  }
  return out ?? after;
}

/** Words that coordinate two modifiers of one noun ("Iran-backed and Iraqi government-funded militias"). */
const COORDINATORS = new Set(['and', 'or']);
/** The gap before the second half of a suspended compound: a space and a hyphen ("and -funded"). */
const SUSPENDED = /^\s+[-\u2010\u2011]$/;
/** Words that open a new noun phrase: a conjunct that starts with one is no modifier. */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'these', 'those', 'this',
  'that', 'some', 'other', 'another', 'all', 'both', 'many', 'several']);
/** Units at most between a modifier label and the label of its noun: the conjunction and the other modifier. */
const MAX_CONJUNCT = 4;
/** The class of descriptive words a composed phrase may hold (lexicons/conflict.yml). */
const DESCRIPTOR_CLASS = 'descriptor';
/** At most this many descriptors between a compound modifier and the conjunction (see coordinated). */
const MAX_COORDINATED_DESCRIPTORS = 2;

/**
 * Coordinated modifiers make one mention: "Iran-backed and Iraqi government-funded militias" is one phrase about one
 * group, not "Iran-backed" plus "militias". A label that ends in a compound modifier, followed by "and"/"or", at
 * most three more words and another label ("Iran-backed and Iraqi militias": the other modifier may be part of the
 * second label), with no punctuation, is joined when the two labels read without the other conjunct
 * ("Iran-backed militias") match one pattern whole: the joined mention takes that pattern's entry and spans the
 * whole phrase. The other conjunct may hold a name ("Iraqi government"), which stays a name. Each label is looked
 * at once and the phrase read is at most the two labels long, so this stays linear in the text.
 */
function joinCoordinated(text: string, units: Units, compiled: CompiledLexicon, chosen: Match[]): Match[] {
  let out: Match[] | undefined;
  for (let i = 0; i < chosen.length; i++) {
    const a = chosen[i];
    if (a.entry.kind !== 'label' || a.quoted) {
      out?.push(a);
      continue;
    }
    let j = i + 1;
    while (j < chosen.length && chosen[j].entry.kind === 'name' && chosen[j].startUnit < a.endUnit + MAX_CONJUNCT) j++;
    const b = chosen[j];
    const joined = b && b.entry.kind === 'label' && !b.quoted
      ? (j > i + 1
        ? nameInside(text, units, compiled, a, chosen.slice(i + 1, j), b) ?? coordinated(text, units, compiled, a, b)
        : ledBy(text, units, a, b) ?? ofPhrase(text, units, compiled, a, b) ?? gluedModifier(text, units, a, b) ?? headNoun(units, a, b)
          ?? bracketedGloss(text, a, b) ?? coordinated(text, units, compiled, a, b) ?? coordinatedNouns(text, units, compiled, a, b)
          ?? commaPatron(text, units, compiled, a, b) ?? commaModifier(text, units, compiled, a, b)) : undefined;
    if (!joined) {
      out?.push(a);
      continue;
    }
    out ??= chosen.slice(0, i);
    // A member label right before a phrase joined here is read with the whole phrase, as with a plain label:
    // "fighters of Iran-backed and Iraqi militias", "fighters in Iran-backed and Iraqi militias" are one mention.
    const prev = out.length ? out[out.length - 1] : undefined;
    const member = prev && prev.entry.kind === 'label' && !prev.quoted && prev.endUnit < joined.startUnit
      ? ofPhrase(text, units, compiled, prev, joined) : undefined;
    if (member) out[out.length - 1] = member;
    else out.push(joined);
    // Names inside the other conjunct stay; the second label is replaced by the joined mention.
    for (let k = i + 1; k < j; k++) out.push(chosen[k]);
    i = j;
  }
  return out ?? chosen;
}

/**
 * "Hamas-led Palestinian militant groups": a label of a referent glued by "-led" to a label of the same referent is one
 * mention, the second label's (the leader named inside the phrase adds no frame of its own). Another referent
 * ("US-led Iraqi forces") keeps both mentions.
 */
function ledBy(text: string, units: Units, a: Match, b: Match): Match | undefined {
  const led = a.endUnit;
  if (b.startUnit !== led + 1 || units.normal[led] !== 'led' || units.barrierAfter[led - 1] || units.barrierAfter[led]) return undefined;
  if (!isHyphenGlue(text.slice(units.end[led - 1], units.start[led]))) return undefined;
  const ra = (a.entry as LabelEntry).referent;
  if (!ra || ra !== (b.entry as LabelEntry).referent) return undefined;
  return spanning(a, b, b.entry, b.pattern);
}

/** Referents a label may name: its own, or those its context may give it. */
function referentsOf(e: LabelEntry): readonly string[] {
  return e.referent ? [e.referent] : e.resolve ?? [];
}

/** Whether two labels can name the same referent. */
function shareReferent(ea: LabelEntry, eb: LabelEntry): boolean {
  const rb = referentsOf(eb);
  return referentsOf(ea).some((r) => rb.includes(r));
}

/** One mention from the start of `a` to the end of `b`, under the given entry and pattern. */
function spanning(a: Match, b: Match, entry: LexiconEntry, pattern: PatternSpec): Match {
  return { entry, pattern, startUnit: a.startUnit, endUnit: b.endUnit, start: a.start, end: b.end };
}

/**
 * Labels a and b joined into one mention under `entry`, the entry of one of the two (with that label's pattern); none
 * when there is no entry, or when it is a context label that would take in a label of a fixed referent (context would
 * re-decide who is named: "the occupation" never swallows "Israeli forces").
 */
function joinUnder(a: Match, b: Match, entry: LabelEntry | undefined): Match | undefined {
  const other = (entry === b.entry ? a.entry : b.entry) as LabelEntry;
  if (!entry || (!entry.referent && other.referent)) return undefined;
  return spanning(a, b, entry, entry === b.entry ? b.pattern : a.pattern);
}

/** Words of an article or a quantity between "of" and the member label ("a number of", "dozens of", "several"). */
const QUANTITY = new Set(['the', 'a', 'an', 'number', 'host', 'handful', 'dozen', 'dozens', 'scores', 'hundreds', 'several',
  'many', 'various', 'numerous', 'some', 'multiple', 'different', 'other', 'of', 'more', 'than', 'over', 'about', 'around',
  'at', 'least', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty']);
/** Units at most between "of" and the member label ("more than a dozen of"). */
const MAX_QUANTITY = 5;

/**
 * The words that join a member label to the label of the body it belongs to: "of", "for", and "from" and "in", which
 * say the same of members ("fighters from Iran-backed militias", "fighters in Iran-affiliated factions" are the
 * militias' fighters, as "fighters of …" are; a place after "in" is no label, so "fighters in Iraq" stays alone).
 */
const OF_WORDS = new Set(['of', 'for', 'from', 'in']);

/**
 * "an umbrella group of anti-terror fighters", "an umbrella organization for Iran-backed Shiite militias", "US troops
 * of the international coalition", "an umbrella group for a number of Iran-backed militias", "hundreds of fighters from
 * Iran-backed Iraqi militias": two labels joined by "of", "for" or "from" (and an optional article or quantity) that
 * can name the same referent are one mention
 * when one of them is neutral (weight 0): the composed phrase takes the other's entry, so its weight is the sum of its
 * parts (lexicons/README.md, "One phrase, one mention, one weight"). Two framing labels keep their two mentions.
 */
function ofPhrase(text: string, units: Units, compiled: CompiledLexicon, a: Match, b: Match): Match | undefined {
  const of = a.endUnit;
  if (!OF_WORDS.has(units.normal[of]) || units.barrierAfter[of - 1] || units.barrierAfter[of]) return undefined;
  // Between "of" and the second label only an article, a quantity or a descriptor may stand ("the", "a number of",
  // "several", "dozens of", "10", "hardline", "Shiite"): they count or describe the members, they name nobody
  // ("an umbrella group of hardline Shi'ite armed factions").
  const gap = b.startUnit - of - 1;
  if (gap < 0 || gap > MAX_QUANTITY) return undefined;
  const descriptors = classMemberWords(compiled, 'descriptor');
  const sects = classMemberWords(compiled, 'sect');
  for (let u = of + 1; u < b.startUnit; u++) {
    const w = units.normal[u];
    if (units.barrierAfter[u] || !(QUANTITY.has(w) || /^\d+$/.test(w) || descriptors.has(w) || sects.has(w))) return undefined;
  }
  const ea = a.entry as LabelEntry;
  const eb = b.entry as LabelEntry;
  if (ea.category !== 'actor-label' || eb.category !== 'actor-label' || !shareReferent(ea, eb)) return undefined;
  // After "from" or "in" the actor's own name used as a label ("fighters from Hamas", "fighters in Hezbollah") keeps
  // its mention, as it does before a noun ("Hamas fighters"); the resolver reads the phrase for the label before it.
  if ((units.normal[of] === 'from' || units.normal[of] === 'in') && PROPER_NAME.test(b.pattern.source)) return undefined;
  // A compound modifier with its noun still to come ("fighters from the Iranian-backed Popular Mobilization Units")
  // is not the body named: its noun phrase goes on past the label.
  if (endsInCompound(text, units, b) && b.endUnit < units.count && !units.barrierAfter[b.endUnit - 1]) return undefined;
  // "the terrorist state of Israel", "the criminal regime of Iran": the of-phrase names whom the framing label means,
  // so the two are one mention of the named referent with the label's frame, as the resolver would read the label.
  // The name may take its article ("militants of the Hamas movement", wires' "militants of the Hamas armed wing"):
  // an article describes nobody, so it cannot make the members another side's.
  // Not an adversary's noun: "the enemies of Israel" are Israel's adversaries, not Israel.
  const articleOnly = gap === 0 || (gap === 1 && units.normal[of + 1] === 'the');
  if (!ea.referent && eb.referent && eb.weight === 0 && ea.weight !== 0 && articleOnly
    && !classWords(compiled, ADVERSARY_CLASS).has(units.normal[a.endUnit - 1])) {
    return { ...spanning(a, b, ea, a.pattern), referent: eb.referent };
  }
  // "militants of the Iranian-backed Palestinian Islamist group", "terrorists of the Iran-backed militia": the men of a
  // body, a context label of the members before a framing label of the body with its article, name one referent (gold
  // README, "One composed phrase, one span"), which no composed entry can list (any framing label of any group may
  // follow). One mention of the body's referent, weighing the sum of the two parts, kept within −2 … +2; without it
  // the phrase was counted as two mentions. Only before a group noun that ends the body's label (a head the resolver
  // reads as a group's), never after an adversary's noun.
  // When the body's label is a context label too ("militants of the Islamist group"), the mention takes the body's
  // entry, which says more of who is meant, and context decides, as for the body alone.
  if (!ea.referent && ea.weight !== 0 && eb.weight !== 0 && articleOnly &&
      groupHead(compiled, units.normal[b.endUnit - 1]) && !classWords(compiled, ADVERSARY_CLASS).has(units.normal[a.endUnit - 1])) {
    const weight = Math.max(-2, Math.min(2, ea.weight + eb.weight));
    if (eb.referent) return { ...spanning(a, b, ea, a.pattern), referent: eb.referent, weight, joinedAt: b.startUnit };
    return { ...spanning(a, b, eb, b.pattern), weight, joinedAt: b.startUnit };
  }
  return joinUnder(a, b, ea.weight === 0 ? eb : eb.weight === 0 ? ea : undefined);
}

/** The lexicon's class of nouns for a side's adversaries ("the enemies of Israel"): never joined to the of-phrase. */
const ADVERSARY_CLASS = 'adversary-noun';

/**
 * "Iran-sponsored terror proxies": a label that is a compound modifier ("Iran-sponsored", "pro-Iran") right before a
 * label that can name the same referent is one phrase. Its weight is the sum of the two, kept within −2 … +2; the
 * mention takes the entry that has that weight (the head noun's first). When neither has it, the lexicon needs a
 * composed entry for the combination, and the two mentions stay as they are.
 */
function gluedModifier(text: string, units: Units, a: Match, b: Match): Match | undefined {
  if (b.startUnit !== a.endUnit || units.barrierAfter[a.endUnit - 1] || !endsInCompound(text, units, a)) return undefined;
  const ea = a.entry as LabelEntry;
  const eb = b.entry as LabelEntry;
  if (ea.category !== 'actor-label' || eb.category !== 'actor-label' || !shareReferent(ea, eb)) return undefined;
  const sum = Math.max(-2, Math.min(2, ea.weight + eb.weight));
  return joinUnder(a, b, eb.weight === sum ? eb : ea.weight === sum ? ea : undefined);
}

/** What may stand between a label and the label it glosses: an opening bracket and quotation marks. */
const GLOSS_OPEN = /^[\s"“‘'«]*[([][\s"“‘'«]*$/;
/**
 * What may close the gloss: quotation marks, an editor's initials after a dash ("(Israel – PC)"), the bracket that
 * matches the opening one.
 */
const GLOSS_CLOSE = /^[\s"”’'»]*(?:[-–—]\s*[A-Za-z.]{1,6}\s*)?[)\]]/;

/**
 * "Israeli Defense Forces (IDF)", "the Zionist entity (Israel)", "the entity [‘Israel’]": a label followed by a label
 * of the same referent alone in brackets (round or square, quotation marks and an editor's initials allowed) is one
 * mention: the outlet names the actor once and glosses or abbreviates it. The mention takes the first label's entry
 * (the words the outlet chose, or quoted) and ends after the closing bracket. A context label glossed by a label of a
 * fixed referent it may take is that referent ("the entity [‘Israel’]" is Israel, whatever was named before).
 */
function bracketedGloss(text: string, a: Match, b: Match): Match | undefined {
  const open = text.slice(a.end, b.start);
  if (open.length > 6 || !GLOSS_OPEN.test(open)) return acronymAfterName(text, a, b);
  const close = GLOSS_CLOSE.exec(text.slice(b.end, b.end + 16));
  if (!close) return open.includes('(') ? nameAfterAcronym(text, a, b) : undefined;
  if (open.includes('(') ? close[0].slice(-1) !== ')' : close[0].slice(-1) !== ']') return undefined;
  const ea = a.entry as LabelEntry;
  const eb = b.entry as LabelEntry;
  if (ea.category !== eb.category) return undefined;
  const joined: Match = { ...spanning(a, b, a.entry, a.pattern), end: b.end + close[0].length };
  if (ea.referent) return referentsOf(eb).includes(ea.referent) ? joined : undefined;
  if (!eb.referent || !(ea.resolve ?? []).includes(eb.referent)) return undefined;
  joined.referent = eb.referent;
  return joined;
}

/** Capitalised words that go on a name up to the bracket of its acronym ("Israel| Air Force (|IAF)"). */
const NAME_TO_ACRONYM = /^(?:\s+\p{Lu}[\p{L}'’-]*){1,3}\s*\(\s*$/u;

/**
 * "the Israel Air Force (IAF)", "Iran Revolutionary Guard Corps (IRGC)": a label followed by at most three capitalised
 * words and, in round brackets, a label of the same fixed referent is one name, written out and abbreviated, which the
 * lexicon lacks whole; one mention under the first label's entry, up to the closing bracket. Context labels are left
 * alone: the capitalised words may name someone else.
 */
function acronymAfterName(text: string, a: Match, b: Match): Match | undefined {
  const ea = a.entry as LabelEntry;
  const eb = b.entry as LabelEntry;
  if (ea.category !== 'actor-label' || eb.category !== 'actor-label' || !ea.referent || ea.referent !== eb.referent) return undefined;
  const open = text.slice(a.end, b.start);
  if (open.length > 48 || !NAME_TO_ACRONYM.test(open)) return undefined;
  const close = /^\s*\)/.exec(text.slice(b.end, b.end + 4));
  return close ? { ...spanning(a, b, a.entry, a.pattern), end: b.end + close[0].length } : undefined;
}

/** Capitalised words that finish a name begun in brackets, up to the closing bracket ("(Israel| Air Force)"). */
const NAME_TO_CLOSE = /^(?:\s+\p{Lu}[\p{L}'’-]*){1,3}\s*\)/u;

/**
 * "IAF (Israel Air Force) aircraft": the mirror of acronymAfterName. An acronym that is a label, then in round brackets
 * a label of the same fixed referent followed by at most three capitalised words up to the closing bracket, is one
 * name, abbreviated and then written out; one mention under the acronym's entry, up to the closing bracket.
 */
function nameAfterAcronym(text: string, a: Match, b: Match): Match | undefined {
  const ea = a.entry as LabelEntry;
  const eb = b.entry as LabelEntry;
  if (ea.category !== 'actor-label' || eb.category !== 'actor-label' || !ea.referent || ea.referent !== eb.referent) return undefined;
  if (!ACRONYM.test(text.slice(a.start, a.end)) || !/^\s*\(\s*$/.test(text.slice(a.end, b.start))) return undefined;
  const close = NAME_TO_CLOSE.exec(text.slice(b.end, b.end + 48));
  return close ? { ...spanning(a, b, a.entry, a.pattern), end: b.end + close[0].length } : undefined;
}

/**
 * A pattern that is one capitalized word ("Hamas", "Israel", "IDF"): the actor's own name, used as a label. Not a
 * compound modifier built on the name ("Hamas-affiliated", "Hamas-linked"): its last part is lower-case, and it
 * describes the noun after it, with which it is one phrase ("Hamas-affiliated militants").
 */
const PROPER_NAME = /^\p{Lu}[\p{L}'’]*(?:[-‐‑]\p{Lu}[\p{L}'’]*)*$/u;

/**
 * "Iranian-backed militia fighters", "Hamas militant fighters": a label right before a label that can name the same
 * referent, with nothing between them, is one noun phrase when one of the two is neutral (weight 0): the neutral noun
 * is the head or the modifier of the framing one and adds no frame, so the mention takes the framing label's entry
 * (the sum of the parts, as "N of M"). Two neutral labels take the one with a fixed referent; two framing labels stay
 * two mentions (the combination wants a composed entry), as does a context label that would take in a fixed one.
 * The actor's own name used as a label ("Hamas", "Israel": a pattern of one capitalized word) keeps its own mention
 * on either side: "the Palestinian militant group Hamas" is a close apposition and "Hamas fighters" a name before a
 * noun, annotated as two spans by the gold conventions (the label before the name; the name as the baseline).
 */
function headNoun(units: Units, a: Match, b: Match): Match | undefined {
  if (b.startUnit !== a.endUnit || units.barrierAfter[a.endUnit - 1] 
    || PROPER_NAME.test(a.pattern.source) || PROPER_NAME.test(b.pattern.source)) return undefined;
  const ea = a.entry as LabelEntry;
  const eb = b.entry as LabelEntry;
  if (ea.category !== 'actor-label' || eb.category !== 'actor-label' || !shareReferent(ea, eb)) return undefined;
  if (ea.weight === 0 && eb.weight === 0) return joinUnder(a, b, eb.referent || !ea.referent ? eb : ea);
  return joinUnder(a, b, ea.weight === 0 ? eb : eb.weight === 0 ? ea : undefined);
}

/** Whether label `a` ends in a compound modifier ("Iran-backed", "pro-Iran"): its last unit is glued by a hyphen. */
function endsInCompound(text: string, units: Units, a: Match): boolean {
  const last = a.endUnit - 1;
  return last > a.startUnit && isHyphenGlue(text.slice(units.end[last - 1], units.start[last]));
}

/**
 * "Iran-backed Hezbollah militants", "the Iran-supported Kataib Hezbollah militant group": a compound-modifier label,
 * a name and a label, side by side with no punctuation, are one noun phrase about the named group, not two mentions.
 * The name stays a name hit. The phrase is read without the name ("Iran-backed militants"): the entry of a pattern
 * that matches it whole gives the weight, as for coordinated modifiers; failing that, the mention takes the entry of
 * the two whose weight is the sum of both (the glued-modifier rule). Either way the entry must be able to name the
 * name's referent ("Iran-backed Palestinian Islamic Jihad militants" is no armed-groups phrase), and a name of an
 * actor the lexicon does not track keeps the two mentions apart.
 */
function nameInside(text: string, units: Units, compiled: CompiledLexicon, a: Match, names: Match[], b: Match): Match | undefined {
  if (!endsInCompound(text, units, a)) return undefined;
  // The names fill the gap exactly, and no punctuation stands before, between or after them.
  let at = a.endUnit;
  for (const nm of names) {
    if (nm.startUnit !== at || units.barrierAfter[at - 1]) return undefined;
    at = nm.endUnit;
  }
  if (at !== b.startUnit || units.barrierAfter[at - 1]) return undefined;
  const ea = a.entry as LabelEntry;
  const eb = b.entry as LabelEntry;
  if (ea.category !== 'actor-label' || eb.category !== 'actor-label') return undefined;
  // Every name must be of a tracked referent: an untracked actor inside ("… Islamic State militants") is not the
  // modifier's group, and the context labels around it are left to resolution.
  const named: string[] = [];
  for (const nm of names) {
    const r = nm.entry.kind === 'name' ? nm.entry.referent : undefined;
    if (!r) return undefined;
    named.push(r);
  }
  const fits = (e: LabelEntry): boolean => named.every((r) => referentsOf(e).includes(r));
  const read = readWhole(text, units, compiled, a, b);
  if (read && fits(read.terminal.entry as LabelEntry)) return spanning(a, b, read.terminal.entry, read.terminal.pattern);
  if (!shareReferent(ea, eb)) return undefined;
  const sum = Math.max(-2, Math.min(2, ea.weight + eb.weight));
  return joinUnder(a, b, eb.weight === sum && fits(eb) ? eb : ea.weight === sum && fits(ea) ? ea : undefined);
}

/**
 * The label pattern that matches labels a and b read as one phrase, without what stands between them (or with it,
 * punctuation left out, when `withGap`): a small copy of their units, in order. The highest-priority match wins, a plain pattern before a class pattern.
 */
function readWhole(text: string, units: Units, compiled: CompiledLexicon, a: Match, b: Match, withGap = false): Candidate | undefined {
  const picked: number[] = [];
  for (let u = a.startUnit; u < (withGap ? b.startUnit : a.endUnit); u++) picked.push(u);
  for (let u = b.startUnit; u < b.endUnit; u++) picked.push(u);
  // With the gap, the pattern may leave out the label's first words ("Houthi rebels, supported by Iran" is read by
  // "rebels supported by Iran"), as long as it takes in the label's last word.
  return readPicked(text, units, compiled, picked, withGap ? a.endUnit - a.startUnit - 1 : 0);
}

/**
 * The label pattern that matches the units picked (in order, as one phrase) whole, starting at most at index
 * `firstAllowed` of them. The highest-priority match wins, a plain pattern before a class pattern.
 */
function readPicked(text: string, units: Units, compiled: CompiledLexicon, picked: number[], firstAllowed: number): Candidate | undefined {
  const m = picked.length;
  const sub: Units = {
    count: m,
    start: Int32Array.from(picked, (u) => units.start[u]),
    end: Int32Array.from(picked, (u) => units.end[u]),
    normal: picked.map((u) => units.normal[u]),
    barrierAfter: new Uint8Array(m),
    sentence: new Int32Array(m),
  };
  let best: Candidate | undefined;
  for (const c of collectCandidates(text, sub, compiled)) {
    if (c.startUnit > firstAllowed || c.endUnit !== m || c.terminal.entry.kind !== 'label' || !caseMatches(text, sub, c)) continue;
    if (!best || c.terminal.priority > best.terminal.priority
      || (c.terminal.priority === best.terminal.priority && Number(c.terminal.composed) < Number(best.terminal.composed))) best = c;
  }
  return best;
}

function coordinated(text: string, units: Units, compiled: CompiledLexicon, a: Match, b: Match): Match | undefined {
  // Descriptors may stand between the modifier and the conjunction, coordinated with the other conjunct's ("Iran-backed
  // Iraqi and Syrian militias"): one or two one-word members of the class the patterns allow inside a phrase.
  const descriptors = classWords(compiled, DESCRIPTOR_CLASS);
  let and = a.endUnit;
  while (and < b.startUnit && and - a.endUnit < MAX_COORDINATED_DESCRIPTORS && descriptors.has(units.normal[and])) and++;
  if (b.startUnit <= and || !COORDINATORS.has(units.normal[and])) return undefined;
  // A parenthetical between commas after the conjunction ("Iran-supported and, in some cases, -directed militias")
  // is an aside inside the phrase: the other conjunct begins after it.
  const from = afterParenthetical(text, units, and, b.startUnit);
  const gap = b.startUnit - from + 1;
  if (gap > MAX_CONJUNCT) return undefined;
  // The first label must be a compound modifier ("Iran-backed", "pro-Iranian"), not a noun phrase ("Iran and its
  // proxies"), and the other conjunct a modifier, not a new noun phrase with its own determiner.
  if (!endsInCompound(text, units, a)) return undefined;
  for (let u = from; u <= b.startUnit; u++) if (DETERMINERS.has(units.normal[u])) return undefined;
  for (let u = a.startUnit; u < b.endUnit - 1; u++) {
    if (u >= and && u < from - 1) continue;
    // A suspended hyphen after the conjunction ("Iran-backed and -funded militias") is part of the other modifier.
    const at = u === and || u === from - 1;
    if (units.barrierAfter[u] && !(at && (SUSPENDED.test(text.slice(units.end[u], units.start[u + 1]))
      || (from > and + 1 && ASIDE_END.test(text.slice(units.end[u], units.start[u + 1])))))) return undefined;
  }
  const best = readWhole(text, units, compiled, a, b);
  if (!best) return undefined;
  return spanning(a, b, best.terminal.entry, best.terminal.pattern);
}

/** Words at most of the second noun's own phrase before its patron link ("groups", "armed groups", "Shiite armed groups"). */
const MAX_SECOND_NOUN = 3;

/**
 * "militias and groups linked to the Iran-led Axis of Resistance", "militias or proxies loyal to Tehran": a noun label,
 * "and"/"or", and a patron phrase right after it are one mention when the patron phrase says the tie of both nouns:
 * the first noun with the second's link and patron, read without the second noun, matches the second's entry whole
 * ("militias linked to the Iran-led Axis of Resistance"). The mention takes the stronger of the two readings (the
 * first noun's with the link, the second's as written; the second's on a tie), as the patron phrase of either noun
 * alone would. Two labels of different referents, a second conjunct with its own determiner
 * ("militias and the groups backed by Iran") or a first label that is no plain noun phrase stay two mentions.
 */
function coordinatedNouns(text: string, units: Units, compiled: CompiledLexicon, a: Match, b: Match): Match | undefined {
  if (b.startUnit !== a.endUnit + 1 || !COORDINATORS.has(units.normal[a.endUnit])) return undefined;
  if (units.barrierAfter[a.endUnit - 1] || units.barrierAfter[a.endUnit] || endsInCompound(text, units, a)) return undefined;
  if (DETERMINERS.has(units.normal[b.startUnit])) return undefined;
  const ea = a.entry as LabelEntry;
  const eb = b.entry as LabelEntry;
  if (ea.category !== 'actor-label' || eb.category !== 'actor-label' || !shareReferent(ea, eb)) return undefined;
  if (!eb.referent && ea.referent) return undefined;
  const links = classFirstWords(compiled, 'patron-link');
  for (let skip = 1; skip <= MAX_SECOND_NOUN && b.startUnit + skip < b.endUnit; skip++) {
    // What is kept of the second label must be its patron link and patron: the first noun takes the link, never the
    // second's own noun ("Pro-Iran militias and anti-US groups" are two groups).
    if (!links.has(units.normal[b.startUnit + skip])) continue;
    const picked: number[] = [];
    for (let u = a.startUnit; u < a.endUnit; u++) picked.push(u);
    for (let u = b.startUnit + skip; u < b.endUnit; u++) picked.push(u);
    const read = readPicked(text, units, compiled, picked, 0);
    if (!read) continue;
    const er = read.terminal.entry as LabelEntry;
    if (er.category !== 'actor-label' || !referentsOf(er).some((r) => referentsOf(eb).includes(r)) || (!er.referent && eb.referent)) return undefined;
    // The two readings may differ by their noun ("militias backed by Iran" −2, "groups backed by Iran" −1): the
    // phrase frames both nouns, so it takes the stronger reading, the second's on a tie.
    return Math.abs(er.weight) > Math.abs(eb.weight) ? spanning(a, b, er, read.terminal.pattern) : spanning(a, b, eb, b.pattern);
  }
  return undefined;
}

/**
 * "Iran-backed, Shiite militias", "Iran-aligned, Iraqi armed groups": a compound-modifier label, a comma and a label
 * right after it are one noun phrase when the comma only separates two modifiers of one noun (coordinate
 * adjectives), as "and" does for `coordinated`. Joined only when the two read without the comma match one pattern
 * whole (that entry gives the weight), the second label has a modifier of its own and opens with no determiner, and
 * the comma is the only punctuation, so "Iran-backed, the militias said", "Iran-backed, militias" or a list of two
 * groups stays two mentions.
 */
function commaModifier(text: string, units: Units, compiled: CompiledLexicon, a: Match, b: Match): Match | undefined {
  // The second label holds a modifier of its own before the noun: a comma never stands between a modifier and its
  // noun ("Iran-backed, militias" is two).
  if (b.startUnit !== a.endUnit || b.endUnit - b.startUnit < 2 || !endsInCompound(text, units, a)) return undefined;
  if (!/^\s*,\s*$/.test(text.slice(a.end, b.start)) || DETERMINERS.has(units.normal[b.startUnit])) return undefined;
  for (let u = a.startUnit; u < b.endUnit - 1; u++) if (u !== a.endUnit - 1 && units.barrierAfter[u]) return undefined;
  const best = readWhole(text, units, compiled, a, b);
  if (!best) return undefined;
  return spanning(a, b, best.terminal.entry, best.terminal.pattern);
}

/** Words at most of a parenthetical between commas inside a coordinated modifier ("in some cases"). */
const MAX_ASIDE = 4;
/** What closes such a parenthetical: a comma, and the suspended hyphen of the next modifier if it has one (", -directed"). */
const ASIDE_END = /^\s*,\s*[-\u2010\u2011]?$/;

/**
 * The unit after a parenthetical between commas that follows the conjunction at `conj` ("and, in some cases, -directed":
 * the unit of "directed"), or conj + 1 when there is none. The aside holds no other punctuation and ends before `limit`.
 */
function afterParenthetical(text: string, units: Units, conj: number, limit: number): number {
  if (!units.barrierAfter[conj] || !/^\s*,\s*$/.test(text.slice(units.end[conj], units.start[conj + 1]))) return conj + 1;
  for (let u = conj + 1; u < limit && u - conj <= MAX_ASIDE; u++) {
    if (!units.barrierAfter[u]) continue;
    return ASIDE_END.test(text.slice(units.end[u], units.start[u + 1])) ? u + 1 : conj + 1;
  }
  return conj + 1;
}

/** Words at most of the patron link after the comma ("which are" is a relative, read by its own patterns). */
const MAX_LINK = 4;

/**
 * "The Houthi rebels, supported by Iran, …", "militias, backed by Tehran,": a label, a comma, a patron link and the
 * patron is one patron phrase, as the same words without the comma are ("rebels supported by Iran", −2): the
 * participle says who backs the group just named; it is no second statement with an actor of its own (devset README:
 * a patron phrase after the noun is one span). Joined only when the label and the link read without the comma
 * match one actor-label pattern whole that can name the label's referent, so "the militias, backed by Iran" and
 * "Israel, backed by the US" are read by the patterns the lexicon already has. The patron stays inside the mention,
 * not a mention of Iran of its own.
 */
function commaPatron(text: string, units: Units, compiled: CompiledLexicon, a: Match, b: Match): Match | undefined {
  const gap = b.startUnit - a.endUnit;
  if (gap < 1 || gap > MAX_LINK || !units.barrierAfter[a.endUnit - 1]) return undefined;
  if (!/^\s*,\s*$/.test(text.slice(a.end, units.start[a.endUnit]))) return undefined;
  for (let u = a.endUnit; u < b.startUnit; u++) if (units.barrierAfter[u]) return undefined;
  const ea = a.entry as LabelEntry;
  if (ea.category !== 'actor-label' || (b.entry as LabelEntry).category !== 'actor-label') return undefined;
  const read = readWhole(text, units, compiled, a, b, true);
  if (!read) return undefined;
  const er = read.terminal.entry as LabelEntry;
  if (er.category !== 'actor-label' || !referentsOf(er).some((r) => referentsOf(ea).includes(r))) return undefined;
  // A context reading never takes in a label of a fixed referent (as joinUnder).
  if (!er.referent && ea.referent) return undefined;
  return spanning(a, b, er, read.terminal.pattern);
}

/** Units of modifier words at most (names aside) between two labels of one noun phrase. */
const MAX_MODIFIERS = 3;
/** Lowercase words whose ending marks an adjective of ideology, origin or kind ("jihadist", "Islamic", "notorious"). */
const ADJECTIVE_ENDING = /(?:ist|ic|ical|ous|ian|ese)$/;
const UPPER_START = /^\p{Lu}/u;

/** Capitalised words a bracketed gloss may hold at most ("(PMF)", "(Houthi)", "(Ansar Allah)"). */
const MAX_GLOSS_WORDS = 3;

/**
 * The last unit of a bracketed gloss that opens right after unit `u` and closes before unit `to`, or -1: unit `u` is
 * capitalised (a name or its last word), only an opening bracket stands after it, then one to MAX_GLOSS_WORDS
 * capitalised words (an abbreviation or another name of the same body), then a closing bracket and a space. Linear in
 * the gloss's length.
 */
function bracketGlossEnd(text: string, units: Units, u: number, to: number): number {
  if (u + 1 >= to || !UPPER_START.test(text.slice(units.start[u], units.end[u]))) return -1;
  if (!/^\s*\(\s*$/.test(text.slice(units.end[u], units.start[u + 1]))) return -1;
  for (let v = u + 1; v < to && v <= u + MAX_GLOSS_WORDS; v++) {
    if (!UPPER_START.test(text.slice(units.start[v], units.end[v]))) return -1;
    if (!units.barrierAfter[v]) continue;
    return closesGloss(text, units, v) ? v : -1;
  }
  return -1;
}

/** Whether only a closing bracket and whitespace stand after unit `v` ("… (PMF) militias"). */
function closesGloss(text: string, units: Units, v: number): boolean {
  return v + 1 < units.count && /^\s*\)\s+$/.test(text.slice(units.end[v], units.start[v + 1]));
}

/**
 * A comma between two compound modifiers of one noun, coordinate adjectives: "the Iran-backed, Lebanon-based Hezbollah
 * fighters" is one noun phrase, as it is without the comma. True when the unit before `from` ends a hyphenated
 * compound (the first label's "Iran-backed"), only a comma stands between, and units `from` and the next are glued by
 * a hyphen ("Lebanon-based") inside [from, to); modifiersOnly then reads the words after the comma as ever.
 */
function coordinateCompounds(text: string, units: Units, from: number, to: number): boolean {
  if (from < 2 || from + 1 >= to) return false;
  if (!/^\s*,\s*$/.test(text.slice(units.end[from - 1], units.start[from]))) return false;
  return isHyphenGlue(text.slice(units.end[from - 2], units.start[from - 1]))
    && isHyphenGlue(text.slice(units.end[from], units.start[from + 1]));
}

/**
 * Whether units [from, to) between two labels hold nothing but modifier words of one noun phrase: the possessive of
 * the first label, words of the names given (which fill their own units), hyphenated compounds ("so-called",
 * "Tehran-allied"), descriptors of the lexicon, capitalised words (nationalities, sects, ideologies: "Yemeni",
 * "Islamist"; mid-sentence, so never the sentence's first word) and lowercase adjectives of ideology or origin by
 * their ending ("jihadist"). A function word (article, preposition, pronoun, conjunction, auxiliary) or any other word,
 * such as a verb, ends the phrase, and so does punctuation, except a bracketed gloss after a name (bracketGlossEnd:
 * "Iran-backed Ansar Allah (Houthi) militia", "Iran-aligned Popular Mobilization Forces (PMF) militias"), whose words
 * are not counted. At most MAX_MODIFIERS such words.
 */
function modifiersOnly(text: string, units: Units, compiled: CompiledLexicon, from: number, to: number, names: Match[]): boolean {
  if (units.barrierAfter[from - 1] && !coordinateCompounds(text, units, from, to)) return false;
  if (to > from && units.barrierAfter[to - 1] && !closesGloss(text, units, to - 1)) return false;
  const descriptors = classMemberWords(compiled, 'descriptor');
  let words = 0;
  let k = 0;
  for (let u = from; u < to; u++) {
    // A name's (or capitalised word's) gloss in brackets: skipped whole, the phrase goes on after it.
    const gloss = units.barrierAfter[u] ? bracketGlossEnd(text, units, u, to) : -1;
    if (gloss >= 0) {
      u = gloss;
      continue;
    }
    while (k < names.length && names[k].endUnit <= u) k++;
    if (k < names.length && names[k].startUnit <= u) {
      if (units.barrierAfter[u] && u + 1 < to) return false;
      continue;
    }
    if (units.barrierAfter[u] && u + 1 < to) return false;
    const w = units.normal[u];
    if (w === "'s" || w === "'") {
      if (u !== from) return false;
      continue;
    }
    if (++words > MAX_MODIFIERS) return false;
    const glued = isHyphenGlue(text.slice(units.end[u - 1], units.start[u])) ||
      (u + 1 < units.count && isHyphenGlue(text.slice(units.end[u], units.start[u + 1])));
    if (glued || descriptors.has(w)) continue;
    // An irregular noun in the singular used attributively before the head noun ("Ansar Allah (Houthi) rebel
    // militia", "insurgent group"): a noun modifier of the compound, not a noun phrase of its own.
    if (!w.endsWith('s') && classWords(compiled, IRREGULAR_NOUN_CLASS).has(w)) continue;
    if (ENGLISH_STOPWORDS.has(w)) return false;
    if (UPPER_START.test(text.slice(units.start[u], units.end[u])) || ADJECTIVE_ENDING.test(w)) continue;
    return false;
  }
  return true;
}

/**
 * The one entry a noun phrase of two labels takes, by the rule of lexicons/README.md ("One phrase, one mention, one
 * weight"): the pattern that matches the two labels read as one phrase, if there is one; else the label whose weight
 * is the sum of both (kept within −2 … +2: "Hezbollah terrorist militants" is one mention at −2), the head noun (the
 * second) first; else the label of the sum's sign nearest to it ("the pro-Iran resistance fighters", −1 + 2: the
 * +2 of "resistance fighters", as no entry has +1). Two frames that cancel out (the sum 0, no neutral label) are one mention at weight 0 under the head noun's entry.
 */
function phraseEntry(text: string, units: Units, compiled: CompiledLexicon, a: Match, b: Match): Match | undefined {
  const ea = a.entry as LabelEntry;
  const eb = b.entry as LabelEntry;
  const read = readWhole(text, units, compiled, a, b);
  if (read && (read.terminal.entry as LabelEntry).category === 'actor-label') {
    const er = read.terminal.entry as LabelEntry;
    if (referentsOf(er).some((r) => referentsOf(ea).includes(r) && referentsOf(eb).includes(r))
      && (er.referent || !(ea.referent || eb.referent))) return spanning(a, b, er, read.terminal.pattern);
  }
  // "Iranian-backed Hezbollah fighters": the second label holds a group's name before its noun through a class slot
  // ("{armed-group-name} fighters"), so the whole is read as the modifier and the head noun, the name left inside as
  // nameInside leaves a separate name: the entry of the head noun's class, not the modifier's.
  const head = !read && b.endUnit - b.startUnit > 1 && b.pattern.source.startsWith('{') && UPPER_START.test(text[b.start] ?? '')
    ? readWhole(text, units, compiled, a, { ...b, startUnit: b.endUnit - 1 }) : undefined;
  if (head && (head.terminal.entry as LabelEntry).category === 'actor-label') {
    const eh = head.terminal.entry as LabelEntry;
    if (eb.referent && referentsOf(eh).includes(eb.referent) && referentsOf(ea).includes(eb.referent)) {
      return eh.referent ? spanning(a, b, eh, head.terminal.pattern) : { ...spanning(a, b, eh, head.terminal.pattern), referent: eb.referent };
    }
  }
  const sum = Math.max(-2, Math.min(2, ea.weight + eb.weight));
  // The head noun first at equal distance from the sum (the sort is stable).
  const order = [eb, ea].filter((e) => Math.sign(e.weight) === Math.sign(sum))
    .sort((x, y) => Math.abs(x.weight - sum) - Math.abs(y.weight - sum));
  for (const e of order) {
    const other = (e === eb ? ea : eb);
    // A context label framing a label of a fixed referent it may take ("terrorist militia") keeps its weight and is
    // that referent by the words of the phrase, as a bracketed gloss fixes one.
    if (!e.referent && other.referent) {
      if (!(e.resolve ?? []).includes(other.referent)) continue;
      return { ...spanning(a, b, e, e === eb ? b.pattern : a.pattern), referent: other.referent };
    }
    return spanning(a, b, e, e === eb ? b.pattern : a.pattern);
  }
  // Two frames that cancel out ("terrorist resistance fighters", −2 + 2): still one noun phrase, so one mention, at the sum's
  // weight 0, under the head noun's entry (the modifier's when only it has a fixed referent the head may take).
  if (sum === 0 && ea.weight !== 0 && eb.weight !== 0) {
    if (eb.referent || !ea.referent) return { ...spanning(a, b, eb, b.pattern), weight: 0 };
    if ((eb.resolve ?? []).includes(ea.referent)) return { ...spanning(a, b, eb, b.pattern), referent: ea.referent, weight: 0 };
    return { ...spanning(a, b, ea, a.pattern), weight: 0 };
  }
  return undefined;
}

/**
 * The actor's own name before a noun phrase of its own referent ("Hamas radical Palestinian movement", "the Hamas
 * extremist Palestinian group") is one noun phrase, as "Hamas militants" is (gold README C-NAMED): the name must be a
 * baseline (weight 0) of a fixed referent and the phrase's head noun lower-case, so a title-case headline ("Hamas
 * Says Palestinian Group …") keeps the name apart. The modifiers between are checked by modifiersOnly as for any
 * two labels; a framing adjective before a noun of an act is the act's, as adjectiveOfAct reads it.
 */
function nameBeforeNoun(text: string, units: Units, compiled: CompiledLexicon, a: Match, b: Match): boolean {
  const ea = a.entry as LabelEntry;
  if (ea.weight !== 0 || !ea.referent) return false;
  const head = b.endUnit - 1;
  if (UPPER_START.test(text.slice(units.start[head], units.end[head]))) return false;
  // "Hamas militant activity", "Hamas militant sites": a framing adjective before a noun of an act or a thing
  // describes the act or the thing (adjectiveOfAct), so the name stays the mention.
  return !(classWords(compiled, FRAMING_ADJECTIVE_CLASS).has(units.normal[head]) && b.endUnit < units.count
    && !units.barrierAfter[head] && actOrThingAt(text, units, b.endUnit, compiled));
}

/**
 * The last guarantee of "one phrase, one mention", after every particular join above: two actor labels that can name
 * the same referent and stand in one noun phrase, with nothing between them but modifier words and names (see
 * modifiersOnly: "Iranian-backed Shia Islamist militias", "Hezbollah terrorist militants", "the Zionist regime's
 * occupation forces"), are one mention under phraseEntry's entry. Every name inside must be of a referent that entry
 * may name (an untracked actor or another referent's name between them makes two phrases). The actor's own name used
 * as a label ("Hamas", "Israel") keeps its own mention after the phrase and, unless nameBeforeNoun says otherwise,
 * before it, as in headNoun. Quoted labels are left alone.
 * One pass over the matches, each looked at once: linear in the text.
 */
/**
 * Whether the label `b` begins with a hyphenated compound of two units that is an actor label alone ("Iran-backed" of
 * "Iran-backed allied militias", not "Gaza-based" of "Gaza-based militants").
 */
function leadingCompoundLabel(text: string, units: Units, compiled: CompiledLexicon, b: Match): boolean {
  const read = readPicked(text, units, compiled, [b.startUnit, b.startUnit + 1], 0);
  return read !== undefined && (read.terminal.entry as LabelEntry).category === 'actor-label';
}

/**
 * Whether a label's quoted part is its last words, opened inside the label and closed by a mark the label ends with
 * ("Hamas' 'resistance'"): a scare quote inside the phrase, not speech around it.
 */
function scareQuotedEnd(text: string, units: Units, m: Match): boolean {
  const q = m.quoted!;
  return (m.entry as LabelEntry).category === 'actor-label' && q.startUnit > m.startUnit && q.endUnit === m.endUnit
    && m.end > units.end[m.endUnit - 1] && QUOTE_MARKS.has(text[m.end - 1]);
}

function joinNounPhrase(text: string, units: Units, compiled: CompiledLexicon, chosen: Match[]): Match[] {
  let out: Match[] | undefined;
  let last = -1; // index in `out ?? chosen` of the last actor label kept, or -1
  const kept = (): Match[] => out ?? chosen;
  for (let i = 0; i < chosen.length; i++) {
    const b = chosen[i];
    const isLabel = b.entry.kind === 'label' && (b.entry as LabelEntry).category === 'actor-label' && !b.quoted;
    if (!isLabel) {
      out?.push(b);
      // "Hamas' 'resistance' fighters": a label whose last words the outlet put in scare quotes, closed at its end, may
      // still take the noun after it; it heads no phrase itself.
      if (b.quoted && scareQuotedEnd(text, units, b)) last = out ? out.length - 1 : i;
      continue;
    }
    const list = kept();
    const a = last >= 0 ? list[last] : undefined;
    let joined: Match | undefined;
    // The second label is the phrase's head, not a compound modifier ("Iran-backed"); and a compound modifier before
    // a label that begins with a compound modifier that is a label of its own ("Iran-backed … Iran-backed militias")
    // starts a second phrase. So a run of modifiers never chains into one mention. A compound that is no label alone
    // ("Gaza-based" of "Gaza-based militants") is one more modifier: "Iran-backed Gaza-based militants" is one phrase.
    if (a && (!PROPER_NAME.test(a.pattern.source) || nameBeforeNoun(text, units, compiled, a, b)) && !PROPER_NAME.test(b.pattern.source)
      && !endsInCompound(text, units, b)
      && !(endsInCompound(text, units, a) && b.endUnit - b.startUnit > 1
        && isHyphenGlue(text.slice(units.end[b.startUnit], units.start[b.startUnit + 1]))
        && leadingCompoundLabel(text, units, compiled, b))
      && units.sentence[a.startUnit] === units.sentence[b.startUnit] && b.startUnit >= a.endUnit
      && !afterNamingVerb(units, compiled, a)
      && shareReferent(a.entry as LabelEntry, b.entry as LabelEntry)) {
      // The names between the two labels; a name inside the first label's own span ("IRGC" of "IRGC-backed") is its
      // patron, read with it, and stands between nothing.
      const names = (out ? list.slice(last + 1) : chosen.slice(last + 1, i)).filter((n) => n.startUnit >= a.endUnit);
      // After a scare quote closed at the first label's end, only the marks may stand before the noun.
      const afterQuote = a.quoted !== undefined && b.startUnit === a.endUnit
        && quoteGap(text, units.end[a.endUnit - 1], units.start[b.startUnit]) !== null;
      if (names.every((n) => n.entry.kind === 'name') && (afterQuote || modifiersOnly(text, units, compiled, a.endUnit, b.startUnit, names))) {
        joined = phraseEntry(text, units, compiled, a, b);
        if (joined && !names.every((n) => n.entry.kind === 'name' && n.entry.referent
          && referentsOf(joined!.entry as LabelEntry).includes(n.entry.referent))) joined = undefined;
        if (joined && a.referent) joined.referent ??= a.referent;
        if (joined && a.quoted) joined.quoted = a.quoted;
      }
    }
    if (!joined) {
      if (out) {
        out.push(b);
        last = out.length - 1;
      } else last = i;
      continue;
    }
    // The joined mention replaces the first label in place; the names between stay, and the second label goes.
    out ??= chosen.slice(0, i);
    out[last] = joined;
  }
  return out ?? chosen;
}

/** Words of quantity that may stand between a possessive and its noun ("Iran's many proxies", "Iran's own proxies"). */
const QUANTIFIERS = new Set(['many', 'multiple', 'numerous', 'several', 'various', 'own', 'other', 'few', 'countless',
  'myriad', 'assorted', 'diverse', 'remaining', 'chief', 'main']);
/** Words at most between a possessive and its noun. */
const MAX_POSSESSED = 4;

/**
 * Whether units [from, to) are premodifiers of the noun a possessive determines ("Iran's [many regional] proxies",
 * "Iran's [intricate web of] proxies"): after a possessive the noun phrase has begun, so any word but a function word,
 * an "-ing" form (a verb: "Iran's funding proxies") or another possessive modifies its noun. "of" only after a
 * collective noun of the lexicon ("web of", "network of": "Iran's use of proxies" is two phrases); "and"/"or" only
 * between two capitalised or adjective words ("Iraqi and Syrian"; "Iran's allies and proxies" is two nouns).
 */
function possessedModifiers(text: string, units: Units, compiled: CompiledLexicon, from: number, to: number): boolean {
  if (to - from > MAX_POSSESSED) return false;
  const collective = classMemberWords(compiled, 'collective-noun');
  const numbers = classMemberWords(compiled, 'number-word');
  const adjectival = (u: number): boolean => u >= from && u < to && !ENGLISH_STOPWORDS.has(units.normal[u])
    && (UPPER_START.test(text.slice(units.start[u], units.end[u])) || ADJECTIVE_ENDING.test(units.normal[u]));
  for (let u = from; u < to; u++) {
    if (units.barrierAfter[u]) return false;
    const w = units.normal[u];
    if (QUANTIFIERS.has(w) || numbers.has(w) || /^\d+$/.test(w)) continue;
    // A hyphenated compound ("so-called", "Tehran-allied") is one modifier whatever its parts.
    if (isHyphenGlue(text.slice(units.end[u - 1], units.start[u])) ||
      (u + 1 < to && isHyphenGlue(text.slice(units.end[u], units.start[u + 1])))) continue;
    if (w === 'of') {
      if (!collective.has(units.normal[u - 1])) return false;
      continue;
    }
    if (COORDINATORS.has(w)) {
      if (!adjectival(u - 1) || !adjectival(u + 1)) return false;
      continue;
    }
    if (ENGLISH_STOPWORDS.has(w) || w === "'s" || w === "'" || /ing$/.test(w)) return false;
  }
  return true;
}

/**
 * "Iran's many proxies", "Tehran's web of proxies", "Iran's Iraqi and Syrian proxies": a label before a possessive,
 * words that modify the possessed noun, and the label of that noun are one noun phrase when the possessor, the
 * possessive and the noun read as one pattern whole ("Iran's proxies", `proxies`, −2): the lexicon's pattern says the
 * possessive composes with the noun, so words of quantity or description between change nothing (as its
 * {descriptor} slot does for the words it lists). The joined mention takes that pattern's entry, which must be able to
 * name the noun's referent.
 */
function possessivePhrase(text: string, units: Units, compiled: CompiledLexicon, a: Match, b: Match): Match | undefined {
  const pos = a.endUnit;
  if (pos + 1 > b.startUnit || units.barrierAfter[pos - 1]) return undefined;
  if (units.normal[pos] !== "'s" && units.normal[pos] !== "'") return undefined;
  if (!possessedModifiers(text, units, compiled, pos + 1, b.startUnit)) return undefined;
  const picked: number[] = [];
  for (let u = a.startUnit; u <= pos; u++) picked.push(u);
  for (let u = b.startUnit; u < b.endUnit; u++) picked.push(u);
  const read = readPicked(text, units, compiled, picked, 0);
  if (!read) return undefined;
  const er = read.terminal.entry as LabelEntry;
  const eb = b.entry as LabelEntry;
  if (er.category !== 'actor-label' || !shareReferent(er, eb) || (eb.referent && !er.referent)) return undefined;
  return spanning(a, b, er, read.terminal.pattern);
}

/** A participle that may open a place adjunct after a group's noun ("militias operating in Iraq"). */
const ADJUNCT_PARTICIPLES = new Set(['operating', 'based', 'active', 'stationed', 'deployed', 'fighting']);
/** Prepositions that open a place adjunct. */
const ADJUNCT_PREPOSITIONS = new Set(['in', 'across', 'throughout', 'inside', 'around', 'from']);
/** Lowercase words a place adjunct may hold besides capitalised names, "the" and "and". */
const PLACE_WORDS = new Set(['region', 'area', 'areas', 'country', 'countries', 'territory', 'territories', 'border',
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'strip', 'middle']);
/** Units at most of the place adjunct. */
const MAX_ADJUNCT = 6;

/**
 * "Militias in Iraq backed by Iran", "armed groups across the region loyal to Tehran": a place adjunct between a
 * group's noun and its patron phrase does not make two phrases: the participle still says who backs the group named,
 * as "militias backed by Iran" does (devset README: a patron phrase after the noun is one span). The adjunct is a
 * preposition of place (after an optional participle such as "operating") with capitalised names, "the", "and" and
 * words of place. Joined only when the label and the patron phrase read without the adjunct match one actor-label
 * pattern whole that can name the label's referent, as commaPatron does with a comma; names inside stay names.
 */
function adjunctPatron(text: string, units: Units, compiled: CompiledLexicon, a: Match, b: Match): Match | undefined {
  let u = a.endUnit;
  if (units.barrierAfter[u - 1]) return undefined;
  if (ADJUNCT_PARTICIPLES.has(units.normal[u])) u++;
  if (!ADJUNCT_PREPOSITIONS.has(units.normal[u])) return undefined;
  const ea = a.entry as LabelEntry;
  const firstAllowed = a.endUnit - a.startUnit - 1;
  for (let k = u + 1; k < b.startUnit && k - a.endUnit <= MAX_ADJUNCT; k++) {
    if (units.barrierAfter[k - 1]) return undefined;
    // Units [u + 1, k) are the adjunct's words so far; k is where the patron link would begin.
    if (k > u + 1) {
      const w = units.normal[k - 1];
      const ok = w === 'the' || w === 'and' || PLACE_WORDS.has(w)
        || (UPPER_START.test(text.slice(units.start[k - 1], units.end[k - 1])) && !ENGLISH_STOPWORDS.has(w));
      if (!ok) return undefined;
    }
    const picked: number[] = [];
    for (let v = a.startUnit; v < a.endUnit; v++) picked.push(v);
    for (let v = k; v < b.endUnit; v++) picked.push(v);
    let barrier = false;
    for (let v = k; v < b.endUnit - 1; v++) if (units.barrierAfter[v]) barrier = true;
    if (barrier) return undefined;
    const read = readPicked(text, units, compiled, picked, firstAllowed);
    if (!read) continue;
    const er = read.terminal.entry as LabelEntry;
    if (er.category !== 'actor-label' || !referentsOf(er).some((r) => referentsOf(ea).includes(r))) continue;
    if (!er.referent && ea.referent) continue;
    return spanning(a, b, er, read.terminal.pattern);
  }
  return undefined;
}

/** Units at most of the series of links before the last one ("trained, armed and" is four). */
const MAX_SERIES = 8;

/**
 * The participles a patron link may begin with ("backed", "armed", "trained"): the second halves of "Iran-backed"
 * and the like, and the first words of the patron links that end in "-ed" ("armed by", "equipped by").
 */
function linkParticiples(compiled: CompiledLexicon): ReadonlySet<string> {
  const cached = participleCache.get(compiled);
  if (cached) return cached;
  const set = new Set(classMemberWords(compiled, 'patron-tie'));
  for (const w of classMemberWords(compiled, 'patron-link')) if (w.endsWith('ed')) set.add(w);
  participleCache.set(compiled, set);
  return set;
}
const participleCache = new WeakMap<CompiledLexicon, ReadonlySet<string>>();

/**
 * "militias trained, armed and funded by Iran", "groups backed, financed or directed by Tehran", "militias armed and
 * trained and funded by Iran": a series of patron participles, with commas and "and"/"or" between them, before the
 * last link and the patron is one patron phrase, as two coordinated links are ("militias backed and armed by Iran",
 * the class `link-first`): every participle says the same patron ties the group just named (devset README: a patron
 * phrase after the noun is one span). Joined only when the label and the last link read without the series
 * match one actor-label pattern whole that can name the label's referent, as commaPatron and adjunctPatron do; the
 * series holds nothing but participles of the lexicon's patron links, commas after them and the coordinators.
 */
function seriesPatron(text: string, units: Units, compiled: CompiledLexicon, a: Match, b: Match): Match | undefined {
  if (units.barrierAfter[a.endUnit - 1]) return undefined;
  // A relative clause may carry the series ("militias which are financed, trained and armed by Iran"): its relative
  // word, a form of "be" and the adverbs the patron patterns allow stay in the read, before the last link.
  const prefix = relativePrefix(units, compiled, a.endUnit, b.startUnit);
  const from = a.endUnit + prefix.length;
  if (b.startUnit - from > MAX_SERIES) return undefined;
  const participles = linkParticiples(compiled);
  const ea = a.entry as LabelEntry;
  if (ea.category !== 'actor-label') return undefined;
  let participlesSeen = 0;
  let lastLink = from;
  for (let k = from + 1; k < b.startUnit; k++) {
    // Units [from, k) are the series so far; k is where the last link would begin.
    const w = units.normal[k - 1];
    const conjunction = COORDINATORS.has(w);
    if (!conjunction && !participles.has(w)) {
      // "supplied militarily by Iran", "backed financially by Tehran": an adverb between the last participle and
      // its "by" modifies the participle only; the link reads as without it (linkAdverb).
      if (k - 1 === lastLink + 1 && participles.has(units.normal[lastLink]) && linkAdverb(text, units, compiled, k - 1)
        && units.normal[k] === 'by' && !units.barrierAfter[k - 2] && !units.barrierAfter[k - 1]) {
        return seriesRead(text, units, compiled, a, b, [...prefix, lastLink, ...range(k, b.endUnit)]);
      }
      return undefined;
    }
    if (!conjunction) participlesSeen++;
    // Only a comma after a participle may part the series ("trained, armed and"); the series ends in a comma or a
    // coordinator, and the last link follows it.
    if (units.barrierAfter[k - 1] && (conjunction || !/^\s*,\s*$/.test(text.slice(units.end[k - 1], units.start[k])))) return undefined;
    if (participlesSeen === 0 || !(conjunction || units.barrierAfter[k - 1])) continue;
    lastLink = k;
    // A comma still ahead belongs to the series: read from the next word on.
    let barrier = false;
    for (let v = k; v < b.endUnit - 1; v++) if (units.barrierAfter[v]) barrier = true;
    if (barrier) continue;
    const joined = seriesRead(text, units, compiled, a, b, [...prefix, ...range(k, b.endUnit)]);
    if (joined) return joined;
  }
  return undefined;
}

/** The relative words that open a patron link after its noun ("militias which are backed by Iran"). */
const RELATIVE_WORDS = new Set(['who', 'which', 'that']);

/**
 * The units of a relative clause's opening before a patron link: "which", "who are", "that have long been": a
 * relative word, then at most three words of the classes `be` and `link-adverb`, with no punctuation between.
 * Empty when the label is not followed by a relative word.
 */
function relativePrefix(units: Units, compiled: CompiledLexicon, from: number, to: number): number[] {
  if (from >= to || !RELATIVE_WORDS.has(units.normal[from])) return [];
  const be = classMemberWords(compiled, 'be');
  const adverbs = classMemberWords(compiled, 'link-adverb');
  const out = [from];
  for (let u = from + 1; u < to && out.length < 4; u++) {
    if (units.barrierAfter[u - 1] || !(be.has(units.normal[u]) || adverbs.has(units.normal[u]))) break;
    out.push(u);
  }
  return units.barrierAfter[out[out.length - 1]] ? [] : out;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let v = from; v < to; v++) out.push(v);
  return out;
}

/**
 * An adverb that may stand between a patron participle and its "by" ("supplied militarily by", "funded largely by"):
 * a lowercase word in "-ly" or a member of the class `link-adverb`. A hedge ("reportedly") is a device and never gets
 * here: joinAcross joins only across names.
 */
function linkAdverb(text: string, units: Units, compiled: CompiledLexicon, u: number): boolean {
  const w = units.normal[u];
  if (classMemberWords(compiled, 'link-adverb').has(w)) return true;
  return w.length > 4 && w.endsWith('ly') && /^[a-z]/.test(text.slice(units.start[u], units.end[u]));
}

/**
 * Reads the label with the last patron link (the units `rest`, up to the end of b) as one pattern; the joined mention
 * when that pattern is an actor label that can name the label's referent (seriesPatron).
 */
function seriesRead(text: string, units: Units, compiled: CompiledLexicon, a: Match, b: Match, rest: number[]): Match | undefined {
  const ea = a.entry as LabelEntry;
  const picked: number[] = [];
  for (let v = a.startUnit; v < a.endUnit; v++) picked.push(v);
  picked.push(...rest);
  const read = readPicked(text, units, compiled, picked, a.endUnit - a.startUnit - 1);
  if (!read) return undefined;
  const er = read.terminal.entry as LabelEntry;
  if (er.category !== 'actor-label' || !referentsOf(er).some((r) => referentsOf(ea).includes(r))) return undefined;
  if (!er.referent && ea.referent) return undefined;
  return spanning(a, b, er, read.terminal.pattern);
}

/**
 * The joins across words that are not modifiers of one head: a possessive's noun (possessivePhrase) and a patron
 * phrase after a place adjunct (adjunctPatron). Two actor labels with nothing but names between them are looked at;
 * the joined mention replaces the first, the names stay, the second goes. Each label is looked at once and each join
 * reads a bounded number of units, so this stays linear in the text.
 */
function joinAcross(text: string, units: Units, compiled: CompiledLexicon, chosen: Match[]): Match[] {
  let out: Match[] | undefined;
  let last = -1;
  const isLabel = (m: Match): boolean => m.entry.kind === 'label' && (m.entry as LabelEntry).category === 'actor-label' && !m.quoted;
  for (let i = 0; i < chosen.length; i++) {
    const b = chosen[i];
    const list = out ?? chosen;
    const a = last >= 0 ? list[last] : undefined;
    let joined: Match | undefined;
    if (isLabel(b) && a && b.startUnit >= a.endUnit && units.sentence[a.startUnit] === units.sentence[b.startUnit]
      && (out ? list.slice(last + 1) : chosen.slice(last + 1, i)).every((n) => n.entry.kind === 'name')) {
      joined = possessivePhrase(text, units, compiled, a, b) ?? adjunctPatron(text, units, compiled, a, b)
        ?? seriesPatron(text, units, compiled, a, b);
    }
    if (joined) {
      out ??= chosen.slice(0, i);
      out[last] = joined;
      continue;
    }
    // A patron written as a name ("militias armed, trained and equipped by the IRGC") ends the series as a label
    // does; the name stays a name inside the mention, as in "militias trained by the IRGC".
    if (b.entry.kind === 'name' && a && b.startUnit >= a.endUnit && units.sentence[a.startUnit] === units.sentence[b.startUnit]
      && (out ? list.slice(last + 1) : chosen.slice(last + 1, i)).every((n) => n.entry.kind === 'name')) {
      const named = seriesPatron(text, units, compiled, a, b);
      if (named) {
        out ??= chosen.slice(0, i);
        out[last] = named;
        out.push(b);
        continue;
      }
    }
    out?.push(b);
    if (isLabel(b)) last = out ? out.length - 1 : i;
    else if (b.entry.kind !== 'name') last = -1;
  }
  return out ?? chosen;
}

/**
 * "call Hamas fighters militants", "dubbed the group terrorists": after a naming verb (the voice vocabulary's
 * `call_verbs`, inflected) the first label is the verb's object and the second its complement, two mentions and not one
 * phrase. A determiner may stand between the verb and the object.
 */
function afterNamingVerb(units: Units, compiled: CompiledLexicon, a: Match): boolean {
  let u = a.startUnit - 1;
  if (u >= 0 && !units.barrierAfter[u] && DETERMINERS.has(units.normal[u])) u--;
  return u >= 0 && !units.barrierAfter[u] && compiled.voice.words.call.has(units.normal[u]);
}

/**
 * Which units of a match stand in quotation marks, when a mark stands inside the match. The marks in each gap between
 * units open or close a quotation (curly marks say which; a straight mark toggles); a quotation still open at the
 * match's end, or closed inside it without an opening inside, extends to the match's edge.
 */
/** How far back a possessive apostrophe looks for a single quotation mark it might close instead. */
const POSSESSIVE_LOOKBACK = 160;

/**
 * Whether the mark at `at` is the apostrophe of a plural or s-final possessive ("Hamas' resistance fighters", "the
 * Houthis’ attacks"): a single mark right after an "s" and before a space, with no single quotation open before it in
 * its sentence (the "‘terrorists’ attacked" closes one). A quotation mark would split such a phrase into a quoted part
 * and the rest.
 */
function possessiveAt(text: string, at: number): boolean {
  const ch = text[at];
  if ((ch !== "'" && ch !== '’') || (text[at - 1] !== 's' && text[at - 1] !== 'S')) return false;
  const next = text[at + 1];
  if (next !== ' ' && next !== '\u00a0') return false;
  let open = false;
  for (let k = at - 1; k >= 0 && k >= at - POSSESSIVE_LOOKBACK; k--) {
    const c = text[k];
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && text[k + 1] === ' ')) break;
    if (c === '‘' || (c === "'" && straightOpensAt(text, k))) { open = true; break; }
    if (c === '’' || c === "'") break;
  }
  return !open;
}

function quotedPart(text: string, units: Units, from: number, to: number, barrier: Uint8Array): Match['quoted'] | undefined {
  let inside = false;
  for (let u = from; u < to - 1 && !inside; u++) if (barrier[u]) inside = true;
  if (!inside) return undefined;
  // A straight mark right before the match, where a quotation can open, opened one that a mark inside may close:
  // "the 'Israeli' forces" quotes "Israeli", as "the ‘Israeli’ forces" does.
  const before = straightOpensAt(text, units.start[from] - 1);
  let open = before ? from : -1;
  let qStart = -1;
  let qEnd = -1;
  for (let u = from; u < to - 1; u++) {
    if (!barrier[u]) continue;
    let marks = quoteGap(text, units.end[u], units.start[u + 1]) ?? '';
    if (marks && possessiveAt(text, units.end[u])) marks = marks.slice(1);
    for (const ch of marks) {
      const opening = OPENING.has(ch) || (!CLOSING.has(ch) && open < 0);
      if (opening && open < 0) open = u + 1;
      else if (!opening || open >= 0) {
        // Closing: the quotation ran from `open` (or from the match's start) to unit u.
        qStart = qStart < 0 ? (open >= 0 ? open : from) : Math.min(qStart, open >= 0 ? open : from);
        qEnd = Math.max(qEnd, u + 1);
        open = -1;
      }
    }
  }
  // A quotation opened before the match and not closed inside it is a quotation around the match (speech), not part
  // of the phrase: the voice rules read it.
  if (open >= 0 && !(before && open === from && qStart < 0)) {
    qStart = qStart < 0 ? open : Math.min(qStart, open);
    qEnd = to;
  }
  if (qStart < 0 || qEnd <= qStart) return undefined;
  return { startUnit: qStart, endUnit: qEnd, start: units.start[qStart], end: units.end[qEnd - 1] };
}

/** Re-exported for callers that need the same folding as the matcher (e.g. term search in the UI). */
export { foldKey };
