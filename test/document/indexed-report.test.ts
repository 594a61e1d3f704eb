import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bodyKeyOf,
  DETAIL_FIELDS,
  derivedTitle,
  fromStoredReport,
  indexedReportSchema,
  toIndexedReport,
  toStoredReport,
  yearFiguresOf,
} from '../../lib/document/indexed-report';
import { parseReport, parseReportFile } from '../../lib/report';
import { syntheticReportText } from '../support/reports';

const region = { province: null, city: null, county: null, township: null, formerPlaceName: null, regionCode: null };

test('bodyKeyOf: a township with and without its place names and 人民政府 is one body', () => {
  const place = { province: '山东省', city: '威海市', county: '环翠区', township: '张村镇', formerPlaceName: null, regionCode: '371002100' };
  const keys = ['威海市环翠区张村镇', '张村镇人民政府', '威海市环翠区张村镇人民政府', '张村镇 人民政府'].map((organization) =>
    bodyKeyOf({ ...place, organization }),
  );
  assert.deepEqual(new Set(keys), new Set(['371002100|政府']));
});

test('bodyKeyOf: a government and its office stay two bodies; same names in two regions stay apart', () => {
  const huaian = { province: '江苏省', city: '淮安市', county: null, township: null, formerPlaceName: null, regionCode: '3208' };
  assert.equal(bodyKeyOf({ ...huaian, organization: '淮安市人民政府' }), '3208|政府');
  assert.equal(bodyKeyOf({ ...huaian, organization: '淮安市人民政府办公室' }), '3208|人民政府办公室');
  const a = bodyKeyOf({ ...region, regionCode: '371002100', organization: '张村镇人民政府' });
  const b = bodyKeyOf({ ...region, regionCode: '410922101', organization: '张村镇人民政府' });
  assert.notEqual(a, b);
});

test('bodyKeyOf: a former place name (文登市 → 文登区) is stripped like the current one', () => {
  const place = { province: '山东省', city: '威海市', county: '文登区', township: '张家产镇', formerPlaceName: '文登市', regionCode: '371003102' };
  assert.equal(bodyKeyOf({ ...place, organization: '文登市张家产镇人民政府' }), bodyKeyOf({ ...place, organization: '威海市文登区张家产镇人民政府' }));
});

test('bodyKeyOf: unknown or navigation-like organizations give no key', () => {
  assert.equal(bodyKeyOf({ ...region, organization: null }), null);
  assert.equal(bodyKeyOf({ ...region, regionCode: '23', organization: '首页>' }), null);
  assert.equal(bodyKeyOf({ ...region, regionCode: '34', organization: '您的位置:首页>' }), null);
  assert.equal(bodyKeyOf({ ...region, organization: '交通运输部' }), '?|交通运输部');
});

test('toIndexedReport adds the flat fields and validates against the extended schema', () => {
  const text = syntheticReportText({
    organization: '滨海县人民政府',
    year: 2022,
    newReceived: 12,
    carriedOver: 2,
    carriedForward: 3,
    normativeDocuments: [4, 1, 20],
  });
  const doc = parseReport(text, { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', sha256: 'a'.repeat(64), bytes: text.length });
  const record = toIndexedReport(doc, 'reports/a.txt', '2025-01-01T00:00:00.000Z');
  assert.equal(record.applicationsNew, 12);
  assert.equal(record.hasApplications, true);
  assert.equal(record.hasFailedChecks, false);
  assert.deepEqual(record.crossYearChecks, []);
  assert.equal(record.sourcePath, 'reports/a.txt');
  assert.deepEqual(yearFiguresOf(doc), { carriedOver: 2, carriedForward: 3, regulations: [0, 0, 0], normativeDocuments: [4, 1, 20] });
  assert.equal(indexedReportSchema.safeParse(record).success, true);
});

test('the stored form keeps checks, tables and sections in one JSON string and gives back the same report', () => {
  const text = syntheticReportText({
    organization: '滨海县人民政府',
    year: 2022,
    newReceived: 12,
    carriedOver: 2,
    carriedForward: 3,
    normativeDocuments: [4, 1, 20],
  });
  const doc = parseReport(text, { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', sha256: 'a'.repeat(64), bytes: text.length });
  const record = toIndexedReport(doc, 'reports/a.txt', '2025-01-01T00:00:00.000Z');
  assert.ok(record.checks.length > 0 && record.applicationTable && record.sections);
  const stored = toStoredReport(record);
  for (const field of DETAIL_FIELDS) assert.ok(!(field in stored), `${field} is not a field of its own`);
  assert.equal(typeof stored.detail, 'string');
  // What filters, facets, sorts and the search read stays a field of its own.
  assert.equal(stored.applicationsNew, 12);
  assert.deepEqual(stored.applications, record.applications);
  assert.ok(stored.search && stored.rollup);
  // Read back (JSON, as from the engine): the same report, which the schema accepts.
  const back = fromStoredReport(JSON.parse(JSON.stringify(stored)));
  assert.deepEqual(back, JSON.parse(JSON.stringify(record)));
  assert.ok(indexedReportSchema.safeParse(back).success);
  // A document stored before `detail` existed passes as it is.
  const old = JSON.parse(JSON.stringify(record));
  assert.deepEqual(fromStoredReport(old), old);
});

test('sort keys of a real report (洪泽区 2023, PDF): its own table figures, unknowns left out', async () => {
  const doc = await parseReportFile('data/reports/files/huaian-hongze-2023.pdf');
  const indexed = toIndexedReport(doc, 'huaian-hongze-2023.pdf');
  // 主动公开 1136; 表三 新收 21, 予以公开 0 of 4+3+13+1+0 decided, 不予公开 3; 表四 as printed.
  assert.deepEqual(indexed.sortKeys, {
    region: '320813',
    proactive: 1136,
    applications: 21,
    granted: 0,
    refused: 3,
    reconsiderations: 0,
    lawsuits: 0,
    corrected: 1,
  });
  // A 2008 report: no 表三, so no share granted and no refusals: left out, not 0.
  const legacy = toIndexedReport(await parseReportFile('data/reports/web/052.txt'), 'web/052.txt');
  assert.equal(legacy.sortKeys.granted, undefined);
  assert.equal(legacy.sortKeys.refused, undefined);
});

test('a report without a printed title gets one from its body and year, marked as derived; without a body it stays untitled', async () => {
  const titled = toIndexedReport(await parseReportFile('data/reports/files/huaian-hongze-2023.pdf'), 'a');
  assert.equal(titled.titleDerived, false);
  const guiyang = await parseReportFile('data/reports/web/059.txt');
  assert.equal(guiyang.title, null, 'the excerpt prints no title');
  const indexed = toIndexedReport(guiyang, 'b');
  assert.equal(indexed.title, '贵阳市人民政府2023年政府信息公开工作年度报告');
  assert.equal(indexed.titleDerived, true);
  assert.match(indexed.search?.title ?? '', /贵 阳 市/, 'the derived title is searchable like a printed one');
  // 区统计局 printed, the canonical body named: the derived title uses the full name
  const weibin = toIndexedReport(await parseReportFile('data/reports/web/071.txt'), 'd');
  assert.equal(weibin.title, '宝鸡市渭滨区统计局2021年政府信息公开工作年度报告');
  const unknown = toIndexedReport(await parseReportFile('data/reports/web/007.txt'), 'c');
  assert.equal(unknown.organization, null);
  assert.equal(unknown.body, null);
  assert.equal(unknown.title, null);
  assert.equal(unknown.titleDerived, false);
  assert.equal(derivedTitle({ organization: '首页 > 信息公开', year: 2023 }), null, 'navigation is no body');
});

test('bodyKeyOf: the canonical body joins a short form and the full name; the printed town under another suffix is the town', () => {
  const weibin = { province: '陕西省', city: '宝鸡市', county: '渭滨区', township: null, formerPlaceName: null, regionCode: '610302' };
  assert.equal(bodyKeyOf({ ...weibin, organization: '区统计局', body: '宝鸡市渭滨区统计局' }), bodyKeyOf({ ...weibin, organization: '宝鸡市渭滨区统计局' }));
  assert.equal(bodyKeyOf({ ...weibin, organization: '区统计局', body: '宝鸡市渭滨区统计局' }), '610302|统计局');
  const tianjin = { province: '天津市', city: null, county: null, township: null, formerPlaceName: null, regionCode: '12' };
  assert.equal(
    bodyKeyOf({ ...tianjin, organization: '天津市发展改革委', body: '天津市发展和改革委员会' }),
    bodyKeyOf({ ...tianjin, organization: '天津市发展和改革委员会', body: '天津市发展和改革委员会' }),
  );
  const huangla = { province: '贵州省', city: '安顺市', county: '西秀区', township: '黄腊布依族苗族乡', formerPlaceName: null, regionCode: '520402213' };
  assert.equal(bodyKeyOf({ ...huangla, organization: '西秀区黄腊乡人民政府', body: '安顺市西秀区黄腊乡人民政府' }), '520402213|政府');
  const dongjiao = { province: '安徽省', city: '铜陵市', county: '铜官区', township: '东郊街道', formerPlaceName: null, regionCode: '340705005' };
  assert.equal(
    bodyKeyOf({ ...dongjiao, organization: '东郊办事处', body: '铜陵市铜官区东郊办事处' }),
    bodyKeyOf({ ...dongjiao, organization: '东郊街道办事处' }),
  );
  // the five 张村镇 stay five bodies
  const zhangcun = ['371002100', '410526104', '130730103', '140882104', '370785107'].map((regionCode) =>
    bodyKeyOf({ province: null, city: null, county: null, township: '张村镇', formerPlaceName: null, regionCode, organization: '张村镇', body: null }),
  );
  assert.equal(new Set(zhangcun).size, 5);
});
