/**
 * Label classes found on batch aq's dev half (session 23, fresh23aq). The sentences are made up in the manner of the
 * articles; each first case failed before its change.
 */
import { describe, expect, it } from 'vitest';
import { madeUpActorHits } from '../helpers/lexicon.js';

const on = (text: string, surface: string) => madeUpActorHits(text).filter((h) => h.text === surface);
const named = (text: string, word: RegExp) => madeUpActorHits(text).filter((h) => word.test(h.text));

describe('"PM" and "FM" are officials\' titles (C-OFFICE, title-noun and adjective-title-noun)', () => {
  it('does not count "Israel’s PM Benjamin Netanyahu"', () => {
    expect(named('Israel’s PM Benjamin Netanyahu and Hamas have denied reports of a truce.', /Israel/)).toEqual([]);
  });
  it('nor the title in other orders and after other sides', () => {
    expect(named('On Sunday Israel PM Netanyahu met the families of hostages.', /Israel/)).toEqual([]);
    expect(named('The plan was rejected, Israel’s PM said on Monday.', /Israel/)).toEqual([]);
    expect(named('Iran’s FM Abbas Araghchi warned against escalation.', /Iran/)).toEqual([]);
    expect(named('Talks stalled after Iran FM Araghchi left Doha.', /Iran/)).toEqual([]);
  });
  it('keeps the state where "pm" is a time of day or no title follows the name', () => {
    expect(named('Israel’s 10 pm deadline for the evacuation passed quietly.', /Israel/)).toHaveLength(1);
    expect(named('Sirens sounded across Israel at 9 pm on Friday.', /Israel/)).toHaveLength(1);
    expect(named('Israel’s prime military goal is the return of the hostages.', /Israel/)).toHaveLength(1);
  });
});

describe('"settler", "settlement", "settler-colonial" between the side and "occupation" (occupation-epithet)', () => {
  it('counts "the Zionist settler occupation forces" as Israel', () => {
    expect(on('Algeria condemned the Zionist settler occupation forces carrying out operations in Rafah.', 'Zionist settler occupation forces'))
      .toMatchObject([{ referent: 'israel', weight: -2 }]);
  });
  it('counts the other epithets, with and without a force noun, in other orders', () => {
    expect(on('It said the Israeli settlement occupation is continuing its plans.', 'Israeli settlement occupation')).toMatchObject([{ referent: 'israel', weight: -1 }]);
    expect(on('For decades Israel’s settler-colonial occupation has denied them their land.', 'Israel’s settler-colonial occupation')).toMatchObject([{ referent: 'israel' }]);
    expect(on('The Zionist illegal occupation must end, the minister said.', 'Zionist illegal occupation')).toMatchObject([{ referent: 'israel', weight: -2 }]);
    expect(on('Residents fled as Zionist settler occupation troops stormed the camp.', 'Zionist settler occupation troops')).toMatchObject([{ referent: 'israel', weight: -2 }]);
  });
  it('leaves settlers and settlements without "occupation" unannotated', () => {
    expect(named('Israeli settlers attacked the village at dawn.', /settler/)).toEqual([]);
    expect(named('The Israeli settlement expansion drew condemnation.', /settlement/)).toEqual([]);
  });
});
