/** Error responses: JSON under /api, an HTML page elsewhere; user-facing messages only for HttpError. */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpError } from '../http-error.js';
import { ErrorPage } from '../views/error-page.js';

export const isApi = (c: Context): boolean => c.req.path === '/api' || c.req.path.startsWith('/api/');

export function errorResponse(c: Context, status: ContentfulStatusCode, message: string): Response | Promise<Response> {
  if (isApi(c)) return c.json({ error: message, status }, status);
  return c.html(<ErrorPage status={status} message={message} />, status);
}

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof HttpError) return errorResponse(c, err.status, err.message);
  if (err instanceof HTTPException) {
    if (err.status === 403) return errorResponse(c, 403, 'This form must be sent from a framelens page.');
    return errorResponse(c, err.status as ContentfulStatusCode, err.message || 'request failed');
  }
  console.error(err);
  return errorResponse(c, 500, 'Something went wrong on the server; the details are in its log.');
};

export const onNotFound: NotFoundHandler = (c) => errorResponse(c, 404, `Nothing at ${c.req.path}.`);
