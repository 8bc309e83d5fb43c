/**
 * Made-up sentences for the label classes fixed from the dev half of batch ag (session 21, fresh21ag). Each class came
 * from a dev error; the sentences are never a real article's text.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

function actorHits(text: string) {
  return madeUpActorHits(text).map(({ text: words, referent, weight }) => ({ text: words, referent, weight }));
}

describe('"service people" after a side word (us-forces)', () => {
  it('reads the US side\'s service people as "service members" are read', () => {
    expect(actorHits('It was the first deadly attack on American service people in the region.')).toEqual([
      { text: 'American service people', referent: 'us-forces', weight: 0 },
    ]);
    expect(actorHits('Three US servicepeople were wounded near the border.')).toEqual([
      { text: 'US servicepeople', referent: 'us-forces', weight: 0 },
    ]);
  });

  it('leaves service people without a side word alone', () => {
    expect(actorHits('Dozens of service people were evacuated from the base.')).toEqual([]);
  });
});

describe('"figure" before a person\'s name: an official named by affiliation (person-title-noun, gold README C-OFFICE)', () => {
  it('drops the name\'s mention before "figure" and the person\'s name, or before "figure of"', () => {
    expect(actorHits('The killing of leading Hamas figure Ismail Haniyeh shocked the region.')).toEqual([]);
    expect(actorHits('A senior figure of Hamas was killed in the strike.')).toEqual([]);
  });

  it('keeps the mention when no name follows ("a Hamas figure said") and the verb ("Iran figures in the talks")', () => {
    expect(actorHits('A senior Hamas figure said the talks had stalled.')).toEqual([
      { text: 'Hamas', referent: 'palestinians', weight: 0 },
    ]);
    expect(actorHits('Iran figures in the talks as a mediator.')).toEqual([
      { text: 'Iran', referent: 'iran', weight: 0 },
    ]);
  });
});
