import { startHarvest } from '@/lib/admin/harvest-runs';
import { requireAdminApi } from '@/lib/auth/session';
import { IndexingNotConfigured } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { errorResponse } from '@/lib/respond';

/** POST { sourceId? }: harvests one source, or all of them; 409 while another run or writer is busy. */
export async function POST(request: Request): Promise<Response> {
  try {
    const admin = await requireAdminApi(request);
    const body = (await request.json().catch(() => ({}))) as { sourceId?: unknown };
    if (body.sourceId !== undefined && typeof body.sourceId !== 'string') throw new AppError('bad_request:admin', 'sourceId 必须是字符串。');
    const outcome = await startHarvest(admin, body.sourceId ? [body.sourceId] : []);
    if ('error' in outcome) throw new AppError('bad_request:admin', outcome.error);
    if ('busy' in outcome) {
      throw new AppError(
        'conflict:admin',
        outcome.holder ? '另一个任务正在写入数据（命令行索引或采集），请等它结束。' : '已有任务在运行（索引或采集），请等它结束。',
      );
    }
    log('admin').info({ admin, scope: outcome.started.scope }, 'harvest started');
    return Response.json({ harvest: outcome.started }, { status: 202, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof IndexingNotConfigured) {
      return errorResponse(new AppError('unavailable:admin', '此服务器未配置索引权限（MEILI_ADMIN_KEY）。', { cause: error }), 'admin');
    }
    return errorResponse(error, 'admin');
  }
}
