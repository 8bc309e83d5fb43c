import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

/**
 * A name of two or more words whose last word the text gives only as a past form the pattern did not write is the
 * sentence's verb, not the thing the name is: the lexicon's non-label name "enemy target" (inflected for "enemy
 * targets") must not take "the Israeli enemy targeted …" out of the label before it, nor "enemy attack" / "enemy shell"
 * their "attacked" / "shelled".
 */
describe('a two-word name that ends in an unwritten past form is the verb', () => {
  it('keeps the label before the verb', () => {
    for (const verb of ['targeted', 'attacked', 'shelled']) {
      expect(madeUpActorHits(`The Israeli enemy ${verb} the town of Khiam at dawn.`)).toEqual([
        { text: 'Israeli enemy', label: 'zionist-regime', referent: 'israel', weight: -2 },
      ]);
      expect(madeUpActorHits(`Hezbollah said the Zionist enemy ${verb} the outskirts of Aitaroun.`).map((h) => h.text)).toContain('Zionist enemy');
    }
  });

  it('keeps the context label "the enemy" before the verb', () => {
    expect(madeUpActorHits('Israeli troops entered the village. The enemy targeted two houses, residents said.').map((h) => h.label)).toContain('the-enemy');
  });

  it('still reads the name as a thing where the text writes its noun', () => {
    expect(madeUpActorHits('Fighters downed an enemy target and two enemy drones near the base.').map((h) => h.label)).not.toContain('the-enemy');
    expect(madeUpActorHits('The enemy attack on the outpost failed, the statement said.').map((h) => h.label)).not.toContain('the-enemy');
  });
});
