import Link from 'next/link';
import type { ActiveFilter } from '@/lib/search/active-filters';

export function ActiveFilters({ filters, clearHref }: { filters: ActiveFilter[]; clearHref: string }) {
  if (filters.length === 0) return null;
  return (
    <div className="active-filters" data-testid="active-filters">
      <span className="active-filters__label">已选条件：</span>
      <ul className="active-filters__list">
        {filters.map((filter) => (
          <li key={filter.key}>
            <Link href={filter.removeHref} className="chip" data-testid="remove-filter" aria-label={`去掉条件 ${filter.label}`}>
              {filter.label}
              <span aria-hidden="true" className="chip__x">
                ×
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {filters.length > 1 ? (
        <Link href={clearHref} className="active-filters__clear" data-testid="clear-filters">
          清除全部条件
        </Link>
      ) : null}
    </div>
  );
}
