import { z } from 'zod';
import { CHANNELS, LEVELS, TEMPLATES } from './vocabulary';

/**
 * The contract of one parsed report. The indexer validates every document against it
 * before it is pushed; the UI imports the inferred types.
 */

export {
  CHANNELS,
  type Channel,
  LEVELS,
  type Level,
  OUTCOME_KEYS,
  type OutcomeKey,
  REGION_FIELDS,
  REVIEW_KEYS,
  type RegionField,
  type ReviewKey,
  TEMPLATES,
  type Template,
} from './vocabulary';

const levelSchema = z.enum(LEVELS);
const templateSchema = z.enum(TEMPLATES);
const channelSchema = z.enum(CHANNELS);

const count = z.number().int().nonnegative();
const nullableCount = count.nullable();
/** Amounts (万元) and 2019-template deltas (本年增/减) may be fractional or negative. */
const figure = z.number().finite().nullable();

/** A report id: the index's primary key (letters, digits, '-' and '_'; reportId() makes one from a hash). */
const REPORT_ID = /^[A-Za-z0-9_-]{1,511}$/;

export function isReportId(id: string): boolean {
  return REPORT_ID.test(id);
}

const proactiveSchema = z.object({
  /** The single total the report states; null when it gives only per-channel or approximate figures. */
  total: nullableCount,
  /** "500余条": an approximate figure, kept apart from the exact total. */
  approximateTotal: nullableCount,
  byChannel: z.partialRecord(channelSchema, count),
  source: z.enum(['table', 'prose']).nullable(),
});

/** 表二 主动公开政府信息情况. Keys are stable; labels are what the template prints. */
const disclosureRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  columns: z.array(z.string()),
  values: z.array(figure),
});
const disclosureTableSchema = z.object({
  template: z.enum(['2021', '2019']),
  rows: z.array(disclosureRowSchema),
});
export type DisclosureTable = z.infer<typeof disclosureTableSchema>;

/** 表三 收到和处理政府信息公开申请情况: rows × applicant columns. */
const applicationRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  group: z.string().nullable(),
  values: z.array(nullableCount),
});
const applicationTableSchema = z.object({
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(applicationRowSchema),
  /** How the figures were tied to rows: by their printed labels, or by the order of complete rows. */
  method: z.enum(['labels', 'order']),
  complete: z.boolean(),
});
export type ApplicationTable = z.infer<typeof applicationTableSchema>;

const outcomeGroupSchema = z.object({
  upheld: nullableCount,
  corrected: nullableCount,
  other: nullableCount,
  pending: nullableCount,
  total: nullableCount,
});
/** 表四 行政复议、行政诉讼. */
const reviewTableSchema = z.object({
  reconsideration: outcomeGroupSchema,
  litigationDirect: outcomeGroupSchema,
  litigationAfterReconsideration: outcomeGroupSchema,
});
export type ReviewTable = z.infer<typeof reviewTableSchema>;

/** Pre-2019 统计表 (统计指标 · 单位 · 统计数). */
const legacyStatisticSchema = z.object({
  label: z.string(),
  unit: z.string().nullable(),
  value: figure,
});

const applicationsSchema = z.object({
  /** 表三 row 一 总计; else the prose figure; 0 when the report says none were received. */
  newReceived: nullableCount,
  newReceivedSource: z.enum(['table', 'legacyTable', 'prose']).nullable(),
  carriedOver: nullableCount,
  processed: nullableCount,
  carriedForward: nullableCount,
  outcomes: z.object({
    granted: nullableCount,
    partiallyGranted: nullableCount,
    refused: nullableCount,
    unableToProvide: nullableCount,
    notProcessed: nullableCount,
    otherProcessed: nullableCount,
  }),
});

const reviewSummarySchema = z.object({
  reconsiderations: nullableCount,
  reconsiderationsCorrected: nullableCount,
  lawsuits: nullableCount,
  lawsuitsCorrected: nullableCount,
});

export const checkSchema = z.object({
  /** DOMAIN.md rule number: 1–4 within tables, 5 across years, 6 prose against tables. */
  rule: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
  scope: z.string(),
  passed: z.boolean(),
  message: z.string(),
  /** Cell references such as "t3.newReceived.total" or "prose.applications". */
  cells: z.array(z.string()),
});
export type Check = z.infer<typeof checkSchema>;

export const sectionKeys = ['overview', 'proactive', 'applications', 'review', 'problems', 'other'] as const;
const sectionsSchema = z.object(
  Object.fromEntries(sectionKeys.map((k) => [k, z.string().nullable()])) as Record<(typeof sectionKeys)[number], z.ZodNullable<z.ZodString>>,
);

const contactSchema = z.object({
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
});

const sourceSchema = z.object({
  fileName: z.string(),
  format: z.enum(['txt', 'md', 'doc', 'docx', 'pdf', 'html']),
  encoding: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});

/** Where a harvested report was found (its `.source.json` sidecar, lib/harvest/sidecar.ts), as the report page shows it. */
const originSchema = z.object({
  url: z.string(),
  finalUrl: z.string().nullable(),
  /** The page's <title>, or the link's text for an attachment. */
  pageTitle: z.string().nullable(),
  /** The date the page states, YYYY-MM-DD. */
  pageDate: z.string().nullable(),
  siteName: z.string().nullable(),
  columnName: z.string().nullable(),
  fetchedAt: z.string().nullable(),
  firstSeenAt: z.string().nullable(),
  listingUrl: z.string().nullable(),
  reportPageUrl: z.string().nullable(),
  alsoAt: z.array(z.string()),
  /** Earlier contents of the same URL (files relative to the data folder), oldest first. */
  versions: z.array(z.object({ file: z.string(), sha256: z.string(), fetchedAt: z.string() })),
});
export type ReportOrigin = z.infer<typeof originSchema>;

export const reportDocumentSchema = z.object({
  id: z.string().regex(REPORT_ID),
  title: z.string().nullable(),
  /** The reporting body's name as the report prints it (张村镇, 区统计局, 天津市发展改革委). */
  organization: z.string().nullable(),
  /**
   * The body's full official name, region-qualified, built from its division and kind
   * (威海市环翠区张村镇人民政府, 宝鸡市渭滨区统计局, 天津市发展和改革委员会); null when unknown.
   */
  body: z.string().nullable(),
  /** Every clue used for organization, body and level (title, 我镇/我局 words, web address words…), like regionEvidence. */
  bodyEvidence: z.array(z.string()),
  level: levelSchema.nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  township: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** The place name as printed when it is a former name mapped to today's unit (文登市 → 文登区). */
  formerPlaceName: z.string().nullable(),
  regionEvidence: z.array(z.string()),
  year: z.number().int().min(2000).max(2100).nullable(),
  publishedAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  /** Where publishedAt comes from: the report's own closing date, or the date its web page states. */
  publishedAtBasis: z.enum(['text', 'page']).nullable(),
  template: templateSchema,
  proactive: proactiveSchema,
  applications: applicationsSchema,
  review: reviewSummarySchema,
  disclosureTable: disclosureTableSchema.nullable(),
  applicationTable: applicationTableSchema.nullable(),
  reviewTable: reviewTableSchema.nullable(),
  legacyStatistics: z.array(legacyStatisticSchema).nullable(),
  feesCollected: figure,
  sections: sectionsSchema,
  contact: contactSchema,
  checks: z.array(checkSchema),
  failedChecks: z.number().int().nonnegative(),
  /** Things the parser could not read with confidence, in plain words. */
  parseNotes: z.array(z.string()),
  /** Tables were pasted as pictures: the text only has image marks. */
  tablesAsImages: z.boolean(),
  /** The text is cut off (e.g. a web excerpt): some parts are missing. */
  partial: z.boolean(),
  text: z.string(),
  source: sourceSchema,
  /** Provenance of a harvested report; null for a file without a sidecar. */
  origin: originSchema.nullable(),
  parserVersion: z.number().int(),
});

export type ReportDocument = z.infer<typeof reportDocumentSchema>;
export type ReportSource = z.infer<typeof sourceSchema>;
