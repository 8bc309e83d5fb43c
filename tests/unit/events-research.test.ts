import { describe, expect, it } from 'vitest';
import { casualtyKeys, eventDateFromText } from '../../src/text/event-date.js';
import { eventMembers, parseEventOverrides } from '../../src/stats/event-members.js';
import { openingTerms, similarityLinks } from '../../src/stats/event-similarity.js';
import { groupEvents } from '../../src/stats/events.js';
import { dayNumber } from '../../src/stats/dates.js';
import { buildReport } from '../../src/report/build.js';
import { pairwiseScore } from '../../bench/event-score.js';
import type { DocAnalysis, Document } from '../../src/types.js';

describe('the story\'s day from the text', () => {
  it('reads datelines, with the year of the publication date or their own', () => {
    expect(eventDateFromText('China calls for restraint\n\nBEIJING, Feb. 5 (Xinhua) -- China on Monday urged…', '2024-02-06'))
      .toEqual({ day: '2024-02-05', from: 'dateline', evidence: 'BEIJING, Feb. 5 (Xinhua) -' });
    expect(eventDateFromText('Headline\n\nWASHINGTON, January 28, 2024 — Three troops…')).toMatchObject({ day: '2024-01-28', from: 'dateline' });
    // A dateline of 31 December in an article of 1 January is last year's.
    expect(eventDateFromText('H\n\nBAGHDAD, Dec. 31 (Agency) - …', '2024-01-01')).toMatchObject({ day: '2023-12-31' });
  });

  it('counts a weekday in the opening back from the publication date', () => {
    // 2024-01-29 was a Monday: "on Sunday" is the 28th; "on Monday" the same day.
    expect(eventDateFromText('Three troops were killed in an attack on Sunday, officials said.', '2024-01-29'))
      .toEqual({ day: '2024-01-28', from: 'weekday', evidence: 'on Sunday' });
    expect(eventDateFromText('Officials said on Monday that…', '2024-01-29')).toMatchObject({ day: '2024-01-29' });
    expect(eventDateFromText('A late Sunday statement from the group…', '2023-12-04')).toMatchObject({ day: '2023-12-03', from: 'weekday' });
    expect(eventDateFromText('Nothing about days here.', '2024-01-29')).toEqual({ day: '2024-01-29', from: 'metadata' });
  });

  it('without a publication date: a full date with its year, never a guess', () => {
    expect(eventDateFromText('Officials said the attack of January 28, 2024 killed three.')).toMatchObject({ day: '2024-01-28', from: 'text' });
    expect(eventDateFromText('The attack of 28 January 2024 killed three.')).toMatchObject({ day: '2024-01-28', from: 'text' });
    expect(eventDateFromText('An attack on Sunday killed three; the January 12 exchange…')).toBeNull();
    expect(eventDateFromText('The attack of February 30, 2024.')).toBeNull();
  });

  it('finds casualty figures in words and digits', () => {
    expect(casualtyKeys('Three US troops were killed and 34 wounded. A drone killed 3 American soldiers.')).toEqual(['killed:3']);
    expect(casualtyKeys('The strikes killed 16 people, including civilians.')).toEqual(['killed:16']);
    expect(casualtyKeys('Biden said jihadists had killed three American servicepersons.')).toEqual(['killed:3']);
    expect(casualtyKeys('No one was hurt.')).toEqual([]);
  });
});

describe('events file', () => {
  it('names, merges and splits; a document in two events is an error with file:line', () => {
    const e = parseEventOverrides('events:\n  - name: Tower 22\n    documents: [a, b]\n  - name: Other\n    documents:\n      - c\n', 'ev.yml');
    expect(e).toEqual([{ name: 'Tower 22', documents: ['a', 'b'], where: 'ev.yml:2' }, { name: 'Other', documents: ['c'], where: 'ev.yml:4' }]);
    expect(() => parseEventOverrides('events:\n  - name: A\n    documents: [a]\n  - name: B\n    documents: [a]\n', 'ev.yml'))
      .toThrow(/ev\.yml:5: document "a" is already in an event at ev\.yml:3/);
    expect(() => parseEventOverrides('events:\n  - documents: []\n', 'ev.yml')).toThrow(/ev\.yml:2: the event needs a name[\s\S]*needs a list of document ids/);
    expect(() => parseEventOverrides('nothing: here\n', 'ev.yml')).toThrow(/expected "events:"/);
  });
});

describe('similar openings', () => {
  it('links two reports of one briefing within the window, not an unrelated one or one a month later', () => {
    const a = 'China urged restraint after the U.S. strikes on targets in Syria and Iraq, foreign ministry spokesperson Wang Wenbin told a regular press briefing.';
    const b = 'Foreign ministry spokesperson Wang Wenbin said China opposes the U.S. strikes in Syria and Iraq that violate sovereignty, at a press briefing.';
    const c = 'Houthi forces fired missiles at a merchant ship in the Red Sea near Aden, the group military spokesman said.';
    // Other stories of the same weeks, so that words every report uses weigh little.
    const others = [
      'Israeli jets struck targets in southern Lebanon after Hezbollah fired rockets at northern communities.',
      'The Pentagon said U.S. forces shot down drones over the Red Sea launched from Yemen.',
      'Iraqi lawmakers debated the presence of U.S. troops as the government in Baghdad began talks.',
      'A drone struck Harir air base in the Kurdistan Region, the counter-terrorism service said.',
      'U.S. officials said militias in Iraq and Syria attacked bases more than a hundred times since October.',
    ];
    const texts = [a, b, c, b, ...others];
    const docs = texts.map((t, k) => ({ terms: openingTerms(t, 700), day: dayNumber(k === 3 ? '2024-03-05' : '2024-02-05'), fixed: false }));
    const links = similarityLinks(docs, { windowDays: 3 });
    expect(links.map((l) => [l.i, l.j])).toEqual([[0, 1]]);
    expect(links[0].strength).toBeGreaterThan(0.3);
    expect(similarityLinks(docs.map((d) => ({ ...d, fixed: true })), { windowDays: 3 })).toEqual([]);
    // Given to groupEvents, the link makes one event where no lexicon name ties them.
    const events = groupEvents(texts.map((_, k) => ({ id: `d${k}`, outlet: `o${k}`, date: '2024-02-05', names: [] })), { extraLinks: links });
    expect(events.filter((e) => e.documents.length > 1).map((e) => e.documents)).toEqual([['d0', 'd1']]);
  });
});

function doc(id: string, text: string, date?: string, event?: string): { d: Document; a: DocAnalysis } {
  const d: Document = { id, outlet: `outlet ${id}`, text, date, event, source: { file: `${id}.txt` }, meta: {} };
  const a: DocAnalysis = { id, outlet: d.outlet, date, event, words: text.split(/\s+/).length, tokens: 0, sentences: [], voiceSpans: [], hits: [], names: [], devices: [], warnings: [] };
  return { d, a };
}

describe('events in the report', () => {
  const lexicon = { sources: [], referents: [], variants: [], entries: [] };
  const input = [
    doc('iranpress', 'US officials reported on Sunday that three US soldiers were killed in a drone attack on a US post in Jordan.', '2024-01-28'),
    doc('fox', 'Three US troops were killed on Sunday in a drone attack in Jordan, officials said; the January 12 exchange…'),
    doc('ap', 'WASHINGTON — Three U.S. troops were killed in the Sunday attack on a base in Jordan, officials said Monday.', '2024-01-29'),
    doc('houthi', 'SANAA, Feb. 6 (Agency) - Houthi forces fired missiles at a merchant ship in the Red Sea.', '2024-02-06'),
  ];
  const build = (events?: ReturnType<typeof parseEventOverrides>) => buildReport(
    { documents: input.map((x) => x.d), analyses: input.map((x) => x.a), skipped: [], lexicon }, { resamples: 10, duplicatePolicy: 'keep-all', events },
  );

  it('groups dated reports by the story\'s day and casualty figure, and says why each joined', () => {
    const report = build();
    const ev = report.events.find((e) => e.documents.includes('iranpress'))!;
    expect(ev.documents).toEqual(expect.arrayContaining(['iranpress', 'ap']));
    expect(ev.label).toContain('3 killed');
    const ap = ev.members.find((m) => m.id === 'ap')!;
    expect(ap).toMatchObject({ basis: 'names', date: { day: '2024-01-28', from: 'weekday', evidence: 'the Sunday' } });
    expect(ap.because).toMatch(/killed:3/);
    const houthi = report.events.find((e) => e.documents.includes('houthi'))!;
    expect(houthi.members[0]).toMatchObject({ basis: 'single', date: { day: '2024-02-06', from: 'dateline' } });
  });

  it('respects the user\'s events file on later runs: names, merges and splits', () => {
    const overrides = parseEventOverrides('events:\n  - name: Tower 22 attack\n    documents: [iranpress, fox]\n  - name: AP on its own\n    documents: [ap]\n', 'ev.yml');
    const report = build(overrides);
    const tower = report.events.find((e) => e.label === 'Tower 22 attack')!;
    expect(tower).toMatchObject({ basis: 'user', documents: ['iranpress', 'fox'] });
    expect(tower.members[0].because).toBe('listed under "Tower 22 attack" in ev.yml:2');
    expect(report.events.find((e) => e.label === 'AP on its own')!.documents).toEqual(['ap']);
    expect(build(overrides).events).toEqual(report.events);
  });
});

describe('pairwise event score', () => {
  it('counts pairs within events against the labels', () => {
    const s = pairwiseScore([['a', 'b', 'c'], ['d']], [['a', 'b'], ['c', 'd']], ['a', 'b', 'c', 'd']);
    expect(s).toMatchObject({ predictedPairs: 3, goldPairs: 2, correctPairs: 1, precision: 1 / 3, recall: 0.5 });
    expect(s.missed).toEqual(['c + d']);
    expect(s.wrong).toEqual(['a + c', 'b + c']);
  });
});

describe('event members', () => {
  it('explains membership by shared names once per other document', () => {
    const members = eventMembers(
      [{ id: 'e', label: 'x', names: [], documents: ['a', 'b'], outlets: [], dateRange: null, basis: 'places' }],
      new Map([['a', { names: ['erbil', 'erbil'], date: null }], ['b', { names: ['erbil', 'erbil', 'erbil'], date: null }]]),
      new Map(),
    );
    expect(members.get('e')![0].because).toBe('shares erbil (with 1)');
  });
});

describe('event members at scale', () => {
  it('explains every member of a very large event in time linear in its size, counting each other member once per name', () => {
    const n = 30_000;
    const ids = Array.from({ length: n }, (_, k) => `d${k}`);
    const documents = new Map(ids.map((id, k) => [id, { names: k % 2 ? ['baghdad', 'baghdad', 'tower-22'] : ['baghdad'], date: null }]));
    const started = performance.now();
    const members = eventMembers([{ id: 'ev', documents: ids } as never], documents, new Map()).get('ev')!;
    expect(performance.now() - started).toBeLessThan(5000); // the pairwise version took minutes here
    expect(members).toHaveLength(n);
    expect(members[1].because).toBe(`shares baghdad (with ${n - 1}), tower-22 (with ${n / 2 - 1})`);
    expect(members[0].because).toBe(`shares baghdad (with ${n - 1})`);
  });
});
