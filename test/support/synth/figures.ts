/**
 * The figures of one synthetic report: tables 二/三/四 (or the pre-2019 统计表) and the proactive
 * disclosure counts, sized by the body's level. Generated consistent (DOMAIN.md rules 1–4 hold,
 * rule 5 holds against the body's previous year); inconsistencies are injected afterwards
 * (inconsistencies.ts) so the ground truth says exactly which rule was broken.
 */

import { APPLICATION_ROWS_2019, APPLICATION_ROWS_2021, type ApplicationRowDef, REVIEW_GROUPS } from './labels';
import { generateLegacy, type LegacyFigures } from './legacy';
import type { SynthLevel } from './organizations';
import { type Rng, splitByWeight } from './random';
import { SCALES, type Scale } from './scales';

export type TemplateId = '2021' | '2019' | 'pre2019';

interface ApplicationRow {
  def: ApplicationRowDef;
  /** Seven figures: the six applicant columns, then 总计. */
  values: number[];
}

export interface ApplicationFigures {
  template: '2021' | '2019';
  rows: ApplicationRow[];
}

/** 表四: three groups (复议, 直接起诉, 复议后起诉) × 维持 纠正 其他 尚未审结 总计. */
export interface ReviewFigures {
  groups: number[][];
}

interface Disclosure2021 {
  template: '2021';
  /** 本年制发件数, 本年废止件数, 现行有效件数 */
  regulations: [number, number, number];
  normative: [number, number, number];
  licensing: number;
  punishment: number;
  enforcement: number;
  /** 万元 */
  fees: number;
}

interface Disclosure2019 {
  template: '2019';
  /** 本年新制作数量, 本年新公开数量, 对外公开总数量 */
  regulations: [number, number, number];
  normative: [number, number, number];
  /** 上一年项目数量, 本年增/减, 处理决定数量 */
  licensing: [number, number, number];
  otherServices: [number, number, number];
  punishment: [number, number, number];
  enforcement: [number, number, number];
  /** 上一年项目数量, 本年增/减 */
  fees: [number, number];
  /** 采购项目数量, 采购总金额（万元） */
  procurement: [number, number];
}

export type DisclosureFigures = Disclosure2021 | Disclosure2019;

export interface ProactiveFigures {
  total: number;
  website: number;
  wechat: number | null;
  weibo: number | null;
  bulletinBoard: number | null;
}

export interface YearFigures {
  template: TemplateId;
  proactive: ProactiveFigures;
  disclosure: DisclosureFigures | null;
  applications: ApplicationFigures | null;
  review: ReviewFigures | null;
  /** The pre-2019 统计表 figures (null for 2019+ templates). */
  legacy: LegacyFigures | null;
  /** Whether the report prints its 统计表: the earliest pre-2019 reports are prose only. */
  statisticsTable: boolean;
  /** 信息处理费 collected, in 元 (0 for most bodies). */
  feesYuan: number;
}

/** What carries over from one year's report of a body to the next. */
export interface BodyState {
  year: number;
  template: TemplateId;
  carriedForward: number[] | null;
  activeRegulations: number | null;
  activeNormative: number | null;
}

export interface Continuity {
  carriedOver: 'kept' | 'broken';
  activeDocuments: 'kept' | 'broken' | null;
}

/** Share of new applications by applicant column (自然人 … 其他). */
const APPLICANT_WEIGHTS = [85, 7, 0.6, 0.6, 2.5, 4.3];

const OUTCOME_WEIGHTS: Record<string, number> = {
  granted: 40,
  partiallyGranted: 10,
  refusedStateSecret: 0.3,
  refusedProhibited: 0.8,
  refusedSecurity: 0.4,
  refusedThirdParty: 1.2,
  refusedInternal: 1.5,
  refusedProcess: 1.8,
  refusedEnforcement: 0.6,
  refusedQuery: 1,
  unableNotHeld: 22,
  unableNeedsCreation: 2.5,
  unableUnclear: 1.5,
  notProcessedPetition: 2.5,
  notProcessedRepeated: 1.5,
  notProcessedPublication: 0.5,
  notProcessedMassRepeated: 0.3,
  notProcessedConfirmation: 0.6,
  otherNoCorrection: 3,
  otherUnpaidFee: 0.3,
  otherOther: 3,
  otherProcessed: 6.3,
};

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Applicant columns plus the 总计 column. */
function withTotal(values: number[]): number[] {
  return [...values, sum(values)];
}

function generateApplications(rng: Rng, scale: Scale, template: '2021' | '2019', carriedOver: number[]): ApplicationFigures {
  const defs = template === '2021' ? APPLICATION_ROWS_2021 : APPLICATION_ROWS_2019;
  const newTotal = rng.chance(scale.noApplications) ? 0 : rng.logInt(scale.applications[0], scale.applications[1]);
  const received = splitByWeight(rng, newTotal, APPLICANT_WEIGHTS);
  const pool = received.map((n, c) => n + carriedOver[c]);
  const forward = pool.map((p) => (p > 0 && rng.chance(0.35) ? rng.int(0, Math.ceil(p * 0.08)) : 0));
  const outcomeDefs = defs.filter((d) => d.outcome);
  const outcomeWeights = outcomeDefs.map((d) => OUTCOME_WEIGHTS[d.key] ?? 1);
  // outcomes[column][row]
  const outcomes = pool.map((p, c) => splitByWeight(rng, p - forward[c], outcomeWeights));

  const rows: ApplicationRow[] = defs.map((def) => {
    let values: number[];
    if (def.key === 'newReceived') values = received;
    else if (def.key === 'carriedOver') values = carriedOver;
    else if (def.key === 'carriedForward') values = forward;
    else if (def.key === 'total') values = pool.map((p, c) => p - forward[c]);
    else {
      const i = outcomeDefs.indexOf(def);
      values = outcomes.map((column) => column[i]);
    }
    return { def, values: withTotal(values) };
  });
  return { template, rows };
}

function generateReview(rng: Rng, scale: Scale): ReviewFigures {
  const groups = REVIEW_GROUPS.map((_, g) => {
    const any = rng.chance(g === 0 ? scale.review : scale.review * 0.6);
    const total = any ? rng.logInt(1, scale.reviewMax) : 0;
    const parts = splitByWeight(rng, total, [60, 10, 20, 10]);
    return [...parts, total];
  });
  return { groups };
}

function generateProactive(rng: Rng, level: SynthLevel, scale: Scale): ProactiveFigures {
  const total = rng.logInt(scale.proactive[0], scale.proactive[1]);
  const share = (lo: number, hi: number) => Math.round(total * (lo + (hi - lo) * rng.next()));
  const local = level === 'township' || level === 'county' || level === 'other';
  return {
    total,
    website: share(0.4, 1),
    wechat: rng.chance(0.7) ? share(0.1, 0.8) : null,
    weibo: rng.chance(local ? 0.15 : 0.4) ? share(0.05, 0.5) : null,
    bulletinBoard: local && rng.chance(0.5) ? share(0.05, 0.4) : null,
  };
}

function fees(rng: Rng, range: [number, number]): number {
  if (range[1] === 0 || rng.chance(0.3)) return 0;
  return Math.round(rng.logInt(range[0] * 10, range[1] * 10)) / 10;
}

function generateDisclosure2021(rng: Rng, scale: Scale, previous: BodyState | null, breakActive: boolean): { table: Disclosure2021; continued: boolean } {
  const continued = previous?.template === '2021' && previous.activeNormative !== null;
  const docs = (active: number | null, issuedRange: [number, number]): [number, number, number] => {
    const issued = rng.int(issuedRange[0], issuedRange[1]);
    const base = continued && active !== null ? active : rng.int(issued, issued + 80);
    const repealed = rng.chance(0.6) ? 0 : rng.int(0, Math.min(base, Math.max(1, Math.round(issued / 2) + 2)));
    return [issued, repealed, Math.max(0, base + issued - repealed)];
  };
  const regulations: [number, number, number] = scale.regulations ? docs(previous?.activeRegulations ?? null, [0, 6]) : [0, 0, 0];
  const normative = docs(previous?.activeNormative ?? null, scale.normative);
  if (breakActive && continued) normative[2] += rng.chance(0.5) ? rng.int(1, 9) : -Math.min(normative[2], rng.int(1, 5)) || 3;
  const count = (range: [number, number]) => (range[0] === 0 && rng.chance(0.5) ? 0 : rng.logInt(range[0], range[1]));
  return {
    table: {
      template: '2021',
      regulations,
      normative,
      licensing: count(scale.licensing),
      punishment: count(scale.punishment),
      enforcement: Math.round(count(scale.punishment) / 20),
      fees: fees(rng, scale.fees),
    },
    continued: Boolean(continued),
  };
}

function generateDisclosure2019(rng: Rng, scale: Scale): Disclosure2019 {
  const docs = (range: [number, number]): [number, number, number] => {
    const made = rng.int(range[0], range[1]);
    const published = Math.max(0, made - (rng.chance(0.8) ? 0 : rng.int(0, made)));
    return [made, published, published + rng.int(0, 150)];
  };
  const items = (range: [number, number]): [number, number, number] => {
    const previous = range[1] === 0 ? 0 : rng.int(0, Math.min(400, Math.round(range[1] / 10) + 5));
    const delta = rng.chance(0.6) ? 0 : rng.int(-Math.min(previous, 10), 10);
    const decisions = range[0] === 0 && rng.chance(0.5) ? 0 : rng.logInt(range[0], range[1]);
    return [previous, delta, decisions];
  };
  const feeItems = rng.int(0, 12);
  return {
    template: '2019',
    regulations: scale.regulations ? docs([0, 6]) : [0, 0, 0],
    normative: docs(scale.normative),
    licensing: items(scale.licensing),
    otherServices: items([0, Math.round(scale.licensing[1] / 10)]),
    punishment: items(scale.punishment),
    enforcement: items([0, Math.round(scale.punishment[1] / 20)]),
    fees: [feeItems, rng.chance(0.7) ? 0 : -rng.int(0, feeItems)],
    procurement: rng.chance(0.5) ? [0, 0] : [rng.int(1, 80), Math.round(rng.logInt(10, 50000) * 100) / 100],
  };
}

export interface GeneratedYear {
  figures: YearFigures;
  state: BodyState;
  continuity: Continuity | null;
}

/**
 * One year of one body. `previous` is the body's state after its previous year (null for its
 * first report); `breakContinuity` makes this year's 上年结转 (or 现行有效件数) disagree with it.
 */
export function generateYear(
  rng: Rng,
  level: SynthLevel,
  year: number,
  template: TemplateId,
  previous: BodyState | null,
  breakContinuity: boolean,
): GeneratedYear {
  const scale = SCALES[level];
  const proactive = generateProactive(rng, level, scale);
  const feesYuan = rng.chance(0.03) ? rng.int(1, 40) * 10 : 0;

  if (template === 'pre2019') {
    const legacy = generateLegacy(rng, scale, proactive, feesYuan);
    const statisticsTable = year >= 2014 || rng.chance(0.3);
    return {
      figures: { template, proactive, disclosure: null, applications: null, review: null, legacy, statisticsTable, feesYuan },
      state: { year, template, carriedForward: null, activeRegulations: null, activeNormative: null },
      continuity: null,
    };
  }

  const inherited = previous && previous.year === year - 1 && previous.carriedForward ? previous.carriedForward.slice(0, 6) : null;
  let carriedOver: number[];
  let continuity: Continuity | null = null;
  let breakActive = false;
  if (inherited) {
    carriedOver = inherited.slice();
    let brokenCarry = false;
    if (breakContinuity) {
      // Break 上年结转 unless the 现行有效件数 chain is there to break instead (half of the time).
      const canBreakActive = template === '2021' && previous!.template === '2021' && previous!.activeNormative !== null;
      if (canBreakActive && rng.chance(0.5)) breakActive = true;
      else {
        const c = 0;
        carriedOver[c] = carriedOver[c] > 0 && rng.chance(0.5) ? carriedOver[c] - rng.int(1, carriedOver[c]) : carriedOver[c] + rng.int(1, 4);
        brokenCarry = true;
      }
    }
    continuity = { carriedOver: brokenCarry ? 'broken' : 'kept', activeDocuments: null };
  } else {
    carriedOver = [0, 0, 0, 0, 0, 0];
    if (rng.chance(0.3) && !rng.chance(scale.noApplications)) carriedOver[0] = rng.int(1, Math.max(1, Math.round(scale.applications[1] / 30)));
  }

  const applications = generateApplications(rng, scale, template, carriedOver);
  let disclosure: DisclosureFigures;
  if (template === '2021') {
    const d = generateDisclosure2021(rng, scale, previous && previous.year === year - 1 ? previous : null, breakActive);
    disclosure = d.table;
    if (continuity && d.continued) continuity.activeDocuments = breakActive ? 'broken' : 'kept';
  } else {
    disclosure = generateDisclosure2019(rng, scale);
  }
  const review = generateReview(rng, scale);
  const carriedForward = applications.rows.find((r) => r.def.key === 'carriedForward')!.values;
  return {
    figures: { template, proactive, disclosure, applications, review, legacy: null, statisticsTable: false, feesYuan },
    state: {
      year,
      template,
      carriedForward: carriedForward.slice(),
      activeRegulations: disclosure.template === '2021' ? disclosure.regulations[2] : null,
      activeNormative: disclosure.template === '2021' ? disclosure.normative[2] : null,
    },
    continuity,
  };
}

export type { LegacyFigures } from './legacy';
export { applicationRuleFailures, reviewRuleFailures, rowValues } from './rules';
