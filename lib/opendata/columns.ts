import { COLUMNS_7, HEAD_ROWS, OTHER_ROWS_2019, OTHER_ROWS_2021, TAIL_ROWS } from '../report/application-table';
import { COLUMNS_2019, COLUMNS_2021, ROWS as DISCLOSURE_ROWS } from '../report/disclosure-table';
import { shareGranted } from '../report/rates';
import { CHANNELS, type Channel, LEVELS, type OutcomeKey, type ReviewKey, type ReviewTable, TEMPLATES } from '../report/schema';
import type { OpenDataReport } from './report';

/**
 * Every column of the open data, defined once: its stable ASCII key, its Chinese name, unit and
 * type, where in a report it comes from, which files carry it and how to read it from a stored
 * report. The CSV, JSON Lines and Parquet writers and the data dictionary (/data) all read this
 * list, so a column cannot be named or sourced two ways. The rows and columns of 表二 and 表三 are
 * derived from the parser's own definitions (lib/report), not copied.
 *
 * An empty cell (null) means the figure is unknown — not printed, or not read — never 0.
 */

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'json';
export const OPEN_DATA_FORMATS = ['csv', 'jsonl', 'parquet'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/** The parts of the dictionary, in order. */
export const COLUMN_GROUPS = {
  identity: '报告与发布机关',
  figures: '主要数字',
  proactive: '主动公开（分渠道）',
  disclosure: '表二 主动公开政府信息情况',
  application: '表三 收到和处理政府信息公开申请情况',
  review: '表四 政府信息公开行政复议、行政诉讼情况',
  legacy: '2019 年以前的统计表',
} as const;
type ColumnGroup = keyof typeof COLUMN_GROUPS;

/** Where a figure is printed: the table (or part of the report), its row and its column. */
interface ColumnSource {
  table: string;
  row: string | null;
  column: string | null;
}

export type CellValue = string | number | boolean | null | ReadonlyArray<Record<string, unknown>>;

/** A stored report made ready for reading cells (report.ts), and the address of its page on the portal. */
interface CellContext {
  report: OpenDataReport;
  reportUrl: string;
}

export interface OpenDataColumn {
  /** Stable ASCII key: the CSV header, the JSON field, the Parquet column. */
  key: string;
  /** 中文名. */
  label: string;
  unit: string | null;
  type: ColumnType;
  group: ColumnGroup;
  source: ColumnSource;
  /** The values a coded column can take. */
  values?: readonly string[];
  /** What a reader should know beyond the source (how an unknown arises, a fallback). */
  note?: string;
  formats: readonly OpenDataFormat[];
  value(context: CellContext): CellValue;
}

const ALL_FORMATS = OPEN_DATA_FORMATS;

/** outcomeGranted → outcome_granted: keys in snake case, which every tool reads without quoting. */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

type ColumnSpec = Omit<OpenDataColumn, 'formats'> & { formats?: readonly OpenDataFormat[] };
const column = (spec: ColumnSpec): OpenDataColumn => ({ formats: ALL_FORMATS, ...spec });

// ── Identity ────────────────────────────────────────────────────────────────────────────────────

const PLACE_SOURCE: ColumnSource = { table: '本站识别（正文中的地名、电话区号、邮编、网址）', row: null, column: null };

const IDENTITY: OpenDataColumn[] = [
  column({
    key: 'id',
    label: '报告编号',
    unit: null,
    type: 'string',
    group: 'identity',
    source: { table: '本站（报告文件内容的哈希）', row: null, column: null },
    value: ({ report }) => report.id,
  }),
  column({
    key: 'organization',
    label: '发布机关',
    unit: null,
    type: 'string',
    group: 'identity',
    source: { table: '报告正文（标题、落款）', row: null, column: null },
    value: ({ report }) => report.organization,
  }),
  column({
    key: 'title',
    label: '报告标题',
    unit: null,
    type: 'string',
    group: 'identity',
    source: { table: '报告正文（标题）', row: null, column: null },
    value: ({ report }) => report.title,
  }),
  column({ key: 'province', label: '省级行政区', unit: null, type: 'string', group: 'identity', source: PLACE_SOURCE, value: ({ report }) => report.province }),
  column({ key: 'city', label: '地市', unit: null, type: 'string', group: 'identity', source: PLACE_SOURCE, value: ({ report }) => report.city }),
  column({ key: 'county', label: '区县', unit: null, type: 'string', group: 'identity', source: PLACE_SOURCE, value: ({ report }) => report.county }),
  column({ key: 'township', label: '乡镇街道', unit: null, type: 'string', group: 'identity', source: PLACE_SOURCE, value: ({ report }) => report.township }),
  column({
    key: 'region_code',
    label: '行政区划代码',
    unit: null,
    type: 'string',
    group: 'identity',
    source: PLACE_SOURCE,
    note: '国家统计用区划代码（省 2 位至乡镇 9 位），以现行区划为准。',
    value: ({ report }) => report.regionCode,
  }),
  column({
    key: 'level',
    label: '机关层级',
    unit: null,
    type: 'string',
    group: 'identity',
    source: { table: '本站识别（机关名称）', row: null, column: null },
    values: LEVELS,
    value: ({ report }) => report.level,
  }),
  column({
    key: 'year',
    label: '报告年度',
    unit: '年',
    type: 'integer',
    group: 'identity',
    source: { table: '报告正文（标题）', row: null, column: null },
    value: ({ report }) => report.year,
  }),
  column({
    key: 'template',
    label: '报告模板',
    unit: null,
    type: 'string',
    group: 'identity',
    source: { table: '本站识别（表二的列名）', row: null, column: null },
    values: TEMPLATES,
    note: '2021：国办公开办函〔2021〕30号的表格；2019：〔2019〕60号的表格；pre2019：2019 年以前的格式；unknown：未识别。',
    value: ({ report }) => report.template,
  }),
  column({
    key: 'published_at',
    label: '发布日期',
    unit: null,
    type: 'date',
    group: 'identity',
    source: { table: '报告正文（落款日期），没有时取网页标明的发布日期', row: null, column: null },
    value: ({ report }) => report.publishedAt,
  }),
  column({
    key: 'partial',
    label: '文本不完整',
    unit: null,
    type: 'boolean',
    group: 'identity',
    source: { table: '本站判断', row: null, column: null },
    note: 'true：收录的文本被截断（如网页摘录），部分表格或数字可能缺失。',
    value: ({ report }) => report.partial,
  }),
  column({
    key: 'failed_checks_total',
    label: '未通过校验项数',
    unit: '项',
    type: 'integer',
    group: 'identity',
    source: { table: '本站校验（表内勾稽关系、与正文和上一年度的对照）', row: null, column: null },
    value: ({ report }) => report.failedChecksTotal,
  }),
  column({
    key: 'url',
    label: '本站报告页',
    unit: null,
    type: 'string',
    group: 'identity',
    source: { table: '本站', row: null, column: null },
    value: ({ reportUrl }) => reportUrl,
  }),
  column({
    key: 'source_url',
    label: '原始网址',
    unit: null,
    type: 'string',
    group: 'identity',
    source: { table: '采集来源（报告所在网页）', row: null, column: null },
    note: '只有从网上采集的报告才有。',
    value: ({ report }) => report.origin?.url ?? null,
  }),
];

// ── Key figures ─────────────────────────────────────────────────────────────────────────────────

const T3 = '表三 收到和处理政府信息公开申请情况';
const T4 = '表四 政府信息公开行政复议、行政诉讼情况';

const OUTCOME_NAMES: Record<OutcomeKey, string> = {
  granted: '（一）予以公开',
  partiallyGranted: '（二）部分公开',
  refused: '（三）不予公开',
  unableToProvide: '（四）无法提供',
  notProcessed: '（五）不予处理',
  otherProcessed: '（六）其他处理',
};

const REVIEW_FIGURES: Record<ReviewKey, { label: string; row: string; column: string }> = {
  reconsiderations: { label: '行政复议总数', row: '行政复议', column: '总计' },
  reconsiderationsCorrected: { label: '行政复议结果纠正', row: '行政复议', column: '结果纠正' },
  lawsuits: { label: '行政诉讼总数', row: '行政诉讼（未经复议直接起诉 + 复议后起诉）', column: '总计' },
  lawsuitsCorrected: { label: '行政诉讼结果纠正', row: '行政诉讼（未经复议直接起诉 + 复议后起诉）', column: '结果纠正' },
};

const FIGURES: OpenDataColumn[] = [
  column({
    key: 'proactive_total',
    label: '主动公开政府信息总数',
    unit: '条',
    type: 'integer',
    group: 'figures',
    source: { table: '报告正文（总体情况、主动公开部分）', row: null, column: null },
    note: '报告写明的总数；只有分渠道数或约数（如“500余条”）时为空。',
    value: ({ report }) => report.proactive.total,
  }),
  column({
    key: 'proactive_approximate_total',
    label: '主动公开约数',
    unit: '条',
    type: 'integer',
    group: 'figures',
    source: { table: '报告正文（总体情况、主动公开部分）', row: null, column: null },
    note: '“500余条”一类的约数，与确切总数分开。',
    value: ({ report }) => report.proactive.approximateTotal,
  }),
  column({
    key: 'applications_new',
    label: '本年新收申请',
    unit: '件',
    type: 'integer',
    group: 'figures',
    source: { table: T3, row: '一、本年新收政府信息公开申请数量', column: '总计' },
    note: '没有表三时取正文或旧式统计表中的数字；报告写明未收到申请时为 0。',
    value: ({ report }) => report.applications.newReceived,
  }),
  column({
    key: 'applications_carried_over',
    label: '上年结转申请',
    unit: '件',
    type: 'integer',
    group: 'figures',
    source: { table: T3, row: '二、上年结转政府信息公开申请数量', column: '总计' },
    value: ({ report }) => report.applications.carriedOver,
  }),
  column({
    key: 'applications_processed',
    label: '本年度办理结果总计',
    unit: '件',
    type: 'integer',
    group: 'figures',
    source: { table: T3, row: '三、本年度办理结果（七）总计', column: '总计' },
    value: ({ report }) => report.applications.processed,
  }),
  column({
    key: 'applications_carried_forward',
    label: '结转下年度继续办理',
    unit: '件',
    type: 'integer',
    group: 'figures',
    source: { table: T3, row: '四、结转下年度继续办理', column: '总计' },
    value: ({ report }) => report.applications.carriedForward,
  }),
  ...(Object.keys(OUTCOME_NAMES) as OutcomeKey[]).map((key) =>
    column({
      key: `outcome_${snakeCase(key)}`,
      label: `办理结果：${OUTCOME_NAMES[key].replace(/^（.）/, '')}`,
      unit: '件',
      type: 'integer',
      group: 'figures',
      source: { table: T3, row: `三、本年度办理结果${OUTCOME_NAMES[key]}`, column: '总计' },
      note: key === 'granted' || key === 'partiallyGranted' ? undefined : '分项之和（表三只印分项时）。',
      value: ({ report }) => report.applications.outcomes[key],
    }),
  ),
  column({
    key: 'granted_share',
    label: '予以公开率',
    unit: '比例（0–1）',
    type: 'number',
    group: 'figures',
    source: { table: T3, row: '三、（一）予以公开 ÷ （一）至（六）之和', column: '总计' },
    note: '本站计算；办理结果都不知道或之和为 0 时为空。',
    value: ({ report }) => shareGranted(report.applications.outcomes),
  }),
  ...(Object.keys(REVIEW_FIGURES) as ReviewKey[]).map((key) =>
    column({
      key: snakeCase(key),
      label: REVIEW_FIGURES[key].label,
      unit: '件',
      type: 'integer',
      group: 'figures',
      source: { table: T4, row: REVIEW_FIGURES[key].row, column: REVIEW_FIGURES[key].column },
      note: '没有表四时取正文中的数字。',
      value: ({ report }) => report.review[key],
    }),
  ),
  column({
    key: 'fees_collected',
    label: '收取信息处理费',
    unit: '万元',
    type: 'number',
    group: 'figures',
    source: { table: '报告正文（其他需要报告的事项）或 2019 年以前的统计表', row: null, column: null },
    note: '以“元”写的金额已换算为万元；写明未收费时为 0。',
    value: ({ report }) => report.feesCollected,
  }),
];

// ── Proactive disclosure by channel ─────────────────────────────────────────────────────────────

const CHANNEL_NAMES: Record<Channel, string> = {
  website: '政府网站',
  wechat: '政务微信',
  weibo: '政务微博',
  bulletinBoard: '公开栏、公示栏等',
  gazette: '政府公报',
  newMedia: '其他新媒体',
  other: '其他渠道',
};

const PROACTIVE: OpenDataColumn[] = CHANNELS.map((channel) =>
  column({
    key: `proactive_${snakeCase(channel)}`,
    label: `主动公开：${CHANNEL_NAMES[channel]}`,
    unit: '条',
    type: 'integer',
    group: 'proactive',
    source: { table: '报告正文（主动公开部分）', row: CHANNEL_NAMES[channel], column: null },
    note: '各渠道有重叠，相加不等于总数。',
    value: ({ report }) => report.proactive.byChannel[channel] ?? null,
  }),
);

// ── 表二 ────────────────────────────────────────────────────────────────────────────────────────

const T2 = '表二 主动公开政府信息情况';

/** The item of 条例 第二十条 each row of 表二 sits under. */
const DISCLOSURE_ITEMS: Record<string, string> = {
  regulations: '第二十条第（一）项',
  normativeDocuments: '第二十条第（一）项',
  licensing: '第二十条第（五）项',
  otherServices: '第二十条第（五）项',
  punishment: '第二十条第（六）项',
  enforcement: '第二十条第（六）项',
  fees: '第二十条第（八）项',
  procurement: '第二十条第（九）项',
};

/**
 * The columns of 表二 by their printed header, in both templates, as stable key suffixes. The
 * decisions columns mean the same in both templates and share a key; the others differ in meaning
 * (2021 counts documents issued, repealed and in force; 2019 made, published and published in all)
 * and keep keys of their own. A report fills the keys of its own template; the others stay empty.
 */
const DISCLOSURE_COLUMN_KEYS: Record<string, { suffix: string; unit: string; integer: boolean }> = {
  本年制发件数: { suffix: 'issued', unit: '件', integer: true },
  本年废止件数: { suffix: 'repealed', unit: '件', integer: true },
  现行有效件数: { suffix: 'in_force', unit: '件', integer: true },
  本年处理决定数量: { suffix: 'decisions', unit: '件', integer: true },
  '本年收费金额（单位：万元）': { suffix: 'amount', unit: '万元', integer: false },
  本年新制作数量: { suffix: 'made', unit: '件', integer: true },
  本年新公开数量: { suffix: 'published', unit: '件', integer: true },
  对外公开总数量: { suffix: 'published_total', unit: '件', integer: true },
  上一年项目数量: { suffix: 'items_last_year', unit: '项', integer: true },
  '本年增/减': { suffix: 'items_change', unit: '项', integer: false },
  处理决定数量: { suffix: 'decisions', unit: '件', integer: true },
  采购项目数量: { suffix: 'items', unit: '项', integer: true },
  采购总金额: { suffix: 'amount', unit: '按报告原文（模板未注明，多为万元）', integer: false },
};

/** A cell of 表二 as printed: template, row key and column header. */
export interface DisclosureCell {
  template: '2021' | '2019';
  row: string;
  column: string;
}

/** Every printed cell of 表二 in both templates, row by row (the parser's COLUMNS_2021, COLUMNS_2019). */
export function disclosureCells(): DisclosureCell[] {
  const cells: DisclosureCell[] = [];
  for (const row of DISCLOSURE_ROWS) {
    for (const [template, columns] of [
      ['2021', COLUMNS_2021],
      ['2019', COLUMNS_2019],
    ] as const) {
      for (const header of columns[row.key] ?? []) cells.push({ template, row: row.key, column: header });
    }
  }
  return cells;
}

const disclosureKey = (cell: Pick<DisclosureCell, 'row' | 'column'>): string => {
  const known = DISCLOSURE_COLUMN_KEYS[cell.column];
  if (!known) throw new Error(`表二 column without a key: ${cell.column}`);
  return `t2_${snakeCase(cell.row)}_${known.suffix}`;
};

function disclosureColumns(): OpenDataColumn[] {
  const byKey = new Map<string, { row: (typeof DISCLOSURE_ROWS)[number]; cells: DisclosureCell[] }>();
  for (const cell of disclosureCells()) {
    const key = disclosureKey(cell);
    const entry = byKey.get(key) ?? { row: DISCLOSURE_ROWS.find((r) => r.key === cell.row)!, cells: [] };
    entry.cells.push(cell);
    byKey.set(key, entry);
  }
  return [...byKey].map(([key, { row, cells }]) => {
    const headers = cells.map((c) => (cells.length > 1 ? `${c.column}（${c.template} 版）` : c.column));
    const { unit, integer } = DISCLOSURE_COLUMN_KEYS[cells[0].column];
    const templates = [...new Set(cells.map((c) => c.template))];
    return column({
      key,
      label: `${row.label}：${cells[0].column.replace(/（单位：.*?）/, '')}`,
      unit,
      type: integer ? 'integer' : 'number',
      group: 'disclosure',
      source: { table: `${T2}（${templates.join('、')} 版）`, row: `${DISCLOSURE_ITEMS[row.key] ?? ''} ${row.label}`.trim(), column: headers.join(' / ') },
      value: ({ report }) => report.disclosureCell(row.key, cells),
    });
  });
}

// ── 表三 ────────────────────────────────────────────────────────────────────────────────────────

/** 表三's rows in print order, both variants of （六）其他处理 (three sub-rows in 2021, one in 2019). */
export const APPLICATION_ROWS = [...HEAD_ROWS, ...OTHER_ROWS_2021, ...OTHER_ROWS_2019, ...TAIL_ROWS];
/** The seven applicant columns (a 法人小计 column some bodies add is the sum of five of them: left out). */
export const APPLICATION_COLUMNS = COLUMNS_7;

const RESULTS_GROUP = HEAD_ROWS.find((row) => row.key === 'granted')?.group ?? null;
const ORGANISATION = '法人或其他组织';
const withoutNumber = (label: string) => label.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．])/, '');

function applicationColumnName(col: (typeof COLUMNS_7)[number]): string {
  return col.key === 'naturalPerson' || col.key === 'total' ? col.label : `${ORGANISATION}·${col.label}`;
}

const applicationKey = (rowKey: string, columnKey: string) => `t3_${snakeCase(rowKey)}_${snakeCase(columnKey)}`;

function applicationColumns(): OpenDataColumn[] {
  return APPLICATION_ROWS.flatMap((row) => {
    const path = [row.group && row.group !== RESULTS_GROUP ? RESULTS_GROUP : null, row.group, row.label].filter((p): p is string => Boolean(p));
    const name = [row.group && row.group !== RESULTS_GROUP ? withoutNumber(row.group) : null, withoutNumber(row.label)].filter(Boolean).join('·');
    return COLUMNS_7.map((col) =>
      column({
        key: applicationKey(row.key, col.key),
        label: `${name}（${applicationColumnName(col)}）`,
        unit: '件',
        type: 'integer',
        group: 'application',
        source: { table: T3, row: path.join(' '), column: applicationColumnName(col) },
        value: ({ report }) => report.applicationCell(row.key, col.key),
      }),
    );
  });
}

// ── 表四 ────────────────────────────────────────────────────────────────────────────────────────

type ReviewGroup = keyof ReviewTable;
type ReviewOutcome = keyof ReviewTable['reconsideration'];

const REVIEW_GROUPS: Record<ReviewGroup, string> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼·未经复议直接起诉',
  litigationAfterReconsideration: '行政诉讼·复议后起诉',
};
const REVIEW_OUTCOMES: Record<ReviewOutcome, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

const REVIEW: OpenDataColumn[] = (Object.keys(REVIEW_GROUPS) as ReviewGroup[]).flatMap((group) =>
  (Object.keys(REVIEW_OUTCOMES) as ReviewOutcome[]).map((outcome) =>
    column({
      key: `t4_${snakeCase(group)}_${outcome}`,
      label: `${REVIEW_GROUPS[group]}：${REVIEW_OUTCOMES[outcome]}`,
      unit: '件',
      type: 'integer',
      group: 'review',
      source: { table: T4, row: REVIEW_GROUPS[group], column: REVIEW_OUTCOMES[outcome] },
      value: ({ report }) => report.reviewTable?.[group][outcome] ?? null,
    }),
  ),
);

// ── Before 2019 ─────────────────────────────────────────────────────────────────────────────────

const LEGACY: OpenDataColumn[] = [
  column({
    key: 'legacy_statistics',
    label: '2019 年以前统计表的各项',
    unit: null,
    type: 'json',
    group: 'legacy',
    source: { table: '2019 年以前的“统计表”', row: '统计指标', column: '单位 · 统计数' },
    note: '各报告的指标不一，只在 JSON Lines 中给出：[{"label": 指标, "unit": 单位, "value": 统计数}]。',
    formats: ['jsonl'],
    value: ({ report }) => report.legacyStatistics,
  }),
];

/** Every column, in file order. */
export const OPEN_DATA_COLUMNS: readonly OpenDataColumn[] = [
  ...IDENTITY,
  ...FIGURES,
  ...PROACTIVE,
  ...disclosureColumns(),
  ...applicationColumns(),
  ...REVIEW,
  ...LEGACY,
];

/** The columns one file format carries, in file order. */
export function columnsOf(format: OpenDataFormat): OpenDataColumn[] {
  return OPEN_DATA_COLUMNS.filter((c) => c.formats.includes(format));
}
