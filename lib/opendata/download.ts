import { AppError } from '../errors';
import { log } from '../log';
import { errorResponse } from '../respond';
import { contentDisposition, fileNameLabel } from '../search/csv';
import type { SearchParams } from '../search/params';
import { exportHits } from '../search/queries';
import type { OpenDataFormat } from './columns';
import { currentGeneration, type IndexGeneration } from './generation';
import { OpenDataParquet, ROW_GROUP_ROWS } from './parquet';
import { OPEN_DATA_FIELDS, type OpenDataReport, openDataReport } from './report';
import { bulkQuery, parseBulkRequest } from './request';
import { csvRecord, jsonlRecord, OPEN_DATA_CSV_HEADER } from './rows';

/**
 * GET /api/opendata/reports.{csv,jsonl,parquet}: every report of a search, one row each, streamed
 * as the engine's pages arrive. Before answering: the parameters (400), the index generation
 * (410 when the caller names one that is no longer served) and the first page (503 when the
 * engine is away), so a failure is a plain message rather than a broken file. The generation goes
 * out in a header and in the file name; when it has moved by the time the last row is written, the
 * download is cut off rather than completed with rows of two generations.
 */

export const GENERATION_HEADER = 'Nianbao-Generation';

export const OPEN_DATA_FILES: Record<OpenDataFormat, { file: string; contentType: string }> = {
  csv: { file: 'reports.csv', contentType: 'text/csv; charset=utf-8' },
  jsonl: { file: 'reports.jsonl', contentType: 'application/x-ndjson; charset=utf-8' },
  parquet: { file: 'reports.parquet', contentType: 'application/vnd.apache.parquet' },
};

/** The bulk download of a search in one format at a generation (or the current one, with null). */
export function downloadHref(format: OpenDataFormat, params: SearchParams, generation: string | null): string {
  return `/api/opendata/${OPEN_DATA_FILES[format].file}${bulkQuery(params, generation)}`;
}

/** nianbao-reports-山东省-2023-g20261215T101530123Z-90.csv */
export function openDataFileName(format: OpenDataFormat, params: SearchParams, generation: string): string {
  const label = fileNameLabel(params);
  return `nianbao-reports-${label ? `${label}-` : ''}g${generation}.${OPEN_DATA_FILES[format].file.split('.').pop()}`;
}

/** The 410 for a generation no longer served: a plain sentence, and where the current file is. */
function goneError(format: OpenDataFormat, params: SearchParams, asked: string, current: IndexGeneration, origin: string): AppError {
  const currentUrl = `${origin}${downloadHref(format, params, current.id)}`;
  return new AppError('gone:search', `数据已更新：版本 ${asked} 已不再提供，当前版本是 ${current.id}。请改用当前版本的文件：${currentUrl}`, {
    headers: { link: `<${currentUrl}>; rel="latest-version"`, [GENERATION_HEADER]: current.id },
    extra: { generation: current.id, current: currentUrl },
  });
}

/** Reports per chunk of a text format written to the response. */
const CHUNK_ROWS = 250;

/**
 * Reports per engine page. A stored report's `detail` (tables, checks and sections) is ~24 KB of
 * JSON, so a page of 1,000 is ~24 MB to receive and parse at once; pages of 250 kept the server's
 * peak memory ~100 MB lower at the same speed or better (bench:opendata, docs/open-data.md).
 */
const OPEN_DATA_PAGE_SIZE = 250;

export async function openDataDownload(url: URL, format: OpenDataFormat): Promise<Response> {
  const request = parseBulkRequest(url.searchParams);
  let rows: AsyncGenerator<Record<string, unknown>>;
  let first: IteratorResult<Record<string, unknown>>;
  let generation: IndexGeneration;
  try {
    if (!request.ok) throw new AppError('bad_request:search', request.error);
    generation = await currentGeneration();
    if (request.generation && request.generation !== generation.id) throw goneError(format, request.params, request.generation, generation, url.origin);
    rows = exportHits<Record<string, unknown>>(request.params, OPEN_DATA_FIELDS, { pageSize: OPEN_DATA_PAGE_SIZE });
    first = await rows.next();
  } catch (error) {
    return errorResponse(error, 'search');
  }
  const { params } = request;
  let pending: IteratorResult<Record<string, unknown>> | null = first;
  const next = async (): Promise<OpenDataReport | null> => {
    const item = pending ?? (await rows.next());
    pending = null;
    return item.done ? null : openDataReport(item.value);
  };
  /** Throws when the generation moved while the file was written. */
  const checkGeneration = async () => {
    const after = await currentGeneration();
    if (after.id !== generation.id) throw new Error(`the index changed during the download (${generation.id} → ${after.id})`);
  };
  const encoder = new TextEncoder();
  let cancelled = false;
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: unknown) => {
    if (cancelled) return;
    // Headers are sent: all that is left is to cut the download short (the log has the cause).
    log('search').error({ err: (error as { cause?: unknown }).cause ?? error, format }, 'bulk download stopped');
    controller.error(new Error('download interrupted'));
  };

  let parquet: OpenDataParquet | null = null;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === 'csv') controller.enqueue(encoder.encode(OPEN_DATA_CSV_HEADER));
      if (format === 'parquet') {
        parquet = new OpenDataParquet((bytes) => cancelled || controller.enqueue(bytes), {
          'nianbao.generation': generation.id,
          'nianbao.query': bulkQuery(params, null),
          'nianbao.dictionary': `${url.origin}/data`,
        });
      }
    },
    async pull(controller) {
      try {
        if (cancelled) return;
        if (parquet) {
          const group: OpenDataReport[] = [];
          for (let report = await next(); report; report = group.length < ROW_GROUP_ROWS ? await next() : null) group.push(report);
          if (cancelled) return;
          const last = group.length < ROW_GROUP_ROWS;
          if (last) await checkGeneration();
          parquet.writeGroup(group, url.origin);
          if (last) {
            parquet.finish();
            controller.close();
          }
          return;
        }
        let chunk = '';
        for (let n = 0; n < CHUNK_ROWS; n++) {
          const report = await next();
          if (cancelled) return;
          if (!report) {
            await checkGeneration();
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += format === 'csv' ? csvRecord(report, url.origin) : jsonlRecord(report, url.origin);
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        fail(controller, error);
      }
    },
    async cancel() {
      // The reader went away (a closed connection): stop reading pages, write nothing more.
      cancelled = true;
      await rows.return(undefined);
    },
  });

  return new Response(body, {
    headers: {
      'content-type': OPEN_DATA_FILES[format].contentType,
      'content-disposition': contentDisposition(openDataFileName(format, params, generation.id)),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      [GENERATION_HEADER]: generation.id,
    },
  });
}
