/**
 * A label word that may be an adjective ("militant", "terrorist") before a person's name is a noun: the person is a
 * member of the group (gold README C-MEMBERS), as "Hamas fighter Ahmed Ali" is. Made-up sentences (session 23; the
 * class was found in batch as's dev half, "Hezbollah militant Salim Ayyash").
 */
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { analyzeDocument } from '../../src/analysis/analyze.js';

const compiled = compileLexicon(loadLexicons(['lexicons/conflict.yml']));

function labels(text: string) {
  return analyzeDocument({ id: 'made-up', text, outlet: 'Test', title: '', source: { file: 'made-up.txt' } } as never, compiled)
    .hits.filter((h) => h.category === 'actor-label')
    .map((h) => `${text.slice(h.start, h.end)}:${h.referent ?? '-'}`);
}

describe('a label word before a person\'s name is a noun (session 23)', () => {
  it('reads the word before a name of two to four words as the label, resolved like any other', () => {
    expect(labels('The court convicted Hezbollah militant Salim Ayyash in absentia.')).toEqual(['militant:armed-groups']);
    expect(labels('Hamas fired rockets. Israel killed the terrorist Yahya Sinwar in Rafah.')).toContain('terrorist:palestinians');
    expect(labels('Hamas fired rockets. Later the militant Mohammed Deif al-Masri was killed.')).toContain('militant:palestinians');
    expect(labels('The militant Ali Hassan said the group would fight.')).toEqual(['militant:-']);
  });

  it('keeps the adjective before nationalities, sects, a name of the lexicon, a body\'s name and after a hyphen', () => {
    expect(labels('They fought militant Shiite Muslims in Iraq.')).toEqual([]);
    expect(labels('The militant Islamic Jihad group fired.').filter((l) => l.startsWith('militant:'))).toEqual([]);
    expect(labels('Hamas expelled the less-extremist Palestine Liberation Organization (PLO) in 2007.').filter((l) => l.startsWith('extremist'))).toEqual([]);
    expect(labels('Hamas rivals the militant Popular Front in Gaza.').filter((l) => l.startsWith('militant'))).toEqual([]);
    expect(labels('Extremist Ultra Orthodox parties joined the government.')).toEqual([]);
  });
});
