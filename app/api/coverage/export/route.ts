import { COVERAGE_CSV_HEADER, coverageCsvRows } from '@/lib/coverage/csv';
import { getCoverage } from '@/lib/coverage/queries';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/respond';
import { BOM, contentDisposition } from '@/lib/search/csv';
import { parseSearchParams } from '@/lib/search/params';

/** GET /api/coverage/export — the coverage grid of /coverage as CSV (same parameters), with 已核查、未发现 apart from 未收录. */

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const parsed = parseSearchParams(new URL(request.url).searchParams);
    if (!parsed.ok) throw new AppError('bad_request:search', parsed.error);
    const loaded = await getCoverage(parsed.params);
    if (!loaded.ok) throw new AppError('bad_request:search', loaded.error);
    const { region, grid } = loaded.result;
    const body = `${BOM}${COVERAGE_CSV_HEADER}${coverageCsvRows(grid).join('')}`;
    const name = `nianbao-coverage-${region.division?.name ?? '全国'}-${grid.years[0] ?? ''}-${grid.years.at(-1) ?? ''}.csv`;
    return new Response(body, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': contentDisposition(name), 'cache-control': 'no-store' },
    });
  } catch (error) {
    return errorResponse(error, 'search');
  }
}
