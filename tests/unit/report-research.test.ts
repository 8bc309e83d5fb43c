import { describe, expect, it } from 'vitest';
import type { DocAnalysis, Document, Hit, Lexicon } from '../../src/types.js';
import { buildReport } from '../../src/report/build.js';
import { contrastsTable, documentsTable, eventsTable, groupsTable, timelineTable } from '../../src/report/csv.js';
import { toMarkdown } from '../../src/report/markdown.js';
import { toHtmlReport } from '../../src/report/html.js';

const lexicon: Lexicon = {
  sources: [{ name: 't', version: '1', sha256: 'a'.repeat(64), file: 't.yml' }],
  referents: [{ id: 'g', label: 'Armed groups' }],
  variants: [],
  entries: [],
};

const hit = (weight: number, label = weight > 0 ? 'resistance' : 'militia'): Hit =>
  ({ label, referent: 'g', category: 'actor-label', weight, start: 0, end: 1, text: 'x', sentence: 0, voice: 'author', distanced: false, negated: false, resolution: 'fixed' });

function pair(id: string, outlet: string, weights: number[], date: string, meta: Record<string, unknown> = {}): { d: Document; a: DocAnalysis } {
  return {
    d: { id, outlet, date, text: `The U.S. said ${outlet} wrote ${id}.`, source: { file: `${id}.md` }, meta, language: 'en' },
    a: { id, outlet, date, words: 100, tokens: 100, sentences: [], voiceSpans: [], hits: weights.map((w) => hit(w)), names: [], devices: [], warnings: [] },
  };
}

/** Six outlets, three documents each; a `group` field in the metadata puts three outlets in each group. */
const corpus = ['S1', 'S2', 'S3', 'P1', 'P2', 'P3'].flatMap((o, k) => [0, 1, 2].map((j) => pair(
  `${o}-${j}`, o, o.startsWith('S') ? [2, 2, 1] : [-2, -1], `2024-0${1 + j}-1${k}`, { group: o.startsWith('S') ? 'state' : 'private', 'outlet kind': o[0], url: 'clash' },
)));
const report = buildReport({ documents: corpus.map((x) => x.d), analyses: corpus.map((x) => x.a), skipped: [], lexicon },
  { resamples: 200, permutations: 500, timeline: 'month', beforeAfter: '2024-02-01', contrasts: 'none' });

describe('report sections of schema 3', () => {
  it('takes a group field from the metadata as the grouping "group"', () => {
    expect(report.groups.map((g) => g.grouping)).toEqual(['group']);
    const state = report.groups[0].groups.find((g) => g.name === 'state')!;
    expect(state.outlets).toEqual(['S1', 'S2', 'S3']);
    expect(state.referents.g.stance).toBeCloseTo(5 / 6, 4);
    const test = report.contrasts.find((c) => c.kind === 'groups')!;
    // 3 against 3 outlets: 20 deals, the smallest two-sided p 0.1 > 0.05: impossible, and said so.
    expect(test).toMatchObject({ tested: false, reason: expect.stringMatching(/only 20 ways/) });
    expect(test.effect.value).toBeGreaterThan(1.5);
  });

  it('documents keep language, metadata and their own stance; documents.csv has every column', () => {
    const d = report.documents[0];
    expect(d).toMatchObject({ language: 'en', meta: { group: 'state', 'outlet kind': 'S' }, stance: { g: { mentions: 3, stance: 0.8333 } } });
    const [header, first] = documentsTable(report).split('\n');
    expect(header).toBe('document,outlet,title,date,url,event,language,source,words,excluded,group,outlet kind,meta_url,g_mentions,g_stance');
    expect(first).toBe('S1-0,S1,,2024-01-10,,,en,S1-0.md,100,,state,S,clash,3,0.8333');
  });

  it('writes contrasts, groups and timeline as tidy tables and says in Markdown and HTML what was not tested', () => {
    expect(contrastsTable(report)).toMatch(/\ngroups,g,group,state,private,3,3,9,9,outlet,/);
    expect(contrastsTable(report)).toMatch(/not attempted,,,outlet pairs,.*turned off/);
    expect(groupsTable(report).split('\n')[0]).toBe('grouping,group,outlets,documents,referent,referent_outlets,referent_documents,mentions,stance,ci95_low,ci95_high,pooled_stance,label,label_count,label_share');
    expect(timelineTable(report)).toMatch(/\nmonth,outlet,,S1,2024-01,1,g,1,3,0.8333,,,resistance,3,1\n/);
    expect(eventsTable(report).split('\n')[0]).toBe('event,label,basis,first_day,last_day,document,joined_by,because,day,day_from,day_evidence');
    const md = toMarkdown(report);
    expect(md).toMatch(/## Groups: group/);
    expect(md).toMatch(/Not attempted: outlet pairs/);
    expect(md).toMatch(/only 20 ways/);
    expect(md).toMatch(/## Over time \(per month\)/);
    const html = toHtmlReport(report);
    expect(html).toContain('Groups of outlets');
    expect(html).toContain('not tested: 3 and 3 outlets');
  });

  it('timeline has every month, per outlet and group, and before/after contrasts per outlet and group', () => {
    expect(report.timeline!.bins).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(report.timeline!.series.filter((s) => s.kind === 'group').map((s) => s.name)).toEqual(['state', 'private']);
    const ba = report.contrasts.filter((c) => c.kind === 'before-after');
    expect(ba.filter((c) => c.unit === 'document')).toHaveLength(6);
    expect(ba.filter((c) => c.unit === 'outlet')).toHaveLength(2);
  });

  it('never gives an outlet an interval from fewer than 3 documents', () => {
    const two = buildReport({ documents: corpus.slice(0, 2).map((x) => x.d), analyses: corpus.slice(0, 2).map((x) => x.a), skipped: [], lexicon }, { resamples: 50 });
    expect(two.outlets[0].referents.g.ci95).toBeNull();
    expect(two.outlets[0].referents.g.byVoice.author.ci95).toBeNull();
    const three = buildReport({ documents: corpus.slice(0, 3).map((x) => x.d), analyses: corpus.slice(0, 3).map((x) => x.a), skipped: [], lexicon }, { resamples: 50 });
    expect(three.outlets[0].referents.g.ci95).not.toBeNull();
  });
});
