import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { tableCsv } from '../../lib/search/csv';
import { TABLE_COLUMN_KEYS } from '../../lib/search/params';
import { displayCell, shownColumns, sortLabel, TABLE_COLUMNS, type TableRow } from '../../lib/search/table';

const row = (over: Partial<TableRow> = {}): TableRow => ({
  id: 'r1',
  title: '威海市环翠区张村镇人民政府2023年政府信息公开工作年度报告',
  organization: '威海市环翠区张村镇人民政府',
  province: '山东省',
  city: '威海市',
  county: '环翠区',
  township: '张村镇',
  year: 2023,
  failedChecksTotal: 1,
  partial: false,
  sortKeys: { proactive: 1136, applications: 12, granted: 0.4567, refused: 0, reconsiderations: 2, corrected: 1 },
  ...over,
});

const column = (key: string) => TABLE_COLUMNS.find((c) => c.key === key)!;

test('cells read as the table shows them: separators, one-decimal percentages, a dash for unknown', () => {
  assert.equal(displayCell(column('proactive'), row()), (1136).toLocaleString('zh-CN'));
  assert.equal(displayCell(column('granted'), row()), '45.7%');
  assert.equal(displayCell(column('granted'), row({ sortKeys: { granted: 0 } })), '0%', 'the same text as the CSV cell');
  assert.equal(displayCell(column('lawsuits'), row()), '—', 'an unknown figure is not a zero');
  assert.equal(displayCell(column('refused'), row()), '0');
  assert.equal(displayCell(column('year'), row()), '2023');
  assert.equal(displayCell(column('region'), row()), '山东省 威海市 环翠区 张村镇');
  assert.equal(displayCell(column('body'), row({ organization: null })), row().title);
  assert.equal(displayCell(column('body'), row({ organization: null, title: null })), '未识别发布机关');
  assert.equal(displayCell(column('region'), row({ province: null, city: null, county: null, township: null })), '—');
});

test('the table CSV: the body first, then the chosen columns in table order, units in the header, raw numbers', () => {
  const text = tableCsv([row(), row({ id: 'r2', organization: '=HYPERLINK("x")', sortKeys: {} })], { cols: ['granted', 'applications'] });
  const rows = parseCsv(text, { bom: true }) as string[][];
  assert.deepEqual(rows[0], ['机构', '新收申请（件）', '予以公开率（%）']);
  assert.deepEqual(rows[1], ['威海市环翠区张村镇人民政府', '12', '45.7']);
  assert.deepEqual(rows[2], [`'=HYPERLINK("x")`, '', ''], 'a formula is shown, not run; unknowns are empty');
  assert.deepEqual(
    shownColumns(TABLE_COLUMN_KEYS).map((c) => c.key),
    TABLE_COLUMNS.map((c) => c.key),
  );
});

test('sort labels name the column and the direction in words', () => {
  assert.equal(sortLabel('applications-desc'), '新收申请：多→少');
  assert.equal(sortLabel('granted-asc'), '予以公开率：低→高');
  assert.equal(sortLabel('year-desc'), '年份：新→旧');
  assert.equal(sortLabel('relevance'), '相关度');
});
