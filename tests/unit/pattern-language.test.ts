/**
 * The pattern language (lexicons/README.md "Pattern language"): word classes, optional parts, alternatives, one
 * mention per composed phrase, quotation marks inside a phrase, and the checks that keep a lexicon honest.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/nlp/nlp.js';
import { collectCandidates, findMatches } from '../../src/analysis/match.js';
import { patternClashes } from '../../src/analysis/clashes.js';
import { parseLexicon } from '../../src/lexicon/load.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { parsePattern } from '../../src/lexicon/pattern.js';
import { compileYaml } from '../helpers/lexicon.js';

const HEAD = `lexicon: t
version: 1
referents:
  - { id: armed-groups, label: Armed groups }
  - { id: iran, label: Iran }
`;

const lexicon = compileYaml(`${HEAD}classes:
  patron: [Iran, Tehran, Iranian, the IRGC, IRGC, the Islamic Republic]
  tie: [backed, aligned, funded]
  link: [backed by, loyal to, aligned with]
  descriptor:
    note: descriptive words
    members: [allied, Iraqi, armed, former, Shiite]
  group-noun: [group, faction, armed group, fighters]
  irregular-noun: [militia, militant group, paramilitaries]
names:
  - { id: irgc, referent: iran, patterns: [IRGC] }
  - { id: houthis, referent: armed-groups, patterns: [Houthis] }
labels:
  - { id: iran, referent: iran, category: actor-label, weight: 0, patterns: [Iran, Tehran, Islamic Republic], rationale: the baseline name }
  - id: patron-groups
    referent: armed-groups
    category: actor-label
    weight: -1
    rationale: patron plus a neutral noun
    patterns: ["{patron}-{tie} {descriptor:0-2} {group-noun}", "{group-noun} (who|which|that) (is|are) (also) {link} {patron}"]
  - id: patron-militia
    referent: armed-groups
    category: actor-label
    weight: -2
    rationale: patron plus an irregular noun
    patterns: ["{patron}-{tie} {descriptor:0-2} {irregular-noun}", "pro-{patron} {descriptor:0-2} {irregular-noun}", "{irregular-noun} (is|are) {link} {patron}"]
  - { id: militia, referent: armed-groups, category: actor-label, weight: -1, patterns: ["militia*"], rationale: the irregular noun alone }
  - { id: pro-iran, referent: armed-groups, category: actor-label, weight: -1, patterns: ["pro-{patron}", "{patron}-{tie}"], rationale: the patron alone }
  - { id: proxy, referent: armed-groups, category: actor-label, weight: -2, patterns: ["{patron}'s {descriptor?} proxy"], rationale: the proxy frame }
  - { id: occupation, referent: armed-groups, category: actor-label, weight: -2, patterns: [US occupation, resistance leader], rationale: test labels }
`);

function run(text: string) {
  const tok = tokenize(text);
  return findMatches(text, tok.units, lexicon).map((m) => ({
    id: m.entry.id, text: text.slice(m.start, m.end), ...(m.quoted ? { quoted: text.slice(m.quoted.start, m.quoted.end) } : {}),
  }));
}

describe('pattern syntax', () => {
  it('parses classes, optional parts and alternatives', () => {
    const p = parsePattern('{patron}-backed (also) is|are {descriptor:0-2} {noun?}');
    expect(typeof p).toBe('object');
    if (typeof p === 'string') return;
    expect(p.classes).toEqual(['patron', 'descriptor', 'noun']);
    expect(p.pieces).toEqual([
      { kind: 'class', name: 'patron', min: 1, max: 1 },
      { kind: 'words', alternatives: ['backed'], optional: false, glue: '-' },
      { kind: 'words', alternatives: ['also'], optional: true },
      { kind: 'words', alternatives: ['is', 'are'], optional: false },
      { kind: 'class', name: 'descriptor', min: 0, max: 2 },
      { kind: 'class', name: 'noun', min: 0, max: 1 },
    ]);
  });

  it('explains what is wrong with a malformed pattern', () => {
    expect(parsePattern('(also backed')).toMatch(/"\(" without "\)"/);
    expect(parsePattern('((also)) backed')).toMatch(/cannot be nested/);
    expect(parsePattern('{adj:0-9} militia')).toMatch(/at most 3 times/);
    expect(parsePattern('{Adj} militia')).toMatch(/class name "Adj"/);
    expect(parsePattern('(also) {adj?}')).toMatch(/no required word/);
    expect(parsePattern('a|b|c|d a|b|c|d a|b|c|d a|b')).toMatch(/more than 64 spellings/);
    expect(parsePattern('backed|')).toMatch(/empty alternative/);
    expect(parsePattern('(is|are also) backed')).toMatch(/single words only/);
  });

  it('reports an undeclared class, a bad member and a duplicate class with file and line', () => {
    const bad = `${HEAD}classes:
  patron: [Iran, "occupation, forces"]
labels:
  - { id: x, referent: iran, category: actor-label, weight: 0, patterns: ["{patrons}-backed groups"], rationale: a test label }
`;
    expect(() => parseLexicon(bad, 'c.yml')).toThrow(/c\.yml:9:\d+: pattern "\{patrons\}-backed groups" uses the class \{patrons\}, which is not declared/);
    expect(() => parseLexicon(bad, 'c.yml')).toThrow(/c\.yml:7:\d+: member "occupation, forces" of class "patron": .*punctuation/);
    expect(() => parseLexicon(`${HEAD}classes: [a, b]\n`, 'c.yml')).toThrow(/c\.yml:6:\d+: "classes" must be a mapping/);
    expect(() => parseLexicon(`${HEAD}classes:\n  inner: ["{patron} x"]\n`, 'c.yml')).toThrow(/class members cannot refer to classes/);
  });
});

describe('matching with classes', () => {
  it('covers "X-backed N", "pro-X N" and "N backed by / loyal to X" with one entry each', () => {
    expect(run('Iran-backed militias struck.')).toEqual([{ id: 'patron-militia', text: 'Iran-backed militias' }]);
    expect(run('Tehran aligned Iraqi militant groups')).toEqual([{ id: 'patron-militia', text: 'Tehran aligned Iraqi militant groups' }]);
    expect(run('a pro-Iran militia')).toEqual([{ id: 'patron-militia', text: 'pro-Iran militia' }]);
    expect(run('pro-Iran former paramilitaries')).toEqual([{ id: 'patron-militia', text: 'pro-Iran former paramilitaries' }]);
    expect(run('militias are backed by Iran')).toEqual([{ id: 'patron-militia', text: 'militias are backed by Iran' }]);
    expect(run('groups loyal to Tehran')).toEqual([{ id: 'patron-groups', text: 'groups loyal to Tehran' }]);
    expect(run('armed groups aligned with Iran')).toEqual([{ id: 'patron-groups', text: 'armed groups aligned with Iran' }]);
    expect(run('a faction which is also backed by the Islamic Republic')).toEqual([
      { id: 'patron-groups', text: 'faction which is also backed by the Islamic Republic' },
    ]);
    expect(run("Iran's former proxy")).toEqual([{ id: 'proxy', text: "Iran's former proxy" }]);
    expect(run('Tehran’s proxy')).toEqual([{ id: 'proxy', text: 'Tehran’s proxy' }]);
  });

  it('makes a composed phrase one mention whatever the word order', () => {
    // Without the composed entries these were two hits each ("pro-Iran" + "militia").
    for (const text of ['Iran-backed allied militias', 'militias backed by Iran', 'a pro-Iran militia', 'Iranian-funded Shiite armed militia']) {
      const hits = run(text);
      expect(hits, text).toHaveLength(1);
      expect(hits[0].id, text).toBe('patron-militia');
    }
  });

  it('bounds the optional slots: three descriptors are one too many', () => {
    expect(run('Iran-backed allied Iraqi militias')).toEqual([{ id: 'patron-militia', text: 'Iran-backed allied Iraqi militias' }]);
    // No pattern reads the whole phrase; the candidates are its two labels. (The matcher's last pass still makes the
    // one noun phrase one mention: see lexicon-phrases.test.ts, joinNounPhrase.)
    const text = 'Iran-backed allied Iraqi former militias';
    const tok = tokenize(text);
    const whole = collectCandidates(text, tok.units, lexicon).filter((c) => c.startUnit === 0 && c.endUnit === tok.units.count);
    expect(whole).toEqual([]);
  });

  it('never crosses punctuation other than quotation marks', () => {
    expect(run('Iran-backed, militias')).toEqual([{ id: 'pro-iran', text: 'Iran-backed' }, { id: 'militia', text: 'militias' }]);
    expect(run('militias. Backed by Iran')).toEqual([{ id: 'militia', text: 'militias' }, { id: 'iran', text: 'Iran' }]);
  });

  it('lets a composed label hold a whole name, which stays a name', () => {
    expect(run('the faction backed by the IRGC')).toEqual([
      { id: 'patron-groups', text: 'faction backed by the IRGC' },
      { id: 'irgc', text: 'IRGC' },
    ]);
    // A relative after a name: the name stays a name; nothing joins across the comma.
    expect(run('the Houthis, who are also backed by Iran')).toEqual([{ id: 'houthis', text: 'Houthis' }, { id: 'iran', text: 'Iran' }]);
  });

  it('stays linear on adversarial text: long runs of class words', () => {
    // Every unit starts a walk through the descriptor slot; the bound of two keeps each walk short.
    const text = `${'Iran-backed allied allied allied '.repeat(20000)}Iran-backed allied militias`;
    const t0 = performance.now();
    const hits = run(text);
    expect(performance.now() - t0).toBeLessThan(20000);
    expect(hits.at(-1)).toEqual({ id: 'patron-militia', text: 'Iran-backed allied militias' });
    expect(hits.filter((h) => h.id === 'pro-iran')).toHaveLength(20000);
  });
});

describe('quotation marks inside a phrase', () => {
  it('finds the label and records the quoted part', () => {
    expect(run('The two “resistance” leaders met.')).toEqual([{ id: 'occupation', text: '“resistance” leaders', quoted: 'resistance' }]);
    expect(run('Moscow condemned the US "occupation" of Syria.')).toEqual([{ id: 'occupation', text: 'US "occupation"', quoted: 'occupation' }]);
    expect(run('the "US occupation" of Syria')).toEqual([{ id: 'occupation', text: 'US occupation' }]);
  });
});

describe('one pattern, two labels', () => {
  const twice = `${HEAD}labels:
  - { id: a, referent: iran, category: actor-label, weight: -1, patterns: [Iran-backed groups], rationale: first label here }
  - { id: b, referent: iran, category: actor-label, weight: -2, patterns: [Iran backed groups], rationale: second label here }
`;
  it('is collected by the compiler, naming both labels and their weights', () => {
    const compiled = compileLexicon(parseLexicon(twice, 'two.yml'));
    expect(compiled.conflicts).toHaveLength(1);
    expect(compiled.conflicts[0].message).toMatch(/label "b" \(weight -2\) is also claimed by label "a" \(weight -1\)/);
    expect(compiled.conflicts[0].line).toBe(8);
  });

  it('is found through classes and inflections too', () => {
    const viaClass = compileLexicon(parseLexicon(`${HEAD}classes:
  patron: [Iran]
labels:
  - { id: a, referent: iran, category: actor-label, weight: -1, patterns: [Iran-backed militias], rationale: first label here }
  - { id: b, referent: iran, category: actor-label, weight: -2, patterns: ["{patron}-backed militia"], rationale: second label here }
`, 'cls.yml'));
    expect(viaClass.conflicts).toEqual([]);
    const clashes = patternClashes(viaClass);
    expect(clashes).toHaveLength(1);
    expect(clashes[0].message).toMatch(/"Iran-backed militias" is claimed by label "a" \(weight -1\) and by label "b" \(weight -2\)/);
  });
});
