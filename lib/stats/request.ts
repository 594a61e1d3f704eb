import type { SearchParams as MeiliSearchParams } from 'meilisearch';
import { buildFilter, DEFAULT_PARAMS, toQueryString, type SearchParams } from '../search/params';
import { searchTerms, toEngineQuery } from '../search/recall';
import { nextRegionFields, type RegionField } from '../search/request';
import { REGION_ROLLUP_FIELDS, ROLLUP_FIELD } from './rollup';

/**
 * The Meilisearch requests behind /api/stats, as plain data (the benchmark sends the same bodies
 * straight to the engine): one search whose facet counts hold every sum (rollup.ts), and one
 * restricted to reports with failed checks, for the failure counts per year and region.
 * Both ask for no hits; the engine only counts.
 */

export interface PreparedStats {
  /** The canonical query string of the filters; page, size and sort mean nothing here. */
  query: string;
  /** The region levels one below the filter, in the order tried (a municipality has no city). */
  regionFields: RegionField[];
  bodies: [all: MeiliSearchParams, failed: MeiliSearchParams];
}

export function statsParams(params: SearchParams): SearchParams {
  return { ...params, sort: DEFAULT_PARAMS.sort, page: DEFAULT_PARAMS.page, size: DEFAULT_PARAMS.size };
}

export function prepareStats(params: SearchParams): PreparedStats {
  const terms = searchTerms(params.q);
  const regionFields = nextRegionFields(params);
  const filter = buildFilter(params);
  const common: MeiliSearchParams = { q: toEngineQuery(terms), page: 1, hitsPerPage: 0, matchingStrategy: 'all', locales: ['cmn'] };
  return {
    query: toQueryString(statsParams(params)),
    regionFields,
    bodies: [
      { ...common, filter, facets: ['year', ROLLUP_FIELD, ...regionFields, ...regionFields.map((f) => REGION_ROLLUP_FIELDS[f])] },
      { ...common, filter: [...filter, 'hasFailedChecks = true'], facets: ['year', ...regionFields] },
    ],
  };
}
