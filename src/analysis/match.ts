/**
 * Finds lexicon entries in a tokenized text. All candidate matches are collected first, then chosen greedily:
 * names before everything else, then the longest, then the leftmost; a unit already taken cannot be taken again.
 * That is the quanteda "Czech Republic" vs "Czech*" rule: overlapping entries never count twice.
 */
import type { LexiconEntry, PatternSpec } from '../types.js';
import type { Units } from '../nlp/nlp.js';
import { foldKey } from '../nlp/nlp.js';
import type { CompiledLexicon, Terminal, TrieNode } from '../lexicon/compile.js';

export interface Match {
  entry: LexiconEntry;
  pattern: PatternSpec;
  /** First unit and one past the last unit. */
  startUnit: number;
  endUnit: number;
  start: number;
  end: number;
}

interface Candidate {
  terminal: Terminal;
  startUnit: number;
  endUnit: number;
}

function caseMatches(text: string, units: Units, c: Candidate): boolean {
  const t = c.terminal;
  if (!t.pattern.caseSensitive) return true;
  for (let k = 0; k < t.units.length; k++) {
    const u = c.startUnit + k;
    const surface = text.slice(units.start[u], units.end[u]).replace(/[’‘`´ʼ]/g, "'");
    const want = t.units[k].surface.replace(/[’‘`´ʼ]/g, "'");
    if (t.units[k].prefix ? !surface.startsWith(want) : surface !== want) return false;
  }
  return true;
}

export function findMatches(text: string, units: Units, compiled: CompiledLexicon): Match[] {
  const { root } = compiled;
  const n = units.count;
  // Keys per unit: the variant-canonical normal form, and the pattern words it is an inflection of, if any.
  const { keysOf } = compiled;
  const keyNormal: string[] = new Array(n);
  const keyBases: Array<string[] | undefined> = new Array(n);
  for (let i = 0; i < n; i++) {
    const known = keysOf.get(units.normal[i]);
    keyNormal[i] = known ? known.key : units.normal[i];
    keyBases[i] = known?.bases;
  }
  const folded = units.normal;

  const candidates: Candidate[] = [];
  const walk = (node: TrieNode, start: number, i: number): void => {
    if (node.terminals.length) {
      for (const terminal of node.terminals) candidates.push({ terminal, startUnit: start, endUnit: i });
    }
    if (i >= n || (i > start && units.barrierAfter[i - 1])) return;
    const next = node.next.get(keyNormal[i]);
    if (next) walk(next, start, i + 1);
    const bases = keyBases[i];
    if (bases) {
      for (const base of bases) {
        const viaBase = node.next.get(base);
        if (viaBase) walk(viaBase, start, i + 1);
      }
    }
    if (node.prefixes.length) {
      const word = folded[i];
      const bucket = node.prefixIndex.get(word.slice(0, 3));
      if (bucket) for (const p of bucket) if (word.startsWith(p.prefix)) walk(p.node, start, i + 1);
    }
  };
  for (let i = 0; i < n; i++) {
    // Fast reject: most units start no pattern at all.
    const starts = root.next.has(keyNormal[i]) || keyBases[i] !== undefined ||
      (root.prefixes.length > 0 && root.prefixIndex.has(folded[i].slice(0, 3)));
    if (starts) walk(root, i, i);
  }
  if (candidates.length === 0) return [];

  candidates.sort((a, b) =>
    b.terminal.priority - a.terminal.priority ||
    (b.endUnit - b.startUnit) - (a.endUnit - a.startUnit) ||
    a.startUnit - b.startUnit);
  const taken = new Uint8Array(n);
  const chosen: Match[] = [];
  for (const c of candidates) {
    let free = true;
    for (let u = c.startUnit; u < c.endUnit && free; u++) if (taken[u]) free = false;
    if (!free || !caseMatches(text, units, c)) continue;
    for (let u = c.startUnit; u < c.endUnit; u++) taken[u] = 1;
    chosen.push({
      entry: c.terminal.entry,
      pattern: c.terminal.pattern,
      startUnit: c.startUnit,
      endUnit: c.endUnit,
      start: units.start[c.startUnit],
      end: units.end[c.endUnit - 1],
    });
  }
  chosen.sort((a, b) => a.start - b.start);
  return chosen;
}

/** Re-exported for callers that need the same folding as the matcher (e.g. term search in the UI). */
export { foldKey };
