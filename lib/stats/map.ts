import type { MapMetric } from '../search/params';
import type { RegionStats } from './types';

/**
 * The figures a province map can show, each a number per province from the region breakdown of
 * /stats (lib/stats/types.ts RegionStats), and the classes a choropleth colours them in.
 */

export const MAP_METRIC_INFO: Record<MapMetric, { label: string; share: boolean }> = {
  reports: { label: '报告数', share: false },
  applications: { label: '每份报告的新收申请', share: false },
  failed: { label: '校验未通过率', share: true },
  ontime: { label: '按时发布率', share: true },
};

/** One province's value of a metric; null when nothing it rests on is known. */
export function metricValue(row: RegionStats, metric: MapMetric): number | null {
  switch (metric) {
    case 'reports':
      return row.reports;
    case 'applications':
      return row.applicationsNew.reports > 0 ? row.applicationsNew.sum / row.applicationsNew.reports : null;
    case 'failed':
      return row.quality.reports > 0 ? row.quality.failed / row.quality.reports : null;
    case 'ontime':
      return row.quality.dated > 0 ? (row.quality.dated - row.quality.late) / row.quality.dated : null;
  }
}

export interface MapClass {
  from: number;
  to: number;
}

/**
 * Up to `count` classes of equal width between the smallest and the largest value (rounded to
 * whole numbers for counts): people read equal steps more easily than quantiles on a map of 34.
 */
export function mapClasses(values: ReadonlyArray<number | null>, count = 5, whole = false): MapClass[] {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return [];
  const min = Math.min(...known);
  const max = Math.max(...known);
  if (min === max) return [{ from: min, to: max }];
  const step = (max - min) / count;
  return Array.from({ length: count }, (_, i) => {
    const from = min + step * i;
    const to = i === count - 1 ? max : min + step * (i + 1);
    return whole ? { from: Math.round(from), to: Math.round(to) } : { from, to };
  });
}

/** The class a value falls in (its index), or -1 for no data. */
export function classOf(value: number | null, classes: readonly MapClass[]): number {
  if (value === null || classes.length === 0) return -1;
  for (let i = classes.length - 1; i >= 0; i--) if (value >= classes[i]!.from) return i;
  return 0;
}
