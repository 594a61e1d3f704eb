import { listRuns } from '@/lib/admin/history';
import { startRun } from '@/lib/admin/run-manager';
import { requireAdminApi } from '@/lib/auth/session';
import { config, IndexingNotConfigured } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { errorResponse } from '@/lib/respond';

/** GET: the run history (newest first). POST { mode: "incremental" | "full" }: starts a run. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireAdminApi(request);
    return Response.json({ runs: await listRuns(config().data.runs) }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'admin');
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const admin = await requireAdminApi(request);
    const mode = ((await request.json().catch(() => undefined)) as { mode?: unknown } | undefined)?.mode;
    if (mode !== 'incremental' && mode !== 'full') throw new AppError('bad_request:admin', 'mode 必须是 incremental 或 full。');
    const outcome = await startRun(mode, admin);
    if ('busy' in outcome) {
      const message = outcome.holder ? '另一个任务正在写入数据（命令行索引或采集），请等它结束。' : '已有索引任务在运行，请等它结束。';
      throw new AppError('conflict:admin', message, { extra: { run: outcome.busy } });
    }
    log('admin').info({ admin, mode }, 'indexing run started');
    return Response.json({ run: outcome.started }, { status: 202, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof IndexingNotConfigured) {
      return errorResponse(new AppError('unavailable:admin', '此服务器未配置索引权限（MEILI_ADMIN_KEY）。', { cause: error }), 'admin');
    }
    return errorResponse(error, 'admin');
  }
}
