/** DOMAIN.md rules 1–4, checked on the generator's own figures (tests and the injector use them). */
import type { ApplicationFigures, ReviewFigures } from './figures';
import { REVIEW_GROUPS, TOTAL_COLUMN } from './labels';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function rowValues(figures: ApplicationFigures, key: string): number[] {
  const row = figures.rows.find((r) => r.def.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row.values;
}

/** DOMAIN.md rules 1–3 on table 三: the failing columns (rules 1, 2) and rows (rule 3). */
export function applicationRuleFailures(figures: ApplicationFigures): { rule1: number[]; rule2: number[]; rule3: string[] } {
  const newReceived = rowValues(figures, 'newReceived');
  const carriedOver = rowValues(figures, 'carriedOver');
  const total = rowValues(figures, 'total');
  const forward = rowValues(figures, 'carriedForward');
  const outcomes = figures.rows.filter((r) => r.def.outcome);
  const rule1: number[] = [];
  const rule2: number[] = [];
  for (let c = 0; c <= TOTAL_COLUMN; c++) {
    if (newReceived[c] + carriedOver[c] !== total[c] + forward[c]) rule1.push(c);
    if (sum(outcomes.map((r) => r.values[c])) !== total[c]) rule2.push(c);
  }
  const rule3 = figures.rows.filter((r) => sum(r.values.slice(0, TOTAL_COLUMN)) !== r.values[TOTAL_COLUMN]).map((r) => r.def.key);
  return { rule1, rule2, rule3 };
}

/** DOMAIN.md rule 4 on table 四: the groups whose 总计 is not the sum of the four results. */
export function reviewRuleFailures(review: ReviewFigures): string[] {
  const failing: string[] = [];
  review.groups.forEach((g, i) => {
    if (g[0] + g[1] + g[2] + g[3] !== g[4]) failing.push(REVIEW_GROUPS[i]);
  });
  return failing;
}
