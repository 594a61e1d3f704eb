import { compareCsv, compareFileName } from '../../../../lib/compare/csv';
import { MIN_BODIES, parseCompareParams } from '../../../../lib/compare/params';
import { getCompareBodies } from '../../../../lib/compare/queries';
import { AppError } from '../../../../lib/errors';
import { errorResponse } from '../../../../lib/respond';
import { BOM, contentDisposition } from '../../../../lib/search/csv';

/**
 * GET /api/compare/export?body=KEY&body=KEY… — the comparison as CSV (UTF-8 with BOM), the same
 * parameters as /compare. 400 with a plain message for fewer than two or more than six bodies, a
 * malformed or unknown body, or a bad filter; 503 when the engine is away.
 */

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const parsed = parseCompareParams(url.searchParams);
    if (!parsed.ok) throw new AppError('bad_request:search', parsed.error);
    const { bodies: keys, filters } = parsed.params;
    if (keys.length < MIN_BODIES) throw new AppError('bad_request:search', `请至少选择 ${MIN_BODIES} 个机关进行比较。`);
    const { bodies, missing } = await getCompareBodies(keys, filters);
    if (missing.length) throw new AppError('bad_request:search', `没有找到机关“${missing[0].slice(0, 60)}”的报告。`);
    return new Response(BOM + compareCsv(bodies, url.origin), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': contentDisposition(compareFileName(bodies)),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    return errorResponse(error, 'search');
  }
}
