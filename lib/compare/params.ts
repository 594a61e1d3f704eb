import { DEFAULT_PARAMS, entries, parseSearchParams, type RawParams, type SearchParams, toQueryString, viewFilters } from '../search/params';
import { COMPARE_FIGURES, type CompareFigure, DEFAULT_FIGURE } from './figures';
import { MAX_BODIES } from './href';

/**
 * The compare page's URL: `/compare?body=KEY&body=KEY…&figure=…` plus the search filters
 * (lib/search/params.ts), which scope the body picker and the years shown. A body is a `bodyKey`
 * (region code or "?", a bar, the body's name: `371002100|张村镇`), so it is always URL-encoded.
 */

export { MAX_BODIES };
export const MIN_BODIES = 2;

/** Region code (or ? when unresolved), a bar, then a name without spaces or control characters. */
const BODY_KEY = /^(?:\d{2,12}|\?)\|[^\s\u0000-\u001f]{1,100}$/u;

export function isBodyKey(value: string): boolean {
  return BODY_KEY.test(value);
}

export interface CompareParams {
  bodies: string[];
  figure: CompareFigure;
  filters: SearchParams;
}

export type CompareParseResult = { ok: true; params: CompareParams } | { ok: false; error: string };

/** Parse and validate; errors are plain Chinese sentences. Duplicated bodies count once. */
export function parseCompareParams(raw: RawParams): CompareParseResult {
  const bodies: string[] = [];
  let figure: CompareFigure = DEFAULT_FIGURE;
  let figureSeen = false;
  const rest = new URLSearchParams();
  for (const [key, rawValue] of entries(raw)) {
    const value = rawValue.trim();
    if (key === 'body') {
      if (value === '') continue;
      if (!isBodyKey(value)) return { ok: false, error: '机关参数“body”格式不正确：请从比较页的机关选择框里选择机关。' };
      if (!bodies.includes(value)) bodies.push(value);
      if (bodies.length > MAX_BODIES) return { ok: false, error: `最多同时比较 ${MAX_BODIES} 个机关。` };
    } else if (key === 'figure') {
      if (figureSeen) return { ok: false, error: '参数“figure”只能出现一次。' };
      figureSeen = true;
      if (value === '') continue;
      if (!(COMPARE_FIGURES as readonly string[]).includes(value)) return { ok: false, error: `未知的指标“${value.slice(0, 30)}”。` };
      figure = value as CompareFigure;
    } else rest.append(key, rawValue);
  }
  const filters = parseSearchParams(rest);
  if (!filters.ok) return filters;
  return { ok: true, params: { bodies, figure, filters: viewFilters(filters.params) } };
}

/** The canonical compare URL query: bodies in their order, then the figure, then the filters. */
export function compareQueryString(params: { bodies: readonly string[]; figure?: CompareFigure; filters?: Partial<SearchParams> }): string {
  const qs = new URLSearchParams();
  for (const body of params.bodies) qs.append('body', body);
  if (params.figure && params.figure !== DEFAULT_FIGURE) qs.set('figure', params.figure);
  const filters = toQueryString(params.filters ? viewFilters({ ...DEFAULT_PARAMS, ...params.filters }) : {}).replace(/^\?/, '');
  const s = [qs.toString(), filters].filter(Boolean).join('&');
  return s ? `?${s}` : '';
}

export function compareHref(params: Parameters<typeof compareQueryString>[0]): string {
  return `/compare${compareQueryString(params)}`;
}
