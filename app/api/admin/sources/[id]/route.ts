import { requireAdminApi } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { readSources, type SourceInput, SourcesError, sourcesFile, toSource, writeSources } from '@/lib/harvest/sources';
import { log } from '@/lib/log';
import { errorResponse } from '@/lib/respond';

type Params = { params: Promise<{ id: string }> };

/** PUT: the source edited (its URL may change, and with it its id). DELETE: the source removed; what it harvested stays. */
export async function PUT(request: Request, { params }: Params): Promise<Response> {
  try {
    const admin = await requireAdminApi(request);
    const { id } = await params;
    const file = sourcesFile(config().data.root);
    const sources = readSources(file);
    const at = sources.findIndex((s) => s.id === id);
    if (at < 0) throw new AppError('not_found:admin', '没有这个来源。');
    const body = (await request.json().catch(() => null)) as SourceInput | null;
    if (!body || typeof body !== 'object') throw new AppError('bad_request:admin', '请求应为 JSON 的来源。');
    const edited = toSource(body);
    const rest = sources.filter((s, i) => i !== at && s.id !== edited.id);
    rest.splice(at, 0, edited);
    writeSources(file, rest);
    log('admin').info({ admin, source: edited.url }, 'source edited');
    return Response.json({ source: edited });
  } catch (error) {
    if (error instanceof SourcesError) return errorResponse(new AppError('bad_request:admin', error.message), 'admin');
    return errorResponse(error, 'admin');
  }
}

export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  try {
    const admin = await requireAdminApi(request);
    const { id } = await params;
    const file = sourcesFile(config().data.root);
    const sources = readSources(file);
    if (!sources.some((s) => s.id === id)) throw new AppError('not_found:admin', '没有这个来源。');
    writeSources(
      file,
      sources.filter((s) => s.id !== id),
    );
    log('admin').info({ admin, id }, 'source removed');
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error, 'admin');
  }
}
