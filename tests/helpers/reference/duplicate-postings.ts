/** The chained postings of the previous near-duplicate index (see duplicate-index.ts), unchanged. */
/**
 * A compact inverted index from small non-negative integer keys to the documents holding them, in typed arrays:
 * about 16–20 bytes per (key, document) entry where a Map of arrays costs 60 or more, and no object per key for the
 * garbage collector to trace. A key held by one document (most keys) stores it in its slot; longer lists are
 * chained, newest first.
 */
export class KeyPostings {
  private keys = new Int32Array(1024).fill(-1);
  /** ≥ 0: first node of the key's list; < 0: the only document, as −(document + 1). */
  private heads = new Int32Array(1024);
  /** Documents per key: `count` answers at once, however long the list (a probe asks it for every key). */
  private sizes = new Int32Array(1024);
  private used = 0;
  private nodeDocument = new Int32Array(1024);
  private nodeNext = new Int32Array(1024);
  private nodes = 0;

  /** Records that `document` holds `key` (key ≥ 0, document ≥ 0). */
  add(key: number, document: number): void {
    if ((this.used + 1) * 4 > this.keys.length * 3) this.growTable();
    const slot = this.slotOf(key);
    if (this.keys[slot] === -1) {
      this.keys[slot] = key;
      this.heads[slot] = -(document + 1);
      this.sizes[slot] = 1;
      this.used++;
      return;
    }
    this.sizes[slot]++;
    let head = this.heads[slot];
    if (head < 0) head = this.node(-head - 1, -1);
    this.heads[slot] = this.node(document, head);
  }

  /** How many documents hold `key`. */
  count(key: number): number {
    const slot = this.slotOf(key);
    return this.keys[slot] === -1 ? 0 : this.sizes[slot];
  }

  /** Calls `visit` with every document holding `key`, newest first. */
  forEach(key: number, visit: (document: number) => void): void {
    const slot = this.slotOf(key);
    if (this.keys[slot] === -1) return;
    const head = this.heads[slot];
    if (head < 0) {
      visit(-head - 1);
      return;
    }
    for (let node = head; node !== -1; node = this.nodeNext[node]) visit(this.nodeDocument[node]);
  }

  /**
   * For every document below `below` holding `key`: one more in `tally[document]`, and the document appended to
   * `firstSeen` the first time (the candidate loop of near-duplicates, without a callback per document).
   */
  tally(key: number, tally: Int32Array, below: number, firstSeen: number[]): void {
    const slot = this.slotOf(key);
    if (this.keys[slot] === -1) return;
    const head = this.heads[slot];
    if (head < 0) {
      const document = -head - 1;
      if (document < below && tally[document]++ === 0) firstSeen.push(document);
      return;
    }
    const nodeDocument = this.nodeDocument;
    const nodeNext = this.nodeNext;
    for (let node = head; node !== -1; node = nodeNext[node]) {
      const document = nodeDocument[node];
      if (document < below && tally[document]++ === 0) firstSeen.push(document);
    }
  }

  private node(document: number, next: number): number {
    if (this.nodes === this.nodeDocument.length) {
      this.nodeDocument = growInt32(this.nodeDocument);
      this.nodeNext = growInt32(this.nodeNext);
    }
    this.nodeDocument[this.nodes] = document;
    this.nodeNext[this.nodes] = next;
    return this.nodes++;
  }

  /** Linear probing over a power-of-two table; the multiply spreads keys that differ only in high bits. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.keys[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private growTable(): void {
    const { keys, heads, sizes } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.heads = new Int32Array(keys.length * 2);
    this.sizes = new Int32Array(keys.length * 2);
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === -1) continue;
      const slot = this.slotOf(keys[old]);
      this.keys[slot] = keys[old];
      this.heads[slot] = heads[old];
      this.sizes[slot] = sizes[old];
    }
  }
}

/** The array at twice its length, contents kept (typed arrays cannot grow in place). */
export function growInt32(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
