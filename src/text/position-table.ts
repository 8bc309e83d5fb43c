/**
 * An exact lookup of things kept elsewhere by position (the k-th id of an array, the k-th digest of a column): an
 * open-addressing table of positions and their hashes, 16 bytes per entry at most (load ≤ 1/2). A Map or Set costs
 * ~40–50 bytes per entry on top of its keys, and a key made for the map (a string per document) more again; over a
 * whole batch run that is what grows with the number of documents.
 */
export class PositionTable {
  /** position + 1 per slot; 0: empty. */
  private positions = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The position whose entry has this hash and satisfies `matches`, or −1. */
  find(hash: number, matches: (position: number) => boolean): number {
    const mask = this.positions.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const p = this.positions[slot];
      if (p === 0) return -1;
      if (this.hashes[slot] === hash && matches(p - 1)) return p - 1;
    }
  }

  /** Adds an entry (the caller has checked with `find` that no equal one is there). */
  add(hash: number, position: number): void {
    if (!(position >= 0 && position < 2 ** 31 - 1)) throw new RangeError(`position table: position ${position} out of range`);
    if ((this.count + 1) * 2 > this.positions.length) this.grow();
    this.place(hash | 0, position + 1);
    this.count++;
  }

  private place(hash: number, stored: number): void {
    const mask = this.positions.length - 1;
    let slot = hash & mask;
    while (this.positions[slot] !== 0) slot = (slot + 1) & mask;
    this.positions[slot] = stored;
    this.hashes[slot] = hash;
  }

  private grow(): void {
    const positions = this.positions;
    const hashes = this.hashes;
    this.positions = new Int32Array(positions.length * 2);
    this.hashes = new Int32Array(positions.length * 2);
    for (let slot = 0; slot < positions.length; slot++) if (positions[slot] !== 0) this.place(hashes[slot], positions[slot]);
  }
}

/** A 32-bit FNV-1a hash of a string's UTF-16 code units, mixed at the end so that its low bits spread. */
export function stringHash(value: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < value.length; k++) h = Math.imul(h ^ value.charCodeAt(k), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

/**
 * An exact set of strings that are kept in an array anyway (ids in the order seen): `add` appends to the array and
 * indexes the position, so the set itself costs at most 16 bytes per string.
 */
export class StringPositions {
  private readonly table = new PositionTable();

  constructor(private readonly values: readonly string[]) {}

  /** The position of `value` in the array, or −1. */
  find(value: string): number {
    return this.table.find(stringHash(value), (p) => this.values[p] === value);
  }

  /** Indexes position `position` of the array (which must hold a value not indexed yet). */
  index(position: number): void {
    this.table.add(stringHash(this.values[position]), position);
  }
}
