import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GET as coverageRoute } from '../../app/api/coverage/route';
import { buildCoverageGrid, defaultYears } from '../../lib/coverage/grid';
import { getCoverage } from '../../lib/coverage/queries';
import { resolveCoverageRegion } from '../../lib/coverage/region';
import { DEFAULT_PARAMS, type SearchParams } from '../../lib/search/params';
import { startViewsFixture } from '../compare/fixture';
import type { TestMeili } from '../support/meili';

/** The coverage grid: region resolution and grid building (pure), and the reads against a real Meilisearch. */

test('regions: the country, a province, a municipality, a city without counties, a county', () => {
  const nation = resolveCoverageRegion(DEFAULT_PARAMS);
  assert.ok(nation.ok);
  assert.equal(nation.region.division, null);
  assert.equal(nation.region.children.length, 31);

  const shanghai = resolveCoverageRegion({ ...DEFAULT_PARAMS, province: '上海市' });
  assert.ok(shanghai.ok);
  assert.ok(shanghai.region.children.every((c) => c.level === 'county'));
  assert.ok(shanghai.region.children.some((c) => c.name === '浦东新区'));

  const dongguan = resolveCoverageRegion({ ...DEFAULT_PARAMS, province: '广东省', city: '东莞市' });
  assert.ok(dongguan.ok);
  assert.ok(dongguan.region.children.length > 20 && dongguan.region.children.every((c) => c.level === 'township'));

  const maiji = resolveCoverageRegion({ ...DEFAULT_PARAMS, county: '麦积区' });
  assert.ok(maiji.ok);
  assert.deepEqual(maiji.region.trail, [{ field: 'county', name: '麦积区' }]);
  assert.ok(maiji.region.children.some((c) => c.name === '社棠镇' && c.level === 'township'));
  // 天水经济开发区 and five other parks (codes 400+) are township-level units without a township government.
  assert.ok(!maiji.region.children.some((c) => c.name === '天水经济开发区'));
  assert.equal(maiji.region.omitted, 6);
  // 淮安经济技术开发区 (320871) sits among 淮安市's counties but is no county government.
  const huaian = resolveCoverageRegion({ ...DEFAULT_PARAMS, province: '江苏省', city: '淮安市' });
  assert.ok(huaian.ok);
  assert.deepEqual(
    huaian.region.children.map((c) => c.name),
    ['淮安区', '淮阴区', '清江浦区', '洪泽区', '涟水县', '盱眙县', '金湖县'],
  );
  assert.equal(huaian.region.omitted, 1);

  assert.deepEqual(resolveCoverageRegion({ ...DEFAULT_PARAMS, province: '甘肃省', county: '没有区' }), { ok: false, error: '没有找到地区“甘肃省没有区”。' });
  const ambiguous = resolveCoverageRegion({ ...DEFAULT_PARAMS, county: '朝阳区' });
  assert.equal(ambiguous.ok, false);
});

test('grid: present, failed and missing cells, other reports, the yearly summary', () => {
  const children = [
    { code: '1', name: '甲镇', level: 'township' as const },
    { code: '2', name: '乙镇', level: 'township' as const },
  ];
  const own = [
    { id: 'a22', year: 2022, level: 'township' as const, place: '甲镇', hasFailedChecks: false, organization: null },
    { id: 'a23x', year: 2023, level: 'township' as const, place: '甲镇', hasFailedChecks: true, organization: null },
    { id: 'a23', year: 2023, level: 'township' as const, place: '甲镇', hasFailedChecks: false, organization: null },
    { id: 'b22', year: 2022, level: 'township' as const, place: '乙镇', hasFailedChecks: true, organization: null },
  ];
  const counts = new Map<number, Record<string, Record<string, number>>>([
    [2022, { township: { 甲镇: 3, 乙镇: 1 } }],
    [2023, { township: { 甲镇: 2 } }],
  ]);
  const grid = buildCoverageGrid(children, [2022, 2023], own, counts);
  assert.deepEqual(
    grid.rows[0].cells.map((c) => [c.status, c.reportId, c.otherReports]),
    [
      ['present', 'a22', 2],
      ['present', 'a23', 0],
    ],
  );
  assert.deepEqual(
    grid.rows[1].cells.map((c) => [c.status, c.reportId, c.otherReports]),
    [
      ['failed', 'b22', 0],
      ['missing', null, 0],
    ],
  );
  assert.deepEqual(grid.summary, [
    // No harvest source checked these bodies: nothing is 已核查、未发现 (checked), the 2023 gap is 未收录.
    { year: 2022, published: 2, failed: 1, checked: 0, children: 2 },
    { year: 2023, published: 1, failed: 0, checked: 0, children: 2 },
  ]);
  assert.deepEqual(defaultYears([2019, 2023]), [2018, 2019, 2020, 2021, 2022, 2023]);
  assert.deepEqual(defaultYears([]), []);
});

let meili: TestMeili;
before(async () => {
  meili = await startViewsFixture();
});
after(async () => {
  await meili?.stop();
});

const params = (change: Partial<SearchParams>): SearchParams => ({ ...DEFAULT_PARAMS, ...change });

test('a county: its townships × the latest six years, with the known gap of 马跑泉镇 in 2023', async () => {
  const loaded = await getCoverage(params({ province: '甘肃省', city: '天水市', county: '麦积区' }));
  assert.ok(loaded.ok);
  const { grid, yearFrom, yearTo, defaultRange } = loaded.result;
  assert.deepEqual([yearFrom, yearTo, defaultRange], [2018, 2023, true]);
  const row = (name: string) => grid.rows.find((r) => r.division.name === name)!;
  const status = (name: string) =>
    row(name)
      .cells.slice(-2)
      .map((c) => c.status);
  assert.deepEqual(status('社棠镇'), ['present', 'present']);
  assert.deepEqual(status('甘泉镇'), ['present', 'failed']);
  assert.deepEqual(status('马跑泉镇'), ['present', 'missing']);
  assert.deepEqual(status('东岔镇'), ['missing', 'missing']);
  assert.ok(row('社棠镇').cells.at(-1)!.reportId);
  const summary = Object.fromEntries(grid.summary.map((s) => [s.year, [s.published, s.failed, s.children]]));
  assert.deepEqual(summary[2022], [3, 0, 20]);
  assert.deepEqual(summary[2023], [2, 1, 20]);
  assert.deepEqual(summary[2018], [0, 0, 20]);
});

test('a city: its counties; the district without its own report still shows its townships’ reports', async () => {
  const loaded = await getCoverage(params({ province: '甘肃省', city: '天水市', yearFrom: 2022, yearTo: 2023 }));
  assert.ok(loaded.ok);
  const maiji = loaded.result.grid.rows.find((r) => r.division.name === '麦积区')!;
  assert.deepEqual(
    maiji.cells.map((c) => [c.year, c.status, c.otherReports]),
    [
      [2022, 'missing', 3],
      [2023, 'missing', 2],
    ],
  );
});

test('GET /api/coverage: JSON; 400 for an unknown place or too many years', async () => {
  const ok = await coverageRoute(new Request(`http://localhost/api/coverage?county=${encodeURIComponent('麦积区')}&year=2023`));
  assert.equal(ok.status, 200);
  const body = await ok.json();
  assert.deepEqual(body.years, [2023]);
  assert.equal(body.summary[0].published, 2);
  const unknown = await coverageRoute(new Request(`http://localhost/api/coverage?county=${encodeURIComponent('没有区')}`));
  assert.equal(unknown.status, 400);
  const wide = await coverageRoute(new Request('http://localhost/api/coverage?yearFrom=2000&yearTo=2030'));
  assert.equal(wide.status, 400);
  assert.match((await wide.json()).error, /最多显示 15 个年度/);
});
