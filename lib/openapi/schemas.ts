import { z } from 'zod';
import type { BodySuggestion } from '../compare/queries';
import type { CoverageResult } from '../coverage/queries';
import { indexedReportSchema, type SortKeys } from '../document/indexed-report';
import { ALL_ROLLUP_FIELDS } from '../document/rollup';
import { COLUMN_GROUPS } from '../opendata/columns';
import type { DictionaryGroup } from '../opendata/dictionary';
import { CHANNELS, LEVELS, OUTCOME_KEYS, REGION_FIELDS, REVIEW_KEYS, TEMPLATES } from '../report/schema';
import type { FacetValue, ReportHit, SearchResult } from '../search/types';
import type { StatsResult } from '../stats/types';

/**
 * The JSON the public APIs answer with, as zod schemas: the OpenAPI document publishes them
 * (z.toJSONSchema), and the tests validate real answers against the very schemas published. Each
 * is checked against the type the code returns (`Same` below): a field added to a response type
 * without its schema here fails `tsc`.
 */

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Flat<T> = { [K in keyof T]: T[K] };
/** Compiles only when `T` is true. */
type Holds<T extends true> = T;

const count = z.number().int().nonnegative();
const level = z.enum(LEVELS).describe('机关层级');
const template = z.enum(TEMPLATES).describe('报告模板');

export const errorSchema = z
  .object({
    error: z.string().describe('给人看的中文说明'),
    code: z.string().describe('错误种类与范围，如 bad_request:search'),
  })
  .describe('错误：HTTP 状态码说明种类，error 是一句中文说明');

export const goneSchema = errorSchema
  .extend({
    generation: z.string().describe('当前的数据版本'),
    current: z.string().describe('同一检索在当前版本的下载地址'),
  })
  .describe('所要的数据版本已不再提供');

const highlightedText = z.array(z.object({ text: z.string(), hit: z.boolean() })).describe('文字分段，hit 为命中关键词的部分');

const sortKeysSchema = z
  .object({
    region: z.string().optional(),
    proactive: count.optional(),
    applications: count.optional(),
    granted: z.number().min(0).max(1).optional(),
    refused: count.optional(),
    reconsiderations: count.optional(),
    lawsuits: count.optional(),
    corrected: count.optional(),
  })
  .describe('结果表格的主要数字；不知道的数字不出现');

const reportHitSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  titleDerived: z.boolean().describe('标题并非报告所印，而是由发布机关和年度生成'),
  organization: z.string().nullable(),
  level: level.nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  township: z.string().nullable(),
  regionCode: z.string().nullable(),
  year: z.number().int().nullable(),
  template,
  publishedAt: z.string().nullable(),
  applicationsNew: count.nullable(),
  proactiveTotal: count.nullable(),
  failedChecksTotal: count,
  hasFailedChecks: z.boolean(),
  sortKeys: sortKeysSchema,
  partial: z.boolean(),
  bodyKey: z.string().nullable(),
  highlightedTitle: highlightedText,
  snippet: highlightedText.nullable(),
});

const facetValue = z.object({ value: z.string(), count });

export const searchResponseSchema = z
  .object({
    hits: z.array(reportHitSchema),
    total: count.describe('符合条件的报告总数（精确）'),
    page: z.number().int().min(1),
    size: z.number().int(),
    totalPages: count,
    facets: z.object({
      region: z.object({ field: z.enum(REGION_FIELDS), values: z.array(facetValue) }).nullable(),
      year: z.array(facetValue),
      level: z.array(facetValue),
      template: z.array(facetValue),
      failed: count,
      applications: count,
      changed: count,
    }),
    params: z.string().describe('规范化的查询字符串'),
  })
  .describe('一页检索结果及全部结果的分面计数');

/** A report as /api/reports/{id} answers: the stored document without the search copies and rollups. */
export const reportSchema = indexedReportSchema
  .omit({ search: true, ...(Object.fromEntries(ALL_ROLLUP_FIELDS.map((f) => [f, true])) as Record<(typeof ALL_ROLLUP_FIELDS)[number], true>) })
  .describe('一份报告的全部结构化数据');

const figureSum = z.object({ sum: z.number(), reports: count }).describe('数字之和，及写明该数字的报告数');
const qualityCounts = z.object({ reports: count, failed: count, dated: count, late: count });
const byKeys = <K extends string>(keys: readonly [K, ...K[]]) => z.record(z.enum(keys), figureSum);

export const statsSchema = z
  .object({
    query: z.string(),
    reports: count,
    reportsWithoutYear: count,
    years: z.array(
      z.object({
        year: z.number().int(),
        reports: count,
        proactive: z.object({ total: figureSum, byChannel: byKeys(CHANNELS) }),
        applications: z.object({ newReceived: figureSum, outcomes: byKeys(OUTCOME_KEYS) }),
        review: byKeys(REVIEW_KEYS),
        quality: qualityCounts,
      }),
    ),
    regions: z
      .object({
        field: z.enum(REGION_FIELDS),
        rows: z.array(z.object({ name: z.string(), reports: count, applicationsNew: figureSum, proactiveTotal: figureSum, quality: qualityCounts })),
      })
      .nullable(),
    quality: qualityCounts,
  })
  .describe('检索结果的统计：按年度、按下一级地区求和');

const division = z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'city', 'county', 'township']) });

export const coverageSchema = z
  .object({
    region: z.object({
      division: division.nullable(),
      trail: z.array(z.object({ field: z.enum(REGION_FIELDS), name: z.string() })),
      children: z.array(division),
      omitted: count,
    }),
    yearFrom: z.number().int().nullable(),
    yearTo: z.number().int().nullable(),
    defaultRange: z.boolean(),
    years: z.array(z.number().int()),
    rows: z.array(
      z.object({
        division,
        cells: z.array(
          z.object({
            year: z.number().int(),
            status: z.enum(['present', 'failed', 'checked', 'missing']),
            reportId: z.string().nullable(),
            ownReports: count,
            otherReports: count,
            checkedAt: z.string().nullable(),
          }),
        ),
      }),
    ),
    summary: z.array(z.object({ year: z.number().int(), published: count, failed: count, checked: count, children: count })),
  })
  .describe('某地区下级政府逐年的年报收录情况');

const bodySuggestion = z.object({
  key: z.string(),
  organization: z.string(),
  level: level.nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  township: z.string().nullable(),
  years: z.array(z.number().int()),
});

export const bodiesSchema = z.object({ q: z.string(), bodies: z.array(bodySuggestion) }).describe('名称或地名匹配的发布机关，每个机关一项');

export const healthSchema = z.object({ ok: z.literal(true) });

const dictionaryEntry = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  type: z.enum(['string', 'integer', 'number', 'boolean', 'date', 'json']),
  table: z.string(),
  row: z.string().nullable(),
  column: z.string().nullable(),
  values: z.array(z.string()).nullable(),
  note: z.string().nullable(),
  formats: z.array(z.enum(['csv', 'jsonl', 'parquet'])),
});

export const columnsSchema = z
  .object({
    groups: z.array(
      z.object({
        id: z.enum(Object.keys(COLUMN_GROUPS) as [keyof typeof COLUMN_GROUPS, ...Array<keyof typeof COLUMN_GROUPS>]),
        title: z.string(),
        columns: z.array(dictionaryEntry),
      }),
    ),
  })
  .describe('批量下载文件的数据字典');

/** This document itself, in outline (the OpenAPI 3.1 specification has the rest). */
export const openApiSchema = z
  .looseObject({
    openapi: z.literal('3.1.0'),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.looseObject({ get: z.looseObject({ operationId: z.string(), 'x-example': z.string() }) })),
    components: z.looseObject({ schemas: z.record(z.string(), z.unknown()) }),
  })
  .describe('OpenAPI 3.1 文档');

// The schemas say what the code returns, no more and no less.
// biome-ignore lint/correctness/noUnusedVariables: never used: tsc checks its constraints, which is the point
type SchemasMatchTheirTypes = [
  Holds<Same<z.infer<typeof sortKeysSchema>, SortKeys>>,
  Holds<Same<z.infer<typeof reportHitSchema>, ReportHit>>,
  Holds<Same<z.infer<typeof facetValue>, FacetValue>>,
  Holds<Same<z.infer<typeof searchResponseSchema>['facets'], SearchResult['facets']>>,
  Holds<Same<z.infer<typeof statsSchema>, StatsResult>>,
  Holds<Same<z.infer<typeof coverageSchema>, Flat<Omit<CoverageResult, 'grid'> & CoverageResult['grid']>>>,
  Holds<Same<z.infer<typeof bodySuggestion>, BodySuggestion>>,
  Holds<Same<z.infer<typeof columnsSchema>['groups'][number], DictionaryGroup>>,
];
