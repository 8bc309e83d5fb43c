/**
 * The near-duplicate index has a memory budget: on text that seldom repeats it must stop growing (it samples keys by
 * one rule for every document), still find copies and containing documents after sampling began, and change nothing
 * for a corpus whose keys fit in the budget.
 */
import { describe, expect, it } from 'vitest';
import {
  NEAR_DUPLICATE_BUDGET,
  NearDuplicateIndex,
  nearDuplicateSketch,
  type DuplicateInput,
} from '../../src/stats/duplicates.js';
import { ChunkedPool, KeyPostings } from '../../src/stats/postings.js';
import { seededRandom } from '../../src/stats/rng.js';

/** Documents of random words from a large vocabulary: nearly every shingle, hence every key, is new. */
function freshDocuments(n: number, seed: number, words = 300): DuplicateInput[] {
  const random = seededRandom(seed);
  const docs: DuplicateInput[] = [];
  for (let i = 0; i < n; i++) {
    const text: string[] = [];
    for (let w = 0; w < words; w++) text.push(`w${Math.floor(random() * 50_000)}`);
    docs.push({ id: `f${i}`, outlet: `o${i % 5}`, text: text.join(' ') });
  }
  return docs;
}

function changeWords(text: string, every: number, seed: number): string {
  const random = seededRandom(seed);
  return text.split(' ').map((w, k) => (k % every === every - 1 ? `x${Math.floor(random() * 1e9)}` : w)).join(' ');
}

const BUDGET = 512 * 1024;

describe('near-duplicate index memory budget', () => {
  it('keeps its keys, table and pool within the budget on a stream of distinct documents, by sampling', () => {
    const docs = freshDocuments(4000, 7);
    const texts = new Map(docs.map((d) => [d.id, d.text]));
    const index = new NearDuplicateIndex({ memoryBudget: BUDGET }, (id) => texts.get(id));
    const unbounded = new NearDuplicateIndex({ memoryBudget: Infinity });
    let most = 0;
    for (const d of docs) {
      index.add(d);
      unbounded.add(d);
      most = Math.max(most, index.budgetedBytes);
    }
    expect(most).toBeLessThanOrEqual(BUDGET);
    // Without the budget the same stream holds several times more (so the bound above is not trivially met).
    expect(unbounded.budgetedBytes).toBeGreaterThan(4 * BUDGET);
    expect(unbounded.sampleRate).toBe(1);
    // It sampled: ~1/8 or less of the keys are kept, and the kept ones fit in the budget at 4 bytes each.
    expect(index.sampleRate).toBeLessThanOrEqual(1 / 8);
    expect(index.keptKeys * 4).toBeLessThan(BUDGET);
    expect(index.keptKeys).toBeLessThan(unbounded.keptKeys * index.sampleRate * 1.2);
    expect(index.keptKeys).toBeGreaterThan(unbounded.keptKeys * index.sampleRate * 0.8);
    // Random texts share no passage: sampling must not invent pairs when the texts are at hand to count exactly.
    expect(index.result().pairs).toEqual([]);
  });

  it('still finds a copy with words changed, a trimmed copy and a document containing another after sampling began', () => {
    const docs = freshDocuments(3000, 11);
    const texts = new Map(docs.map((d) => [d.id, d.text]));
    const index = new NearDuplicateIndex({ memoryBudget: BUDGET }, (id) => texts.get(id));
    for (const d of docs) index.add(d);
    const rate = index.sampleRate;
    expect(rate).toBeLessThanOrEqual(1 / 4);
    const add = (d: DuplicateInput) => {
      texts.set(d.id, d.text);
      return index.add(d);
    };
    const found: Array<[string, string]> = [];
    for (let k = 0; k < 20; k++) {
      const original = docs[100 * k + 7];
      // One word in forty changed: each change breaks five 5-word shingles, containment ~0.88.
      for (const p of add({ id: `edit${k}`, outlet: 'copy', text: changeWords(original.text, 40, k) })) found.push([p.a, p.b]);
      // The first 85% of an earlier article.
      const words = docs[100 * k + 50].text.split(' ');
      for (const p of add({ id: `trim${k}`, outlet: 'copy', text: words.slice(0, 255).join(' ') })) found.push([p.a, p.b]);
      // A later article that contains an earlier one whole, plus as much new text.
      const containing = `${docs[100 * k + 90].text} ${freshDocuments(1, 1000 + k)[0].text}`;
      for (const p of add({ id: `contains${k}`, outlet: 'copy', text: containing })) found.push([p.a, p.b]);
    }
    expect(index.sampleRate).toBeLessThan(1);
    for (let k = 0; k < 20; k++) {
      expect(found).toContainEqual([`f${100 * k + 7}`, `edit${k}`]);
      expect(found).toContainEqual([`f${100 * k + 50}`, `trim${k}`]);
      expect(found).toContainEqual([`f${100 * k + 90}`, `contains${k}`]);
    }
    expect(found).toHaveLength(60);
  });

  it('changes nothing for a corpus whose keys fit in the budget', () => {
    const docs = freshDocuments(300, 3);
    for (let k = 0; k < 30; k++) docs.push({ id: `e${k}`, outlet: 'copy', text: changeWords(docs[k * 7].text, 40, k) });
    const texts = new Map(docs.map((d) => [d.id, d.text]));
    const budgeted = new NearDuplicateIndex({}, (id) => texts.get(id));
    const unbounded = new NearDuplicateIndex({ memoryBudget: Infinity }, (id) => texts.get(id));
    for (const d of docs) expect(budgeted.add(d)).toEqual(unbounded.add(d));
    expect(budgeted.sampleRate).toBe(1);
    expect(budgeted.budgetedBytes).toBeLessThan(NEAR_DUPLICATE_BUDGET);
    expect(budgeted.result()).toEqual(unbounded.result());
    expect(budgeted.result().pairs).toHaveLength(30);
    const { options: _b, ...state } = budgeted.toState();
    const { options: _u, ...same } = unbounded.toState();
    expect(state).toEqual(same);
    expect(state.sampleBelow).toBeUndefined();
  });

  it('keeps its sampling rule through toState/fromState and merge (the lower rate of two wins)', () => {
    const docs = freshDocuments(1500, 5);
    const texts = new Map(docs.map((d) => [d.id, d.text]));
    const sampled = new NearDuplicateIndex({ memoryBudget: BUDGET }, (id) => texts.get(id));
    for (const d of docs.slice(0, 1200)) sampled.add(d);
    expect(sampled.sampleRate).toBeLessThan(1);
    const state = JSON.parse(JSON.stringify(sampled.toState()));
    const restored = NearDuplicateIndex.fromState(state, (id) => texts.get(id));
    expect(restored.sampleRate).toBe(sampled.sampleRate);
    expect(restored.keptKeys).toBe(sampled.keptKeys);
    expect(restored.toState()).toEqual(sampled.toState());
    expect(() => NearDuplicateIndex.fromState({ ...state, sampleBelow: 3 })).toThrow(/sampleBelow must be a power of two/);

    // A small unsampled index merged with the sampled one takes its rate before adding its documents.
    const small = new NearDuplicateIndex({ memoryBudget: BUDGET }, (id) => texts.get(id));
    for (const d of docs.slice(1200, 1210)) small.add(d);
    expect(small.sampleRate).toBe(1);
    const copy = { id: 'copy-of-f3', outlet: 'copy', text: changeWords(docs[3].text, 30, 1) };
    texts.set(copy.id, copy.text);
    const other = new NearDuplicateIndex({ memoryBudget: BUDGET }, (id) => texts.get(id));
    other.add(copy);
    small.merge(restored.merge(other));
    expect(small.sampleRate).toBeLessThanOrEqual(restored.sampleRate);
    expect(small.budgetedBytes).toBeLessThanOrEqual(BUDGET);
    expect(small.result().pairs.map((p) => [p.a, p.b])).toEqual([['f3', 'copy-of-f3']]);
  });

  it('refuses a budget that is not a positive number', () => {
    expect(() => new NearDuplicateIndex({ memoryBudget: 0 })).toThrow(/memoryBudget must be a positive number/);
  });
});

describe('thinning the typed arrays', () => {
  it('ChunkedPool.shrinkRecords keeps each record\'s prefix, in order, and gives the room back', () => {
    const pool = new ChunkedPool((n) => new Int32Array(n));
    const n = 3000;
    const starts = new Int32Array(n);
    const kept = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      starts[r] = pool.append(Array.from({ length: 200 }, (_, k) => r * 1000 + k));
      kept[r] = r % 3 === 0 ? 0 : 50 + (r % 7);
    }
    const before = pool.capacity;
    pool.shrinkRecords(starts, kept, n);
    for (let r = 0; r < n; r++) {
      expect(Array.from(pool.view(starts[r], kept[r]))).toEqual(Array.from({ length: kept[r] }, (_, k) => r * 1000 + k));
    }
    expect(pool.entries).toBe(kept.reduce((a, b) => a + b, 0));
    expect(pool.capacity).toBeLessThan(before / 3);
    // Appending after the shrink goes on from the packed records.
    const at = pool.append([1, 2, 3]);
    expect(Array.from(pool.view(at, 3))).toEqual([1, 2, 3]);
  });

  it('KeyPostings.retain forgets the dropped keys, keeps the others exact, and shrinks the table', () => {
    const postings = new KeyPostings(10);
    for (let key = 0; key < 20_000; key++) postings.add(key * 53_687, key);
    for (let doc = 0; doc < 30; doc++) postings.add(123, 100_000 + doc); // a key past the list limit
    for (let doc = 0; doc < 5; doc++) postings.add(2 ** 29 + 1, 200_000 + doc);
    const slots = postings.tableSlots;
    const limit = 2 ** 28;
    postings.retain((key) => key < limit);
    expect(postings.tableSlots).toBeLessThan(slots);
    for (let key = 0; key < 20_000; key++) {
      const k = key * 53_687;
      expect(postings.count(k)).toBe(k < limit ? (k === 123 ? 31 : 1) : 0);
    }
    expect(postings.count(2 ** 29 + 1)).toBe(0);
    const listed: number[] = [];
    postings.forEach(123, (d) => listed.push(d));
    expect(listed).toHaveLength(10);
    // Lists keep growing after the rebuild.
    postings.add(7 * 53_687, 999_999);
    const seven: number[] = [];
    postings.forEach(7 * 53_687, (d) => seven.push(d));
    expect(seven).toEqual([7, 999_999]);
  });
});
