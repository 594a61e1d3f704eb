import { BOM, csvLine } from '../search/csv-line';
import { type CellValue, columnsOf, type OpenDataColumn } from './columns';
import type { OpenDataReport } from './report';

/**
 * One report as a row of each text format. CSV: the columns of columnsOf('csv'), a header of the
 * ASCII keys, RFC 4180 with a BOM and the formula guard of lib/search/csv.ts; true/false for yes
 * and no, dates as YYYY-MM-DD, an unknown figure an empty cell. JSON Lines: one object a line,
 * every column of columnsOf('jsonl') by key, null for unknown.
 */

/** The report's page on the portal; `origin` as https://example.org. */
function reportUrl(origin: string, id: string): string {
  return `${origin}/reports/${encodeURIComponent(id)}`;
}

/** The cells of one report for `columns`, in their order. */
export function cellValues(report: OpenDataReport, columns: readonly OpenDataColumn[], origin: string): CellValue[] {
  const context = { report, reportUrl: reportUrl(origin, report.id) };
  return columns.map((column) => {
    const value = column.value(context);
    // A figure that is not a finite number is no figure (JSON has no NaN; Parquet should not hold one).
    return typeof value === 'number' && !Number.isFinite(value) ? null : (value ?? null);
  });
}

const CSV_COLUMNS = columnsOf('csv');
const JSONL_COLUMNS = columnsOf('jsonl');

export const OPEN_DATA_CSV_HEADER = BOM + csvLine(CSV_COLUMNS.map((c) => c.key));

export function csvRecord(report: OpenDataReport, origin: string): string {
  return csvLine(cellValues(report, CSV_COLUMNS, origin).map((value) => (typeof value === 'boolean' ? String(value) : (value as string | number | null))));
}

export function jsonlRecord(report: OpenDataReport, origin: string): string {
  const values = cellValues(report, JSONL_COLUMNS, origin);
  const record: Record<string, CellValue> = {};
  JSONL_COLUMNS.forEach((column, i) => {
    record[column.key] = values[i];
  });
  return `${JSON.stringify(record)}\n`;
}
