import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GET as bodiesRoute } from '../../app/api/bodies/route';
import { GET as exportRoute } from '../../app/api/compare/export/route';
import { compareBodiesHref } from '../../lib/compare/href';
import { compareHref, compareQueryString, parseCompareParams } from '../../lib/compare/params';
import { getCompareBodies, suggestBodies } from '../../lib/compare/queries';
import { chartSeries, compareRows, summedFigures } from '../../lib/compare/rows';
import { correctionRate, shareGranted, shareRefused } from '../../lib/report/rates';
import type { TestMeili } from '../support/meili';
import { GANQUAN, MAPAOQUAN, SHETANG, startViewsFixture } from './fixture';

/** The compare page's reads and routes against a real Meilisearch holding the e2e fixtures. */

let meili: TestMeili;
before(async () => {
  meili = await startViewsFixture();
});
after(async () => {
  await meili?.stop();
});

const BASE = 'http://localhost:3000';

test('suggestions: one entry per body with its years; picked bodies left out; filters narrow', async () => {
  const bodies = await suggestBodies('麦积区');
  const keys = bodies.map((b) => b.key).sort();
  assert.deepEqual(keys, [SHETANG, MAPAOQUAN, GANQUAN].sort());
  const shetang = bodies.find((b) => b.key === SHETANG)!;
  assert.deepEqual(shetang.years, [2022, 2023]);
  assert.equal(shetang.township, '社棠镇');
  assert.match(shetang.organization, /社棠镇/);
  assert.deepEqual(bodies.find((b) => b.key === MAPAOQUAN)!.years, [2022]);

  const without = await suggestBodies('麦积区', { exclude: [SHETANG] });
  assert.ok(!without.some((b) => b.key === SHETANG));
  assert.equal(without.length, 2);

  const parsed = parseCompareParams(new URLSearchParams('province=江苏省'));
  assert.ok(parsed.ok);
  assert.equal((await suggestBodies('麦积区', { filters: parsed.params.filters })).length, 0);
  assert.deepEqual(await suggestBodies('   '), []);
});

test('GET /api/bodies: JSON for a name; 400 for a malformed exclude or filter', async () => {
  const ok = await bodiesRoute(new Request(`${BASE}/api/bodies?q=${encodeURIComponent('社棠')}`));
  assert.equal(ok.status, 200);
  const body = await ok.json();
  assert.equal(body.bodies[0].key, SHETANG);
  const bad = await bodiesRoute(new Request(`${BASE}/api/bodies?q=a&exclude=${encodeURIComponent('not a key')}`));
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).error, /exclude/);
  const badFilter = await bodiesRoute(new Request(`${BASE}/api/bodies?q=a&year=abcd`));
  assert.equal(badFilter.status, 400);
  const empty = await bodiesRoute(new Request(`${BASE}/api/bodies`));
  assert.deepEqual((await empty.json()).bodies, []);
});

test('compare reads: figures per year, unknown bodies reported, year range applied', async () => {
  const { bodies, missing } = await getCompareBodies([SHETANG, GANQUAN, '999999|没有这个机关']);
  assert.deepEqual(missing, ['999999|没有这个机关']);
  assert.deepEqual(
    bodies.map((b) => b.key),
    [SHETANG, GANQUAN],
  );
  const [shetang, ganquan] = bodies;
  assert.deepEqual(
    shetang.years.map((y) => y.year),
    [2022, 2023],
  );
  assert.equal(shetang.years[0].figures.proactiveTotal, 120);
  assert.equal(shetang.years[1].figures.applicationsNew, 20);
  assert.deepEqual(shetang.years[0].figures.review, { reconsiderations: 2, reconsiderationsCorrected: 1, lawsuits: 1, lawsuitsCorrected: 0 });
  assert.equal(ganquan.years[1].figures.failedChecks, 1);

  // 社棠镇 2022: 6 granted of 10 decided; 1 refused; (1 + 0) corrected of (2 + 1).
  assert.equal(shareGranted(shetang.years[0].figures.outcomes), 0.6);
  assert.equal(shareRefused(shetang.years[0].figures.outcomes), 0.1);
  assert.equal(correctionRate(shetang.years[0].figures.review), 1 / 3);

  // Over both years: 18 of 30 granted, 3 of 30 refused, 1 of 5 corrected.
  const sum = summedFigures(shetang);
  assert.equal(shareGranted(sum.outcomes), 18 / 30);
  assert.equal(shareRefused(sum.outcomes), 3 / 30);
  assert.equal(correctionRate(sum.review), 1 / 5);

  const only2023 = await getCompareBodies([SHETANG, MAPAOQUAN], { yearFrom: 2023, yearTo: 2023 });
  assert.deepEqual(
    only2023.bodies.map((b) => b.years.map((y) => y.year)),
    [[2023], []],
  );
});

test('rows: year by year, bodies side by side, changes against the previous year', async () => {
  const { bodies } = await getCompareBodies([SHETANG, GANQUAN, MAPAOQUAN]);
  const rows = compareRows(bodies);
  assert.deepEqual(
    rows.map((r) => `${r.year}:${r.bodyKey}`),
    [`2022:${SHETANG}`, `2022:${GANQUAN}`, `2022:${MAPAOQUAN}`, `2023:${SHETANG}`, `2023:${GANQUAN}`],
  );
  const shetang2023 = rows[3];
  assert.deepEqual(shetang2023.changes.proactiveTotal, { delta: 30, percent: 25 });
  assert.deepEqual(shetang2023.changes.applicationsNew, { delta: 10, percent: 100 });
  // Share granted 60% → 60%: flat, in percentage points.
  assert.deepEqual(shetang2023.changes.shareGranted, { delta: 0, percent: null });
  assert.equal(rows[0].changes.proactiveTotal, null);

  const series = chartSeries(bodies, 'applicationsNew');
  assert.deepEqual(series, [
    { year: 2022, b0: 10, b1: 4, b2: 3 },
    { year: 2023, b0: 20, b1: 8, b2: null },
  ]);
});

test('compare URL: bodies encoded and kept in order, duplicates once, limits and malformed values refused', () => {
  const qs = compareQueryString({ bodies: [SHETANG, '?|某某局?'], figure: 'shareGranted', filters: { province: '甘肃省' } });
  assert.equal(
    qs,
    `?body=${encodeURIComponent(SHETANG).replace(/%20/g, '+')}&body=%3F%7C%E6%9F%90%E6%9F%90%E5%B1%80%3F&figure=shareGranted&province=%E7%94%98%E8%82%83%E7%9C%81`,
  );
  const back = parseCompareParams(new URLSearchParams(qs));
  assert.ok(back.ok);
  assert.deepEqual(back.params.bodies, [SHETANG, '?|某某局?']);
  assert.equal(back.params.figure, 'shareGranted');
  assert.equal(back.params.filters.province, '甘肃省');

  const dup = parseCompareParams(
    new URLSearchParams([
      ['body', SHETANG],
      ['body', SHETANG],
    ]),
  );
  assert.ok(dup.ok && dup.params.bodies.length === 1);
  const seven = parseCompareParams(new URLSearchParams(Array.from({ length: 7 }, (_, i) => ['body', `62050310${i}|政府`])));
  assert.deepEqual(seven, { ok: false, error: '最多同时比较 6 个机关。' });
  assert.equal(parseCompareParams(new URLSearchParams('body=hello')).ok, false);
  assert.equal(parseCompareParams(new URLSearchParams('figure=nope')).ok, false);
  assert.equal(parseCompareParams(new URLSearchParams('nope=1')).ok, false);
});

test('GET /api/compare/export: CSV with BOM and a line per body-year; 400 for too few, too many, unknown, malformed', async () => {
  const qs = compareQueryString({ bodies: [SHETANG, GANQUAN] });
  const response = await exportRoute(new Request(`${BASE}/api/compare/export${qs}`));
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
  const bytes = Buffer.from(await response.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 BOM');
  const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  assert.equal(lines.length, 1 + 4);
  assert.match(lines[0], /^机关,机关标识,地区,年度,主动公开（条）,主动公开同比,新收申请（件）/);
  assert.match(lines[1], /社棠镇.*,2022,120,,10,,6,/);
  assert.match(lines[3], /社棠镇.*,2023,150,30,20,10,12,/);

  const status = async (q: string) => (await exportRoute(new Request(`${BASE}/api/compare/export${q}`))).status;
  assert.equal(await status(compareQueryString({ bodies: [SHETANG] })), 400);
  assert.equal(await status(compareQueryString({ bodies: [SHETANG, '999999|没有'] })), 400);
  assert.equal(await status('?body=x&body=y'), 400);
  assert.equal(await status(compareQueryString({ bodies: Array.from({ length: 7 }, (_, i) => `62050310${i}|政府`) })), 400);
  const unknown = await exportRoute(new Request(`${BASE}/api/compare/export${compareQueryString({ bodies: [SHETANG, '999999|没有'] })}`));
  assert.equal((await unknown.json()).error, '没有找到机关“999999|没有”的报告。');
});

test('the client-side link to a comparison is the canonical compare URL', () => {
  for (const bodies of [[], ['620503100|政府'], ['620503100|政府', '?|某某局&x=1', '320800|人民政府办公室']]) {
    assert.equal(compareBodiesHref(bodies), compareHref({ bodies }));
  }
});
