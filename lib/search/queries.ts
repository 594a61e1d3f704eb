// Server code, never in a browser bundle: not marked with `server-only`, which throws when loaded
// by pages/api/search.ts (a Pages Router API route, see there); test/deploy/client-imports.test.ts
// checks that no client component reaches this module (or node:http, or a secret).
import type { SearchParams as MeiliSearchParams } from 'meilisearch';
import { appSearchTarget, type Config, config } from '../config';
import { fromStoredReport, type IndexedReport } from '../document/indexed-report';
import { DISPLAYED_ATTRIBUTES } from '../document/settings';
import { type EngineConnection, type EngineSearchOptions, type EngineSearchResponse, engineMultiSearch, engineSearch } from '../engine/transport';
import type { Utf8Bytes } from '../engine/utf8-bytes';
import { SearchUnavailableError } from '../errors';
import { isReportId, LEVELS, type RegionField, TEMPLATES } from '../report/schema';
import { searchCache } from './cache';
import { federatedSearch, federatedSearchMany, type NetworkTarget } from './federated';
import { highlight } from './highlight';
import { quoteFilterValue, type SearchParams, sortOf } from './params';
import { searchTerms, toEngineQuery } from './recall';
import { engineSort, type HIT_FIELDS, prepareSearch } from './request';
import type { BodyYear, FacetValue, RegionFacet, ReportHit, SearchResult } from './types';
import { snippetFromUtf8Bytes } from './utf8-snippet';

/**
 * The one module the web app uses to read the index: typed functions that return app types, with
 * the search-only key (appSearchTarget, lib/config), kept-alive connections (engine.ts), and every engine
 * failure turned into SearchUnavailableError (its cause goes to the log, never to a page or a
 * response).
 */

export { SearchUnavailableError };

let cached: { config: Config; connection: EngineConnection & { remotes?: NetworkTarget['remotes'] } } | null = null;

function connection(): EngineConnection & { remotes?: NetworkTarget['remotes'] } {
  let current: Config;
  try {
    current = config();
    if (cached?.config !== current) {
      const target = appSearchTarget(current);
      cached = { config: current, connection: { url: target.url, apiKey: target.searchKey, index: target.index, remotes: target.remotes } };
    }
  } catch (error) {
    // A missing MEILI_URL or key is an outage to the reader; the log says which variable.
    throw new SearchUnavailableError(error);
  }
  return cached.connection;
}

/** An answer and everything in it made read-only: cached answers are shared by every reader. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * `load()`'s answer to an engine request, from the search cache (cache.ts) when the same request
 * to the same engine and index was answered moments ago, or is being answered now. The request
 * itself is the key, so two ways of writing the same search share an answer.
 */
export function cachedAnswer<T>(request: unknown, load: () => Promise<T>): Promise<T> {
  const target = connection();
  return searchCache().get(`${target.url}\n${target.index}\n${JSON.stringify(request)}`, async () => deepFreeze(await load()));
}

/**
 * One search; whatever goes wrong there (down, refused key, timeout, an error reply) is an outage.
 * Over a network of instances (NIANBAO_MEILI_REMOTES) it is one federated search (federated.ts).
 */
export async function search<T>(body: MeiliSearchParams, options: EngineSearchOptions = {}): Promise<EngineSearchResponse<T>> {
  const target = connection();
  try {
    if (target.remotes) return await federatedSearch<T>({ ...target, remotes: target.remotes }, body, options);
    return await engineSearch<T>(target, body, options);
  } catch (error) {
    throw new SearchUnavailableError(error);
  }
}

/** Several counting searches in one round trip (lib/stats); failures are outages, as above. */
export async function searchMany<T = never>(bodies: readonly MeiliSearchParams[]): Promise<Array<EngineSearchResponse<T>>> {
  const target = connection();
  try {
    if (target.remotes) return await federatedSearchMany<T>({ ...target, remotes: target.remotes }, bodies);
    return await engineMultiSearch<T>(target, bodies);
  } catch (error) {
    throw new SearchUnavailableError(error);
  }
}

type HitField = (typeof HIT_FIELDS)[number];
/** `text` stays UTF-8 bytes until its snippet is cut (utf8-bytes.ts). */
type RawHit = Pick<IndexedReport, HitField> & { text?: Utf8Bytes };

function toHit(raw: RawHit, terms: readonly string[]): ReportHit {
  return {
    id: raw.id,
    title: raw.title ?? null,
    titleDerived: raw.titleDerived ?? false,
    organization: raw.organization ?? null,
    level: raw.level ?? null,
    province: raw.province ?? null,
    city: raw.city ?? null,
    county: raw.county ?? null,
    township: raw.township ?? null,
    regionCode: raw.regionCode ?? null,
    year: raw.year ?? null,
    template: raw.template,
    publishedAt: raw.publishedAt ?? null,
    applicationsNew: raw.applicationsNew ?? null,
    proactiveTotal: raw.proactiveTotal ?? null,
    failedChecksTotal: raw.failedChecksTotal ?? 0,
    hasFailedChecks: raw.hasFailedChecks ?? false,
    sortKeys: raw.sortKeys ?? {},
    partial: raw.partial ?? false,
    bodyKey: raw.bodyKey ?? null,
    highlightedTitle: highlight(raw.title ?? raw.organization ?? '', terms),
    snippet: terms.length > 0 && raw.text ? snippetFromUtf8Bytes(raw.text, terms) : null,
  };
}

type Distribution = Record<string, number> | undefined;

function byCount(distribution: Distribution): FacetValue[] {
  return Object.entries(distribution ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'));
}

/** Years newest first; levels and templates in the schema's order (province before county …). */
function inOrder(distribution: Distribution, order: readonly string[]): FacetValue[] {
  return byCount(distribution).sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
}

function regionFacet(fields: readonly RegionField[], distribution: Record<string, Distribution>): RegionFacet | null {
  for (const field of fields) {
    const values = byCount(distribution[field]);
    if (values.length > 0) return { field, values };
  }
  return null;
}

/**
 * One page of results with the facet counts of all of them, from the search cache unless
 * `cached: false` (for a caller that caches what it makes of the result itself: a cached answer
 * made from another cached answer could outlive both).
 */
export async function searchReports(params: SearchParams, { cached = true } = {}): Promise<SearchResult> {
  const prepared = prepareSearch(params);
  const result = cached ? await cachedAnswer({ search: prepared.body }, () => runSearch(prepared)) : await runSearch(prepared);
  return { ...result, params };
}

async function runSearch({ terms, regionFields, body }: ReturnType<typeof prepareSearch>): Promise<Omit<SearchResult, 'params'>> {
  const response = await search<RawHit>(body, terms.length > 0 ? { rawFields: ['text'] } : {});
  const facets = response.facetDistribution ?? {};
  const years = byCount(facets.year).sort((a, b) => Number(b.value) - Number(a.value));
  return {
    hits: response.hits.map((hit) => toHit(hit, terms)),
    total: response.totalHits ?? 0,
    page: response.page ?? body.page,
    totalPages: response.totalPages ?? 0,
    facets: {
      region: regionFacet(regionFields, facets),
      year: years,
      level: inOrder(facets.level, LEVELS),
      template: inOrder(facets.template, TEMPLATES),
      failed: facets.hasFailedChecks?.true ?? 0,
      applications: facets.hasApplications?.true ?? 0,
      changed: facets.changedAfterPublication?.true ?? 0,
    },
    processingTimeMs: response.processingTimeMs,
  };
}

/** Fields of a stored report; the index serves no `search` copies anyway (settings.ts). */
const REPORT_FIELDS = DISPLAYED_ATTRIBUTES;

/** One report by id, or null (also for an id that cannot be one). The key can only search, so: filter by id. */
export async function getReport(id: string): Promise<IndexedReport | null> {
  if (!isReportId(id)) return null;
  // Cached: proxy.ts asks first (for the page's HTTP status), then the page itself.
  return cachedAnswer({ report: id }, async () => {
    const response = await search<Record<string, unknown>>({ q: '', filter: `id = ${quoteFilterValue(id)}`, limit: 1, attributesToRetrieve: REPORT_FIELDS });
    const stored = response.hits[0];
    return stored ? fromStoredReport(stored) : null;
  });
}

const BODY_YEAR_FIELDS = ['id', 'year', 'title', 'applicationsNew', 'proactiveTotal', 'failedChecksTotal'] as const;

/** Every report of the same body (bodyKey), the given one included, oldest first. */
export async function getBodyYears(bodyKey: string): Promise<BodyYear[]> {
  if (!bodyKey || bodyKey.length > 500) return [];
  const response = await search<Pick<IndexedReport, (typeof BODY_YEAR_FIELDS)[number]>>({
    q: '',
    filter: `bodyKey = ${quoteFilterValue(bodyKey)}`,
    sort: ['year:asc'],
    limit: 200,
    attributesToRetrieve: [...BODY_YEAR_FIELDS],
  });
  // Reports of unknown year sort first in Meilisearch; they go last here.
  const rows = response.hits.map((hit) => ({
    id: hit.id,
    year: hit.year ?? null,
    title: hit.title ?? null,
    applicationsNew: hit.applicationsNew ?? null,
    proactiveTotal: hit.proactiveTotal ?? null,
    failedChecksTotal: hit.failedChecksTotal ?? 0,
  }));
  return [...rows.filter((r) => r.year !== null), ...rows.filter((r) => r.year === null)];
}

/** A report as a feed lists it. */
export type FeedReport = Pick<
  IndexedReport,
  | 'id'
  | 'title'
  | 'organization'
  | 'body'
  | 'province'
  | 'city'
  | 'county'
  | 'township'
  | 'year'
  | 'publishedAt'
  | 'indexedAt'
  | 'failedChecksTotal'
  | 'sortKeys'
>;
const FEED_FIELDS = [
  'id',
  'title',
  'organization',
  'body',
  'province',
  'city',
  'county',
  'township',
  'year',
  'publishedAt',
  'indexedAt',
  'failedChecksTotal',
  'sortKeys',
];

/**
 * The newest reports of a search (its page, size and sort ignored): latest publication date
 * first, then latest year; for a feed. Cached like any search.
 */
export async function latestReports(params: SearchParams, limit: number): Promise<FeedReport[]> {
  const { filter, q } = prepareSearch(params).body;
  const body = {
    q,
    filter,
    sort: sortOf('published-desc'),
    limit,
    attributesToRetrieve: FEED_FIELDS,
    matchingStrategy: 'all' as const,
    locales: ['cmn' as const],
  };
  return cachedAnswer({ latest: body }, async () => {
    const response = await search<FeedReport>(body);
    return response.hits;
  });
}

/** What the CSV export needs of a report. */
export type ExportRow = Pick<
  IndexedReport,
  | 'id'
  | 'title'
  | 'organization'
  | 'province'
  | 'city'
  | 'county'
  | 'township'
  | 'year'
  | 'level'
  | 'template'
  | 'proactiveTotal'
  | 'applicationsNew'
  | 'failedChecksTotal'
  | 'publishedAt'
> & {
  applications: Pick<IndexedReport['applications'], 'carriedOver' | 'processed' | 'carriedForward'>;
  review: Pick<IndexedReport['review'], 'reconsiderations' | 'lawsuits'>;
};

const EXPORT_FIELDS = [
  'id',
  'title',
  'organization',
  'province',
  'city',
  'county',
  'township',
  'year',
  'level',
  'template',
  'proactiveTotal',
  'applicationsNew',
  'failedChecksTotal',
  'publishedAt',
  // Whole objects: with displayedAttributes listing top-level fields, the engine returns nothing
  // for dotted paths such as 'applications.carriedOver'. Trimmed below.
  'applications',
  'review',
];

const EXPORT_PAGE_SIZE = 1000;

/**
 * Every report matching the search (its page and size ignored), in the search's order, read a
 * page of 1,000 at a time. The first page is read on the first `next()`, so a caller can find out
 * that the engine is down before it starts answering.
 */
export async function* exportReports(params: SearchParams, options: { pageSize?: number } = {}): AsyncGenerator<ExportRow> {
  for await (const hit of exportHits<ExportRow>(params, EXPORT_FIELDS, options)) {
    const { carriedOver = null, processed = null, carriedForward = null } = hit.applications ?? {};
    const { reconsiderations = null, lawsuits = null } = hit.review ?? {};
    yield { ...hit, applications: { carriedOver, processed, carriedForward }, review: { reconsiderations, lawsuits } };
  }
}

/**
 * The stored fields `fields` of every report matching the search (its page and size ignored), in
 * the search's order, a page of `pageSize` (1,000) at a time: the CSV export above and the bulk
 * downloads (lib/opendata). Nothing is asked before the first `next()`.
 */
export async function* exportHits<T>(params: SearchParams, fields: readonly string[], options: { pageSize?: number } = {}): AsyncGenerator<T> {
  const terms = searchTerms(params.q);
  const { filter } = prepareSearch(params).body;
  const hitsPerPage = options.pageSize ?? EXPORT_PAGE_SIZE;
  for (let page = 1; ; page++) {
    const response = await search<T>({
      q: toEngineQuery(terms),
      filter,
      sort: engineSort(params, terms),
      page,
      hitsPerPage,
      attributesToRetrieve: [...fields],
      matchingStrategy: 'all',
      locales: ['cmn'],
    });
    yield* response.hits;
    if (page >= (response.totalPages ?? 0) || response.hits.length === 0) return;
  }
}
