/**
 * A bounded cache that forgets the least recently used entry first. The server caches rendered pages and per-selection
 * results in these so that memory stays bounded however many different queries arrive: at most `capacity` entries
 * and, when `maxChars` is given, at most that many characters of cached strings (a Compare page of ten long
 * articles is half a megabyte; the report of a large corpus tens of megabytes).
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  private chars = 0;

  /** `weigh` tells the size of a value in characters (default: a string's length, anything else 0). */
  constructor(readonly capacity: number, readonly maxChars = Infinity, private readonly weigh: (value: V) => number = charsOf) {
    if (!(capacity >= 1)) throw new RangeError(`cache capacity must be at least 1, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Characters of string values held. */
  get heldChars(): number {
    return this.chars;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const chars = this.weigh(value);
    // A value larger than the whole budget is not worth evicting everything else for.
    if (chars > this.maxChars) return;
    this.entries.set(key, value);
    this.chars += chars;
    while (this.entries.size > this.capacity || this.chars > this.maxChars) this.delete(this.entries.keys().next().value as K);
  }

  /** The cached value, or `make()` stored and returned. */
  getOrSet(key: K, make: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    this.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  private delete(key: K): void {
    if (!this.entries.has(key)) return;
    this.chars -= this.weigh(this.entries.get(key) as V);
    this.entries.delete(key);
  }
}

const charsOf = (value: unknown): number => (typeof value === 'string' ? value.length : 0);
