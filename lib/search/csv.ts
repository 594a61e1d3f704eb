import createContentDisposition from 'content-disposition';
import { levelName } from '../report/labels';
import type { Template } from '../report/vocabulary';
import { BOM, type Cell, csvLine } from './csv-line';
import type { SearchParams } from './params';
import type { ExportRow } from './queries';
import { csvHeader, shownColumns, type TableRow } from './table';

/** The CSV export, one row per report (cells and lines: csv-line.ts). */

export { BOM };

const TEMPLATE_NAMES: Record<Template, string> = {
  '2021': '2021 年新模板',
  '2019': '2019 年模板',
  pre2019: '2019 年以前',
  unknown: '未识别',
};

interface Column {
  header: string;
  value: (row: ExportRow, reportUrl: string) => Cell;
}

const EXPORT_COLUMNS: Column[] = [
  { header: 'id', value: (r) => r.id },
  { header: '机构', value: (r) => r.organization ?? r.title },
  { header: '省', value: (r) => r.province },
  { header: '市', value: (r) => r.city },
  { header: '县', value: (r) => r.county },
  { header: '乡镇', value: (r) => r.township },
  { header: '年份', value: (r) => r.year },
  { header: '层级', value: (r) => (r.level ? levelName(r.level) : null) },
  { header: '模板', value: (r) => TEMPLATE_NAMES[r.template] ?? r.template },
  { header: '主动公开总数', value: (r) => r.proactiveTotal },
  { header: '新收申请', value: (r) => r.applicationsNew },
  { header: '上年结转', value: (r) => r.applications?.carriedOver },
  { header: '办理总计', value: (r) => r.applications?.processed },
  { header: '结转下年', value: (r) => r.applications?.carriedForward },
  { header: '复议', value: (r) => r.review?.reconsiderations },
  { header: '诉讼', value: (r) => r.review?.lawsuits },
  { header: '未通过校验数', value: (r) => r.failedChecksTotal },
  { header: '发布日期', value: (r) => r.publishedAt },
  { header: '链接', value: (_r, url) => url },
];

export const CSV_HEADER = csvLine(EXPORT_COLUMNS.map((c) => c.header));

/** One report as a CSV line; `origin` makes the link absolute (https://example.org). */
export function csvRow(row: ExportRow, origin: string): string {
  const url = `${origin}/reports/${encodeURIComponent(row.id)}`;
  return csvLine(EXPORT_COLUMNS.map((c) => c.value(row, url)));
}

/** nianbao-山东省-2023-依申请.csv: the filters a reader would recognise, in a file name. */
export function exportFileName(params: SearchParams, today = new Date()): string {
  const label = fileNameLabel(params);
  const date = today.toISOString().slice(0, 10).replace(/-/g, '');
  return `nianbao-${label ? `${label}-` : ''}${date}.csv`;
}

/** 山东省-2023-依申请: a search's place, years and words, safe in a file name ('' for none). */
export function fileNameLabel(params: SearchParams): string {
  const parts = [params.province, params.city, params.county, params.township];
  if (params.yearFrom !== null && params.yearFrom === params.yearTo) parts.push(String(params.yearFrom));
  else if (params.yearFrom !== null || params.yearTo !== null) parts.push(`${params.yearFrom ?? ''}-${params.yearTo ?? ''}`);
  if (params.q) parts.push(params.q);
  return parts
    .filter((p): p is string => Boolean(p))
    .join('-')
    .replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, '_')
    .slice(0, 60);
}

/** RFC 6266 / 8187 (the content-disposition package): the UTF-8 name, and an ASCII one with `_` for what ASCII lacks. */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  return createContentDisposition(fileName, { type, fallback: fileName.replace(/[^\x20-\x7e]|["\\]/g, '_') });
}

/** The results table as CSV: its columns and rows as shown (lib/search/table.ts), with a BOM. */
export function tableCsv(rows: readonly TableRow[], params: Pick<SearchParams, 'cols'>): string {
  const columns = shownColumns(params.cols);
  let out = BOM + csvLine(columns.map(csvHeader));
  for (const row of rows) out += csvLine(columns.map((c) => c.value(row)));
  return out;
}
