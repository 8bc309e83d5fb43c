/**
 * Classes found on batch aw's dev half (session 23, fresh23aw: explainers and backgrounders). The sentences are made up
 * in the manner of the articles; each first case failed before its change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const on = (text: string, surface: string) => madeUpActorHits(text).filter((h) => h.text === surface);

describe('a patron tie written apart, in a clause of its own, is a verb (match.ts tieAsVerb)', () => {
  it('does not read "that Iran backed and used" as the label "Iran-backed"', () => {
    expect(on('It was the first group that Iran backed and used as a way to export its revolution.', 'Iran backed')).toEqual([]);
    expect(on('It was the first group that Iran backed and used as a way to export its revolution.', 'Iran'))
      .toMatchObject([{ referent: 'iran', weight: 0 }]);
  });
  it('nor after other relative words, before an adjunct, or in a contact clause', () => {
    expect(on('Officials said the Houthis, whom Iran supported for years, fired missiles.', 'Iran supported')).toEqual([]);
    expect(on('The factions Iran backed in Syria fought alongside the army.', 'Iran backed')).toEqual([]);
    expect(on('Analysts say the group Tehran sponsored during the war has since split.', 'Tehran sponsored')).toEqual([]);
    expect(on('These are the fighters which Tehran trained and sent to Syria.', 'Tehran trained')).toEqual([]);
  });
  it('keeps the compound before its noun, a composed label that holds the clause, and the predicative modifier', () => {
    expect(on('Iran backed militias attacked the base on Sunday.', 'Iran backed militias')).toHaveLength(1);
    expect(on('Kataib Hezbollah is one of the militias which Tehran funded and armed after 2003.', 'militias which Tehran funded'))
      .toMatchObject([{ referent: 'armed-groups' }]);
    expect(on('Iran backed and funded militias attacked the base.', 'Iran backed')).toHaveLength(1);
  });
  it('keeps a compound with its noun after a "that" that opens a reported clause', () => {
    expect(on('Officials said that Iran backed militias attacked the base.', 'Iran backed militias')).toHaveLength(1);
    expect(on('The report notes that Tehran backed groups in Iraq fired rockets.', 'Tehran backed groups')).toHaveLength(1);
  });
});
