/**
 * Label classes found on batch av's dev half (session 23, fresh23av: agency copy on news sites, statements of
 * militaries and armed groups). The sentences are made up in the manner of the articles; each first case failed
 * before its change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const on = (text: string, surface: string) => madeUpActorHits(text).filter((h) => h.text === surface);

describe('"the armed movement" as "the armed group" (armed-factions, resolved from context)', () => {
  it('counts "the armed movement" after the Houthis (EFE copy)', () => {
    expect(on('Yemen’s Houthis said they shot down a US drone over Saada. It was the seventh drone intercepted by the armed movement since January.', 'armed movement'))
      .toMatchObject([{ referent: 'armed-groups', weight: 0 }]);
  });
  it('takes the referent of the group named before it, in other orders', () => {
    expect(on('Hezbollah fired rockets at northern Israel on Sunday, and the armed movement said more would follow.', 'armed movement'))
      .toMatchObject([{ referent: 'armed-groups' }]);
    expect(on('Hamas fighters crossed the fence on October 7. The armed movement has ruled Gaza since 2007.', 'armed movement'))
      .toMatchObject([{ referent: 'palestinians' }]);
    expect(on('Kataib Hezbollah claimed the drone attack on the base. Such armed movements have struck US forces more than 150 times.', 'armed movements'))
      .toMatchObject([{ referent: 'armed-groups' }]);
  });
});
