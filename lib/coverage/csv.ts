import { csvLine } from '../search/csv-line';
import type { CoverageGrid } from './grid';

/** The coverage grid as CSV: one line per division and year, saying which of 已收录 / 已核查、未发现 / 未收录 it is. */

const STATUS = { present: '已收录', failed: '已收录，校验未通过', checked: '已核查、未发现', missing: '未收录' } as const;

export const COVERAGE_CSV_HEADER = csvLine(['区划代码', '地区', '年度', '本级政府年报', '核查日期', '报告编号', '其他报告数']);

export function coverageCsvRows(grid: CoverageGrid): string[] {
  const lines: string[] = [];
  for (const row of grid.rows) {
    for (const cell of row.cells) {
      lines.push(csvLine([row.division.code, row.division.name, cell.year, STATUS[cell.status], cell.checkedAt ?? '', cell.reportId ?? '', cell.otherReports]));
    }
  }
  return lines;
}
