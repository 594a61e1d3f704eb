import type { SortKeys } from '../document/indexed-report';
import type { Sort, SortKey, TableColumnKey } from './params';
import type { ReportHit } from './types';

/**
 * The results table (view=table): one row per report, the body, its place, the year and the key
 * figures. One definition serves the page (components/search/results-table.tsx) and its CSV
 * (/api/search/export?view=table), so the file holds exactly what the table shows: the same
 * columns in the same order, the same rows in the same order, the same text in every cell but for
 * thousands separators and the percent sign, which a spreadsheet would take for text.
 *
 * Imports types only: the table is a client component and must not pull zod or the engine in.
 */

export type TableRow = Pick<
  ReportHit,
  'id' | 'title' | 'organization' | 'province' | 'city' | 'county' | 'township' | 'year' | 'failedChecksTotal' | 'partial'
> & { sortKeys: SortKeys };

/** Only what the table reads, so the page sends the browser no snippets or highlights. */
export function tableRow(hit: TableRow): TableRow {
  const { id, title, organization, province, city, county, township, year, failedChecksTotal, partial, sortKeys } = hit;
  return { id, title, organization, province, city, county, township, year, failedChecksTotal, partial, sortKeys };
}

type Cell = string | number | null;

export interface TableColumn {
  key: 'body' | TableColumnKey;
  header: string;
  /** Shown after the header in the CSV and in the column's tooltip: 件, 条, %. */
  unit: string | null;
  /** Where the figure comes from, for the data dictionary and the header's title. */
  source: string;
  /** The sort a click on the header asks for; null for a column that does not sort. */
  sort: SortKey | null;
  numeric: boolean;
  /** The cell's value as the CSV writes it. */
  value: (row: TableRow) => Cell;
}

/** The place of a report, province first, as one string: 山东省 威海市 环翠区 张村镇. */
function placeOf(row: Pick<TableRow, 'province' | 'city' | 'county' | 'township'>): string | null {
  const parts = [row.province, row.city, row.county, row.township].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' ') : null;
}

/** The body a row stands for: its name, else its title; never blank. */
function bodyOf(row: Pick<TableRow, 'organization' | 'title'>): string {
  return row.organization ?? row.title ?? '未识别发布机关';
}

/** A 0–1 share as a percentage with one decimal (45.7), or null. */
function percent(share: number | undefined): number | null {
  return share === undefined ? null : Math.round(share * 1000) / 10;
}

const count = (value: number | undefined): number | null => value ?? null;

export const TABLE_COLUMNS: readonly TableColumn[] = [
  { key: 'body', header: '机构', unit: null, source: '报告标题或落款的发布机关', sort: null, numeric: false, value: bodyOf },
  { key: 'region', header: '地区', unit: null, source: '由机关名称、标题和网址识别的行政区划', sort: 'region', numeric: false, value: placeOf },
  { key: 'year', header: '年度', unit: null, source: '报告所属年度', sort: 'year', numeric: true, value: (r) => r.year },
  {
    key: 'proactive',
    header: '主动公开',
    unit: '条',
    source: '正文或表二给出的主动公开信息总数',
    sort: 'proactive',
    numeric: true,
    value: (r) => count(r.sortKeys.proactive),
  },
  {
    key: 'applications',
    header: '新收申请',
    unit: '件',
    source: '表三 一、本年新收政府信息公开申请数量（总计列）',
    sort: 'applications',
    numeric: true,
    value: (r) => count(r.sortKeys.applications),
  },
  {
    key: 'granted',
    header: '予以公开率',
    unit: '%',
    source: '表三 三、（一）予以公开 ÷ 办理结果（一）至（六）之和',
    sort: 'granted',
    numeric: true,
    value: (r) => percent(r.sortKeys.granted),
  },
  {
    key: 'refused',
    header: '不予公开',
    unit: '件',
    source: '表三 三、（三）不予公开（总计列）',
    sort: 'refused',
    numeric: true,
    value: (r) => count(r.sortKeys.refused),
  },
  {
    key: 'reconsiderations',
    header: '复议',
    unit: '件',
    source: '表四 行政复议 总计',
    sort: 'reconsiderations',
    numeric: true,
    value: (r) => count(r.sortKeys.reconsiderations),
  },
  {
    key: 'lawsuits',
    header: '诉讼',
    unit: '件',
    source: '表四 行政诉讼 总计（未经复议直接起诉 + 复议后起诉）',
    sort: 'lawsuits',
    numeric: true,
    value: (r) => count(r.sortKeys.lawsuits),
  },
  {
    key: 'corrected',
    header: '纠错',
    unit: '件',
    source: '表四 结果纠正（复议 + 诉讼）',
    sort: 'corrected',
    numeric: true,
    value: (r) => count(r.sortKeys.corrected),
  },
  {
    key: 'failed',
    header: '未通过校验',
    unit: '项',
    source: '表内、表间与跨年度算术校验未通过的项数',
    sort: 'failed',
    numeric: true,
    value: (r) => r.failedChecksTotal,
  },
];

/** The columns a table with these optional columns shows, in order; the body comes first always. */
export function shownColumns(cols: readonly TableColumnKey[]): TableColumn[] {
  return TABLE_COLUMNS.filter((c) => c.key === 'body' || cols.includes(c.key));
}

/** How a cell reads on the page: 1,136 · 45.7% · — for unknown. */
export function displayCell(column: TableColumn, row: TableRow): string {
  const value = column.value(row);
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (column.key === 'year') return String(value);
  if (column.unit === '%') return `${value}%`;
  return value.toLocaleString('zh-CN');
}

/** The CSV header of a column: 新收申请（件）. */
export function csvHeader(column: TableColumn): string {
  return column.unit ? `${column.header}（${column.unit}）` : column.header;
}

const DIRECTION_WORDS: Record<SortKey, { desc: string; asc: string }> = {
  year: { desc: '新→旧', asc: '旧→新' },
  published: { desc: '新→旧', asc: '旧→新' },
  region: { desc: '代码大→小', asc: '代码小→大' },
  proactive: { desc: '多→少', asc: '少→多' },
  applications: { desc: '多→少', asc: '少→多' },
  granted: { desc: '高→低', asc: '低→高' },
  refused: { desc: '多→少', asc: '少→多' },
  reconsiderations: { desc: '多→少', asc: '少→多' },
  lawsuits: { desc: '多→少', asc: '少→多' },
  corrected: { desc: '多→少', asc: '少→多' },
  failed: { desc: '多→少', asc: '少→多' },
};

const SORT_NAMES: Record<SortKey, string> = {
  year: '年份',
  published: '发布日期',
  region: '地区',
  proactive: '主动公开',
  applications: '新收申请',
  granted: '予以公开率',
  refused: '不予公开',
  reconsiderations: '复议',
  lawsuits: '诉讼',
  corrected: '纠错',
  failed: '未通过校验',
};

/** 新收申请：多→少. */
export function sortLabel(sort: Sort): string {
  if (sort === 'relevance') return '相关度';
  const cut = sort.lastIndexOf('-');
  const key = sort.slice(0, cut) as SortKey;
  const direction = sort.slice(cut + 1) as 'asc' | 'desc';
  return `${SORT_NAMES[key]}：${DIRECTION_WORDS[key][direction]}`;
}
