/**
 * Made-up sentences for the label classes of batch ae (session 20, fresh20ae): news reports of the regions the set has
 * least of. Each class came from the batch's dev half; the sentences are never a real article's text.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

function actorHits(text: string) {
  return madeUpActorHits(text).map(({ text: words, referent, weight }) => ({ text: words, referent, weight }));
}

describe('"Islamist (political) party": the group noun of the stock line on Hezbollah (islamist-groups)', () => {
  it('reads the label in apposition before and after the name, and in an office\'s of-phrase', () => {
    expect(actorHits('Hezbollah, a Lebanese Shia Islamist political party, said it fired rockets at the border.')).toEqual([
      { text: 'Islamist political party', referent: 'armed-groups', weight: -1 },
    ]);
    expect(actorHits('A Lebanese Shia Islamist political party, Hezbollah, confirmed the death of a commander.')).toEqual([
      { text: 'Islamist political party', referent: 'armed-groups', weight: -1 },
    ]);
    expect(actorHits('Nasrallah was the leader of the Islamist party Hezbollah for three decades.')).toEqual([
      { text: 'Islamist party', referent: 'armed-groups', weight: -1 },
    ]);
  });

  it('leaves a party no referent is near unresolved', () => {
    expect(actorHits('The Islamist party won the municipal vote in the capital.').map((h) => h.referent)).toEqual([null]);
  });
});

describe('men or groups "led|headed by Hamas": one mention, as "Hamas-led militants" (gold README C-LED)', () => {
  it('signs the composed mention by its noun, with or without the demonym', () => {
    expect(actorHits('Palestinian militant groups headed by Hamas stormed the border fence at dawn.')).toEqual([
      { text: 'Palestinian militant groups headed by Hamas', referent: 'palestinians', weight: -1 },
    ]);
    expect(actorHits('On that morning militants led by Hamas crossed into southern Israel.')).toEqual([
      { text: 'militants led by Hamas', referent: 'palestinians', weight: -1 },
      { text: 'Israel', referent: 'israel', weight: 0 },
    ]);
    expect(actorHits('Palestinian factions led by Hamas rejected the offer.')).toEqual([
      { text: 'Palestinian factions led by Hamas', referent: 'palestinians', weight: 0 },
    ]);
    expect(actorHits('Armed groups headed by Hamas fired rockets.')).toEqual([
      { text: 'Armed groups headed by Hamas', referent: 'palestinians', weight: 0 },
    ]);
  });

  it('keeps the name apart where nothing leads ("talks led by Hamas" has no label noun)', () => {
    expect(actorHits('The talks led by Hamas officials stalled.').map((h) => h.text)).not.toContain('talks led by Hamas');
  });
});

describe('a group\'s name in the possessive or with a branch before its men (named-group-members)', () => {
  it('reads the possessive and a branch of the group as the group\'s men, neutral', () => {
    expect(actorHits('A drone killed an engineer working for Hezbollah\'s air defence forces near Tyre.')).toEqual([
      { text: 'Hezbollah\'s air defence forces', referent: 'armed-groups', weight: 0 },
    ]);
    expect(actorHits('Hezbollah’s fighters withdrew from the village.')).toEqual([
      { text: 'Hezbollah’s fighters', referent: 'armed-groups', weight: 0 },
    ]);
    expect(actorHits('Hezbollah rocket units fired at the Galilee.')).toEqual([
      { text: 'Hezbollah rocket units', referent: 'armed-groups', weight: 0 },
    ]);
    expect(actorHits('Kataib Hezbollah\'s forces left the base.')).toEqual([
      { text: 'Kataib Hezbollah\'s forces', referent: 'armed-groups', weight: 0 },
    ]);
  });

  it('leaves an office holder of the branch and a branch without a noun alone', () => {
    expect(actorHits('Hezbollah\'s special forces commander was killed in the strike.')).toEqual([]);
    expect(actorHits('Hezbollah\'s air defence fired a missile at the drone.')).toEqual([]);
  });
});
