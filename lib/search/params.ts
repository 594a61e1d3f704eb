import { z } from 'zod';
import { LEVELS, type Level, REGION_FIELDS, type RegionField, TEMPLATES, type Template } from '../report/schema';

/**
 * The search state, parsed from a URL. One parser serves the search page, the API, the CSV export
 * and the controls that build links, so a shared address always means the same search.
 */

/** What the province maps of /stats and /coverage can show (lib/stats/map.ts computes them). */
export const MAP_METRICS = ['reports', 'applications', 'failed', 'ontime'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

/** How results are shown: cards with snippets, or a table of key figures (lib/search/table.ts). */
export const VIEWS = ['list', 'table'] as const;
export type View = (typeof VIEWS)[number];

/** The results table's optional columns, in the order shown; the body's name is always there. */
export const TABLE_COLUMN_KEYS = [
  'region',
  'year',
  'proactive',
  'applications',
  'granted',
  'refused',
  'reconsiderations',
  'lawsuits',
  'corrected',
  'failed',
] as const;
export type TableColumnKey = (typeof TABLE_COLUMN_KEYS)[number];

/** What a search can be ordered by, and the engine field that holds it (lib/document/settings.ts). */
const SORT_FIELDS = {
  year: 'year',
  published: 'publishedAt',
  region: 'sortKeys.region',
  proactive: 'sortKeys.proactive',
  applications: 'sortKeys.applications',
  granted: 'sortKeys.granted',
  refused: 'sortKeys.refused',
  reconsiderations: 'sortKeys.reconsiderations',
  lawsuits: 'sortKeys.lawsuits',
  corrected: 'sortKeys.corrected',
  failed: 'failedChecksTotal',
} as const;
export type SortKey = keyof typeof SORT_FIELDS;
export type SortDirection = 'asc' | 'desc';
const SORT_KEYS = Object.keys(SORT_FIELDS) as SortKey[];
export type Sort = 'relevance' | `${SortKey}-${SortDirection}`;
export const SORTS: readonly Sort[] = ['relevance', ...SORT_KEYS.flatMap((key) => [`${key}-desc` as const, `${key}-asc` as const])];

/** A sort's key and direction; null for relevance. */
function sortParts(sort: Sort): { key: SortKey; direction: SortDirection } | null {
  if (sort === 'relevance') return null;
  const cut = sort.lastIndexOf('-');
  return { key: sort.slice(0, cut) as SortKey, direction: sort.slice(cut + 1) as SortDirection };
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const MAX_PAGE = 500;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export interface SearchParams {
  q: string;
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  /** One issuing body across its years: its bodyKey (lib/document/indexed-report.ts), e.g. 371002100|张村镇. */
  body: string | null;
  level: Level[];
  template: Template[];
  yearFrom: number | null;
  yearTo: number | null;
  /** Only reports whose tables fail an arithmetic check. */
  failed: boolean;
  /** Only reports that received disclosure applications. */
  applications: boolean;
  /** Only harvested reports whose page changed after publication (发布后被修改). */
  changed: boolean;
  /** What the province maps of /stats and /coverage show. */
  map: MapMetric;
  view: View;
  /** The results table's columns (view=table). */
  cols: TableColumnKey[];
  sort: Sort;
  page: number;
  size: number;
}

export const DEFAULT_PARAMS: SearchParams = {
  q: '',
  province: null,
  city: null,
  county: null,
  township: null,
  body: null,
  level: [],
  template: [],
  yearFrom: null,
  yearTo: null,
  failed: false,
  applications: false,
  changed: false,
  map: 'reports',
  view: 'list',
  cols: [...TABLE_COLUMN_KEYS],
  sort: 'relevance',
  page: 1,
  size: 20,
};

/** Every parameter a search URL may carry (the OpenAPI document lists each, lib/openapi). */
export const SEARCH_PARAM_NAMES = [
  'q',
  'province',
  'city',
  'county',
  'township',
  'body',
  'level',
  'template',
  'year',
  'yearFrom',
  'yearTo',
  'failed',
  'applications',
  'changed',
  'map',
  'view',
  'cols',
  'sort',
  'page',
  'size',
] as const;
const KNOWN = new Set<string>(SEARCH_PARAM_NAMES);
/** Every name but `level`, `template` and `cols`, whose values a form's checkboxes may send one by one. */
const SINGLE = new Set([
  'q',
  'province',
  'city',
  'county',
  'township',
  'body',
  'year',
  'yearFrom',
  'yearTo',
  'failed',
  'applications',
  'changed',
  'map',
  'view',
  'sort',
  'page',
  'size',
]);

/** A bodyKey: a region code (or ?) and a name, as lib/document/indexed-report.ts makes them. */
export const BODY_KEY = /^(?:\d{2,12}|\?)\|[^\u0000-\u001f\u007f|]{1,100}$/u;

/** Place names: Han characters and the few marks official names use; nothing an expression could use. */
export const PLACE = /^[\p{Script=Han}A-Za-z0-9·（）()]{1,40}$/u;

export { levelName } from '../report/labels';

export type ParseResult = { ok: true; params: SearchParams } | { ok: false; error: string };

/** A page's query as Next hands it over (`searchParams`): each name with its value, or its values when repeated. */
export type PageSearchParams = Record<string, string | string[] | undefined>;

/** The props of a page that reads its query. */
export interface SearchPageProps {
  searchParams: Promise<PageSearchParams>;
}

/** What a page or a route hands over: URLSearchParams, or Next's searchParams object. */
export type RawParams = URLSearchParams | PageSearchParams;

/** Every (name, value) pair of the raw parameters, repeated names included, in order. */
export function entries(raw: RawParams): Array<[string, string]> {
  if (raw instanceof URLSearchParams) return [...raw.entries()];
  const out: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([key, v]);
  }
  return out;
}

/** The query string as it arrived, in the serialisation toQueryString uses: a page compares it with the canonical one. */
export function arrivedQuery(raw: RawParams): string {
  const s = new URLSearchParams(entries(raw)).toString();
  return s ? `?${s}` : '';
}

const yearSchema = z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR);

/** Parse and validate. Errors are plain Chinese sentences fit to show to a person. */
export function parseSearchParams(raw: RawParams): ParseResult {
  const params: SearchParams = { ...DEFAULT_PARAMS, level: [], template: [], cols: [] };
  const seen = new Set<string>();
  for (const [key, rawValue] of entries(raw)) {
    if (!KNOWN.has(key)) return { ok: false, error: `不认识的参数“${clip(key)}”。` };
    if (SINGLE.has(key) && seen.has(key)) return { ok: false, error: `参数“${key}”只能出现一次。` };
    seen.add(key);
    const value = rawValue.trim();
    if (value.length > 200) return { ok: false, error: `参数“${key}”太长（最多 200 个字符）。` };
    if (value === '') continue;
    switch (key) {
      case 'q':
        params.q = value.replace(/\s+/g, ' ');
        break;
      case 'province':
      case 'city':
      case 'county':
      case 'township':
        if (!PLACE.test(value)) return { ok: false, error: `地区名称“${clip(value)}”不合规：只能包含汉字、字母和数字。` };
        params[key] = value;
        break;
      case 'body':
        // Any name a body may have, but no control characters; always quoted in the filter.
        if (!BODY_KEY.test(value)) return { ok: false, error: `机关标识“${clip(value)}”无效：应为“区划代码|机关名称”。` };
        params.body = value;
        break;
      case 'level':
        for (const v of value.split(',')) {
          if (!(LEVELS as readonly string[]).includes(v)) return { ok: false, error: `未知的层级“${clip(v)}”。可选：${LEVELS.join('、')}。` };
          if (!params.level.includes(v as Level)) params.level.push(v as Level);
        }
        break;
      case 'template':
        for (const v of value.split(',')) {
          if (!(TEMPLATES as readonly string[]).includes(v)) return { ok: false, error: `未知的模板“${clip(v)}”。可选：${TEMPLATES.join('、')}。` };
          if (!params.template.includes(v as Template)) params.template.push(v as Template);
        }
        break;
      case 'year':
      case 'yearFrom':
      case 'yearTo': {
        const year = yearSchema.safeParse(value);
        if (!year.success || !/^\d{4}$/.test(value)) return { ok: false, error: `年份“${clip(value)}”无效：应为 ${MIN_YEAR}–${MAX_YEAR} 之间的四位数字。` };
        if (key === 'year') params.yearFrom = params.yearTo = year.data;
        else params[key] = year.data;
        break;
      }
      case 'failed':
      case 'applications':
      case 'changed':
        if (value !== '1' && value !== 'true') return { ok: false, error: `参数“${key}”只能是 1。` };
        params[key] = true;
        break;
      case 'map':
        if (!(MAP_METRICS as readonly string[]).includes(value))
          return { ok: false, error: `未知的地图指标“${clip(value)}”。可选：${MAP_METRICS.join('、')}。` };
        params.map = value as MapMetric;
        break;
      case 'view':
        if (!(VIEWS as readonly string[]).includes(value)) return { ok: false, error: `未知的显示方式“${clip(value)}”。可选：${VIEWS.join('、')}。` };
        params.view = value as View;
        break;
      case 'cols':
        for (const v of value.split(',')) {
          if (!(TABLE_COLUMN_KEYS as readonly string[]).includes(v))
            return { ok: false, error: `未知的表格列“${clip(v)}”。可选：${TABLE_COLUMN_KEYS.join('、')}。` };
          if (!params.cols.includes(v as TableColumnKey)) params.cols.push(v as TableColumnKey);
        }
        break;
      case 'sort':
        if (!(SORTS as readonly string[]).includes(value))
          return {
            ok: false,
            error: `未知的排序方式“${clip(value)}”。可选：relevance（相关度），或“字段-desc”“字段-asc”，字段为 ${SORT_KEYS.join('、')}。`,
          };
        params.sort = value as Sort;
        break;
      case 'page': {
        const page = Number(value);
        if (!/^\d{1,4}$/.test(value) || page < 1 || page > MAX_PAGE) return { ok: false, error: `页码“${clip(value)}”无效：应为 1–${MAX_PAGE} 的整数。` };
        params.page = page;
        break;
      }
      case 'size': {
        const size = Number(value);
        if (!(PAGE_SIZES as readonly number[]).includes(size)) return { ok: false, error: `每页条数只能是 ${PAGE_SIZES.join('、')}。` };
        params.size = size;
        break;
      }
    }
  }
  // In the table's order whatever the URL's; none chosen means all of them.
  params.cols = params.cols.length ? TABLE_COLUMN_KEYS.filter((key) => params.cols.includes(key)) : [...TABLE_COLUMN_KEYS];
  if (params.yearFrom !== null && params.yearTo !== null && params.yearFrom > params.yearTo) {
    return { ok: false, error: `起始年份 ${params.yearFrom} 晚于结束年份 ${params.yearTo}。` };
  }
  return { ok: true, params };
}

function clip(s: string): string {
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

/** The canonical query string of a search: defaults are left out, so equal searches share a URL. */
export function toQueryString(params: Partial<SearchParams>): string {
  const p = { ...DEFAULT_PARAMS, ...params };
  const qs = new URLSearchParams();
  if (p.q) qs.set('q', p.q);
  for (const key of ['province', 'city', 'county', 'township'] as const) if (p[key]) qs.set(key, p[key] as string);
  if (p.body) qs.set('body', p.body);
  if (p.level.length) qs.set('level', p.level.join(','));
  if (p.template.length) qs.set('template', p.template.join(','));
  if (p.yearFrom !== null && p.yearFrom === p.yearTo) qs.set('year', String(p.yearFrom));
  else {
    if (p.yearFrom !== null) qs.set('yearFrom', String(p.yearFrom));
    if (p.yearTo !== null) qs.set('yearTo', String(p.yearTo));
  }
  if (p.failed) qs.set('failed', '1');
  if (p.applications) qs.set('applications', '1');
  if (p.changed) qs.set('changed', '1');
  if (p.map !== DEFAULT_PARAMS.map) qs.set('map', p.map);
  if (p.view !== DEFAULT_PARAMS.view) qs.set('view', p.view);
  const cols = TABLE_COLUMN_KEYS.filter((key) => p.cols.includes(key));
  if (cols.length > 0 && cols.length < TABLE_COLUMN_KEYS.length) qs.set('cols', cols.join(','));
  if (p.sort !== 'relevance') qs.set('sort', p.sort);
  if (p.page !== 1) qs.set('page', String(p.page));
  if (p.size !== DEFAULT_PARAMS.size) qs.set('size', String(p.size));
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/**
 * The filters a view shares with the others (/stats, /compare, /coverage, the view links): the
 * search without its list's page, size and sort.
 */
export function viewFilters(params: SearchParams): SearchParams {
  return {
    ...params,
    page: DEFAULT_PARAMS.page,
    size: DEFAULT_PARAMS.size,
    sort: DEFAULT_PARAMS.sort,
    view: DEFAULT_PARAMS.view,
    cols: DEFAULT_PARAMS.cols,
  };
}

/** A link to the same search with some fields changed; any change of filter returns to page 1. */
export function withParams(params: SearchParams, change: Partial<SearchParams>): string {
  const next = { ...params, ...change };
  if (!('page' in change)) next.page = 1;
  return toQueryString(next);
}

/** The places chosen in a search, from the province down: the steps of its region trail. */
export function chosenRegions(params: SearchParams): Array<{ field: RegionField; name: string }> {
  return REGION_FIELDS.flatMap((field) => (params[field] ? [{ field, name: params[field] }] : []));
}

/** Going up a region trail: the change that drops the place at `depth` (0 = province) and every place under it. */
export function regionUpTo(depth: number): Partial<SearchParams> {
  return Object.fromEntries(REGION_FIELDS.slice(depth).map((field) => [field, null])) as Partial<SearchParams>;
}

/** The list with `value` added, or taken out when it is there: what a filter link that switches one value asks for. */
export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** Quote a value for a Meilisearch filter: the value can never end the string or add an operator. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The Meilisearch filter for a search, built only from validated fields and quoted values. */
export function buildFilter(params: SearchParams, options: { omit?: Array<keyof SearchParams> } = {}): string[] {
  const omit = new Set(options.omit ?? []);
  const filter: string[] = [];
  for (const key of ['province', 'city', 'county', 'township'] as const) {
    const value = params[key];
    if (value && !omit.has(key)) filter.push(`${key} = ${quoteFilterValue(value)}`);
  }
  if (params.body && !omit.has('body')) filter.push(`bodyKey = ${quoteFilterValue(params.body)}`);
  if (params.level.length && !omit.has('level')) filter.push(`level IN [${params.level.map(quoteFilterValue).join(', ')}]`);
  if (params.template.length && !omit.has('template')) filter.push(`template IN [${params.template.map(quoteFilterValue).join(', ')}]`);
  if (!omit.has('yearFrom')) {
    if (params.yearFrom !== null) filter.push(`year >= ${params.yearFrom}`);
    if (params.yearTo !== null) filter.push(`year <= ${params.yearTo}`);
  }
  if (params.failed && !omit.has('failed')) filter.push('hasFailedChecks = true');
  if (params.applications && !omit.has('applications')) filter.push('hasApplications = true');
  if (params.changed && !omit.has('changed')) filter.push('changedAfterPublication = true');
  return filter;
}

/**
 * The engine's sort for a chosen order, newest year first among equals (many reports share a
 * figure, or state no publication date); undefined for relevance.
 */
export function sortOf(sort: Sort): string[] | undefined {
  const parts = sortParts(sort);
  if (!parts) return undefined;
  const primary = `${SORT_FIELDS[parts.key]}:${parts.direction}`;
  return parts.key === 'year' ? [primary] : [primary, 'year:desc'];
}
