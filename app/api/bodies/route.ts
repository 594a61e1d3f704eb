import { isBodyKey, MAX_BODIES } from '../../../lib/compare/params';
import { suggestBodies } from '../../../lib/compare/queries';
import { AppError } from '../../../lib/errors';
import { errorResponse } from '../../../lib/respond';
import { parseSearchParams } from '../../../lib/search/params';

/**
 * GET /api/bodies?q=张村 — bodies whose name or place matches, one per body (bodyKey), with the
 * years the index holds: the compare page's search-as-you-type. The search filters (province,
 * city, county, township, level, template) narrow the bodies; `exclude=KEY` (repeatable) leaves
 * out the ones already picked. 400 with a plain message for anything malformed.
 */

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const rest = new URLSearchParams();
    const exclude: string[] = [];
    for (const [key, value] of url.searchParams) {
      if (key === 'exclude') {
        if (!isBodyKey(value)) throw new AppError('bad_request:search', '参数“exclude”格式不正确。');
        exclude.push(value);
      } else rest.append(key, value);
    }
    if (exclude.length > MAX_BODIES) throw new AppError('bad_request:search', `参数“exclude”最多 ${MAX_BODIES} 个。`);
    const parsed = parseSearchParams(rest);
    if (!parsed.ok) throw new AppError('bad_request:search', parsed.error);
    const q = parsed.params.q;
    if (q.length > 50) throw new AppError('bad_request:search', '机关名称太长（最多 50 个字符）。');
    const bodies = q ? await suggestBodies(q, { filters: parsed.params, exclude }) : [];
    return Response.json({ q, bodies }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'search');
  }
}
