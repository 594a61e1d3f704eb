import type { Channel, OutcomeKey, RegionField, ReviewKey } from '../report/schema';

/**
 * What `/api/stats` answers and the `/stats` page draws: sums of the reports' stated figures for
 * the reports a search matches (same URL parameters as the search), per year and per region one
 * level below the current region filter. How they are computed: lib/document/rollup.ts.
 */

/** A summed figure and how many of the reports state it (a null figure is not a zero). */
export interface FigureSum {
  sum: number;
  reports: number;
}

/** Data quality: reports failing the arithmetic checks, and publication against the deadline. */
export interface QualityCounts {
  reports: number;
  /** Reports with at least one failed check (rules 1–6). */
  failed: number;
  /** Reports whose publication date and deadline are both known (lib/report/deadline.ts). */
  dated: number;
  /** Of `dated`, published after the deadline. */
  late: number;
}

export interface YearStats {
  year: number;
  reports: number;
  proactive: { total: FigureSum; byChannel: Record<Channel, FigureSum> };
  applications: { newReceived: FigureSum; outcomes: Record<OutcomeKey, FigureSum> };
  review: Record<ReviewKey, FigureSum>;
  quality: QualityCounts;
}

export interface RegionStats {
  /** The region's name as the facet stores it (a link target for the next drill-down). */
  name: string;
  reports: number;
  applicationsNew: FigureSum;
  proactiveTotal: FigureSum;
  quality: QualityCounts;
}

export interface StatsResult {
  /** The canonical query string of the filters (lib/search/params.ts), '' when none. */
  query: string;
  /** Reports matched by the filters (all years, also those of unknown year). */
  reports: number;
  /** Reports of unknown year: counted in `reports` and the regions, absent from `years`. */
  reportsWithoutYear: number;
  /** Ascending by year; only years with at least one report. */
  years: YearStats[];
  /** Breakdown one level below the deepest region filter; null below a township. */
  regions: { field: RegionField; rows: RegionStats[] } | null;
  /** The whole selection's data quality. */
  quality: QualityCounts;
}

/** Below this many reports a figure is labelled as a small sample. */
export const SMALL_SAMPLE = 5;
