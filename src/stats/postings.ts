/** Entries per chunk of a ChunkedPool, as a power of two: 1 MB of Int32, 2 MB of Float64. */
export const CHUNK_BITS = 18;
const CHUNK = 1 << CHUNK_BITS;
/** `address & CHUNK_OFFSET` is a record's offset inside its chunk (`ChunkedPool.chunkAt(address)`). */
export const CHUNK_OFFSET = CHUNK - 1;
const FIRST_CHUNK = 1024;

/**
 * An append-only typed-array pool in chunks of 2^CHUNK_BITS entries, for records that each need a contiguous run of
 * entries (a document's near-duplicate keys, its stance triples, a postings segment). A record is addressed by one
 * number, its chunk and offset (`chunk << CHUNK_BITS | offset`). Only the last chunk grows, by copying, and only up
 * to full size; then a new one starts. So the pool never holds more than one chunk of unused room and never copies
 * what it already holds: a pool that doubles holds up to as much unused room as data, and while growing both copies
 * at once, which at 100k documents was tens of MB of a run's peak memory. A record longer than a chunk gets a chunk of
 * its own. Views (`view`, `chunkAt`) of the last chunk go stale when a later `reserve` grows it: take them after.
 */
export class ChunkedPool<T extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>> {
  private readonly chunks: T[] = [];
  /** Entries used in the last chunk. */
  private used = CHUNK;
  private reserved = 0;

  constructor(private readonly make: (length: number) => T) {}

  /** Room for `count` contiguous entries (zeroed, unless reused by the caller); returns their address. */
  reserve(count: number): number {
    let c = this.chunks.length - 1;
    this.reserved += count;
    // A full last chunk starts a new one even for an empty record, so that every address names an existing chunk.
    if (this.used + count > CHUNK || this.used === CHUNK) {
      c++;
      if (count > CHUNK) {
        this.chunks.push(this.make(count));
        this.used = CHUNK;
        return c * CHUNK;
      }
      this.chunks.push(this.make(Math.min(CHUNK, Math.max(FIRST_CHUNK, count))));
      this.used = 0;
    }
    const chunk = this.chunks[c];
    if (this.used + count > chunk.length) {
      const bigger = this.make(Math.min(CHUNK, Math.max(chunk.length * 2, this.used + count)));
      bigger.set(chunk.subarray(0, this.used));
      this.chunks[c] = bigger;
    }
    const at = c * CHUNK + this.used;
    this.used += count;
    return at;
  }

  /** Appends `values` as one record; returns its address. */
  append(values: ArrayLike<number>): number {
    const at = this.reserve(values.length);
    this.chunkAt(at).set(values, at & CHUNK_OFFSET);
    return at;
  }

  /** The `count` entries of the record at `at` (a view, not a copy). */
  view(at: number, count: number): T {
    const offset = at & CHUNK_OFFSET;
    return this.chunkAt(at).subarray(offset, offset + count) as T;
  }

  /** The chunk holding address `at`; the record starts at `at & CHUNK_OFFSET` in it. */
  chunkAt(at: number): T {
    return this.chunks[Math.floor(at / CHUNK)];
  }

  /** Entries handed out by `reserve` so far. */
  get entries(): number {
    return this.reserved;
  }

  /** Entries allocated, used or not (for memory tests). */
  get capacity(): number {
    let n = 0;
    for (const c of this.chunks) n += c.length;
    return n;
  }
}

/**
 * A compact inverted index from small non-negative integer keys to the documents holding them, in typed arrays, and
 * no object per key for the garbage collector to trace. A key held by one document (most keys) stores it in its
 * slot; a longer list lives in one contiguous segment of a shared pool, so reading a list is a sequential scan (a
 * chained list, one node per entry, costs a cache miss per entry: on corpora where paragraphs recur in hundreds of
 * documents that was most of the near-duplicate index's time). A full segment moves to one twice its size and the
 * freed one is reused by the next list of that size, so the pool holds at most four entries per listed one (about
 * 2.6 on the 10k generated corpus: 4 bytes each, where a chained node costs 8).
 */
export class KeyPostings {
  private keys = new Int32Array(1024).fill(-1);
  /** When the key has one document: −(document + 1); else the offset of its segment in `pool`. */
  private heads = new Int32Array(1024);
  /** Documents per key (listed or not): `count` answers at once, however long the list. */
  private sizes = new Int32Array(1024);
  /** Entries the key's segment can hold (a power of two ≥ 4); 0 while the key has one document. */
  private capacities = new Int32Array(1024);
  private used = 0;
  private readonly pool = new ChunkedPool((n) => new Int32Array(n));
  /** Per size class (log2 of the capacity): the first freed segment, chained through its first entry; −1 if none. */
  private readonly free = new Int32Array(32).fill(-1);

  /**
   * `listLimit`: documents beyond this many per key are counted but not listed. A caller that never reads the list
   * of a key held by more than `listLimit` documents (the near-duplicate index skips them as boilerplate) saves the
   * memory and the appends.
   */
  constructor(private readonly listLimit = Infinity) {}

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
    const listed = Math.min(this.sizes[slot], this.listLimit);
    this.sizes[slot]++;
    if (listed >= this.listLimit) return;
    if (listed === 1) {
      const segment = this.allocate(4);
      const chunk = this.pool.chunkAt(segment);
      chunk[segment & CHUNK_OFFSET] = -this.heads[slot] - 1;
      chunk[(segment & CHUNK_OFFSET) + 1] = document;
      this.heads[slot] = segment;
      this.capacities[slot] = 4;
      return;
    }
    let segment = this.heads[slot];
    const capacity = this.capacities[slot];
    if (listed === capacity) {
      const moved = this.allocate(capacity * 2);
      this.pool.chunkAt(moved).set(this.pool.view(segment, listed), moved & CHUNK_OFFSET);
      this.release(segment, capacity);
      segment = moved;
      this.heads[slot] = moved;
      this.capacities[slot] = capacity * 2;
    }
    this.pool.chunkAt(segment)[(segment & CHUNK_OFFSET) + listed] = document;
  }

  /** How many documents hold `key`. */
  count(key: number): number {
    const slot = this.slotOf(key);
    return this.keys[slot] === -1 ? 0 : this.sizes[slot];
  }

  /** Calls `visit` with every listed document holding `key`, in the order they were added. */
  forEach(key: number, visit: (document: number) => void): void {
    const slot = this.slotOf(key);
    if (this.keys[slot] === -1) return;
    const head = this.heads[slot];
    if (head < 0) {
      visit(-head - 1);
      return;
    }
    const chunk = this.pool.chunkAt(head);
    const start = head & CHUNK_OFFSET;
    const end = start + Math.min(this.sizes[slot], this.listLimit);
    for (let k = start; k < end; k++) visit(chunk[k]);
  }

  /**
   * For every listed document below `below` holding `key`: one more in `tally[document]`, and the document appended
   * to `firstSeen` the first time (the candidate loop of near-duplicates, without a callback per document).
   */
  tally(key: number, tally: Int32Array, below: number, firstSeen: DocumentList): void {
    const slot = this.slotOf(key);
    if (this.keys[slot] === -1) return;
    const head = this.heads[slot];
    if (head < 0) {
      const document = -head - 1;
      if (document < below && tally[document]++ === 0) firstSeen.push(document);
      return;
    }
    const pool = this.pool.chunkAt(head);
    const start = head & CHUNK_OFFSET;
    const end = start + Math.min(this.sizes[slot], this.listLimit);
    for (let k = start; k < end; k++) {
      const document = pool[k];
      if (document < below && tally[document]++ === 0) firstSeen.push(document);
    }
  }

  /** Entries the pool has room for, listed or free (for memory tests). */
  get pooledEntries(): number {
    return this.pool.entries;
  }

  private allocate(capacity: number): number {
    const size = 31 - Math.clz32(capacity);
    const reused = this.free[size];
    if (reused !== -1) {
      this.free[size] = this.pool.chunkAt(reused)[reused & CHUNK_OFFSET];
      return reused;
    }
    return this.pool.reserve(capacity);
  }

  private release(segment: number, capacity: number): void {
    const size = 31 - Math.clz32(capacity);
    this.pool.chunkAt(segment)[segment & CHUNK_OFFSET] = this.free[size];
    this.free[size] = segment;
  }

  /** Linear probing over a power-of-two table; the multiply spreads keys that differ only in high bits. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.keys[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private growTable(): void {
    const { keys, heads, sizes, capacities } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.heads = new Int32Array(keys.length * 2);
    this.sizes = new Int32Array(keys.length * 2);
    this.capacities = new Int32Array(keys.length * 2);
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === -1) continue;
      const slot = this.slotOf(keys[old]);
      this.keys[slot] = keys[old];
      this.heads[slot] = heads[old];
      this.sizes[slot] = sizes[old];
      this.capacities[slot] = capacities[old];
    }
  }
}

/** A growable list of document numbers in a typed array, reused from one probe to the next (no boxing, no garbage). */
export class DocumentList {
  items = new Int32Array(1024);
  length = 0;

  push(document: number): void {
    if (this.length === this.items.length) this.items = growInt32(this.items);
    this.items[this.length++] = document;
  }

  clear(): void {
    this.length = 0;
  }
}

/** The array at twice its length, contents kept (typed arrays cannot grow in place). */
export function growInt32(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
