import type { Level } from '../report/schema';
import type { CoverageDivision } from './region';

/**
 * The coverage grid, pure: for each child division and year, whether the child's own government
 * report (level = the child's division level) is in the collection, passing or failing the checks,
 * and how many other reports (its departments and other bodies) it has that year.
 */

/** A report of a child's own government, as the index returns it. */
export interface OwnReport {
  id: string;
  year: number;
  level: Level;
  /** The child's name in the field of its level (province/city/county/township). */
  place: string;
  hasFailedChecks: boolean;
  organization: string | null;
}

type CellStatus = 'present' | 'failed' | 'missing';

export interface CoverageCell {
  year: number;
  status: CellStatus;
  /** The own report to link to (a passing one when there are several). */
  reportId: string | null;
  /** Own reports found that year (more than one: duplicates or several government bodies). */
  ownReports: number;
  /** All other reports of the child that year. */
  otherReports: number;
}

export interface CoverageRow {
  division: CoverageDivision;
  cells: CoverageCell[];
}

interface CoverageYearSummary {
  year: number;
  /** Children whose own report is in the collection (passing or not). */
  published: number;
  failed: number;
  children: number;
}

export interface CoverageGrid {
  years: number[];
  rows: CoverageRow[];
  summary: CoverageYearSummary[];
}

/**
 * `reportsByYear[year][level][place]`: all reports of a place that year (from facet counts),
 * own reports included; the other-report count is what is left after the own reports.
 */
export function buildCoverageGrid(
  children: readonly CoverageDivision[],
  years: readonly number[],
  own: readonly OwnReport[],
  reportsByYear: ReadonlyMap<number, Partial<Record<string, Record<string, number>>>>,
): CoverageGrid {
  const ownBy = new Map<string, OwnReport[]>();
  for (const report of own) {
    const key = `${report.level}|${report.place}|${report.year}`;
    const list = ownBy.get(key);
    if (list) list.push(report);
    else ownBy.set(key, [report]);
  }
  const rows = children.map((division) => ({
    division,
    cells: years.map((year): CoverageCell => {
      const mine = ownBy.get(`${division.level}|${division.name}|${year}`) ?? [];
      const passing = mine.find((r) => !r.hasFailedChecks);
      const total = reportsByYear.get(year)?.[division.level]?.[division.name] ?? 0;
      return {
        year,
        status: mine.length === 0 ? 'missing' : passing ? 'present' : 'failed',
        reportId: (passing ?? mine[0])?.id ?? null,
        ownReports: mine.length,
        otherReports: Math.max(0, total - mine.length),
      };
    }),
  }));
  const summary = years.map((year, i) => ({
    year,
    published: rows.filter((r) => r.cells[i].status !== 'missing').length,
    failed: rows.filter((r) => r.cells[i].status === 'failed').length,
    children: rows.length,
  }));
  return { years: [...years], rows, summary };
}

/** The last `count` years up to the latest one present (years without reports included). */
export function defaultYears(present: readonly number[], count = 6): number[] {
  if (present.length === 0) return [];
  const latest = Math.max(...present);
  return Array.from({ length: count }, (_, i) => latest - count + 1 + i);
}
