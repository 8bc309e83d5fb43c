/**
 * The near-duplicate index rejects most candidates on bounds (boilerplate keys it holds, a bit filter of the probe's
 * boilerplate keys) and reads contiguous postings; it must still report exactly the pairs of the previous index
 * (tests/helpers/reference/duplicate-index.ts), with the same figures, above all on corpora where most keys are
 * boilerplate. Its text work is split off as a pure sketch function whose result is the same as adding the text.
 */
import { describe, expect, it } from 'vitest';
import { seedParagraphs } from '../../bench/corpus.js';
import {
  findNearDuplicates,
  NearDuplicateIndex,
  nearDuplicateSketch,
  shingleSet,
  type DuplicateInput,
  type DuplicateOptions,
} from '../../src/stats/duplicates.js';
import { seededRandom } from '../../src/stats/rng.js';
import { NearDuplicateIndex as PreviousIndex, shingleSequence as previousShingles } from '../helpers/reference/duplicate-index.js';
import { shingleSequence } from '../../src/stats/duplicates.js';

const paragraphs = seedParagraphs('corpus/seeds');

/**
 * Documents recombined from a few paragraphs, so that with a small `maxPostings` nearly every key is boilerplate;
 * some are trimmed copies of earlier ones, some short (kept whole), some long.
 */
function boilerplateCorpus(n: number, seed: number, pool: number): DuplicateInput[] {
  const random = seededRandom(seed);
  const docs: DuplicateInput[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const count = random() < 0.15 ? 1 : 2 + Math.floor(random() * 7);
    for (let k = 0; k < count; k++) parts.push(paragraphs[Math.floor(random() * pool)]);
    if (i > 10 && random() < 0.1) {
      const words = docs[Math.floor(random() * i)].text.split(' ');
      parts.splice(0, parts.length, words.slice(0, Math.ceil(words.length * (0.5 + random() * 0.5))).join(' '));
      if (random() < 0.5) parts.push(paragraphs[Math.floor(random() * paragraphs.length)]);
    }
    let text = parts.join('\n\n');
    // A few short ones: a sentence or two, below the size at which sketches are winnowed.
    if (random() < 0.05) text = text.split(' ').slice(0, 20 + Math.floor(random() * 60)).join(' ');
    docs.push({ id: `b${i}`, outlet: `o${i % 4}`, text, date: random() < 0.7 ? `2024-03-${String(1 + (i % 28)).padStart(2, '0')}` : undefined });
  }
  return docs;
}

function runBoth(docs: DuplicateInput[], options: DuplicateOptions, withTexts: boolean) {
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  const lookup = withTexts ? (id: string) => texts.get(id) : undefined;
  const now = new NearDuplicateIndex(options, lookup);
  const before = new PreviousIndex(options, lookup);
  const addedNow = docs.map((d) => now.add(d));
  const addedBefore = docs.map((d) => before.add(d));
  return { now: now.result(), before: before.result(), addedNow, addedBefore };
}

describe('near-duplicate bounds on boilerplate-heavy corpora', () => {
  expect(paragraphs.length).toBeGreaterThan(40);

  for (const maxPostings of [8, 40, 500]) {
    it(`reports exactly the pairs of the previous index, with the same figures (maxPostings ${maxPostings})`, () => {
      // 30 paragraphs in 1,500 documents: each paragraph is in about 250 of them, far above 8 and 40.
      const docs = boilerplateCorpus(1500, maxPostings, 30);
      const { now, before, addedNow, addedBefore } = runBoth(docs, { maxPostings }, true);
      expect(before.pairs.length).toBeGreaterThan(40);
      expect(now).toEqual(before);
      expect(addedNow).toEqual(addedBefore);
    }, 60_000);
  }

  it('decides exactly as before on the sketches alone (no texts at hand), with a low threshold', () => {
    const docs = boilerplateCorpus(1200, 7, 25);
    const { now, before } = runBoth(docs, { maxPostings: 30, threshold: 0.5 }, false);
    expect(before.pairs.some((p) => p.estimated)).toBe(true);
    expect(now).toEqual(before);
  }, 60_000);

  it('finds a copy through boilerplate: most of its keys are held by hundreds of documents', () => {
    const docs = boilerplateCorpus(800, 3, 12);
    const original = `${paragraphs[40]}\n\n${paragraphs[1]}\n\n${paragraphs[2]}\n\n${paragraphs[3]}`;
    const copy = `${paragraphs[1]}\n\n${paragraphs[2]}\n\n${paragraphs[3]}\n\n${paragraphs[40].split(' ').slice(0, 30).join(' ')}`;
    docs.push({ id: 'original', outlet: 'Agency', text: original }, { id: 'copy', outlet: 'Daily', text: copy });
    const { now, before } = runBoth(docs, { maxPostings: 20 }, true);
    const pair = now.pairs.find((p) => p.a === 'original' && p.b === 'copy');
    const a = shingleSet(original);
    const b = new Set(shingleSet(copy));
    const shared = [...a].filter((h) => b.has(h)).length;
    expect(pair?.containment).toBe(shared / Math.min(a.length, b.size));
    expect(now).toEqual(before);
  });
});

describe('nearDuplicateSketch and addSketch', () => {
  const docs = boilerplateCorpus(600, 11, 60);
  const texts = new Map(docs.map((d) => [d.id, d.text]));

  it('gives the same pairs and state as adding the texts, after a transfer between threads', () => {
    const byText = new NearDuplicateIndex({}, (id) => texts.get(id));
    const bySketch = new NearDuplicateIndex({}, (id) => texts.get(id));
    for (const d of docs) {
      const sketch = nearDuplicateSketch(d.text);
      // What a worker posts back: both arrays own their buffers, so the transfer carries nothing else.
      expect(sketch.shingles.byteLength).toBe(sketch.shingles.buffer.byteLength);
      expect(sketch.keys.byteLength).toBe(sketch.keys.buffer.byteLength);
      const received = structuredClone(sketch, { transfer: [sketch.shingles.buffer, sketch.keys.buffer] });
      expect(sketch.shingles.byteLength).toBe(0); // moved, not copied
      expect(bySketch.addSketch({ id: d.id, outlet: d.outlet, date: d.date }, received)).toEqual(byText.add(d));
    }
    expect(bySketch.result()).toEqual(byText.result());
    expect(bySketch.result().pairs.length).toBeGreaterThan(5);
    expect(bySketch.toState()).toEqual(byText.toState());
    expect(byText.result()).toEqual(findNearDuplicates(docs));
  });

  it('reads ids, outlets and dates from the caller\'s columns when given them: the same pairs, clusters, state and merge', () => {
    const half = docs.length / 2;
    // `of`: the caller's columns, which hold (at least) the documents added, in order: after a merge, the merged ones too.
    const withColumns = (part: typeof docs, of = part) => {
      const columns = { id: (k: number) => of[k].id, outlet: (k: number) => of[k].outlet, date: (k: number) => of[k].date };
      const index = new NearDuplicateIndex({}, (id) => texts.get(id), false, columns);
      for (const d of part) index.add(d);
      // What the index would hold itself is not there: the caller's columns answer.
      const held = index as unknown as { ids: unknown[]; outlets: unknown[]; dates: unknown[] };
      expect([held.ids.length, held.outlets.length, held.dates.length]).toEqual([0, 0, 0]);
      return index;
    };
    const own = new NearDuplicateIndex({}, (id) => texts.get(id));
    for (const d of docs) own.add(d);
    const columns = withColumns(docs);
    expect(columns.result()).toEqual(own.result());
    expect(columns.result().clusters.length).toBeGreaterThan(0);
    expect(columns.result().pairs.length).toBeGreaterThan(5);
    expect(columns.toState()).toEqual(own.toState());
    const merged = withColumns(docs.slice(0, half), docs).merge(withColumns(docs.slice(half)));
    const ownMerged = new NearDuplicateIndex({}, (id) => texts.get(id));
    for (const d of docs.slice(0, half)) ownMerged.add(d);
    const second = new NearDuplicateIndex({}, (id) => texts.get(id));
    for (const d of docs.slice(half)) second.add(d);
    ownMerged.merge(second);
    expect(merged.toState().documents.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    expect(merged.result().pairs).toEqual(ownMerged.result().pairs);
  });

  it('is a pure function of the text: distinct sorted shingles and sorted kept keys', () => {
    const text = docs[5].text;
    const sketch = nearDuplicateSketch(text);
    expect(nearDuplicateSketch(text)).toEqual(sketch);
    expect([...sketch.shingles]).toEqual([...shingleSet(text)]);
    expect([...sketch.keys]).toEqual([...sketch.keys].sort((x, y) => x - y));
    expect(new Set(sketch.keys).size).toBe(sketch.keys.length);
  });

  it('refuses a sketch made with another shingle size, naming the document', () => {
    const index = new NearDuplicateIndex({ shingleSize: 4 });
    expect(() => index.addSketch({ id: 'x9', outlet: 'o' }, nearDuplicateSketch(docs[0].text))).toThrow(/x9.*5-word.*uses 4/);
    expect(index.addSketch({ id: 'x9', outlet: 'o' }, nearDuplicateSketch(docs[0].text, 4))).toEqual([]);
  });

  it('refuses a sketch that lost its typed arrays (sent as JSON), naming the document', () => {
    const index = new NearDuplicateIndex();
    const flattened = JSON.parse(JSON.stringify(nearDuplicateSketch(docs[0].text)));
    expect(() => index.addSketch({ id: 'j1', outlet: 'o' }, flattened)).toThrow(/j1.*typed arrays/);
    expect(index.size).toBe(0);
  });
});

describe('shingle hashing without word strings', () => {
  it('gives exactly the hashes of hashing each word string, whatever the script, case or code units', () => {
    const texts = [
      ...boilerplateCorpus(40, 3, 40).map((d) => d.text),
      '',
      '   — “” … ',
      'one',
      'Two words',
      'Ünïcödé Wörds, ÇA VA? Straße STRASSE ǅungla ǈ ǋ',
      'İstanbul İİ ΣΊΣΥΦΟΣ ΟΔΟΣ σοφός',
      'القوات الإسرائيلية قصفت ٣ مواقع في غزة ١٢٣',
      'מלחמה בעזה 2024, ५ हिंदी शब्द ४२',
      '中文 新闻 报道 日本語のニュース 한국어 뉴스',
      'math 𝐀𝐁𝐂 bold 𝟏𝟐 astral 𠀀𠀁 emoji 😀😀 word😀word',
      'lone \ud800 high, lone \udc00 low, pair \ud835\udc00 end\ud800',
      'mixed123numbers 4th 1,000 3.14 U.S. Iran-backed don’t l’État',
      'Ⅻ roman Ⅰ ⅱ ⓐⒶ ½ ² x²',
      'a\u0301 e\u0300 combining marks split n\u0303',
    ];
    for (const text of texts) {
      for (const size of [1, 3, 5]) {
        expect([...shingleSequence(text, size)], `${text.slice(0, 30)} (size ${size})`).toEqual([...previousShingles(text, size)]);
      }
    }
    // A long text grows the scratch lanes; a short one after it must not read what the long one left.
    const long = Array.from({ length: 70_000 }, (_, k) => `w${k % 977}`).join(' ');
    expect([...shingleSequence(long)]).toEqual([...previousShingles(long)]);
    expect([...shingleSequence('alpha beta')]).toEqual([...previousShingles('alpha beta')]);
  });
});
