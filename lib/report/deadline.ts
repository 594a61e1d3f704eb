import type { Level } from './schema';

/**
 * When a report had to be published (条例 第四十九条, DOMAIN.md): since the 2019 revision,
 * departments of governments at county level and above publish by 31 January of the next year
 * and each government's own report is due by 31 March; before 2019 every report was due by
 * 31 March. Reports for 2019 were the first published under the revised rules.
 */

const REVISED_RULES_FROM_YEAR = 2019;

const DEPARTMENTS: ReadonlySet<Level> = new Set(['county_department', 'city_department', 'province_department', 'central_department']);
const GOVERNMENTS: ReadonlySet<Level> = new Set(['township', 'county', 'city', 'province']);

export type Timeliness =
  /** Published on or before the deadline. */
  | { status: 'on-time'; deadline: string }
  | { status: 'late'; deadline: string; daysLate: number }
  /** The deadline is known but the report's date could not be read. */
  | { status: 'no-date'; deadline: string }
  /** Year or level unknown (or a body such as a 开发区管委会 whose rule is unclear). */
  | { status: 'unknown'; deadline: null };

/** The last day to publish the report for `year`, as YYYY-MM-DD; null when the rule is unclear. */
export function publicationDeadline(year: number | null, level: Level | null): string | null {
  if (year === null) return null;
  const next = year + 1;
  if (year < REVISED_RULES_FROM_YEAR) return `${next}-03-31`;
  if (level === null) return null;
  if (DEPARTMENTS.has(level)) return `${next}-01-31`;
  if (GOVERNMENTS.has(level)) return `${next}-03-31`;
  return null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

export function timeliness(report: { year: number | null; level: Level | null; publishedAt: string | null }): Timeliness {
  const deadline = publicationDeadline(report.year, report.level);
  if (deadline === null) return { status: 'unknown', deadline: null };
  if (!report.publishedAt || Number.isNaN(dayNumber(report.publishedAt))) return { status: 'no-date', deadline };
  const daysLate = dayNumber(report.publishedAt) - dayNumber(deadline);
  return daysLate <= 0 ? { status: 'on-time', deadline } : { status: 'late', deadline, daysLate };
}
