import { z } from 'zod';
import { splitName } from '../region/names';
import { shareGranted, sumKnown } from '../report/rates';
import { type Check, checkSchema, type ReportDocument, reportDocumentSchema } from '../report/schema';
import { ALL_ROLLUP_FIELDS, rollupFieldsOf } from './rollup';
import { spaceHan } from './search-copies';

/**
 * The record stored in Meilisearch: the whole parsed report plus flat fields that filters, sorts
 * and facets need (Meilisearch cannot sort on `applications.newReceived` cheaply, nor filter on
 * "has failed checks" without a field for it), plus what the indexer needs to find the report again
 * (`sourcePath`) and to check it against the same body's other years (`bodyKey`, `yearFigures`).
 */

/** The figures DOMAIN.md rule 5 compares across years, read once from the document. */
const yearFiguresSchema = z.object({
  /** 表三 二、上年结转 (总计列). */
  carriedOver: z.number().nullable(),
  /** 表三 四、结转下年度继续办理 (总计列). */
  carriedForward: z.number().nullable(),
  /** 表二 (2021 template) 规章 and 行政规范性文件: [本年制发, 本年废止, 现行有效]; null when absent. */
  regulations: z.array(z.number().nullable()).length(3).nullable(),
  normativeDocuments: z.array(z.number().nullable()).length(3).nullable(),
});
export type YearFigures = z.infer<typeof yearFiguresSchema>;

/**
 * What the search matches: the report's words with every Han character a word of its own
 * (lib/search/recall.ts says why). Searchable but never displayed, so a document read back from
 * the index has no `search`.
 */
const searchFieldsSchema = z.object({
  title: z.string(),
  organization: z.string(),
  /** Province, city, county, township and a former place name. */
  places: z.string(),
  text: z.string(),
});
type SearchFields = z.infer<typeof searchFieldsSchema>;

/**
 * The key figures a results table shows and sorts by, flat: the engine sorts on `sortKeys.<key>`.
 * An unknown figure is left out rather than null: Meilisearch sorts a null before every number,
 * while a document without the field comes last in either direction (test/search/table.int.test.ts).
 */
const sortKeysSchema = z.object({
  /** The region code, so a table sorted by place groups a county's townships together. */
  region: z.string().optional(),
  proactive: z.number().int().nonnegative().optional(),
  applications: z.number().int().nonnegative().optional(),
  /** 予以公开 ÷ all decided applications (表三 三、（一）÷（一）…（六）), 0–1. */
  granted: z.number().min(0).max(1).optional(),
  /** 表三 三、（三）不予公开 (总计列). */
  refused: z.number().int().nonnegative().optional(),
  /** 表四 行政复议 总计. */
  reconsiderations: z.number().int().nonnegative().optional(),
  /** 表四 行政诉讼 总计 (未经复议 + 复议后起诉). */
  lawsuits: z.number().int().nonnegative().optional(),
  /** 表四 结果纠正: 复议 + 诉讼. */
  corrected: z.number().int().nonnegative().optional(),
});
export type SortKeys = z.infer<typeof sortKeysSchema>;

const indexedReportExtrasSchema = z.object({
  /** The title is not printed in the report but made from its body and year (derivedTitle). */
  titleDerived: z.boolean(),
  applicationsNew: z.number().int().nonnegative().nullable(),
  proactiveTotal: z.number().int().nonnegative().nullable(),
  hasApplications: z.boolean(),
  sortKeys: sortKeysSchema,
  /** Same issuing body across years and files: region code + the body's name without place names. */
  bodyKey: z.string().nullable(),
  yearFigures: yearFiguresSchema,
  /** DOMAIN.md rule 5, against the same body's previous year; filled in after all files are read. */
  crossYearChecks: z.array(checkSchema),
  /** failedChecks (rules 1–4, 6) plus failed cross-year checks. */
  failedChecksTotal: z.number().int().nonnegative(),
  hasFailedChecks: z.boolean(),
  /** A harvested report whose URL later served different content (发布后被修改): its earlier versions are kept. */
  changedAfterPublication: z.boolean(),
  /** Where the file was read from: relative to the working directory when inside it. */
  sourcePath: z.string(),
  /**
   * The file's size and modification time when it was read (`size:mtimeMs`): an incremental run
   * takes a file whose stamp and parser version are unchanged as unchanged without reading it,
   * as rsync and make do (lib/indexer/ledger.ts). Absent from documents stored before it existed.
   */
  fileStamp: z.string().optional(),
  indexedAt: z.string(),
  /** Always set by toIndexedReport; absent from what searches return (not a displayed attribute). */
  search: searchFieldsSchema.optional(),
  // The figures as facet values, for sums in /stats (lib/document/rollup.ts); never displayed either.
  ...(Object.fromEntries(ALL_ROLLUP_FIELDS.map((f) => [f, z.array(z.string()).optional()])) as Record<
    (typeof ALL_ROLLUP_FIELDS)[number],
    z.ZodOptional<z.ZodArray<z.ZodString>>
  >),
});

/** Fields the index stores for searching and counting only: never read back. */
export const HIDDEN_FIELDS: readonly string[] = ['search', ...ALL_ROLLUP_FIELDS];

/**
 * The nested parts of a report that only its own page shows (checks, tables, sections): stored
 * as one JSON string, `detail`, not as objects. Meilisearch turns every displayed field of a hit
 * back into JSON whatever `attributesToRetrieve` says, and thousands of small objects made that
 * the biggest cost of a search: 20 hits took 9–11 ms with them as objects, 3 ms with them as one
 * string (measured on 20,000 synthetic reports). No filter, facet or search reads them.
 */
export const DETAIL_FIELDS = ['checks', 'sections', 'disclosureTable', 'applicationTable', 'reviewTable', 'legacyStatistics'] as const;
type DetailField = (typeof DETAIL_FIELDS)[number];

/** A report as the index stores it (see DETAIL_FIELDS). */
export type StoredReport = Omit<IndexedReport, DetailField> & { detail: string };

export function toStoredReport(report: IndexedReport): StoredReport {
  const stored: Record<string, unknown> = { ...report };
  const detail: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS) {
    detail[field] = report[field];
    delete stored[field];
  }
  stored.detail = JSON.stringify(detail);
  return stored as StoredReport;
}

/** A document read back from the index as the report it was; one stored before `detail` existed passes as it is. */
export function fromStoredReport(stored: Record<string, unknown>): IndexedReport {
  const { detail, ...rest } = stored;
  if (typeof detail !== 'string') return stored as IndexedReport;
  return { ...rest, ...(JSON.parse(detail) as Record<string, unknown>) } as IndexedReport;
}

export const indexedReportSchema = reportDocumentSchema.extend(indexedReportExtrasSchema.shape);
export type IndexedReport = z.infer<typeof indexedReportSchema>;

/** Place names and filler that do not tell two bodies of one region apart. */
const NOISE = /[\s\u3000·•・,，.。:：;；|/\\<>＞《》“”"'‘’()（）【】[\]{}\-—_]/g;
const GOVERNMENT_SUFFIX = /(人民政府|政府)$/;

function normalizeName(value: string): string {
  return value.normalize('NFKC').replace(NOISE, '');
}

/** Navigation text that a page scraper took for the body's name: never group on it. */
function looksLikeNavigation(name: string): boolean {
  return /首页|当前位置|您的位置|所在位置|标题|文号|主题/.test(name);
}

/**
 * A stable key for "the same issuing body": the region code (when resolved) and the body's
 * canonical name (`body`, else the organization as printed) with its region's names and a trailing
 * 人民政府 removed, so 威海市环翠区张村镇 and 张村镇人民政府 in 371002100 are one body, 区统计局 and
 * 宝鸡市渭滨区统计局 in 610302 are one, while 淮安市人民政府 and 淮安市人民政府办公室 stay two, and
 * the five 张村镇 (five region codes) stay five. Null when the name is unknown or looks like page
 * navigation. Reports stored before `body` existed keep their key from the organization.
 */
export function bodyKeyOf(
  doc: Pick<ReportDocument, 'organization' | 'regionCode' | 'province' | 'city' | 'county' | 'township' | 'formerPlaceName'> & { body?: string | null },
): string | null {
  const printed = doc.body ?? doc.organization;
  if (!printed) return null;
  let name = normalizeName(printed);
  if (!name || looksLikeNavigation(name) || !/\p{Script=Han}/u.test(name)) return null;
  if (!doc.regionCode) return `?|${name.replace(GOVERNMENT_SUFFIX, '政府')}`;

  const places = [doc.province, doc.city, doc.county, doc.formerPlaceName, doc.township].filter((p): p is string => Boolean(p)).map(normalizeName);
  // a town's stem (黄腊 of 黄腊布依族苗族乡, 东郊 of 东郊街道): its name as printed may carry another suffix
  const townStem = doc.township ? (splitName(normalizeName(doc.township), 'township').stem ?? '') : '';
  // Strip the region's names wherever they lead the name, in any order (上海市 + 浦东新区 + …).
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const place of places) {
      if (place && name.startsWith(place)) {
        name = name.slice(place.length);
        stripped = true;
      }
    }
    // the town as printed with another suffix (黄腊乡, 东郊办事处)
    const town = townStem.length >= 2 && name.startsWith(townStem) ? name.slice(townStem.length).match(/^(?:镇|乡|街道|苏木|(?=办事处))/) : null;
    if (town && name.length > townStem.length + town[0].length) {
      name = name.slice(townStem.length + town[0].length);
      stripped = true;
    }
  }
  name = name.replace(GOVERNMENT_SUFFIX, '');
  return `${doc.regionCode}|${name || '政府'}`;
}

function totalColumnCell(doc: ReportDocument, rowKey: string): number | null {
  const table = doc.applicationTable;
  if (!table) return null;
  const column = table.columns.findIndex((c) => c.key === 'total');
  if (column < 0) return null;
  return table.rows.find((r) => r.key === rowKey)?.values[column] ?? null;
}

function inForceRow(doc: ReportDocument, key: 'regulations' | 'normativeDocuments'): Array<number | null> | null {
  const table = doc.disclosureTable;
  if (table?.template !== '2021') return null;
  const row = table.rows.find((r) => r.key === key);
  if (row?.values.length !== 3) return null;
  return row.values.map((v) => (v === null || Number.isInteger(v) ? v : null));
}

export function yearFiguresOf(doc: ReportDocument): YearFigures {
  return {
    carriedOver: doc.applications.carriedOver ?? totalColumnCell(doc, 'carriedOver'),
    carriedForward: doc.applications.carriedForward ?? totalColumnCell(doc, 'carriedForward'),
    regulations: inForceRow(doc, 'regulations'),
    normativeDocuments: inForceRow(doc, 'normativeDocuments'),
  };
}

export function countFailed(checks: readonly Check[]): number {
  let failed = 0;
  for (const check of checks) if (!check.passed) failed++;
  return failed;
}

/**
 * A title for a report that prints none: its body (the canonical full name), its year and the report's standard name, as
 * the reports name themselves (淮安市人民政府2024年政府信息公开工作年度报告). Null when the body is
 * unknown too: then there is nothing to name it by (the UI says so, lib/report/labels.ts).
 */
export function derivedTitle(doc: Pick<ReportDocument, 'organization' | 'year'> & { body?: string | null }): string | null {
  // the canonical name (宝鸡市渭滨区统计局) when the parser built one, else the name as printed (区统计局)
  const body = (doc.body ?? doc.organization)?.trim();
  if (!body || looksLikeNavigation(body)) return null;
  return `${body}${doc.year ? `${doc.year}年` : ''}政府信息公开工作年度报告`;
}

/** The sort keys of a report (see sortKeysSchema): unknown figures are left out. */
function sortKeysOf(doc: Pick<ReportDocument, 'regionCode' | 'proactive' | 'applications' | 'review'>): SortKeys {
  const keys: SortKeys = {};
  const set = <K extends keyof SortKeys>(key: K, value: SortKeys[K] | null | undefined) => {
    if (value !== null && value !== undefined) keys[key] = value;
  };
  set('region', doc.regionCode);
  set('proactive', doc.proactive.total);
  set('applications', doc.applications.newReceived);
  set('granted', shareGranted(doc.applications.outcomes));
  set('refused', doc.applications.outcomes.refused);
  set('reconsiderations', doc.review.reconsiderations);
  set('lawsuits', doc.review.lawsuits);
  set('corrected', sumKnown([doc.review.reconsiderationsCorrected, doc.review.lawsuitsCorrected]));
  return keys;
}

function searchFieldsOf(
  doc: Pick<ReportDocument, 'title' | 'organization' | 'province' | 'city' | 'county' | 'township' | 'formerPlaceName' | 'text'> & { body?: string | null },
): SearchFields {
  const places = [doc.province, doc.city, doc.county, doc.township, doc.formerPlaceName].filter((p): p is string => Boolean(p));
  // the canonical name too, so that 天津市发展和改革委员会 finds the report that prints 天津市发展改革委
  const names = doc.body && doc.body !== doc.organization ? [doc.organization, doc.body] : [doc.organization];
  return {
    title: spaceHan(doc.title ?? ''),
    organization: spaceHan(names.filter(Boolean).join(' ')),
    places: spaceHan(places.join(' ')),
    text: spaceHan(doc.text),
  };
}

/** The record sent to Meilisearch for one parsed report. Cross-year checks start empty. */
export function toIndexedReport(doc: ReportDocument, sourcePath: string, indexedAt = new Date().toISOString()): IndexedReport {
  const crossYearChecks: Check[] = [];
  const title = doc.title ?? derivedTitle(doc);
  const failedChecksTotal = doc.failedChecks + countFailed(crossYearChecks);
  return {
    ...doc,
    title,
    titleDerived: !doc.title && title !== null,
    applicationsNew: doc.applications.newReceived,
    proactiveTotal: doc.proactive.total,
    hasApplications: (doc.applications.newReceived ?? 0) > 0,
    sortKeys: sortKeysOf(doc),
    bodyKey: bodyKeyOf(doc),
    yearFigures: yearFiguresOf(doc),
    crossYearChecks,
    failedChecksTotal,
    hasFailedChecks: failedChecksTotal > 0,
    changedAfterPublication: (doc.origin?.versions.length ?? 0) > 0,
    sourcePath,
    indexedAt,
    search: searchFieldsOf({ ...doc, title }),
    ...rollupFieldsOf(doc),
  };
}
