/** Request body cap for uploads and pasted text, answered with a clear 413 (JSON under /api, a page elsewhere). */
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './errors.js';

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

export function uploadLimit(maxSize = DEFAULT_BODY_LIMIT): MiddlewareHandler {
  const mb = (maxSize / (1024 * 1024)).toFixed(maxSize % (1024 * 1024) === 0 ? 0 : 1);
  return bodyLimit({
    maxSize,
    onError: (c) => errorResponse(c, 413, `The texts are too large: at most ${mb} MB can be sent at once. Send shorter texts or fewer of them.`),
  });
}
