/**
 * Referent resolution class found on batch ay's dev half (session 24, fresh24ay): a bare neutral label set against
 * non-combatants in a distinction ("no distinction is made between combatants and innocents", a Cuban report on Gaza)
 * names armed men as a class, not the men the story named: no label of a referent (the hit is dropped, as after "any", rule 1b''') (resolve.ts rule 1b'''', class
 * `noncombatant-noun` of lexicons/conflict.yml). A definite label there, and a bare plural outside a distinction, still
 * resolve. The sentences are made up in the manner of the articles; each distinction case failed before the change.
 */
import { describe, expect, it } from 'vitest';
import { labelHitsOn } from '../helpers/lexicon.js';

const referents = (text: string, surface: string) => labelHitsOn(text, surface).map((h) => h.referent ?? null);

describe('a bare neutral label set against non-combatants is a class, not an antecedent', () => {
  it('leaves "between combatants and innocents" unresolved after a named group', () => {
    const text = 'Hezbollah fired rockets at Israel. It cannot be compared to the massacre in which no distinction is made between combatants and innocents.';
    expect(referents(text, 'combatants')).toEqual([]);
  });

  it('the same in other orders and phrasings', () => {
    expect(referents('Hamas attacked Israel. The strikes drew no line between civilians and fighters, the agency said.', 'fighters')).toEqual([]);
    expect(referents('Hezbollah fighters clashed with Israeli troops. The army failed to distinguish gunmen from civilians in the village.', 'gunmen')).toEqual([]);
    expect(referents('Hamas attacked Israel. Its soldiers must differentiate civilians from gunmen at the checkpoints.', 'gunmen')).toEqual([]);
    expect(referents('Hamas attacked Israel. The law separates between fighters or noncombatants in a war.', 'fighters')).toEqual([]);
  });

  it('keeps a definite label, a bare plural outside a distinction and a named group', () => {
    expect(referents('Hamas attacked Israel on Saturday. The battle raged between the fighters and the civilians\' defenders.', 'fighters')).toEqual(['palestinians']);
    expect(referents('Hamas attacked Israel on Saturday. Fighters crossed the fence and civilians were killed.', 'Fighters')).toEqual(['palestinians']);
    expect(referents('Hezbollah attacked Israel. The fighters and civilians fled north.', 'fighters')).toEqual(['armed-groups']);
    expect(referents('The strikes hit Hezbollah fighters and civilians alike.', 'fighters')).toEqual(['armed-groups']);
  });
});
