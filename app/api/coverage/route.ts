import { getCoverage } from '../../../lib/coverage/queries';
import { AppError } from '../../../lib/errors';
import { errorResponse } from '../../../lib/respond';
import { parseSearchParams } from '../../../lib/search/params';

/**
 * GET /api/coverage — the coverage grid as JSON for the same parameters as /coverage (the search
 * filters; only the place and the year range matter). 400 with a plain message for a malformed
 * parameter, an unknown or ambiguous place or too many years; 503 when the engine is away.
 */

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const parsed = parseSearchParams(new URL(request.url).searchParams);
    if (!parsed.ok) throw new AppError('bad_request:search', parsed.error);
    const loaded = await getCoverage(parsed.params);
    if (!loaded.ok) throw new AppError('bad_request:search', loaded.error);
    const { region, grid, yearFrom, yearTo, defaultRange } = loaded.result;
    return Response.json({ region, yearFrom, yearTo, defaultRange, ...grid }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'search');
  }
}
