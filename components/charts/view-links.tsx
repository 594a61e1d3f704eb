import Link from 'next/link';
import { type SearchParams, toQueryString, viewFilters } from '@/lib/search/params';

/**
 * Links between the four views of one selection — search, charts, comparison, coverage — keeping
 * the filters (region, years, level, template, words), so a filtered view can be seen the other ways.
 */

const VIEWS = [
  { path: '/', label: '检索', id: 'search' },
  { path: '/stats', label: '统计', id: 'stats' },
  { path: '/compare', label: '比较', id: 'compare' },
  { path: '/coverage', label: '覆盖', id: 'coverage' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

/** The filters every view shares: page, size and sort belong to the search list only. */
function sharedFilters(params: SearchParams): string {
  return toQueryString(viewFilters(params));
}

export function ViewLinks({ params, current }: { params: SearchParams; current: ViewId }) {
  const query = sharedFilters(params);
  return (
    <nav className="view-links" aria-label="同一筛选条件的其他视图" data-testid="view-links">
      <ul>
        {VIEWS.map((view) => (
          <li key={view.id}>
            {view.id === current ? (
              <span aria-current="page">{view.label}</span>
            ) : (
              <Link href={`${view.path}${query}`} data-testid={`view-link-${view.id}`} prefetch={false}>
                {view.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
