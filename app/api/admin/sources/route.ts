import { requireAdminApi } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { parseSourcesCsv, readSources, type SourceInput, SourcesError, sourcesFile, toSource, upsertSources, writeSources } from '@/lib/harvest/sources';
import { readChecks } from '@/lib/harvest/store';
import { log } from '@/lib/log';
import { errorResponse } from '@/lib/respond';

/** GET: the harvest sources with when each was last checked. POST: one source (JSON), or a CSV of them ({ csv }). */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireAdminApi(request);
    const root = config().data.root;
    return Response.json({ sources: readSources(sourcesFile(root)), checks: readChecks(root) }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'admin');
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const admin = await requireAdminApi(request);
    const body = (await request.json().catch(() => null)) as (SourceInput & { csv?: unknown }) | null;
    if (!body || typeof body !== 'object') throw new AppError('bad_request:admin', '请求应为 JSON：一个来源，或 { "csv": "…" }。');
    const file = sourcesFile(config().data.root);
    const existing = readSources(file);
    if (typeof body.csv === 'string') {
      if (body.csv.length > 1_000_000) throw new AppError('too_large:admin', 'CSV 太大（最多 1 MB）。');
      const { sources, errors } = parseSourcesCsv(body.csv);
      writeSources(file, upsertSources(existing, sources));
      log('admin').info({ admin, imported: sources.length, errors: errors.length }, 'sources imported');
      return Response.json({ imported: sources.length, errors, sources: readSources(file) }, { status: sources.length > 0 ? 201 : 422 });
    }
    const source = toSource(body);
    writeSources(file, upsertSources(existing, [source]));
    log('admin').info({ admin, source: source.url }, 'source added');
    return Response.json({ source }, { status: 201 });
  } catch (error) {
    if (error instanceof SourcesError) return errorResponse(new AppError('bad_request:admin', error.message), 'admin');
    return errorResponse(error, 'admin');
  }
}
