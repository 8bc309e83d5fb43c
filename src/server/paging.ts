/**
 * Pages of long lists (documents, hits, near-duplicate pairs, events, term occurrences): a fixed page size and a
 * stable order, so that `?page=N` always names the same rows of the same corpus.
 */
import { badRequest, notFound } from './http-error.js';

export const PAGE_SIZE = 50;

export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  /** Items after this page. */
  more: number;
  /** False when `total` is a lower bound (a phrase search still reading candidates). */
  exact?: boolean;
}

/** `?page=` as a 1-based page number; absent means the first page. */
export function parsePage(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw badRequest(`page must be a whole number from 1 up, got "${raw.slice(0, 40)}"`);
  return Number(raw);
}

export function pageInfo(total: number, page: number, pageSize = PAGE_SIZE): PageInfo {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (page > pages) throw notFound(`there is no page ${page}: the list has ${total} item${total === 1 ? '' : 's'} on ${pages} page${pages === 1 ? '' : 's'}`);
  return { page, pageSize, total, pages, more: Math.max(0, total - page * pageSize) };
}

export function pageOf<T>(items: readonly T[], page: number, pageSize = PAGE_SIZE): { items: T[]; info: PageInfo } {
  const info = pageInfo(items.length, page, pageSize);
  const from = (page - 1) * pageSize;
  return { items: items.slice(from, from + pageSize), info };
}
