/**
 * Lexicon class found on batch ax's dev half (session 23, fresh23ax): a backer's compound ("US-backed",
 * "Western-backed", "US-funded") between a state's possessive and an emotive event word ("Israel's US-backed
 * atrocities in Gaza") is a modifier inside the event phrase (class `event-modifier` of lexicons/conflict.yml), so the
 * possessive names the event's agent and is no actor label (gold README "Possessives before an event noun"), as
 * "Israel's brutal atrocities" already was. Before a plain noun ("Israel's US-backed army") the state stays a label.
 * The sentences are made up; the first three cases failed before the change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const labels = (text: string) => madeUpActorHits(text).map((h) => h.text);

describe("a backer's compound inside an emotive event phrase", () => {
  it('reads "Israel\'s US-backed atrocities" as one event phrase, no actor label', () => {
    expect(labels("Attacks followed in response to Israel's US-backed atrocities in Gaza.")).toEqual([]);
  });

  it('the same with other compounds, states and event words', () => {
    expect(labels("Israel's Western-backed genocide in Gaza continues.")).toEqual([]);
    expect(labels("The world watched Israel's US-funded onslaught on Rafah.")).toEqual([]);
    expect(labels("Iran's US-backed crimes were denounced.")).toEqual([]);
  });

  it('keeps the state a label before a plain noun', () => {
    expect(labels("Israel's US-backed army advanced.")).toEqual(['Israel']);
  });
});
