/**
 * The analysis' shortcuts (docs/scale.md, session 8) must give exactly what the plain way gives: the long-run
 * guard's space-stretch pre-check, the unit table written into typed arrays, the repeated-block keys, the matcher's
 * per-lexicon unit table and its wildcard-bucket filter.
 */
import { describe, expect, it } from 'vitest';
import { guardLongRuns } from '../../src/nlp/guard.js';
import { tokenize } from '../../src/nlp/nlp.js';
import { collectCandidates, findMatches } from '../../src/analysis/match.js';
import { repeatedBlocks } from '../../src/analysis/repeats.js';
import { hasLetter } from '../../src/text/words.js';
import type { ClassEdge, CompiledLexicon, TrieNode } from '../../src/lexicon/compile.js';
import { compileYaml } from '../helpers/lexicon.js';

describe('long-run guard pre-check', () => {
  it('finds a run of 101 at the very start and end of the text, and not one of 100', () => {
    expect(guardLongRuns(`${'x'.repeat(101)} b`).runsCut).toBe(1);
    expect(guardLongRuns(`${'x'.repeat(100)} b`).runsCut).toBe(0);
    expect(guardLongRuns(`a ${'x'.repeat(101)}`).runsCut).toBe(1);
    expect(guardLongRuns(`a ${'x'.repeat(100)}`).runsCut).toBe(0);
    expect(guardLongRuns('x'.repeat(101)).runsCut).toBe(1);
    expect(guardLongRuns('x'.repeat(100)).runsCut).toBe(0);
  });

  it('leaves long stretches without plain spaces alone when other separators break them', () => {
    // No plain space at all: the pre-check cannot settle it and the character pass must find no run.
    const lines = Array.from({ length: 40 }, (_, i) => `word${i}`).join('\n');
    expect(guardLongRuns(lines)).toEqual({ text: lines, runsCut: 0, runs: [] });
    const mixed = `a ${'x'.repeat(60)}\u00a0${'y'.repeat(60)}\t${'z'.repeat(60)} b`;
    expect(guardLongRuns(mixed)).toEqual({ text: mixed, runsCut: 0, runs: [] });
    // The same stretch with a real run inside it is cut.
    const hidden = `a ${'x'.repeat(30)}\u00a0${'y'.repeat(120)} b`;
    expect(guardLongRuns(hidden).runsCut).toBe(1);
  });
});

describe('unit table', () => {
  it('splits hyphenated tokens at exact offsets, past the first allocation of the table', () => {
    // wink keeps "anti-terror" and "pro–Iran" whole: 41 tokens, 80 units, more than the table first holds.
    const words = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'anti-terror' : 'pro\u2013Iran'));
    const text = `${words.join(' ')}.`;
    const tok = tokenize(text);
    const u = tok.units;
    expect(tok.tokens).toBe(41);
    expect(u.count).toBe(80);
    for (const column of [u.start, u.end, u.sentence, u.barrierAfter, u.normal]) expect(column.length).toBe(80);
    const surfaces = Array.from({ length: u.count }, (_, k) => text.slice(u.start[k], u.end[k]));
    expect(surfaces).toEqual(words.flatMap((w) => w.split(/[-\u2013]/)));
    expect(u.normal.slice(0, 4)).toEqual(['pro', 'iran', 'anti', 'terror']);
    // Only the last unit has a barrier after it: the hyphens are glued, the spaces are no barrier.
    expect(Array.from(u.barrierAfter).indexOf(1)).toBe(79);
    expect(tok.words).toBe(40);
  });

  it('marks barriers at punctuation, line breaks and sentence ends', () => {
    const text = 'Iran-backed groups, he said.\nThe militia left. Then';
    const u = tokenize(text).units;
    const after = (word: string) => u.barrierAfter[u.normal.indexOf(word)];
    expect(u.normal).toEqual(['iran', 'backed', 'groups', 'he', 'said', 'the', 'militia', 'left', 'then']);
    expect([after('iran'), after('groups'), after('he'), after('said'), after('militia'), after('left'), after('then')])
      .toEqual([0, 1, 0, 1, 0, 1, 1]);
    expect(Array.from(u.sentence)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 2]);
  });
});

describe('repeated blocks', () => {
  it('collapses copies whatever their inner spacing, and single-line paragraphs by their own key', () => {
    const line = 'US forces were attacked near Erbil on Friday, officials said.';
    const spaced = line.replace(/ /g, '  ').replace('Erbil', 'Erbil\u00a0');
    const text = `${line}\n\n${spaced}\n\n${line}\nA second line that is long enough.\n\nA second line that is long enough.`;
    const r = repeatedBlocks(text);
    const copies = r.spans.map((s) => text.slice(s.start, s.end));
    expect(copies).toEqual([spaced, line, 'A second line that is long enough.']);
    expect(r.collapsed).toBe(3);
  });
});

const lexicon = compileYaml(`lexicon: t
version: 1
referents:
  - { id: armed-groups, label: Armed groups }
  - { id: iraq, label: Iraq }
variants:
  - [us, u.s.]
classes:
  patron: [Iran, Tehran, "Ирак*"]
  tie: [backed, aligned]
  group-noun: [group, "milit*"]
names:
  - { id: baghdad, referent: iraq, patterns: [Bagdad] }
labels:
  - { id: patron-groups, referent: armed-groups, category: actor-label, weight: -1, patterns: ["{patron}-{tie} {group-noun}"], rationale: a test label }
  - { id: iraq, referent: iraq, category: actor-label, weight: 0, patterns: ["Иракск*", "the Ирак* regime"], rationale: a test label }
  - { id: us-militias, referent: armed-groups, category: actor-label, weight: -1, patterns: ["US-backed milit*", "the US occupation"], rationale: a test label }
  - { id: fighters, referent: armed-groups, category: actor-label, weight: 0, patterns: [fighter], rationale: a test label }
`);

/** The same lexicon with the root's start keys taken away: every unit then starts a walk the plain way. */
function withoutStartKeys(compiled: CompiledLexicon): CompiledLexicon {
  return { ...compiled, root: { ...compiled.root, startKeys: undefined } };
}

describe('matcher shortcuts', () => {
  const text = 'Иракские силы and Tehran-aligned militias met U.S.-backed militiamen. The Ирака regime, the US ' +
    'occupation and Iran-backed groups; fighters, Fighters and Bagdad. Ирака aligned militias.';

  it('finds wildcards that begin with a non-ASCII letter (Cyrillic: folding keeps it) at the root, inside a phrase and inside a class', () => {
    const tok = tokenize(text);
    const found = findMatches(text, tok.units, lexicon).map((m) => [m.entry.id, text.slice(m.start, m.end)]);
    expect(found).toEqual([
      ['iraq', 'Иракские'],
      ['patron-groups', 'Tehran-aligned militias'],
      ['us-militias', 'U.S.-backed militiamen'],
      ['iraq', 'The Ирака regime'],
      ['us-militias', 'the US occupation'],
      ['patron-groups', 'Iran-backed groups'],
      ['fighters', 'fighters'],
      ['fighters', 'Fighters'],
      ['baghdad', 'Bagdad'],
      ['patron-groups', 'Ирака aligned militias'],
    ]);
  });

  it('collects the same candidates through the unit table as through a plain walk from every unit', () => {
    const tok = tokenize(text);
    const key = (c: { terminal: { entry: { id: string } }; startUnit: number; endUnit: number }) =>
      `${c.terminal.entry.id}@${c.startUnit}-${c.endUnit}`;
    const fast = collectCandidates(text, tok.units, lexicon).map(key);
    const plain = collectCandidates(text, tok.units, withoutStartKeys(lexicon)).map(key);
    expect(fast.length).toBeGreaterThan(8);
    expect(fast).toEqual(plain);
  });

  it('looks units up by wink lexeme id with the same result as by their string, on first and repeated meetings', () => {
    const key = (c: { terminal: { entry: { id: string } }; startUnit: number; endUnit: number }) =>
      `${c.terminal.entry.id}@${c.startUnit}-${c.endUnit}`;
    // Twice: the second pass meets every id again and answers from what the first pass stored.
    for (let pass = 0; pass < 2; pass++) {
      const tok = tokenize(text);
      expect(tok.units.lexeme).toBeDefined();
      const byId = collectCandidates(text, tok.units, lexicon).map(key);
      const byString = collectCandidates(text, { ...tok.units, lexeme: undefined }, lexicon).map(key);
      expect(byId.length).toBeGreaterThan(8);
      expect(byId).toEqual(byString);
    }
  });
});

describe('trie node numbers', () => {
  it('numbers every node the matcher can reach once, so the step table (match.ts) can key children by it', () => {
    const ids = new Set<number>();
    const seen = new Set<TrieNode>();
    const visit = (node: TrieNode): void => {
      if (seen.has(node)) return;
      seen.add(node);
      expect(node.id).toBeGreaterThanOrEqual(0);
      ids.add(node.id);
      for (const child of node.next.values()) visit(child);
      for (const p of node.prefixes) visit(p.node);
      for (const edge of node.classEdges) { visit(edge.node); visit(edge.members); }
    };
    visit(lexicon.root);
    expect(seen.size).toBeGreaterThan(20);
    expect(ids.size).toBe(seen.size);
  });

  it('collects the same candidates by step numbers as by string lookups when the nodes are not numbered', () => {
    // A copy of the trie with every node's number taken away: the matcher then steps by node.next's strings.
    const copies = new Map<TrieNode, TrieNode>();
    const unnumbered = (node: TrieNode): TrieNode => {
      const known = copies.get(node);
      if (known) return known;
      const copy: TrieNode = { ...node, id: -1 };
      copies.set(node, copy);
      copy.next = new Map([...node.next].map(([k, c]) => [k, unnumbered(c)]));
      copy.prefixes = node.prefixes.map((p) => ({ prefix: p.prefix, node: unnumbered(p.node) }));
      copy.prefixIndex = new Map([...node.prefixIndex].map(([k, list]) => [k, list.map((p) => copy.prefixes[node.prefixes.indexOf(p)])]));
      const edge = (e: ClassEdge): ClassEdge => ({ ...e, node: unnumbered(e.node), members: unnumbered(e.members) });
      const edges = new Map(node.classEdges.map((e) => [e, edge(e)]));
      copy.classEdges = node.classEdges.map((e) => edges.get(e) as ClassEdge);
      copy.edgesAlways = node.edgesAlways?.map((e) => edges.get(e) as ClassEdge);
      copy.edgesByKey = node.edgesByKey && new Map([...node.edgesByKey].map(([k, list]) => [k, list.map((e) => edges.get(e) as ClassEdge)]));
      return copy;
    };
    const plain: CompiledLexicon = { ...lexicon, root: unnumbered(lexicon.root), keysOf: new Map(lexicon.keysOf) };
    const text = 'Tehran-aligned militias and the fighter met Iran-backed militiamen; fighters, U.S.-backed militias, ' +
      'the US occupation. Ирака aligned militias and Иракские fighters; Iran-backed groups.';
    const tok = tokenize(text);
    const key = (c: { terminal: { entry: { id: string } }; startUnit: number; endUnit: number }) =>
      `${c.terminal.entry.id}@${c.startUnit}-${c.endUnit}`;
    const bySteps = collectCandidates(text, tok.units, lexicon).map(key);
    expect(bySteps.length).toBeGreaterThan(8);
    expect(bySteps).toEqual(collectCandidates(text, tok.units, plain).map(key));
  });
});

describe('lexeme ids of units', () => {
  it('gives a whole-token unit its wink id, one id per distinct token, -1 to hyphen parts and joined tokens', () => {
    const text = 'Militias and militias met MILITIAS. anti-terror groups; mili\u00adtias.';
    const { units } = tokenize(text);
    const lexeme = units.lexeme as Int32Array;
    const at = (word: string, nth = 0): number => {
      let seen = 0;
      for (let u = 0; u < units.count; u++) if (text.slice(units.start[u], units.end[u]) === word && seen++ === nth) return u;
      throw new Error(`no unit ${word}`);
    };
    // Folding makes the three spellings one key, but wink keeps a lexeme per spelling; equal spellings share one.
    expect(units.normal[at('Militias')]).toBe('militias');
    expect(units.normal[at('MILITIAS')]).toBe('militias');
    expect(lexeme[at('Militias')]).toBeGreaterThanOrEqual(0);
    expect(lexeme[at('Militias')]).not.toBe(lexeme[at('militias')]);
    expect(tokenize('the militias').units.lexeme?.[1]).toBe(lexeme[at('militias')]);
    expect(lexeme[at('anti')]).toBe(-1);
    expect(lexeme[at('terror')]).toBe(-1);
    expect(units.normal[at('mili\u00adtias')]).toBe('militias');
    expect(lexeme[at('mili\u00adtias')]).toBe(-1);
  });

  it('keeps the units of a text the same when its words were met before', () => {
    const text = 'Ḥamas and Hamas’ fighters, the anti-terror law of Ḥamas.';
    const first = tokenize(text);
    tokenize('Ḥamas Hamas’ fighters anti-terror law');
    const again = tokenize(text);
    expect(again).toEqual(first);
    // wink parts "Ḥamas" after its first letter; the folded keys are what the plain fold of each token gives; the
    // s-final possessive's apostrophe is the unit "'s" (since session 19, src/nlp/nlp.ts sFinalPossessive).
    expect(first.units.normal).toEqual(['h', 'amas', 'and', 'hamas', "'s", 'fighters', 'the', 'anti', 'terror', 'law', 'of', 'h', 'amas']);
  });
});

describe('hasLetter', () => {
  it('answers as the Unicode letter property does, for ASCII, digits, marks and other scripts', () => {
    const words = ['iran', 'U.S', '2024', '1,200', "12'", '-', '', 'x1', '1x', 'é', '1é', '١٢٣', '٣x', 'ʼ', '1ʼ', 'ирак',
      '42ирак', '\u0301', '7\u0301', 'ß', '²', '½', 'ª', '中国', '😀', '1😀a'];
    expect(words.map(hasLetter)).toEqual(words.map((w) => /\p{L}/u.test(w)));
    expect(hasLetter('2024')).toBe(false);
    expect(hasLetter('ирак')).toBe(true);
  });
});
