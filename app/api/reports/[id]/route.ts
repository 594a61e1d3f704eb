import { AppError } from '../../../../lib/errors';
import { isReportId } from '../../../../lib/report/schema';
import { errorResponse } from '../../../../lib/respond';
import { getReport } from '../../../../lib/search/queries';

/** GET /api/reports/ID — one report document as JSON; 400 for an id that cannot be one, 404 when none has it. */

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await context.params;
    if (!isReportId(id)) throw new AppError('bad_request:report');
    const report = await getReport(id);
    if (!report) throw new AppError('not_found:report');
    return Response.json(report, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'report');
  }
}
