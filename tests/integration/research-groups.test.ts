/**
 * Groups of outlets on a multi-outlet corpus (the seed articles and the fixture articles: 34 outlets, analyzed by
 * the real pipeline): the group test must find a difference planted in the texts of one group, must not find one
 * where none was planted, and over 200 random splits of the outlets must reject at about the nominal rate.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocAnalysis, Document } from '../../src/types.js';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import { compileLexicon, type CompiledLexicon } from '../../src/lexicon/compile.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { readCorpus } from '../../src/corpus/read.js';
import { defaultLexiconPath } from '../../src/paths.js';
import { buildReport } from '../../src/report/build.js';
import { buildContrasts } from '../../src/stats/contrasts.js';
import { summarizeDocument } from '../../src/stats/document-summary.js';
import { seededRandom } from '../../src/stats/rng.js';

let compiled: CompiledLexicon;
let documents: Document[];
let analyses: DocAnalysis[];
let outlets: string[];

beforeAll(async () => {
  compiled = compileLexicon(loadLexicons([defaultLexiconPath()]));
  documents = (await readCorpus(['corpus/seeds', 'tests/fixtures/articles'])).documents;
  analyses = documents.map((d) => analyzeDocument(d, compiled));
  outlets = [...new Set(documents.map((d) => d.outlet))];
}, 60_000);

/** A random half of the outlets (seeded). */
function split(seed: number): Set<string> {
  const random = seededRandom(seed);
  const shuffled = [...outlets];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return new Set(shuffled.slice(0, Math.floor(shuffled.length / 2)));
}

describe('group contrasts on a multi-outlet corpus', () => {
  it('has enough outlets to test groups', () => {
    expect(outlets.length).toBeGreaterThanOrEqual(30);
  });

  it('finds a difference planted in the texts of one group, and none for a referent left alone', () => {
    const groupA = split(7);
    // Every article of group A gains two paragraphs in its own voice that calls the armed groups by legitimizing labels.
    const planted = documents.map((d) => (groupA.has(d.outlet)
      ? { ...d, text: `${d.text}\n\nThe anti-terror fighters of the Iraqi resistance, the shrine defenders, held their ground.\n\nThe Iraqi resistance and its anti-terror fighters, shrine defenders all, pressed on.\n` }
      : d));
    const plantedAnalyses = planted.map((d) => analyzeDocument(d, compiled));
    const groups = { plant: Object.fromEntries(outlets.map((o) => [o, groupA.has(o) ? 'A' : 'B'])) };
    const report = buildReport({ documents: planted, analyses: plantedAnalyses, skipped: [], lexicon: compiled.lexicon },
      { resamples: 300, groups, permutations: 2000, omitHits: true });
    const armed = report.contrasts.find((c) => c.kind === 'groups' && c.referent === 'armed-groups')!;
    expect(armed).toMatchObject({ tested: true, unit: 'outlet', significant: true });
    expect(armed.a.name).toBe(groupA.has(outlets[0]) ? 'A' : 'B');
    const aIsPlanted = armed.a.name === 'A';
    const effect = aIsPlanted ? armed.effect.value! : -armed.effect.value!;
    expect(effect).toBeGreaterThan(0.3);
    const [lo, hi] = armed.effect.ci95!;
    expect(aIsPlanted ? lo : -hi).toBeGreaterThan(0);
    // The same grouping, a referent whose words were not touched: no difference.
    const us = report.contrasts.find((c) => c.kind === 'groups' && c.referent === 'us-forces')!;
    expect(us.tested).toBe(true);
    expect(us.significant).toBe(false);
    // 34 outlets: all pairs would be 561 per referent; the report says why they were not tested.
    expect(report.contrastPlan.skipped[0]).toMatchObject({ what: 'outlet pairs' });
    expect(report.groups[0].groups.map((g) => g.name).sort()).toEqual(['A', 'B']);
  }, 60_000);

  it('rejects at about the nominal rate over 200 random splits of the real outlets (no planted difference)', () => {
    const summaries = analyses.map((a) => summarizeDocument(a, ['author']));
    let tested = 0;
    let rejected = 0;
    for (let k = 0; k < 200; k++) {
      const a = split(1000 + k);
      const groupings = new Map([['random', new Map(outlets.map((o) => [o, a.has(o) ? 'A' : 'B']))]]);
      const r = buildContrasts(summaries, { referents: ['armed-groups'], groupings, outletPairs: 'none', resamples: 10, permutations: 400, seed: k });
      const c = r.contrasts[0];
      if (!c.tested) continue;
      tested++;
      if (c.p! < 0.05) rejected++;
    }
    expect(tested).toBe(200);
    expect(rejected / tested).toBeLessThanOrEqual(0.075);
  }, 120_000);
});
