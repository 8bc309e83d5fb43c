/**
 * Referent resolution class found on batch bb's dev half (session 24, fresh24bb): a context label right before a
 * designation noun ("re-instituted the terror group designation", "the Foreign Terrorist Organization (FTO)
 * designation") heads the designation's name and names its category, not an actor: left unresolved, as a list's name is
 * (resolve.ts rule 1d, class `designation-noun` of lexicons/conflict.yml). Only after the label: "the designation of the
 * terrorist group" names the designated group and still resolves, as a designation by the verb does. The sentences are
 * made up in the manner of the articles.
 */
import { describe, expect, it } from 'vitest';
import { labelHitsOn } from '../helpers/lexicon.js';

const resolved = (text: string, surface: string) => labelHitsOn(text, surface).filter((h) => h.referent !== null && h.referent !== undefined);

describe('a label heading a designation is no actor', () => {
  it('leaves the category before "designation" unresolved', () => {
    const text = 'The Houthis attacked ships in the Red Sea. The Biden administration re-instituted the terror group designation on Wednesday.';
    expect(resolved(text, 'terror group')).toEqual([]);
  });

  it('the same with another label and the plural, in another order', () => {
    const text = 'Kataib Hezbollah fired rockets at the base. Terrorist organization designations by Washington have not stopped the militia.';
    expect(resolved(text, 'Terrorist organization')).toEqual([]);
  });

  it('the same after a bracketed acronym', () => {
    const text = 'The Houthis fired drones at a tanker. The State Department restored the Foreign Terrorist Organization (FTO) designation in March.';
    expect(resolved(text, 'Terrorist Organization')).toEqual([]);
  });

  it('still resolves the designated group after "designation of"', () => {
    const text = 'The Houthis fired drones at a tanker. The designation of the terrorist group angered officials in Sanaa.';
    expect(resolved(text, 'terrorist group')).toHaveLength(1);
  });

  it('still resolves a designation by the verb and a label after the word', () => {
    const text = 'The Houthis fired drones at ships. Washington designated the Houthis a terrorist organization. After the designation the terrorists fired again.';
    expect(resolved(text, 'terrorist organization')).toHaveLength(1);
    expect(resolved(text, 'terrorists')).toHaveLength(1);
  });
});
