/**
 * Referent resolution classes found on the dev halves and in dev reading (session 20, round 2, fresh20ai): an
 * apposition coordinated with a bare noun ("a Shia Islamist political party and militant group"), and a label owned
 * by a possessive pronoun ("his regime"), whose owner — the person named before it — decides. The sentences are made
 * up in the manner of the articles; each case failed before the change.
 */
import { describe, expect, it } from 'vitest';
import { labelHitOn } from '../helpers/lexicon.js';

const hit = (text: string, surface: string) => labelHitOn(text, surface);

describe('an apposition coordinated with a bare noun still describes the name before its comma', () => {
  it('reads "Hezbollah, a Shia Islamist political party and militant group," as Hezbollah', () => {
    const text = 'Hamas fired rockets on Friday. Hezbollah, a Shia Islamist political party and militant group, fired drones.';
    expect(hit(text, 'Islamist political party')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('holds with "or", and at the end of the sentence', () => {
    const text = 'Hamas fired rockets on Friday. Hezbollah, a Shia Islamist political party or armed movement.';
    expect(hit(text, 'Islamist political party')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('is no apposition when the coordinated words go on as a clause', () => {
    // "… and its allies said": a subject and its speech verb, not a second noun of the apposition.
    const text = 'Hamas fired rockets. Israel struck Hezbollah, a Shia Islamist political party and its allies said.';
    expect(hit(text, 'Islamist political party').resolution).toBe('unresolved');
  });
});

describe('a personal possessive ("his regime") is owned by the person named before it (rule 0b)', () => {
  it('reads the regime of an Israeli prime minister as Israel, in the outlet\'s voice (O-OWN)', () => {
    const text = 'Israeli Prime Minister Benjamin Netanyahu has reiterated that his regime is intent on the ground invasion of Rafah.';
    expect(hit(text, 'his regime')).toMatchObject({ referent: 'israel', resolution: 'context', voice: 'author' });
  });

  it("reads the regime of Iran's leader as Iran, whatever the words after it name", () => {
    const text = "Iran's Supreme Leader Ali Khamenei said his regime would never bow to Israel.";
    expect(hit(text, 'his regime')).toMatchObject({ referent: 'iran', resolution: 'context' });
    const title = 'Iranian President Ebrahim Raisi warned that his regime would answer any Israeli attack.';
    expect(hit(title, 'his regime')).toMatchObject({ referent: 'iran', resolution: 'context' });
  });

  it('finds the side of a surname where the story introduced the person, and of "he" in the next sentence', () => {
    const surname = 'Israeli Prime Minister Benjamin Netanyahu spoke on Sunday. Iran fired missiles overnight. Netanyahu said ' +
      'his regime would respond.';
    expect(hit(surname, 'his regime')).toMatchObject({ referent: 'israel', resolution: 'context' });
    const pronoun = "Iran's Supreme Leader Ali Khamenei spoke on Wednesday. He said his regime would punish Israel.";
    expect(hit(pronoun, 'his regime')).toMatchObject({ referent: 'iran', resolution: 'context' });
    const named = 'Defense Minister Israel Katz said his regime would strike Iran.';
    expect(hit(named, 'his regime')).toMatchObject({ referent: 'israel', resolution: 'context' });
  });

  it('leaves the regime of a person tied to no referent unresolved, not the state named after it', () => {
    expect(hit('Putin said his regime supports Iran.', 'his regime').resolution).toBe('unresolved');
    expect(hit('Maduro said his regime stands with Hezbollah against Israel.', 'his regime').resolution).toBe('unresolved');
    const title = 'Israeli Prime Minister Benjamin Netanyahu met Russian President Vladimir Putin, who said his regime backs Iran.';
    expect(hit(title, 'his regime').resolution).toBe('unresolved');
    expect(hit('Lebanese Prime Minister Najib Mikati said his regime wants calm with Israel.', 'his regime').resolution).toBe('unresolved');
    // A side the label may not take: the US president's "regime" is none of Israel's or Iran's.
    expect(hit('President Biden said his regime would defend Israel.', 'his regime').resolution).toBe('unresolved');
  });

  it('takes a singular title without a name as the person ("Iran\'s president"), not a plural one', () => {
    expect(hit("Iran's president said his regime would never bow to Israel.", 'his regime'))
      .toMatchObject({ referent: 'iran', resolution: 'context', voice: 'author' });
    expect(hit('The Israeli prime minister vowed that his regime would crush Hamas.', 'his regime'))
      .toMatchObject({ referent: 'israel', resolution: 'context' });
    expect(hit('The Russian president said his regime backs Iran.', 'his regime').resolution).toBe('unresolved');
    expect(hit('Israeli officials said that his regime would fall.', 'his regime')).toMatchObject({ resolution: 'unresolved', voice: 'attributed' });
  });

  it('leaves a possessive with no person before it unresolved', () => {
    const text = 'Iran attacked Israel on Saturday. Officials said that his regime would fall.';
    expect(hit(text, 'his regime').resolution).toBe('unresolved');
  });
});

describe('an untracked actor named by its remnants as a campaign\'s target blocks no later label', () => {
  it('reads "militants" after "mop up remnants of Islamic State" by the look-back', () => {
    const text = 'Kataib Hezbollah attacked US troops. The 2,500 US troops are there to mop up remnants of Islamic State, but ' +
      'they have become a target for militants.';
    expect(hit(text, 'militants')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('holds for "fight the remnants of ISIS" and "mopped up remnants of ISIS" in another sentence', () => {
    const fight = 'Kataib Hezbollah attacked US troops. The troops are there to fight the remnants of ISIS. The militants fired drones.';
    expect(hit(fight, 'militants')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    const mopped = 'Kataib Hezbollah attacked US troops. The troops mopped up remnants of ISIS. The militants fired rockets at the base.';
    expect(hit(mopped, 'militants')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('still blocks where the remnants act', () => {
    const text = 'Kataib Hezbollah attacked US troops. Remnants of ISIS attacked a checkpoint. The militants fled.';
    expect(hit(text, 'militants').resolution).toBe('unresolved');
  });
});
