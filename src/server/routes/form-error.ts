import type { Context } from 'hono';
import { HttpError } from '../http-error.js';

/** Runs `fn`; a 400/404 HttpError re-renders the page's form with the message instead of a bare error page. */
export async function withFormError(c: Context, fn: () => Response | Promise<Response>, onError: (err: HttpError) => Response | Promise<Response>) {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof HttpError && (err.status === 400 || err.status === 404)) return onError(err);
    throw err;
  }
}
