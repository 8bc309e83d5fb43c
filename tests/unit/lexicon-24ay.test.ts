/**
 * Label class found on batch ay's dev half (session 24, fresh24ay): the Palestinian people named as a whole by
 * "the Palestinian population" or "the people of Palestine" (a Cuban report on Gaza) is the people's baseline
 * (`palestinians`, 0), as "Palestinian people" and "Gaza's population" are. The sentences are made up in the manner
 * of the articles; the first cases failed before the change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const on = (text: string, surface: string) => madeUpActorHits(text).filter((h) => h.text === surface);

describe('"the Palestinian population", "the people of Palestine": the people\'s baseline', () => {
  it('counts both phrases', () => {
    expect(on('Cubans rallied in solidarity with the people of Palestine on Friday.', 'people of Palestine'))
      .toMatchObject([{ referent: 'palestinians', weight: 0 }]);
    expect(on('The minister condemned the genocide against the Palestinian population in Gaza.', 'Palestinian population'))
      .toMatchObject([{ referent: 'palestinians', weight: 0 }]);
  });
  it('in other places in the sentence', () => {
    expect(on('The Palestinian population of the West Bank faces settler attacks.', 'Palestinian population')).toHaveLength(1);
    expect(on('The people of Palestine have endured decades of occupation.', 'people of Palestine')).toHaveLength(1);
  });
  it('leaves a plight word to the longer sympathetic label', () => {
    expect(madeUpActorHits('We stand with the oppressed people of Palestine.'))
      .toMatchObject([{ text: 'oppressed people of Palestine', referent: 'palestinians', weight: 1 }]);
  });
});
