/**
 * Label classes found on batch at's dev half (session 23, fresh23at). The sentences are made up in the manner of the
 * articles; each first case failed before its change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const on = (text: string, surface: string) => madeUpActorHits(text).filter((h) => h.text === surface);

describe('a militia noun tied to Hamas is one mention of the group\'s men (hamas-militants)', () => {
  it('counts "armed militias from Hamas" as one palestinians mention, signed by the noun', () => {
    expect(madeUpActorHits('The march came a month after armed militias from Hamas entered Israel.').filter((h) => /militias|Hamas/.test(h.text)))
      .toMatchObject([{ text: 'armed militias from Hamas', referent: 'palestinians', weight: -1 }]);
  });
  it('in other orders: the name before the noun, "of", the singular man', () => {
    expect(on('Israeli troops fought Hamas militias in Khan Younis.', 'Hamas militias')).toMatchObject([{ referent: 'palestinians', weight: -1 }]);
    expect(on('The militias of Hamas held the tunnels, the army said.', 'militias of Hamas')).toMatchObject([{ referent: 'palestinians' }]);
    expect(on('Militiamen from Hamas crossed the fence at dawn.', 'Militiamen from Hamas')).toHaveLength(1);
  });
  it('leaves the Iraqi militias and a place after "from" to the militia label', () => {
    expect(on('Militias from Iraq attacked the base.', 'Militias')).toMatchObject([{ referent: 'armed-groups' }]);
    expect(on('Iraqi militias fired drones at Erbil.', 'Iraqi militias')).toMatchObject([{ referent: 'armed-groups' }]);
  });
});

describe('officials and envoys from a list of sides (C-OFFICE, titleOfBefore)', () => {
  it('does not count a state inside "officials from Egypt, Israel, Qatar and the United States"', () => {
    expect(on('The proposal that officials from Egypt, Israel, Qatar and the United States put forth was rejected.', 'Israel')).toEqual([]);
  });
  it('nor first, last or after "of" in a list, nor after "a spokesman from"', () => {
    expect(on('Officials from Israel, Egypt and Qatar met in Paris.', 'Israel')).toEqual([]);
    expect(on('Envoys from Qatar, Egypt and Israel met in Cairo.', 'Israel')).toEqual([]);
    expect(on('Leaders of Qatar, Iran and Turkey condemned the strike.', 'Iran')).toEqual([]);
    expect(on('A spokesman from Hamas said the talks had stalled.', 'Hamas')).toEqual([]);
  });
  it('keeps a name after "from" without such a title, a list without a title, and a name after an appositive comma', () => {
    expect(on('Eight officers from Iran were killed in the strike.', 'Iran')).toHaveLength(1);
    expect(on('Troops from Israel entered Gaza.', 'Israel')).toHaveLength(1);
    expect(on('Talks between Egypt, Qatar and Israel stalled.', 'Israel')).toHaveLength(1);
    expect(on("The leader of Hamas, Israel's enemy, was killed in Tehran.", 'Israel')).toHaveLength(1);
  });
});
