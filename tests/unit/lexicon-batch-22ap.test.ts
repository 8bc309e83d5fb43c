/**
 * Label classes found on batch ap's dev half (session 22, fresh22ap). The sentences are made up in the manner of the
 * articles; each first case failed before its change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const on = (text: string, surface: string) => madeUpActorHits(text).filter((h) => h.text === surface);

describe('"militant" before a named group and its neutral noun (named-group-militants)', () => {
  it('counts "Lebanon’s militant Hezbollah group"', () => {
    expect(on('Israel regularly strikes sites linked to Lebanon’s militant Hezbollah group.', 'militant Hezbollah group')).toMatchObject([{ referent: 'armed-groups', weight: -1 }]);
  });
  it('counts another name and noun, in other orders', () => {
    expect(on('The militant Kataib Hezbollah faction claimed the drone attack, officials said.', 'militant Kataib Hezbollah faction')).toHaveLength(1);
    expect(on('After the raid the militant Hezbollah movement fired rockets.', 'militant Hezbollah movement')).toHaveLength(1);
  });
  it('leaves the name alone without the noun', () => {
    expect(madeUpActorHits('Israel struck militant Hezbollah positions overnight.').filter((h) => /Hezbollah/.test(h.text))).toEqual([]);
  });
});

describe('"with" right after an office holder names the side he serves (C-OFFICE, titleOfBefore)', () => {
  it('does not count "Officials with the US military"', () => {
    expect(on('Officials with the US military and embassy in Baghdad did not respond.', 'US military')).toEqual([]);
  });
  it('nor a force or a group after another title, in other orders', () => {
    expect(on('The raid ended at dawn, a spokesman with the Israeli army said.', 'Israeli army')).toEqual([]);
    expect(on('An official with Hamas told reporters the talks had stalled.', 'Hamas')).toEqual([]);
  });
  it('keeps a side after "with" when no title stands right before it', () => {
    expect(on('Hamas negotiators met with Israel in Cairo.', 'Israel')).toHaveLength(1);
    expect(on('Hezbollah fighters clashed with Israeli forces near the border.', 'Israeli forces')).toHaveLength(1);
    expect(on('The US, along with Israel, rejected the plan.', 'Israel')).toHaveLength(1);
  });
});
