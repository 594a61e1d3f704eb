import type { YearFigures } from '../document/indexed-report';
import type { Check } from '../report/schema';

/**
 * DOMAIN.md rule 5, across the reports of one body: this year's 上年结转 equals last year's
 * 结转下年度, and this year's 现行有效件数 equals last year's + 本年制发 − 本年废止.
 *
 * Memory: the indexer keeps only these few figures per report (not the documents), then sends
 * the results as partial updates once every file has been read — a second, small pass.
 */

export interface YearEntry {
  id: string;
  year: number;
  figures: YearFigures;
  /** Failed checks of the report itself (rules 1–4, 6). */
  failedChecks: number;
  /** The cross-year checks the index holds now, as JSON, to send only what changed. */
  storedChecks: string;
}

export interface CrossYearUpdate {
  id: string;
  crossYearChecks: Check[];
  failedChecksTotal: number;
  hasFailedChecks: boolean;
}

const INFORCE_ROWS = [
  ['regulations', '规章'],
  ['normativeDocuments', '行政规范性文件'],
] as const;

/** The checks of `current` against `previous` (the same body's report one year earlier). */
export function crossYearChecks(current: YearEntry, previous: YearEntry): Check[] {
  const checks: Check[] = [];
  const prev = previous.year;
  const ref = (cell: string) => `${previous.id}:${cell}`;

  const carriedOver = current.figures.carriedOver;
  const lastForward = previous.figures.carriedForward;
  if (carriedOver !== null && lastForward !== null) {
    const passed = carriedOver === lastForward;
    checks.push({
      rule: 5,
      scope: '跨年度·表三总计列',
      passed,
      message: passed
        ? `本年上年结转 ${carriedOver} 件，等于 ${prev} 年报告的结转下年度 ${lastForward} 件。`
        : `本年上年结转为 ${carriedOver} 件，但 ${prev} 年报告的结转下年度为 ${lastForward} 件。`,
      cells: ['t3.carriedOver.total', ref('t3.carriedForward.total')],
    });
  }

  for (const [key, label] of INFORCE_ROWS) {
    const now = current.figures[key];
    const before = previous.figures[key];
    if (!now || !before) continue;
    const [issued, repealed, inForce] = now;
    const lastInForce = before[2];
    if (issued === null || repealed === null || inForce === null || lastInForce === null) continue;
    const expected = lastInForce + issued - repealed;
    const passed = expected === inForce;
    const sum = `${prev} 年现行有效 ${lastInForce} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}`;
    checks.push({
      rule: 5,
      scope: `跨年度·表二${label}`,
      passed,
      message: passed ? `${label}：${sum}，等于本年现行有效件数。` : `${label}：${sum}，但本年现行有效件数为 ${inForce}。`,
      cells: [ref(`t2.${key}.inForce`), `t2.${key}.issued`, `t2.${key}.repealed`, `t2.${key}.inForce`],
    });
  }
  return checks;
}

/** Figures per body and year; bodies and years must be known and each (body, year) held once. */
export class CrossYearTracker {
  readonly #bodies = new Map<string, Map<number, YearEntry>>();

  set(bodyKey: string, entry: YearEntry): void {
    let years = this.#bodies.get(bodyKey);
    if (!years) {
      years = new Map();
      this.#bodies.set(bodyKey, years);
    }
    years.set(entry.year, entry);
  }

  get(bodyKey: string, year: number): YearEntry | undefined {
    return this.#bodies.get(bodyKey)?.get(year);
  }

  delete(bodyKey: string, year: number, id: string): void {
    const years = this.#bodies.get(bodyKey);
    if (years?.get(year)?.id === id) years.delete(year);
  }

  /** Forgets reports that did not make it into the index after all (a refused batch). */
  deleteIds(ids: ReadonlySet<string>): void {
    for (const years of this.#bodies.values()) {
      for (const [year, entry] of years) if (ids.has(entry.id)) years.delete(year);
    }
  }

  /** Every report whose stored cross-year checks differ from what they should be now. */
  *updates(): Generator<CrossYearUpdate> {
    for (const years of this.#bodies.values()) {
      for (const entry of years.values()) {
        const previous = years.get(entry.year - 1);
        const checks = previous ? crossYearChecks(entry, previous) : [];
        const json = JSON.stringify(checks);
        if (json === entry.storedChecks) continue;
        const failedChecksTotal = entry.failedChecks + checks.filter((c) => !c.passed).length;
        yield { id: entry.id, crossYearChecks: checks, failedChecksTotal, hasFailedChecks: failedChecksTotal > 0 };
      }
    }
  }

  /** How many reports have a previous year to compare with, and how many of them fail a check. */
  summary(): { compared: number; failed: number } {
    let compared = 0;
    let failed = 0;
    for (const years of this.#bodies.values()) {
      for (const entry of years.values()) {
        const previous = years.get(entry.year - 1);
        if (!previous) continue;
        const checks = crossYearChecks(entry, previous);
        if (checks.length === 0) continue;
        compared++;
        if (checks.some((c) => !c.passed)) failed++;
      }
    }
    return { compared, failed };
  }
}
