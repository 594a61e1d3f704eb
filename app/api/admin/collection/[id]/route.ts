import { type RemoveOutcome, removeFromCollection } from '@/lib/admin/collection';
import { exclusively } from '@/lib/admin/run-manager';
import { jsonError, requireAdminApi } from '@/lib/auth/session';
import { config, indexingTarget } from '@/lib/config';

const REPORT_ID = /^[A-Za-z0-9_-]{1,511}$/;

/** DELETE: removes one report from the index and moves its file to <data>/removed/. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const guard = await requireAdminApi(request);
  if ('response' in guard) return guard.response;
  const { id } = await params;
  if (!REPORT_ID.test(id)) return jsonError(400, 'bad_id', '报告编号无效。');
  let outcome: { value: RemoveOutcome } | null;
  try {
    outcome = await exclusively(`removing ${id}`, () => removeFromCollection(indexingTarget(), id, config().data));
  } catch (error) {
    console.error(`[admin] removing ${id} failed`, error);
    return jsonError(503, 'unavailable', '暂时无法移除，请稍后再试。');
  }
  if (!outcome) return jsonError(409, 'run_in_progress', '索引任务运行中，结束后再移除。');
  if (outcome.value.status === 'not_found') return jsonError(404, 'not_found', '索引中没有这份报告。');
  console.info(`[admin] ${guard.admin} removed ${id} (${outcome.value.sourcePath})`);
  return Response.json(outcome.value, { headers: { 'cache-control': 'no-store' } });
}
