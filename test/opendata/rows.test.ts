import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { toIndexedReport, toStoredReport } from '../../lib/document/indexed-report';
import { columnsOf } from '../../lib/opendata/columns';
import { openDataReport } from '../../lib/opendata/report';
import { csvRecord, jsonlRecord, OPEN_DATA_CSV_HEADER } from '../../lib/opendata/rows';
import { parseReportFile } from '../../lib/report';
import { corpusFilePath, seedPath } from '../support/corpus';

/**
 * Real reports (test/fixtures/corpus) flattened to one row: the figures checked against the
 * printed text, through the same stored form the engine returns (`detail`, toStoredReport).
 */

const ORIGIN = 'https://nianbao.example';

async function rowOf(file: string): Promise<Record<string, unknown>> {
  const doc = await parseReportFile(file);
  const stored = toStoredReport(toIndexedReport(doc, file));
  return JSON.parse(jsonlRecord(openDataReport(stored as unknown as Record<string, unknown>), ORIGIN));
}

function csvOf(records: string[]): Record<string, string>[] {
  return parseCsv(OPEN_DATA_CSV_HEADER + records.join(''), { bom: true, columns: true }) as Record<string, string>[];
}

test('上海市人民政府办公厅 2025 (2021 template): 表三, 表四 and 表二 cells as printed; what was not read stays empty', async () => {
  const row = await rowOf(corpusFilePath('shanghai-office-2025.md'));
  assert.equal(row.organization, '上海市人民政府办公厅');
  assert.equal(row.year, 2025);
  assert.equal(row.template, '2021');
  assert.equal(row.province, '上海市');
  assert.equal(row.url, `${ORIGIN}/reports/${row.id}`);
  assert.equal(row.source_url, null, 'a bundled file has no harvested URL');
  // | 一、本年新收政府信息公开申请数量 | 1259 | 36 | 0 | 0 | 0 | 0 | 1295 |
  assert.equal(row.t3_new_received_natural_person, 1259);
  assert.equal(row.t3_new_received_commercial, 36);
  assert.equal(row.t3_new_received_total, 1295);
  // | 二、上年结转政府信息公开申请数量 | 170 | 15 | 0 | 0 | 4 | 0 | 189 |
  assert.equal(row.t3_carried_over_legal_service, 4);
  assert.equal(row.t3_carried_over_total, 189);
  // | （一）予以公开 | 201 | 5 | 0 | 0 | 0 | 0 | 206 |
  assert.equal(row.t3_granted_natural_person, 201);
  assert.equal(row.t3_granted_total, 206);
  // | 予公开 | 5.属于三类内部事务信息 | 8 | 0 | 0 | 0 | 1 | 0 | 9 |
  assert.equal(row.t3_refused_internal_legal_service, 1);
  assert.equal(row.t3_refused_internal_total, 9);
  // | 1.本机关不掌握相关政府信息 | 484 | 28 | 0 | 0 | 1 | 0 | 513 |
  assert.equal(row.t3_unable_not_held_total, 513);
  // | 3.其他 | 264 | 12 | 0 | 0 | 0 | 0 | 276 |; the 2021 template's three 其他处理 rows, not the 2019 one.
  assert.equal(row.t3_other_other_total, 276);
  assert.equal(row.t3_other_processed_total, null);
  // | （七）总计 | 1139 | 48 | 0 | 0 | 4 | 0 | 1191 | and | 四、结转下年度继续办理 | 290 | 3 | … | 293 |
  assert.equal(row.t3_total_total, 1191);
  assert.equal(row.t3_carried_forward_natural_person, 290);
  assert.equal(row.applications_new, 1295);
  assert.equal(row.applications_carried_forward, 293);
  assert.equal(row.outcome_granted, 206);
  assert.ok(Math.abs((row.granted_share as number) - 206 / 1191) < 1e-9);
  // 表四: | 40 | 0 | 10 | 5 | 55 | 2 | 0 | 4 | 6 | 12 | 6 | 0 | 9 | 7 | 22 |
  assert.deepEqual(
    ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => row[`t4_reconsideration_${k}`]),
    [40, 0, 10, 5, 55],
  );
  assert.equal(row.t4_litigation_direct_total, 12);
  assert.equal(row.t4_litigation_after_reconsideration_pending, 7);
  assert.equal(row.lawsuits, 34);
  // 表二: 行政许可 0 (a printed zero), while 规章's figures sit in notes the parser did not read: unknown, not 0.
  assert.equal(row.t2_licensing_decisions, 0);
  assert.equal(row.t2_fees_amount, 0);
  assert.equal(row.t2_regulations_issued, null);
  assert.equal(row.t2_regulations_made, null, 'the 2019 template’s columns stay empty');
  assert.equal(row.proactive_website, 13528);
  assert.equal(row.legacy_statistics, null);
});

test('淮安市洪泽区 2023: a report with one （六）其他处理 row fills that row, not the three of the 2021 template', async () => {
  const row = await rowOf(corpusFilePath('huaian-hongze-2023.pdf'));
  assert.equal(row.year, 2023);
  assert.notEqual(row.t3_other_processed_total, null);
  assert.equal(row.t3_other_no_correction_total, null);
  assert.equal(row.t3_other_other_total, null);
});

test('张村镇 2012 (before 2019): its statistics table only in JSON Lines, as an array; every table cell empty', async () => {
  const row = await rowOf(seedPath('003_3fbe00e9627bb4eb.txt'));
  assert.equal(row.template, 'pre2019');
  const legacy = row.legacy_statistics as Array<{ label: string; unit: string | null; value: number | null }>;
  assert.equal(legacy.length, 86);
  assert.ok(legacy.every((s) => typeof s.label === 'string' && 'unit' in s && 'value' in s));
  for (const column of columnsOf('jsonl').filter((c) => /^t[234]_/.test(c.key))) assert.equal(row[column.key], null, column.key);
  assert.equal(Object.keys(row).length, columnsOf('jsonl').length);
});

test('CSV: ASCII keys as the header, quotes doubled, line breaks kept, formulas defused, true/false, empty for unknown', async () => {
  const doc = await parseReportFile(corpusFilePath('shanghai-office-2025.md'));
  const hostile = {
    ...toIndexedReport(doc, 'x.md'),
    organization: '=HYPERLINK("https://evil.example","点我")',
    title: '标题, 含逗号\n和换行 "引号"',
    township: '+1',
    county: '@SUM(A1)',
    partial: true,
  };
  const report = openDataReport(toStoredReport(hostile) as unknown as Record<string, unknown>);
  const line = csvRecord(report, ORIGIN);
  assert.ok(line.endsWith('\r\n'));
  assert.ok(line.includes('"\'=HYPERLINK(""https://evil.example"",""点我"")"'), 'quoted, quotes doubled, apostrophe first');
  const [row] = csvOf([line]);
  assert.equal(row.organization, '\'=HYPERLINK("https://evil.example","点我")');
  assert.equal(row.title, '标题, 含逗号\n和换行 "引号"');
  assert.equal(row.township, "'+1");
  assert.equal(row.county, "'@SUM(A1)");
  assert.equal(row.partial, 'true');
  assert.equal(row.t3_granted_total, '206');
  assert.equal(row.t2_regulations_issued, '', 'unknown is an empty cell');
  assert.equal(row.t2_licensing_decisions, '0', 'a printed zero stays 0');
  assert.equal(row.legacy_statistics, undefined, 'not a CSV column');
  assert.deepEqual(
    Object.keys(row),
    columnsOf('csv').map((c) => c.key),
  );
  assert.ok(OPEN_DATA_CSV_HEADER.startsWith('\uFEFFid,organization,title,'));
});
