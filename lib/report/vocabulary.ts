/**
 * The fixed vocabularies of a report (levels, templates, region fields, outcome, review and
 * channel keys), without zod: browser code imports them (a chart's series, a picker's labels)
 * and must not pull the validator in with them. schema.ts builds its enums from these.
 */

export const LEVELS = [
  'township',
  'county',
  'county_department',
  'city',
  'city_department',
  'province',
  'province_department',
  'central_department',
  'other',
] as const;
export type Level = (typeof LEVELS)[number];

export const TEMPLATES = ['2021', '2019', 'pre2019', 'unknown'] as const;
export type Template = (typeof TEMPLATES)[number];

/** The place of a report, province first: the four region fields of the document. */
export const REGION_FIELDS = ['province', 'city', 'county', 'township'] as const;
export type RegionField = (typeof REGION_FIELDS)[number];

/** The six outcome groups of table 三 （一）…（六）, as the figures name them. */
export const OUTCOME_KEYS = ['granted', 'partiallyGranted', 'refused', 'unableToProvide', 'notProcessed', 'otherProcessed'] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/** Reconsiderations and lawsuits (table 四) and those that ended corrected. */
export const REVIEW_KEYS = ['reconsiderations', 'reconsiderationsCorrected', 'lawsuits', 'lawsuitsCorrected'] as const;
export type ReviewKey = (typeof REVIEW_KEYS)[number];

export const CHANNELS = ['website', 'wechat', 'weibo', 'bulletinBoard', 'gazette', 'newMedia', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
