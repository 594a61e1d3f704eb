/**
 * The data of one chart as a plain table: the chart draws it, "以表格显示" shows it, the CSV
 * download writes it. One shape for all three, so what is seen, read and downloaded agree.
 */

type ColumnKind = 'label' | 'count' | 'share';

export interface ChartColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

type ChartRow = Record<string, string | number | null>;

export interface ChartData {
  /** Stable id: test ids, file names, element ids. */
  id: string;
  title: string;
  columns: ChartColumn[];
  rows: ChartRow[];
  /** How many reports the chart rests on (those that state the figures drawn). */
  basis: number;
  /** Said after the count when the basis is approximate or needs a word ("给出渠道数字的"). */
  basisNote?: string;
}

/** The cell as text for the table and the CSV: shares as percentages with one decimal. */
export function cellText(column: ChartColumn, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (column.kind === 'share') return `${(value * 100).toFixed(1)}%`;
  return value.toLocaleString('zh-CN');
}

/** Rows have something to draw: at least one number that is not null. */
export function hasData(data: Pick<ChartData, 'columns' | 'rows'>): boolean {
  const numeric = data.columns.filter((c) => c.kind !== 'label');
  return data.rows.some((row) => numeric.some((c) => typeof row[c.key] === 'number'));
}
