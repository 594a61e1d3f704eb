import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GET as statsRoute } from '../../app/api/stats/route';
import { reloadConfig } from '../../lib/config';
import { fromStoredReport, type IndexedReport } from '../../lib/document/indexed-report';
import { createMeiliClient } from '../../lib/engine/client';
import { timeliness } from '../../lib/report/deadline';
import { OUTCOME_KEYS, REVIEW_KEYS } from '../../lib/report/schema';
import { parseSearchParams } from '../../lib/search/params';
import { exportReports } from '../../lib/search/queries';
import type { FigureSum, StatsResult } from '../../lib/stats/types';
import { type SearchFixture, startSearchFixture } from '../support/search-index';

/**
 * /api/stats against a real Meilisearch holding the sample reports: every sum the engine's facet
 * counts give must equal the sum computed here from the documents themselves (read back with the
 * master key), for the whole collection, a province, a year, a text query and a township.
 */

let fixture: SearchFixture;
let docs: IndexedReport[];
before(async () => {
  fixture = await startSearchFixture([
    { file: 'a.txt', organization: '滨海县人民政府', year: 2022, newReceived: 7, carriedOver: 0, carriedForward: 0, normativeDocuments: [0, 0, 3] },
    { file: 'b.txt', organization: '滨海县人民政府', year: 2023, newReceived: 11, carriedOver: 0, carriedForward: 2, normativeDocuments: [0, 0, 3] },
    { file: 'c.txt', organization: '上海市浦东新区人民政府', year: 2023, newReceived: 5, carriedOver: 0, carriedForward: 0, normativeDocuments: [0, 0, 1] },
  ]);
  const client = createMeiliClient({ url: fixture.meili.url, apiKey: fixture.meili.masterKey });
  const page = await client.index('reports').getDocuments<Record<string, unknown>>({ limit: 10_000 });
  docs = page.results.map(fromStoredReport);
  assert.equal(docs.length, fixture.count);
});
after(async () => {
  await fixture?.meili.stop();
});

async function stats(query: string): Promise<{ status: number; body: StatsResult & { error?: string } }> {
  const response = await statsRoute(new Request(`http://localhost:3000/api/stats${query}`));
  return { status: response.status, body: await response.json() };
}

function sumOf(selected: readonly IndexedReport[], pick: (d: IndexedReport) => number | null | undefined): FigureSum {
  const stated = selected.map(pick).filter((v): v is number => typeof v === 'number');
  return { sum: stated.reduce((a, b) => a + b, 0), reports: stated.length };
}

function assertMatches(result: StatsResult, selected: readonly IndexedReport[], label: string): void {
  assert.equal(result.reports, selected.length, `${label}: reports`);
  const years = [...new Set(selected.map((d) => d.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  assert.deepEqual(
    result.years.map((y) => y.year),
    years,
    `${label}: years`,
  );
  assert.equal(result.reportsWithoutYear, selected.filter((d) => d.year === null).length, `${label}: without year`);
  for (const y of result.years) {
    const inYear = selected.filter((d) => d.year === y.year);
    const at = `${label} ${y.year}`;
    assert.equal(y.reports, inYear.length, `${at}: reports`);
    assert.deepEqual(
      y.proactive.total,
      sumOf(inYear, (d) => d.proactive.total),
      `${at}: proactive`,
    );
    assert.deepEqual(
      y.applications.newReceived,
      sumOf(inYear, (d) => d.applications.newReceived),
      `${at}: applications`,
    );
    for (const k of OUTCOME_KEYS)
      assert.deepEqual(
        y.applications.outcomes[k],
        sumOf(inYear, (d) => d.applications.outcomes[k]),
        `${at}: ${k}`,
      );
    for (const k of REVIEW_KEYS)
      assert.deepEqual(
        y.review[k],
        sumOf(inYear, (d) => d.review[k]),
        `${at}: ${k}`,
      );
    assert.equal(y.quality.failed, inYear.filter((d) => d.hasFailedChecks).length, `${at}: failed`);
    const t = inYear.map((d) => timeliness(d).status);
    assert.equal(y.quality.late, t.filter((s) => s === 'late').length, `${at}: late`);
    assert.equal(y.quality.dated, t.filter((s) => s === 'late' || s === 'on-time').length, `${at}: dated`);
  }
  assert.equal(result.quality.failed, selected.filter((d) => d.hasFailedChecks).length, `${label}: failed overall`);
}

test('the whole collection: sums per year, and per province', async () => {
  const { status, body } = await stats('');
  assert.equal(status, 200);
  assertMatches(body, docs, 'all');
  assert.equal(body.regions?.field, 'province');
  for (const row of body.regions!.rows) {
    const inProvince = docs.filter((d) => d.province === row.name);
    assert.equal(row.reports, inProvince.length, row.name);
    assert.deepEqual(
      row.applicationsNew,
      sumOf(inProvince, (d) => d.applicationsNew),
      `${row.name}: applications`,
    );
    assert.deepEqual(
      row.proactiveTotal,
      sumOf(inProvince, (d) => d.proactiveTotal),
      `${row.name}: proactive`,
    );
    assert.equal(row.quality.failed, inProvince.filter((d) => d.hasFailedChecks).length, `${row.name}: failed`);
  }
  // Sanity: the collection has several provinces and figures to sum.
  assert.ok(body.regions!.rows.length >= 5);
  assert.ok(body.years.some((y) => y.applications.newReceived.sum > 0));
});

test('inside a province the breakdown is by city; a year filter keeps one year', async () => {
  const jiangsu = await stats('?province=江苏省');
  assert.equal(jiangsu.status, 200);
  assertMatches(
    jiangsu.body,
    docs.filter((d) => d.province === '江苏省'),
    '江苏省',
  );
  assert.equal(jiangsu.body.regions?.field, 'city');
  assert.ok(jiangsu.body.regions!.rows.some((r) => r.name === '淮安市'));

  const y2023 = await stats('?year=2023');
  assertMatches(
    y2023.body,
    docs.filter((d) => d.year === 2023),
    '2023',
  );
  assert.deepEqual(
    y2023.body.years.map((y) => y.year),
    [2023],
  );
});

test('a municipality breaks down by its counties (no city level): the sums come in a follow-up search', async () => {
  const { body } = await stats(`?province=${encodeURIComponent('上海市')}`);
  assertMatches(
    body,
    docs.filter((d) => d.province === '上海市'),
    '上海市',
  );
  assert.equal(body.regions?.field, 'county');
  const pudong = body.regions!.rows.find((r) => r.name === '浦东新区');
  assert.deepEqual(pudong?.applicationsNew, { sum: 5, reports: 1 });
});

test('a text query sums exactly the reports the search finds', async () => {
  const parsed = parseSearchParams(new URLSearchParams('q=依申请公开'));
  assert.ok(parsed.ok);
  const ids = new Set<string>();
  for await (const row of exportReports(parsed.params)) ids.add(row.id);
  assert.ok(ids.size > 0 && ids.size < docs.length, `query should select some reports, got ${ids.size}`);
  const { body } = await stats('?q=依申请公开');
  assertMatches(
    body,
    docs.filter((d) => ids.has(d.id)),
    'q',
  );
});

test('the body of a synthetic county: known figures, and the breakdown stops at the deepest level', async () => {
  const binhai = docs.filter((d) => d.organization === '滨海县人民政府');
  assert.equal(binhai.length, 2);
  const [county] = binhai.map((d) => d.county);
  const { body } = await stats(`?county=${encodeURIComponent(county!)}&level=county`);
  const byYear = Object.fromEntries(body.years.map((y) => [y.year, y.applications.newReceived.sum]));
  assert.equal(byYear[2022], 7);
  assert.equal(byYear[2023], 11);
});

test('bad parameters get a 400 with a plain message', async () => {
  for (const query of ['?year=20x3', '?foo=1', '?province=a%22%20OR%20x', '?yearFrom=2024&yearTo=2020']) {
    const { status, body } = await stats(query);
    assert.equal(status, 400, query);
    assert.match(body.error ?? '', /\p{Script=Han}/u, query);
  }
});

test('with the engine gone the answer is 503 and plain', async () => {
  const saved = process.env.MEILI_URL;
  process.env.MEILI_URL = 'http://127.0.0.1:9';
  reloadConfig();
  try {
    const { status, body } = await stats('');
    assert.equal(status, 503);
    assert.equal(body.error, '搜索服务暂时不可用，请稍后再试。');
  } finally {
    process.env.MEILI_URL = saved;
    reloadConfig();
  }
});
