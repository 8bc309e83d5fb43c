/**
 * Made-up sentences for the label classes of batch ai (session 21, fresh21ai): magazines, community papers, think
 * tanks, religious and diaspora outlets on the Israel-Hezbollah war, the 2024 Iran-Israel strikes and the Red Sea.
 * Each class came from the batch's dev half; the sentences are never a real article's text.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

function actorHits(text: string) {
  return madeUpActorHits(text).map(({ text: words, referent, weight }) => ({ text: words, referent, weight }));
}

describe('"this enemy" and condemning adjectives before "enemy" (the-enemy, class enemy-epithet)', () => {
  it('reads the demonstrative and one or two condemning adjectives as the label, resolved from the enemy just named', () => {
    expect(actorHits('The movement said: “We hold the Israeli enemy responsible. This treacherous and criminal enemy will pay.”')).toEqual([
      { text: 'Israeli enemy', referent: 'israel', weight: -2 },
      { text: 'This treacherous and criminal enemy', referent: 'israel', weight: -2 },
    ]);
    expect(actorHits('The statement read: “The American enemy bombed Sanaa again. This brutal enemy will regret it.”')).toEqual([
      { text: 'The American enemy', referent: 'us-forces', weight: -2 },
      { text: 'This brutal enemy', referent: 'us-forces', weight: -2 },
    ]);
    expect(actorHits('Hezbollah said its fighters confronted the Israeli enemy near the border, forcing the savage enemy to retreat.')).toContainEqual(
      { text: 'the savage enemy', referent: 'israel', weight: -2 },
    );
    expect(actorHits('Hezbollah said it struck the Israeli enemy. This enemy has no safe place, it added.').map((h) => h.text)).toContain('This enemy');
  });

  it('leaves an enemy nothing before it names unresolved, and other adjectives out of the label', () => {
    expect(actorHits('He said this enemy of democracy is dangerous.').map((h) => h.referent)).toEqual([null]);
    expect(actorHits('The Israeli enemy struck. The old enemy will pay.').map((h) => h.text)).toEqual(['Israeli enemy']);
  });
});
