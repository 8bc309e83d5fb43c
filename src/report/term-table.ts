/**
 * The report builder's keyness word counts per outlet. Each document adds its ~200 distinct words to its outlet's
 * counts; as one Map of strings per outlet this was ~4% of a batch run's CPU, nearly all of it cache misses: every
 * outlet held its own copy of each word's string and the lookup compared the document's fresh string with it. Here
 * words get a number once for all outlets (one table of strings, `Vocabulary`) and each outlet counts by number in
 * an open-addressing table of doubles, so a document's words touch one shared string table and one small array.
 * What a caller reads is a ReadonlyMap as before (the table is one, not a copy: a copy would double the counts'
 * memory in the report stage): the words in the order the outlet first counted them, with their sums.
 */

/** Strings numbered in the order first met: the words the outlets of one report builder count (and its referent ids). */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  /** The word's number, or undefined for a word no outlet counted. */
  find(word: string): number | undefined {
    return this.ids.get(word);
  }
  readonly words: string[] = [];

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }
}

const FIRST_SLOTS = 256;

/** One outlet's word counts (a ReadonlyMap of word to count) and total. */
export class OutletTerms implements ReadonlyMap<string, number> {
  total = 0;
  /** Pairs of (word number + 1, count); 0 marks an empty slot. Kept at most half full. */
  private slots = new Float64Array(FIRST_SLOTS * 2);
  private distinct = 0;
  /** Word numbers in the order first counted (the Map order callers read). */
  private order = new Int32Array(FIRST_SLOTS);

  constructor(private readonly vocabulary: Vocabulary) {}

  /** Adds `n` to the word's count (the total is the caller's: a builder's state carries it on its own). */
  add(word: string, n: number): void {
    this.addId(this.vocabulary.id(word), n);
  }

  private addId(id: number, n: number): void {
    const key = id + 1;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    // Word numbers are dense from 0: an odd multiplier spreads them over the low bits without collisions in a run.
    let h = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const at = slots[2 * h];
      if (at === key) {
        slots[2 * h + 1] += n;
        return;
      }
      if (at === 0) break;
      h = (h + 1) & mask;
    }
    slots[2 * h] = key;
    slots[2 * h + 1] = n;
    if (this.distinct === this.order.length) {
      const grown = new Int32Array(this.order.length * 2);
      grown.set(this.order);
      this.order = grown;
    }
    this.order[this.distinct++] = id;
    if (this.distinct * 2 > mask) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Float64Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      const key = old[j];
      if (key === 0) continue;
      let h = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (slots[2 * h] !== 0) h = (h + 1) & mask;
      slots[2 * h] = key;
      slots[2 * h + 1] = old[j + 1];
    }
    this.slots = slots;
  }

  /** The slot pair's index of word number `id`, or -1 when the table does not hold it (open addressing). */
  private slotOf(id: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const key = id + 1;
    let h = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const at = slots[2 * h];
      if (at === key) return 2 * h;
      if (at === 0) return -1;
      h = (h + 1) & mask;
    }
  }

  private countOf(id: number): number {
    const at = this.slotOf(id);
    return at < 0 ? 0 : this.slots[at + 1];
  }

  get size(): number {
    return this.distinct;
  }

  get(word: string): number | undefined {
    const id = this.vocabulary.find(word);
    if (id === undefined) return undefined;
    const at = this.slotOf(id);
    return at < 0 ? undefined : this.slots[at + 1];
  }

  has(word: string): boolean {
    const id = this.vocabulary.find(word);
    return id !== undefined && this.slotOf(id) >= 0;
  }

  *entries(): MapIterator<[string, number]> {
    const words = this.vocabulary.words;
    for (let k = 0; k < this.distinct; k++) yield [words[this.order[k]], this.countOf(this.order[k])];
  }

  *keys(): MapIterator<string> {
    for (let k = 0; k < this.distinct; k++) yield this.vocabulary.words[this.order[k]];
  }

  *values(): MapIterator<number> {
    for (let k = 0; k < this.distinct; k++) yield this.countOf(this.order[k]);
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (const [word, n] of this.entries()) callback.call(thisArg, n, word, this);
  }
}
