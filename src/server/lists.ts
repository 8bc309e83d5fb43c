/**
 * The long lists of a corpus, one page at a time: documents (optionally of one outlet), label hits (optionally of one
 * outlet or label), near-duplicate pairs and events. Orders are the report's (stable for a given corpus), so
 * `?page=N` links stay valid until the corpus changes.
 */
import type { Hit } from '../types.js';
import type { Report } from '../report/build.js';
import { cached, recordAt, type AppState } from './state.js';
import { eventsOf } from './events.js';
import { pageInfo, pageOf, PAGE_SIZE, type PageInfo } from './paging.js';
import { badRequest, notFound } from './http-error.js';

export interface ListFilter {
  outlet?: string;
  label?: string;
}

export function parseFilter(state: AppState, query: (name: string) => string | undefined, allowed: Array<keyof ListFilter>): ListFilter {
  const filter: ListFilter = {};
  for (const key of allowed) {
    const value = query(key)?.trim();
    if (!value) continue;
    if (value.length > 300) throw badRequest(`${key} is longer than 300 characters`);
    filter[key] = value;
  }
  if (filter.outlet !== undefined && !state.outlets.includes(filter.outlet)) throw notFound(`no outlet named "${filter.outlet}"`);
  return filter;
}

export function documentsPage(state: AppState, filter: ListFilter, page: number): { documents: Report['documents']; paging: PageInfo } {
  const all = filter.outlet === undefined
    ? state.report.documents
    : cached(state, `documents\0${filter.outlet}`, () => state.report.documents.filter((d) => d.outlet === filter.outlet));
  const { items, info } = pageOf(all, page);
  return { documents: items, paging: info };
}

export function pairsPage(state: AppState, page: number): { pairs: Report['duplicates']['pairs']; paging: PageInfo } {
  const { items, info } = pageOf(state.report.duplicates.pairs, page);
  return { pairs: items, paging: info };
}

export function eventsPage(state: AppState, page: number): { events: Report['events']; paging: PageInfo } {
  const all = eventsOf(state);
  const paging = pageInfo(all.count, page);
  const from = (page - 1) * paging.pageSize;
  return { events: all.slice(from, from + paging.pageSize), paging };
}

export type HitRow = Hit & { document: string; outlet: string };

/** Label hits in corpus order (document, then position). */
export function hitsPage(state: AppState, filter: ListFilter, page: number): { hits: HitRow[]; paging: PageInfo } {
  const perDoc = cached(state, `hits\0${filter.outlet ?? ''}\0${filter.label ?? ''}`, () => {
    const docs: number[] = [];
    const counts: number[] = [];
    const source = filter.label === undefined
      ? { docs: state.hitCounts.map((_, i) => i), counts: state.hitCounts }
      : state.termIndex.label(filter.label) ?? { docs: [], counts: [] };
    source.docs.forEach((i, k) => {
      if (source.counts[k] && (filter.outlet === undefined || state.outletAt[i] === filter.outlet)) {
        docs.push(i);
        counts.push(source.counts[k]);
      }
    });
    return { docs, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
  const paging = pageInfo(perDoc.total, page);
  const from = (page - 1) * PAGE_SIZE;
  const to = from + PAGE_SIZE;
  const hits: HitRow[] = [];
  let seen = 0;
  for (let k = 0; k < perDoc.docs.length && seen < to; k++) {
    const n = perDoc.counts[k];
    if (seen + n > from) {
      const a = recordAt(state, perDoc.docs[k]).analysis;
      const own = filter.label === undefined ? a.hits : a.hits.filter((h) => h.label === filter.label);
      for (const h of own.slice(Math.max(0, from - seen), to - seen)) hits.push({ document: a.id, outlet: a.outlet, ...h });
    }
    seen += n;
  }
  return { hits, paging };
}
