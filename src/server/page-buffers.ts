/**
 * Buffers for the Compare pages assembled per request (assemblePage), reused once the answer is on its way. A page of
 * two to four columns is 0.4-1 MB; a new array of that size each time was memory the process had given back and had
 * to map again, page by page: on the 10k store's first pass 40-100 page faults per Compare request, ~1-2 ms of the
 * serving thread's CPU on the development machine (docs/scale.md, session 21). Kept buffers stay mapped.
 *
 * Bounded: at most `maxKept` free buffers of at most `maxBytes` each are kept (a larger page gets an array of its
 * own, as before); buffers in use are the answers being written, which exist either way.
 */
import type { ServerResponse } from 'node:http';

/** Free buffers kept at most. */
export const PAGE_BUFFERS_KEPT = 8;
/** Largest buffer kept: a Compare page of four columns of long articles is about a megabyte. */
export const PAGE_BUFFER_MAX_BYTES = 2 * 1024 * 1024;
/** Capacities are rounded up to this, so that pages of nearby sizes share buffers. */
const GRAIN = 64 * 1024;

export class PageBuffers {
  private readonly free: Uint8Array[] = [];
  /** Buffers handed out and not yet given back (for tests). */
  lent = 0;

  constructor(readonly maxKept = PAGE_BUFFERS_KEPT, readonly maxBytes = PAGE_BUFFER_MAX_BYTES) {}

  /** Free buffers kept and their bytes. */
  get kept(): { buffers: number; bytes: number } {
    return { buffers: this.free.length, bytes: this.free.reduce((n, b) => n + b.byteLength, 0) };
  }

  /**
   * A buffer of at least `size` bytes to assemble a page in, or undefined when the page is too large to keep one
   * for. Its contents are whatever the last page left: the caller writes all `size` bytes.
   */
  take(size: number): Uint8Array | undefined {
    if (size > this.maxBytes) return undefined;
    let best = -1;
    for (let k = 0; k < this.free.length; k++) {
      if (this.free[k].byteLength >= size && (best < 0 || this.free[k].byteLength < this.free[best].byteLength)) best = k;
    }
    this.lent++;
    if (best >= 0) return this.free.splice(best, 1)[0];
    return new Uint8Array(Math.min(this.maxBytes, Math.ceil(size / GRAIN) * GRAIN));
  }

  /** Gives a buffer back; kept if there is room, else the smallest kept one makes way for a larger one. */
  give(buffer: Uint8Array): void {
    this.lent--;
    if (this.free.length < this.maxKept) {
      this.free.push(buffer);
      return;
    }
    let smallest = 0;
    for (let k = 1; k < this.free.length; k++) if (this.free[k].byteLength < this.free[smallest].byteLength) smallest = k;
    if (this.free[smallest].byteLength < buffer.byteLength) this.free[smallest] = buffer;
  }

  /**
   * A buffer for a page answered on `outgoing`, given back once the answer has been written to the socket or the
   * connection has closed ('finish' or 'close'; Node holds the bytes until then). Without a response to watch (the
   * app asked in process, as tests do) or for a page too large to keep, undefined: the caller allocates.
   */
  forAnswer(size: number, outgoing: ServerResponse | undefined): Uint8Array | undefined {
    if (!outgoing || typeof outgoing.once !== 'function' || outgoing.writableEnded) return undefined;
    const buffer = this.take(size);
    if (!buffer) return undefined;
    let given = false;
    const release = () => {
      if (given) return;
      given = true;
      outgoing.off('finish', release);
      outgoing.off('close', release);
      this.give(buffer);
    };
    outgoing.once('finish', release);
    outgoing.once('close', release);
    return buffer;
  }
}
