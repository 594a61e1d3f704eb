import { type RemoveOutcome, removeFromCollection } from '@/lib/admin/collection';
import { exclusively } from '@/lib/admin/run-manager';
import { requireAdminApi } from '@/lib/auth/session';
import { config, indexingTarget } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { isReportId } from '@/lib/report/schema';
import { errorResponse } from '@/lib/respond';

/** DELETE: removes one report from the index and moves its file to <data>/removed/. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const admin = await requireAdminApi(request);
    const { id } = await params;
    if (!isReportId(id)) throw new AppError('bad_request:admin', '报告编号无效。');
    let outcome: { value: RemoveOutcome } | null;
    try {
      outcome = await exclusively(`removing ${id}`, () => removeFromCollection(indexingTarget(), id, config().data));
    } catch (error) {
      throw new AppError('unavailable:admin', '暂时无法移除，请稍后再试。', { cause: error });
    }
    if (!outcome) throw new AppError('conflict:admin', '索引任务运行中，结束后再移除。');
    if (outcome.value.status === 'not_found') throw new AppError('not_found:admin', '索引中没有这份报告。');
    log('admin').info({ admin, id, sourcePath: outcome.value.sourcePath }, 'report removed');
    return Response.json(outcome.value, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'admin');
  }
}
