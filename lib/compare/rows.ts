import { sumKnown } from '../report/rates';
import { OUTCOME_KEYS, REVIEW_KEYS } from '../report/vocabulary';
import { type YearChange, yearChange } from '../report/year-change';
import { type BodyYearFigures, COMPARE_FIGURES, type CompareFigure, FIGURE_INFO, isShare } from './figures';
import type { CompareBody } from './queries';

/**
 * The compare table's rows, pure: one row per body and year, each figure with its change against
 * the same body's previous year (only when that year is the one just before), and a summary per
 * body over all its years with the rates computed from the sums.
 */

export interface CompareRow {
  /** Stable row id: body index and year. */
  id: string;
  bodyIndex: number;
  bodyKey: string;
  organization: string;
  year: number;
  reportId: string;
  values: Record<CompareFigure, number | null>;
  /** Change against the previous year; for rates in percentage points (delta ×100 in `percent` is null). */
  changes: Record<CompareFigure, YearChange | null>;
}

function figureValues(figures: BodyYearFigures): Record<CompareFigure, number | null> {
  return Object.fromEntries(COMPARE_FIGURES.map((f) => [f, FIGURE_INFO[f].value(figures)])) as Record<CompareFigure, number | null>;
}

function rateChange(current: number | null, previous: number | null | undefined): YearChange | null {
  if (current === null || previous === null || previous === undefined) return null;
  // Percentage points, one decimal; no percent-of-a-percent.
  return { delta: Math.round((current - previous) * 1000) / 10, percent: null };
}

export function compareRows(bodies: readonly CompareBody[]): CompareRow[] {
  const rows: CompareRow[] = [];
  bodies.forEach((body, bodyIndex) => {
    let previous: { year: number; values: Record<CompareFigure, number | null> } | null = null;
    for (const entry of body.years) {
      const values = figureValues(entry.figures);
      const adjacent = previous && previous.year === entry.year - 1 ? previous.values : null;
      const changes = Object.fromEntries(
        COMPARE_FIGURES.map((f) => [f, adjacent ? (isShare(f) ? rateChange(values[f], adjacent[f]) : yearChange(values[f], adjacent[f])) : null]),
      ) as Record<CompareFigure, YearChange | null>;
      rows.push({
        id: `${bodyIndex}-${entry.year}`,
        bodyIndex,
        bodyKey: body.key,
        organization: body.organization,
        year: entry.year,
        reportId: entry.reportId,
        values,
        changes,
      });
      previous = { year: entry.year, values };
    }
  });
  // Year by year, the bodies side by side in the order picked.
  return rows.sort((a, b) => a.year - b.year || a.bodyIndex - b.bodyIndex);
}

/** A body's figures summed over its years (null sums stay null), so its rates cover them all. */
export function summedFigures(body: CompareBody): BodyYearFigures {
  const sum = (pick: (f: BodyYearFigures) => number | null) => sumKnown(body.years.map((y) => pick(y.figures)));
  return {
    proactiveTotal: sum((f) => f.proactiveTotal),
    applicationsNew: sum((f) => f.applicationsNew),
    outcomes: Object.fromEntries(OUTCOME_KEYS.map((k) => [k, sum((f) => f.outcomes[k])])) as BodyYearFigures['outcomes'],
    review: Object.fromEntries(REVIEW_KEYS.map((k) => [k, sum((f) => f.review[k])])) as BodyYearFigures['review'],
    failedChecks: body.years.reduce((n, y) => n + y.figures.failedChecks, 0),
  };
}

/** Every year any of the bodies reported, ascending. */
function yearsOf(bodies: readonly CompareBody[]): number[] {
  return [...new Set(bodies.flatMap((b) => b.years.map((y) => y.year)))].sort((a, b) => a - b);
}

/** The chart's data: one point per year, one key per body index (`b0`, `b1`…); missing years are null. */
export function chartSeries(bodies: readonly CompareBody[], figure: CompareFigure): Array<Record<string, number | null>> {
  return yearsOf(bodies).map((year) => {
    const point: Record<string, number | null> = { year };
    bodies.forEach((body, i) => {
      const entry = body.years.find((y) => y.year === year);
      point[`b${i}`] = entry ? FIGURE_INFO[figure].value(entry.figures) : null;
    });
    return point;
  });
}
