/**
 * Referent resolution classes found in batch af's dev half (session 20, fresh20af): a cause supported is no agent, a
 * label's own of-phrase outranks an apposition reading, and a fixed patron label apposed to a name of another referent
 * describes that name. The sentences are made up in the manner of the articles; each case failed before the change.
 */
import { describe, expect, it } from 'vitest';
import { labelHitOn, labelHitsOn } from '../helpers/lexicon.js';

const hitsOf = labelHitsOn;
const hit = (text: string, surface: string) => labelHitOn(text, surface);

describe('a cause supported (class cause-phrase) is not the agent of a later context label', () => {
  it('skips the people "in support of" whom a statement says its fighters acted', () => {
    const text = 'The group said that in support of the oppressed people in Gaza and in response to Israeli raids on southern ' +
      'Lebanon, the Resistance fighters shelled a barracks. Hezbollah issued the statement on Friday.';
    // Nothing fitting before the label but the people supported: it is left to what follows, not read as the people.
    expect(hit(text, 'the Resistance fighters').referent).not.toBe('palestinians');
    const named = 'Hezbollah said that in support of the steadfast people in Gaza and in response to the Israeli airstrikes ' +
      'on southern Lebanon, the Resistance fighters attacked a building in a settlement.';
    expect(hit(named, 'the Resistance fighters')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('lets a definite label repeat the earlier resistance, past a supported resistance with the same head', () => {
    const text = 'Hezbollah attacked a border post. The resistance stressed that the attacks were carried out in support of ' +
      'the steadfast Palestinian people in the Gaza Strip and in support of the Palestinian resistance. Within this ' +
      'framework, the resistance in Lebanon has been attacking army sites since October.';
    const all = hitsOf(text, 'the resistance');
    expect(all.map((h) => h.referent)).toEqual(['armed-groups']);
  });

  it('holds in other word orders: "in solidarity with" opening the sentence', () => {
    const text = 'In solidarity with the Palestinian resistance, Hezbollah fired rockets at a barracks. The resistance said it hit a tank.';
    expect(hit(text, 'The resistance')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    const owner = 'Hamas fighters clashed with troops near the fence. In support of Hamas, the fighters of Hezbollah fired rockets.';
    expect(hit(owner, 'fighters')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('still takes up a supported mention when the label stands inside the same open phrase', () => {
    // No punctuation closes the cause phrase: the people and the resistance supported are read together.
    const text = 'Hezbollah fired rockets in support of the Palestinian people and the resistance.';
    expect(hit(text, 'the resistance')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });
});

describe("a label's own of-phrase outranks an apposition to the mention before its comma", () => {
  it('reads "…our people in Gaza, the Mujahideen of the Islamic Resistance in Iraq attacked" as the Iraqi group', () => {
    const text = '“In response to the Zionist entity’s massacres against our people in Gaza, the Mujahideen of the Islamic ' +
      'Resistance in Iraq attacked four enemy bases.”';
    expect(hit(text, 'Mujahideen')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    const plain = 'Israel killed our people in Gaza, the fighters of the Islamic Resistance in Iraq attacked four bases.';
    expect(hit(plain, 'fighters')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('leaves a true apposition alone and a hostile head to rule 4', () => {
    const text = 'Kataib Hezbollah, the militants of the north, fired rockets.';
    expect(hit(text, 'militants').referent).toBe('armed-groups');
  });
});

describe('a fixed patron label apposed to a name of another referent describes that name', () => {
  it('reads "Hamas, the Iran-backed terrorist organization in Gaza" as the Palestinian group', () => {
    const text = 'Hamas, the Iran-backed terrorist organization in Gaza whose attack sparked the crisis, applauded the strikes.';
    expect(hit(text, 'Iran-backed terrorist organization')).toMatchObject({ referent: 'palestinians', weight: -2 });
    expect(hit('Islamic Jihad, another Iran-backed militia, fired rockets.', 'Iran-backed militia').referent).toBe('palestinians');
    expect(hit('Hamas, an Iran-backed militia, fired rockets.', 'Iran-backed militia').referent).toBe('palestinians');
  });

  it('keeps the label its own where the apposition names its own referent, a list or a label', () => {
    expect(hit('Hezbollah, the Iran-backed terrorist organization, fired rockets.', 'Iran-backed terrorist organization').referent)
      .toBe('armed-groups');
    // The last of a list, and a plural noun (several bodies): the patron label keeps its referent.
    expect(hit('Israel fought Hamas and Hezbollah, the Iran-backed terrorist organization, for a year.',
      'Iran-backed terrorist organization').referent).toBe('armed-groups');
    expect(hit('The Houthis and Hamas, Iran-backed terrorist groups, fired rockets.', 'Iran-backed terrorist groups').referent)
      .toBe('armed-groups');
    // A label before the comma says whom it names by its own words.
    expect(hit('Palestinian militants, an Iran-backed militia, fired rockets.', 'Iran-backed militia').referent).toBe('armed-groups');
  });
});

describe('a compound modifier of an attack with words between names no actor', () => {
  it('leaves "Iranian-backed Shiite terror attacks are ongoing" unresolved, whoever was named before', () => {
    const text = 'Hamas fighters attacked Israel in October. Since then, Iranian-backed Shiite terror attacks are ongoing across the region.';
    expect(hit(text, 'Iranian-backed')).toMatchObject({ referent: null, resolution: 'unresolved' });
    const object = 'Hezbollah fired rockets at Israel. Iran-backed Shiite attacks on US troops rose in Iraq.';
    expect(hit(object, 'Iran-backed')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('keeps a group noun between as the label (the lexicon reads it)', () => {
    const text = 'Hezbollah fired rockets at Israel. Iran-backed Shiite fighters attacked a base.';
    expect(hit(text, 'Iran-backed Shiite fighters').referent).toBe('armed-groups');
  });
});
