import type { Level } from '../report/schema';
import type { CoverageDivision } from './region';

/**
 * The coverage grid, pure: for each child division and year, whether the child's own government
 * report (level = the child's division level) is in the collection, passing or failing the checks,
 * and how many other reports (its departments and other bodies) it has that year. A year without
 * a report is 已核查、未发现 (`checked`) when the harvester crawled a column that covers the
 * division after that year had ended, and 未收录 (`missing`) otherwise: only a checked column lets
 * one say a report was not published.
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

type CellStatus = 'present' | 'failed' | 'checked' | 'missing';

/** A harvest source's column crawled at `checkedAt` (lib/harvest/store.ts SourceCheck). */
export interface CoverageCheck {
  checkedAt: string;
  code?: string;
  name?: string;
  scope: 'body' | 'region';
  failed: boolean;
}

export interface CoverageCell {
  year: number;
  status: CellStatus;
  /** The own report to link to (a passing one when there are several). */
  reportId: string | null;
  /** Own reports found that year (more than one: duplicates or several government bodies). */
  ownReports: number;
  /** All other reports of the child that year. */
  otherReports: number;
  /** For `checked`: when the column was crawled (YYYY-MM-DD). */
  checkedAt: string | null;
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
  /** Children whose column was checked and held no report of the year. */
  checked: number;
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
/**
 * The latest successful check of a column that covers `division`: a body column with its code or
 * its government's name, or a region column of a place that contains it.
 */
function latestCheckOf(division: CoverageDivision, checks: readonly CoverageCheck[]): string | null {
  let latest: string | null = null;
  for (const check of checks) {
    if (check.failed) continue;
    const byCode = check.code ? (check.scope === 'region' ? division.code.startsWith(check.code) : check.code === division.code) : false;
    const byName = !check.code && check.name ? check.name.startsWith(division.name) || check.name.includes(`${division.name}人民政府`) : false;
    if ((byCode || byName) && (!latest || check.checkedAt > latest)) latest = check.checkedAt;
  }
  return latest;
}

export function buildCoverageGrid(
  children: readonly CoverageDivision[],
  years: readonly number[],
  own: readonly OwnReport[],
  reportsByYear: ReadonlyMap<number, Partial<Record<string, Record<string, number>>>>,
  checks: readonly CoverageCheck[] = [],
): CoverageGrid {
  const ownBy = new Map<string, OwnReport[]>();
  for (const report of own) {
    const key = `${report.level}|${report.place}|${report.year}`;
    const list = ownBy.get(key);
    if (list) list.push(report);
    else ownBy.set(key, [report]);
  }
  const rows = children.map((division) => {
    const checkedAt = latestCheckOf(division, checks);
    return {
      division,
      cells: years.map((year): CoverageCell => {
        const mine = ownBy.get(`${division.level}|${division.name}|${year}`) ?? [];
        const passing = mine.find((r) => !r.hasFailedChecks);
        const total = reportsByYear.get(year)?.[division.level]?.[division.name] ?? 0;
        // A year's report can only be looked for once the year is over.
        const checked = mine.length === 0 && checkedAt !== null && Number(checkedAt.slice(0, 4)) > year;
        return {
          year,
          status: mine.length > 0 ? (passing ? 'present' : 'failed') : checked ? 'checked' : 'missing',
          reportId: (passing ?? mine[0])?.id ?? null,
          ownReports: mine.length,
          otherReports: Math.max(0, total - mine.length),
          checkedAt: checked ? checkedAt.slice(0, 10) : null,
        };
      }),
    };
  });
  const summary = years.map((year, i) => ({
    year,
    published: rows.filter((r) => r.cells[i].status === 'present' || r.cells[i].status === 'failed').length,
    failed: rows.filter((r) => r.cells[i].status === 'failed').length,
    checked: rows.filter((r) => r.cells[i].status === 'checked').length,
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
