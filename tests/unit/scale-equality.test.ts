/**
 * The incremental near-duplicate index and the linear event grouping give the same answers as the previous
 * all-in-memory code (kept in tests/helpers/reference/) on generated corpora, and stay linear where the old code
 * broke.
 */
import { describe, expect, it } from 'vitest';
import { seedParagraphs } from '../../bench/corpus.js';
import { DEFAULT_MIN_SHINGLES, findNearDuplicates, type DuplicateInput } from '../../src/stats/duplicates.js';
import { groupEvents, type EventInput } from '../../src/stats/events.js';
import { dayNumber, isoDay } from '../../src/stats/dates.js';
import { seededRandom } from '../../src/stats/rng.js';
import { findNearDuplicates as referenceDuplicates } from '../helpers/reference/duplicates.js';
import { groupEvents as referenceEvents } from '../helpers/reference/events.js';
import { similarityLinks as referenceSimilarity } from '../helpers/reference/event-similarity.js';
import { similarityLinks } from '../../src/stats/event-similarity.js';

const paragraphs = [...seedParagraphs('corpus/seeds'), ...seedParagraphs('tests/fixtures/articles')];

function recombined(n: number, seed: number): DuplicateInput[] {
  const random = seededRandom(seed);
  const docs: DuplicateInput[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const count = 1 + Math.floor(random() * 6);
    for (let k = 0; k < count; k++) parts.push(paragraphs[Math.floor(random() * paragraphs.length)]);
    // Some documents are trimmed or extended copies of an earlier one, as wire copy is.
    if (i > 10 && random() < 0.1) {
      const source = docs[Math.floor(random() * i)];
      const sentences = source.text.split('. ');
      parts.splice(0, parts.length, sentences.slice(0, Math.max(1, Math.ceil(sentences.length * (0.6 + random() * 0.4)))).join('. '));
      if (random() < 0.5) parts.push(paragraphs[Math.floor(random() * paragraphs.length)]);
    }
    docs.push({ id: `g${i}`, outlet: `o${i % 5}`, text: parts.join('\n\n'), date: random() < 0.8 ? isoDay(19700 + Math.floor(random() * 30)) : undefined });
  }
  return docs;
}

describe('near-duplicates on generated corpora', () => {
  it('finds the same pairs as before, with the same figures (at most 1 in 1,000 missed)', () => {
    expect(paragraphs.length).toBeGreaterThan(100);
    for (const seed of [1, 2]) {
      const docs = recombined(1200, seed);
      const now = findNearDuplicates(docs);
      // The old code compared documents from 10 shingles on; the index starts at 12 (a full winnowing window).
      const before = referenceDuplicates(docs, { minShingles: DEFAULT_MIN_SHINGLES });
      expect(before.pairs.length).toBeGreaterThan(50);
      // Every pair found is one the all-pairs code found, with the same figures; at most 1 in 1,000 is missed (a
      // short document sharing about a third of its words with a longer earlier one is not verified: the estimate
      // must reach 40% of the threshold; see NearDuplicateIndex).
      const key = (p: { a: string; b: string }) => `${p.a}~${p.b}`;
      const old = new Map(before.pairs.map((p) => [key(p), p]));
      for (const p of now.pairs) expect(p).toEqual(old.get(key(p)));
      expect(now.pairs.length).toBeGreaterThanOrEqual(before.pairs.length * 0.999);
    }
  }, 120_000);
});

describe('events on generated corpora', () => {
  function eventInputs(n: number, seed: number, places: number): EventInput[] {
    const random = seededRandom(seed);
    const start = dayNumber('2024-01-01')!;
    return Array.from({ length: n }, (_, i) => {
      const names = new Set<string>();
      const count = Math.floor(random() * 4);
      for (let k = 0; k < count; k++) names.add(`place-${Math.floor(random() * places)}`);
      return {
        id: `e${i}`, outlet: `o${i % 7}`,
        date: random() < 0.85 ? isoDay(start + Math.floor(random() * 120)) : undefined,
        event: random() < 0.05 ? `key-${Math.floor(random() * 20)}` : undefined,
        names: [...names],
      };
    });
  }

  it('groups exactly as before while no name is generic', () => {
    for (const seed of [4, 5]) {
      const docs = eventInputs(3000, seed, 300);
      const now = groupEvents(docs);
      expect(now).toEqual(referenceEvents(docs));
      expect(now.filter((e) => e.basis === 'places').length).toBeGreaterThan(100);
    }
  }, 60_000);

  it('groups as before on the scale test of thousands of documents that all name the same country', () => {
    const start = dayNumber('2024-01-01')!;
    const docs = Array.from({ length: 5000 }, (_, i) => ({
      id: `d${i}`, outlet: `o${i % 9}`, date: isoDay(start + (i % 365)), names: ['iraq', `place${i % 400}`],
    }));
    expect(groupEvents(docs)).toEqual(referenceEvents(docs));
  }, 60_000);

  it('stays linear where the pair map broke: 40,000 documents naming one city within a month', () => {
    const start = dayNumber('2024-01-01')!;
    const docs: EventInput[] = Array.from({ length: 40_000 }, (_, i) => ({
      id: `b${i}`, outlet: `o${i % 9}`, date: isoDay(start + (i % 30)), names: ['baghdad', `incident-${Math.floor(i / 3)}`],
    }));
    const started = performance.now();
    const events = groupEvents(docs);
    expect(performance.now() - started).toBeLessThan(20_000);
    // The city is generic (thousands a week): the specific incidents still link their three documents each.
    expect(events).toHaveLength(Math.ceil(40_000 / 3));
    expect(events.every((e) => e.documents.length <= 3)).toBe(true);
    expect(events.filter((e) => e.documents.length === 3).length).toBeGreaterThan(13_000);
  }, 60_000);
});

describe('opening similarity on generated openings', () => {
  it('links the same pairs with the same strengths as the map-per-document version, to the last bit', () => {
    const random = seededRandom(5);
    const vocabulary = Array.from({ length: 400 }, (_, k) => `word${k}`);
    const docs = Array.from({ length: 3000 }, () => {
      const terms = new Map<string, number>();
      const count = Math.floor(random() * 24);
      for (let k = 0; k < count; k++) {
        // Skewed draws: a few words are common, most are rare, as in real openings.
        const w = vocabulary[Math.floor(vocabulary.length * random() ** 3)];
        terms.set(w, (terms.get(w) ?? 0) + 1);
      }
      return {
        terms: [...terms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
        day: random() < 0.8 ? 19700 + Math.floor(random() * 40) : null,
        fixed: random() < 0.05,
      };
    });
    const now = similarityLinks(docs, { windowDays: 3 });
    const before = referenceSimilarity(docs, { windowDays: 3 });
    expect(before.length).toBeGreaterThan(100);
    expect(now).toEqual(before);
  });
});
