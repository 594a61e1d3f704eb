import { log } from '@/lib/log';
import { AppError } from '../../../../lib/errors';
import { errorResponse } from '../../../../lib/respond';
import { BOM, CSV_HEADER, contentDisposition, csvRow, exportFileName, tableCsv } from '../../../../lib/search/csv';
import { parseSearchParams, type SearchParams } from '../../../../lib/search/params';
import { type ExportRow, exportReports, searchReports } from '../../../../lib/search/queries';

/**
 * GET /api/search/export — every report matching the search as CSV (UTF-8 with BOM), streamed as
 * the pages come from the engine. The first page is read before answering, so an engine outage is
 * a 503 with a plain message rather than a broken file; the same 400 rules as /api/search.
 * With view=table: exactly the table that address shows (its page, its columns, its order).
 */

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Rows per chunk written to the response. */
const CHUNK_ROWS = 250;

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  let rows: AsyncGenerator<ExportRow>;
  let first: IteratorResult<ExportRow>;
  const parsed = parseSearchParams(url.searchParams);
  if (parsed.ok && parsed.params.view === 'table') return tableExport(parsed.params);
  try {
    if (!parsed.ok) throw new AppError('bad_request:search', parsed.error);
    rows = exportReports(parsed.params);
    first = await rows.next();
  } catch (error) {
    return errorResponse(error, 'search');
  }
  const encoder = new TextEncoder();
  let pending: IteratorResult<ExportRow> | null = first;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + CSV_HEADER));
    },
    async pull(controller) {
      try {
        let chunk = '';
        for (let n = 0; n < CHUNK_ROWS; n++) {
          const next: IteratorResult<ExportRow> = pending ?? (await rows.next());
          pending = null;
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += csvRow(next.value, url.origin);
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        // Headers are sent: all that is left is to cut the download short (the log has the cause).
        log('search').error({ err: (error as { cause?: unknown }).cause ?? error }, 'export stopped');
        controller.error(new Error('export interrupted'));
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });

  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(exportFileName(parsed.ok ? parsed.params : ({} as never))),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

async function tableExport(params: SearchParams): Promise<Response> {
  try {
    const result = await searchReports(params);
    return new Response(tableCsv(result.hits, params), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': contentDisposition(exportFileName(params).replace(/\.csv$/, `-表格-第${result.page}页.csv`)),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    return errorResponse(error, 'search');
  }
}
