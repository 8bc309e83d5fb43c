/**
 * Lexicon class found on batch az's dev half (session 24, fresh24az): a group's men called "soldiers" after the group's
 * name ("Israel has targeted civilians and Hizbullah soldiers deep into Lebanon", a pro-resistance religious site) are
 * the group's members, the neutral baseline of its referent (gold README C-MEMBERS), as "Hezbollah forces" and "Houthi
 * fighters" are: `named-group-members`, `hamas` and `houthi-fighters` of lexicons/conflict.yml, in the possessive and
 * the of-phrase too. A bare "soldiers" and "Israeli soldiers" read as before. Made-up sentences; the first failed
 * before the change.
 */
import { describe, expect, it } from 'vitest';
import { labelHitsOn } from '../helpers/lexicon.js';

const read = (text: string, surface: string) => labelHitsOn(text, surface).map((h) => [h.referent ?? null, h.weight]);

describe('a named group\'s "soldiers" are its members', () => {
  it('reads "Hizbullah soldiers" as the armed groups\' baseline', () => {
    expect(read('Israel has targeted civilians and Hizbullah soldiers deep into Lebanon.', 'Hizbullah soldiers')).toEqual([['armed-groups', 0]]);
  });

  it('the same for other groups and word orders', () => {
    expect(read('Two Hamas soldiers were killed in Khan Younis.', 'Hamas soldiers')).toEqual([['palestinians', 0]]);
    expect(read('Houthi soldiers seized the ship off Hodeidah.', 'Houthi soldiers')).toEqual([['armed-groups', 0]]);
    expect(read('Kataib Hezbollah soldiers were wounded in the strike.', 'Kataib Hezbollah soldiers')).toEqual([['armed-groups', 0]]);
    expect(read('The soldiers of Hezbollah held the ridge.', 'soldiers of Hezbollah')).toEqual([['armed-groups', 0]]);
    expect(read('Hezbollah’s soldiers held the ridge.', 'Hezbollah’s soldiers')).toEqual([['armed-groups', 0]]);
  });

  it('leaves bare soldiers and Israeli soldiers as they were', () => {
    expect(labelHitsOn('The soldiers held the ridge near Metula.', 'soldiers')).toEqual([]);
    expect(read('Hamas holds Israeli soldiers in Gaza.', 'Israeli soldiers')).toEqual([['israel', 0]]);
    expect(read('Hamas holds Israeli soldiers in Gaza.', 'Hamas')).toEqual([['palestinians', 0]]);
  });
});
