import { OPEN_DATA_FORMATS, type OpenDataFormat } from '@/lib/opendata/columns';
import { OPEN_DATA_FILES, openDataDownload } from '@/lib/opendata/download';
import { AppError } from '../../../../lib/errors';

/**
 * GET /api/opendata/reports.csv | reports.jsonl | reports.parquet — every figure of every report
 * a search matches, one row per report (lib/opendata/download.ts); the search page's parameters,
 * plus `generation`. The columns: /data and /api/opendata/columns.
 */

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await context.params;
  const format = OPEN_DATA_FORMATS.find((f: OpenDataFormat) => OPEN_DATA_FILES[f].file === file);
  if (!format) return new AppError('not_found:search', `没有文件“${file.slice(0, 40)}”：可下载 reports.csv、reports.jsonl、reports.parquet。`).toResponse();
  return openDataDownload(new URL(request.url), format);
}
