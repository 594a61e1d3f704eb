import { AppError } from '@/lib/errors';
import { atomFeed, FEED_SIZE } from '@/lib/feed/atom';
import { errorResponse } from '@/lib/respond';
import { parseSearchParams } from '@/lib/search/params';
import { latestReports } from '@/lib/search/queries';

/**
 * GET /feed.xml?<search> — an Atom feed of the search's newest reports (any search's filters and
 * words; page, sort and view are ignored). A bad parameter is a 400 with a plain message, an
 * engine outage a 503, never a broken feed.
 */

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const parsed = parseSearchParams(url.searchParams);
  try {
    if (!parsed.ok) throw new AppError('bad_request:search', parsed.error);
    const reports = await latestReports(parsed.params, FEED_SIZE);
    return new Response(atomFeed(parsed.params, reports, url.origin), {
      headers: {
        'content-type': 'application/atom+xml; charset=utf-8',
        // Feed readers poll; a few minutes of caching is what they expect.
        'cache-control': 'public, max-age=300',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    return errorResponse(error, 'search');
  }
}
