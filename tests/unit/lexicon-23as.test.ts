/**
 * Label classes found on batch as's dev half (session 23, fresh23as). The sentences are made up in the manner of the
 * articles; each first case failed before its change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const on = (text: string, surface: string) => madeUpActorHits(text).filter((h) => h.text === surface);

describe('"militia" before a noun of a force\'s movement names the act (act-noun, bareNounOfAct)', () => {
  it('does not count "militia repositioning"', () => {
    expect(on('The region continues to grapple with militia repositioning, refugee crises and talks.', 'militia')).toEqual([]);
  });
  it('nor other such nouns, in other orders', () => {
    expect(on('Militia recruitment in the south has doubled, the report said.', 'Militia')).toEqual([]);
    expect(on('Officials tracked militia deployment and a buildup near the border.', 'militia')).toEqual([]);
    expect(on('Residents fear growing militia presence in Deir ez-Zor.', 'militia')).toEqual([]);
  });
  it('keeps the group where the noun is no such act, or a patron names the men', () => {
    expect(on('The militia moved toward the border, witnesses said.', 'The militia')).toHaveLength(1);
    expect(on('Militias regrouped after the strike.', 'Militias')).toHaveLength(1);
    expect(on('Iranian militia presence in Syria grew.', 'militia')).toHaveLength(1);
  });
  it('keeps a force\'s label before such a noun (the nouns are no act nouns)', () => {
    expect(on('Officials cited dissatisfaction with the U.S. military presence in Iraq.', 'U.S. military')).toHaveLength(1);
    expect(on('They want to end the American military deployment in Syria.', 'American military')).toHaveLength(1);
  });
});

describe('the PMF\'s men are the armed groups\' (C-MEMBERS, armed-group-name)', () => {
  it('counts "members of the Popular Mobilization Forces"', () => {
    expect(on('The strike killed a number of members of the Popular Mobilization Forces.', 'members of the Popular Mobilization Forces'))
      .toMatchObject([{ referent: 'armed-groups', weight: 0 }]);
  });
  it('counts other names and orders', () => {
    expect(on('Popular Mobilization Forces members gathered in Baghdad.', 'Popular Mobilization Forces members')).toHaveLength(1);
    expect(on('Hashd al-Shaabi forces deployed near the border, a source said.', 'Hashd al-Shaabi forces')).toHaveLength(1);
    expect(on('A member of the Popular Mobilisation Units was arrested.', 'member of the Popular Mobilisation Units')).toHaveLength(1);
  });
  it('leaves the name alone without a noun of men', () => {
    expect(madeUpActorHits('The Popular Mobilization Forces said the strike killed two.')).toEqual([]);
    expect(madeUpActorHits('Strikes hit Popular Mobilization Forces sites in Babylon.')).toEqual([]);
  });
});
