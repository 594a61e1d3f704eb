import 'server-only';
import { config } from '../config';
import type { IndexedReport } from '../document/indexed-report';
import { AppError } from '../errors';
import { readChecks } from '../harvest/store';
import type { Level } from '../report/schema';
import { buildFilter, parseSearchParams, quoteFilterValue, type SearchParams } from '../search/params';
import { search, searchMany } from '../search/queries';
import { buildCoverageGrid, type CoverageGrid, defaultYears, type OwnReport } from './grid';
import { type CoverageDivision, type CoverageRegion, resolveCoverageRegion } from './region';

/** More own-government reports than this in one grid (rows × years) would be refused, not cut. */
const OWN_REPORTS_LIMIT = 5000;

/** The children's own government reports: for each level among them, that level's reports from their places. */
function ownGovernmentFilter(children: readonly CoverageDivision[]): string {
  const byLevel = new Map<string, string[]>();
  for (const child of children) byLevel.set(child.level, [...(byLevel.get(child.level) ?? []), child.name]);
  return [...byLevel].map(([level, names]) => `(level = ${quoteFilterValue(level)} AND ${level} IN [${names.map(quoteFilterValue).join(', ')}])`).join(' OR ');
}

/**
 * The coverage grid's reads, a fixed number of engine calls whatever the number of cells: the
 * region's years (one facet count, only without a year range), the children's own government
 * reports in the range (one search), and per year one facet count of all reports per child.
 */

const MAX_COVERAGE_YEARS = 15;

export interface CoverageResult {
  region: CoverageRegion;
  grid: CoverageGrid;
  /** The year range shown, and whether it was the default (the latest years present). */
  yearFrom: number | null;
  yearTo: number | null;
  defaultRange: boolean;
}

export type CoverageLoad = { ok: true; result: CoverageResult } | { ok: false; error: string };

type OwnHit = Pick<IndexedReport, 'id' | 'year' | 'level' | 'province' | 'city' | 'county' | 'township' | 'hasFailedChecks' | 'organization' | 'body'>;

/**
 * The coverage of an API request's query string (/api/coverage and its CSV): a malformed
 * parameter, an unknown or ambiguous place or too many years is a 400 with a plain message.
 */
export async function coverageOfQuery(query: URLSearchParams): Promise<CoverageResult> {
  const parsed = parseSearchParams(query);
  if (!parsed.ok) throw new AppError('bad_request:search', parsed.error);
  const loaded = await getCoverage(parsed.params);
  if (!loaded.ok) throw new AppError('bad_request:search', loaded.error);
  return loaded.result;
}

export async function getCoverage(params: SearchParams): Promise<CoverageLoad> {
  const resolved = resolveCoverageRegion(params);
  if (!resolved.ok) return resolved;
  const { region } = resolved;
  // Only the place and the years: coverage asks about every report of the region.
  const regionFilter = buildFilter({ ...params, q: '', level: [], template: [], yearFrom: null, yearTo: null, failed: false, applications: false });

  let yearFrom = params.yearFrom;
  let yearTo = params.yearTo;
  const defaultRange = yearFrom === null && yearTo === null;
  if (yearFrom === null || yearTo === null) {
    const facet = await search<never>({ q: '', filter: regionFilter, facets: ['year'], limit: 0 });
    const present = Object.keys(facet.facetDistribution?.year ?? {})
      .map(Number)
      .filter(Number.isInteger);
    if (present.length === 0)
      return { ok: true, result: { region, grid: buildCoverageGrid(region.children, [], [], new Map()), yearFrom, yearTo, defaultRange } };
    if (defaultRange) [yearFrom, yearTo] = [defaultYears(present)[0], Math.max(...present)];
    else if (yearFrom === null) yearFrom = Math.max(Math.min(...present), (yearTo as number) - MAX_COVERAGE_YEARS + 1);
    else yearTo = Math.max(...present.filter((y) => y >= (yearFrom as number)), yearFrom);
  }
  if ((yearTo as number) - (yearFrom as number) + 1 > MAX_COVERAGE_YEARS) {
    return { ok: false, error: `覆盖表最多显示 ${MAX_COVERAGE_YEARS} 个年度，请缩小年度范围。` };
  }
  const years = Array.from({ length: (yearTo as number) - (yearFrom as number) + 1 }, (_, i) => (yearFrom as number) + i);
  if (region.children.length === 0) return { ok: true, result: { region, grid: buildCoverageGrid([], years, [], new Map()), yearFrom, yearTo, defaultRange } };

  const levels = [...new Set(region.children.map((c) => c.level))];
  const yearFilter = [`year >= ${yearFrom}`, `year <= ${yearTo}`];
  // One multi-search: the own reports, then per year the reports per child.
  const [ownResponse, ...perYear] = await searchMany<OwnHit>([
    {
      q: '',
      // Only the rows' own governments: each child level's reports from the children's places.
      filter: [...regionFilter, ...yearFilter, ownGovernmentFilter(region.children)],
      attributesToRetrieve: ['id', 'year', 'level', 'province', 'city', 'county', 'township', 'hasFailedChecks', 'organization', 'body'],
      page: 1,
      hitsPerPage: OWN_REPORTS_LIMIT,
    },
    ...years.map((year) => ({ q: '', filter: [...regionFilter, `year = ${year}`], facets: levels, limit: 0 })),
  ]);
  // A grid built on a cut-off list would show reports as missing: refuse instead.
  if ((ownResponse.totalHits ?? 0) > ownResponse.hits.length) {
    return { ok: false, error: `这个范围内的报告太多（${ownResponse.totalHits} 份），请缩小年份范围或选择下一级地区。` };
  }
  const own: OwnReport[] = [];
  for (const hit of ownResponse.hits) {
    const level = hit.level as Level | null;
    if (hit.year === null || hit.year === undefined || !level || !(levels as string[]).includes(level)) continue;
    const place = hit[level as 'province' | 'city' | 'county' | 'township'];
    if (!place) continue;
    own.push({ id: hit.id, year: hit.year, level, place, hasFailedChecks: hit.hasFailedChecks ?? false, organization: hit.body ?? hit.organization ?? null });
  }
  const reportsByYear = new Map(years.map((year, i) => [year, perYear[i].facetDistribution ?? {}]));
  const grid = buildCoverageGrid(region.children, years, own, reportsByYear, readChecks(config().data.root));
  return { ok: true, result: { region, grid, yearFrom, yearTo, defaultRange } };
}
