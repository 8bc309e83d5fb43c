import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

/**
 * Label classes from batch ak's dev half (session 22). Every sentence is made up.
 * "separatist" is a side word (lexicons/conflict.yml `side-word`): none of the referents fights to secede, so a group
 * noun glued after it, bare or behind one framing adjective, names a separatist movement's men (Syrian state media's
 * "separatist terrorist militias" for the SDF), no referent. A side word still reads so before "terrorist militias"
 * (analyze.ts: a group noun behind one framing adjective), while composed labels keep their referent.
 */
describe('side words before a framing adjective and a group noun (session 22, batch ak)', () => {
  const referents = (text: string) => madeUpActorHits(text).filter((h) => h.referent !== null).map((h) => `${h.text}/${h.referent}`);

  it('"separatist" before a bare group noun: no label', () => {
    expect(referents('Turkish drones struck separatist militants in northern Syria on Monday.')).toEqual([]);
  });
  it('"separatist" before "terrorist militias": no label', () => {
    expect(referents('Syria condemned the American support for separatist terrorist militias, the ministry said.')).toEqual([]);
  });
  it('another side word before "terrorist militias": no label', () => {
    expect(referents('Damascus said that regime terrorist militias had withdrawn from the town.')).toEqual([]);
  });
  it('labels without a side word keep their referent', () => {
    expect(referents('Iran-backed terrorist militias attacked the base, and the Houthi terrorist militias attacked a ship.')).toEqual([
      'Iran-backed terrorist militias/armed-groups', 'Houthi terrorist militias/armed-groups',
    ]);
  });
});
