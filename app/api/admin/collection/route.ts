import { listCollection } from '@/lib/admin/collection';
import { requireAdminApi } from '@/lib/auth/session';
import { indexingTarget } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/respond';

/** GET ?offset=&limit=: the indexed reports, a page at a time. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireAdminApi(request);
    const url = new URL(request.url);
    const offset = Math.max(0, Number.parseInt(url.searchParams.get('offset') ?? '0', 10) || 0);
    const limit = Math.min(500, Math.max(1, Number.parseInt(url.searchParams.get('limit') ?? '100', 10) || 100));
    try {
      return Response.json(await listCollection(indexingTarget(), offset, limit), { headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      throw new AppError('unavailable:admin', '暂时无法读取索引。', { cause: error });
    }
  } catch (error) {
    return errorResponse(error, 'admin');
  }
}
