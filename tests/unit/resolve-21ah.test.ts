/**
 * Classes found in batch ah's dev half (session 21, fresh21ah): the speaker named in a tag after the label is not what
 * the speaker disparages; a demonstrative points past a fronted adverbial of its own sentence; and three lexicon
 * classes (a side's adjective before "invaders"/"aggressors", "Gaza people", Iran as "sponsors"/"backers"/"patrons").
 * The sentences are made up in the manner of the articles; each case failed before the change.
 */
import { describe, expect, it } from 'vitest';
import { labelHitOn } from '../helpers/lexicon.js';

const hit = (text: string, surface: string) => labelHitOn(text, surface);

describe('the speaker named in the tag after the label is not what a negative label in its words names', () => {
  it('leaves the IDF\'s "the enemy" unresolved rather than reading it as Israel (tag after the closing mark)', () => {
    const text = 'The army said it destroyed dozens of tunnels in Gaza.\n\n' +
      '"The enemy\'s preparation for a long stay can be seen in the shafts," the IDF said.';
    expect(hit(text, 'The enemy').referent).toBeNull();
  });

  it('holds in other word orders: an inverted tag, a force named with its nationality, reported speech', () => {
    const inverted = 'Tunnels were found under the school.\n\n"The enemy built them for a long war," said the IDF.';
    expect(hit(inverted, 'The enemy').referent).toBeNull();
    const army = 'Hezbollah fired rockets overnight.\n\n"The enemy will pay for its crimes," the Israeli army said.';
    expect(hit(army, 'The enemy').referent).toBeNull();
    const reported = 'Hamas built the tunnels under the camp. The enemy prepared for a long stay, the IDF said.';
    expect(hit(reported, 'The enemy').referent).toBeNull();
  });

  it('still reads the enemy of another speaker named in the tag', () => {
    const hamas = 'Israeli jets struck Gaza overnight.\n\n"The enemy will pay for this massacre," the Hamas movement said.';
    expect(hit(hamas, 'The enemy')).toMatchObject({ referent: 'israel', resolution: 'context' });
    const group = 'US forces struck Iraq. "The occupation forces will leave our land," Kataib Hezbollah said.';
    expect(hit(group, 'occupation forces')).toMatchObject({ referent: 'us-forces', resolution: 'context' });
  });
});

describe('a demonstrative points past a fronted adverbial of its own sentence', () => {
  it('takes up the story\'s group, not the target named in the adverbial', () => {
    const text = 'The Houthis, the rebel group backed by Iran, control northern Yemen. In the wake of the attack on Israel, ' +
      'these militants have been firing drones at ships.';
    expect(hit(text, 'militants')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('holds with another opener and a singular demonstrative', () => {
    const after = 'Hamas fighters attacked the border posts. After the raids on Israel, these militants withdrew to Gaza.';
    expect(hit(after, 'militants')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
    const regime = 'Iran backs the militias in Iraq. During the war with Hamas, this regime kept arming them.';
    expect(hit(regime, 'this regime')).toMatchObject({ referent: 'iran', resolution: 'context' });
  });

  it('still points at what was just named when no fronted adverbial stands between', () => {
    // "… forming the Axis of Resistance. This coalition …" (4d): the demonstrative is the axis, which it may not take.
    const text = 'Hezbollah fired rockets at Israel. This regime will answer, the group said.';
    expect(hit(text, 'This regime')).toMatchObject({ referent: 'israel' });
  });
});

describe('lexicon classes from the same half', () => {
  it('reads a side\'s adjective before "invaders" or "aggressors" as Israel\'s occupation label', () => {
    const h = hit('The fighters are defending their land against the Israeli invaders.', 'Israeli invaders');
    expect(h).toMatchObject({ referent: 'israel', weight: -2 });
    expect(hit('Israeli aggressors stormed the camp at dawn.', 'Israeli aggressors')).toMatchObject({ referent: 'israel', weight: -2 });
  });

  it('counts "Gaza people" as the people\'s baseline', () => {
    expect(hit('He hailed the resolve of Gaza people under siege.', 'Gaza people')).toMatchObject({ referent: 'palestinians', weight: 0 });
    expect(hit('Gazan people have been displaced again.', 'Gazan people')).toMatchObject({ referent: 'palestinians', weight: 0 });
  });

  it('names Iran by its sponsorship of armed groups', () => {
    const text = '"We call on these groups and their Iranian sponsors to cease these attacks," the secretary said.';
    expect(hit(text, 'Iranian sponsors')).toMatchObject({ referent: 'iran', weight: -1 });
    expect(hit('The militias and their Iranian backers deny it.', 'Iranian backers')).toMatchObject({ referent: 'iran', weight: -1 });
  });

  it('reads "Islamic" before a group noun as a descriptor, not an unknown name', () => {
    const text = 'Iran-backed terrorists killed three soldiers. Biden insisted that allied forces will give the Islamic ' +
      'terrorists no other choice.';
    expect(hit(text, 'terrorists')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    const other = 'Hamas fighters crossed the fence at dawn. The Islamic militants then seized hostages.';
    expect(hit(other, 'militants')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });
});
