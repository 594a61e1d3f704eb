import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseApplicationTable } from '../../lib/report/application-table';
import { applicationTableChecks, reviewTableChecks } from '../../lib/report/checks';
import { parseDisclosureTable } from '../../lib/report/disclosure-table';
import { parseReviewTable } from '../../lib/report/review-table';
import { cleanReportText } from '../../lib/report/text';

/** The 25 row labels of the 2021 template's 表三, in print order. */
const LABELS_2021 = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
  '（七）总计',
  '四、结转下年度继续办理',
];

/** A consistent table: row i has i+1 applications from natural persons, etc. Built to balance. */
function sampleRows(): number[][] {
  const outcome = [5, 2, 1, 0, 0, 0, 0, 1, 0, 0, 3, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1];
  const rows: number[][] = [];
  const row = (natural: number, commercial: number) => [natural, commercial, 0, 0, 0, 0, natural + commercial];
  const outcomes = outcome.map((n, i) => row(n, i === 0 ? 1 : 0));
  const total = outcomes.reduce((acc, r) => acc.map((v, i) => v + r[i]), [0, 0, 0, 0, 0, 0, 0]);
  const carriedOver = row(2, 0);
  const carriedForward = row(1, 0);
  // newReceived + carriedOver = total + carriedForward
  const newReceived = total.map((v, i) => v + carriedForward[i] - carriedOver[i]);
  rows.push(newReceived, carriedOver, ...outcomes, total, carriedForward);
  return rows;
}

const HEADER =
  '三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他';
const T4 = '四、政府信息公开行政复议、行政诉讼情况';

function assertSampleTable(text: string) {
  const { table } = parseApplicationTable(cleanReportText(text).text);
  assert.ok(table, 'table found');
  const expected = sampleRows();
  assert.equal(table.rows.length, 25);
  table.rows.forEach((r, i) => {
    assert.deepEqual(r.values, expected[i], `row ${r.label}`);
  });
  assert.ok(applicationTableChecks(table).every((c) => c.passed));
  return table;
}

test('表三 with one cell per line', () => {
  const rows = sampleRows();
  const body = LABELS_2021.map((label, i) => [label, ...rows[i]].join('\n')).join('\n');
  const t = assertSampleTable(`${HEADER}\n${body}\n${T4}`);
  assert.equal(t.method, 'labels');
  assert.equal(t.complete, true);
});

test('表三 with tab-separated rows and group labels in their own cells', () => {
  const rows = sampleRows();
  const body = LABELS_2021.map((label, i) => (i === 2 ? '三、本年度办理结果\t' : '\t') + [label, ...rows[i]].join('\t')).join('\n');
  assertSampleTable(`${HEADER.replace(/\n/g, '\t')}\n${body}\n${T4}`);
});

test('表三 as a markdown | table', () => {
  const rows = sampleRows();
  const body = LABELS_2021.map((label, i) => `| ${label} | ${rows[i].join(' | ')} |`).join('\n');
  assertSampleTable(
    `${HEADER}\n| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n${body}\n${T4}`,
  );
});

test('表三 flattened from a PDF: vertical labels, labels split over lines, page numbers', () => {
  const rows = sampleRows();
  const lines: string[] = [];
  LABELS_2021.forEach((label, i) => {
    if (i === 2) lines.push(...'三、本年度办理结果'.split(''));
    if (i === 13) lines.push('- 5 -');
    if (label.length > 14) lines.push(label.slice(0, 12), `${label.slice(12)} ${rows[i].join(' ')}`);
    else lines.push(`${label} ${rows[i].join(' ')}`);
  });
  assertSampleTable(`${HEADER.replace('商业企业', '商 业 企\n业')}\n${lines.join('\n')}\n${T4}`);
});

test('表三: "/" and "—" stand for zero', () => {
  const rows = sampleRows();
  const body = LABELS_2021.map((label, i) => [label, ...rows[i].map((v) => (v === 0 ? (i % 2 ? '/' : '—') : String(v)))].join('\t')).join('\n');
  assertSampleTable(`${HEADER}\n${body}\n${T4}`);
});

test('表三: one missing figure does not shift the cells of later rows', () => {
  const rows = sampleRows();
  // Drop the 总计 cell of 予以公开 (row 3): its other cells are not a sum of anything.
  const body = LABELS_2021.map((label, i) => [label, ...(i === 2 ? rows[i].slice(0, 6) : rows[i])].join(' ')).join('\n');
  const { table, notes } = parseApplicationTable(`${HEADER}\n${body}\n${T4}`);
  assert.ok(table);
  assert.deepEqual(table.rows[2].values, [...rows[2].slice(0, 6), null]);
  assert.deepEqual(table.rows[3].values, rows[3]);
  assert.deepEqual(table.rows[24].values, rows[24]);
  assert.equal(table.complete, false);
  assert.match(notes.join(''), /予以公开/);
});

test('表三: an unreadable table is left out and said so, not invented', () => {
  const { table, notes } = parseApplicationTable(`${HEADER}\n一、本年新收政府信息公开申请数量\n[image: 表格]\n${T4}`);
  assert.equal(table, null);
  assert.match(notes.join(''), /无法可靠读取/);
});

test('表三 with the single 其他处理 row of the 2019 template', () => {
  const labels = [...LABELS_2021.slice(0, 20), '（六）其他处理', '（七）总计', '四、结转下年度继续办理'];
  const values = labels.map((_, i) => (i === 0 || i === 2 || i === 21 ? [1, 0, 0, 0, 0, 0, 1] : [0, 0, 0, 0, 0, 0, 0]));
  const { table } = parseApplicationTable(`${HEADER}\n${labels.map((l, i) => `${l} ${values[i].join(' ')}`).join('\n')}\n${T4}`);
  assert.ok(table);
  assert.equal(table.rows.length, 23);
  assert.ok(table.rows.some((r) => r.key === 'otherProcessed'));
  assert.ok(applicationTableChecks(table).every((c) => c.passed));
});

test('rule 1 fails when 新收 + 结转 ≠ 总计 + 结转下年度, naming the cells', () => {
  const rows = sampleRows();
  rows[0][6] += 2; // 新收 总计 off by two
  const body = LABELS_2021.map((label, i) => [label, ...rows[i]].join(' ')).join('\n');
  const { table } = parseApplicationTable(`${HEADER}\n${body}\n${T4}`);
  assert.ok(table);
  const failed = applicationTableChecks(table).filter((c) => !c.passed);
  const rule1 = failed.find((c) => c.rule === 1);
  assert.ok(rule1);
  assert.ok(rule1.cells.includes('t3.newReceived.total'));
  assert.ok(failed.some((c) => c.rule === 3 && c.cells.includes('t3.newReceived.total')));
});

test('表二 (2021 template) by row labels, wherever the rows are printed', () => {
  const text =
    '二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t11\n行政规范性文件\t8\t26\t66\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t447228\n第二十条第（六）项\n行政处罚\t3,985,758\n行政强制\t88283\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t96171.6\n三、收到和处理政府信息公开申请情况';
  const { table, shape } = parseDisclosureTable(text);
  assert.equal(shape, '2021');
  const v = (k: string) => table?.rows.find((r) => r.key === k)?.values;
  assert.deepEqual(v('regulations'), [1, 0, 11]);
  assert.deepEqual(v('normativeDocuments'), [8, 26, 66]);
  assert.deepEqual(v('licensing'), [447228]);
  assert.deepEqual(v('punishment'), [3985758]);
  assert.deepEqual(v('fees'), [96171.6]);
});

test('表二 (2019 template) with signed 本年增/减 and 政府集中采购', () => {
  const text =
    '第二十条第（一）项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 0 0 3\n规范性文件 2 2 15\n第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 12 -2 340\n其他对外管理服务事项 4 +1 20\n第二十条第（六）项\n行政处罚 5 0 61\n行政强制 1 0 3\n第二十条第（八）项\n信息内容 上一年项目数量 本年增/减\n行政事业性收费 2 0\n第二十条第（九）项\n信息内容 采购项目数量 采购总金额\n政府集中采购 7 56.4\n三、收到和处理政府信息公开申请情况';
  const { table, shape } = parseDisclosureTable(text);
  assert.equal(shape, '2019');
  const v = (k: string) => table?.rows.find((r) => r.key === k)?.values;
  assert.deepEqual(v('licensing'), [12, -2, 340]);
  assert.deepEqual(v('otherServices'), [4, 1, 20]);
  assert.deepEqual(v('procurement'), [7, 56.4]);
});

test('表四: fifteen figures, blank tab cells are zeros, rule 4 evaluated per group', () => {
  const text = `${T4}\n行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n\t\t\t\t\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n五、存在的主要问题及改进情况`;
  const { table } = parseReviewTable(text, 0);
  assert.ok(table);
  assert.deepEqual(table.reconsideration, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  assert.deepEqual(table.litigationDirect, { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
  assert.ok(reviewTableChecks(table).every((c) => c.passed));
});

test('表四 with the wrong count of figures is left out with a note', () => {
  const { table, notes } = parseReviewTable(`${T4}\n结果维持 结果纠正 其他结果 尚未审结 总计\n1 0 0 1\n五、存在的主要问题及改进情况`, 0);
  assert.equal(table, null);
  assert.match(notes.join(''), /15/);
});
