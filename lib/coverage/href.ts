import { type SearchParams, toQueryString, viewFilters } from '../search/params';

/** A link to /coverage: only the place and the years count there, so the other filters are left out. */
export function coverageHref(params: SearchParams, change: Partial<SearchParams>): string {
  return `/coverage${toQueryString({ ...viewFilters(params), q: '', level: [], template: [], failed: false, applications: false, ...change })}`;
}
