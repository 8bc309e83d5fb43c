/**
 * Made-up sentences for two label classes of batch x (lexicon 1.3.37): a name's label whose framing word stands as an
 * adjective before a place, equipment or weapon ("Houthi rebel targets": targets named after a side, devset traps), and
 * the US military coordinated with an ally's ("The US and British militaries": one mention of the US side).
 */
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { tokenize } from '../../src/nlp/nlp.js';
import { findMatches } from '../../src/analysis/match.js';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import type { LabelEntry } from '../../src/types.js';

const compiled = compileLexicon(loadLexicons(['lexicons/conflict.yml']));

function labelsIn(text: string) {
  const tok = tokenize(text);
  return findMatches(text, tok.units, compiled)
    .filter((m) => m.entry.kind === 'label' && (m.entry as LabelEntry).category === 'actor-label')
    .map((m) => ({ text: text.slice(m.start, m.end), id: m.entry.id, referent: (m.entry as LabelEntry).referent }));
}

function actorHits(text: string) {
  return analyzeDocument({ id: 'made-up', text, outlet: 'Test', title: '', source: { file: 'made-up.txt' } } as never, compiled)
    .hits.filter((h) => h.category === 'actor-label' && h.referent)
    .map((h) => ({ text: text.slice(h.start, h.end), referent: h.referent }));
}

describe('a framing adjective before a thing: the thing is named after the side, no label (1.3.37)', () => {
  it('drops "Houthi rebel" before a place or a weapon, in every inflection of the thing', () => {
    for (const s of [
      'Jets bombed Houthi rebel targets near the port.',
      'Warships shelled Houthi rebel positions on the coast.',
      'The strikes hit a Houthi rebel base and two Houthi rebel sites.',
      'Drones struck Houthi rebel facilities overnight.',
      'Officials said Houthi rebel boats had approached the tanker.',
    ]) expect(labelsIn(s), s).toEqual([]);
  });

  it('keeps the name\'s baseline when the framing word is "militant" before a place', () => {
    expect(actorHits('Aircraft struck Hamas militant positions in the north.')).toEqual([{ text: 'Hamas', referent: 'palestinians' }]);
    expect(actorHits('Aircraft struck Hamas militant camps in the north.')).toEqual([{ text: 'Hamas', referent: 'palestinians' }]);
  });

  it('keeps the label where the word is a noun: plural, before a verb, before a group noun', () => {
    expect(labelsIn('Houthi rebels attacked a tanker.').map((l) => l.text)).toEqual(['Houthi rebels']);
    expect(labelsIn('A Houthi rebel said the tanker was hit.').map((l) => l.text)).toEqual(['Houthi rebel']);
    expect(labelsIn('Yemen\'s Houthi rebel group fired a missile.').map((l) => l.text)).toEqual(['Houthi rebel group']);
    expect(labelsIn('Houthi rebel fighters seized the ship.').map((l) => l.text)).toEqual(['Houthi rebel fighters']);
  });

  it('reads an -s form followed by an object as the verb: the label stays', () => {
    expect(labelsIn('A Houthi rebel targets the tanker.').map((l) => l.text)).toEqual(['Houthi rebel']);
  });
});

describe('the US military coordinated with an ally\'s: one mention of the US side (1.3.37)', () => {
  it('reads "the US and British militaries" and its spelling variants as one us-forces mention', () => {
    for (const [s, phrase] of [
      ['The US and British militaries bombed sites in the north.', 'US and British militaries'],
      ['The U.S. and British military struck radar sites.', 'U.S. and British military'],
      ['American and UK militaries hit launch sites.', 'American and UK militaries'],
      ['US and allied militaries intercepted the drones.', 'US and allied militaries'],
    ]) expect(actorHits(s), s).toEqual([{ text: phrase, referent: 'us-forces' }]);
  });

  it('leaves officials of the two militaries to the military-adjective rule: no actor', () => {
    expect(actorHits('The attack was confirmed by US and British military officials.')).toEqual([]);
  });
});

describe('an emotive event word with a date or an article before the name: the event names the agent (1.3.37)', () => {
  function eventsAndLabels(text: string) {
    return analyzeDocument({ id: 'made-up', text, outlet: 'Test', title: '', source: { file: 'made-up.txt' } } as never, compiled)
      .hits.filter((h) => (h.category === 'actor-label' && h.referent) || h.category === 'event')
      .map((h) => `${h.category}:${text.slice(h.start, h.end)}`);
  }

  it('reads the possessive, the date and the atrocity word as one event, in AP and British date forms', () => {
    expect(eventsAndLabels('Since Hamas’s October 7 massacre, the town has been empty.')).toEqual(['event:Hamas’s October 7 massacre']);
    expect(eventsAndLabels('Since Hamas’s Oct. 7 massacre, the town has been empty.')).toEqual(['event:Hamas’s Oct. 7 massacre']);
    expect(eventsAndLabels("Since Hamas's 7 October atrocities, the town has been empty.")).toEqual(["event:Hamas's 7 October atrocities"]);
  });

  it('reads "the initial Hamas rampage" and "the bloody Hamas rampage" as the event, the name no mention', () => {
    expect(eventsAndLabels('Most died in the initial Hamas rampage into the town.')).toEqual(['event:the initial Hamas rampage']);
    expect(eventsAndLabels('Most died in the bloody Hamas rampage.')).toEqual(['event:the bloody Hamas rampage']);
  });

  it('keeps the name a mention before a plain event noun and before the verb', () => {
    expect(eventsAndLabels("Since Hamas's October 7 assault, the town has been empty.")).toContain('actor-label:Hamas');
    expect(eventsAndLabels('Hamas rampaged through the town.')).toEqual(['actor-label:Hamas']);
  });
});

describe('split mentions probed with made-up phrases: one phrase stays one mention (1.3.37)', () => {
  it('reads two compound modifiers parted by a comma before a name and its noun as one noun phrase', () => {
    for (const [s, phrase, referent] of [
      ['The Iran-backed, Lebanon-based Hezbollah fighters crossed the line.', 'Iran-backed, Lebanon-based Hezbollah fighters', 'armed-groups'],
      ['The Iran-backed, Yemen-based Houthi rebels fired again.', 'Iran-backed, Yemen-based Houthi rebels', 'armed-groups'],
      ['The Iran-backed, Gaza-based Hamas militants fired rockets.', 'Iran-backed, Gaza-based Hamas militants', 'palestinians'],
      ['Iranian-backed, Shia-led militias shelled the base.', 'Iranian-backed, Shia-led militias', 'armed-groups'],
    ]) expect(actorHits(s), s).toEqual([{ text: phrase, referent }]);
  });

  it('keeps a comma before a noun phrase of its own or a clause apart', () => {
    expect(actorHits('The group is Iran-backed, US forces said.')).toEqual([{ text: 'US forces', referent: 'us-forces' }]);
  });

  it('reads the force named with the state\'s possessive and its acronym in brackets as one mention', () => {
    expect(actorHits('Israel’s Defense Forces (IDF) said no one was hurt.')).toEqual([{ text: 'Israel’s Defense Forces (IDF)', referent: 'israel' }]);
    expect(actorHits("Israel's Defence Forces said no one was hurt.")).toEqual([{ text: "Israel's Defence Forces", referent: 'israel' }]);
  });
  it('reads a name with its gloss in brackets between a patron modifier and the noun as one mention (1.3.45)', () => {
    for (const [s, phrase] of [
      ['Strikes hit the Iran-aligned Popular Mobilization Forces (PMF) militias.', 'Iran-aligned Popular Mobilization Forces (PMF) militias'],
      ['Strikes hit the Iran-backed Ansar Allah (Houthi) militia.', 'Iran-backed Ansar Allah (Houthi) militia'],
      ['The pro-Iran Kataib Hezbollah (KH) militia claimed the attack.', 'pro-Iran Kataib Hezbollah (KH) militia'],
    ]) expect(actorHits(s), s).toEqual([{ text: phrase, referent: 'armed-groups' }]);
  });

  it('reads a singular irregular noun before the head noun as part of the compound (1.3.45)', () => {
    for (const [s, phrase] of [
      ["Tensions rose with Yemen's Iranian-backed Ansar Allah (Houthi) rebel militia in the Red Sea.", 'Iranian-backed Ansar Allah (Houthi) rebel militia'],
      ['The Iran-backed Kataib Hezbollah rebel group fired.', 'Iran-backed Kataib Hezbollah rebel group'],
    ]) expect(actorHits(s), s).toEqual([{ text: phrase, referent: 'armed-groups' }]);
  });

  it('keeps a bracket of lowercase words, or a gloss followed by a verb, outside the phrase', () => {
    expect(actorHits('The Iran-backed (and feared) militias struck.').length, 'lowercase aside').toBe(2);
    expect(actorHits('Officials blamed Iran-backed militias (PMF) for the attack.')).toEqual([{ text: 'Iran-backed militias', referent: 'armed-groups' }]);
  });
});
