import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { GET as getReportRoute } from '../../app/api/reports/[id]/route';
import { GET as exportRoute } from '../../app/api/search/export/route';
import { logTo } from '../../lib/log';
import { DEFAULT_PARAMS } from '../../lib/search/params';
import { exportReports, getBodyYears, getReport, searchReports } from '../../lib/search/queries';
import type { ReportHit, SearchResult } from '../../lib/search/types';
import searchApi from '../../pages/api/search';
import { type ServedRoute, serveNodeRoute } from '../support/node-route';
import { type SearchFixture, startSearchFixture } from '../support/search-index';

/**
 * The search API against a real Meilisearch holding the sample reports and one hostile report,
 * through the route handlers themselves (a Request in, a Response out; /api/search, a Pages Router
 * handler, over HTTP from node:http).
 */

const HOSTILE = '注入样本：<script>alert(1)</script>与<img src=x onerror=alert(1)>以及<em>强调</em>';

let fixture: SearchFixture;
let searchRoute: ServedRoute;
before(async () => {
  searchRoute = await serveNodeRoute(searchApi);
  fixture = await startSearchFixture([
    {
      file: 'hostile.txt',
      organization: '滨海县人民政府',
      year: 2023,
      newReceived: 7,
      carriedOver: 0,
      carriedForward: 0,
      normativeDocuments: [0, 0, 3],
      extraText: HOSTILE,
    },
  ]);
});
after(async () => {
  await searchRoute?.close();
  await fixture?.meili.stop();
});

const BASE = 'http://localhost:3000';

type SearchBody = Omit<SearchResult, 'params' | 'processingTimeMs'> & { params: string; size: number };

async function search(query: string): Promise<{ status: number; body: SearchBody & { error?: string } }> {
  const response = await searchRoute.fetch(new Request(`${BASE}/api/search${query}`));
  return { status: response.status, body: await response.json() };
}

async function ok(query: string): Promise<SearchBody> {
  const { status, body } = await search(query);
  assert.equal(status, 200, `${query}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

async function allHits(query: string): Promise<ReportHit[]> {
  const body = await ok(`${query}${query.includes('?') ? '&' : '?'}size=50`);
  const hits = [...body.hits];
  for (let page = 2; page <= body.totalPages; page++) hits.push(...(await ok(`${query}${query.includes('?') ? '&' : '?'}size=50&page=${page}`)).hits);
  return hits;
}

test('no parameters: every report, newest first, facets by province and year with counts', async () => {
  const body = await ok('');
  assert.equal(body.total, fixture.count);
  assert.equal(body.page, 1);
  assert.equal(body.totalPages, Math.ceil(fixture.count / 20));
  assert.equal(body.hits.length, 20);
  assert.equal(body.params, '');
  const years = body.hits.map((h) => h.year ?? 0);
  assert.deepEqual(
    years,
    [...years].sort((a, b) => b - a),
  );
  assert.equal(body.facets.region?.field, 'province');
  const provinces = Object.fromEntries(body.facets.region!.values.map((v) => [v.value, v.count]));
  assert.equal(provinces.江苏省, 7);
  assert.equal(provinces.上海市, 5);
  const counts = body.facets.region!.values.map((v) => v.count);
  assert.deepEqual(
    counts,
    [...counts].sort((a, b) => b - a),
  );
  const facetYears = body.facets.year.map((v) => Number(v.value));
  assert.deepEqual(
    facetYears,
    [...facetYears].sort((a, b) => b - a),
    'years newest first',
  );
  assert.equal(body.facets.year.find((v) => v.value === '2024')?.count, 12);
  assert.equal(
    body.facets.year.reduce((sum, v) => sum + v.count, 0),
    fixture.count,
  );
  // A result list never carries the text.
  assert.ok(!('text' in body.hits[0]) && !('sections' in body.hits[0]), 'a hit carries no text');
  assert.equal(body.hits[0].snippet, null);
});

test('drill-down: province → city → county → township; a municipality goes straight to its counties', async () => {
  const shandong = await ok('?province=山东省');
  assert.equal(shandong.facets.region?.field, 'city');
  assert.deepEqual(Object.fromEntries(shandong.facets.region!.values.map((v) => [v.value, v.count])), { 威海市: 2, 淄博市: 2, 潍坊市: 1, 临沂市: 1 });
  const weihai = await ok('?province=山东省&city=威海市');
  assert.equal(weihai.total, 2);
  assert.equal(weihai.facets.region?.field, 'county');
  assert.deepEqual(weihai.facets.region!.values.map((v) => v.value).sort(), ['文登区', '环翠区']);
  const wendeng = await ok('?province=山东省&city=威海市&county=文登区');
  assert.equal(wendeng.facets.region?.field, 'township');
  assert.deepEqual(wendeng.facets.region!.values, [{ value: '张家产镇', count: 1 }]);
  const township = await ok('?province=山东省&city=威海市&county=文登区&township=张家产镇');
  assert.equal(township.total, 1);
  assert.equal(township.facets.region, null);
  assert.equal(township.hits[0].organization, '威海市文登区张家产镇人民政府');

  const beijing = await ok('?province=北京市');
  assert.equal(beijing.facets.region?.field, 'county');
  assert.deepEqual(Object.fromEntries(beijing.facets.region!.values.map((v) => [v.value, v.count])), { 西城区: 3, 东城区: 1, 朝阳区: 1 });
  // Facets count the current results: the year facet within 山东省 only.
  assert.equal(
    shandong.facets.year.reduce((sum, v) => sum + v.count, 0),
    shandong.total,
  );
});

test('filters: year, year range, level, template, failed checks, applications', async () => {
  const y2024 = await allHits('?year=2024');
  assert.equal(y2024.length, 12);
  assert.ok(
    y2024.every((h) => h.year === 2024),
    'only 2024',
  );
  const range = await ok('?yearFrom=2020&yearTo=2022');
  assert.ok(
    range.facets.year.every((v) => Number(v.value) >= 2020 && Number(v.value) <= 2022),
    'years within the range',
  );
  assert.equal(
    range.total,
    range.facets.year.reduce((sum, v) => sum + v.count, 0),
  );

  const levels = await allHits('?level=township,county');
  assert.ok(levels.length > 5 && levels.every((h) => h.level === 'township' || h.level === 'county'), 'only the chosen levels');
  const all = await ok('');
  assert.equal(
    levels.length,
    (all.facets.level.find((v) => v.value === 'township')?.count ?? 0) + (all.facets.level.find((v) => v.value === 'county')?.count ?? 0),
  );
  // Levels come in the schema's order, not by count.
  assert.deepEqual(all.facets.level.map((v) => v.value).slice(0, 2), ['township', 'county']);

  const t2021 = await ok('?template=2021');
  assert.equal(t2021.total, all.facets.template.find((v) => v.value === '2021')?.count);

  const failed = await allHits('?failed=1');
  assert.equal(failed.length, all.facets.failed);
  assert.ok(failed.length > 0 && failed.every((h) => h.hasFailedChecks && h.failedChecksTotal > 0), 'only reports with failed checks');

  const withApplications = await ok('?applications=1&size=50');
  assert.equal(withApplications.total, all.facets.applications);
  assert.ok(
    withApplications.hits.every((h) => (h.applicationsNew ?? 0) > 0),
    'only reports with applications',
  );

  const combined = await ok('?province=江苏省&year=2024&level=city');
  assert.deepEqual(
    combined.hits.map((h) => h.organization),
    ['淮安市人民政府'],
  );
});

test('sorting: year (both ways), new applications, proactive total', async () => {
  const desc = await allHits('?sort=year-desc');
  const years = desc.map((h) => h.year ?? -1).filter((y) => y > 0);
  assert.deepEqual(
    years,
    [...years].sort((a, b) => b - a),
  );
  const asc = (await ok('?sort=year-asc&size=50')).hits.map((h) => h.year).filter((y): y is number => y !== null);
  assert.deepEqual(
    asc,
    [...asc].sort((a, b) => a - b),
  );

  const byApplications = (await ok('?sort=applications-desc&applications=1&size=50')).hits.map((h) => h.applicationsNew!);
  assert.equal(byApplications[0], 34290);
  assert.deepEqual(
    byApplications,
    [...byApplications].sort((a, b) => b - a),
  );
  // With a query, a chosen sort still orders all results (not only equally relevant ones).
  const queried = (await ok('?q=依申请&sort=applications-desc&applications=1&size=50')).hits.map((h) => h.applicationsNew!);
  assert.deepEqual(
    queried,
    [...queried].sort((a, b) => b - a),
  );
  const proactive = (await ok('?sort=proactive-desc&size=10')).hits.map((h) => h.proactiveTotal).filter((n): n is number => n !== null);
  assert.deepEqual(
    proactive,
    [...proactive].sort((a, b) => b - a),
  );
});

test('pagination: exact totals, pages that add up, no duplicates', async () => {
  const first = await ok('?size=10');
  assert.equal(first.totalPages, Math.ceil(fixture.count / 10));
  const ids = new Set<string>();
  for (let page = 1; page <= first.totalPages; page++) {
    const body = await ok(`?size=10&page=${page}`);
    assert.equal(body.total, fixture.count);
    assert.equal(body.page, page);
    assert.equal(body.hits.length, page < first.totalPages ? 10 : fixture.count - 10 * (first.totalPages - 1));
    for (const hit of body.hits) ids.add(hit.id);
  }
  assert.equal(ids.size, fixture.count);
  assert.equal((await ok('?size=10&page=3')).params, '?page=3&size=10');
});

test('400 with a plain message: bad values, unknown and repeated parameters, operators, a page past the end', async () => {
  const cases: Array<[string, RegExp]> = [
    ['?year=20x4', /年份/],
    ['?year=1999', /年份/],
    ['?yearFrom=2024&yearTo=2020', /起始年份/],
    ['?level=ministry', /未知的层级/],
    ['?template=2030', /未知的模板/],
    ['?sort=random', /未知的排序/],
    ['?page=0', /页码/],
    ['?page=501', /页码/],
    ['?page=-1', /页码/],
    ['?page=2.5', /页码/],
    ['?size=1000', /每页条数/],
    ['?failed=yes', /只能是 1/],
    [`?q=${'政'.repeat(201)}`, /太长/],
    [`?province=${encodeURIComponent('山东省" OR year > 0')}`, /地区名称/],
    [`?city=${encodeURIComponent("威海市' OR 1=1")}`, /地区名称/],
    [`?county=${encodeURIComponent('a = b')}`, /地区名称/],
    ['?province=山东省&province=江苏省', /只能出现一次/],
    ['?year=2024&year=2023', /只能出现一次/],
    ['?filter=year%3E0', /不认识的参数/],
    ['?limit=5', /不认识的参数/],
    // The last page of the samples at 50 a page is 2: page 3 exists nowhere.
    ['?size=50&page=3', /超出范围/],
  ];
  for (const [query, message] of cases) {
    const { status, body } = await search(query);
    assert.equal(status, 400, `${query} → ${status}`);
    assert.match(body.error!, message, query);
    assert.doesNotMatch(body.error!, /meili|invalid|error|expected/i, `no engine words: ${body.error}`);
  }
});

test('escaping: quotes and operators in a query or a filter value find nothing or something, never an error', async () => {
  // The query's quotes and operators are just separators.
  const quoted = await ok(`?q=${encodeURIComponent('依申请" OR year > 0 -行政复议 "')}`);
  const plain = await ok(`?q=${encodeURIComponent('依申请 OR year 0 行政复议')}`);
  assert.equal(quoted.total, plain.total);
  // Values that skip the parser (the data layer's own callers) are still quoted, not pasted in.
  const sneaky = await searchReports({ ...DEFAULT_PARAMS, province: '山东省" OR year > 0 OR province = "' });
  assert.equal(sneaky.total, 0);
  const backslash = await searchReports({ ...DEFAULT_PARAMS, city: '威海市\\' });
  assert.equal(backslash.total, 0);
  assert.deepEqual(await getBodyYears('x" OR year > 0 OR bodyKey = "'), []);
  assert.equal(await getReport('abc" OR id EXISTS'), null);
});

test('snippets and titles are plain-text segments: markup in a report stays text', async () => {
  const body = await ok(`?q=${encodeURIComponent('注入样本')}`);
  assert.equal(body.total, 1);
  const hit = body.hits[0];
  const snippet = hit.snippet!;
  assert.ok(
    snippet.some((s) => s.hit && s.text === '注入样本'),
    JSON.stringify(snippet),
  );
  const joined = snippet.map((s) => s.text).join('');
  assert.ok(joined.includes('<script>alert(1)</script>'), joined);
  assert.ok(joined.includes('<img src=x onerror=alert(1)>'), joined);
  assert.ok(joined.includes('<em>强调</em>'), joined);
  for (const segment of [...snippet, ...hit.highlightedTitle]) assert.deepEqual(Object.keys(segment).sort(), ['hit', 'text']);
  // Searching for the markup's words marks them as text too.
  const script = await ok('?q=script');
  assert.ok(
    script.hits[0].snippet!.some((s) => s.hit && /script/i.test(s.text)),
    'the word of the markup is marked',
  );
  const title = await ok(`?q=${encodeURIComponent('淮安 依申请')}`);
  const huaian = title.hits.find((h) => h.organization === '淮安市人民政府')!;
  assert.ok(
    huaian.highlightedTitle.some((s) => s.hit && s.text === '淮安'),
    '淮安 marked in the title',
  );
  assert.ok(
    huaian.snippet!.some((s) => s.hit),
    'a term marked in the snippet',
  );
});

test('GET /api/reports/ID: the document, 404 for an unknown id, 400 for a malformed one', async () => {
  const { hits } = await ok('?province=山东省&county=文登区');
  const id = hits[0].id;
  const response = await getReportRoute(new Request(`${BASE}/api/reports/${id}`), { params: Promise.resolve({ id }) });
  assert.equal(response.status, 200);
  const report = await response.json();
  assert.equal(report.id, id);
  assert.equal(report.organization, '威海市文登区张家产镇人民政府');
  assert.ok(report.text.length > 1000 && report.sections && report.applications, 'the whole document');
  assert.equal(report.search, undefined, 'the search copies are not served');

  const missing = await getReportRoute(new Request(`${BASE}/api/reports/ffffffffffffffffffffffff`), {
    params: Promise.resolve({ id: 'ffffffffffffffffffffffff' }),
  });
  assert.equal(missing.status, 404);
  assert.match((await missing.json()).error, /没有找到/);
  for (const bad of ['abc" OR id EXISTS', '../etc/passwd', 'x'.repeat(600), '']) {
    const malformed = await getReportRoute(new Request(`${BASE}/api/reports/x`), { params: Promise.resolve({ id: bad }) });
    assert.equal(malformed.status, 400, bad);
    assert.ok((await malformed.json()).error, 'a message');
  }

  const years = await getBodyYears('320813|政府');
  assert.deepEqual(
    years.map((y) => y.year),
    [2023, 2024],
  );
  assert.deepEqual(Object.keys(years[0]).sort(), ['applicationsNew', 'failedChecksTotal', 'id', 'proactiveTotal', 'title', 'year']);
});

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

test('CSV export: BOM, header, one row per matching report, attachment name, the same 400s', async () => {
  const response = await exportRoute(new Request(`${BASE}/api/search/export?province=江苏省`));
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
  const disposition = response.headers.get('content-disposition')!;
  assert.match(disposition, /^attachment; filename="nianbao-[^"]+\.csv"; filename\*=UTF-8''nianbao-%E6%B1%9F%E8%8B%8F%E7%9C%81-\d{8}\.csv$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
  assert.deepEqual(rows[0], [
    'id',
    '机构',
    '省',
    '市',
    '县',
    '乡镇',
    '年份',
    '层级',
    '模板',
    '主动公开总数',
    '新收申请',
    '上年结转',
    '办理总计',
    '结转下年',
    '复议',
    '诉讼',
    '未通过校验数',
    '发布日期',
    '链接',
  ]);
  assert.equal(rows.length - 1, 7);
  assert.ok(
    rows.slice(1).every((r) => r.length === 19 && r[2] === '江苏省'),
    '19 cells, all in 江苏省',
  );
  const huaian = rows.find((r) => r[1] === '淮安市人民政府')!;
  assert.equal(huaian[6], '2024');
  assert.equal(huaian[7], '地市级政府');
  assert.equal(huaian[10], '3119');
  // 表三: 3119 new + 34 carried over = 3050 processed + 103 carried forward (nested fields, read whole).
  assert.deepEqual(huaian.slice(11, 14), ['34', '3050', '103']);
  assert.equal(huaian[18], `${BASE}/reports/${huaian[0]}`);

  // Every report, past the 1,000 of a page (pages of 7 here).
  const all = [];
  for await (const row of exportReports(DEFAULT_PARAMS, { pageSize: 7 })) all.push(row.id);
  assert.equal(all.length, fixture.count);
  assert.equal(new Set(all).size, fixture.count);

  const everything = await exportRoute(new Request(`${BASE}/api/search/export?q=${encodeURIComponent('依申请')}&page=3&size=10`));
  const lines = parseCsv((await everything.text()).replace(/^\uFEFF/, ''));
  assert.equal(lines.length - 1, (await ok(`?q=${encodeURIComponent('依申请')}`)).total, 'page and size are ignored');

  for (const query of ['?year=abc', '?province=山东省"', '?bogus=1']) {
    const bad = await exportRoute(new Request(`${BASE}/api/search/export${query}`));
    assert.equal(bad.status, 400, query);
    assert.ok((await bad.json()).error, 'a message');
  }
});

test('503 with a plain message when Meilisearch is down (and never an engine message)', async () => {
  await fixture.meili.stop();
  const errors: unknown[] = [];
  logTo({ write: (line: string) => void (JSON.parse(line).level >= 50 && errors.push(line)) });
  try {
    const { status, body } = await search('?q=淮安');
    assert.equal(status, 503);
    assert.deepEqual(body, { error: '搜索服务暂时不可用，请稍后再试。', code: 'unavailable:search' });
    const csv = await exportRoute(new Request(`${BASE}/api/search/export`));
    assert.equal(csv.status, 503);
    assert.equal((await csv.json()).error, '搜索服务暂时不可用，请稍后再试。');
    // An id not asked for before: answers of moments ago come from the search cache, outage or not.
    const report = await getReportRoute(new Request(`${BASE}/api/reports/eeeeeeeeeeeeeeeeeeeeeeee`), {
      params: Promise.resolve({ id: 'eeeeeeeeeeeeeeeeeeeeeeee' }),
    });
    assert.equal(report.status, 503);
    // A bad parameter is still a 400: it is checked before the engine is asked.
    assert.equal((await search('?year=abc')).status, 400);
  } finally {
    logTo(pino.destination({ sync: true }));
  }
  assert.ok(errors.length >= 3, 'the cause is logged on the server');
});

test('/api/search answers HEAD without a body and refuses other methods with 405, Allow and a plain message', async () => {
  const head = await searchRoute.fetch(new Request(`${BASE}/api/search?q=${encodeURIComponent('依申请')}`, { method: 'HEAD' }));
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-type'), 'application/json');
  assert.equal(await head.text(), '');
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const refused = await searchRoute.fetch(new Request(`${BASE}/api/search`, { method }));
    assert.equal(refused.status, 405, method);
    assert.equal(refused.headers.get('allow'), 'GET, HEAD');
    const body = (await refused.json()) as { error: string };
    assert.match(body.error, /只支持 GET/);
  }
});
