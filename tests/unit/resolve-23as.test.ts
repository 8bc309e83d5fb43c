/**
 * Referent resolution class found on batch as's dev half (session 23, fresh23as): a bare plural label right after a
 * phrase naming who gains from a wrong ("serve the interests of terrorist organizations", "plays into the hands of
 * extremist groups") names a kind of actor, not one the story has named: left unresolved (resolve.ts rule 1d', class
 * `beneficiary-phrase` of lexicons/conflict.yml). A definite label there ("the interests of the occupation") and a bare
 * plural elsewhere ("it killed terrorists in the south") still resolve. The sentences are made up in the manner of the
 * articles; the first case failed before the change.
 */
import { describe, expect, it } from 'vitest';
import { labelHitsOn } from '../helpers/lexicon.js';

const referents = (text: string, surface: string) => labelHitsOn(text, surface).map((h) => h.referent ?? null);

describe('a bare plural after a beneficiary phrase is a kind, not an antecedent', () => {
  it('leaves "the interests of terrorist organizations" unresolved after a named group', () => {
    const text = 'Kataib Hezbollah fighters attacked a base. The presidency said such attacks only serve the interests of terrorist organizations lurking to harm Iraq.';
    expect(referents(text, 'terrorist organizations')).toEqual([null]);
  });

  it('the same in other phrasings and orders', () => {
    expect(referents('Hamas militants fired rockets. Egypt warned the escalation plays into the hands of extremist groups in the region.', 'extremist groups')).toEqual([null]);
    expect(referents('Hamas fighters clashed with troops. Analysts said the truce works in the interest of militant groups that want to regroup.', 'militant groups')).toEqual([null]);
    expect(referents('Kataib Hezbollah fighters attacked a base. The smugglers moved arms for the benefit of armed groups, the army said.', 'armed groups')).toEqual([null]);
  });

  it('keeps a definite label after the phrase, and a bare plural elsewhere', () => {
    expect(referents('Israeli forces raided Jenin. The ministry said the raids only serve the interests of the occupation.', 'the occupation')).toEqual(['israel']);
    expect(referents('Hezbollah fighters attacked. Officials said the strikes served the interests of the militias.', 'the militias')).toEqual(['armed-groups']);
    expect(referents('Hezbollah fighters fired rockets. Israel said it killed terrorists in the south.', 'terrorists')).toEqual(['armed-groups']);
  });
});
