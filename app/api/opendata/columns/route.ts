import { dictionary } from '@/lib/opendata/dictionary';

/** GET /api/opendata/columns — the data dictionary of the bulk downloads as JSON (the same as /data shows). */

export const dynamic = 'force-static';

export function GET(): Response {
  return Response.json({ groups: dictionary() }, { headers: { 'cache-control': 'public, max-age=3600' } });
}
