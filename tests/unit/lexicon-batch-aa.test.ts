/**
 * Made-up sentences for the label classes of batch aa (session 19, fresh19aa; lexicon 1.3.40): classes found in the
 * batch's dev half and classes left from earlier batches. Never a real article's text.
 */
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { analyzeDocument } from '../../src/analysis/analyze.js';

const compiled = compileLexicon(loadLexicons(['lexicons/conflict.yml']));

function actorHits(text: string) {
  return analyzeDocument({ id: 'made-up', text, outlet: 'Test', title: '', source: { file: 'made-up.txt' } } as never, compiled)
    .hits.filter((h) => h.category === 'actor-label')
    .map((h) => ({ text: text.slice(h.start, h.end), referent: h.referent, weight: h.weight }));
}

describe('the members of a body named by a framing label: one mention (match.ts ofPhrase)', () => {
  it('joins a framing member noun to a framing body label with its article, weighing the sum', () => {
    expect(actorHits('The raid was carried out by militants of the Iranian-backed Palestinian Islamist group Hamas.')).toEqual([
      { text: 'militants of the Iranian-backed Palestinian Islamist group', referent: 'palestinians', weight: -2 },
      { text: 'Hamas', referent: 'palestinians', weight: 0 },
    ]);
    expect(actorHits('Terrorists of the Iran-backed militia fired at the base.')).toEqual([
      { text: 'Terrorists of the Iran-backed militia', referent: 'armed-groups', weight: -2 },
    ]);
    expect(actorHits('Militants of the Tehran-backed Shiite militia fired at the base.')).toEqual([
      { text: 'Militants of the Tehran-backed Shiite militia', referent: 'armed-groups', weight: -2 },
    ]);
    expect(actorHits('Terrorists of the extremist Palestinian group Hamas fired rockets.')).toEqual([
      { text: 'Terrorists of the extremist Palestinian group', referent: 'palestinians', weight: -2 },
      { text: 'Hamas', referent: 'palestinians', weight: 0 },
    ]);
  });

  it('joins two context labels and leaves the referent to context, and a name after the body is the body\'s', () => {
    const hits = actorHits('Hezbollah fired rockets. Militants from the Iran-backed Islamist group attacked a post.');
    expect(hits.map((h) => h.text)).toEqual(['Militants from the Iran-backed Islamist group']);
    expect(hits[0].weight).toBe(-2);
    expect(actorHits('Militants of the Iran-backed militant group Hamas attacked.')[0]).toEqual(
      { text: 'Militants of the Iran-backed militant group', referent: 'palestinians', weight: -2 });
  });

  it('keeps an adversary noun apart', () => {
    expect(actorHits('The enemies of the terrorist group Hamas celebrated.').map((h) => h.text))
      .toEqual(['The enemies', 'terrorist group', 'Hamas']);
  });
});

describe('a patron tie written without its -ed inside a hyphenated compound (match.ts misspeltTie)', () => {
  it('reads "Iran-back militant groups" as "Iran-backed militant groups", one mention, with either hyphen', () => {
    expect(actorHits('Attacks by Iran-back militant groups rose sharply.')).toEqual([
      { text: 'Iran-back militant groups', referent: 'armed-groups', weight: -2 },
    ]);
    expect(actorHits('Attacks by Iran–back militant groups rose sharply.').map((h) => h.text)).toEqual(['Iran–back militant groups']);
    expect(actorHits('The Iranian-back Houthis fired again.').map((h) => h.referent)).toEqual(['armed-groups']);
    expect(actorHits('Tehran-align militias struck the base.').map((h) => h.text)).toEqual(['Tehran-align militias']);
  });

  it('keeps the verb when the words stand apart ("Russia and Iran back militant groups")', () => {
    expect(actorHits('Russia and Iran back militant groups in the region.').map((h) => h.text)).toEqual(['Iran', 'militant groups']);
    expect(actorHits('Russia and Iran support militias in the region.').map((h) => h.text)).toEqual(['Iran', 'militias']);
  });
});

describe('names of Israel and of the people of Gaza (lexicon 1.3.40)', () => {
  it('reads the force\'s name in the singular and the French press\'s periphrasis as neutral mentions of Israel', () => {
    expect(actorHits('The Israeli Defense Force said it struck a launcher.')).toEqual([{ text: 'Israeli Defense Force', referent: 'israel', weight: 0 }]);
    expect(actorHits('The Israeli Defence Force said it struck a launcher.')).toEqual([{ text: 'Israeli Defence Force', referent: 'israel', weight: 0 }]);
    expect(actorHits('The Hebrew state struck targets in Gaza.')).toEqual([{ text: 'Hebrew state', referent: 'israel', weight: 0 }]);
  });

  it('reads the inhabitants of Gaza as the people\'s baseline, as its residents are', () => {
    expect(actorHits('The inhabitants of the Gaza Strip fled south.')).toEqual([{ text: 'inhabitants of the Gaza Strip', referent: 'palestinians', weight: 0 }]);
    expect(actorHits('Gaza\'s inhabitants fled south.')).toEqual([{ text: 'Gaza\'s inhabitants', referent: 'palestinians', weight: 0 }]);
  });
});

describe('"military" as an adjective of images and footage (military-thing-noun)', () => {
  it('reads "US military images" as the force\'s pictures, no mention; the force speaking stays a mention', () => {
    expect(actorHits('US military images showed the damaged launcher.')).toEqual([]);
    expect(actorHits('A US military video showed the strike.')).toEqual([]);
    expect(actorHits('US military footage released on Friday showed the strike.')).toEqual([]);
    expect(actorHits('The US military said it struck the launcher.').map((h) => h.text)).toEqual(['US military']);
  });
});

describe('the patron\'s possessive before "allies" (iran-allies)', () => {
  it('reads "Iran\'s allies", "Tehran\'s Hezbollah allies" as the armed groups, one mention as "Iran\'s proxies"', () => {
    expect(actorHits('Iran’s allies attacked the base.')).toEqual([{ text: 'Iran’s allies', referent: 'armed-groups', weight: 0 }]);
    expect(actorHits("Tehran's Hezbollah allies vowed revenge.")).toEqual([{ text: "Tehran's Hezbollah allies", referent: 'armed-groups', weight: 0 }]);
    expect(actorHits("Iran's closest regional allies vowed revenge.").map((h) => h.referent)).toEqual(['armed-groups']);
  });

  it("leaves another owner's allies, and the singular, alone", () => {
    expect(actorHits("Israel's allies met in Rome.")).toEqual([{ text: 'Israel', referent: 'israel', weight: 0 }]);
    expect(actorHits("Iran's ally Russia objected.")).toEqual([{ text: 'Iran', referent: 'iran', weight: 0 }]);
  });
});

describe('an s-final possessive apostrophe reads as "\'s" (src/nlp/nlp.ts)', () => {
  it('reads "Hamas\' rampage" as "Hamas\'s rampage", an event naming its agent, no mention', () => {
    expect(actorHits("The war was sparked by Hamas's rampage in southern Israel.").map((h) => h.text)).toEqual(['Israel']);
    expect(actorHits("The war was sparked by Hamas' rampage in southern Israel.").map((h) => h.text)).toEqual(['Israel']);
    expect(actorHits('The war was sparked by Hamas’ rampage in southern Israel.').map((h) => h.text)).toEqual(['Israel']);
  });

  it('keeps a closing quotation mark and an abbreviation as they were', () => {
    expect(actorHits("Hamas' fighters fired rockets.")).toEqual([{ text: "Hamas' fighters", referent: 'palestinians', weight: 0 }]);
    expect(actorHits('The group said the so-called ‘terrorists’ attacked.').map((h) => h.text)).toEqual(['terrorists']);
    expect(actorHits('Drones struck the US’ bases in Iraq.').map((h) => [h.text, h.referent])).toEqual([['US’ bases', 'us-forces']]);
    // A name with the apostrophe inside, and a name that ends in the s-word, stay names.
    expect(actorHits("The Lions' Den claimed the attack, and the militants fled.").map((h) => [h.text, h.referent])).toEqual([['militants', 'palestinians']]);
    expect(actorHits('He condemned the United States’ military attacks on Syria.')).toEqual([]);
  });

  it('reads it after a capitalised article at a sentence start', () => {
    expect(actorHits("The Houthis' rampage went on.")).toEqual(actorHits("The Houthis's rampage went on."));
  });
});
