import { AppError, errorResponse } from '../../../lib/errors';
import { parseSearchParams, toQueryString } from '../../../lib/search/params';
import { searchReports } from '../../../lib/search/queries';

/**
 * GET /api/search — the search page's data as JSON, with the page's parameters (lib/search/params.ts).
 * 400 with a plain message for any unknown or malformed parameter, 503 when the engine is away.
 */

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const started = performance.now();
  try {
    const parsed = parseSearchParams(new URL(request.url).searchParams);
    if (!parsed.ok) throw new AppError('bad_request:search', parsed.error);
    const searchStarted = performance.now();
    const result = await searchReports(parsed.params);
    const searchMs = performance.now() - searchStarted;
    const lastPage = Math.max(1, result.totalPages);
    if (result.page > lastPage) {
      throw new AppError('bad_request:search', `页码 ${result.page} 超出范围：共 ${lastPage} 页。`);
    }
    return Response.json(
      {
        hits: result.hits,
        total: result.total,
        page: result.page,
        size: parsed.params.size,
        totalPages: result.totalPages,
        facets: result.facets,
        params: toQueryString(parsed.params),
      },
      {
        headers: {
          'cache-control': 'no-store',
          // Where the time went (the benchmark reads it): the engine's own work, the search call, the whole handler.
          'server-timing': `engine;dur=${result.processingTimeMs}, search;dur=${searchMs.toFixed(1)}, handler;dur=${(performance.now() - started).toFixed(1)}`,
        },
      },
    );
  } catch (error) {
    return errorResponse(error, 'search');
  }
}
