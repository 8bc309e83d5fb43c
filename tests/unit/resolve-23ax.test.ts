/**
 * Referent resolution class found on batch ax's dev half (session 23, fresh23ax): a bare neutral noun of men right
 * after "any" ("would not deploy any fighters to confront Israel") names no particular men, so whoever the story named
 * before is no antecedent: no label (resolve.ts rule 1b'''), as a bare count is (rule 1b'). A framing word
 * keeps its frame, an of-phrase after the noun still says whose, and the noun elsewhere still resolves. The sentences
 * are made up in the manner of the articles; the first two cases failed before the change.
 */
import { describe, expect, it } from 'vitest';
import { labelHitsOn } from '../helpers/lexicon.js';

const referents = (text: string, surface: string) => labelHitsOn(text, surface).map((h) => h.referent ?? null);

describe('a neutral noun of men after "any" names no one', () => {
  it('reads "any fighters" as no label after a named patron', () => {
    const text = 'Hezbollah fighters fired rockets. Yet the Iranian foreign ministry said that Tehran would not deploy any fighters to confront Israel.';
    // "Hezbollah fighters" keeps its men; "any fighters" is no label (no hit at its offset)
    const at = text.indexOf('any fighters') + 4;
    expect(labelHitsOn(text, 'fighters').filter((h) => h.start === at)).toEqual([]);
    expect(referents(text, 'fighters')).toEqual(['armed-groups']);
  });

  it('the same in other phrasings and orders', () => {
    expect(referents('Hamas militants fired rockets. Any gunmen who approach the fence will be shot, the army warned.', 'gunmen')).toEqual([]);
    expect(referents('The Houthi rebels seized a ship. The navy said it had not seen any fighters on board.', 'fighters')).toEqual([]);
  });

  it('keeps the noun elsewhere and after an of-phrase', () => {
    expect(referents('Hezbollah fired rockets. Later the fighters withdrew.', 'fighters')).toEqual(['armed-groups']);
    expect(referents('Hamas fired rockets. Israel said it would strike any terrorists in Gaza.', 'terrorists')).toEqual(['palestinians']);
  });
});
