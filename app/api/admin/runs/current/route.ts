import { currentRun } from '@/lib/admin/run-manager';
import { requireAdminApi } from '@/lib/auth/session';

/** The run going on now, or the last one of this server process (polled by /admin). */
export async function GET(request: Request): Promise<Response> {
  const guard = await requireAdminApi(request);
  if ('response' in guard) return guard.response;
  return Response.json({ run: currentRun() }, { headers: { 'cache-control': 'no-store' } });
}
