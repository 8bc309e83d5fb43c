/**
 * Referent resolution classes found on batch ba's dev half (session 24, fresh24ba): "the occupation" used as the
 * attribute of a vehicle or of an event ("the occupation warplanes have intensified their strikes", "the occupation
 * bombing of a gathering") names the aircraft or the act, not the occupier, as "Israeli warplanes" and "Israeli
 * bombing" do (devset traps): the context label is left unresolved (resolve.ts rule 4, lexicon class
 * `equipment-noun`, and an event noun before "of"). The label as a subject, in the possessive or before a force noun
 * still resolves. The sentences are made up in the manner of the articles; the first two cases failed before the
 * change.
 */
import { describe, expect, it } from 'vitest';
import { labelHitsOn } from '../helpers/lexicon.js';

const referents = (text: string, surface: string) => labelHitsOn(text, surface).map((h) => h.referent ?? null).filter((r) => r !== null);
const before = 'Israeli forces entered the camp at dawn. ';

describe('"the occupation" before a vehicle or an event noun is its attribute', () => {
  it('leaves "the occupation" unresolved before a vehicle noun, whatever follows it', () => {
    expect(referents(before + 'Since dawn, the occupation warplanes have intensified their strikes on the city.', 'the occupation')).toEqual([]);
    expect(referents(before + 'The occupation aircraft and artillery bombed the area of the crossing.', 'The occupation')).toEqual([]);
    expect(referents(before + 'Witnesses said the occupation helicopters fired on homes in the north.', 'the occupation')).toEqual([]);
    expect(referents(before + 'The occupation warplanes also bombed a factory east of the city.', 'The occupation')).toEqual([]);
  });

  it('leaves it unresolved before an event noun with its of-phrase', () => {
    expect(referents(before + 'Six people were killed in the occupation bombing of a market north of the city.', 'the occupation')).toEqual([]);
    expect(referents(before + 'Medics reported the occupation shelling of the school.', 'the occupation')).toEqual([]);
    expect(referents(before + 'The occupation bombardment killed six people in the camp.', 'The occupation')).toEqual([]);
    expect(referents(before + 'Residents said the occupation shelling continued until dawn.', 'the occupation')).toEqual([]);
    expect(referents('Hezbollah fighters fired rockets. The resistance bombardment hit the base.', 'The resistance')).toEqual([]);
  });

  it('keeps the label as a subject, in the possessive and before a force noun', () => {
    expect(referents(before + 'Shortly after, the occupation bombed a house in the camp.', 'the occupation')).toEqual(['israel']);
    expect(referents(before + 'The occupation’s warplanes bombed a house in the camp.', 'The occupation')).toEqual(['israel']);
    expect(referents(before + 'The occupation army also destroyed most of the towers.', 'occupation army')).toEqual(['israel']);
    expect(referents(before + 'Residents said warplanes of the occupation struck the market.', 'the occupation')).toEqual(['israel']);
  });
});
