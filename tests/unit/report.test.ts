import { describe, expect, it } from 'vitest';
import type { DocAnalysis, Document, Hit, Lexicon } from '../../src/types.js';
import { countByOutlet, emptyOutlet, mergeCounts } from '../../src/stats/aggregate.js';
import { buildReport } from '../../src/report/build.js';
import { csvCell, hitsTable, labelsTable } from '../../src/report/csv.js';
import { mdCell, toMarkdown } from '../../src/report/markdown.js';

const lexicon: Lexicon = {
  sources: [{ name: 't', version: '1', sha256: 'a'.repeat(64), file: 't.yml' }],
  referents: [{ id: 'israel', label: 'Israel' }, { id: 'us-forces', label: 'US forces' }],
  variants: [],
  entries: [],
};

function hit(label: string, referent: string | null, weight: number, extra: Partial<Hit> = {}): Hit {
  return { label, referent, category: 'actor-label', weight, start: 0, end: 1, text: 'x', sentence: 0, voice: 'author', distanced: false, negated: false, resolution: 'fixed', ...extra };
}

function analysis(id: string, outlet: string, hits: Hit[], words = 100): DocAnalysis {
  return { id, outlet, words, tokens: words, sentences: [], voiceSpans: [], hits, names: [], devices: [], warnings: [] };
}

function doc(id: string, outlet: string, text = `text of ${id} with several words that differ ${id}`): Document {
  return { id, outlet, text, source: { file: `${id}.txt` }, meta: {} };
}

describe('mergeable counts', () => {
  it('merging per-document counts equals counting all documents at once', () => {
    const docs = [
      analysis('a', 'O', [hit('zionist', 'israel', -2), hit('israel', 'israel', 0, { voice: 'quoted' })]),
      analysis('b', 'O', [hit('israel', 'israel', 0), hit('zionist', 'israel', -2, { distanced: true }), hit('occ', 'us-forces', -2, { negated: true })]),
      analysis('c', 'O', [hit('regime', null, -1, { resolution: 'unresolved' })]),
    ];
    const whole = countByOutlet(docs).get('O');
    const merged = docs.map((d) => countByOutlet([d]).get('O')!).reduce((acc, c) => mergeCounts(acc, c), emptyOutlet('O'));
    expect(merged).toEqual(whole);
    expect(whole!.referents.israel.voices.author).toEqual({ mentions: 2, score: -1, labels: { zionist: 1, israel: 1 } });
    expect(whole!.referents.israel.distanced).toEqual({ zionist: 1 });
    expect(whole!.referents['us-forces'].negated).toEqual({ occ: 1 });
    expect(whole!.unresolved).toBe(1);
  });
});

describe('buildReport', () => {
  const analyses = [
    analysis('a', 'Alpha', [hit('zionist', 'israel', -2), hit('israel', 'israel', 0), hit('israel', 'israel', 0, { voice: 'quoted' })]),
    analysis('b', 'Alpha', [hit('zionist', 'israel', -2)]),
    analysis('c', 'Beta', [hit('israel', 'israel', 0), hit('zionist', 'israel', -2, { distanced: true })]),
  ];
  const report = buildReport({ documents: analyses.map((a) => doc(a.id, a.outlet)), analyses, skipped: [{ file: 'bad.csv', line: 3, reason: 'broken row' }], lexicon }, { resamples: 200 });

  it('computes author-voice stance, shares, voices and the quoted share', () => {
    const alpha = report.outlets.find((o) => o.outlet === 'Alpha')!;
    const r = alpha.referents.israel;
    expect(r.mentions).toBe(3);
    expect(r.stance).toBeCloseTo((-1 - 1 + 0) / 3, 4);
    expect(r.labels).toEqual({ zionist: { count: 2, share: 0.6667 }, israel: { count: 1, share: 0.3333 } });
    expect(r.byVoice.quoted.mentions).toBe(1);
    expect(r.quotedShare).toBeCloseTo(0.25, 4);
    // Two documents: a stance, but no interval (a zero-width one from so few would read as certainty).
    expect(r.ci95).toBeNull();
    expect(alpha.evidence).toBe('low');
  });

  it('keeps distanced hits out of the stance but reports them', () => {
    const beta = report.outlets.find((o) => o.outlet === 'Beta')!.referents.israel;
    expect(beta.stance).toBe(0);
    expect(beta.distanced.count).toBe(1);
  });

  it('considers the stance difference of every pair of outlets, and says why a pair was not tested', () => {
    // Two documents against one: no deal of three documents could give p < 0.05, so no test, and no stanceTests row.
    const pair = report.contrasts.find((c) => c.kind === 'outlets' && c.referent === 'israel')!;
    expect(pair).toMatchObject({ a: { name: 'Alpha' }, b: { name: 'Beta' }, tested: false, reason: expect.any(String) });
    expect(pair.effect.value).toBe(-0.6667);
    expect(report.stanceTests.israel).toBeUndefined();
  });

  it('lists skipped input and computes divergence', () => {
    expect(report.corpus.skipped).toHaveLength(1);
    expect(report.divergence.israel.outlets).toEqual(['Alpha', 'Beta']);
    expect(report.divergence.israel.matrix[0][1]).toBeGreaterThan(0);
  });

  it('excludes a wire copy from the copying outlet under the default policy', () => {
    const wire = 'Drone attacks targeted two bases housing US forces in Iraq and Syria on Monday, a US official said, adding that there were no casualties or damage at either base after the strikes.';
    const docs = [doc('w1', 'Wire', wire), { ...doc('w2', 'Paper', `${wire} More later.`), date: '2024-01-02' }];
    const an = [analysis('w1', 'Wire', [hit('israel', 'israel', 0)]), analysis('w2', 'Paper', [hit('zionist', 'israel', -2)])];
    const r = buildReport({ documents: docs, analyses: an, skipped: [], lexicon }, { resamples: 50 });
    expect(r.duplicates.excluded).toEqual(['w2']);
    expect(r.documents.find((d) => d.id === 'w2')!.excluded).toMatch(/near-duplicate of w1/);
    expect(r.outlets.find((o) => o.outlet === 'Paper')!.referents).toEqual({});
    const keep = buildReport({ documents: docs, analyses: an, skipped: [], lexicon }, { resamples: 50, duplicatePolicy: 'keep-all' });
    expect(keep.outlets.find((o) => o.outlet === 'Paper')!.referents.israel.mentions).toBe(1);
  });
});

describe('writers escape corpus text', () => {
  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.5)).toBe('0.5');
  });

  it('writes tidy tables with one row per observation', () => {
    const analyses = [analysis('a', 'O,1', [hit('z', 'israel', -2, { text: 'line\nbreak' })])];
    const r = buildReport({ documents: [doc('a', 'O,1')], analyses, skipped: [], lexicon }, { resamples: 20 });
    const labels = labelsTable(r).trim().split('\n');
    expect(labels[1]).toMatch(/^"O,1",israel,author,z,1,1,1,-1,/);
    expect(hitsTable(r)).toContain('"line\nbreak"');
  });

  it('escapes Markdown table cells', () => {
    expect(mdCell('a|b <script>')).toBe('a\\|b &lt;script&gt;');
    const analyses = [analysis('a', '<img src=x onerror=alert(1)>|', [hit('z', 'israel', -2)])];
    const md = toMarkdown(buildReport({ documents: [doc('a', analyses[0].outlet)], analyses, skipped: [], lexicon }, { resamples: 20 }));
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img');
  });
});
