/** Page links for long lists: previous, next, first and last, each a plain link that keeps the rest of the query. */
import type { PageInfo } from '../paging.js';

export function pageHref(path: string, params: Array<[string, string]>, page: number): string {
  const query = new URLSearchParams([...params.filter(([k]) => k !== 'page'), ...(page > 1 ? [['page', String(page)]] : [])]).toString();
  return query ? `${path}?${query}` : path;
}

export function Pager({ info, path, params = [], what }: { info: PageInfo; path: string; params?: Array<[string, string]>; what: string }) {
  if (info.total === 0) return <></>;
  const from = (info.page - 1) * info.pageSize + 1;
  const to = Math.min(info.total, info.page * info.pageSize);
  const link = (page: number, text: string, rel?: string) => <a href={pageHref(path, params, page)} rel={rel}>{text}</a>;
  return (
    <nav class="pager no-print" aria-label={`Pages of ${what}`}>
      <span>{what} {from.toLocaleString('en-US')}–{to.toLocaleString('en-US')} of {info.exact === false ? 'at least ' : ''}{info.total.toLocaleString('en-US')}
        {info.more ? ` (${info.more.toLocaleString('en-US')} more)` : ''}</span>
      {info.pages > 1 ? (
        <>
          {' · '}
          {info.page > 1 ? <>{link(1, 'first')} {link(info.page - 1, 'previous', 'prev')}</> : ''}
          {' '}page {info.page}{info.exact === false ? '' : ` of ${info.pages}`}{' '}
          {info.page < info.pages ? <>{link(info.page + 1, 'next', 'next')}{info.exact === false ? '' : <> {link(info.pages, 'last')}</>}</> : ''}
        </>
      ) : ''}
    </nav>
  );
}

/** The ascending/descending field of a list's sort form (no-script sorting through query parameters). */
export function OrderField({ id, dir }: { id: string; dir: 'asc' | 'desc' }) {
  return (
    <div class="field">
      <label for={id}>Order</label>
      <select id={id} name="dir">
        <option value="asc" selected={dir === 'asc'}>ascending</option>
        <option value="desc" selected={dir === 'desc'}>descending</option>
      </select>
    </div>
  );
}
