import { currentHarvest } from '@/lib/admin/harvest-runs';
import { requireAdminApi } from '@/lib/auth/session';
import { errorResponse } from '@/lib/respond';

/** The harvest going on now, or the last one of this server process (polled by /admin/sources). */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireAdminApi(request);
    return Response.json({ harvest: currentHarvest() }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'admin');
  }
}
