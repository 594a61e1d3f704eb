import { type ParseResult, parseSearchParams, type SearchParams, toQueryString, viewFilters } from '../search/params';
import { GENERATION_PATTERN } from './generation';

/**
 * A bulk download's query: the search page's parameters (lib/search/params.ts, the same 400
 * rules), plus `generation`, the index generation the caller expects (generation.ts).
 */

export type BulkRequest = { ok: true; params: SearchParams; generation: string | null } | { ok: false; error: string };

export function parseBulkRequest(searchParams: URLSearchParams): BulkRequest {
  const rest = new URLSearchParams();
  let generation: string | null = null;
  for (const [key, value] of searchParams) {
    if (key !== 'generation') {
      rest.append(key, value);
      continue;
    }
    if (generation !== null) return { ok: false, error: '参数“generation”只能出现一次。' };
    generation = value.trim();
    if (!GENERATION_PATTERN.test(generation)) return { ok: false, error: `数据版本“${generation.slice(0, 40)}”格式不正确。` };
  }
  const parsed: ParseResult = parseSearchParams(rest);
  return parsed.ok ? { ok: true, params: parsed.params, generation } : parsed;
}

/** The query string of a search's bulk download at a generation: the filters, sort and words; no page, size or view. */
export function bulkQuery(params: SearchParams, generation: string | null): string {
  const query = new URLSearchParams(toQueryString({ ...viewFilters(params), sort: params.sort }).slice(1));
  if (generation) query.set('generation', generation);
  const s = query.toString();
  return s ? `?${s}` : '';
}
