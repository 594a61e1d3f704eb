import { listCollection } from '@/lib/admin/collection';
import { jsonError, requireAdminApi } from '@/lib/auth/session';
import { IndexingNotConfigured, indexingTarget } from '@/lib/config';

/** GET ?offset=&limit=: the indexed reports, a page at a time. */
export async function GET(request: Request): Promise<Response> {
  const guard = await requireAdminApi(request);
  if ('response' in guard) return guard.response;
  const url = new URL(request.url);
  const offset = Math.max(0, Number.parseInt(url.searchParams.get('offset') ?? '0', 10) || 0);
  const limit = Math.min(500, Math.max(1, Number.parseInt(url.searchParams.get('limit') ?? '100', 10) || 100));
  try {
    return Response.json(await listCollection(indexingTarget(), offset, limit), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    console.error('[admin] collection listing failed', error instanceof IndexingNotConfigured ? error.message : error);
    return jsonError(503, 'unavailable', '暂时无法读取索引。');
  }
}
