import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toIndexedReport, toStoredReport } from '../../lib/document/indexed-report';
import {
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  type CellValue,
  COLUMN_GROUPS,
  columnsOf,
  disclosureCells,
  OPEN_DATA_COLUMNS,
  type OpenDataColumn,
} from '../../lib/opendata/columns';
import { openDataReport } from '../../lib/opendata/report';
import { COLUMNS_2019, COLUMNS_2021, ROWS as DISCLOSURE_ROWS } from '../../lib/report/disclosure-table';
import { parseReport } from '../../lib/report/parse';
import type { ApplicationTable, DisclosureTable, ReviewTable } from '../../lib/report/schema';

/**
 * The registry (lib/opendata/columns.ts) covers every printed cell of 表二 (both templates), 表三
 * (every row × the seven applicant columns) and 表四 exactly once. Checked by behaviour: a report
 * whose every cell holds a different number is read through every column, and each number must
 * come out of exactly one column.
 */

/** A stored report built from an empty text, with the tables given. */
function reportWith(tables: { disclosure?: DisclosureTable; application?: ApplicationTable; review?: ReviewTable }) {
  const doc = parseReport('', { fileName: 'synthetic.txt', format: 'txt', encoding: 'utf-8', sha256: 'a'.repeat(64), bytes: 0 });
  const indexed = toIndexedReport(
    { ...doc, disclosureTable: tables.disclosure ?? null, applicationTable: tables.application ?? null, reviewTable: tables.review ?? null },
    'synthetic.txt',
  );
  return openDataReport(toStoredReport(indexed) as unknown as Record<string, unknown>);
}

/** Every column of a group read from the report: which columns gave which number. */
function readGroup(group: OpenDataColumn['group'], report: ReturnType<typeof reportWith>): Map<CellValue, string[]> {
  const found = new Map<CellValue, string[]>();
  for (const column of OPEN_DATA_COLUMNS.filter((c) => c.group === group)) {
    const value = column.value({ report, reportUrl: 'https://example.org/reports/x' });
    if (value === null) continue;
    found.set(value, [...(found.get(value) ?? []), column.key]);
  }
  return found;
}

test('column keys are unique stable ASCII snake case; every column names its table and has a Chinese name', () => {
  const keys = OPEN_DATA_COLUMNS.map((c) => c.key);
  assert.equal(new Set(keys).size, keys.length, 'unique keys');
  for (const column of OPEN_DATA_COLUMNS) {
    assert.match(column.key, /^[a-z][a-z0-9_]*$/, column.key);
    assert.match(column.label, /\p{Script=Han}/u, `${column.key}: 中文名`);
    assert.ok(column.source.table, `${column.key}: source table`);
    assert.ok(column.group in COLUMN_GROUPS);
    // Only the free-form pre-2019 statistics are left out of CSV and Parquet.
    assert.deepEqual(column.formats, column.type === 'json' ? ['jsonl'] : ['csv', 'jsonl', 'parquet'], column.key);
  }
  assert.deepEqual(
    columnsOf('jsonl').map((c) => c.key),
    keys,
  );
  assert.deepEqual(
    columnsOf('csv').map((c) => c.key),
    keys.filter((k) => k !== 'legacy_statistics'),
  );
  for (const key of ['id', 'organization', 'title', 'province', 'city', 'county', 'township', 'region_code', 'level', 'year', 'template'])
    assert.ok(keys.includes(key), key);
  for (const key of ['published_at', 'partial', 'failed_checks_total', 'url', 'source_url', 'fees_collected', 't3_granted_total', 't4_reconsideration_total']) {
    assert.ok(keys.includes(key), key);
  }
});

test('表三: every row × applicant column exactly once, by its keys; an extra 法人小计 column is not read as another', () => {
  assert.equal(APPLICATION_ROWS.length, 26, '20 head rows, 3 + 1 其他处理 variants, 总计 and 结转');
  assert.equal(APPLICATION_COLUMNS.length, 7);
  let n = 0;
  const rows = APPLICATION_ROWS.map((row) => ({ key: row.key, label: row.label, group: row.group, values: APPLICATION_COLUMNS.map(() => ++n) }));
  const report = reportWith({ application: { columns: [...APPLICATION_COLUMNS], rows, method: 'labels', complete: true } });
  const found = readGroup('application', report);
  assert.equal(found.size, 26 * 7);
  for (const [value, keys] of found) assert.equal(keys.length, 1, `${value} read by ${keys.join(', ')}`);
  assert.equal(OPEN_DATA_COLUMNS.filter((c) => c.group === 'application').length, 26 * 7, 'no column reads nothing');
  const granted = APPLICATION_ROWS.findIndex((r) => r.key === 'granted');
  assert.deepEqual(found.get(granted * 7 + 7), ['t3_granted_total']);
  assert.deepEqual(found.get(1), ['t3_new_received_natural_person']);

  // Eight columns (a 法人或其他组织小计 after the five kinds): the same cells, by column key.
  const eight = [...APPLICATION_COLUMNS.slice(0, 6), { key: 'orgSubtotal', label: '法人或其他组织小计' }, APPLICATION_COLUMNS[6]];
  const wide = reportWith({
    application: {
      columns: eight,
      rows: rows.map((row) => ({ ...row, values: [...row.values.slice(0, 6), -1, row.values[6]] })),
      method: 'labels',
      complete: true,
    },
  });
  const wideFound = readGroup('application', wide);
  assert.equal(wideFound.has(-1), false, 'the subtotal is not a column');
  assert.deepEqual([...wideFound.keys()].sort(), [...found.keys()].sort());
});

test('表二: every printed cell of both templates exactly once; a report fills only its own template', () => {
  const cells = disclosureCells();
  const expected = DISCLOSURE_ROWS.reduce((sum, row) => sum + (COLUMNS_2021[row.key]?.length ?? 0) + (COLUMNS_2019[row.key]?.length ?? 0), 0);
  assert.equal(cells.length, expected);
  const keysOf = new Map<string, Set<string>>();
  for (const template of ['2021', '2019'] as const) {
    let n = 0;
    const columns = template === '2021' ? COLUMNS_2021 : COLUMNS_2019;
    const rows = DISCLOSURE_ROWS.filter((row) => columns[row.key]).map((row) => ({
      key: row.key,
      label: row.label,
      columns: columns[row.key],
      values: columns[row.key].map(() => ++n),
    }));
    const found = readGroup('disclosure', reportWith({ disclosure: { template, rows } }));
    assert.equal(found.size, n, `${template}: every cell read`);
    for (const [value, keys] of found) assert.equal(keys.length, 1, `${template}: ${value} read by ${keys.join(', ')}`);
    keysOf.set(template, new Set([...found.values()].flat()));
  }
  const all = OPEN_DATA_COLUMNS.filter((c) => c.group === 'disclosure').map((c) => c.key);
  assert.deepEqual(
    all.filter((k) => !keysOf.get('2021')!.has(k) && !keysOf.get('2019')!.has(k)),
    [],
    'no column reads nothing',
  );
  // The decisions columns mean the same in both templates and share a key; the rest do not.
  const shared = [...keysOf.get('2021')!].filter((k) => keysOf.get('2019')!.has(k)).sort();
  assert.deepEqual(shared, ['t2_enforcement_decisions', 't2_licensing_decisions', 't2_punishment_decisions']);
  assert.ok(
    all.includes('t2_regulations_issued') && all.includes('t2_regulations_made') && all.includes('t2_fees_amount') && all.includes('t2_procurement_amount'),
  );
});

test('表四: fifteen cells, each exactly once', () => {
  let n = 0;
  const group = () => ({ upheld: ++n, corrected: ++n, other: ++n, pending: ++n, total: ++n });
  const found = readGroup('review', reportWith({ review: { reconsideration: group(), litigationDirect: group(), litigationAfterReconsideration: group() } }));
  assert.equal(found.size, 15);
  for (const [value, keys] of found) assert.equal(keys.length, 1, `${value} read by ${keys.join(', ')}`);
  assert.deepEqual(found.get(5), ['t4_reconsideration_total']);
  assert.deepEqual(found.get(11), ['t4_litigation_after_reconsideration_upheld']);
});

test('a report without tables reads as unknown in every table cell, never 0', () => {
  const report = reportWith({});
  for (const group of ['disclosure', 'application', 'review'] as const) assert.equal(readGroup(group, report).size, 0, group);
});
