/**
 * Year-over-year change of one figure, for the report page's list of the same body's years.
 * Null when either year lacks the figure; no percentage from a zero base.
 */
export interface YearChange {
  delta: number;
  /** Rounded to one decimal; null when last year's figure was 0. */
  percent: number | null;
}

export function yearChange(current: number | null | undefined, previous: number | null | undefined): YearChange | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  const delta = current - previous;
  const percent = previous === 0 ? null : Math.round((delta / previous) * 1000) / 10;
  return { delta, percent };
}

/** "+12（+5.1%）", "−3（−20%）", "持平"; the minus sign is U+2212 so screen readers say "minus". */
export function formatYearChange(change: YearChange | null): string {
  if (!change) return '';
  if (change.delta === 0) return '持平';
  const sign = change.delta > 0 ? '+' : '−';
  const amount = `${sign}${Math.abs(change.delta).toLocaleString('zh-CN')}`;
  if (change.percent === null) return amount;
  return `${amount}（${sign}${Math.abs(change.percent)}%）`;
}
