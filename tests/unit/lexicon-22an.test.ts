/**
 * Label classes found on batch an's dev half (session 22, fresh22an). The sentences are made up in the manner of the
 * articles; each first case failed before its change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const on = (text: string, surface: string) => madeUpActorHits(text).filter((h) => h.text === surface);

describe('"major" is a rank after a side\'s name (title-noun and adjective-title-noun "major", C-OFFICE)', () => {
  it('does not count the name before "major-general"', () => {
    expect(madeUpActorHits('Giora Eiland, a retired IDF major-general, said the siege would go on.')).toEqual([]);
  });
  it('nor before "major general" or a bare "major", in other orders', () => {
    expect(madeUpActorHits('The siege will go on, the IDF major general told reporters.')).toEqual([]);
    expect(madeUpActorHits('According to an IDF major, the unit left Khan Younis.')).toEqual([]);
    expect(madeUpActorHits("Iran's major general Bagheri said the drills were over.")).toEqual([]);
  });
  it('keeps the name before "major" as an adjective', () => {
    expect(on('A Hamas major attack on the crossing was foiled.', 'Hamas')).toHaveLength(1);
    expect(madeUpActorHits("Israel's major cities were under fire.").filter((h) => h.referent === 'israel')).toHaveLength(1);
  });
});

describe('supporters named after the side they back are no label (topic-noun "supporter", "sympathizer")', () => {
  it('does not count "Hamas supporters"', () => {
    expect(madeUpActorHits('Hours later, Hamas supporters defaced the embassy with graffiti.')).toEqual([]);
  });
  it('nor the singular, the British spelling or another side, in other orders', () => {
    expect(madeUpActorHits('The embassy was defaced by a Hamas supporter on Sunday.')).toEqual([]);
    expect(madeUpActorHits('Police said Hamas sympathisers had planned the rally.')).toEqual([]);
    expect(madeUpActorHits('Thousands of Iran supporters marched in Baghdad.')).toEqual([]);
  });
  it('keeps the group\'s men and the group acting', () => {
    expect(on('Hamas fighters fired rockets as supporters cheered.', 'Hamas fighters')).toHaveLength(1);
    expect(on('Hamas supports the strikes, its supporters said.', 'Hamas')).toHaveLength(1);
  });
});

describe('a picture word before "source" opens a credit (analyze.ts CREDIT_TAIL, CREDIT_INSIDE)', () => {
  it('does not count the force in "Photograph Source: U.S. Air Force"', () => {
    expect(madeUpActorHits('A fighter jet takes off at night. Photograph Source: U.S. Air Force – Public Domain')).toEqual([]);
  });
  it('nor after "Image source:" at a line start or "(Photograph: ...)"', () => {
    expect(madeUpActorHits('A destroyer in the Red Sea.\nImage source: US Navy')).toEqual([]);
    expect(madeUpActorHits('Troops at the border (Photograph: IDF).')).toEqual([]);
  });
  it('keeps a label after a source that is no picture\'s', () => {
    expect(on('According to a source, US forces struck the site.', 'US forces')).toHaveLength(1);
    expect(on('Source: US forces fired at the boats, a CENTCOM statement said.', 'US forces')).toHaveLength(1);
  });
});

describe('the air arm by its side word is the state (iran baseline "Iranian air force")', () => {
  it('counts "Iranian air force" before a noun', () => {
    expect(on('The drones came down near Iranian air force bases in Isfahan.', 'Iranian air force')).toMatchObject([{ referent: 'iran', weight: 0 }]);
  });
  it('counts it as a subject and the possessive form, in other orders', () => {
    expect(on('The Iranian Air Force said its jets were on alert.', 'Iranian Air Force')).toMatchObject([{ referent: 'iran' }]);
    expect(on("Jets of Iran's air force patrolled the Gulf.", "Iran's air force")).toMatchObject([{ referent: 'iran' }]);
  });
});
