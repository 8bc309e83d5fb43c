/**
 * Writing a report so that its destination is always either the previous complete file or the new complete file:
 * the text goes to a temporary file beside the destination (same folder, so the rename cannot cross file systems),
 * is flushed to disk, and is renamed over the destination only when complete. A kill at any moment leaves at worst
 * a stray `.NAME.PID.tmp` file, never a truncated report.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Where text goes, one chunk at a time; awaiting each write keeps memory flat whatever the report size. */
export interface TextSink {
  write(chunk: string): Promise<void>;
}

const FLUSH_BYTES = 1 << 16;

function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

/** Runs `produce` against a sink writing to a temporary file, then renames it over `path`. */
export async function writeAtomic(path: string, produce: (sink: TextSink) => Promise<void>): Promise<void> {
  const temporary = temporaryPath(path);
  const handle = await open(temporary, 'w');
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async () => {
    if (pendingLength === 0) return;
    const text = pending.join('');
    pending = [];
    pendingLength = 0;
    await handle.write(text);
  };
  try {
    await produce({
      async write(chunk: string) {
        pending.push(chunk);
        pendingLength += chunk.length;
        if (pendingLength >= FLUSH_BYTES) await flush();
      },
    });
    await flush();
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
  } catch (err) {
    await handle.close().catch(() => {});
    await unlink(temporary).catch(() => {});
    throw err;
  }
}

/** The same guarantee for a text already in memory (small outputs: tables, Markdown). */
export function writeAtomicSync(path: string, text: string): void {
  const temporary = temporaryPath(path);
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
  } catch (err) {
    closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw err;
  }
  try {
    renameSync(temporary, path);
  } catch (err) {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw err;
  }
}

/** A sink over a Node stream (stdout): waits for 'drain' when the stream's buffer is full. */
export function streamSink(stream: NodeJS.WritableStream): TextSink {
  return {
    write(chunk: string) {
      if (stream.write(chunk)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const done = () => {
          stream.off('error', fail);
          resolve();
        };
        const fail = (err: Error) => {
          stream.off('drain', done);
          reject(err);
        };
        stream.once('drain', done);
        stream.once('error', fail);
      });
    },
  };
}

/** A sink that collects the text (tests, small reports). */
export function stringSink(): TextSink & { text(): string } {
  const parts: string[] = [];
  return {
    async write(chunk: string) {
      parts.push(chunk);
    },
    text: () => parts.join(''),
  };
}
