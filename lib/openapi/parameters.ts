import { COMPARE_FIGURES, DEFAULT_FIGURE } from '../compare/figures';
import { MAX_BODIES, MIN_BODIES } from '../compare/params';
import { GENERATION_PATTERN } from '../opendata/generation';
import { LEVELS, TEMPLATES } from '../report/schema';
import {
  BODY_KEY,
  DEFAULT_PARAMS,
  levelName,
  MAP_METRICS,
  MAX_PAGE,
  MAX_YEAR,
  MIN_YEAR,
  PAGE_SIZES,
  PLACE,
  type SEARCH_PARAM_NAMES,
  SORTS,
  TABLE_COLUMN_KEYS,
  VIEWS,
} from '../search/params';
import type { JsonSchema, Parameter } from './types';

/**
 * The query parameters of the public APIs, built from the parser's own constants
 * (lib/search/params.ts), so the document cannot list a value the parser refuses or miss one it
 * takes. A parameter every search reads is here once, as a component.
 */

type SearchParamName = (typeof SEARCH_PARAM_NAMES)[number];

const query = (name: string, description: string, schema: JsonSchema, extra: Partial<Parameter> = {}): Parameter => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
  ...extra,
});

/** A list sent as one comma-separated value (`level=county,township`) or as the name repeated. */
const list = (name: string, description: string, values: readonly string[], example: string): Parameter =>
  query(
    name,
    `${description}可用逗号分隔多个值，也可重复这个参数。`,
    { type: 'array', items: { type: 'string', enum: [...values] }, uniqueItems: true },
    {
      style: 'form',
      explode: false,
      example: [example],
    },
  );

const place = (name: string, label: string, example: string): Parameter =>
  query(name, `${label}名称（须与收录的名称一致）。`, { type: 'string', pattern: PLACE.source, maxLength: 40 }, { example });

const flag = (name: string, description: string): Parameter => query(name, description, { type: 'string', enum: ['1', 'true'] }, { example: '1' });

const year = (name: string, description: string, example: number): Parameter =>
  query(name, description, { type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR }, { example });

export const SEARCH_PARAMETERS: Record<SearchParamName, Parameter> = {
  q: query('q', '全文关键词：按字匹配，多个词用空格分开，每个词都要出现。', { type: 'string', maxLength: 200 }, { example: '依申请' }),
  province: place('province', '省级行政区', '江苏省'),
  city: place('city', '地市', '淮安市'),
  county: place('county', '区县', '洪泽区'),
  township: place('township', '乡镇街道', '张家产镇'),
  body: query(
    'body',
    '一个发布机关的各年度报告：它的机关标识 bodyKey（区划代码|去掉地名的机关名称，见 /api/search 的结果）。',
    { type: 'string', pattern: BODY_KEY.source, maxLength: 200 },
    { example: '320813|政府' },
  ),
  level: list('level', `机关层级：${LEVELS.map((l) => `${l}（${levelName(l)}）`).join('、')}。`, LEVELS, 'county'),
  template: list(
    'template',
    '报告模板：2021、2019（国办公开办函〔2021〕30号、〔2019〕60号的表格）、pre2019（2019 年以前）、unknown（未识别）。',
    TEMPLATES,
    '2021',
  ),
  year: year('year', '报告年度（等于同时给出相同的 yearFrom 和 yearTo）。', 2024),
  yearFrom: year('yearFrom', '起始年度（含）。', 2022),
  yearTo: year('yearTo', '结束年度（含），不得早于 yearFrom。', 2024),
  failed: flag('failed', '只要表格未通过勾稽关系校验的报告。'),
  applications: flag('applications', '只要收到过政府信息公开申请的报告。'),
  changed: flag('changed', '只要发布后网页内容被修改过的报告（采集所得）。'),
  map: query('map', '统计页和覆盖页地图显示的指标（其他接口忽略）。', { type: 'string', enum: [...MAP_METRICS], default: DEFAULT_PARAMS.map }),
  view: query('view', '检索结果的显示方式：list（列表）或 table（表格）。/api/search/export 的 table 只导出当前页的表格。', {
    type: 'string',
    enum: [...VIEWS],
    default: DEFAULT_PARAMS.view,
  }),
  cols: list('cols', '表格显示的列（view=table）。', TABLE_COLUMN_KEYS, 'applications'),
  sort: query('sort', '排序：relevance（相关度；无关键词时按年度从新到旧），或“键-方向”，未知的数字总在最后。', {
    type: 'string',
    enum: [...SORTS],
    default: DEFAULT_PARAMS.sort,
  }),
  page: query('page', '页码。', { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PARAMS.page }),
  size: query('size', '每页条数。', { type: 'integer', enum: [...PAGE_SIZES], default: DEFAULT_PARAMS.size }),
};

export const GENERATION_PARAMETER = query(
  'generation',
  '数据版本（响应头 Nianbao-Generation 所给的值）。给出时，只在该版本仍在提供时返回文件，否则返回 410 和当前版本的链接。',
  { type: 'string', pattern: GENERATION_PATTERN.source },
  { example: '20260115T083000000Z-1234' },
);

export const EXCLUDE_PARAMETER = query(
  'exclude',
  '排除的机关（bodyKey，可重复）：比较页已选的机关。',
  { type: 'array', items: { type: 'string', maxLength: 120 }, maxItems: MAX_BODIES },
  {
    style: 'form',
    explode: true,
  },
);

export const BODY_PARAMETER = query(
  'body',
  `参加比较的机关（bodyKey：区划代码或 ?、竖线、机关名称），重复 ${MIN_BODIES}–${MAX_BODIES} 次。`,
  { type: 'array', items: { type: 'string', maxLength: 120 }, minItems: MIN_BODIES, maxItems: MAX_BODIES },
  { required: true, style: 'form', explode: true, example: ['320804|政府', '320800|政府'] },
);

export const FIGURE_PARAMETER = query('figure', '比较页图表显示的数字（导出的 CSV 总是含全部数字）。', {
  type: 'string',
  enum: [...COMPARE_FIGURES],
  default: DEFAULT_FIGURE,
});

export const REPORT_ID_PARAMETER: Parameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: '报告编号（检索结果中的 id）。',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,511}$' },
  example: 'fb8bfcf9bb4fc0332e10681c',
};
