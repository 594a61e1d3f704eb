import { AppError } from '../../../lib/errors';
import { errorResponse } from '../../../lib/respond';
import { parseSearchParams } from '../../../lib/search/params';
import { getStats } from '../../../lib/stats/queries';

/**
 * GET /api/stats — the /stats page's chart data as JSON, for the search page's parameters
 * (lib/search/params.ts; page, size and sort are accepted and ignored). 400 with a plain message
 * for any unknown or malformed parameter, 503 when the engine is away.
 */

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const started = performance.now();
  try {
    const parsed = parseSearchParams(new URL(request.url).searchParams);
    if (!parsed.ok) throw new AppError('bad_request:search', parsed.error);
    const stats = await getStats(parsed.params);
    return Response.json(stats, {
      headers: { 'cache-control': 'no-store', 'server-timing': `handler;dur=${(performance.now() - started).toFixed(1)}` },
    });
  } catch (error) {
    return errorResponse(error, 'search');
  }
}
