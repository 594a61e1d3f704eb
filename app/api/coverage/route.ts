import { coverageOfQuery } from '../../../lib/coverage/queries';
import { errorResponse } from '../../../lib/respond';

/**
 * GET /api/coverage — the coverage grid as JSON for the same parameters as /coverage (the search
 * filters; only the place and the year range matter). 400 with a plain message for a malformed
 * parameter, an unknown or ambiguous place or too many years; 503 when the engine is away.
 */

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const { region, grid, yearFrom, yearTo, defaultRange } = await coverageOfQuery(new URL(request.url).searchParams);
    return Response.json({ region, yearFrom, yearTo, defaultRange, ...grid }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'search');
  }
}
