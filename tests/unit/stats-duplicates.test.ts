import { describe, expect, it } from 'vitest';
import {
  applyDuplicatePolicy,
  nearDuplicateSketch,
  findNearDuplicates,
  NearDuplicateIndex,
  shingleHashes,
  wordTokens,
  type DuplicateInput,
} from '../../src/stats/duplicates.js';
import { seededRandom } from '../../src/stats/rng.js';

const WIRE_STORY = [
  'Three rockets struck the Ain al-Asad air base in western Iraq on Sunday, officials said.',
  'No casualties were reported among the personnel at the base, according to a statement from the coalition.',
  'The attack was claimed by a group calling itself the Islamic Resistance in Iraq, which has carried out dozens of strikes on bases hosting American troops since October.',
  'Iraqi security forces found the launch site near the town of al-Baghdadi, where a burnt truck fitted with a launcher was recovered.',
  'The government in Baghdad condemned the attack and said it would pursue those responsible.',
  'Washington has repeatedly blamed the attacks on armed factions aligned with Tehran and has carried out retaliatory strikes.',
  'Analysts said the escalation risks dragging Iraq deeper into the regional conflict.',
].join(' ');

// A typical wire copy: local intro added, last two paragraphs dropped, curly quotes and different case.
const TRIMMED_COPY = [
  'BAGHDAD — Here is the latest from the agencies.',
  'THREE rockets struck the Ain al‑Asad air base in western Iraq on Sunday, officials said.',
  'No casualties were reported among the personnel at the base, according to a statement from the coalition.',
  'The attack was claimed by a group calling itself the “Islamic Resistance in Iraq”, which has carried out dozens of strikes on bases hosting American troops since October.',
  'Iraqi security forces found the launch site near the town of al-Baghdadi, where a burnt truck fitted with a launcher was recovered.',
].join(' ');

const UNRELATED = [
  'Parliament approved the federal budget on Tuesday after weeks of negotiations between the main blocs.',
  'The budget allocates record spending to electricity and water projects in the southern provinces.',
  'Opposition lawmakers walked out of the session, saying the oil revenue sharing formula was unfair to the Kurdistan region.',
].join(' ');

const ANOTHER = [
  'Oil prices rose on Monday as traders weighed supply risks in the Middle East against weak demand in China.',
  'Brent crude futures gained more than one percent in early trading before paring their gains in the afternoon session.',
].join(' ');

describe('shingles', () => {
  it('tokenises words case- and punctuation-insensitively', () => {
    expect(wordTokens('The “Islamic Resistance”, in IRAQ!')).toEqual(['the', 'islamic', 'resistance', 'in', 'iraq']);
  });
  it('makes one shingle per window of 5 words, and one for a short text', () => {
    expect(shingleHashes('a b c d e f g').size).toBe(3);
    expect(shingleHashes('a b c').size).toBe(1);
    expect(shingleHashes('').size).toBe(0);
    // repeated windows count once
    expect(shingleHashes('a b c d e a b c d e').size).toBe(5);
  });
});

describe('findNearDuplicates', () => {
  const docs: DuplicateInput[] = [
    { id: 'copy', outlet: 'Daily', text: TRIMMED_COPY, date: '2024-01-21' },
    { id: 'unrelated', outlet: 'Daily', text: UNRELATED, date: '2024-01-20' },
    { id: 'wire', outlet: 'Agency', text: WIRE_STORY, date: '2024-01-20T08:00:00Z' },
    { id: 'oil', outlet: 'Markets', text: ANOTHER },
  ];

  it('finds a trimmed wire copy across outlets, with high containment and lower Jaccard', () => {
    const { pairs } = findNearDuplicates(docs);
    expect(pairs).toHaveLength(1);
    const [pair] = pairs;
    expect(pair).toMatchObject({ a: 'copy', b: 'wire', outletA: 'Daily', outletB: 'Agency' });
    expect(pair.containment).toBeGreaterThan(0.85);
    expect(pair.jaccard).toBeLessThan(0.8);
    expect(pair.jaccard).toBeLessThan(pair.containment);
  });

  it('computes containment and Jaccard exactly from the shingle sets', () => {
    const a = shingleHashes(TRIMMED_COPY);
    const b = shingleHashes(WIRE_STORY);
    const shared = [...a].filter((h) => b.has(h)).length;
    const [pair] = findNearDuplicates(docs).pairs;
    expect(pair.containment).toBeCloseTo(shared / Math.min(a.size, b.size), 12);
    expect(pair.jaccard).toBeCloseTo(shared / (a.size + b.size - shared), 12);
  });

  it('does not pair unrelated texts', () => {
    const { pairs, clusters } = findNearDuplicates(docs.filter((d) => d.id !== 'copy'));
    expect(pairs).toEqual([]);
    expect(clusters).toEqual([]);
  });

  it('respects the threshold', () => {
    expect(findNearDuplicates(docs, { threshold: 0.999 }).pairs).toEqual([]);
  });

  it('ignores documents too short to judge', () => {
    const short: DuplicateInput[] = [
      { id: 's1', outlet: 'A', text: 'Rockets hit the base on Sunday.' },
      { id: 's2', outlet: 'B', text: 'Rockets hit the base on Sunday.' },
    ];
    expect(findNearDuplicates(short).pairs).toEqual([]);
    expect(findNearDuplicates(short, { minShingles: 1 }).pairs).toHaveLength(1);
  });

  it('rejects duplicate ids', () => {
    expect(() => findNearDuplicates([docs[0], docs[0]])).toThrow(/duplicate document id/);
  });
});

describe('clusters and policies', () => {
  const docs: DuplicateInput[] = [
    { id: 'd1', outlet: 'Daily', text: TRIMMED_COPY, date: '2024-01-21' },
    { id: 'w1', outlet: 'Agency', text: WIRE_STORY, date: '2024-01-20' },
    { id: 'x1', outlet: 'Other', text: UNRELATED },
    { id: 'w2', outlet: 'Agency', text: WIRE_STORY + ' Updated with the government statement.', date: '2024-01-20' },
    { id: 't1', outlet: 'Tribune', text: WIRE_STORY, date: '2024-01-22' },
  ];
  const { clusters } = findNearDuplicates(docs);

  it('groups copies of copies into one connected component', () => {
    expect(clusters).toHaveLength(1);
    expect(clusters[0].members.map((m) => m.id)).toEqual(['d1', 'w1', 'w2', 't1']);
    expect(clusters[0].outlets).toEqual(['Agency', 'Daily', 'Tribune']);
  });

  it('chooses the earliest date as the original, then the first seen', () => {
    // w1 and w2 share the earliest date; w1 comes first in the input.
    expect(clusters[0]).toMatchObject({ original: 'w1', originalOutlet: 'Agency' });
  });

  it('undated documents are never preferred over dated ones', () => {
    const undatedFirst = findNearDuplicates([
      { id: 'u', outlet: 'A', text: WIRE_STORY },
      { id: 'd', outlet: 'B', text: WIRE_STORY, date: '2024-02-01' },
    ]);
    expect(undatedFirst.clusters[0].original).toBe('d');
  });

  it('keep-all excludes nothing', () => {
    expect(applyDuplicatePolicy(clusters, 'keep-all')).toEqual(new Set());
  });

  it("first-outlet-only excludes other outlets' copies but keeps the original outlet's reprints", () => {
    expect(applyDuplicatePolicy(clusters, 'first-outlet-only')).toEqual(new Set(['d1', 't1']));
  });

  it('exclude-copies keeps only the original', () => {
    expect(applyDuplicatePolicy(clusters, 'exclude-copies')).toEqual(new Set(['d1', 'w2', 't1']));
  });
});

describe('scale and boilerplate', () => {
  const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
  const random = seededRandom(2024);
  const randomText = (words: number) =>
    Array.from({ length: words }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
  const boilerplate = 'Follow us on social media for the latest news and updates from the region every day';

  it('handles thousands of documents and finds exactly the planted copies, even through shared boilerplate', () => {
    const docs: DuplicateInput[] = [];
    for (let i = 0; i < 3000; i++) docs.push({ id: `doc${i}`, outlet: `o${i % 7}`, text: `${randomText(200)} ${boilerplate}` });
    // Plant 20 trimmed copies (first 150 of the 200 words + the boilerplate) in other outlets.
    const planted: [string, string][] = [];
    for (let k = 0; k < 20; k++) {
      const source = docs[k * 100];
      const words = source.text.split(' ');
      docs.push({ id: `copy${k}`, outlet: 'copier', text: `${words.slice(0, 150).join(' ')} ${boilerplate}` });
      planted.push([source.id, `copy${k}`]);
    }
    const started = performance.now();
    const { pairs, clusters } = findNearDuplicates(docs, { maxPostings: 50 });
    const elapsed = performance.now() - started;
    expect(pairs.map((p) => [p.a, p.b])).toEqual(planted);
    expect(clusters).toHaveLength(20);
    // The copy has 150 + 16 words = 162 shingles; the 4 spanning the cut ("…w150 follow us on social") are not
    // in the source, so 158 are shared: containment 158/162. The 12 boilerplate shingles are in every document,
    // so they generate no candidates — but they must still be counted; without them it would be 146/162.
    for (const pair of pairs) expect(pair.containment).toBeCloseTo(158 / 162, 12);
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe('incremental index', () => {
  const docs: DuplicateInput[] = [
    { id: 'd1', outlet: 'Daily', text: TRIMMED_COPY, date: '2024-01-21' },
    { id: 'w1', outlet: 'Agency', text: WIRE_STORY, date: '2024-01-20' },
    { id: 'x1', outlet: 'Other', text: UNRELATED },
    { id: 'w2', outlet: 'Agency', text: WIRE_STORY + ' Updated with the government statement.', date: '2024-01-20' },
    { id: 't1', outlet: 'Tribune', text: WIRE_STORY, date: '2024-01-22' },
  ];
  const texts = new Map(docs.map((d) => [d.id, d.text]));

  it('returns the pairs each document forms with earlier ones as it is added', () => {
    const index = new NearDuplicateIndex({}, (id) => texts.get(id));
    expect(docs.map((d) => index.add(d).map((p) => `${p.a}~${p.b}`))).toEqual([[], ['d1~w1'], [], ['d1~w2', 'w1~w2'], ['d1~t1', 'w1~t1', 'w2~t1']]);
    expect(index.result()).toEqual(findNearDuplicates(docs));
  });

  it('merges shards through their serialised state, finding pairs across them', () => {
    const lookup = (id: string) => texts.get(id);
    const shard = (part: DuplicateInput[]) => {
      const index = new NearDuplicateIndex();
      for (const d of part) index.add(d);
      return NearDuplicateIndex.fromState(JSON.parse(JSON.stringify(index.toState())), lookup);
    };
    const merged = shard(docs.slice(0, 2)).merge(shard(docs.slice(2)));
    expect(merged.result().pairs.map((p) => `${p.a}~${p.b}`)).toEqual(findNearDuplicates(docs).pairs.map((p) => `${p.a}~${p.b}`));
    expect(merged.result().clusters).toEqual(findNearDuplicates(docs).clusters);
  });

  it('without the texts, judges candidates on the sketches and marks the pairs estimated', () => {
    const index = new NearDuplicateIndex();
    const blind = new NearDuplicateIndex();
    for (const d of docs) index.add(d);
    blind.merge(index);
    const exact = findNearDuplicates(docs).pairs;
    const pairs = blind.result().pairs;
    expect(pairs.map((p) => `${p.a}~${p.b}`)).toEqual(exact.map((p) => `${p.a}~${p.b}`));
    // Pairs inside the merged part were decided when added (on the new text against the earlier sketch).
    for (const p of index.result().pairs) expect(p.containment).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps a short document whole, so a later long copy of it is always found', () => {
    const short = WIRE_STORY.split(' ').slice(0, 40).join(' ');
    const index = new NearDuplicateIndex();
    index.add({ id: 'short', outlet: 'A', text: short });
    expect(index.add({ id: 'long', outlet: 'B', text: `${short} ${UNRELATED} ${ANOTHER}` }).map((p) => p.b)).toEqual(['long']);
  });

  it('keeps 21 bytes of columns per document outside its budget (a shingles-per-key column of 8 more is computed when read)', () => {
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 4096; i++) index.add({ id: `c${i}`, outlet: 'o', text: `short text number ${i} with a few words in it` });
    // Size, key count, key start, boilerplate count (4 B each), the whole flag (1 B) and the candidate counter (4 B).
    expect(index.columnBytes / 4096).toBeLessThanOrEqual(21);
  });

  it('grows its per-document columns a block at a time, never to twice what it holds', () => {
    const index = new NearDuplicateIndex({}, undefined, false);
    const sketch = nearDuplicateSketch('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen');
    // 2^17 + 1 documents: arrays that double would have room for 2^18 (21 B × 2^18 = 5.5 MB) and, while growing,
    // hold both copies; blocks of 2^16 hold at most one block of spare room.
    const n = 2 ** 17 + 1;
    for (let i = 0; i < n; i++) index.addSketch({ id: `d${i}`, outlet: 'o' }, sketch);
    expect(index.size).toBe(n);
    expect(index.columnBytes).toBeLessThanOrEqual(21 * (n + 2 ** 16));
  });

  it('holds a few hundred bytes per document of 400 words, not the shingle sets', () => {
    const vocabulary = Array.from({ length: 5000 }, (_, i) => `v${i.toString(36)}`);
    const random = seededRandom(11);
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 5000; i++) {
      index.add({ id: `n${i}`, outlet: 'o', text: Array.from({ length: 400 }, () => vocabulary[Math.floor(random() * 5000)]).join(' ') });
    }
    const state = JSON.stringify(index.toState());
    // ~50 sampled 4-byte keys per document, base64: about 270 bytes; the full shingle sets would be ~3 KB.
    expect(state.length / 5000).toBeLessThan(400);
  });
});
