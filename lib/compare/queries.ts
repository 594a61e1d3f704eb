import 'server-only';
import type { IndexedReport } from '../document/indexed-report';
import type { Level } from '../report/schema';
import { buildFilter, quoteFilterValue, type SearchParams } from '../search/params';
import { search } from '../search/queries';
import { searchTerms, toEngineQuery } from '../search/recall';
import type { BodyYearFigures } from './figures';

/**
 * What the compare page reads from the index: bodies for the picker (search-as-you-type, one hit
 * per bodyKey), and every report of the picked bodies. Two engine calls at most per request.
 */

export interface BodySuggestion {
  key: string;
  organization: string;
  level: Level | null;
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  /** Years with a report in the index, ascending. */
  years: number[];
}

interface CompareYear {
  year: number;
  reportId: string;
  title: string | null;
  figures: BodyYearFigures;
}

export interface CompareBody extends Omit<BodySuggestion, 'years'> {
  /** Ascending by year; one report a year (the first the index returns when a year has two). */
  years: CompareYear[];
}

const SUGGEST_FIELDS = ['bodyKey', 'body', 'organization', 'title', 'level', 'province', 'city', 'county', 'township'] as const;
type SuggestHit = Pick<IndexedReport, (typeof SUGGEST_FIELDS)[number]>;
const SUGGEST_LIMIT = 10;

function bodyOf(hit: SuggestHit): Omit<BodySuggestion, 'years'> {
  return {
    key: hit.bodyKey as string,
    // the canonical name (one body, one name across years and short forms), else the printed one
    organization: hit.body ?? hit.organization ?? hit.title ?? hit.bodyKey ?? '',
    level: hit.level ?? null,
    province: hit.province ?? null,
    city: hit.city ?? null,
    county: hit.county ?? null,
    township: hit.township ?? null,
  };
}

/** Filters of the search that also scope the picker: region, level, template (not years or flags). */
function scopeFilter(filters: SearchParams | undefined): string[] {
  if (!filters) return [];
  return buildFilter({ ...filters, yearFrom: null, yearTo: null, failed: false, applications: false });
}

/**
 * Bodies whose name or place matches the words typed, one entry per body, best match first;
 * `exclude` leaves out bodies already picked.
 */
export async function suggestBodies(q: string, options: { filters?: SearchParams; exclude?: readonly string[] } = {}): Promise<BodySuggestion[]> {
  const terms = searchTerms(q);
  if (terms.length === 0) return [];
  const filter = ['bodyKey EXISTS', 'bodyKey IS NOT NULL', ...scopeFilter(options.filters)];
  for (const key of options.exclude ?? []) filter.push(`bodyKey != ${quoteFilterValue(key)}`);
  const response = await search<SuggestHit>({
    q: toEngineQuery(terms),
    filter,
    distinct: 'bodyKey',
    attributesToSearchOn: ['search.organization', 'search.title', 'search.places'],
    attributesToRetrieve: [...SUGGEST_FIELDS],
    limit: SUGGEST_LIMIT,
    matchingStrategy: 'all',
    locales: ['cmn'],
  });
  const bodies = response.hits.filter((h) => h.bodyKey).map(bodyOf);
  if (bodies.length === 0) return [];
  const years = await yearsOf(bodies.map((b) => b.key));
  return bodies.map((b) => ({ ...b, years: years.get(b.key) ?? [] }));
}

async function yearsOf(keys: readonly string[]): Promise<Map<string, number[]>> {
  const response = await search<Pick<IndexedReport, 'bodyKey' | 'year'>>({
    q: '',
    filter: [`bodyKey IN [${keys.map(quoteFilterValue).join(', ')}]`, 'year EXISTS', 'year IS NOT NULL'],
    attributesToRetrieve: ['bodyKey', 'year'],
    limit: 1000,
  });
  const out = new Map<string, number[]>();
  for (const hit of response.hits) {
    if (!hit.bodyKey || hit.year === null || hit.year === undefined) continue;
    const list = out.get(hit.bodyKey) ?? [];
    if (!list.includes(hit.year)) list.push(hit.year);
    out.set(hit.bodyKey, list);
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

const REPORT_FIELDS = [...SUGGEST_FIELDS, 'id', 'year', 'proactiveTotal', 'applicationsNew', 'applications', 'review', 'failedChecksTotal'] as const;
type ReportFields = Pick<IndexedReport, 'id' | 'year' | 'proactiveTotal' | 'applicationsNew' | 'failedChecksTotal' | 'review' | 'applications'> & SuggestHit;

/** The most reports one request reads: 6 bodies × 100 years would never be reached. */
const MAX_REPORTS = 1000;

function figuresOf(hit: ReportFields): BodyYearFigures {
  const o = hit.applications?.outcomes;
  const r = hit.review;
  return {
    proactiveTotal: hit.proactiveTotal ?? null,
    applicationsNew: hit.applicationsNew ?? null,
    outcomes: {
      granted: o?.granted ?? null,
      partiallyGranted: o?.partiallyGranted ?? null,
      refused: o?.refused ?? null,
      unableToProvide: o?.unableToProvide ?? null,
      notProcessed: o?.notProcessed ?? null,
      otherProcessed: o?.otherProcessed ?? null,
    },
    review: {
      reconsiderations: r?.reconsiderations ?? null,
      reconsiderationsCorrected: r?.reconsiderationsCorrected ?? null,
      lawsuits: r?.lawsuits ?? null,
      lawsuitsCorrected: r?.lawsuitsCorrected ?? null,
    },
    failedChecks: hit.failedChecksTotal ?? 0,
  };
}

/**
 * The picked bodies in the order given, with their reports in the year range of `filters`;
 * `missing` lists keys the index has no report for (unknown bodies). One engine call.
 */
export async function getCompareBodies(
  keys: readonly string[],
  filters?: Pick<SearchParams, 'yearFrom' | 'yearTo'>,
): Promise<{ bodies: CompareBody[]; missing: string[] }> {
  if (keys.length === 0) return { bodies: [], missing: [] };
  const response = await search<ReportFields>({
    q: '',
    filter: [`bodyKey IN [${keys.map(quoteFilterValue).join(', ')}]`],
    sort: ['year:asc'],
    attributesToRetrieve: [...REPORT_FIELDS],
    limit: MAX_REPORTS,
  });
  const byKey = new Map<string, CompareBody>();
  for (const hit of response.hits) {
    if (!hit.bodyKey) continue;
    let body = byKey.get(hit.bodyKey);
    if (!body) {
      body = { ...bodyOf(hit), years: [] };
      byKey.set(hit.bodyKey, body);
    }
    const year = hit.year;
    if (year === null || year === undefined) continue;
    if (filters?.yearFrom != null && year < filters.yearFrom) continue;
    if (filters?.yearTo != null && year > filters.yearTo) continue;
    if (body.years.some((y) => y.year === year)) continue;
    body.years.push({ year, reportId: hit.id, title: hit.title ?? null, figures: figuresOf(hit) });
  }
  const bodies: CompareBody[] = [];
  const missing: string[] = [];
  for (const key of keys) {
    const body = byKey.get(key);
    if (body) {
      body.years.sort((a, b) => a.year - b.year);
      bodies.push(body);
    } else missing.push(key);
  }
  return { bodies, missing };
}
