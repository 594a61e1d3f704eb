import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { GET as exportRoute } from '../../app/api/search/export/route';
import { shareGranted } from '../../lib/report/rates';
import { parseSearchParams, type SearchParams, TABLE_COLUMN_KEYS } from '../../lib/search/params';
import { getReport, searchReports } from '../../lib/search/queries';
import { csvHeader, shownColumns, TABLE_COLUMNS } from '../../lib/search/table';
import type { ReportHit } from '../../lib/search/types';
import { type SearchFixture, startSearchFixture } from '../support/search-index';

/**
 * The results table against a real Meilisearch holding the sample reports: every column sorts the
 * whole result (unknown figures last either way), and its CSV is the table the same address shows.
 */

let fixture: SearchFixture;
before(async () => {
  fixture = await startSearchFixture();
});
after(async () => {
  await fixture?.meili.stop();
});

function params(query: string): SearchParams {
  const parsed = parseSearchParams(new URLSearchParams(query));
  assert.ok(parsed.ok, query);
  return parsed.params;
}

async function allHits(query: string): Promise<ReportHit[]> {
  const first = await searchReports(params(`${query}&size=100`));
  const hits = [...first.hits];
  for (let page = 2; page <= first.totalPages; page++) hits.push(...(await searchReports(params(`${query}&size=100&page=${page}`))).hits);
  return hits;
}

for (const column of TABLE_COLUMNS.filter((c) => c.sort && c.numeric)) {
  for (const direction of ['desc', 'asc'] as const) {
    test(`sort by ${column.key} ${direction}: the whole result in order, unknown figures last`, async () => {
      const hits = await allHits(`view=table&sort=${column.sort}-${direction}`);
      assert.equal(hits.length, fixture.count, 'every report is listed once');
      assert.equal(new Set(hits.map((h) => h.id)).size, fixture.count);
      const values = hits.map((h) => column.value(h));
      const known = values.filter((v): v is number => typeof v === 'number');
      assert.ok(known.length > 0, 'the samples have this figure');
      const firstUnknown = values.indexOf(null);
      if (column.key !== 'year' && firstUnknown >= 0) {
        assert.ok(
          values.slice(firstUnknown).every((v) => v === null),
          `unknown figures come after all known ones (first unknown at ${firstUnknown})`,
        );
      }
      const ordered = [...known].sort((a, b) => (direction === 'desc' ? b - a : a - b));
      assert.deepEqual(known, ordered);
    });
  }
}

test('sort by region groups a province and its places together (region code order)', async () => {
  const hits = await allHits('view=table&sort=region-asc');
  const codes = hits.map((h) => h.sortKeys.region).filter((c): c is string => Boolean(c));
  assert.deepEqual(codes, [...codes].sort());
  const provinces = hits.filter((h) => h.sortKeys.region).map((h) => h.province);
  // Once a province's run ends it does not come back.
  const runs = provinces.filter((p, i) => i === 0 || p !== provinces[i - 1]);
  assert.equal(new Set(runs).size, runs.length, `provinces in runs: ${runs.join(' ')}`);
});

test("予以公开率 is 予以公开 over all decided applications of the report's own table", async () => {
  const hits = (await allHits('view=table&sort=granted-desc')).filter((h) => h.sortKeys.granted !== undefined);
  assert.ok(hits.length >= 5);
  for (const hit of hits.slice(0, 10)) {
    const report = await getReport(hit.id);
    assert.ok(report);
    assert.equal(hit.sortKeys.granted, shareGranted(report.applications.outcomes));
    assert.ok(hit.sortKeys.granted! >= 0 && hit.sortKeys.granted! <= 1);
  }
});

test('the table CSV is the table: its columns, its page of rows in its order, every value', async () => {
  const query = 'view=table&sort=applications-desc&cols=applications,granted,failed,region&size=50&page=1';
  const response = await exportRoute(new Request(`http://localhost/api/search/export?${query}`));
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
  assert.match(response.headers.get('content-disposition') ?? '', /attachment/);
  const bytes = Buffer.from(await response.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM, for Excel');
  const rows = parseCsv(bytes, { bom: true }) as string[][];
  const p = params(query);
  const columns = shownColumns(p.cols);
  assert.deepEqual(rows[0], columns.map(csvHeader));
  assert.deepEqual(
    columns.map((c) => c.key),
    ['body', 'region', 'applications', 'granted', 'failed'],
  );
  const page = await searchReports(p);
  assert.equal(rows.length - 1, page.hits.length);
  page.hits.forEach((hit, i) => {
    assert.deepEqual(
      rows[i + 1],
      columns.map((c) => {
        const v = c.value(hit);
        return v === null ? '' : String(v);
      }),
      `row ${i + 1}`,
    );
  });
});

test('a bad column or sort in the table CSV is a 400 with a plain message', async () => {
  for (const query of ['view=table&cols=salary', 'view=table&sort=salary-desc', 'view=grid']) {
    const response = await exportRoute(new Request(`http://localhost/api/search/export?${query}`));
    assert.equal(response.status, 400, query);
    const body = (await response.json()) as { error: string };
    assert.match(body.error, /未知的/);
  }
  assert.equal(TABLE_COLUMN_KEYS.length, TABLE_COLUMNS.length - 1);
});
