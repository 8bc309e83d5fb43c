/**
 * Referent resolution class found on batch az's dev half (session 24, fresh24az): a label that looks back to an
 * earlier sentence while its own clause, right after it, or a fronted place adjunct of its sentence ("In Yemen, …"),
 * places the men in a theatre where two referents or more act and the looked-back referent is not one of them ("to
 * prevent weapons and terrorists entering Syria and Lebanon from Iran and Iraq", two sentences after "a senior Hamas
 * terrorist": Syria is no scene of the Palestinian groups) is left unresolved (resolve.ts rule 5'): the words do not
 * say whose men they are. A place of one actor (Tel Aviv, Iran) is as often the target or the patron as the scene and
 * decides nothing; a place where the looked-back referent acts, or an antecedent in the label's own sentence, keeps
 * the look-back. The sentences are made up in the manner of the articles; the first cases failed before the change.
 */
import { describe, expect, it } from 'vitest';
import { labelHitsOn } from '../helpers/lexicon.js';

const referents = (text: string, surface: string) => labelHitsOn(text, surface).map((h) => h.referent ?? null);

describe('a place in the label\'s clause where the looked-back referent does not act leaves it open', () => {
  it('leaves "terrorists entering Syria" unresolved after a Hamas man two sentences back', () => {
    const text = 'Airstrikes continue in Gaza, where a senior Hamas terrorist was killed overnight. The army also struck two airports overnight. This is to prevent weapons and terrorists entering Syria and Lebanon from Iran and Iraq.';
    expect(referents(text, 'terrorists')).toEqual([null]);
  });

  it('the same in other phrasings and orders', () => {
    expect(referents('Hamas gunmen attacked a kibbutz. Weeks later, jets hit militants crossing into Syria at night.', 'militants')).toEqual([null]);
    expect(referents('Hamas terrorists fired rockets at Ashkelon. Israeli jets then hit terrorists based in Yemen.', 'terrorists')).toEqual([null]);
    expect(referents('Hamas terrorists fired rockets. Two days later, terrorists who had fled to Yemen were killed.', 'terrorists')).toEqual([null]);
    expect(referents('The Zionist enemy shelled Rafah again. Days later, the enemy also shelled positions in Iraq.', 'the enemy')).toEqual([null]);
  });

  it('the same when a fronted place adjunct sets the sentence\'s scene', () => {
    expect(referents('Hamas terrorists fired rockets at Ashkelon. In Yemen, Israeli jets then hit terrorists at a port.', 'terrorists')).toEqual([null]);
    expect(referents('Hamas gunmen attacked Sderot. In Iraq, Israeli jets also killed militants at a depot.', 'militants')).toEqual([null]);
    expect(referents('Hamas gunmen attacked Sderot. In the northern Gaza Strip, troops killed the militants.', 'militants')).toEqual(['palestinians']);
    expect(referents('Hezbollah fighters fired rockets at Metula. In southern Lebanon, Israeli jets hit the militants.', 'militants')).toEqual(['armed-groups']);
    expect(referents('Hamas terrorists fired rockets. In Tel Aviv, the terrorists opened fire.', 'terrorists')).toEqual(['palestinians']);
  });

  it('keeps the look-back where the place is the referent\'s own or of one actor only', () => {
    expect(referents('Hamas terrorists fired rockets at Israel. The terrorists hiding in Rafah were struck.', 'terrorists')).toEqual(['palestinians']);
    expect(referents('Hamas terrorists attacked southern Israel. Police said terrorists opened fire in Tel Aviv.', 'terrorists')).toEqual(['palestinians']);
    expect(referents('Hamas terrorists fired rockets at Sderot. Later the terrorists received more weapons from Iran.', 'terrorists')).toEqual(['palestinians']);
    expect(referents('Hezbollah fighters fired rockets at Metula. Later the militants fired from southern Lebanon again.', 'militants')).toEqual(['armed-groups']);
    expect(referents('Kataib Hezbollah fighters attacked a base. The militants then moved into Syria.', 'militants')).toEqual(['armed-groups']);
    expect(referents('The Zionist enemy shelled Rafah again. Days later, the enemy also shelled positions in Syria.', 'the enemy')).toEqual(['israel']);
    // A place that is the object of the men's act is no place of theirs (integrator, session 24: gold a09's Hezbollah
    // bloc saying "the resistance will not leave Gaza alone").
    expect(referents('Hezbollah fighters fired rockets at Metula. An MP said the resistance will not leave Gaza alone.', 'the resistance')).toEqual(['armed-groups']);
    expect(referents('Hezbollah fighters fired rockets at Metula. The militants have vowed to defend Gaza.', 'militants')).toEqual(['armed-groups']);
  });
});
