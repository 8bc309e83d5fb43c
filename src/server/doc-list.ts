/**
 * The Documents page's list: filtered by outlet and a search of title, id and outlet, sorted by outlet, date or
 * title. The sorted order is kept per corpus version, so paging through it costs a slice.
 */
import type { Report } from '../report/build.js';
import { cached, type AppState } from './state.js';
import { badRequest } from './http-error.js';

export const DOC_SORTS = ['corpus', 'outlet', 'date', 'title'] as const;
export type DocSort = (typeof DOC_SORTS)[number];

export interface DocQuery {
  outlet?: string;
  q?: string;
  sort: DocSort;
  dir: 'asc' | 'desc';
}

export function parseDocQuery(get: (name: string) => string | undefined, outlet?: string): DocQuery {
  const sort = get('sort')?.trim() || 'corpus';
  if (!(DOC_SORTS as readonly string[]).includes(sort)) throw badRequest(`sort must be one of ${DOC_SORTS.join(', ')}, got "${sort.slice(0, 40)}"`);
  const dir = get('dir')?.trim() || 'asc';
  if (dir !== 'asc' && dir !== 'desc') throw badRequest(`dir must be asc or desc, got "${dir.slice(0, 40)}"`);
  const q = get('q')?.trim() || undefined;
  if (q !== undefined && q.length > 200) throw badRequest('the search is longer than 200 characters');
  return { outlet, q, sort: sort as DocSort, dir };
}

const title = (d: Report['documents'][number]): string => (d.title ?? d.id).toLowerCase();

export function listDocuments(state: AppState, query: DocQuery): Report['documents'] {
  return cached(state, `doc-list\0${JSON.stringify(query)}`, () => {
    const needle = query.q?.toLowerCase();
    const docs = state.report.documents.filter((d) => (query.outlet === undefined || d.outlet === query.outlet)
      && (needle === undefined || title(d).includes(needle) || d.id.toLowerCase().includes(needle) || d.outlet.toLowerCase().includes(needle)));
    if (query.sort === 'corpus') return query.dir === 'desc' ? docs.reverse() : docs;
    const key = query.sort === 'outlet'
      ? (a: Report['documents'][number], b: Report['documents'][number]) => a.outlet.localeCompare(b.outlet) || (a.date ?? '').localeCompare(b.date ?? '')
      : query.sort === 'date'
        ? (a: Report['documents'][number], b: Report['documents'][number]) => (a.date ?? '9999').localeCompare(b.date ?? '9999')
        : (a: Report['documents'][number], b: Report['documents'][number]) => title(a).localeCompare(title(b));
    const sign = query.dir === 'asc' ? 1 : -1;
    return docs.sort((a, b) => sign * key(a, b) || a.id.localeCompare(b.id));
  });
}
