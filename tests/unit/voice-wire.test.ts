/**
 * Voice rules for wire-copy and translated-news patterns that need more than a sentence and a voice (the sentence
 * cases themselves are data: tests/fixtures/voice/wire.yml, read by voice-cases.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { findVoiceSpans, roughSentences, voiceAt } from '../../src/analysis/voice.js';
import { datelineEnd } from '../../src/analysis/attribution.js';
import { datelineSpans } from '../../src/analysis/analyze.js';

describe('datelines (D-DATELINE)', () => {
  it('finds the dateline end only for capitalised places or an agency', () => {
    const t = 'Baghdad (CPA) - Pro-Iranian groups vowed revenge.';
    expect(t.slice(datelineEnd(t, 0, t.length))).toBe('Pro-Iranian groups vowed revenge.');
    const u = 'IDF troops pressed on — killing dozens, the military said.';
    expect(datelineEnd(u, 0, u.length)).toBe(0);
    const v = 'The militias — backed by Iran — fired rockets.';
    expect(datelineEnd(v, 0, v.length)).toBe(0);
    const w = 'Tehran, IRNA - The Zionist regime struck.';
    expect(w.slice(datelineEnd(w, 0, w.length))).toBe('The Zionist regime struck.');
  });

  it('is one rule for voice and labels: "Tehran (IRNA) -" and "TEHRAN (IRNA) -" are both datelines', () => {
    for (const text of ['Tehran (IRNA) - Iran said it would respond.', 'TEHRAN (IRNA) - Iran said it would respond.', 'TEHRAN, Jan. 28 (IRNA) – Iran said it would respond.']) {
      const spans = datelineSpans(text);
      expect(spans.map((s) => text.slice(s.start, s.end)), text).toEqual([text.slice(0, text.search(/ [-–]/))]);
      expect(text.slice(datelineEnd(text, 0, text.length))).toBe('Iran said it would respond.');
    }
    expect(datelineSpans('Intro line.\n  BAGHDAD (Reuters) - Rockets hit.').length).toBe(1);
    expect(datelineSpans('US forces - and others - left.\nIran – a state – said so.')).toEqual([]);
  });

  it('reads an agency acronym between two dashes after the place as a dateline ("Tehran – IRNA –")', () => {
    for (const text of ['Tehran – IRNA – Iran said it would respond.', 'Beirut - NNA - Iran said it would respond.']) {
      expect(text.slice(datelineEnd(text, 0, text.length)), text).toBe('Iran said it would respond.');
      expect(datelineSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([text.slice(0, text.lastIndexOf(' ', text.indexOf('Iran') - 2))]);
    }
    // A word that is not an agency acronym between the dashes is an aside, not a dateline.
    expect(datelineSpans('Tehran – in turn – said it would respond.')).toEqual([]);
  });
});

describe('sentence units', () => {
  it('joins a sentence cut after a title abbreviation ("Rear Adm. Daniel Hagari said") (U-TITLE)', () => {
    const text = 'Missiles struck the base in southern Israel, spokesman Rear Adm. Daniel Hagari said.';
    const cut = text.indexOf('Daniel');
    const sentences = [{ start: 0, end: cut - 1 }, { start: cut, end: text.length }];
    const at = text.indexOf('southern Israel');
    expect(voiceAt(findVoiceSpans(text, sentences), at, at + 15)).toBe('attributed');
  });

  it('joins a sentence cut after a month abbreviation before the day ("since Oct. | 8, …") (U-TITLE)', () => {
    const text = 'The army said that since Oct. 8 the militants had fired rockets at Israel.';
    const cut = text.indexOf('8 the');
    const sentences = [{ start: 0, end: cut - 1 }, { start: cut, end: text.length }];
    const at = text.indexOf('the militants');
    expect(voiceAt(findVoiceSpans(text, sentences), at, at + 13)).toBe('attributed');
    // A month at a real sentence end before a capital is not joined.
    const two = 'The army struck in Oct. The militants fired back.';
    const split = [{ start: 0, end: two.indexOf('The mil') - 1 }, { start: two.indexOf('The mil'), end: two.length }];
    expect(voiceAt(findVoiceSpans(two, split), two.indexOf('The mil'), two.length)).toBe('author');
  });
});

describe('quotations after a cue', () => {
  it('reads a quotation right after a cue as the speaker\'s, not as scare quotes', () => {
    // The span before the mark is reported speech, so analyze.ts does not take the quotation for a scare quote.
    const text = 'The group claimed the attack, describing the base as "an occupation base".';
    const at = text.indexOf('"an');
    expect(voiceAt(findVoiceSpans(text, roughSentences(text)), at - 1, at)).toBe('attributed');
  });
});

describe('cost', () => {
  it('stays linear on one long sentence full of cues (sources, figures, directives, colons, fragments)', () => {
    // Bounded cues only, so the whole sentence is read for sources after them.
    const clause = 'the militias killed dozens of fighters, according to the ministry, the group called the troops "occupiers" '
      + 'and urged Iran to act after the strike, ';
    const time = (n: number): number => {
      const text = `${clause.repeat(n)}end.`;
      const t0 = performance.now();
      findVoiceSpans(text, [{ start: 0, end: text.length }]);
      return performance.now() - t0;
    };
    time(200); // warm up
    const small = Math.max(time(1_000), 1);
    const large = time(4_000);
    // Four times the text: linear work takes about four times as long; quadratic work would take sixteen.
    expect(large / small).toBeLessThan(9);
  });
});
