/**
 * Referent resolution class found on batch aj's dev half (session 21, fresh21aj): a label in the text's first two
 * sentences whose actor the lead names two sentences on, after a sentence that names nobody ("… killing two
 * terrorists. The health ministry confirmed the deaths. … Hezbollah …"). Rule 6 of resolve.ts looks ahead
 * LEAD_LOOKAHEAD sentences. The sentences are made up in the manner of the articles; each case failed before the change.
 */
import { describe, expect, it } from 'vitest';
import { labelHitOn } from '../helpers/lexicon.js';

const hit = (text: string, surface: string) => labelHitOn(text, surface, 'first');

describe('a lead label takes the actor named two sentences on', () => {
  it('reads the dead of a strike as the group the third sentence names', () => {
    const text = 'A drone strike hit a car near the border on Monday, killing two terrorists. The health ministry confirmed the deaths on Tuesday. The army said it had struck Hezbollah positions overnight.';
    expect(hit(text, 'terrorists')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('holds in the first sentence, with another order of the lead', () => {
    const text = 'The militants fired rockets at dawn. Sirens sounded across the south for an hour. Hamas later claimed the attack.';
    expect(hit(text, 'militants')).toMatchObject({ referent: 'palestinians' });
  });

  it('takes no actor the label cannot be', () => {
    const text = 'Gunmen attacked a checkpoint near the border on Monday. Two soldiers were wounded in the clash. Israel said it would respond.';
    expect(hit(text, 'Gunmen').referent).toBeNull();
  });

  it('does not reach a fourth sentence', () => {
    const text = 'The militants fired rockets at dawn. Sirens sounded across the south. Schools stayed closed. Hamas later claimed the attack.';
    expect(hit(text, 'militants').referent).toBeNull();
  });
});
