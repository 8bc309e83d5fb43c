/**
 * A word with a possessive 's is read the same in every document of a thread (session 19, fresh19aa). wink-nlp splits
 * the 's off a word it has not met ("Freedonia’s escalation": "Freedonia" + "’s") but keeps it on a word before a
 * right punctuation ("as strong as Freedonia’s."), and then keeps the whole form in its token cache: every later
 * "Freedonia’s escalation" of the thread, in any document, was one token no pattern knows. The devset eval showed it
 * ("stop Israel’s escalation" was a hit when its document was read first, a miss after another document's "like
 * Israel’s."). The unit table now always splits the 's off.
 */
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { tokenize } from '../../src/nlp/nlp.js';
import { analyzeDocument } from '../../src/analysis/analyze.js';

const compiled = compileLexicon(loadLexicons(['lexicons/conflict.yml']));

function unitsOf(text: string): string[] {
  const { units } = tokenize(text);
  return Array.from({ length: units.count }, (_, i) => units.normal[i]);
}

function actorHits(text: string) {
  return analyzeDocument({ id: 'made-up', text, outlet: 'Test', title: '', source: { file: 'made-up.txt' } } as never, compiled)
    .hits.filter((h) => h.category === 'actor-label' && h.referent)
    .map((h) => ({ text: text.slice(h.start, h.end), referent: h.referent }));
}

describe("a possessive 's is its own unit whatever the thread read before", () => {
  it('splits the curly and the straight form before a right punctuation and after it was cached', () => {
    // Made-up names, so that no earlier test of the thread can have put them in wink's cache.
    expect(unitsOf('Its army is as strong as Zembla’s.')).toEqual(['its', 'army', 'is', 'as', 'strong', 'as', 'zembla', "'s"]);
    expect(unitsOf('They fear Zembla’s escalation.')).toEqual(['they', 'fear', 'zembla', "'s", 'escalation']);
    expect(unitsOf("Its army is as strong as Ruritania's.")).toEqual(['its', 'army', 'is', 'as', 'strong', 'as', 'ruritania', "'s"]);
    expect(unitsOf("They fear Ruritania's escalation.")).toEqual(['they', 'fear', 'ruritania', "'s", 'escalation']);
  });

  it("splits the last part of a hyphenated word and counts the 's as a word and a token, as wink does", () => {
    expect(unitsOf('the Freedonia-Sylvania’s war')).toEqual(['the', 'freedonia', 'sylvania', "'s", 'war']);
    const first = tokenize('They fear Latveria’s escalation.');
    const cached = tokenize('As strong as Latveria’s. They fear Latveria’s escalation.');
    expect(first.words).toBe(5);
    expect(cached.words).toBe(10);
    expect(tokenize('They fear Latveria’s escalation.').tokens).toBe(first.tokens);
  });

  it("keeps a state's name in the possessive a label in a document read after one that ends a sentence with it", () => {
    const later = 'Egypt urged the council to stop Israel’s escalation, the statement read.';
    expect(actorHits('Lebanon lacks a modern army like Israel’s.')).toEqual([{ text: 'Israel', referent: 'israel' }]);
    expect(actorHits(later)).toEqual([{ text: 'Israel', referent: 'israel' }]);
    expect(actorHits("Its drones are as good as Iran's.")).toEqual([{ text: 'Iran', referent: 'iran' }]);
    expect(actorHits("Analysts weighed Iran's allies and Iran's options.").map((h) => h.text)).toContain('Iran');
  });
});
