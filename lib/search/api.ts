import { AppError, type JsonReply } from '../errors';
import { errorReply } from '../respond';
import { parseSearchParams, toQueryString } from './params';
import { cachedAnswer, searchReports } from './queries';

/**
 * GET /api/search — the search page's data as JSON, with the page's parameters (params.ts).
 * 400 with a plain message for any unknown or malformed parameter or a page past the last, 503
 * when the engine is away. Served by pages/api/search.ts.
 */

interface Answer {
  json: string;
  page: number;
  lastPage: number;
  engineMs: number;
}

export async function searchApiReply(searchParams: URLSearchParams): Promise<JsonReply> {
  const started = performance.now();
  try {
    const parsed = parseSearchParams(searchParams);
    if (!parsed.ok) throw new AppError('bad_request:search', parsed.error);
    const query = toQueryString(parsed.params);
    const searchStarted = performance.now();
    // The reply itself is kept in the search cache too: a search asked again costs no serialising.
    const answer = await cachedAnswer<Answer>({ api: query }, async () => {
      const result = await searchReports(parsed.params, { cached: false });
      const json = JSON.stringify({
        hits: result.hits,
        total: result.total,
        page: result.page,
        size: parsed.params.size,
        totalPages: result.totalPages,
        facets: result.facets,
        params: query,
      });
      return { json, page: result.page, lastPage: Math.max(1, result.totalPages), engineMs: result.processingTimeMs };
    });
    const searchMs = performance.now() - searchStarted;
    if (answer.page > answer.lastPage) {
      throw new AppError('bad_request:search', `页码 ${answer.page} 超出范围：共 ${answer.lastPage} 页。`);
    }
    return {
      status: 200,
      headers: {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        // Where the time went (bench:search reads it): the engine's own work (when the answer was
        // made), the search call (near zero when the cache answered), the whole handler.
        'server-timing': `engine;dur=${answer.engineMs}, search;dur=${searchMs.toFixed(1)}, handler;dur=${(performance.now() - started).toFixed(1)}`,
      },
      body: answer.json,
    };
  } catch (error) {
    return errorReply(error, 'search');
  }
}
