import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { GET as openDataRoute } from '../../app/api/opendata/[file]/route';
import { createMeiliClient } from '../../lib/engine/client';
import { enqueueDeletion, waitForTask } from '../../lib/engine/indexes';
import { runIndex } from '../../lib/indexer';
import { columnsOf, OPEN_DATA_COLUMNS } from '../../lib/opendata/columns';
import { GENERATION_HEADER, openDataFileName } from '../../lib/opendata/download';
import { currentGeneration } from '../../lib/opendata/generation';
import { parseSearchParams } from '../../lib/search/params';
import { getReport, searchReports } from '../../lib/search/queries';
import { syntheticReportText } from '../support/reports';
import { type SearchFixture, startSearchFixture } from '../support/search-index';
import { sampleReports, tempDir } from '../support/temp';

/**
 * The bulk downloads against a real Meilisearch holding the sample reports, through the route
 * handler itself: as many rows as the search has reports, in every format; the values those of
 * the stored reports; 400 for a bad query, 410 for a generation no longer served, 503 without
 * the engine.
 */

process.env.NIANBAO_SEARCH_CACHE_SECONDS = '0';
const BASE = 'http://localhost:3000';
let fixture: SearchFixture;
before(async () => {
  fixture = await startSearchFixture();
});
after(async () => {
  await fixture?.meili.stop();
});

type Format = 'csv' | 'jsonl' | 'parquet';
const FILE: Record<Format, string> = { csv: 'reports.csv', jsonl: 'reports.jsonl', parquet: 'reports.parquet' };

async function download(format: Format, query = ''): Promise<Response> {
  const file = FILE[format];
  return openDataRoute(new Request(`${BASE}/api/opendata/${file}${query}`), { params: Promise.resolve({ file }) });
}

async function rowsOf(format: Format, query = ''): Promise<{ response: Response; rows: Array<Record<string, unknown>> }> {
  const response = await download(format, query);
  assert.equal(response.status, 200, `${format}${query}: ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (format === 'csv') {
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
    return { response, rows: parseCsv(bytes, { bom: true, columns: true }) as Array<Record<string, unknown>> };
  }
  if (format === 'jsonl') {
    const text = bytes.toString('utf8');
    assert.ok(text === '' || text.endsWith('\n'));
    return {
      response,
      rows: text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    };
  }
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const metadata = parquetMetadata(file);
  const rows = metadata.num_rows > 0n ? ((await parquetReadObjects({ file })) as Array<Record<string, unknown>>) : [];
  assert.equal(BigInt(rows.length), metadata.num_rows);
  return { response, rows };
}

async function totalOf(query: string): Promise<number> {
  const parsed = parseSearchParams(new URLSearchParams(query));
  assert.ok(parsed.ok);
  return (await searchReports(parsed.params, { cached: false })).total;
}

const SEARCHES = ['', '?province=江苏省', '?q=依申请&yearFrom=2022&sort=applications-desc', '?level=township&template=2021', '?q=鑫鑫鑫鑫鑫'];

test('every format has one row per report the search matches: the whole collection and filtered searches', async () => {
  for (const query of SEARCHES) {
    const total = await totalOf(query);
    if (query === '') assert.equal(total, fixture.count);
    if (query.includes('鑫')) assert.equal(total, 0, 'an empty search gives empty files');
    const ids: string[][] = [];
    for (const format of ['csv', 'jsonl', 'parquet'] as const) {
      const { response, rows } = await rowsOf(format, query);
      assert.equal(rows.length, total, `${format}${query}`);
      ids.push(rows.map((r) => String(r.id)));
      const generation = response.headers.get(GENERATION_HEADER);
      assert.match(generation ?? '', new RegExp(`-${fixture.count}$`));
      assert.ok(decodeURIComponent(response.headers.get('content-disposition') ?? '').includes(`g${generation}.${format}`));
    }
    assert.equal(new Set(ids[0]).size, total, 'each report once');
    assert.deepEqual(ids[1], ids[0], 'same rows in the same order');
    assert.deepEqual(ids[2], ids[0]);
  }
});

test('the values are the stored reports’: every 表三/表四 cell and the key figures, the same in CSV, JSON Lines and Parquet', async () => {
  const { rows: jsonl } = await rowsOf('jsonl');
  const { rows: csv } = await rowsOf('csv');
  const { rows: parquet } = await rowsOf('parquet');
  const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  let t3Cells = 0;
  for (const [i, row] of jsonl.entries()) {
    const report = await getReport(String(row.id));
    assert.ok(report, `${row.id} is stored`);
    assert.equal(row.organization, report.organization);
    assert.equal(row.year, report.year);
    assert.equal(row.region_code, report.regionCode);
    assert.equal(row.template, report.template);
    assert.equal(row.failed_checks_total, report.failedChecksTotal);
    assert.equal(row.applications_new, report.applications.newReceived);
    assert.equal(row.proactive_total, report.proactive.total);
    assert.equal(row.fees_collected, report.feesCollected);
    assert.equal(row.url, `${BASE}/reports/${report.id}`);
    assert.equal(row.source_url, report.origin?.url ?? null);
    const table = report.applicationTable;
    for (const tableRow of table?.rows ?? []) {
      table!.columns.forEach((col, c) => {
        if (col.key === 'orgSubtotal') return;
        assert.equal(row[`t3_${snake(tableRow.key)}_${snake(col.key)}`], tableRow.values[c], `${row.id} ${tableRow.key} ${col.key}`);
        t3Cells++;
      });
    }
    if (report.reviewTable) assert.equal(row.t4_litigation_direct_corrected, report.reviewTable.litigationDirect.corrected);
    else assert.equal(row.t4_reconsideration_total, null);
    assert.deepEqual(row.legacy_statistics, report.legacyStatistics);
    // CSV and Parquet say the same, each in its own types.
    for (const column of columnsOf('csv')) {
      const value = row[column.key];
      assert.equal(csv[i][column.key], value === null ? '' : String(value), `csv ${row.id} ${column.key}`);
      const stored = parquet[i][column.key];
      const expected = column.type === 'date' && typeof value === 'string' ? new Date(`${value}T00:00:00Z`).getTime() : value;
      assert.equal(stored instanceof Date ? stored.getTime() : (stored ?? null), expected, `parquet ${row.id} ${column.key}`);
    }
  }
  assert.ok(t3Cells > 1000, `${t3Cells} 表三 cells compared`);
  assert.ok(jsonl.some((r) => r.published_at !== null) && jsonl.some((r) => Array.isArray(r.legacy_statistics)));
  assert.equal(Object.keys(jsonl[0]).length, OPEN_DATA_COLUMNS.length);
});

test('a bad query is a 400 with a plain message; an unknown file a 404', async () => {
  for (const query of ['?level=mayor', '?yearFrom=2025&yearTo=2020', '?bogus=1', '?generation=bad%20one', '?generation=a-1&generation=a-1']) {
    const response = await download('csv', query);
    assert.equal(response.status, 400, query);
    const body = (await response.json()) as { error: string; code: string };
    assert.equal(body.code, 'bad_request:search');
    assert.match(body.error, /\p{Script=Han}/u);
    assert.doesNotMatch(body.error, /meili|stack|Error/i);
  }
  const unknown = await openDataRoute(new Request(`${BASE}/api/opendata/reports.xlsx`), { params: Promise.resolve({ file: 'reports.xlsx' }) });
  assert.equal(unknown.status, 404);
});

test('the generation: named and current, the file comes; once the index changes, the old one is 410 with a link to the new', async () => {
  const before = await currentGeneration();
  assert.equal(before.documents, fixture.count);
  const current = await download('jsonl', `?province=江苏省&generation=${before.id}`);
  assert.equal(current.status, 200);
  assert.equal(current.headers.get(GENERATION_HEADER), before.id);
  await current.body?.cancel();

  // An incremental run adds a report (as an admin upload does): a new generation.
  const extra = tempDir('nianbao-opendata-extra-');
  writeFileSync(
    path.join(extra, 'extra.txt'),
    syntheticReportText({ organization: '滨海县人民政府', year: 2024, newReceived: 3, carriedOver: 0, carriedForward: 0, normativeDocuments: [0, 0, 1] }),
  );
  const run = await runIndex({
    paths: [sampleReports, extra],
    connection: { url: fixture.meili.url, apiKey: fixture.meili.masterKey },
    index: 'reports',
    runsDir: null,
    incremental: true,
  });
  assert.equal(run.indexed, 1);
  const added = await currentGeneration();
  assert.notEqual(added.id, before.id);
  assert.equal(added.documents, fixture.count + 1);

  const gone = await download('csv', `?province=江苏省&generation=${before.id}`);
  assert.equal(gone.status, 410);
  const body = (await gone.json()) as { error: string; code: string; current: string; generation: string };
  assert.equal(body.code, 'gone:search');
  assert.equal(body.generation, added.id);
  assert.equal(body.current, `${BASE}/api/opendata/reports.csv?province=%E6%B1%9F%E8%8B%8F%E7%9C%81&generation=${added.id}`);
  assert.ok(body.error.includes(body.current) && body.error.includes('已不再提供'));
  assert.equal(gone.headers.get('link'), `<${body.current}>; rel="latest-version"`);
  const again = await download('csv', new URL(body.current).search);
  assert.equal(again.status, 200, 'the link given works');
  await again.body?.cancel();

  // A removal (as the admin's) changes the count, so the generation too.
  const master = createMeiliClient({ url: fixture.meili.url, apiKey: fixture.meili.masterKey });
  const { hits } = await master.index('reports').search('', { filter: 'organization = "滨海县人民政府"', limit: 1 });
  await waitForTask(master, await enqueueDeletion(master, 'reports', [String(hits[0].id)]));
  const removed = await currentGeneration();
  assert.notEqual(removed.id, added.id);
  assert.equal(removed.documents, fixture.count);
  assert.equal((await download('parquet', `?generation=${added.id}`)).status, 410);
});

test('a download whose generation moves while it is written is cut off, never finished with rows of two generations', async () => {
  // The answer is made (parameters, generation and first page read; the CSV header queued) …
  const response = await download('csv');
  assert.equal(response.status, 200);
  // … then the index changes before the rows are sent.
  const master = createMeiliClient({ url: fixture.meili.url, apiKey: fixture.meili.masterKey });
  const { hits } = await master.index('reports').search('', { limit: 1 });
  await waitForTask(master, await enqueueDeletion(master, 'reports', [String(hits[0].id)]));
  await assert.rejects(response.text(), 'the body ends in an error');
  // A new download is whole again, at the new generation.
  const { rows } = await rowsOf('csv');
  assert.equal(rows.length, fixture.count - 1);
});

test('the file name says the search and the generation', () => {
  const parsed = parseSearchParams(new URLSearchParams('province=山东省&year=2023'));
  assert.ok(parsed.ok);
  assert.equal(openDataFileName('parquet', parsed.params, '20260101T000000000Z-9'), 'nianbao-reports-山东省-2023-g20260101T000000000Z-9.parquet');
});

test('without the engine: 503 with a plain message, before any byte of a file', async () => {
  await fixture.meili.stop();
  for (const format of ['csv', 'jsonl', 'parquet'] as const) {
    const response = await download(format);
    assert.equal(response.status, 503, format);
    const body = (await response.json()) as { error: string };
    assert.equal(body.error, '搜索服务暂时不可用，请稍后再试。');
  }
});
