// The workbench lists keep their tab, filters, sort and page in the address (#/workbench?tab=done&…), so a
// reload or a link shows the same list.
import { qs } from '../api.js';
import { navigate } from '../common/router.js';

export type Tab = 'todo' | 'done' | 'copies';
export const FILTER_KEYS = ['campaignId', 'seriesKey', 'levelKey', 'elementId', 'applicantName', 'overdue', 'sort', 'unreadOnly'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface ListQuery {
  tab: Tab;
  filters: Partial<Record<FilterKey, string>>;
  page: number;
  pageSize: number;
}

export function readQuery(q: URLSearchParams): ListQuery {
  const tab = q.get('tab');
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const k of FILTER_KEYS) {
    const v = q.get(k);
    if (v) filters[k] = v;
  }
  return { tab: tab === 'done' || tab === 'copies' ? tab : 'todo', filters, page: Number(q.get('page') ?? '1') || 1, pageSize: Number(q.get('pageSize') ?? '20') || 20 };
}

/** a new address: changing a filter goes back to page 1 */
export function goTo(current: ListQuery, patch: Partial<Record<FilterKey, string | undefined>> & { tab?: Tab; page?: number; pageSize?: number }): void {
  const { tab, page, pageSize, ...filters } = patch;
  const next: Record<string, string | number | undefined> = {
    tab: tab ?? current.tab,
    ...(tab && tab !== current.tab ? {} : current.filters),
    ...filters,
    page: page ?? (Object.keys(filters).length || tab ? 1 : current.page),
    pageSize: pageSize ?? current.pageSize,
  };
  navigate(`/workbench${qs(next)}`);
}

/** the list's request: filters, then paging */
export const listUrl = (path: string, q: ListQuery, extra: Record<string, string | number | undefined> = {}): string =>
  `${path}${qs({ ...q.filters, ...extra, offset: (q.page - 1) * q.pageSize, limit: q.pageSize })}`;
