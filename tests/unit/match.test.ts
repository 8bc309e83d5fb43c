import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/nlp/nlp.js';
import { findMatches } from '../../src/analysis/match.js';
import { compileYaml } from '../helpers/lexicon.js';

const lexicon = compileYaml(`lexicon: t
version: 1
referents:
  - { id: armed-groups, label: Armed groups }
  - { id: us-forces, label: US forces }
  - { id: country, label: A country }
variants:
  - [hashd, hasd, hashed]
  - [us, u.s.]
names:
  - id: islamic-resistance-in-iraq
    referent: armed-groups
    patterns: [Islamic Resistance in Iraq]
  - id: hashd
    patterns: [Hashd al-Shaabi]
  - id: czech-republic
    type: place
    patterns: [Czech Republic]
labels:
  - { id: resistance, referent: armed-groups, category: actor-label, weight: 2, patterns: [resistance], rationale: r }
  - { id: iran-backed, referent: armed-groups, category: actor-label, weight: -1, patterns: [Iran-backed, Iran-backed militia], rationale: r }
  - { id: militia, referent: armed-groups, category: actor-label, weight: -1, patterns: [militia], rationale: r }
  - { id: us-forces, referent: us-forces, category: actor-label, weight: 0, patterns: [US force, US troop], rationale: r }
  - { id: us-terrorist, referent: us-forces, category: actor-label, weight: -2, patterns: [US terrorist forces], rationale: r }
  - { id: terrorist, referent: armed-groups, category: actor-label, weight: -2, patterns: [terrorist], rationale: r }
  - { id: czech, referent: country, category: actor-label, weight: 0, patterns: ["Czech*"], rationale: r }
  - { id: killed, category: casualty, weight: 0, patterns: [were killed], rationale: r }
  - { id: occupiers, referent: us-forces, category: actor-label, weight: -2, patterns: ["occupier*"], rationale: r }
  - { id: cs-state, referent: country, category: actor-label, weight: 0, patterns: [IS], case: sensitive, rationale: r }
devices:
  - { id: claimed, type: attribution, weight: -1, patterns: [claimed] }
  - { id: claimed-responsibility, type: attribution, weight: 0, patterns: [claimed responsibility] }
`);

function run(text: string) {
  const tok = tokenize(text);
  return findMatches(text, tok.units, lexicon).map((m) => ({ id: m.entry.id, text: text.slice(m.start, m.end) }));
}

describe('matcher', () => {
  it('keeps exact offsets: text.slice(start, end) is the surface', () => {
    const text = 'On Friday,  “Iran-backed militias” and U.S. troops clashed.';
    const tok = tokenize(text);
    for (const m of findMatches(text, tok.units, lexicon)) {
      expect(text.slice(m.start, m.end)).toMatch(/Iran-backed militias|U\.S\. troops/);
    }
    expect(run(text)).toEqual([
      { id: 'iran-backed', text: 'Iran-backed militias' },
      { id: 'us-forces', text: 'U.S. troops' },
    ]);
  });

  it('treats hyphen, space and en dash as the same', () => {
    expect(run('Iran backed groups').map((h) => h.id)).toEqual(['iran-backed']);
    expect(run('Iran–backed groups').map((h) => h.id)).toEqual(['iran-backed']);
    expect(run('Iran-backed groups').map((h) => h.id)).toEqual(['iran-backed']);
  });

  it('treats the Unicode hyphens wink-nlp types as unknown (U+2010, U+2011, U+2012, U+FE63, U+FF0D) as hyphens', () => {
    for (const hyphen of ['\u2010', '\u2011', '\u2012', '\ufe63', '\uff0d']) {
      expect(run(`Iran${hyphen}backed groups`).map((h) => h.id)).toEqual(['iran-backed']);
    }
    // A bullet or other mark wink types as unknown separates words; it is never a word of its own.
    const units = tokenize('Iran\u2010backed \u2022 militias').units;
    expect(units.normal).toEqual(['iran', 'backed', 'militias']);
    expect(units.barrierAfter[1]).toBe(1);
  });

  it('reads a word broken by a soft hyphen or a joiner as one word, and a zero-width space as a space', () => {
    expect(run('Iran-backed mili\u00adtias fired.')).toEqual([{ id: 'iran-backed', text: 'Iran-backed mili\u00adtias' }]);
    expect(run('Iran-backed mili\u2060tias fired.')).toEqual([{ id: 'iran-backed', text: 'Iran-backed mili\u2060tias' }]);
    const units = tokenize('US\u200bforces and mili\u00adtias.').units;
    expect(units.normal).toEqual(['us', 'forces', 'and', 'militias']);
    expect([units.start[3], units.end[3]]).toEqual([14, 23]);
  });

  it('matches inflections through lemmas, also capitalised at a sentence start', () => {
    expect(run('Militias fired rockets.')).toEqual([{ id: 'militia', text: 'Militias' }]);
    expect(run('The militias fired.')).toEqual([{ id: 'militia', text: 'militias' }]);
    expect(run('US forces left.')).toEqual([{ id: 'us-forces', text: 'US forces' }]);
  });

  it('matches an inflected pattern word only in that form', () => {
    expect(run('Three were killed.')).toEqual([{ id: 'killed', text: 'were killed' }]);
    expect(run('They were killing.')).toEqual([]);
  });

  it('matches names first and never lets a label inside a name count', () => {
    expect(run('The Islamic Resistance in Iraq claimed it. The resistance said so.')).toEqual([
      { id: 'islamic-resistance-in-iraq', text: 'Islamic Resistance in Iraq' },
      { id: 'claimed', text: 'claimed' },
      { id: 'resistance', text: 'resistance' },
    ]);
  });

  it('resolves overlaps by longest match, with no double counting', () => {
    expect(run('US terrorist forces attacked.')).toEqual([{ id: 'us-terrorist', text: 'US terrorist forces' }]);
    expect(run('The Czech Republic and Czechs.')).toEqual([
      { id: 'czech-republic', text: 'Czech Republic' },
      { id: 'czech', text: 'Czechs' },
    ]);
    expect(run('The group claimed responsibility. It claimed victory.').map((h) => h.id)).toEqual(['claimed-responsibility', 'claimed']);
  });

  it('applies spelling variants in patterns and texts', () => {
    expect(run('Hasd al-Shaabi and Hashed al-Shaabi units').map((h) => h.id)).toEqual(['hashd', 'hashd']);
  });

  it('uses suffix wildcards without matching across words or punctuation', () => {
    expect(run('the occupiers and occupier').map((h) => h.text)).toEqual(['occupiers', 'occupier']);
    expect(run('an occupational hazard')).toEqual([]);
    expect(run('US, forces')).toEqual([]);
  });

  it('honours case-sensitive entries', () => {
    expect(run('IS fighters').map((h) => h.id)).toEqual(['cs-state']);
    expect(run('it is late').map((h) => h.id)).toEqual([]);
  });

  it('does not match across a paragraph break', () => {
    expect(run('They met US\n\nforces.').map((h) => h.id)).toEqual([]);
  });
});

describe('inflections', () => {
  it('expands lowercase words into regular and irregular forms', async () => {
    const { inflections } = await import('../../src/lexicon/inflect.js');
    expect(inflections('militia')).toContain('militias');
    expect(inflections('proxy')).toEqual(expect.arrayContaining(['proxies']));
    expect(inflections('kill')).toEqual(expect.arrayContaining(['kills', 'killed', 'killing']));
    expect(inflections('fight')).toEqual(expect.arrayContaining(['fought', 'fighting']));
    expect(inflections('occupier')).toContain('occupiers');
    expect(inflections('massacre')).toEqual(expect.arrayContaining(['massacres', 'massacred']));
    expect(inflections('child')).toContain('children');
    expect(inflections('us')).toEqual([]);
    // Nouns whose verb forms are other words: "US-based" is no US base.
    expect(inflections('base')).toEqual(['bases']);
    expect(inflections('force')).not.toContain('forced');
    expect(inflections("kata'ib")).toEqual([]);
  });

  it('does not inflect capitalised pattern words', () => {
    const lex = compileYaml(`lexicon: c
version: 1
referents: [{ id: p, label: P }]
labels:
  - { id: pal, referent: p, category: actor-label, weight: 0, patterns: [Palestinian], rationale: r }
  - { id: fighter, referent: p, category: actor-label, weight: 0, patterns: [fighter], rationale: r }
`);
    const text = 'Palestinians and Palestinian, fighters.';
    const tok = tokenize(text);
    expect(findMatches(text, tok.units, lex).map((m) => text.slice(m.start, m.end))).toEqual(['Palestinian', 'fighters']);
  });
});

describe('a name inside a modifier phrase (match.ts nameInside)', () => {
  const lex = compileYaml(`lexicon: t
version: 1
referents:
  - { id: groups, label: Groups }
  - { id: state, label: A state }
names:
  - { id: zed, referent: groups, patterns: [Zed Brigades] }
  - { id: acme, referent: state, patterns: [Acme Guard] }
  - { id: untracked, type: actor, patterns: [Other Front] }
labels:
  - { id: patron, resolve: [groups], category: actor-label, weight: -1, patterns: [X-backed], rationale: r }
  - { id: militants, resolve: [groups], category: actor-label, weight: -1, patterns: [militants], rationale: r }
  - { id: patron-militants, referent: groups, category: actor-label, weight: -2, patterns: [X-backed militants], rationale: r }
`);
  const labels = (text: string) => {
    const tok = tokenize(text);
    return findMatches(text, tok.units, lex).filter((m) => m.entry.kind === 'label').map((m) => `${m.entry.id}:${text.slice(m.start, m.end)}`);
  };

  it('joins modifier, name and noun when the phrase read without the name can name the named group', () => {
    expect(labels('X-backed Zed Brigades militants fired.')).toEqual(['patron-militants:X-backed Zed Brigades militants']);
  });

  it('keeps two mentions when the name is of another referent, untracked, or set off by punctuation', () => {
    expect(labels('X-backed Acme Guard militants fired.')).toEqual(['patron:X-backed', 'militants:militants']);
    expect(labels('X-backed Other Front militants fired.')).toEqual(['patron:X-backed', 'militants:militants']);
    expect(labels('X-backed Zed Brigades, militants said.')).toEqual(['patron:X-backed', 'militants:militants']);
  });
});
