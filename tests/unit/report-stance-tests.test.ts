/**
 * stanceTests (the outlet-pair section of schema 2) never skips silently: it is the outlet-pair contrasts that were
 * tested, in its old shape, so chosen pairs appear at any number of outlets, and every pair it leaves out is in
 * `contrasts` (tested: false, with the reason) or `contrastPlan.skipped`, which the HTML and Markdown reports print.
 */
import { describe, expect, it } from 'vitest';
import type { DocAnalysis, Document, Hit, Lexicon } from '../../src/types.js';
import { buildReport } from '../../src/report/build.js';
import { stanceTestsTable } from '../../src/report/csv.js';
import { toHtmlReport } from '../../src/report/html.js';

const lexicon: Lexicon = {
  sources: [{ name: 't', version: '1', sha256: 'a'.repeat(64), file: 't.yml' }],
  referents: [{ id: 'g', label: 'Armed groups' }],
  variants: [],
  entries: [],
};

const hit = (weight: number): Hit =>
  ({ label: weight > 0 ? 'resistance' : 'militia', referent: 'g', category: 'actor-label', weight, start: 0, end: 1, text: 'x', sentence: 0, voice: 'author', distanced: false, negated: false, resolution: 'fixed' });

/** `outlets` outlets of 6 documents; the first is plainly positive, the rest negative. */
function corpus(outlets: number) {
  const docs: Document[] = [];
  const analyses: DocAnalysis[] = [];
  for (let o = 0; o < outlets; o++) {
    for (let j = 0; j < 6; j++) {
      const id = `o${o}-${j}`;
      const outlet = `Outlet ${o}`;
      docs.push({ id, outlet, text: 'x', source: { file: `${id}.md` }, meta: {} });
      analyses.push({ id, outlet, words: 100, tokens: 100, sentences: [], voiceSpans: [], hits: [hit(o === 0 ? 2 : -2), hit(o === 0 ? 1 : -1)], names: [], devices: [], warnings: [] });
    }
  }
  return { documents: docs, analyses, skipped: [], lexicon };
}

describe('stanceTests are the tested outlet-pair contrasts', () => {
  it('with 25 outlets and chosen pairs, lists the chosen pairs (they were left out silently above 20 outlets)', () => {
    const report = buildReport(corpus(25), { resamples: 50, permutations: 200, contrasts: [['Outlet 0', 'Outlet 1'], ['Outlet 2', 'Outlet 3']] });
    expect(report.stanceTests.g.map((t) => `${t.a} vs ${t.b}`)).toEqual(['Outlet 0 vs Outlet 1', 'Outlet 2 vs Outlet 3']);
    const contrast = report.contrasts.find((c) => c.kind === 'outlets' && c.a.name === 'Outlet 0')!;
    expect(report.stanceTests.g[0]).toEqual({
      a: 'Outlet 0', b: 'Outlet 1', difference: contrast.effect.value, p: contrast.p, pAdjusted: contrast.pAdjusted,
      significant: contrast.significant, permutations: contrast.permutations,
    });
    expect(report.stanceTests.g[0].significant).toBe(true);
    expect(stanceTestsTable(report).split('\n')).toHaveLength(4);
  });

  it('with 25 outlets by default, tests no pair, and the plan says why and what to do (printed in the HTML report)', () => {
    const report = buildReport(corpus(25), { resamples: 50, permutations: 200 });
    expect(report.stanceTests).toEqual({});
    expect(report.contrastPlan.skipped).toEqual([expect.objectContaining({ what: 'outlet pairs', count: 300 })]);
    const html = toHtmlReport(report);
    expect(html).toMatch(/Not attempted: outlet pairs \(300\): 25 outlets make 300 pairs per referent/);
  });

  it('leaves out the pairs that could not be tested, which contrasts list with the reason', () => {
    const c = corpus(3);
    // Outlet 2 keeps one document: against it no deal can give p < 0.05.
    const keep = c.documents.map((d) => d.outlet !== 'Outlet 2' || d.id === 'o2-0');
    const report = buildReport({ ...c, documents: c.documents.filter((_, i) => keep[i]), analyses: c.analyses.filter((_, i) => keep[i]) }, { resamples: 50, permutations: 200 });
    expect(report.stanceTests.g.map((t) => `${t.a} vs ${t.b}`)).toEqual(['Outlet 0 vs Outlet 1']);
    const untested = report.contrasts.filter((c) => c.kind === 'outlets' && !c.tested);
    expect(untested.map((c) => `${c.a.name} vs ${c.b.name}`)).toEqual(['Outlet 0 vs Outlet 2', 'Outlet 1 vs Outlet 2']);
    for (const c of untested) expect(c.reason).toMatch(/\S/);
    expect(toHtmlReport(report)).toContain(`not tested: ${untested[0].reason}`);
  });
});
