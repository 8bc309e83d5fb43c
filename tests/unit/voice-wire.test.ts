/**
 * Voice rules for wire-copy and translated-news patterns (attribution.ts, quotes.ts, voice.ts). Each case is a
 * hand-built sentence and checks the voice at one phrase.
 */
import { describe, expect, it } from 'vitest';
import { findVoiceSpans, roughSentences, voiceAt } from '../../src/analysis/voice.js';
import { datelineEnd } from '../../src/analysis/attribution.js';
import type { Span } from '../../src/types.js';

/** Voice of the n-th (0-based) occurrence of phrase; sentences default to the rough splitter. */
function voiceOf(text: string, phrase: string, nth = 0, sentences: Span[] = roughSentences(text)): string {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`phrase not in text: ${phrase}`);
  }
  return voiceAt(findVoiceSpans(text, sentences), at, at + phrase.length);
}

/** [phrase, expected voice] pairs checked in one text. */
function expectVoices(text: string, cases: Array<[string, string]>): void {
  for (const [phrase, voice] of cases) expect(voiceOf(text, phrase), `${phrase} in: ${text}`).toBe(voice);
}

describe('datelines', () => {
  it('keeps a dateline author voice and reads the sentence after it', () => {
    expectVoices('BAGHDAD (Reuters) - Rockets hit a base housing occupation forces, officials said.', [
      ['BAGHDAD (Reuters)', 'author'], ['occupation forces', 'attributed'], ['officials said', 'author'],
    ]);
    expectVoices('JERUSALEM, Jan 5 (AFP) — The Zionist army struck targets overnight, the group said.', [
      ['JERUSALEM, Jan 5 (AFP)', 'author'], ['Zionist army', 'attributed'],
    ]);
    expectVoices('ERBIL, Kurdistan Region - A drone hit the base, security sources told Kurdistan Daily.', [
      ['ERBIL, Kurdistan Region', 'author'], ['A drone hit the base', 'attributed'],
    ]);
    expectVoices('BAGHDAD (Reuters) - The Iran-backed militias fired rockets at the base.', [['Iran-backed militias', 'author']]);
  });

  it('finds the dateline end only for capitalised places or a bracketed agency', () => {
    const t = 'Baghdad (CPA) - Pro-Iranian groups vowed revenge.';
    expect(t.slice(datelineEnd(t, 0, t.length))).toBe('Pro-Iranian groups vowed revenge.');
    const u = 'IDF troops pressed on — killing dozens, the military said.';
    expect(datelineEnd(u, 0, u.length)).toBe(0);
    const v = 'The militias — backed by Iran — fired rockets.';
    expect(datelineEnd(v, 0, v.length)).toBe(0);
  });
});

describe('speech tags of wire copy', () => {
  it('reads "X told Reuters" and "told reporters in Baghdad" as trailing tags', () => {
    expectVoices('The occupation forces will leave soon, a commander told Reuters.', [
      ['occupation forces', 'attributed'], ['a commander told Reuters', 'author'],
    ]);
    expectVoices('The occupation forces will leave soon, a commander told reporters in Baghdad.', [['occupation forces', 'attributed']]);
    expectVoices('A spokesman told Reuters that the occupation forces would leave.', [
      ['A spokesman told Reuters', 'author'], ['occupation forces', 'attributed'],
    ]);
  });

  it('finds "that" after a longer object of "told", and does not take "told the minister" for an inverted tag', () => {
    expectVoices('Biden, who arrived in Israel on Wednesday, told the prime minister, Benjamin Netanyahu, that the other team did it.', [
      ['arrived in Israel', 'author'], ['the other team did it', 'attributed'],
    ]);
  });

  it('reads "said in a statement on Tuesday", "officials say", "she warned" as tags', () => {
    expectVoices('The occupation forces will be expelled, the group said in a statement on Tuesday.', [['occupation forces', 'attributed']]);
    expectVoices('The Jewish state faces a threat orchestrated by Tehran, officials in Jerusalem say.', [
      ['Jewish state', 'attributed'], ['officials in Jerusalem say', 'author'],
    ]);
    expectVoices('The occupation forces will be expelled, she warned.', [['occupation forces', 'attributed']]);
  });

  it('keeps the appositive of an inverted tag\'s speaker author ("said X, a spokesman for …")', () => {
    expectVoices('The occupation forces will be expelled, said Yahya Saree, a spokesman for the Houthi rebels.', [
      ['occupation forces', 'attributed'], ['Houthi rebels', 'author'],
    ]);
  });

  it('reads "the statement read" and "X\'s statement said"', () => {
    expectVoices('The occupation forces will be expelled, the statement read.', [['occupation forces', 'attributed']]);
    expectVoices("The group's statement said the occupation forces will be expelled.", [['occupation forces', 'attributed']]);
    expectVoices('He read the Zionist entity statement aloud.', [['Zionist entity', 'author']]);
  });

  it('keeps "quoted by …" and adjuncts after a tag author ("…, officials said, marking …")', () => {
    expectVoices('Three soldiers were killed in Jordan, officials said Sunday, marking the first deaths in attacks by Iran-backed militias.', [
      ['Three soldiers were killed', 'attributed'], ['Iran-backed militias', 'author'],
    ]);
    expectVoices('"We will respond," the minister said, quoted by the rebels\' Saba news agency.', [['the rebels', 'author']]);
    expectVoices('The attacks, the official said, were carried out by terrorists.', [['carried out by terrorists', 'attributed']]);
  });

  it('joins a sentence cut after a title abbreviation ("Rear Adm. Daniel Hagari said")', () => {
    const text = 'Missiles struck the base in southern Israel, spokesman Rear Adm. Daniel Hagari said.';
    const cut = text.indexOf('Daniel');
    const sentences = [{ start: 0, end: cut - 1 }, { start: cut, end: text.length }];
    expect(voiceOf(text, 'southern Israel', 0, sentences)).toBe('attributed');
  });
});

describe('forward cues', () => {
  it('reads a zero-"that" clause with a named subject or a number', () => {
    expectVoices('He said Israel would not allow Iran\'s proxies to open new fronts.', [
      ['He said', 'author'], ["Iran's proxies", 'attributed'],
    ]);
    expectVoices('The IDF says Hamas uses civilians as human shields.', [['Hamas uses', 'attributed']]);
    expectVoices('Analysts say Tehran has sought to avoid a war with Israel.', [['war with Israel', 'attributed']]);
    expectVoices('Saree said five fighters had been killed.', [['five fighters', 'attributed']]);
    expectVoices('OCHA said at least 576,000 people in Gaza were starving.', [['people in Gaza', 'attributed']]);
    expectVoices('The group said on Friday it had struck the occupation base.', [['occupation base', 'attributed']]);
    // A name that is no clause subject: "said Tuesday's attack" has no finite verb after it.
    expectVoices('Washington said Tuesday the strikes on the Iran-backed militias were over.', [['Iran-backed militias', 'author']]);
  });

  it('reads "believe", "deny" with a zero-"that" clause', () => {
    expectVoices('Officials believe it was launched by a Tehran-backed faction.', [['Tehran-backed faction', 'attributed']]);
    expectVoices("Iran's foreign ministry denied the regime was behind the attack.", [['the regime', 'attributed']]);
  });

  it('continues reported speech in the next sentence with its own cue ("It added that …", "He also said …")', () => {
    const text = 'The group said that the occupiers fled. It added that the occupation forces would be expelled. '
      + 'He also said the Zionist entity would fall. The militias are armed.';
    expectVoices(text, [
      ['occupation forces', 'attributed'], ['Zionist entity', 'attributed'], ['It added that', 'author'],
      ['The militias are armed', 'author'],
    ]);
  });

  it('reads "vowed to …", "pledged to …", "claiming to …", ending at the occasion ("after …")', () => {
    expectVoices('The militia vowed to expel the occupation forces.', [['occupation forces', 'attributed']]);
    expectVoices('The group pledged on Tuesday to keep attacking the occupiers.', [['the occupiers', 'attributed']]);
    expectVoices('The Houthis attacked ships, claiming to act in support of the Palestinians in Gaza.', [
      ['Palestinians in Gaza', 'attributed'],
    ]);
    expectVoices('The groups vowed to respond after a strike killed members of the paramilitary factions.', [
      ['to respond', 'attributed'], ['paramilitary factions', 'author'],
    ]);
    expectVoices('He pledged support to the Iraqi army.', [['Iraqi army', 'author']]);
  });

  it('reads the object and complement of "call", bounded, and not "called on" or a hypothetical "To call"', () => {
    expectVoices("Iran called the strike a 'terrorist act' by the Zionist regime.", [
      ['the strike', 'attributed'], ['terrorist act', 'quoted'], ['Zionist regime', 'author'],
    ]);
    expectVoices('The ayatollahs arm what Israeli officials call the axis of terror, and the regime has boasted of it.', [
      ['axis of terror', 'attributed'], ['the regime has boasted', 'author'],
    ]);
    expectVoices('The AP tells its journalists to call Hamas fighters militants.', [['Hamas fighters', 'attributed']]);
    expectVoices('He called on the Iraqi army to expel the occupation forces.', [['Iraqi army', 'author'], ['occupation forces', 'attributed']]);
    expectVoices('He called for the expulsion of the occupation forces.', [['occupation forces', 'author']]);
    expectVoices('To call the group a proxy is to say that Iran decides.', [['Iran decides', 'author'], ['a proxy', 'author']]);
    expectVoices('The official called it "a massacre" and said the Israeli occupation was responsible.', [
      ['Israeli occupation', 'attributed'], ['and said', 'author'],
    ]);
  });

  it('reads the object of "condemn", "denounce", "blame", "demand"', () => {
    expectVoices('Iran condemned the occupation forces.', [['occupation forces', 'attributed'], ['Iran condemned', 'author']]);
    expectVoices('Tehran denounced the Zionist regime and its crimes.', [['Zionist regime', 'attributed']]);
    expectVoices('Washington blames Iran-backed militias for the drone attack.', [['Iran-backed militias', 'attributed']]);
    expectVoices('Hamas demanded the full withdrawal of occupation troops; Israel has rejected both.', [
      ['occupation troops', 'attributed'], ['Israel has rejected', 'author'],
    ]);
    expectVoices('Iran condemned it. The Zionist regime struck again.', [['Zionist regime', 'author']]);
  });

  it('reads the object of "describe/see/present/designate … as" unless it is a pronoun', () => {
    expectVoices('He described the US Navy as an occupier of the seas.', [['US Navy', 'attributed'], ['an occupier', 'attributed']]);
    expectVoices('Western diplomats see the group as a front for pro-Iran factions.', [['pro-Iran factions', 'attributed']]);
    expectVoices('Israel presents the war in Gaza as a front against Iran.', [['against Iran', 'attributed']]);
    expectVoices('The U.S. has designated Nujaba as a terrorist organization.', [['terrorist organization', 'attributed']]);
    expectVoices('The militias struck a base, describing it as a response.', [['describing it', 'author'], ['a response', 'attributed']]);
  });

  it('reads the accused as the accuser\'s unless the outlet glosses it with an appositive', () => {
    expectVoices('Critics accuse Israel of collective punishment.', [['Israel', 'attributed']]);
    expectVoices('Austin accused Nujaba, another pro-Iranian group, of attacks.', [['pro-Iranian group', 'author']]);
  });

  it('reads a passive framing with an agent, not an agentless one', () => {
    expectVoices('Hamas, which is considered a terrorist organization by the United States, runs Gaza.', [
      ['terrorist organization', 'attributed'], ['the United States', 'author'],
    ]);
    expectVoices('The attacks are seen as a response to the Zionist aggression.', [['Zionist aggression', 'author']]);
  });

  it('reads "urged X to …" and "ordered X to …"', () => {
    expectVoices('Lawmakers urged Biden to hit Iran directly.', [['hit Iran', 'attributed'], ['urged Biden', 'author']]);
  });

  it('reads sentence-initial perspective adjuncts ("In Tehran\'s state media, …", "To them …")', () => {
    expectVoices("In Tehran's state media, the attackers are the Iraqi resistance.", [['Iraqi resistance', 'attributed']]);
    expectVoices('In Israeli newspapers they are Iran\'s proxies.', [["Iran's proxies", 'attributed']]);
    expectVoices('To them the groups are Tehran\'s proxies.', [["Tehran's proxies", 'attributed']]);
    expectVoices('In a statement, the group claimed the attack on the occupation base.', [['occupation base', 'author']]);
    expectVoices('In recent weeks the Iran-backed militias struck again.', [['Iran-backed militias', 'author']]);
  });

  it('keeps the outlet\'s discourse "is to say that" / "fair to say that" author', () => {
    expectVoices('To call it resistance is to say that the US troops are occupiers.', [['US troops are occupiers', 'author']]);
    expectVoices('It is fair to say that the militias are Iran-backed.', [['Iran-backed', 'author']]);
    expectVoices('He went on to say that the militias are Iran-backed.', [['Iran-backed', 'attributed']]);
  });
});

describe('scope of reported speech', () => {
  it('ends a clause at a trailing concessive adjunct ("…, despite …", "…, even as …")', () => {
    expectVoices('The group warned that a hot winter awaits them, despite the truce between Hamas and Israel.', [
      ['a hot winter awaits them', 'attributed'], ['truce between Hamas and Israel', 'author'],
    ]);
    expectVoices('The regime has failed, analysts say, despite the support of the Great Satan.', [['Great Satan', 'author']]);
    expectVoices('He said, despite the truce, the occupiers would pay.', [['the occupiers would pay', 'attributed']]);
    expectVoices('Officials say they will not help, even as they ship bombs to Israel.', [['bombs to Israel', 'author']]);
  });

  it('lets "according to" a source of figures back only the figure phrase before it', () => {
    expectVoices('Israel launched its offensive after Hamas militants attacked, killing about 1,200 people, according to Israeli tallies.', [
      ['Hamas militants', 'author'], ['killing about 1,200 people', 'attributed'],
    ]);
    expectVoices('More than 26,000 Palestinians have been killed, according to the health ministry.', [['Palestinians', 'attributed']]);
  });

  it('reads a number with thousands separators as one word', () => {
    expectVoices('At least 20,900 Palestinians were killed, the ministry said.', [['Palestinians', 'attributed']]);
  });

  it('keeps an appositive after a trailing source author', () => {
    expectVoices('The state killed 28,500 Palestinians, according to the ministry, a formula never applied to the Israeli army.', [
      ['Palestinians', 'attributed'], ['Israeli army', 'author'],
    ]);
  });

  it('splits a sentence at a semicolon when the next part has its own cue, and continues otherwise', () => {
    expectVoices('The IDF says it killed 8,000 Hamas fighters; the Hamas-run ministry says 23,000 Palestinians died.', [
      ['Hamas fighters', 'attributed'], ['Hamas-run', 'author'], ['Palestinians', 'attributed'],
    ]);
    expectVoices('He said the attacks would go on; the occupation forces must leave.', [['occupation forces', 'attributed']]);
    expectVoices('The militias fired rockets; the occupation forces were hit.', [['occupation forces', 'author']]);
  });

  it('keeps the outlet\'s narration author even with a say-verb far away', () => {
    const text = 'The Iran-backed militias have fired rockets at US bases for months, and on Tuesday the Pentagon, '
      + 'which rarely comments, finally said nothing.';
    expectVoices(text, [['Iran-backed militias', 'author'], ['US bases', 'author']]);
    expectVoices('The Iran-backed militias, which the Pentagon said fired the rockets, are armed.', [['Iran-backed militias', 'author']]);
  });
});

describe('colon-introduced, dash and headline quotations', () => {
  it('reads "said:" with or without marks as a quotation', () => {
    expectVoices('The group said: The occupation forces will be expelled.', [['occupation forces', 'quoted'], ['The group said', 'author']]);
    expectVoices('The group said: "The occupation forces will be expelled."', [['occupation forces', 'quoted']]);
    expectVoices('The group said: the occupation forces would be expelled.', [['occupation forces', 'attributed']]);
    expectVoices('The statement read: The Zionist entity will fall.', [['Zionist entity', 'quoted']]);
  });

  it('reads the paragraph after "X said:" as quoted, and nothing before the tag as reported', () => {
    const text = 'In a statement, the group said:\n\nThe occupation forces will be expelled. The Zionist entity will fall.\n\n'
      + 'The Iran-backed militias are armed.';
    expectVoices(text, [
      ['In a statement', 'author'], ['occupation forces', 'quoted'], ['Zionist entity', 'quoted'], ['Iran-backed militias', 'author'],
    ]);
  });

  it('reads em-dash quotations of translated text', () => {
    expectVoices('The commander said: — The occupation forces will be expelled.', [['occupation forces', 'quoted']]);
    expectVoices('— The occupation forces will be expelled, — the commander said. — The Zionist entity will fall.', [
      ['occupation forces', 'quoted'], ['the commander said', 'author'], ['Zionist entity', 'quoted'],
    ]);
    expectVoices('The militias — backed by Iran — fired at the occupation forces.', [['occupation forces', 'author']]);
  });

  it('reads headline quotations, with marks or after a speaker and a colon', () => {
    expectVoices('"Fire awaits the occupiers," says Iraqi militia\n\nThe Iran-backed militias fired rockets.', [
      ['occupiers', 'quoted'], ['Iran-backed militias', 'author'],
    ]);
    expectVoices("'Occupiers will pay': Iraqi group threatens US forces\n\nThe militias fired rockets.", [['Occupiers', 'quoted']]);
    expectVoices('Sanaa: The American and British enemy is the aggressor\n\nThe Houthis fired missiles.', [
      ['American and British enemy', 'attributed'], ['The Houthis', 'author'],
    ]);
    expectVoices('Analysis: The Iran-backed militias are changing\n\nText.', [['Iran-backed militias', 'author']]);
  });

  it('reads a quotation right after a cue as the speaker\'s, not as scare quotes', () => {
    // The span before the mark is reported speech, so analyze.ts does not take the quotation for a scare quote.
    const text = 'The group claimed the attack, describing the base as "an occupation base".';
    const at = text.indexOf('"an');
    expect(voiceAt(findVoiceSpans(text, roughSentences(text)), at - 1, at)).toBe('attributed');
  });
});
