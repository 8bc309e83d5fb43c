/**
 * Label classes found on batch al's dev half (session 22, fresh22al). The sentences are made up in the manner of the
 * articles; each first case failed before its change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const on = (text: string, surface: string) => madeUpActorHits(text).filter((h) => h.text === surface);

describe('a city speaks for its government after an auxiliary (tel-aviv-government, metonym)', () => {
  it('counts "Tel Aviv has claimed"', () => {
    expect(on('Tel Aviv has claimed that the attack was foiled with the help of its allies.', 'Tel Aviv')).toMatchObject([{ referent: 'israel' }]);
  });
  it('counts an adverb after the auxiliary, in another order', () => {
    expect(on('After the strike on the consulate, Tel Aviv had repeatedly warned Tehran against any reply.', 'Tel Aviv')).toMatchObject([{ referent: 'israel' }]);
  });
  it('counts a modal', () => {
    expect(on('Officials expect that Tel Aviv will condemn the raid within hours.', 'Tel Aviv')).toMatchObject([{ referent: 'israel' }]);
  });
  it('leaves the city a place before a passive or another verb', () => {
    expect(on('Tel Aviv was hit by shrapnel and Tel Aviv has seen sirens every night.', 'Tel Aviv')).toEqual([]);
    expect(on('Tel Aviv is called the White City by its residents.', 'Tel Aviv')).toEqual([]);
  });
});

describe('a leadership is office holders named collectively (title-noun "leadership", C-OFFICE)', () => {
  it('does not count "the Iranian leadership"', () => {
    expect(madeUpActorHits('After the bombing, the Iranian leadership had vowed revenge.')).toEqual([]);
  });
  it('nor a name or its possessive before it, in other orders', () => {
    expect(madeUpActorHits("Revenge was vowed by Iran's leadership on Monday.")).toEqual([]);
    expect(madeUpActorHits('The envoy met the Hamas leadership in Doha.')).toEqual([]);
  });
  it('keeps a framing name and the state acting', () => {
    expect(on("Tehran's clerical leadership rejected the offer.", "Tehran's clerical leadership")).toHaveLength(1);
    expect(on('Iran vowed revenge and its leadership met in Tehran.', 'Iran')).toHaveLength(1);
  });
});

describe('"jihadist" before any neutral group noun (jihadists: "jihadist {sect?} {group-noun}")', () => {
  it('counts "a jihadist organization" after the name it glosses', () => {
    expect(on('Hamas, a jihadist organization, has a charter that calls for war.', 'jihadist organization')).toMatchObject([{ referent: 'palestinians', weight: -2 }]);
  });
  it('counts another group noun and a sect, in another order', () => {
    expect(on('A jihadist Shiite faction fired rockets at the base, and Kataib Hezbollah later claimed the attack.', 'jihadist Shiite faction')).toHaveLength(1);
  });
});

describe('"Palestinian Arabs" is the people named (the palestinians baseline)', () => {
  it('counts it as the people', () => {
    expect(on('Since the withdrawal, Israel has suffered terrorism by Palestinian Arabs.', 'Palestinian Arabs')).toMatchObject([{ referent: 'palestinians', weight: 0 }]);
  });
  it('counts it as a subject too', () => {
    expect(on('Palestinian Arabs in the camps protested on Friday.', 'Palestinian Arabs')).toHaveLength(1);
  });
});
