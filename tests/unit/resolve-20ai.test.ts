/**
 * Referent resolution classes found on the dev halves and in dev reading (session 20, round 2, fresh20ai): an
 * apposition coordinated with a bare noun ("a Shia Islamist political party and militant group"), and a label owned
 * by a possessive pronoun ("his regime"), whose owner — the person named before it — decides. The sentences are made
 * up in the manner of the articles; each case failed before the change.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import type { Document, Hit } from '../../src/types.js';

const lexicon = compileLexicon(loadLexicons(['lexicons/conflict.yml']));
const doc = (text: string): Document => ({ id: 'd', outlet: 'o', text, source: { file: 't' }, meta: {} });
const hitsOf = (text: string, surface: string): Hit[] =>
  analyzeDocument(doc(text), lexicon).hits.filter((h) => h.text === surface && h.category === 'actor-label');
const hit = (text: string, surface: string): Hit => {
  const found = hitsOf(text, surface);
  if (found.length === 0) throw new Error(`no hit "${surface}" in: ${text}`);
  return found[found.length - 1];
};

describe('an apposition coordinated with a bare noun still describes the name before its comma', () => {
  it('reads "Hezbollah, a Shia Islamist political party and militant group," as Hezbollah', () => {
    const text = 'Hamas fired rockets on Friday. Hezbollah, a Shia Islamist political party and militant group, fired drones.';
    expect(hit(text, 'Islamist political party')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('holds with "or", and at the end of the sentence', () => {
    const text = 'Hamas fired rockets on Friday. Hezbollah, a Shia Islamist political party or armed movement.';
    expect(hit(text, 'Islamist political party')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('is no apposition when the coordinated words go on as a clause', () => {
    // "… and its allies said": a subject and its speech verb, not a second noun of the apposition.
    const text = 'Hamas fired rockets. Israel struck Hezbollah, a Shia Islamist political party and its allies said.';
    expect(hit(text, 'Islamist political party').resolution).toBe('unresolved');
  });
});
