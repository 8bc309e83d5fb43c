/**
 * Made-up sentences for the label classes fixed from the dev halves of batches ab–af (session 20, round 2, fresh20ah).
 * Each class came from a dev error; the sentences are never a real article's text.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

function actorHits(text: string) {
  return madeUpActorHits(text).map(({ text: words, referent, weight }) => ({ text: words, referent, weight }));
}

describe('"Yemen rebels": the country\'s name as the attribute of the rebels (houthi-rebels)', () => {
  it('reads the name as "Yemeni rebels" is read', () => {
    expect(actorHits('Two drones launched by Yemen rebels fell into the sea.')).toEqual([
      { text: 'Yemen rebels', referent: 'armed-groups', weight: -1 },
    ]);
    expect(actorHits('The Yemen rebels said they fired two missiles.')).toEqual([
      { text: 'Yemen rebels', referent: 'armed-groups', weight: -1 },
    ]);
  });
});

describe('"Washington troops": the capital as the side word before the men (us-forces)', () => {
  it('counts the troops and the possessive forces as the US baseline', () => {
    expect(actorHits('The port was hit in raids led by Washington troops last month.')).toEqual([
      { text: 'Washington troops', referent: 'us-forces', weight: 0 },
    ]);
    expect(actorHits('The drones flew past Washington’s forces in the gulf.')).toEqual([
      { text: 'Washington’s forces', referent: 'us-forces', weight: 0 },
    ]);
  });

  it('leaves the verb "forces" after the capital alone', () => {
    expect(actorHits('Washington forces the allies to pay more.')).toEqual([]);
  });
});

describe('members of a named group in the of-phrase (named-group-members, gold README C-MEMBERS)', () => {
  it('reads "members of" a group name, quoted or not, as the group\'s men, neutral', () => {
    expect(actorHits('Officials expect other members of the ‘Islamic Resistance in Iraq’ to strike again.')).toEqual([
      { text: 'members of the ‘Islamic Resistance in Iraq’', referent: 'armed-groups', weight: 0 },
    ]);
    expect(actorHits('Three members of the Islamic Resistance in Iraq were detained.')).toEqual([
      { text: 'members of the Islamic Resistance in Iraq', referent: 'armed-groups', weight: 0 },
    ]);
    expect(actorHits('An operative of Kataib Hezbollah was named in the report.')).toEqual([
      { text: 'operative of Kataib Hezbollah', referent: 'armed-groups', weight: 0 },
    ]);
  });

  it('keeps an office holder of the group unannotated (C-OFFICE)', () => {
    expect(actorHits('The leader of the Islamic Resistance in Iraq spoke on television.')).toEqual([]);
  });
});

describe('a plight adjective before "Palestinian people" (people-of-gaza)', () => {
  it('signs every plight adjective as "oppressed Palestinian people" is signed', () => {
    expect(actorHits('The statement hailed the steadfast Palestinian people in Gaza.')).toEqual([
      { text: 'steadfast Palestinian people in Gaza', referent: 'palestinians', weight: 1 },
    ]);
    expect(actorHits('The statement hailed the steadfast Palestinian people in the Gaza Strip.')).toEqual([
      { text: 'steadfast Palestinian people in the Gaza Strip', referent: 'palestinians', weight: 1 },
    ]);
    expect(actorHits('The statement hailed the steadfast Palestinian people.')).toEqual([
      { text: 'steadfast Palestinian people', referent: 'palestinians', weight: 1 },
    ]);
    expect(actorHits('Aid must reach the besieged Palestinian people.')).toEqual([
      { text: 'besieged Palestinian people', referent: 'palestinians', weight: 1 },
    ]);
    expect(actorHits('They marched for the oppressed Palestinian people.')).toEqual([
      { text: 'oppressed Palestinian people', referent: 'palestinians', weight: 1 },
    ]);
  });

  it('leaves the plain people the baseline', () => {
    expect(actorHits('Aid must reach the Palestinian people.')).toEqual([
      { text: 'Palestinian people', referent: 'palestinians', weight: 0 },
    ]);
  });
});

describe('"at Tehran\'s behest" and "at the behest of Iran": a patron tie after the noun (one mention)', () => {
  it('reads the possessive form, with or without a participle, in any case', () => {
    expect(actorHits('Militias Operating At Tehran’s Behest Strike Again')).toEqual([
      { text: 'Militias Operating At Tehran’s Behest', referent: 'armed-groups', weight: -2 },
    ]);
    expect(actorHits('Armed groups at Iran\'s behest fired rockets.')).toEqual([
      { text: 'Armed groups at Iran\'s behest', referent: 'armed-groups', weight: -1 },
    ]);
    expect(actorHits('The town was shelled by terrorist groups acting at Tehran\'s behest.')).toEqual([
      { text: 'terrorist groups acting at Tehran\'s behest', referent: 'armed-groups', weight: -2 },
    ]);
  });

  it('reads the of-phrase as a patron link', () => {
    expect(actorHits('Militants acting at the behest of Iran fired rockets.')).toEqual([
      { text: 'Militants acting at the behest of Iran', referent: 'armed-groups', weight: -2 },
    ]);
    expect(actorHits('The groups that are operating at the behest of Tehran denied it.')).toEqual([
      { text: 'groups that are operating at the behest of Tehran', referent: 'armed-groups', weight: -1 },
    ]);
  });
});

describe('groups "in Iran\'s axis of resistance": the patron\'s axis after "in" or "within" (one mention)', () => {
  it('signs the phrase by its head noun, quotation marks inside', () => {
    expect(actorHits('Armed terrorist groups in Iran’s “axis of resistance” have praised the strikes.')[0]).toEqual(
      { text: 'Armed terrorist groups in Iran’s “axis of resistance”', referent: 'armed-groups', weight: -2 },
    );
    expect(actorHits('Armed groups within Tehran\'s axis of resistance praised the strikes.')).toEqual([
      { text: 'Armed groups within Tehran\'s axis of resistance', referent: 'armed-groups', weight: -1 },
    ]);
    expect(actorHits('Shiite militias in Iran\'s axis praised the strikes.')).toEqual([
      { text: 'Shiite militias in Iran\'s axis', referent: 'armed-groups', weight: -2 },
    ]);
  });

  it('leaves groups in Iran itself to the place (no patron phrase)', () => {
    expect(actorHits('Armed groups in Iran praised the strikes.').map((h) => h.text)).not.toContain('Armed groups in Iran');
  });
});

describe('a bare irregular noun in the singular before a noun of an act or a thing is its attribute (match.ts bareNounOfAct)', () => {
  it('reads "militia attacks" as the attacks, in any case', () => {
    expect(actorHits('Hawks call for strikes after deadly militia attacks on the base.')).toEqual([]);
    expect(actorHits('Militia rocket fire resumed overnight.')).toEqual([]);
    expect(actorHits('A wave of militia drone strikes followed.')).toEqual([]);
  });

  it('keeps the plural, the verb and a composed label ending in the noun', () => {
    expect(actorHits('Militias attacked the base overnight.')).toEqual([
      { text: 'Militias', referent: 'armed-groups', weight: -1 },
    ]);
    expect(actorHits('A militia attacks the base every night.').map((h) => h.text)).toContain('militia');
    expect(actorHits('An Iranian-backed militia drone strike killed three.')).toEqual([
      { text: 'Iranian-backed militia', referent: 'armed-groups', weight: -2 },
    ]);
  });
});

describe('a stance label after the other stance\'s suspended prefix names both sides (match.ts bothStances)', () => {
  it('drops "anti-US forces" in "Pro- and anti-US forces", and the reverse order', () => {
    expect(actorHits('Pro- and anti-US forces in the region are now watching.')).toEqual([]);
    expect(actorHits('Anti- and pro-Iran groups marched in the capital.')).toEqual([]);
  });

  it('keeps a stance label alone and two whole stance labels', () => {
    expect(actorHits('Anti-US forces fired rockets.')).toEqual([
      { text: 'Anti-US forces', referent: 'armed-groups', weight: 0 },
    ]);
    expect(actorHits('Pro-Iran and anti-US groups attacked.').map((h) => h.text)).toContain('anti-US groups');
  });
});

describe('names listed before an office noun are office holders by affiliation (analyze.ts listBeforeTitle, C-OFFICE)', () => {
  it('leaves every conjunct of the list unannotated', () => {
    expect(actorHits('The strikes avenged the killings of Hamas, Hezbollah, and Iranian commanders last year.')).toEqual([]);
    expect(actorHits('Hamas and Iranian officials met in Doha on Monday.')).toEqual([]);
    expect(actorHits('Hamas or Iranian political leaders were not reached.')).toEqual([]);
  });

  it('keeps a one-word name before "and <Name> <title>" without a comma: the name may stand alone', () => {
    // "strikes on Iran and Hezbollah leaders": the state and the group's leaders; only a demonym after "and" (which
    // cannot stand alone) or a comma series makes every conjunct a modifier of the title.
    expect(actorHits('Israel carried out strikes on Iran and Hezbollah leaders last week.').map((h) => h.text)).toEqual(['Israel', 'Iran']);
    expect(actorHits('Hamas or Iran political leaders were not reached.').map((h) => h.text)).toEqual(['Hamas']);
  });

  it('keeps the sides after "between", in a plain list and before a noun that is no office', () => {
    expect(actorHits('Talks between Israel and Hamas political leaders stalled.').map((h) => h.text)).toEqual(['Israel']);
    expect(actorHits('Israel and Iran exchanged fire again.').map((h) => h.text)).toEqual(['Israel', 'Iran']);
    expect(actorHits('Israel and Iran, officials said, exchanged fire.').map((h) => h.text)).toEqual(['Israel', 'Iran']);
  });
});

describe('"military" coordinated with another modifier before a thing or an office (analyze.ts affiliationOnly)', () => {
  it('reads "Israeli military and reconnaissance sites" as the sites, and the officials as office holders', () => {
    expect(actorHits('Rockets hit Israeli military and reconnaissance sites along the border.')).toEqual([]);
    expect(actorHits('Israeli military and intelligence officials said the raid was planned.')).toEqual([]);
  });

  it('keeps the force before a noun of men', () => {
    expect(actorHits('Israeli military and security forces raided the camp.').map((h) => h.text)).toContain('Israeli military');
    expect(actorHits('The Israeli military and the police raided the camp.').map((h) => h.text)).toContain('Israeli military');
  });
});

describe('"Iranian allies": the adjective for the patron\'s possessive (iran-allies; match.ts ownersNationals)', () => {
  it('reads the allies as "Iran\'s allies" are read, a modifier between', () => {
    expect(actorHits('Israel is ringed by Iranian allies such as Hezbollah.')[1]).toEqual(
      { text: 'Iranian allies', referent: 'armed-groups', weight: 0 },
    );
    expect(actorHits('The border is held by Iranian regional allies.')).toEqual([
      { text: 'Iranian regional allies', referent: 'armed-groups', weight: 0 },
    ]);
  });

  it('leaves the owner\'s allies of that nationality after a possessive determiner alone', () => {
    expect(actorHits('Hezbollah and its Iranian allies met in Beirut.').map((h) => h.text)).not.toContain('Iranian allies');
    expect(actorHits('The Houthis and their Iranian allies denied it.').map((h) => h.text)).not.toContain('Iranian allies');
  });
});

describe('a composed label ending inside a compound modifier names no one (match.ts endsInsideCompound)', () => {
  it('leaves "members of the Hezbollah-aligned Amal group" to the other body', () => {
    expect(actorHits('Drones killed members of the Hezbollah-aligned Amal group near the border.')).toEqual([]);
  });

  it('keeps the plain name before a tie (C-TIE) and the of-phrase ending in the name', () => {
    expect(actorHits('Israel-linked vessels were hit.')).toEqual([{ text: 'Israel', referent: 'israel', weight: 0 }]);
    expect(actorHits('Three members of Hezbollah were detained.')).toEqual([
      { text: 'members of Hezbollah', referent: 'armed-groups', weight: 0 },
    ]);
  });
});
