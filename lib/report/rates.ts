import type { OutcomeKey, ReviewKey } from './schema';

/**
 * The rates people compare bodies by, as pure functions of a report's (or a sum of reports')
 * figures. A null figure is unknown, not zero: a rate is null when nothing it rests on is known,
 * and never divides by zero (a body that decided no applications has no "share granted").
 */

export type Outcomes = Partial<Record<OutcomeKey, number | null>>;
export type Review = Partial<Record<ReviewKey, number | null>>;

/** Sum of the known values; null when none is known. */
export function sumKnown(values: ReadonlyArray<number | null | undefined>): number | null {
  let sum: number | null = null;
  for (const value of values) if (typeof value === 'number' && Number.isFinite(value)) sum = (sum ?? 0) + value;
  return sum;
}

/** All decided applications: 予以公开 + 部分公开 + 不予公开 + 无法提供 + 不予处理 + 其他处理. */
export function outcomesTotal(outcomes: Outcomes): number | null {
  return sumKnown([outcomes.granted, outcomes.partiallyGranted, outcomes.refused, outcomes.unableToProvide, outcomes.notProcessed, outcomes.otherProcessed]);
}

/** part / whole; null when either is unknown or the whole is 0. */
export function ratio(part: number | null | undefined, whole: number | null | undefined): number | null {
  if (part === null || part === undefined || whole === null || whole === undefined || whole === 0) return null;
  return part / whole;
}

/** Share granted = 予以公开 / all outcomes. */
export function shareGranted(outcomes: Outcomes): number | null {
  return ratio(outcomes.granted, outcomesTotal(outcomes));
}

/** Share refused = 不予公开 / all outcomes. */
export function shareRefused(outcomes: Outcomes): number | null {
  return ratio(outcomes.refused, outcomesTotal(outcomes));
}

/**
 * Correction rate = (复议纠正 + 诉讼纠正) / (复议 + 诉讼). Unknown (null) when the report states the
 * cases but not how many were corrected: an unstated figure is not a zero.
 */
export function correctionRate(review: Review): number | null {
  const cases = sumKnown([review.reconsiderations, review.lawsuits]);
  const corrected = sumKnown([review.reconsiderationsCorrected, review.lawsuitsCorrected]);
  return ratio(corrected, cases);
}

/** 0.4567 → "45.7%"; null → "—". */
export function formatShare(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}
