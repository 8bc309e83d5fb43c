/**
 * Label classes found on batch aw's dev half (session 23, fresh23aw). The sentences are made up in the manner of the
 * articles; each first case failed before its change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const on = (text: string, surface: string) => madeUpActorHits(text).filter((h) => h.text === surface);

describe('"Yemen-based rebels": the country as the attribute, as "Yemen rebels" (houthi-rebels)', () => {
  it('counts the headline phrase', () => {
    expect(on('Who are Houthis? Yemen-based rebels attacking ships in Red Sea', 'Yemen-based rebels'))
      .toMatchObject([{ referent: 'armed-groups', weight: -1 }]);
  });
  it('in other places and numbers', () => {
    expect(on('Yemen-based rebels fired two missiles at a tanker, the military said.', 'Yemen-based rebels')).toHaveLength(1);
    expect(on('The Yemen-based rebel group claimed the attack.', 'Yemen-based rebel')).toHaveLength(1);
  });
  it('leaves "Yemen-based Houthi rebels" one label and other places alone', () => {
    expect(madeUpActorHits('Yemen-based Houthi rebels fired drones.')).toMatchObject([{ text: 'Houthi rebels' }]);
    expect(madeUpActorHits('Syria-based rebels clashed with government troops.')).toEqual([]);
  });
});
