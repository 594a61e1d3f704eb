import { csvLine } from '../search/csv-line';
import { COMPARE_FIGURES, FIGURE_INFO, isShare } from './figures';
import type { CompareBody } from './queries';
import { compareRows } from './rows';

/**
 * The comparison as CSV (lib/search/csv.ts's quoting and formula guard): one line per body and
 * year, every figure and rate, and each figure's change against the previous year.
 */

export function compareCsv(bodies: readonly CompareBody[], origin: string): string {
  const header = ['机关', '机关标识', '地区', '年度', ...COMPARE_FIGURES.flatMap((f) => [csvHeader(f), `${FIGURE_INFO[f].label}同比`]), '报告链接'];
  let out = csvLine(header);
  const regionOf = new Map(bodies.map((b) => [b.key, [b.province, b.city, b.county, b.township].filter(Boolean).join('')]));
  for (const row of compareRows(bodies)) {
    const cells = COMPARE_FIGURES.flatMap((f) => {
      const value = row.values[f];
      const change = row.changes[f];
      return [isShare(f) && value !== null ? Math.round(value * 10000) / 10000 : value, change ? change.delta : null];
    });
    out += csvLine([
      row.organization,
      row.bodyKey,
      regionOf.get(row.bodyKey) ?? '',
      row.year,
      ...cells,
      `${origin}/reports/${encodeURIComponent(row.reportId)}`,
    ]);
  }
  return out;
}

function csvHeader(f: (typeof COMPARE_FIGURES)[number]): string {
  const info = FIGURE_INFO[f];
  return info.unit === 'share' ? `${info.label}（比例）` : `${info.label}（${info.unit}）`;
}

export function compareFileName(bodies: readonly CompareBody[], today = new Date()): string {
  const names = bodies
    .map((b) => b.organization)
    .join('-')
    .replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, '_')
    .slice(0, 60);
  return `nianbao-比较-${names}-${today.toISOString().slice(0, 10).replace(/-/g, '')}.csv`;
}
