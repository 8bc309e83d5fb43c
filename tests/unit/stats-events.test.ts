import { describe, expect, it } from 'vitest';
import { groupEvents, type EventInput } from '../../src/stats/events.js';
import { dayNumber, isoDay } from '../../src/stats/dates.js';

const doc = (id: string, outlet: string, date: string | undefined, names: string[], event?: string): EventInput => ({
  id,
  outlet,
  date,
  names,
  event,
});

const membersOf = (events: ReturnType<typeof groupEvents>) => events.map((e) => e.documents);

describe('dates', () => {
  it('reads the calendar day as written and rejects impossible days', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-01-28T23:30:00+03:00')).toBe(dayNumber('2024-01-28'));
    expect(dayNumber('2024-02-31')).toBeNull();
    expect(dayNumber('28/01/2024')).toBeNull();
    expect(dayNumber(undefined)).toBeNull();
    expect(isoDay(dayNumber('2024-02-29')!)).toBe('2024-02-29');
  });
});

describe('groupEvents', () => {
  it('groups by the metadata event key first, whatever the names say', () => {
    const events = groupEvents([
      doc('a', 'Alpha', '2024-01-28', ['tower-22'], 'tower-22-attack'),
      doc('b', 'Beta', '2024-03-01', ['baghdad'], ' tower-22-attack '),
      doc('c', 'Gamma', '2024-01-28', ['tower-22']),
    ]);
    expect(membersOf(events)).toEqual([['a', 'b'], ['c']]);
    expect(events[0]).toMatchObject({
      label: 'tower-22-attack',
      basis: 'metadata',
      outlets: ['Alpha', 'Beta'],
      dateRange: ['2024-01-28', '2024-03-01'],
    });
    // c shares a name with a, but a's event comes from metadata: c is not pulled into it.
    expect(events[1].basis).toBe('single');
  });

  it('links dated documents sharing a place within ±3 days, not beyond', () => {
    const events = groupEvents([
      doc('a', 'Alpha', '2024-01-20', ['ain-al-asad', 'anbar']),
      doc('b', 'Beta', '2024-01-23', ['ain-al-asad']),
      doc('c', 'Gamma', '2024-01-27', ['ain-al-asad']), // 4 days after b, 7 after a
    ]);
    expect(membersOf(events)).toEqual([['a', 'b'], ['c']]);
    expect(events[0]).toMatchObject({
      basis: 'places',
      label: 'ain-al-asad',
      names: ['ain-al-asad'],
      outlets: ['Alpha', 'Beta'],
      dateRange: ['2024-01-20', '2024-01-23'],
    });
  });

  it('links an undated document only with at least two shared names', () => {
    const events = groupEvents([
      doc('a', 'Alpha', '2024-01-20', ['ain-al-asad', 'anbar']),
      doc('u2', 'Beta', undefined, ['anbar', 'ain-al-asad', 'hit']),
      doc('u1', 'Gamma', undefined, ['ain-al-asad']),
    ]);
    expect(membersOf(events)).toEqual([['a', 'u2'], ['u1']]);
    expect(events[0].dateRange).toEqual(['2024-01-20', '2024-01-20']);
    expect(events[1]).toMatchObject({ basis: 'single', dateRange: null, label: 'ain-al-asad' });
  });

  it('treats an unparseable date as no date', () => {
    const events = groupEvents([
      doc('a', 'Alpha', '2024-01-20', ['ain-al-asad']),
      doc('b', 'Beta', 'last Sunday', ['ain-al-asad']),
    ]);
    expect(membersOf(events)).toEqual([['a'], ['b']]);
  });

  it('does not chain daily stories about the same city into one long event', () => {
    const daily = Array.from({ length: 21 }, (_, day) =>
      doc(`d${day}`, 'Alpha', isoDay(dayNumber('2024-03-01')! + day), ['baghdad']),
    );
    const events = groupEvents(daily);
    for (const event of events) {
      const [first, last] = event.dateRange!;
      expect(dayNumber(last)! - dayNumber(first)!).toBeLessThanOrEqual(7);
    }
    expect(events.flatMap((e) => e.documents).sort()).toEqual(daily.map((d) => d.id).sort());
    expect(events.length).toBeGreaterThanOrEqual(3);
  });

  it('merges the strongest links first: a specific incident beats a capital city', () => {
    // p1–p2 share only "baghdad" (in every document, weak); p2–p3 share "baghdad" and the specific "jurf-strike".
    // With a 4-day span cap only one of the two merges can happen: the stronger one wins, although p1–p2 comes
    // first in the input.
    const events = groupEvents(
      [
        doc('p1', 'Alpha', '2024-01-01', ['baghdad']),
        doc('p2', 'Beta', '2024-01-04', ['baghdad', 'jurf-strike']),
        doc('p3', 'Gamma', '2024-01-07', ['jurf-strike', 'baghdad']),
      ],
      { maxSpanDays: 4 },
    );
    expect(membersOf(events)).toEqual([['p1'], ['p2', 'p3']]);
    // Most shared names first, ties by id.
    expect(events[1].names).toEqual(['baghdad', 'jurf-strike']);
  });

  it('ignores names the caller marks as too generic', () => {
    const docs = [doc('a', 'Alpha', '2024-01-01', ['iraq']), doc('b', 'Beta', '2024-01-02', ['iraq'])];
    expect(groupEvents(docs)).toHaveLength(1);
    expect(groupEvents(docs, { ignoreNames: ['iraq'] })).toHaveLength(2);
  });

  it('labels with display names of the most shared names', () => {
    const [event] = groupEvents(
      [
        doc('a', 'Alpha', '2024-01-01', ['tower-22', 'jordan', 'rukban']),
        doc('b', 'Beta', '2024-01-01', ['tower-22', 'jordan']),
        doc('c', 'Gamma', '2024-01-02', ['tower-22', 'syria']),
      ],
      { nameLabels: new Map([['tower-22', 'Tower 22'], ['jordan', 'Jordan']]) },
    );
    // tower-22 in 3 documents, jordan in 2; rukban and syria in one each are not "shared".
    expect(event.names).toEqual(['tower-22', 'jordan']);
    expect(event.label).toBe('Tower 22 · Jordan');
  });

  it('gives stable ids: same members ⇒ same id, whatever the input order; metadata ids follow the key', () => {
    const docs = [
      doc('a', 'Alpha', '2024-01-20', ['ain-al-asad']),
      doc('b', 'Beta', '2024-01-21', ['ain-al-asad']),
      doc('m', 'Gamma', '2024-01-21', [], 'key-1'),
    ];
    const first = groupEvents(docs);
    const second = groupEvents([...docs].reverse());
    expect(new Set(second.map((e) => e.id))).toEqual(new Set(first.map((e) => e.id)));
    for (const event of first) expect(event.id).toMatch(/^ev-[0-9a-f]{14}$/);
    const withMore = groupEvents([...docs, doc('m2', 'Delta', '2024-01-22', [], 'key-1')]);
    expect(withMore.find((e) => e.basis === 'metadata')!.id).toBe(first.find((e) => e.basis === 'metadata')!.id);
    const placeIds = [first, groupEvents([...docs, doc('c', 'Delta', '2024-01-22', ['ain-al-asad'])])].map(
      (events) => events.find((e) => e.basis === 'places')!.id,
    );
    expect(placeIds[0]).not.toBe(placeIds[1]); // different members, different id
  });

  it('orders events chronologically, undated last, and documents in input order', () => {
    const events = groupEvents([
      doc('late', 'Alpha', '2024-05-01', []),
      doc('undated', 'Beta', undefined, []),
      doc('early', 'Gamma', '2024-01-01', []),
    ]);
    expect(membersOf(events)).toEqual([['early'], ['late'], ['undated']]);
    expect(events[2].label).toBe('undated'); // no names: the document id
  });

  it('scales to thousands of documents that all name the same country', () => {
    const start = dayNumber('2024-01-01')!;
    const docs = Array.from({ length: 5000 }, (_, i) =>
      doc(`d${i}`, `o${i % 9}`, isoDay(start + (i % 365)), ['iraq', `place${i % 400}`]),
    );
    const started = performance.now();
    const events = groupEvents(docs);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(events.flatMap((e) => e.documents)).toHaveLength(5000);
    for (const event of events) {
      const [first, last] = event.dateRange!;
      expect(dayNumber(last)! - dayNumber(first)!).toBeLessThanOrEqual(7);
    }
  });

  it('rejects duplicate ids', () => {
    expect(() => groupEvents([doc('a', 'A', undefined, []), doc('a', 'B', undefined, [])])).toThrow(/duplicate/);
  });
});
