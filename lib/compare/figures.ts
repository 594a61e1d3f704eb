import { correctionRate, shareGranted, shareRefused } from '../report/rates';
import type { OutcomeKey, ReviewKey } from '../report/schema';

/**
 * The figures the compare table, chart and CSV show for one body in one year: counts as the
 * report states them (null when it does not) and rates from lib/stats/rates.ts.
 */

export interface BodyYearFigures {
  proactiveTotal: number | null;
  applicationsNew: number | null;
  outcomes: Record<OutcomeKey, number | null>;
  review: Record<ReviewKey, number | null>;
  failedChecks: number;
}

export const COMPARE_FIGURES = [
  'proactiveTotal',
  'applicationsNew',
  'granted',
  'partiallyGranted',
  'refused',
  'unableToProvide',
  'notProcessed',
  'otherProcessed',
  'reconsiderations',
  'reconsiderationsCorrected',
  'lawsuits',
  'lawsuitsCorrected',
  'failedChecks',
  'shareGranted',
  'shareRefused',
  'correctionRate',
] as const;
export type CompareFigure = (typeof COMPARE_FIGURES)[number];
export const DEFAULT_FIGURE: CompareFigure = 'applicationsNew';

export interface FigureInfo {
  label: string;
  /** 件, 条, 项 — or 'share' for a rate shown as a percentage. */
  unit: string;
  value: (f: BodyYearFigures) => number | null;
}

export const FIGURE_INFO: Record<CompareFigure, FigureInfo> = {
  proactiveTotal: { label: '主动公开', unit: '条', value: (f) => f.proactiveTotal },
  applicationsNew: { label: '新收申请', unit: '件', value: (f) => f.applicationsNew },
  granted: { label: '予以公开', unit: '件', value: (f) => f.outcomes.granted },
  partiallyGranted: { label: '部分公开', unit: '件', value: (f) => f.outcomes.partiallyGranted },
  refused: { label: '不予公开', unit: '件', value: (f) => f.outcomes.refused },
  unableToProvide: { label: '无法提供', unit: '件', value: (f) => f.outcomes.unableToProvide },
  notProcessed: { label: '不予处理', unit: '件', value: (f) => f.outcomes.notProcessed },
  otherProcessed: { label: '其他处理', unit: '件', value: (f) => f.outcomes.otherProcessed },
  reconsiderations: { label: '行政复议', unit: '件', value: (f) => f.review.reconsiderations },
  reconsiderationsCorrected: { label: '复议纠正', unit: '件', value: (f) => f.review.reconsiderationsCorrected },
  lawsuits: { label: '行政诉讼', unit: '件', value: (f) => f.review.lawsuits },
  lawsuitsCorrected: { label: '诉讼纠正', unit: '件', value: (f) => f.review.lawsuitsCorrected },
  failedChecks: { label: '校验未通过', unit: '项', value: (f) => f.failedChecks },
  shareGranted: { label: '公开率', unit: 'share', value: (f) => shareGranted(f.outcomes) },
  shareRefused: { label: '不予公开率', unit: 'share', value: (f) => shareRefused(f.outcomes) },
  correctionRate: { label: '纠错率', unit: 'share', value: (f) => correctionRate(f.review) },
};

export function isShare(figure: CompareFigure): boolean {
  return FIGURE_INFO[figure].unit === 'share';
}
