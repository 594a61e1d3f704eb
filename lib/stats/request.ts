import type { SearchParams as MeiliSearchParams } from 'meilisearch';
import { REGION_ROLLUP_FIELDS, ROLLUP_FIELD } from '../document/rollup';
import type { RegionField } from '../report/schema';
import { buildFilter, type SearchParams, toQueryString, viewFilters } from '../search/params';
import { searchTerms, toEngineQuery } from '../search/recall';
import { nextRegionFields } from '../search/request';

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
  /** The counting search's shared part (query, filter), for a follow-up (see regionFollowUp). */
  base: MeiliSearchParams;
}

export function prepareStats(params: SearchParams): PreparedStats {
  const terms = searchTerms(params.q);
  const regionFields = nextRegionFields(params);
  const filter = buildFilter(params);
  const common: MeiliSearchParams = { q: toEngineQuery(terms), page: 1, hitsPerPage: 0, matchingStrategy: 'all', locales: ['cmn'] };
  const [likely] = regionFields;
  return {
    query: toQueryString(viewFilters(params)),
    regionFields,
    base: { ...common, filter },
    bodies: [
      // The regional sums of the likely level only: counting a level's rollup costs in proportion to
      // its distinct values over the whole collection (2,800 counties × ~45 under a province), so the
      // rare selection whose regions sit one level further down (上海市's counties) gets a follow-up.
      { ...common, filter, facets: ['year', ROLLUP_FIELD, ...regionFields, ...(likely ? [REGION_ROLLUP_FIELDS[likely]] : [])] },
      { ...common, filter: [...filter, 'hasFailedChecks = true'], facets: ['year', ...regionFields] },
    ],
  };
}

/**
 * When the regions of the selection are not at the likely level (a municipality has counties, not
 * cities), the search that counts their sums; null when the first answer already has them.
 */
export function regionFollowUp(prepared: PreparedStats, all: { facetDistribution?: Record<string, Record<string, number>> }): MeiliSearchParams | null {
  const [likely, ...others] = prepared.regionFields;
  if (!likely || Object.keys(all.facetDistribution?.[likely] ?? {}).length > 0) return null;
  const field = others.find((f) => Object.keys(all.facetDistribution?.[f] ?? {}).length > 0);
  return field ? { ...prepared.base, facets: [REGION_ROLLUP_FIELDS[field]] } : null;
}
