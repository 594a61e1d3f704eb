import type { SearchParams as MeiliSearchParams } from 'meilisearch';
import { REGION_FIELDS, type RegionField } from '../report/schema';
import { buildFilter, type SearchParams, sortOf } from './params';
import { searchTerms, toEngineQuery } from './recall';

/**
 * The Meilisearch request of a search, as plain data: queries.ts sends it, and the benchmark sends
 * the very same body straight to the engine to measure what the app adds. No `server-only` here
 * for that reason; nothing in it is secret.
 */

/** The fields a result list shows: never the text, tables or sections. */
export const HIT_FIELDS = [
  'id',
  'title',
  'titleDerived',
  'organization',
  'level',
  'province',
  'city',
  'county',
  'township',
  'regionCode',
  'year',
  'template',
  'publishedAt',
  'applicationsNew',
  'proactiveTotal',
  'failedChecksTotal',
  'hasFailedChecks',
  'partial',
  // The results table's figures (view=table), a few numbers: not worth a second field list.
  'sortKeys',
  // The compare page's "加入比较" link names the body.
  'bodyKey',
] as const;

const FLAG_FACETS = ['year', 'level', 'template', 'hasFailedChecks', 'hasApplications', 'changedAfterPublication'] as const;

/**
 * The next level of the drill-down, and below a province or a city the one after it too: a
 * municipality (上海市) has no city, so its counties come next; a city without counties (东莞市)
 * goes on to its townships. The first of them that has values is shown. At the top, provinces
 * only (counting 300 cities there would be wasted work).
 */
export function nextRegionFields(params: Pick<SearchParams, RegionField>): RegionField[] {
  let deepest = -1;
  REGION_FIELDS.forEach((field, i) => {
    if (params[field]) deepest = i;
  });
  return deepest < 0 ? ['province'] : REGION_FIELDS.slice(deepest + 1, deepest + 3);
}

/** Sort of a search: with no query "relevance" means nothing, so the newest reports come first. */
export function engineSort(params: Pick<SearchParams, 'sort'>, terms: readonly string[]): string[] | undefined {
  return sortOf(params.sort) ?? (terms.length === 0 ? ['year:desc'] : undefined);
}

/** Search options with page and hitsPerPage: the engine counts every match (exact totals). */
type PagedSearch = MeiliSearchParams & { page: number; hitsPerPage: number };

export interface PreparedSearch {
  terms: string[];
  regionFields: RegionField[];
  /** The body of POST /indexes/{index}/search. */
  body: PagedSearch & { q: string };
}

export function prepareSearch(params: SearchParams): PreparedSearch {
  const terms = searchTerms(params.q);
  const regionFields = nextRegionFields(params);
  return {
    terms,
    regionFields,
    body: {
      q: toEngineQuery(terms),
      filter: buildFilter(params),
      facets: [...regionFields, ...FLAG_FACETS],
      sort: engineSort(params, terms),
      page: params.page,
      hitsPerPage: params.size,
      // The text only when there are words to find in it: the snippet is cut here, not by the
      // engine (highlight.ts says why), and the text never leaves the server.
      attributesToRetrieve: terms.length > 0 ? [...HIT_FIELDS, 'text'] : [...HIT_FIELDS],
      matchingStrategy: 'all',
      locales: ['cmn'],
    },
  };
}
