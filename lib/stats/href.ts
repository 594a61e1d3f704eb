import { type SearchParams, viewFilters, withParams } from '../search/params';

/** A link to /stats: the current selection with one thing changed (the list's page, size and sort left out). */
export function statsHref(params: SearchParams, change: Partial<SearchParams>): string {
  return `/stats${withParams(viewFilters(params), change)}`;
}
