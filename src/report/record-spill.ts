/**
 * Where the report builder keeps the bulky part of its per-document records (report metadata, packed counts,
 * opening words, category counts) until `finish` reads them back, in the order they were added.
 *
 * In memory for small corpora and the server; in a temporary file for batch runs (`analyze`, `merge`), so that what
 * the builder holds in memory per document is only what the statistics resample (a few numbers and the event
 * names), not kilobytes of metadata: at 100k documents that is the difference between ~300 MB and ~30 MB.
 *
 * The file is JSON lines written in large chunks and read back sequentially in large chunks: no index, no random
 * access, because `finish` only ever walks the records from first to last.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RecordSpill<T> {
  /** Records added so far. */
  readonly length: number;
  push(record: T): void;
  /** Every record, in the order pushed. Pushing while a walk is under way is not allowed. */
  records(): Iterable<T>;
  /** Frees what the spill holds (deletes its file). The spill is unusable afterwards. */
  dispose(): void;
}

export class MemorySpill<T> implements RecordSpill<T> {
  private readonly items: T[] = [];

  get length(): number {
    return this.items.length;
  }

  push(record: T): void {
    this.items.push(record);
  }

  records(): Iterable<T> {
    return this.items;
  }

  dispose(): void {
    this.items.length = 0;
  }
}

/** Bytes gathered before one write, and read at once when walking. */
const CHUNK = 1 << 20;

export class FileSpill<T> implements RecordSpill<T> {
  private readonly dir: string;
  private readonly path: string;
  private fd: number | null;
  private pending: string[] = [];
  private pendingChars = 0;
  private count = 0;
  private walking = 0;

  /** `parent`: the folder for the temporary file (default: the system's temporary folder). */
  constructor(parent: string = tmpdir()) {
    this.dir = mkdtempSync(join(parent, 'framelens-records-'));
    this.path = join(this.dir, 'records.jsonl');
    this.fd = openSync(this.path, 'w+');
    // Removed at once and used through the open descriptor, so that a run killed at any moment (kill -9 included)
    // leaves no file behind: the system frees it when the process ends. Where an open file cannot be removed
    // (Windows), `dispose` removes it.
    try {
      rmSync(this.dir, { recursive: true });
    } catch {
      // left for dispose
    }
  }

  get length(): number {
    return this.count;
  }

  push(record: T): void {
    if (this.fd === null) throw new Error('record spill: used after dispose');
    if (this.walking) throw new Error('record spill: a record was added while the records were being read');
    // JSON.stringify never emits a raw line break (it escapes them in strings), so one record is one line.
    const line = `${JSON.stringify(record)}\n`;
    this.pending.push(line);
    this.pendingChars += line.length;
    this.count++;
    if (this.pendingChars >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.fd === null || this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }

  *records(): Generator<T> {
    if (this.fd === null) throw new Error('record spill: used after dispose');
    this.flush();
    const fd = this.fd;
    this.walking++;
    try {
      // One buffer for the whole walk: the part of a record that a read cut off moves to its front and the next read
      // goes after it. Joining the two into a new buffer (Buffer.concat) made ~1 MB of garbage outside the JS heap
      // per MB of records, which the collector let pile up to ~100 MB in a 300k-document walk.
      let buffer = Buffer.allocUnsafe(CHUNK);
      let position = 0;
      let kept = 0;
      let seen = 0;
      for (;;) {
        if (kept === buffer.length) {
          // A record longer than the buffer: a larger one, for the rest of this walk.
          const larger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(larger, 0, 0, kept);
          buffer = larger;
        }
        const read = readSync(fd, buffer, kept, buffer.length - kept, position);
        if (read === 0) break;
        position += read;
        const end = kept + read;
        const filled = buffer.subarray(0, end);
        let start = 0;
        for (let nl = filled.indexOf(10, start); nl >= 0; nl = filled.indexOf(10, start)) {
          seen++;
          yield JSON.parse(filled.toString('utf8', start, nl)) as T;
          start = nl + 1;
        }
        // Overlapping copies are safe (Buffer.copy moves like memmove).
        buffer.copy(buffer, 0, start, end);
        kept = end - start;
      }
      if (kept > 0) throw new Error(`record spill ${this.path}: the file ends inside a record`);
      if (seen !== this.count) throw new Error(`record spill ${this.path}: ${seen} records read back, ${this.count} written`);
    } finally {
      this.walking--;
    }
  }

  dispose(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.pending = [];
    rmSync(this.dir, { recursive: true, force: true });
  }
}
