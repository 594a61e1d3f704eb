/**
 * Deliberate breaks of one DOMAIN.md rule, each confined to that rule: the other table rules keep
 * holding, so a checker that flags the wrong rule is caught too.
 */
import { applicationRuleFailures, reviewRuleFailures, type YearFigures } from './figures';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, TOTAL_COLUMN } from './labels';
import type { Rng } from './random';

type InjectedRule = 1 | 2 | 3 | 4 | 6;

export interface Inconsistency {
  rule: InjectedRule;
  /** In plain words, for whoever reads the manifest. */
  detail: string;
  /** Cells as "t3.<rowKey>.<column>" / "t4.<group>.<column>" / "prose.applications". */
  cells: string[];
}

function row(figures: YearFigures, key: string) {
  const r = figures.applications!.rows.find((x) => x.def.key === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
}

const columnName = (c: number) => APPLICANT_COLUMNS[c];

/** Breaks rule 1 (新收 + 上年结转 = 总计 + 结转下年度) in one applicant column and the 总计 column. */
function breakRule1(rng: Rng, figures: YearFigures): Inconsistency {
  const forward = row(figures, 'carriedForward');
  const c = rng.chance(0.7) ? 0 : rng.int(1, 5);
  const k = forward.values[c] > 0 && rng.chance(0.5) ? -rng.int(1, forward.values[c]) : rng.int(1, 5);
  forward.values[c] += k;
  forward.values[TOTAL_COLUMN] += k;
  return {
    rule: 1,
    detail: `结转下年度 changed by ${k} in ${columnName(c)} and 总计: 第一项加第二项之和 no longer equals 第三项加第四项之和`,
    cells: [`t3.carriedForward.${c}`, `t3.carriedForward.${TOTAL_COLUMN}`],
  };
}

/** Breaks rule 2 (（七）总计 = sum of outcome rows): one outcome cell and its row total move together. */
function breakRule2(rng: Rng, figures: YearFigures): Inconsistency {
  const outcomes = figures.applications!.rows.filter((r) => r.def.outcome);
  const target = rng.pick(outcomes);
  const c = rng.chance(0.7) ? 0 : rng.int(1, 5);
  const k = target.values[c] > 0 && rng.chance(0.4) ? -rng.int(1, target.values[c]) : rng.int(1, 6);
  target.values[c] += k;
  target.values[TOTAL_COLUMN] += k;
  return {
    rule: 2,
    detail: `${target.def.label} changed by ${k} in ${columnName(c)} and 总计: （七）总计 no longer equals the sum of the outcome rows`,
    cells: [`t3.${target.def.key}.${c}`, `t3.${target.def.key}.${TOTAL_COLUMN}`],
  };
}

/** Breaks rule 3 (总计 column = sum of the six applicant columns) without touching rules 1 and 2. */
function breakRule3(rng: Rng, figures: YearFigures): Inconsistency {
  const outcomes = figures.applications!.rows.filter((r) => r.def.outcome);
  for (const c of [0, 1, 5]) {
    const donors = outcomes.filter((r) => r.values[c] > 0);
    if (donors.length > 0) {
      // Move figures between two outcome rows of one column: the column still adds up (rules 1, 2),
      // but neither row's 总计 matches its applicant columns any more.
      const from = rng.pick(donors);
      const to = rng.pick(outcomes.filter((r) => r !== from));
      const k = rng.int(1, from.values[c]);
      from.values[c] -= k;
      to.values[c] += k;
      return {
        rule: 3,
        detail: `${k} moved from ${from.def.label} to ${to.def.label} in ${columnName(c)} without changing their 总计 column`,
        cells: [`t3.${from.def.key}.${c}`, `t3.${to.def.key}.${c}`],
      };
    }
  }
  // An all-zero table: add the same amount to 新收 and 结转下年度 of one applicant column only.
  const c = rng.int(0, 5);
  const k = rng.int(1, 3);
  row(figures, 'newReceived').values[c] += k;
  row(figures, 'carriedForward').values[c] += k;
  return {
    rule: 3,
    detail: `${columnName(c)} of 新收 and 结转下年度 raised by ${k} without changing their 总计 column`,
    cells: [`t3.newReceived.${c}`, `t3.carriedForward.${c}`],
  };
}

/** Breaks rule 4 (总计 = 维持 + 纠正 + 其他 + 尚未审结) in one group of table 四. */
function breakRule4(rng: Rng, figures: YearFigures): Inconsistency {
  const g = rng.weighted([
    [0, 3],
    [1, 1],
    [2, 1],
  ] as const);
  const group = figures.review!.groups[g];
  const changeTotal = rng.chance(0.5);
  const col = changeTotal ? 4 : rng.int(0, 3);
  const k = group[col] > 0 && rng.chance(0.5) ? -1 : rng.int(1, 3);
  group[col] += k;
  return {
    rule: 4,
    detail: `${REVIEW_GROUPS[g]} ${REVIEW_COLUMNS[col]} changed by ${k}: 总计 no longer equals 维持 + 纠正 + 其他 + 尚未审结`,
    cells: [`t4.${g}.${col}`],
  };
}

/** Injects a break of one of rules 1–4 (chosen at random) into figures that have tables 三 and 四. */
export function injectTableInconsistency(rng: Rng, figures: YearFigures): Inconsistency {
  const rule = rng.pick([1, 2, 3, 4] as const);
  const result =
    rule === 1 ? breakRule1(rng, figures) : rule === 2 ? breakRule2(rng, figures) : rule === 3 ? breakRule3(rng, figures) : breakRule4(rng, figures);
  assertOnlyRuleBroken(figures, rule);
  return result;
}

/** The generator's own guard: the injected rule fails and no other table rule does. */
function assertOnlyRuleBroken(figures: YearFigures, rule: 1 | 2 | 3 | 4): void {
  const f = applicationRuleFailures(figures.applications!);
  const broken = {
    1: f.rule1.length > 0,
    2: f.rule2.length > 0,
    3: f.rule3.length > 0,
    4: reviewRuleFailures(figures.review!).length > 0,
  };
  for (const r of [1, 2, 3, 4] as const) {
    if (broken[r] !== (r === rule)) throw new Error(`injecting rule ${rule} left rule ${r} ${broken[r] ? 'broken' : 'intact'}`);
  }
}
