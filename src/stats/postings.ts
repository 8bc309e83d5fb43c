import type { ScratchFile } from '../text/scratch-file.js';

/** Entries per chunk of a ChunkedPool, as a power of two: 1 MB of Int32, 2 MB of Float64. */
export const CHUNK_BITS = 18;
const CHUNK = 1 << CHUNK_BITS;
/** `address & CHUNK_OFFSET` is a record's offset inside its chunk (`ChunkedPool.chunkAt(address)`). */
export const CHUNK_OFFSET = CHUNK - 1;
const FIRST_CHUNK = 1024;
/** Chunks read back from a pool's scratch file that stay cached. */
const CACHED_CHUNKS = 2;

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
  /** Undefined where a chunk went to the scratch file. */
  private readonly chunks: Array<T | undefined> = [];
  /** Where each chunk that went to the scratch file starts in it, and its length in entries. */
  private readonly spilledAt: number[] = [];
  private readonly spilledLength: number[] = [];
  /** The chunks read back last, most recent first: a pass in address order reads each chunk once. */
  private readonly cache: Array<{ c: number; chunk: T; room: T }> = [];
  /** Chunks read back from the scratch file (tests). */
  chunkReads = 0;
  /** Entries used in the last chunk. */
  private used = CHUNK;
  private reserved = 0;
  /** Entries allocated in all chunks (kept as a running sum: budgets read it after every document). */
  private allocated = 0;

  /**
   * `spill`: when a chunk is full it is written there and let go, so memory holds the chunk being filled and the two
   * read back last, whatever the pool's size (a batch run's pools, read in passes at the end). Records are then
   * read-only once a later chunk has started.
   */
  constructor(private readonly make: (length: number) => T, private readonly spill?: ScratchFile) {}

  /** Room for `count` contiguous entries (zeroed, unless reused by the caller); returns their address. */
  reserve(count: number): number {
    let c = this.chunks.length - 1;
    this.reserved += count;
    // A full last chunk starts a new one even for an empty record, so that every address names an existing chunk.
    if (this.used + count > CHUNK || this.used === CHUNK) {
      if (this.spill && c >= 0) this.spillChunk(c);
      c++;
      if (count > CHUNK) {
        this.chunks.push(this.make(count));
        this.allocated += count;
        this.used = CHUNK;
        return c * CHUNK;
      }
      const first = Math.min(CHUNK, Math.max(FIRST_CHUNK, count));
      this.chunks.push(this.make(first));
      this.allocated += first;
      this.used = 0;
    }
    const chunk = this.chunks[c] as T;
    if (this.used + count > chunk.length) {
      const bigger = this.make(Math.min(CHUNK, Math.max(chunk.length * 2, this.used + count)));
      bigger.set(chunk.subarray(0, this.used));
      this.allocated += bigger.length - chunk.length;
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

  /**
   * The chunk holding address `at`; the record starts at `at & CHUNK_OFFSET` in it. A chunk read back from the
   * scratch file is valid until two other chunks have been read back (its buffer may then hold another chunk): read
   * what is needed from it before asking for another address.
   */
  chunkAt(at: number): T {
    const c = Math.floor(at / CHUNK);
    return this.chunks[c] ?? this.readBack(c);
  }

  /**
   * The `count` entries of the record at `at`: a view when its chunk is in memory, else the record alone read from
   * the scratch file (for records read out of address order, where reading back their whole chunk would be waste).
   */
  record(at: number, count: number): T {
    const c = Math.floor(at / CHUNK);
    const chunk = this.chunks[c] ?? this.cache.find((entry) => entry.c === c)?.chunk;
    const offset = at & CHUNK_OFFSET;
    if (chunk) return chunk.subarray(offset, offset + count) as T;
    if (this.spilledAt[c] === undefined) throw new RangeError(`chunked pool: no chunk ${c} (address past the end)`);
    const values = this.make(count);
    (this.spill as ScratchFile).read(this.spilledAt[c] + offset * values.BYTES_PER_ELEMENT, values);
    return values;
  }

  /** Bytes of the chunks held in memory (the one being filled, and those read back and cached). */
  get heldBytes(): number {
    let bytes = 0;
    for (const chunk of this.chunks) if (chunk) bytes += chunk.byteLength;
    for (const { room } of this.cache) bytes += room.byteLength;
    return bytes;
  }

  private spillChunk(c: number): void {
    const chunk = this.chunks[c];
    if (!chunk) return;
    // Only what was handed out (it is the last chunk): the rest is unused room. A record longer than a chunk fills its own.
    const length = chunk.length > CHUNK ? chunk.length : Math.min(this.used, chunk.length);
    this.spilledAt[c] = (this.spill as ScratchFile).append(chunk.subarray(0, length));
    this.spilledLength[c] = length;
    this.chunks[c] = undefined;
  }

  private readBack(c: number): T {
    const x = this.cache.findIndex((entry) => entry.c === c);
    if (x >= 0) {
      const entry = this.cache[x];
      if (x > 0) this.cache.splice(x, 1), this.cache.unshift(entry);
      return entry.chunk;
    }
    if (this.spilledAt[c] === undefined) throw new RangeError(`chunked pool: no chunk ${c} (address past the end)`);
    // The chunk that leaves the cache lends its buffer when it has the right length (every full chunk has): a fresh
    // array per read was 1–2 MB of garbage outside the JS heap each time, and a pass per outlet over a 300k
    // document pool read tens of them.
    // Chunks go to the file with only their used entries (a few short of CHUNK each), so a buffer is made with room
    // for a full chunk and the chunk is a view of its start.
    const length = this.spilledLength[c];
    const evicted = this.cache.length >= CACHED_CHUNKS ? this.cache.pop() : undefined;
    const room = evicted && evicted.room.length >= length ? evicted.room : this.make(Math.max(CHUNK, length));
    const chunk = room.length === length ? room : (room.subarray(0, length) as T);
    this.chunkReads++;
    (this.spill as ScratchFile).read(this.spilledAt[c], chunk);
    this.cache.unshift({ c, chunk, room });
    return chunk;
  }

  /** Entries handed out by `reserve` so far. */
  get entries(): number {
    return this.reserved;
  }

  /** Entries allocated, used or not (memory budgets and tests). */
  get capacity(): number {
    return this.allocated;
  }

  /**
   * Keeps the first `kept[r]` entries of each of the first `n` records, whose addresses `starts` holds in ascending
   * order (as `append` handed them out), and packs them into new chunks; `starts` is updated in place. Each old chunk
   * is let go as soon as the records in it have moved, so while packing the pool holds at most one chunk more than
   * before: a pool that is thinned because it reached a memory budget must not double first.
   */
  shrinkRecords(starts: Int32Array | BlockColumn<Int32Array<ArrayBuffer>>, kept: Int32Array | BlockColumn<Int32Array<ArrayBuffer>>, n: number): void {
    if (this.spill) throw new Error('chunked pool: a pool that spills to a file is not packed');
    const old: Array<T | undefined> = this.chunks.splice(0);
    this.used = CHUNK;
    this.reserved = 0;
    this.allocated = 0;
    let released = 0;
    const read = (column: Int32Array | BlockColumn<Int32Array<ArrayBuffer>>, r: number) => (column instanceof BlockColumn ? column.get(r) : column[r]);
    for (let r = 0; r < n; r++) {
      const at = read(starts, r);
      const c = Math.floor(at / CHUNK);
      while (released < c) old[released++] = undefined;
      const offset = at & CHUNK_OFFSET;
      const values = (old[c] as T).subarray(offset, offset + read(kept, r));
      const start = this.append(values);
      if (starts instanceof BlockColumn) starts.set(r, start);
      else starts[r] = start;
    }
  }
}

/** Sub-tables of a KeyPostings table, chosen by a key's low bits; each grows on its own. */
const PART_BITS = 8;
const PARTS = 1 << PART_BITS;
const PART_MASK = PARTS - 1;
const EMPTY = -1;

/**
 * A compact inverted index from small non-negative integer keys (below 2^31) to the documents holding them, in typed
 * arrays, with no object per key for the garbage collector to trace.
 *
 * The key table takes 8 bytes a slot (the key, and either its one document or the number of its list), because on
 * text that seldom repeats nearly every key has one document: 100k articles of such text hold ~3M distinct keys. It is
 * split by the key's low bits into 256 open-addressing sub-tables that each double on their own, so growing never
 * allocates more than 1/256 of the table at once (one table doubling held its old and new arrays together: 96 MB at
 * that size). A key held by two or more documents gets a list number; its documents live in one contiguous segment
 * of a shared chunked pool, so reading a list is a sequential scan (a chained list, one node per entry, costs a cache
 * miss per entry: on corpora where paragraphs recur in hundreds of documents that was most of the near-duplicate
 * index's time). A full segment moves to one twice its size and the freed one is reused by the next list of that
 * size, so the pool holds at most four entries per listed one (about 2.6 on the 10k generated corpus).
 */
export class KeyPostings {
  private readonly keys: Int32Array<ArrayBuffer>[] = [];
  /** When the key has one document: −(document + 1); else the number of its list (below). */
  private readonly heads: Int32Array<ArrayBuffer>[] = [];
  private readonly used = new Int32Array(PARTS);
  /** Per list: where its segment starts in `pool`, documents holding the key (listed or not), segment capacity. */
  private segments = new Int32Array(256);
  private sizes = new Int32Array(256);
  private capacities = new Int32Array(256);
  private lists = 0;
  private pool = new ChunkedPool((n) => new Int32Array(n));
  /** Slots of all sub-tables (a running sum, read by memory budgets after every document). */
  private slots = 8 * PARTS;
  /** Per size class (log2 of the capacity): the first freed segment, chained through its first entry; −1 if none. */
  private readonly free = new Int32Array(32).fill(-1);

  /**
   * `listLimit`: documents beyond this many per key are counted but not listed. A caller that never reads the list
   * of a key held by more than `listLimit` documents (the near-duplicate index skips them as boilerplate) saves the
   * memory and the appends.
   */
  constructor(private readonly listLimit = Infinity) {
    for (let p = 0; p < PARTS; p++) {
      this.keys.push(new Int32Array(8).fill(EMPTY));
      this.heads.push(new Int32Array(8));
    }
  }

  /** Records that `document` holds `key` (key ≥ 0, document ≥ 0). */
  add(key: number, document: number): void {
    const part = key & PART_MASK;
    if ((this.used[part] + 1) * 4 > this.keys[part].length * 3) this.growPart(part);
    const keys = this.keys[part];
    const heads = this.heads[part];
    const slot = this.slotOf(part, key);
    if (keys[slot] === EMPTY) {
      keys[slot] = key;
      heads[slot] = -(document + 1);
      this.used[part]++;
      return;
    }
    const head = heads[slot];
    if (head < 0) {
      // The second document: the key gets a list.
      const list = this.newList();
      this.sizes[list] = 2;
      heads[slot] = list;
      if (this.listLimit < 2) {
        // Only the first document is listed: it stays where a segment would start, as a singleton slot keeps it.
        this.segments[list] = head;
        this.capacities[list] = 0;
        return;
      }
      const segment = this.allocate(4);
      const chunk = this.pool.chunkAt(segment);
      chunk[segment & CHUNK_OFFSET] = -head - 1;
      chunk[(segment & CHUNK_OFFSET) + 1] = document;
      this.segments[list] = segment;
      this.capacities[list] = 4;
      return;
    }
    const list = head;
    const listed = Math.min(this.sizes[list], this.listLimit);
    this.sizes[list]++;
    if (listed >= this.listLimit) return;
    let segment = this.segments[list];
    const capacity = this.capacities[list];
    if (listed === capacity) {
      const moved = this.allocate(capacity * 2);
      this.pool.chunkAt(moved).set(this.pool.view(segment, listed), moved & CHUNK_OFFSET);
      this.release(segment, capacity);
      segment = moved;
      this.segments[list] = moved;
      this.capacities[list] = capacity * 2;
    }
    this.pool.chunkAt(segment)[(segment & CHUNK_OFFSET) + listed] = document;
  }

  /** How many documents hold `key`. */
  count(key: number): number {
    const part = key & PART_MASK;
    const slot = this.slotOf(part, key);
    if (this.keys[part][slot] === EMPTY) return 0;
    const head = this.heads[part][slot];
    return head < 0 ? 1 : this.sizes[head];
  }

  /** Calls `visit` with every listed document holding `key`, in the order they were added. */
  forEach(key: number, visit: (document: number) => void): void {
    const part = key & PART_MASK;
    const slot = this.slotOf(part, key);
    if (this.keys[part][slot] === EMPTY) return;
    const head = this.heads[part][slot];
    if (head < 0) {
      visit(-head - 1);
      return;
    }
    const segment = this.segments[head];
    if (this.capacities[head] === 0) {
      visit(-segment - 1);
      return;
    }
    const n = Math.min(this.sizes[head], this.listLimit);
    const chunk = this.pool.chunkAt(segment);
    const start = segment & CHUNK_OFFSET;
    for (let k = start; k < start + n; k++) visit(chunk[k]);
  }

  /**
   * `tallyBlocks` with the counters in one Int32Array (the reference index of the tests counts so); the array is read
   * and written through block-sized views of it, so both count the same way by the same code.
   */
  tally(key: number, tally: Int32Array<ArrayBuffer>, below: number, firstSeen: DocumentList): void {
    this.tallyBlocks(key, BlockColumn.over(tally), below, firstSeen);
  }

  /**
   * For every listed document below `below` holding `key`: one more in `tally`'s entry of the document (a BlockColumn,
   * the near-duplicate index's, one per document added), and the document appended to `firstSeen` the first time (the
   * candidate loop of near-duplicates, without a callback per document).
   */
  tallyBlocks(key: number, tally: BlockColumn<Int32Array<ArrayBuffer>>, below: number, firstSeen: DocumentList): void {
    const part = key & PART_MASK;
    const slot = this.slotOf(part, key);
    if (this.keys[part][slot] === EMPTY) return;
    const head = this.heads[part][slot];
    const blocks = tally.blocks;
    if (head < 0) {
      const document = -head - 1;
      if (document < below && blocks[document >>> BLOCK_BITS][document & BLOCK_MASK]++ === 0) firstSeen.push(document);
      return;
    }
    const segment = this.segments[head];
    if (this.capacities[head] === 0) {
      const document = -segment - 1;
      if (document < below && blocks[document >>> BLOCK_BITS][document & BLOCK_MASK]++ === 0) firstSeen.push(document);
      return;
    }
    const n = Math.min(this.sizes[head], this.listLimit);
    const pool = this.pool.chunkAt(segment);
    const start = segment & CHUNK_OFFSET;
    for (let k = start; k < start + n; k++) {
      const document = pool[k];
      if (document < below && blocks[document >>> BLOCK_BITS][document & BLOCK_MASK]++ === 0) firstSeen.push(document);
    }
  }

  /** Entries the pool has room for, listed or free (for memory tests). */
  get pooledEntries(): number {
    return this.pool.entries;
  }

  /** Slots of the key table (memory budgets and tests). */
  get tableSlots(): number {
    return this.slots;
  }

  /** Bytes of the typed arrays it holds: the key table, the list pool and the per-list columns. */
  get bytes(): number {
    return this.slots * 8 + this.pool.capacity * 4 + this.segments.length * 12;
  }

  /**
   * Forgets every key for which `keep` is false, with its list, and rebuilds the table and the pool to fit what is
   * left: a memory budget is met by dropping keys, and the arrays must shrink with them. Kept keys keep their exact
   * counts and their lists in order. While it runs, the new table and pool exist beside the old pool (each old
   * sub-table is dropped as soon as it is rebuilt), so the transient cost is the kept share of the lists.
   */
  retain(keep: (key: number) => boolean): void {
    const oldPool = this.pool;
    const oldSegments = this.segments;
    const oldSizes = this.sizes;
    const oldCapacities = this.capacities;
    this.pool = new ChunkedPool((n) => new Int32Array(n));
    this.free.fill(-1);
    this.segments = new Int32Array(256);
    this.sizes = new Int32Array(256);
    this.capacities = new Int32Array(256);
    this.lists = 0;
    for (let part = 0; part < PARTS; part++) {
      const keys = this.keys[part];
      const heads = this.heads[part];
      let kept = 0;
      for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== EMPTY && keep(keys[slot])) kept++;
      // Room for one more key before the next growth, as `add` requires.
      let length = 8;
      while ((kept + 1) * 4 > length * 3) length *= 2;
      this.keys[part] = new Int32Array(length).fill(EMPTY);
      this.heads[part] = new Int32Array(length);
      this.slots += length - keys.length;
      this.used[part] = kept;
      const newKeys = this.keys[part];
      const newHeads = this.heads[part];
      for (let old = 0; old < keys.length; old++) {
        const key = keys[old];
        if (key === EMPTY || !keep(key)) continue;
        let head = heads[old];
        if (head >= 0) {
          const list = this.newList();
          const capacity = oldCapacities[head];
          this.sizes[list] = oldSizes[head];
          this.capacities[list] = capacity;
          if (capacity === 0) this.segments[list] = oldSegments[head];
          else {
            const segment = this.pool.reserve(capacity);
            const listed = Math.min(oldSizes[head], this.listLimit);
            this.pool.chunkAt(segment).set(oldPool.view(oldSegments[head], listed), segment & CHUNK_OFFSET);
            this.segments[list] = segment;
          }
          head = list;
        }
        const slot = this.slotOf(part, key);
        newKeys[slot] = key;
        newHeads[slot] = head;
      }
    }
  }

  private newList(): number {
    if (this.lists === this.sizes.length) {
      this.segments = growInt32(this.segments);
      this.sizes = growInt32(this.sizes);
      this.capacities = growInt32(this.capacities);
    }
    return this.lists++;
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

  /**
   * Linear probing in the key's sub-table. Keys of one sub-table share their low bits, so the slot comes from the
   * high bits of a multiplicative hash of the whole key.
   */
  private slotOf(part: number, key: number): number {
    const keys = this.keys[part];
    const mask = keys.length - 1;
    // The slot count is a power of two: its log2 is 31 minus its leading zeros.
    let slot = Math.imul(key, 0x9e3779b1) >>> (1 + Math.clz32(keys.length));
    while (keys[slot] !== EMPTY && keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private growPart(part: number): void {
    const keys = this.keys[part];
    const heads = this.heads[part];
    this.keys[part] = new Int32Array(keys.length * 2).fill(EMPTY);
    this.heads[part] = new Int32Array(keys.length * 2);
    this.slots += keys.length;
    const newKeys = this.keys[part];
    const newHeads = this.heads[part];
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === EMPTY) continue;
      const slot = this.slotOf(part, keys[old]);
      newKeys[slot] = keys[old];
      newHeads[slot] = heads[old];
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

/** Entries per block of a BlockColumn (2^16): 256 KB of Int32. */
export const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK - 1;
const FIRST_BLOCK = 1024;

/**
 * A per-document column of numbers in blocks of 2^16 entries: it grows by adding a block, never by copying what it
 * holds, so it holds its entries plus at most one block's spare room. A doubling array held up to as much unused
 * room as data and, while it grew, both copies (~3× its data for a moment). The first block starts small and
 * doubles up to full size, so a small index stays small.
 */
export class BlockColumn<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>> {
  readonly blocks: T[] = [];

  constructor(private readonly make: (length: number) => T) {}

  /** A column over an existing Int32Array: its blocks are views of the array, so writes land in it. Not to grow. */
  static over(array: Int32Array<ArrayBuffer>): BlockColumn<Int32Array<ArrayBuffer>> {
    const column = new BlockColumn<Int32Array<ArrayBuffer>>(() => {
      throw new Error('BlockColumn.over: a column over an array does not grow');
    });
    for (let k = 0; k < array.length; k += BLOCK) column.blocks.push(array.subarray(k, Math.min(array.length, k + BLOCK)));
    return column;
  }

  /** Makes room for positions below `n` (new entries are 0). */
  reserve(n: number): void {
    if (n <= this.capacity) return;
    if (this.blocks.length === 0) this.blocks.push(this.make(Math.min(BLOCK, Math.max(FIRST_BLOCK, n))));
    const first = this.blocks[0];
    if (first.length < BLOCK && n > first.length) {
      const bigger = this.make(Math.min(BLOCK, Math.max(first.length * 2, n)));
      bigger.set(first);
      this.blocks[0] = bigger;
    }
    while (this.capacity < n) this.blocks.push(this.make(BLOCK));
  }

  get capacity(): number {
    return this.blocks.length === 0 ? 0 : this.blocks[0].length + (this.blocks.length - 1) * BLOCK;
  }

  get byteLength(): number {
    let n = 0;
    for (const b of this.blocks) n += b.byteLength;
    return n;
  }

  get(k: number): number {
    return this.blocks[k >>> BLOCK_BITS][k & BLOCK_MASK];
  }

  set(k: number, value: number): void {
    this.blocks[k >>> BLOCK_BITS][k & BLOCK_MASK] = value;
  }

  increment(k: number): void {
    this.blocks[k >>> BLOCK_BITS][k & BLOCK_MASK]++;
  }
}

/** The array at twice its length, contents kept (typed arrays cannot grow in place). */
export function growInt32(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * One string per distinct value: documents parsed one at a time each bring their own copy of a repeated outlet,
 * date or place name, and an index that keeps one value per document keeps every copy unless they are shared.
 */
export class Interner {
  private readonly known = new Map<string, string>();

  get(value: string): string {
    const known = this.known.get(value);
    if (known !== undefined) return known;
    this.known.set(value, value);
    return value;
  }
}
