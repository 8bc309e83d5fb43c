/**
 * Made-up sentences for three label classes found in opinion and army-voice copy (lexicon 1.3.39): "gang" as the
 * terrorist or criminal charge ("a terrorist gang", "Hamas gangs"), a "terror" compound naming an office or a unit
 * ("terror brigades", "Hezbollah's terror army"; not an office: "the terror chief", gold C-OFFICE), and an adjective between Iran's name and "regime" ("Iran's
 * revolutionary regime"), which lost the label or split the phrase into the name and a shorter label.
 */
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { analyzeDocument } from '../../src/analysis/analyze.js';

const compiled = compileLexicon(loadLexicons(['lexicons/conflict.yml']));

/** Actor labels and names of a made-up text: the words, the entry, its weight. */
function mentions(text: string) {
  return analyzeDocument({ id: 'made-up', text, outlet: 'Test', title: '', source: { file: 'made-up.txt' } } as never, compiled)
    .hits.filter((h) => h.category === 'actor-label')
    .map((h) => ({ text: text.slice(h.start, h.end), label: h.label, weight: h.weight }));
}

describe('"gang" as a charge against a group (1.3.39)', () => {
  it('reads "terrorist gang" and "terror gangs" as the terrorist label', () => {
    expect(mentions('The Houthis are a terrorist gang, the minister wrote.')).toEqual([
      { text: 'terrorist gang', label: 'terrorists', weight: -2 },
    ]);
    expect(mentions('Terror gangs fired rockets from Gaza again.').map((m) => [m.text, m.label])).toContainEqual(['Terror gangs', 'terrorists']);
  });

  it('reads a group name before "gangs" as one label of that group', () => {
    expect(mentions('Hamas gangs looted the aid convoy.')).toEqual([{ text: 'Hamas gangs', label: 'hamas-terrorists', weight: -2 }]);
    expect(mentions('The Houthi gangs fired at the tanker.')).toEqual([{ text: 'Houthi gangs', label: 'houthi-terrorists', weight: -2 }]);
    expect(mentions('Hezbollah gangs shelled the border towns.')).toEqual([{ text: 'Hezbollah gangs', label: 'named-group-terrorists', weight: -2 }]);
  });

  it('leaves gangs of other kinds alone', () => {
    expect(mentions('Criminal gangs control the port in Haiti.')).toEqual([]);
    expect(mentions('A gang of youths threw stones at the bus.')).toEqual([]);
  });
});

describe('"terror" compounds naming a unit, not an office (1.3.39)', () => {
  it('joins a group name and the compound into one label', () => {
    expect(mentions("Hezbollah's terror army was hit hard.")).toEqual([
      { text: "Hezbollah's terror army", label: 'named-group-terrorists', weight: -2 },
    ]);
  });

  it('reads the unit alone as the terrorist label', () => {
    expect(mentions('Troops moved to destroy newly formed terror brigades.').map((m) => [m.text, m.label])).toContainEqual(['terror brigades', 'terrorists']);
  });

  it('leaves an office holder named with "terror" unannotated (gold C-OFFICE)', () => {
    expect(mentions('The army said the terror chief was killed in the strike.')).toEqual([]);
    expect(mentions('A terrorist commander planned the raid.')).toEqual([]);
  });
});

describe('an adjective between Iran\'s name and "regime" (1.3.39)', () => {
  it('keeps one label at the regime weight', () => {
    for (const [s, words] of [
      ['They were trained by the Iranian revolutionary regime.', 'Iranian revolutionary regime'],
      ["Iran's ruling clerical regime pays them.", "Iran's ruling clerical regime"],
      ["Iran's hardline regime denied it.", "Iran's hardline regime"],
      ["Tehran's repressive regime arrested them.", "Tehran's repressive regime"],
    ] as const) expect(mentions(s), s).toEqual([{ text: words, label: 'iranian-regime', weight: -2 }]);
  });

  it('leaves "theocratic regime" to the milder theocracy entry', () => {
    expect(mentions("Iran's theocratic regime denied it.")).toEqual([{ text: "Iran's theocratic regime", label: 'theocracy', weight: -1 }]);
  });
});

describe('an adjective between Israel\'s name and "occupation" (1.3.39)', () => {
  it('keeps the occupation label, one mention', () => {
    for (const [s, words] of [
      ["They fight Israel's decades-long occupation of the land.", "Israel's decades-long occupation"],
      ['Life under the Israeli military occupation is hard.', 'Israeli military occupation'],
      ["Israel's continued occupation of the Golan was condemned.", "Israel's continued occupation"],
    ] as const) expect(mentions(s), s).toEqual([{ text: words, label: 'israeli-occupation', weight: -1 }]);
  });

  it('gives the forces after such an occupation their own stronger entry', () => {
    expect(mentions('Israeli military occupation forces raided the camp.')).toEqual([
      { text: 'Israeli military occupation forces', label: 'israeli-occupation-forces', weight: -2 },
    ]);
  });

  it('leaves the military as a verb\'s subject neutral', () => {
    expect(mentions('The Israeli military occupied the hill.')).toEqual([{ text: 'Israeli military', label: 'israeli-military', weight: 0 }]);
  });
});

describe('"invading" or "aggressor" before a force\'s neutral name (1.3.39)', () => {
  it('reads the phrase as the occupation-forces label of that side', () => {
    expect(mentions('Villagers watched the invading Israeli army near the camp.')).toEqual([
      { text: 'invading Israeli army', label: 'israeli-occupation-forces', weight: -2 },
    ]);
    expect(mentions('The statement warned the invading American forces.')).toEqual([
      { text: 'invading American forces', label: 'us-occupation-forces', weight: -2 },
    ]);
  });

  it('leaves the verb after the name alone', () => {
    expect(mentions('Israeli forces invading Rafah met resistance.')).toEqual([{ text: 'Israeli forces', label: 'israeli-military', weight: 0 }]);
  });
});

describe('more forms of labels the lexicon had in another word order (1.3.39)', () => {
  it('reads a singular terror proxy, the charge after Israel\'s possessive and the joint aggressors', () => {
    expect(mentions('The terror proxy Hezbollah fired again.')[0]).toEqual({ text: 'terror proxy', label: 'proxies', weight: -2 });
    expect(mentions("Israel's genocidal army shelled the camp.")).toEqual([{ text: "Israel's genocidal army", label: 'genocidal-entity', weight: -2 }]);
    expect(mentions('The US-British aggressors struck the port.')).toEqual([{ text: 'US-British aggressors', label: 'great-satan', weight: -2 }]);
  });

  it('keeps the bare singular proxy and the neutral possessive army unlabelled', () => {
    expect(mentions('They fought a proxy war for years.')).toEqual([]);
    expect(mentions("Israel's army entered the town.")).toEqual([{ text: "Israel's army", label: 'israeli-military', weight: 0 }]);
  });
});

describe('a charge between Hamas\'s possessive and its label noun (1.3.39)', () => {
  it('is one mention, where it was the name and a context label', () => {
    for (const [s, words] of [
      ["Hamas's genocidal terrorists crossed the fence.", "Hamas's genocidal terrorists"],
      ["Hamas's brutal murderers took hostages.", "Hamas's brutal murderers"],
    ] as const) expect(mentions(s), s).toEqual([{ text: words, label: 'hamas-terrorists', weight: -2 }]);
  });
});

describe('criminal charges and "regime" said of the Houthis (1.3.39)', () => {
  it('reads them as the Houthi label', () => {
    for (const s of ['Houthi pirates seized the ship.', 'The Houthi regime denied it.', 'Houthi thugs fired at the tanker.']) {
      expect(mentions(s).map((m) => [m.label, m.weight]), s).toEqual([['houthi-terrorists', -2]]);
    }
  });

  it('leaves other pirates alone', () => {
    expect(mentions('Somali pirates seized the ship.')).toEqual([]);
  });
});

describe('US troops: a spelling of the neutral name and two more hostile names (1.3.39)', () => {
  it('reads them with their weights', () => {
    expect(mentions('Three American servicemembers were wounded.')).toEqual([{ text: 'American servicemembers', label: 'us-forces', weight: 0 }]);
    expect(mentions('The statement threatened US mercenaries in Syria.').map((m) => [m.text, m.weight])).toContainEqual(['US mercenaries', -2]);
    expect(mentions('The factions vowed to expel the occupying Americans.')).toEqual([{ text: 'occupying Americans', label: 'great-satan', weight: -2 }]);
  });
});
