import { currentRun } from '@/lib/admin/run-manager';
import { requireAdminApi } from '@/lib/auth/session';
import { errorResponse } from '@/lib/respond';

/** The run going on now, or the last one of this server process (polled by /admin). */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireAdminApi(request);
    return Response.json({ run: currentRun() }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'admin');
  }
}
