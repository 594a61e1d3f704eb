import { listRuns } from '@/lib/admin/history';
import { startRun } from '@/lib/admin/run-manager';
import { jsonError, requireAdminApi } from '@/lib/auth/session';
import { config, IndexingNotConfigured } from '@/lib/config';

/** GET: the run history (newest first). POST { mode: "incremental" | "full" }: starts a run. */
export async function GET(request: Request): Promise<Response> {
  const guard = await requireAdminApi(request);
  if ('response' in guard) return guard.response;
  return Response.json({ runs: await listRuns(config().data.runs) }, { headers: { 'cache-control': 'no-store' } });
}

export async function POST(request: Request): Promise<Response> {
  const guard = await requireAdminApi(request);
  if ('response' in guard) return guard.response;
  let mode: unknown;
  try {
    mode = ((await request.json()) as { mode?: unknown })?.mode;
  } catch {
    mode = undefined;
  }
  if (mode !== 'incremental' && mode !== 'full') return jsonError(400, 'bad_mode', 'mode 必须是 incremental 或 full。');
  try {
    const outcome = startRun(mode, guard.admin);
    if ('busy' in outcome) {
      return Response.json(
        { error: 'run_in_progress', message: '已有索引任务在运行，请等它结束。', run: outcome.busy },
        { status: 409, headers: { 'cache-control': 'no-store' } },
      );
    }
    console.info(`[admin] ${guard.admin} started an indexing run (${mode})`);
    return Response.json({ run: outcome.started }, { status: 202, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof IndexingNotConfigured) {
      console.error(`[admin] ${error.message}`);
      return jsonError(503, 'indexing_not_configured', '此服务器未配置索引权限（MEILI_ADMIN_KEY）。');
    }
    throw error;
  }
}
