/**
 * Label classes found on batch ar's dev half (session 23, fresh23ar: partisan, opinion and advocacy outlets). The
 * sentences are made up in the manner of the articles; each first case failed before its change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const on = (text: string, surface: string) => madeUpActorHits(text).filter((h) => h.text === surface);
const named = (text: string, pattern: RegExp) => madeUpActorHits(text).filter((h) => pattern.test(h.text));

describe('"surrogates" with the patron named (proxy-noun)', () => {
  it('counts "Iranian surrogates"', () => {
    expect(on('Iranian surrogates next bombed the embassy in 1983.', 'Iranian surrogates')).toMatchObject([{ referent: 'armed-groups', weight: -2 }]);
  });
  it('counts the possessive and the of-phrase, in other orders', () => {
    expect(on('In Iraq, Tehran’s surrogates fired rockets at the base.', 'Tehran’s surrogates')).toHaveLength(1);
    expect(on('The rockets came from surrogates of Iran, officials said.', 'surrogates of Iran')).toHaveLength(1);
  });
  it('leaves "surrogates" without the patron alone', () => {
    expect(named('Campaign surrogates defended the senator on television.', /surrogate/)).toEqual([]);
  });
});

describe('"Zionist" before the state\'s ships, sites and weapons (zionist-regime, thing-noun)', () => {
  it('counts "Zionist ships"', () => {
    expect(on('We will continue to target Zionist ships until the siege ends.', 'Zionist ships')).toMatchObject([{ referent: 'israel', weight: -2 }]);
  });
  it('counts other things, in other orders', () => {
    expect(on('The fighters shelled Zionist positions near the border.', 'Zionist positions')).toHaveLength(1);
    expect(on('A Zionist vessel was struck in the Gulf of Aden, the spokesman said.', 'Zionist vessel')).toHaveLength(1);
  });
  it('leaves "Zionist" before an idea, a movement or an act alone', () => {
    expect(named('The Zionist movement was founded in 1897.', /Zionist/)).toEqual([]);
    expect(on('They condemned Zionist attacks on the camp.', 'Zionist attacks')).toEqual([]);
  });
});

describe('the men of Hamas\'s armed wing by its name, before or after the noun (hamas, C-MEMBERS)', () => {
  it('counts "members of the al-Qassam Brigades"', () => {
    expect(on('Masked members of the al-Qassam Brigades, the military wing of Hamas, marched in Gaza.', 'members of the al-Qassam Brigades'))
      .toMatchObject([{ referent: 'palestinians', weight: 0 }]);
  });
  it('counts other nouns and spellings, in other orders', () => {
    expect(on('Two operatives of the Qassam Brigades were killed, the army said.', 'operatives of the Qassam Brigades')).toHaveLength(1);
    expect(on('Al-Qassam members paraded the hostages.', 'Al-Qassam members')).toHaveLength(1);
    expect(on('The footage showed members of Hamas at the crossing.', 'members of Hamas')).toHaveLength(1);
  });
  it('leaves the wing\'s name alone', () => {
    expect(named('The Qassam Brigades released a video.', /Qassam/)).toEqual([]);
    expect(named('Qassam rockets hit Sderot.', /Qassam/)).toEqual([]);
  });
});

describe('a name after "a"/"an" in a list before a singular title (C-OFFICE, listBeforeTitle)', () => {
  it('does not count "Hamas" in "a Hamas and a Hezbollah leader"', () => {
    expect(on('Israel has killed both a Hamas and a Hezbollah leader in Beirut.', 'Hamas')).toEqual([]);
  });
  it('nor in other lists and titles', () => {
    expect(on('The strike killed a Hamas and an Islamic Jihad commander.', 'Hamas')).toEqual([]);
    expect(on('A Hamas or a Fatah official will attend, the mediators said.', 'Hamas')).toEqual([]);
  });
  it('keeps the name without the article, or before a noun of the men', () => {
    expect(on('Strikes on Iran and a Hezbollah commander followed.', 'Iran')).toHaveLength(1);
    expect(on('The blast killed a Hamas and a Hezbollah fighter.', 'Hamas')).toHaveLength(1);
  });
});
