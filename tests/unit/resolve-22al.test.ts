/**
 * Referent resolution class found on batch al's dev half (session 22, fresh22al): a context label inside the name of a
 * designation list or as what a list is against ("the Foreign Terrorist Organization (FTO) list", "a sanctions list
 * against terrorist groups", "its list of foreign terrorist organizations") names the list's category, not an actor:
 * left unresolved (resolve.ts rule 1d, class `list-noun` of lexicons/conflict.yml). A designation that names an actor
 * ("designated the Houthis a Foreign Terrorist Organization") and a label after the list ("The terrorists …") still
 * resolve. The sentences are made up in the manner of the articles.
 */
import { describe, expect, it } from 'vitest';
import { labelHitsOn } from '../helpers/lexicon.js';

const resolved = (text: string, surface: string) => labelHitsOn(text, surface).filter((h) => h.referent !== null && h.referent !== undefined);

describe('a label in a list name is no actor', () => {
  it('leaves the category in a list name with its acronym unresolved', () => {
    const text = 'The Houthis fired drones at ships. President Trump placed the Houthis on the Foreign Terrorist Organization (FTO) list.';
    expect(resolved(text, 'Terrorist Organization')).toEqual([]);
  });

  it('the same without the acronym, in another order', () => {
    const text = 'Kataib Hezbollah attacked the base again. The Foreign Terrorist Organization list has included the militia since 2009.';
    expect(resolved(text, 'Terrorist Organization')).toEqual([]);
  });

  it('leaves what a list is against unresolved', () => {
    const text = 'The Houthis fired drones at ships. In 2021 Biden removed the Houthis from a sanctions list against terrorist groups.';
    expect(resolved(text, 'terrorist groups')).toEqual([]);
  });

  it('leaves a list of a category unresolved, with an adjective between', () => {
    const text = 'Hezbollah fired rockets at the north. Britain added the movement to its list of banned terrorist organizations.';
    expect(resolved(text, 'terrorist organizations')).toEqual([]);
  });

  it('still resolves a designation that names the actor', () => {
    const text = 'The Houthis fired drones at ships. Washington designated the Houthis a terrorist organization on Wednesday.';
    expect(resolved(text, 'terrorist organization')).toHaveLength(1);
  });

  it('still resolves a label after the list is named', () => {
    const text = 'The Houthis were removed from the list in 2021. The terrorists fired two missiles at a tanker on Thursday.';
    expect(resolved(text, 'terrorists')).toHaveLength(1);
  });
});
