import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReportFile, type ReportDocument } from '../../lib/report';

import { corpusFilePath as file, seedPath as seed } from '../support/corpus';

const cache = new Map<string, Promise<ReportDocument>>();
const parse = (p: string) => {
  if (!cache.has(p)) cache.set(p, parseReportFile(p));
  return cache.get(p)!;
};

const cellOf = (doc: ReportDocument, row: string, col = 'total') => {
  const t = doc.applicationTable;
  if (!t) return undefined;
  return t.rows.find((r) => r.key === row)?.values[t.columns.findIndex((c) => c.key === col)];
};

interface Expected {
  organization: string;
  region: [string, string | null, string | null, string | null];
  year: number;
  publishedAt: string | null;
  template: string;
  proactiveTotal: number | null;
  newReceived: number;
  level: string;
}

const SEEDS: Record<string, Expected> = {
  '000_e5f7aca6c5b86682.txt': {
    organization: '威海市文登区张家产镇人民政府',
    region: ['山东省', '威海市', '文登区', '张家产镇'],
    year: 2022,
    publishedAt: '2023-01-16',
    template: '2021',
    proactiveTotal: 602,
    newReceived: 0,
    level: 'township',
  },
  '001_19cc13ecf0eb244d.txt': {
    organization: '海原县海城镇人民政府',
    region: ['宁夏回族自治区', '中卫市', '海原县', '海城镇'],
    year: 2022,
    publishedAt: null,
    template: '2021',
    proactiveTotal: 124,
    newReceived: 0,
    level: 'township',
  },
  '002_0ed6c5173e6d400e.txt': {
    organization: '沂源县张家坡镇人民政府',
    region: ['山东省', '淄博市', '沂源县', '张家坡镇'],
    year: 2021,
    publishedAt: '2022-01-15',
    template: '2021',
    proactiveTotal: 95,
    newReceived: 0,
    level: 'township',
  },
  '003_3fbe00e9627bb4eb.txt': {
    organization: '张村镇',
    region: ['山东省', '威海市', '环翠区', '张村镇'],
    year: 2012,
    publishedAt: null,
    template: 'pre2019',
    proactiveTotal: 756,
    newReceived: 0,
    level: 'township',
  },
  '004_767dc66312d8499d.txt': {
    organization: '青州市何官镇人民政府',
    region: ['山东省', '潍坊市', '青州市', '何官镇'],
    year: 2022,
    publishedAt: '2023-01-17',
    template: '2021',
    proactiveTotal: null,
    newReceived: 3,
    level: 'township',
  },
};

for (const [name, want] of Object.entries(SEEDS)) {
  test(`seed ${name}: ${want.organization}`, async () => {
    const doc = await parse(seed(name));
    // 张村镇's report names itself only as 张村镇; a fuller form printed in its text is acceptable.
    if (name.startsWith('003')) assert.ok(doc.organization?.includes(want.organization), `organization ${doc.organization}`);
    else assert.equal(doc.organization, want.organization);
    assert.deepEqual([doc.province, doc.city, doc.county, doc.township], want.region);
    assert.ok(doc.regionCode && doc.regionCode.length === 9, `township code ${doc.regionCode}`);
    assert.equal(doc.year, want.year);
    assert.equal(doc.publishedAt, want.publishedAt);
    assert.equal(doc.template, want.template);
    assert.equal(doc.proactive.total, want.proactiveTotal);
    assert.equal(doc.applications.newReceived, want.newReceived);
    assert.equal(doc.level, want.level);
    assert.match(doc.id, /^[0-9a-f]{24}$/);
    assert.equal(doc.source.format, 'txt');
  });
}

test('seed 000: tables were images, figures come from the prose, with channel counts', async () => {
  const doc = await parse(seed('000_e5f7aca6c5b86682.txt'));
  assert.equal(doc.applicationTable, null);
  assert.equal(doc.applications.newReceivedSource, 'prose');
  assert.equal(doc.proactive.byChannel.wechat, 535);
  assert.equal(doc.proactive.byChannel.website, 54);
  assert.equal(doc.contact.postcode, '264400');
  assert.equal(doc.contact.phone, '0631-8731088');
  assert.equal(doc.contact.website, 'http://www.wendeng.gov.cn');
  assert.ok(doc.sections.problems?.includes('政务公开的信息内容针对性不强'));
});

test('seed 001: tab tables read in full; the prose mentions an application the table does not count', async () => {
  const doc = await parse(seed('001_19cc13ecf0eb244d.txt'));
  assert.ok(doc.applicationTable?.complete);
  assert.equal(doc.applicationTable?.rows.length, 25);
  assert.ok(doc.reviewTable);
  assert.equal(doc.reviewTable?.reconsideration.total, 0);
  const finding = doc.checks.find((c) => c.rule === 6 && !c.passed);
  assert.ok(finding, 'a failed prose-vs-table check');
  assert.match(finding.message, /表三/);
  assert.equal(doc.proactive.byChannel.website, 24);
  assert.equal(doc.proactive.byChannel.wechat, 41);
  assert.equal(doc.proactive.byChannel.bulletinBoard, 52);
});

test('seed 002: one-cell-per-line tables and a passing set of checks', async () => {
  const doc = await parse(seed('002_0ed6c5173e6d400e.txt'));
  assert.equal(doc.applicationTable?.method, 'labels');
  assert.ok(doc.checks.filter((c) => c.rule === 1).length === 7);
  assert.equal(doc.failedChecks, 0);
  assert.deepEqual(doc.disclosureTable?.rows.find((r) => r.key === 'normativeDocuments')?.values, [0, 0, 0]);
});

test('seed 003: the pre-2019 统计表 is read', async () => {
  const doc = await parse(seed('003_3fbe00e9627bb4eb.txt'));
  assert.ok(doc.legacyStatistics && doc.legacyStatistics.length > 30);
  assert.equal(doc.proactive.source, 'table');
  assert.equal(doc.proactive.byChannel.website, 413);
  assert.equal(doc.proactive.byChannel.wechat, 190);
  assert.equal(doc.review.reconsiderations, 0);
});

test('淮安市 2024 PDF: city government, large figures, 表三 balances', async () => {
  const doc = await parse(file('huaian-city-2024.pdf'));
  assert.equal(doc.organization, '淮安市人民政府');
  assert.deepEqual([doc.province, doc.city, doc.county, doc.township], ['江苏省', '淮安市', null, null]);
  assert.equal(doc.level, 'city');
  assert.equal(doc.year, 2024);
  assert.equal(doc.template, '2021');
  assert.equal(doc.applications.newReceived, 3119);
  assert.equal(cellOf(doc, 'carriedOver'), 34);
  assert.equal(cellOf(doc, 'total'), 3050);
  assert.equal(cellOf(doc, 'carriedForward'), 103);
  const rule1 = doc.checks.find((c) => c.rule === 1 && c.scope.includes('总计'));
  assert.ok(rule1?.passed, 'rule 1 on the 总计 column passes');
  assert.match(rule1.message, /3119/);
  const v = (k: string) => doc.disclosureTable?.rows.find((r) => r.key === k)?.values;
  assert.deepEqual(v('normativeDocuments'), [8, 26, 66]);
  assert.deepEqual(v('licensing'), [447228]);
  assert.deepEqual(v('fees'), [96171.6]);
  assert.equal(doc.source.format, 'pdf');
});

test('洪泽区 2023 PDF: 表四 does not add up and the check says so', async () => {
  const doc = await parse(file('huaian-hongze-2023.pdf'));
  assert.equal(doc.province, '江苏省');
  assert.equal(doc.city, '淮安市');
  assert.equal(doc.county, '洪泽区');
  assert.equal(doc.level, 'county');
  const failed = doc.checks.filter((c) => c.rule === 4 && !c.passed);
  assert.ok(failed.length >= 1);
  assert.ok(failed[0].cells.includes('t4.reconsideration.total'));
});

test('洪泽区 2024 PDF: 表四 figures', async () => {
  const doc = await parse(file('huaian-hongze-2024.pdf'));
  assert.deepEqual(doc.reviewTable?.reconsideration, { upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 });
  assert.deepEqual(doc.reviewTable?.litigationDirect, { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
  assert.deepEqual(doc.reviewTable?.litigationAfterReconsideration, { upheld: 2, corrected: 0, other: 1, pending: 0, total: 3 });
  // The prose says 17 applications, the table 95: a finding.
  assert.ok(doc.checks.some((c) => c.rule === 6 && !c.passed && /17/.test(c.message)));
});

test('上海市科委 2024: own numbering, fragmented 表三 read by row order', async () => {
  const doc = await parse(file('shanghai-kewei-2024.md'));
  assert.equal(doc.province, '上海市');
  assert.equal(doc.city, null);
  assert.equal(doc.level, 'province_department');
  const v = (k: string) => doc.disclosureTable?.rows.find((r) => r.key === k)?.values;
  assert.deepEqual(v('normativeDocuments'), [13, 0, 55]);
  assert.deepEqual(v('licensing'), [97]);
  assert.equal(doc.applications.newReceived, 34);
  assert.equal(cellOf(doc, 'total'), 35);
  assert.equal(cellOf(doc, 'carriedForward', 'naturalPerson'), 1);
  assert.equal(doc.reviewTable?.reconsideration.total, 1);
  assert.ok(doc.parseNotes.length > 0, 'says what it could not read with confidence');
});

test('上海市人民政府办公厅 2025: cells with notes do not become figures', async () => {
  const doc = await parse(file('shanghai-office-2025.md'));
  assert.equal(doc.organization, '上海市人民政府办公厅');
  assert.equal(doc.level, 'province_department');
  assert.equal(doc.year, 2025);
  assert.equal(doc.applications.newReceived, 1295);
  assert.equal(doc.applications.processed, 1191);
  // 规章 "22（其中修订 16 件）": the 16 is a note, never a cell.
  const regs = doc.disclosureTable?.rows.find((r) => r.key === 'regulations')?.values ?? [];
  assert.ok(!regs.includes(16));
});
