/**
 * Request body cap for uploads and pasted text, answered with a clear 413 (JSON under /api, a page elsewhere).
 *
 * Written here rather than taken from hono/body-limit: that one rebuilds a streamed (chunked) request from the
 * incoming Request object, which fails under @hono/node-server and turned every streamed upload into a 500. This
 * one reads at most `maxSize` bytes and builds the new Request from plain parts.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from './errors.js';

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

export function uploadLimit(maxSize = DEFAULT_BODY_LIMIT): MiddlewareHandler {
  const mb = (maxSize / (1024 * 1024)).toFixed(maxSize % (1024 * 1024) === 0 ? 0 : 1);
  const tooLarge = (c: Context) => errorResponse(c, 413, `The texts are too large: at most ${mb} MB can be sent at once. Send shorter texts or fewer of them.`);
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const declared = raw.headers.get('content-length');
    if (declared !== null && !raw.headers.has('transfer-encoding')) {
      return Number(declared) > maxSize ? tooLarge(c) : next();
    }
    const reader = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) {
        await reader.cancel().catch(() => undefined);
        return tooLarge(c);
      }
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const headers = new Headers(raw.headers);
    headers.delete('transfer-encoding');
    headers.set('content-length', String(size));
    c.req.raw = new Request(raw.url, { method: raw.method, headers, body });
    return next();
  };
}
