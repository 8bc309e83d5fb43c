import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { TermSuggester } from '../../src/suggest/suggest.js';
import { ENGLISH_STOPWORDS, loadStopwords } from '../../src/text/stopwords.js';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { suggestionsYaml } from '../../src/cli/suggest.js';
import type { Document } from '../../src/types.js';

const compiled = compileLexicon(loadLexicons(['lexicons/conflict.yml']));

function doc(id: string, outlet: string, text: string): Document {
  return { id, outlet, text, source: { file: 'mem' }, meta: {} };
}

function corpus(): Document[] {
  const docs: Document[] = [];
  for (let i = 0; i < 6; i++) {
    docs.push(doc(`a${i}`, 'Outlet A', `The usurper army shelled the town again, residents said. Iran-backed militias were blamed by officials. The usurper army denied it.`));
    docs.push(doc(`b${i}`, 'Outlet B', `Officials said the town was shelled overnight. Iran-backed militias denied any role. Residents counted the damage in the town.`));
  }
  return docs;
}

describe('lexicon suggest', () => {
  it('finds the phrase one outlet keeps using and leaves covered labels and stop words out', () => {
    const s = new TermSuggester({ stopwords: ENGLISH_STOPWORDS, minCount: 3 });
    const docs = corpus();
    const analyses = docs.map((d) => analyzeDocument(d, compiled));
    docs.forEach((d, i) => s.add(d, analyses[i]));
    const result = s.result();
    docs.forEach((d, i) => s.collectExamples(result, d, analyses[i]));
    const terms = result.suggestions.map((x) => x.term);
    expect(terms).toContain('usurper army');
    // "usurper" and "army" alone are only ever inside the phrase: the phrase is suggested, not its words.
    expect(terms).not.toContain('usurper');
    // "Iran-backed militias" is a lexicon label: covered words are never suggested.
    expect(terms.some((t) => t.includes('militias') || t.includes('iran-backed'))).toBe(false);
    expect(terms.some((t) => /^(the|by|were) | (the|by|were)$/.test(t))).toBe(false);
    const usurper = result.suggestions.find((x) => x.term === 'usurper army')!;
    expect(usurper.keyFor[0]).toMatchObject({ outlet: 'Outlet A', count: 12, restCount: 0 });
    expect(usurper.examples).toHaveLength(3);
    expect(usurper.examples[0].context).toContain('[[usurper army]]');
    const yaml = parseYaml(suggestionsYaml(result, ['conflict 1.2.0']));
    expect(yaml.suggestions.find((x: { term: string }) => x.term === 'usurper army').label).toMatchObject({ id: 'usurper-army', patterns: ['usurper army'], weight: null });
  });

  it('keeps a phrase inside one stretch of text and prunes rare terms past its memory bound', () => {
    const s = new TermSuggester({ stopwords: new Set(), maxTerms: 10 });
    const terms = [...s.terms({ text: 'usurper army. shelled, town' }, { hits: [], names: [], devices: [] })].map((t) => t.term);
    expect(terms).toEqual(['usurper', 'usurper army', 'army', 'shelled', 'town']);
    s.add({ outlet: 'A', text: 'one two three four five six seven eight nine ten eleven twelve' }, { hits: [], names: [], devices: [], words: 12 });
    expect(s.result().prunings).toBe(1);
  });

  it('reads stop word lists', () => {
    expect(loadStopwords('none').size).toBe(0);
    expect(loadStopwords('en').has('the')).toBe(true);
    expect(() => loadStopwords('no/such/file.txt')).toThrow(/cannot read the stop word file no\/such\/file\.txt: ENOENT/);
  });
});
