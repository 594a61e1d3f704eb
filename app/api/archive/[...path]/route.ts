import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { config } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { archivedFile, archiveHeaders } from '@/lib/provenance/archive';
import { errorResponse } from '@/lib/respond';
import { contentDisposition } from '@/lib/search/csv';

/** GET /api/archive/<path in the data folder>: the archived copy of a report (lib/provenance/archive.ts says what may be served, and how). */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  try {
    const { path } = await params;
    const archived = archivedFile(config().data.root, path.join('/'));
    if (!archived) throw new AppError('not_found:report', '没有这份存档文件。');
    const body = Readable.toWeb(createReadStream(archived.file)) as ReadableStream<Uint8Array>;
    return new Response(body, { headers: archiveHeaders(archived, contentDisposition(archived.fileName, archived.disposition)) });
  } catch (error) {
    return errorResponse(error, 'report');
  }
}
