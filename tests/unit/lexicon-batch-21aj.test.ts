/**
 * Made-up sentences for the label classes of batch aj (session 21, fresh21aj): outlets of the region where the events
 * happen. Each class came from the batch's dev half; the sentences are never a real article's text.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

function actorHits(text: string) {
  return madeUpActorHits(text).map(({ text: words, referent, weight }) => ({ text: words, referent, weight }));
}

describe('"foreign" between a patron compound and the group noun (descriptor)', () => {
  it('reads the whole phrase as the patron label, in several word orders', () => {
    expect(actorHits('Iran-backed foreign groups dug in along the river.')).toEqual([
      { text: 'Iran-backed foreign groups', referent: 'armed-groups', weight: -1 },
    ]);
    expect(actorHits('Airstrikes killed nine pro-Iranian foreign militias near the border crossing.').map((h) => h.text)).toEqual([
      'pro-Iranian foreign militias',
    ]);
    expect(actorHits('The town is held by foreign Iran-backed fighters, residents said.').map((h) => h.text)).toEqual([
      'Iran-backed fighters',
    ]);
  });

  it('names nobody alone', () => {
    expect(actorHits('Foreign groups of tourists left the old city.')).toEqual([]);
  });
});

describe('"the occupying Israeli government": the occupation frame before the government (israeli-occupation-forces)', () => {
  it('signs it as the other occupation labels of the state', () => {
    expect(actorHits('They vowed to resist the occupying Israeli government and its army.')[0]).toEqual(
      { text: 'occupying Israeli government', referent: 'israel', weight: -2 },
    );
    expect(actorHits('The statement accused the Israeli occupation government of starving Gaza.')[0]).toEqual(
      { text: 'Israeli occupation government', referent: 'israel', weight: -2 },
    );
  });

  it('leaves the plain government at the baseline', () => {
    expect(actorHits('The Israeli government approved the budget.')).toEqual([
      { text: 'Israeli government', referent: 'israel', weight: 0 },
    ]);
  });
});

describe('a one-word patron before a bare "militia" and a thing noun keeps the label (bareNounOfAct)', () => {
  it('reads "Iranian militia positions" and "Tehran militia headquarters" as the men', () => {
    expect(actorHits('Unknown aircraft struck Iranian militia positions near the river.')).toEqual([
      { text: 'militia', referent: 'armed-groups', weight: -1 },
    ]);
    expect(actorHits('Explosions shook Iranian militia headquarters in the city on Tuesday.').map((h) => h.text)).toEqual(['militia']);
  });

  it('still drops the bare noun without a patron ("militia positions", "militia attacks")', () => {
    expect(actorHits('Unknown aircraft struck militia positions near the river.')).toEqual([]);
    expect(actorHits('Fatal militia attacks on the town resumed.')).toEqual([]);
  });
});
