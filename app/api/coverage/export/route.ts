import { COVERAGE_CSV_HEADER, coverageCsvRows } from '@/lib/coverage/csv';
import { coverageOfQuery } from '@/lib/coverage/queries';
import { errorResponse } from '@/lib/respond';
import { BOM, contentDisposition } from '@/lib/search/csv';

/** GET /api/coverage/export — the coverage grid of /coverage as CSV (same parameters), with 已核查、未发现 apart from 未收录. */

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const { region, grid } = await coverageOfQuery(new URL(request.url).searchParams);
    const body = `${BOM}${COVERAGE_CSV_HEADER}${coverageCsvRows(grid).join('')}`;
    const name = `nianbao-coverage-${region.division?.name ?? '全国'}-${grid.years[0] ?? ''}-${grid.years.at(-1) ?? ''}.csv`;
    return new Response(body, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': contentDisposition(name), 'cache-control': 'no-store' },
    });
  } catch (error) {
    return errorResponse(error, 'search');
  }
}
