/**
 * A private temporary binary file for a batch run's per-document columns that are written once and read back in
 * passes (the report builder's columns and stance triples). The file is unlinked as soon as it is opened, so only
 * the open descriptor reaches it: nothing is left behind however the run ends (kill -9 included), as with the
 * transient scratch databases (scratch-db.ts). Opened on the first write: a small run never creates one.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class ScratchFile {
  private fd: number | undefined;
  private size = 0;

  /** `owner` names what the file is for in error messages. */
  constructor(private readonly owner: string) {}

  /** Bytes written so far. */
  get bytes(): number {
    return this.size;
  }

  /** Appends `data` and returns the offset it starts at. */
  append(data: ArrayBufferView): number {
    const fd = this.open();
    const at = this.size;
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
    } catch (err) {
      throw new Error(`${this.owner}: cannot write its temporary file in ${tmpdir()} (${(err as Error).message}); free some space there or point TMPDIR at a larger disk`);
    }
    this.size += bytes.length;
    return at;
  }

  /** Fills `into` with the bytes written at `at`. */
  read(at: number, into: ArrayBufferView): void {
    if (this.fd === undefined || at + into.byteLength > this.size) {
      throw new RangeError(`${this.owner}: read of ${into.byteLength} bytes at ${at} is past the ${this.size} written`);
    }
    const bytes = new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(this.fd, bytes, done, bytes.length - done, at + done);
      if (n === 0) throw new Error(`${this.owner}: its temporary file ended at ${at + done} of ${this.size} bytes`);
      done += n;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.size = 0;
  }

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    const dir = mkdtempSync(join(tmpdir(), 'framelens-'));
    const path = join(dir, 'columns.bin');
    try {
      this.fd = openSync(path, 'w+', 0o600);
    } finally {
      // Once open, the name is not needed: with it gone, the space is freed when the descriptor closes or the process ends.
      try { unlinkSync(path); } catch { /* never created */ }
      rmdirSync(dir);
    }
    return this.fd;
  }
}
