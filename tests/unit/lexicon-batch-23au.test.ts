/**
 * Label classes found on batch au's dev half (session 23, fresh23au: wire copies on regional portals, aggregators and
 * broadcasters). The sentences are made up in the manner of the articles; each first case failed before its change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const on = (text: string, surface: string) => madeUpActorHits(text).filter((h) => h.text === surface);
const named = (text: string, pattern: RegExp) => madeUpActorHits(text).filter((h) => pattern.test(h.text));

describe('a nationality or sect between the possessive and "ally" before a name (ally-modifier, ally-named)', () => {
  it('counts "its Palestinian ally" before Hamas as a label of the name\'s referent', () => {
    expect(on('Fighting resumed between its Palestinian ally Hamas and Israel on Friday.', 'its Palestinian ally'))
      .toMatchObject([{ referent: 'palestinians', weight: 0 }]);
    expect(on('Fighting resumed between its Palestinian ally Hamas and Israel on Friday.', 'Hamas')).toHaveLength(1);
  });
  it('counts other descriptors and owners, in other orders', () => {
    expect(on('Iran and its Lebanese ally Hezbollah have vowed revenge.', 'its Lebanese ally')).toMatchObject([{ referent: 'armed-groups' }]);
    expect(on('Tehran has long armed its Iraqi ally Kataib Hezbollah.', 'its Iraqi ally')).toMatchObject([{ referent: 'armed-groups' }]);
  });
  it('leaves the label alone without a name after it', () => {
    expect(named('Hezbollah said its Palestinian ally had been struck.', /ally/)).toEqual([]);
    expect(named('Hamas and its Iranian allies rejected the plan.', /allies/)).toEqual([]);
  });
});
