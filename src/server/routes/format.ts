/** The `format` query parameter of the API: json (default) or csv. */
import type { Context } from 'hono';
import { badRequest } from '../http-error.js';

export function wantsCsv(c: Context): boolean {
  const format = c.req.query('format');
  if (format === undefined || format === 'json') return false;
  if (format === 'csv') return true;
  throw badRequest('format must be json or csv');
}
