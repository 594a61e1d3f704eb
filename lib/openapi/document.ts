import { z } from 'zod';
import { GENERATION_HEADER } from '../opendata/download';
import { GENERATION_PATTERN } from '../opendata/generation';
import { SEARCH_PARAM_NAMES } from '../search/params';
import { BODY_PARAMETER, EXCLUDE_PARAMETER, FIGURE_PARAMETER, GENERATION_PARAMETER, REPORT_ID_PARAMETER, SEARCH_PARAMETERS } from './parameters';
import {
  bodiesSchema,
  columnsSchema,
  coverageSchema,
  errorSchema,
  goneSchema,
  healthSchema,
  openApiSchema,
  reportSchema,
  searchResponseSchema,
  statsSchema,
} from './schemas';
import type { JsonSchema, OpenApiDocument, Operation, ResponseObject } from './types';

/**
 * The OpenAPI 3.1 document of the public APIs (/api/openapi.json, rendered by /data/api). The
 * admin APIs (/api/admin/…) and sign-in (/api/auth/…) are not public and are left out; so is
 * /api/archive/…, which serves archived copies of harvested files, not data.
 */

/** A zod schema as a JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) to embed in the document. */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema) as JsonSchema;
  return rest;
}

/** The schemas the document publishes, by component name: the tests validate real answers with these. */
export const RESPONSE_SCHEMAS = {
  Error: errorSchema,
  Gone: goneSchema,
  SearchResponse: searchResponseSchema,
  Report: reportSchema,
  Stats: statsSchema,
  Coverage: coverageSchema,
  Bodies: bodiesSchema,
  Health: healthSchema,
  Columns: columnsSchema,
  OpenApi: openApiSchema,
} satisfies Record<string, z.ZodType>;
type SchemaName = keyof typeof RESPONSE_SCHEMAS;

const schemaRef = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const responseRef = (name: 'BadRequest' | 'NotFound' | 'Gone' | 'Unavailable') => ({ $ref: `#/components/responses/${name}` });
const searchParameters = (names: readonly (typeof SEARCH_PARAM_NAMES)[number][] = SEARCH_PARAM_NAMES) =>
  names.map((name) => ({ $ref: `#/components/parameters/${name}` }));

const json = (name: SchemaName, description: string): ResponseObject => ({ description, content: { 'application/json': { schema: schemaRef(name) } } });

const CSV_FILE: JsonSchema = { type: 'string', description: 'UTF-8 CSV，带 BOM，RFC 4180' };
const file = (mediaType: string, schema: JsonSchema, description: string, headers: ResponseObject['headers'] = {}): ResponseObject => ({
  description,
  headers: { 'Content-Disposition': { description: '附件及其文件名', schema: { type: 'string' } }, ...headers },
  content: { [mediaType]: { schema } },
});

const GENERATION_HEADERS: ResponseObject['headers'] = {
  [GENERATION_HEADER]: { description: '文件所依据的数据版本（也写在文件名中）', schema: { type: 'string', pattern: GENERATION_PATTERN.source } },
};

const OPEN_DATA_DESCRIPTION =
  '检索结果中的每份报告一行，含全部数字（列见 /api/opendata/columns 和 /data）；参数与检索页相同（page、size、view、cols、map 不起作用），另可给 generation。' +
  '先校验参数（400）、数据版本（410）并读取第一页（503），然后边读边传。空单元格表示不知道，不是 0。下载过程中索引若发生变化，传输会中断而不会给出混合两个版本的文件。';

function openDataOperation(format: 'csv' | 'jsonl' | 'parquet'): Operation {
  const files = {
    csv: { name: 'CSV', mediaType: 'text/csv', schema: CSV_FILE },
    jsonl: { name: 'JSON Lines', mediaType: 'application/x-ndjson', schema: { type: 'string', description: '每行一个 JSON 对象（键见数据字典）' } },
    parquet: { name: 'Parquet', mediaType: 'application/vnd.apache.parquet', schema: { type: 'string', contentMediaType: 'application/vnd.apache.parquet' } },
  }[format];
  return {
    operationId: `openData${format[0].toUpperCase()}${format.slice(1)}`,
    summary: `批量下载（${files.name}）`,
    description: OPEN_DATA_DESCRIPTION,
    tags: ['开放数据'],
    parameters: [...searchParameters(), { $ref: '#/components/parameters/generation' }],
    responses: {
      '200': file(files.mediaType, files.schema, `${files.name} 文件`, GENERATION_HEADERS),
      '400': responseRef('BadRequest'),
      '410': responseRef('Gone'),
      '503': responseRef('Unavailable'),
    },
    'x-example': `/api/opendata/reports.${format}?province=江苏省&year=2024`,
  };
}

const PATHS: Record<string, Operation> = {
  '/api/search': {
    operationId: 'search',
    summary: '检索报告',
    description: '一页检索结果，以及全部结果按地区、年度、层级、模板的计数；参数与检索页（/）相同。页码超出范围时返回 400。',
    tags: ['检索'],
    parameters: searchParameters(),
    responses: { '200': json('SearchResponse', '一页结果'), '400': responseRef('BadRequest'), '503': responseRef('Unavailable') },
    'x-example': '/api/search?q=依申请&province=江苏省&size=10',
  },
  '/api/reports/{id}': {
    operationId: 'getReport',
    summary: '一份报告',
    description: '一份报告的全部结构化数据：发布机关、地区、年度、各表格、各部分正文、校验结果和来源。',
    tags: ['报告'],
    parameters: [REPORT_ID_PARAMETER],
    responses: { '200': json('Report', '报告'), '400': responseRef('BadRequest'), '404': responseRef('NotFound'), '503': responseRef('Unavailable') },
    'x-example': '/api/reports/{id}',
  },
  '/api/stats': {
    operationId: 'stats',
    summary: '统计',
    description: '检索结果的数字之和：按年度（主动公开、申请与办理结果、复议诉讼、校验与按时发布），及按下一级地区。page、size、sort、view、cols 不起作用。',
    tags: ['统计'],
    parameters: searchParameters(),
    responses: { '200': json('Stats', '统计结果'), '400': responseRef('BadRequest'), '503': responseRef('Unavailable') },
    'x-example': '/api/stats?province=江苏省',
  },
  '/api/coverage': {
    operationId: 'coverage',
    summary: '年报覆盖情况',
    description: '某地区的每个下级政府逐年是否有本级政府的年报收录在库。只有地区和年度起作用；未知或有歧义的地名、年数过多时返回 400。',
    tags: ['覆盖'],
    parameters: searchParameters(),
    responses: { '200': json('Coverage', '覆盖表'), '400': responseRef('BadRequest'), '503': responseRef('Unavailable') },
    'x-example': '/api/coverage?province=江苏省',
  },
  '/api/bodies': {
    operationId: 'bodies',
    summary: '查找发布机关',
    description: '名称或地名与 q 匹配的发布机关，每个机关一项，附收录的年度（比较页的机关选择）。地区、层级、模板可缩小范围；q 为空时不返回机关。',
    tags: ['比较'],
    parameters: [...searchParameters(), EXCLUDE_PARAMETER],
    responses: { '200': json('Bodies', '机关'), '400': responseRef('BadRequest'), '503': responseRef('Unavailable') },
    'x-example': '/api/bodies?q=淮安',
  },
  '/api/compare/export': {
    operationId: 'compareExport',
    summary: '机关比较（CSV）',
    description: '所选机关逐年的主要数字，与比较页（/compare）相同的参数。',
    tags: ['比较'],
    parameters: [BODY_PARAMETER, FIGURE_PARAMETER, ...searchParameters()],
    responses: { '200': file('text/csv', CSV_FILE, '比较表'), '400': responseRef('BadRequest'), '503': responseRef('Unavailable') },
    'x-example': '/api/compare/export?body={body}&body={body}',
  },
  '/api/search/export': {
    operationId: 'searchExport',
    summary: '检索结果（CSV 简表）',
    description: '检索结果的常用列，每份报告一行（page、size 不起作用）；view=table 时只导出那一页表格所显示的行和列。全部数字请用 /api/opendata/reports.csv。',
    tags: ['检索'],
    parameters: searchParameters(),
    responses: { '200': file('text/csv', CSV_FILE, 'CSV 简表'), '400': responseRef('BadRequest'), '503': responseRef('Unavailable') },
    'x-example': '/api/search/export?province=江苏省',
  },
  '/api/coverage/export': {
    operationId: 'coverageExport',
    summary: '年报覆盖情况（CSV）',
    description: '覆盖表，每个地区每个年度一行：已收录、已核查未发现、未收录分列。参数同 /api/coverage。',
    tags: ['覆盖'],
    parameters: searchParameters(),
    responses: { '200': file('text/csv', CSV_FILE, '覆盖表'), '400': responseRef('BadRequest'), '503': responseRef('Unavailable') },
    'x-example': '/api/coverage/export?province=江苏省',
  },
  '/api/opendata/reports.csv': openDataOperation('csv'),
  '/api/opendata/reports.jsonl': openDataOperation('jsonl'),
  '/api/opendata/reports.parquet': openDataOperation('parquet'),
  '/api/opendata/columns': {
    operationId: 'openDataColumns',
    summary: '数据字典',
    description: '批量下载文件的每一列：键名、中文名、单位、类型，以及它在报告中的表、行、列。',
    tags: ['开放数据'],
    parameters: [],
    responses: { '200': json('Columns', '数据字典') },
    'x-example': '/api/opendata/columns',
  },
  '/api/openapi.json': {
    operationId: 'openApi',
    summary: '本文档',
    description: '本 OpenAPI 3.1 文档。',
    tags: ['系统'],
    parameters: [],
    responses: { '200': json('OpenApi', 'OpenAPI 文档') },
    'x-example': '/api/openapi.json',
  },
  '/api/health': {
    operationId: 'health',
    summary: '存活检查',
    description: '服务在运行即返回 {"ok": true}（不检查搜索引擎）。',
    tags: ['系统'],
    parameters: [],
    responses: { '200': json('Health', '在运行') },
    'x-example': '/api/health',
  },
};

const DESCRIPTION = [
  '年报 · Nianbao 的公共接口：只读，无需登录，返回 JSON 或文件。检索类接口与检索页（/）使用同一套参数和同一个解析器，参数有误时返回 400 和一句中文说明；搜索引擎不可用时返回 503。',
  '',
  '批量下载（/api/opendata/…）带数据版本：响应头 Nianbao-Generation 和文件名写明版本；请求中给出 generation 而该版本已不再提供时返回 410 及当前版本的链接。',
  '',
  '不在本文档中的接口：管理接口（/api/admin/…）和登录接口（/api/auth/…）不是公共接口；/api/archive/… 提供采集文件的存档副本（链接见报告页），不是数据接口。',
].join('\n');

export function openApiDocument(server = '/'): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: '年报 Nianbao 公共 API', version: '1', description: DESCRIPTION, license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: server }],
    tags: [
      { name: '检索', description: '检索报告' },
      { name: '报告', description: '单份报告' },
      { name: '统计', description: '检索结果的统计' },
      { name: '比较', description: '机关之间的比较' },
      { name: '覆盖', description: '谁发布了、谁还没有' },
      { name: '开放数据', description: '批量下载与数据字典' },
      { name: '系统', description: '文档与状态' },
    ],
    paths: Object.fromEntries(Object.entries(PATHS).map(([path, operation]) => [path, { get: operation }])),
    components: {
      schemas: Object.fromEntries(Object.entries(RESPONSE_SCHEMAS).map(([name, schema]) => [name, jsonSchema(schema)])),
      parameters: { ...SEARCH_PARAMETERS, generation: GENERATION_PARAMETER },
      responses: {
        BadRequest: json('Error', '参数有误：error 说明哪里不对'),
        NotFound: json('Error', '没有找到'),
        Gone: {
          ...json('Gone', '所要的数据版本已不再提供：current 是同一检索在当前版本的下载地址'),
          headers: {
            Link: { description: '<当前版本的地址>; rel="latest-version"', schema: { type: 'string' } },
            ...GENERATION_HEADERS,
          },
        },
        Unavailable: json('Error', '搜索服务暂时不可用'),
      },
    },
  };
}
