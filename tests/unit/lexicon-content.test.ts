/**
 * Content checks for the default lexicon (lexicons/conflict.yml): it loads, it names the five fixed referents,
 * every label explains itself, and no pattern can fire inside an unrelated English word.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import type { LabelEntry, Lexicon } from '../../src/types.js';

const LEXICON = 'lexicons/conflict.yml';
const FIXED_REFERENTS = ['armed-groups', 'us-forces', 'israel', 'iran', 'palestinians'];

/**
 * Every wildcard pattern, with every word of the word-list package that starts with its prefix, reviewed by hand.
 * A new wildcard, or a word-list update that adds a word, fails the test until the word is reviewed here.
 */
const WILDCARD_ALLOW: Record<string, string[]> = {
  // paramilitary, paramilitaries: both the intended noun/adjective.
  'paramilitar*': ['paramilitaries', 'paramilitary'],
  // militiaman/militiamen are members of a militia: the same label.
  'militia*': ['militia', 'militiaman', 'militiamen', 'militias'],
  'massacr*': ['massacre', 'massacred', 'massacrer', 'massacrers', 'massacres', 'massacring'],
  'atrocit*': ['atrocities', 'atrocity'],
  // genocidaire: a perpetrator of genocide (Rwanda coverage); still the genocide frame.
  'genocid*': ['genocidaire', 'genocidaires', 'genocidal', 'genocide', 'genocides'],
  'retaliat*': [
    'retaliate', 'retaliated', 'retaliates', 'retaliating', 'retaliation', 'retaliationist', 'retaliationists',
    'retaliations', 'retaliative', 'retaliator', 'retaliators', 'retaliatory',
  ],
  // martyrium/martyria/martyry: a shrine over a martyr's grave; martyrology: lists of martyrs. All martyr-related,
  // and none is in news use in another sense. (Slaughter* was rejected: slaughterhouse.)
  'martyr*': [
    'martyr', 'martyrdom', 'martyrdoms', 'martyred', 'martyria', 'martyries', 'martyring', 'martyrisation',
    'martyrisations', 'martyrise', 'martyrised', 'martyrises', 'martyrising', 'martyrium', 'martyrization',
    'martyrizations', 'martyrize', 'martyrized', 'martyrizes', 'martyrizing', 'martyrly', 'martyrologic',
    'martyrological', 'martyrologies', 'martyrologist', 'martyrologists', 'martyrology', 'martyrs', 'martyry',
  ],
};

/**
 * Every single-word, non-wildcard label pattern, reviewed: each is a word whose news sense is the labelled one.
 * The reason says why the word is safe alone. Adding a single-word label fails the test until it is listed here.
 */
const SINGLE_WORD_LABELS: Record<string, string> = {
  // actor labels
  israel: 'the state; no common unrelated sense',
  idf: 'acronym of the Israeli army',
  iaf: 'acronym of the Israeli Air Force, used beside IDF ("an IAF airstrike"); also the Indian Air Force, rare in Middle East coverage',
  iof: 'acronym "Israeli occupation forces"; not an English word',
  iran: 'the state',
  tehran: 'the capital as metonym for the government',
  hamas: 'the movement; no other sense',
  palestinians: 'the people',
  gazans: 'the people of Gaza',
  zionists: 'in this domain a pejorative for Israelis or Israel (Iranian media)',
  mullahs: 'pejorative metonym for the Iranian state; the singular ("a mullah") is left out',
  mullahocracy: 'coinage for the Iranian state',
  ayatollahs: 'pejorative metonym for the Iranian state; the singular is left out',
  theocracy: 'used in this domain for Iran (AP); a generic sense exists but is rare in news',
  proxies: 'in conflict news the armed groups as proxies; "proxy votes" uses the singular',
  // Nouns that are adjectives too, in entries with `noun: true` (the singular counts only as a noun; the plural always is).
  militant: 'armed militants; the adjective ("militant trade unions", "a militant cell") is left out by noun: true',
  insurgent: 'armed insurgents; the adjective ("insurgent activity") is left out by noun: true',
  terrorist: 'the label itself; the adjective ("a terrorist cell", "terrorist financing") is left out by noun: true',
  extremist: 'armed extremists; the adjective ("extremist settlers") is left out by noun: true',
  mujahideen: 'religious honour title of fighters',
  fedayeen: 'Palestinian fighters (historic)',
  fighters: 'plural only, so "fighter jets" does not match; "fighters" for jets is rare in prose',
  gunmen: 'armed men',
  combatants: 'armed men',
  jihadists: 'plural only; in this domain fighters called holy warriors (context label, the Islamic State blocks it)',
  militiamen: 'members of a militia',
  occupiers: 'the occupying forces; in this domain never the occupiers of a building',
  invaders: 'the invading forces',
  servicemembers: 'US military personnel',
  crusaders: 'unused',
  // events
  aggression: 'military aggression; the psychological sense is rare in conflict news',
  aggressions: 'plural of the above',
  slaughter: 'mass killing; the abattoir sense is rare in conflict news',
  slaughtered: 'as above',
  slaughtering: 'as above',
  slaughters: 'as above',
  carnage: 'mass killing',
  bloodbath: 'mass killing',
  pogrom: 'mass killing',
  butchery: 'mass killing',
  butchered: 'killed brutally',
  onslaught: 'military onslaught',
  barbaric: 'condemning adjective',
  savagery: 'condemning noun',
  extermination: 'mass killing',
  war: 'baseline event word',
  conflict: 'baseline event word; "conflict of interest" is rare in war reports and weighs 0',
  escalation: 'baseline event word',
  clashes: 'baseline event word',
  fighting: 'baseline event word (weight 0)',
  hostilities: 'baseline event word',
  truce: 'baseline event word',
  ceasefire: 'baseline event word',
  blockade: 'baseline event word',
  siege: 'charging event word',
  invasion: 'charging event word',
  incursion: 'charging event word',
  assassination: 'charging event word',
  assassinated: 'charging event word',
  neutralized: 'military euphemism for killing',
  neutralised: 'British spelling of the above',
  // casualties
  shaheed: 'martyr (transliterated)',
  shahid: 'martyr (transliterated)',
  shuhada: 'martyrs (transliterated)',
  victims: 'casualty word',
  perished: 'casualty word',
  slain: 'casualty word',
  died: 'agentless casualty word; also used for natural deaths, weighs only -1 and has no referent',
  murdered: 'casualty word naming the killing as a crime; no referent, so ordinary crime news costs nothing',
};

/** Words that must never be a label on their own: generic nouns whose framing depends entirely on context. */
const NEVER_ALONE = [
  'resistance', 'forces', 'force', 'troops', 'personnel', 'coalition', 'regime', 'enemy', 'entity', 'occupation',
  'occupied', 'occupying', 'alliance', 'group', 'groups', 'faction', 'factions', 'state', 'army', 'military',
  'movement', 'arrogance', 'zionist', 'mullah', 'eliminated', 'operation', 'attack', 'attacks', 'strike', 'strikes',
  'fallen', 'defense', 'base', 'bases', 'terror', 'terrorist', 'axis', 'proxy', 'hezbollah', 'us', 'american', 'israeli',
  'iranian', 'palestinian', 'gaza', 'martyr',
];

function load(): Lexicon {
  return loadLexicons([LEXICON]);
}

const labels = (lex: Lexicon): LabelEntry[] => lex.entries.filter((e): e is LabelEntry => e.kind === 'label');

describe('default lexicon conflict.yml', () => {
  const lex = load();

  it('validates and compiles', () => {
    expect(lex.sources[0].name).toBe('conflict');
    expect(lex.sources[0].version).toBe('1.3.46');
    expect(() => compileLexicon(lex)).not.toThrow();
  });

  it('defines the five fixed referents, and every label uses one of them', () => {
    const ids = lex.referents.map((r) => r.id).sort();
    expect(ids).toEqual([...FIXED_REFERENTS].sort());
    for (const label of labels(lex)) {
      const used = label.referent ? [label.referent] : label.resolve ?? [];
      for (const r of used) expect(FIXED_REFERENTS, `${label.id}`).toContain(r);
    }
    // Every referent has a neutral baseline and both a legitimizing and a delegitimizing actor label.
    for (const r of FIXED_REFERENTS) {
      const own = labels(lex).filter((l) => l.category === 'actor-label' && l.referent === r);
      expect(own.some((l) => l.weight === 0), `${r} baseline`).toBe(true);
      expect(own.some((l) => l.weight > 0), `${r} legitimizing`).toBe(true);
      expect(own.some((l) => l.weight < 0), `${r} delegitimizing`).toBe(true);
    }
  });

  it('gives every label a rationale, a category and a weight in [-2, 2]', () => {
    for (const label of labels(lex)) {
      expect(label.rationale?.trim().length, label.id).toBeGreaterThan(15);
      expect(['actor-label', 'event', 'casualty']).toContain(label.category);
      expect(label.weight).toBeGreaterThanOrEqual(-2);
      expect(label.weight).toBeLessThanOrEqual(2);
      expect(Number.isInteger(label.weight), `${label.id} weight`).toBe(true);
    }
    // An actor label names its referent, fixed or from context (never both); event and casualty words name one
    // only when the pattern itself names the agent ("Israeli aggression").
    for (const label of labels(lex)) {
      expect(Boolean(label.referent) && Boolean(label.resolve), label.id).toBe(false);
      if (label.category === 'actor-label') expect(Boolean(label.referent) || Boolean(label.resolve), label.id).toBe(true);
      else expect(label.resolve, `${label.id}: event words take no context referent`).toBeUndefined();
    }
  });

  it('has well over 200 patterns, and no pattern is written twice', () => {
    const compiled = compileLexicon(lex);
    expect(compiled.patternCount).toBeGreaterThan(200);
    const seen = new Map<string, string>();
    for (const e of lex.entries) {
      for (const p of e.patterns) {
        const key = `${p.caseSensitive ? 'cs' : 'ci'}:${p.source.toLowerCase().replace(/[-–]/g, ' ')}`;
        expect(seen.get(key), `"${p.source}" in ${e.id} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, e.id);
      }
    }
  });

  it('uses wildcards only where every English word they reach is an intended form', () => {
    // word-list's package "exports" hides words.txt from require.resolve, so it is read from node_modules directly.
    const wordsFile = fileURLToPath(new URL('../../node_modules/word-list/words.txt', import.meta.url));
    const words = readFileSync(wordsFile, 'utf8').split('\n').map((w) => w.trim()).filter(Boolean);
    const sources = [...lex.entries.flatMap((e) => e.patterns), ...(lex.classes ?? []).flatMap((c) => c.members)].map((p) => p.source);
    const wildcards = sources.flatMap((src) => src.split(/\s+/)).filter((w) => w.endsWith('*'));
    expect(wildcards.length).toBeGreaterThan(0);
    for (const wildcard of wildcards) {
      const allow = WILDCARD_ALLOW[wildcard.toLowerCase()];
      expect(allow, `wildcard ${wildcard} needs a reviewed allow-list`).toBeDefined();
      const prefix = wildcard.slice(0, -1).toLowerCase();
      const reached = words.filter((w) => w.startsWith(prefix));
      expect(reached.length, `${wildcard} reaches no English word`).toBeGreaterThan(0);
      const unreviewed = reached.filter((w) => !allow.includes(w));
      expect(unreviewed, `${wildcard} would also match`).toEqual([]);
    }
    // Stale allow-list entries are errors too: each listed wildcard is still in use.
    for (const listed of Object.keys(WILDCARD_ALLOW)) expect(wildcards.map((w) => w.toLowerCase())).toContain(listed);
  });

  it('never uses an occupation wildcard (occup* would reach "occupational")', () => {
    const all = lex.entries.flatMap((e) => e.patterns.map((p) => p.source.toLowerCase()));
    expect(all.filter((p) => /\boccup[a-z]*\*/.test(p))).toEqual([]);
  });

  it('uses as single-word labels only reviewed words whose news sense is the labelled one', () => {
    const single = new Set<string>();
    const nounOnly = new Set<string>();
    for (const label of labels(lex)) {
      for (const p of label.patterns) {
        const src = p.source.trim();
        if (/\s|[-–]/.test(src) || src.endsWith('*')) continue;
        single.add(src.toLowerCase());
        if (label.noun) nounOnly.add(src.toLowerCase());
      }
    }
    const unreviewed = [...single].filter((w) => !(w in SINGLE_WORD_LABELS));
    expect(unreviewed, 'single-word labels not reviewed in SINGLE_WORD_LABELS').toEqual([]);
    // An adjective-noun ("terrorist") may stand alone only in an entry that counts it as a noun only.
    for (const w of NEVER_ALONE) expect(single.has(w) && !nounOnly.has(w), `"${w}" must not be a label on its own`).toBe(false);
  });

  it('keeps names that contain frame words as names, never as labels', () => {
    const namePatterns = lex.entries.filter((e) => e.kind === 'name').flatMap((e) => e.patterns.map((p) => p.source.toLowerCase()));
    for (const n of ['islamic resistance in iraq', 'islamic resistance movement', 'axis of resistance', "kata'ib sayyid al-shuhada".replace("kata'ib", 'kataib'), 'popular mobilization forces', 'counter-terrorism service']) {
      expect(namePatterns, n).toContain(n);
    }
    const labelPatterns = labels(lex).flatMap((l) => l.patterns.map((p) => p.source.toLowerCase()));
    expect(labelPatterns.filter((p) => namePatterns.includes(p))).toEqual([]);
  });
});
