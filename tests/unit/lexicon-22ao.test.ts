/**
 * Name class found on batch ao's dev half (session 22, fresh22ao): Hezbollah's parliamentary bloc, "Loyalty to the
 * Resistance" (Kutlat al-Wafa lil-Muqawama), capitalised or translated in lower case ("the faction loyal to the
 * resistance in the Lebanese Parliament"), is a name (`names:` loyalty-to-the-resistance in lexicons/conflict.yml): the
 * frame word "resistance" inside it is no label of the Palestinian or the Iraqi groups, and the name has no referent,
 * so it is no antecedent either. A bare "the resistance" elsewhere still resolves. The sentences are made up.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const resistanceHits = (text: string) => madeUpActorHits(text).filter((h) => /resistance/i.test(h.text));

describe("Hezbollah's parliamentary bloc is a name, not a resistance label", () => {
  it('leaves the translated lower-case name unscored', () => {
    expect(resistanceHits('Hamas fighters clashed with Israeli forces. The faction loyal to the resistance in the Lebanese Parliament said Israel had failed.')).toEqual([]);
  });

  it('the capitalised name with "the" and a possessive before it', () => {
    expect(resistanceHits("Hamas fighters clashed with Israeli forces. Hezbollah's Loyalty to the Resistance bloc condemned the strike.")).toEqual([]);
  });

  it('the capitalised name without "the", after an office holder', () => {
    expect(resistanceHits('Hamas fighters clashed with Israeli forces. MP Hassan Fadlallah of the Loyalty to Resistance parliamentary bloc said the war would go on.')).toEqual([]);
  });

  it('"the parliamentary bloc loyal to the resistance" as the subject', () => {
    expect(resistanceHits('Hamas fighters clashed with Israeli forces. The parliamentary bloc loyal to the resistance issued a statement.')).toEqual([]);
  });

  it('is no antecedent: the resistance fighters in Gaza after it still take the Palestinians named before', () => {
    const text = 'Hamas fighters clashed with Israeli forces in Gaza. The bloc loyal to the resistance said the Zionist aggressors were caught in the ambushes of the resistance fighters in the Gaza Strip.';
    const hit = madeUpActorHits(text).find((h) => h.text.includes('resistance fighters'));
    expect(hit?.referent).toBe('palestinians');
  });

  it('still resolves a bare "the resistance" outside the name', () => {
    const hits = resistanceHits('Hamas fighters clashed with Israeli forces. Hamas said the resistance will continue to fight.');
    expect(hits.map((h) => h.referent)).toEqual(['palestinians']);
  });
});
