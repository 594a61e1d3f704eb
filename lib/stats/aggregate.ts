import { FLAG_DATED, FLAG_LATE, REGION_ROLLUP_FIELDS, ROLLUP_FIELD, type Summed, sumsFromDistribution } from '../document/rollup';
import { CHANNELS, type Channel, OUTCOME_KEYS, type OutcomeKey, REVIEW_KEYS, type RegionField, type ReviewKey } from '../report/schema';
import type { FigureSum, QualityCounts, RegionStats, StatsResult, YearStats } from './types';

/** What aggregate() needs of each engine answer: the total and the facet counts. */
export interface CountsReply {
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

/** A facet distribution that came back this full may be cut off: its sums cannot be trusted. */
export class TruncatedFacetError extends Error {
  constructor(readonly field: string) {
    super(`facet "${field}" reached maxValuesPerFacet: sums would be incomplete`);
    this.name = 'TruncatedFacetError';
  }
}

const NONE: Summed = { sum: 0, reports: 0 };

function figure(codes: Map<string, Summed> | undefined, code: string): FigureSum {
  const s = codes?.get(code) ?? NONE;
  return { sum: s.sum, reports: s.reports };
}

function flags(codes: Map<string, Summed> | undefined, reports: number, failed: number): QualityCounts {
  return { reports, failed, dated: codes?.get(FLAG_DATED)?.reports ?? 0, late: codes?.get(FLAG_LATE)?.reports ?? 0 };
}

function distributionOf(reply: CountsReply, field: string, maxValues: number): Record<string, number> {
  const distribution = reply.facetDistribution?.[field] ?? {};
  if (Object.keys(distribution).length >= maxValues) throw new TruncatedFacetError(field);
  return distribution;
}

/**
 * The stats of a selection from the two engine answers of lib/stats/request.ts: `all` (every
 * matching report, with the rollup counts) and `failed` (those with failed checks).
 */
export function aggregate(input: {
  query: string;
  regionFields: readonly RegionField[];
  all: CountsReply;
  failed: CountsReply;
  maxValuesPerFacet: number;
}): StatsResult {
  const { all, failed, maxValuesPerFacet: max } = input;
  const reports = all.totalHits ?? 0;
  const yearCounts = distributionOf(all, 'year', max);
  const failedYears = distributionOf(failed, 'year', max);
  const rollup = sumsFromDistribution(distributionOf(all, ROLLUP_FIELD, max));

  const years: YearStats[] = Object.entries(yearCounts)
    .map(([value, count]) => ({ year: Number(value), count }))
    .filter(({ year }) => Number.isInteger(year))
    .sort((a, b) => a.year - b.year)
    .map(({ year, count }) => {
      const codes = rollup.get(String(year));
      return {
        year,
        reports: count,
        proactive: {
          total: figure(codes, 'pt'),
          byChannel: Object.fromEntries(CHANNELS.map((c) => [c, figure(codes, `c.${c}`)])) as Record<Channel, FigureSum>,
        },
        applications: {
          newReceived: figure(codes, 'an'),
          outcomes: Object.fromEntries(OUTCOME_KEYS.map((k) => [k, figure(codes, `o.${k}`)])) as Record<OutcomeKey, FigureSum>,
        },
        review: Object.fromEntries(REVIEW_KEYS.map((k) => [k, figure(codes, `r.${k}`)])) as Record<ReviewKey, FigureSum>,
        quality: flags(codes, count, failedYears[String(year)] ?? 0),
      };
    });

  let regions: StatsResult['regions'] = null;
  for (const field of input.regionFields) {
    const counts = distributionOf(all, field, max);
    if (Object.keys(counts).length === 0) continue;
    const failedCounts = distributionOf(failed, field, max);
    const sums = sumsFromDistribution(distributionOf(all, REGION_ROLLUP_FIELDS[field], max));
    const rows: RegionStats[] = Object.entries(counts)
      .map(([name, count]) => {
        const codes = sums.get(name);
        return {
          name,
          reports: count,
          applicationsNew: figure(codes, 'an'),
          proactiveTotal: figure(codes, 'pt'),
          quality: flags(codes, count, failedCounts[name] ?? 0),
        };
      })
      .sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name, 'zh-CN'));
    regions = { field, rows };
    break;
  }

  const dated = years.reduce((n, y) => n + y.quality.dated, 0);
  const late = years.reduce((n, y) => n + y.quality.late, 0);
  const yearsTotal = years.reduce((n, y) => n + y.reports, 0);
  return {
    query: input.query,
    reports,
    reportsWithoutYear: Math.max(0, reports - yearsTotal),
    years,
    regions,
    quality: { reports, failed: failed.totalHits ?? 0, dated, late },
  };
}
