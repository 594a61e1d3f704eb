/**
 * Tables 二, 三, 四 and the pre-2019 统计表 as printed grids, independent of how a file lays them
 * out (shapes/ renders a grid one cell per line, tab-separated, as `|` rows or as flattened PDF text).
 *
 * A grid row's label cells come first. As in Word-to-text exports, a cell merged across columns is
 * one cell, and a cell merged across rows has its text on its first row and '' below.
 */
import type { ApplicationFigures, DisclosureFigures, LegacyFigures, ReviewFigures } from './figures';
import { APPLICATION_CHECK_NOTE, inResultsGroup, RESULTS_GROUP, REVIEW_COLUMNS, TOTAL_COLUMN } from './labels';

type TableId = 't2' | 't3' | 't4' | 'legacy';

export interface TableRow {
  kind: 'section' | 'header' | 'data';
  labels: string[];
  values: string[];
}

export interface TableModel {
  id: TableId;
  /** Number of label columns of data rows (表三: 3; 表二 and 统计表: 1; 表四: 0). */
  labelColumns: number;
  rows: TableRow[];
}

export interface CellFormat {
  /** How 0 is printed: '0', '/', '—', '-' or '' (blank cell). */
  zero: string;
  /** Print a 法人小计 column after 其他 in 表三 (eight figures). */
  subtotalColumn: boolean;
}

function formatFigure(value: number | null, format: CellFormat): string {
  if (value === null) return '';
  if (value === 0) return format.zero;
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

const section = (text: string): TableRow => ({ kind: 'section', labels: [text], values: [] });
const header = (labels: string[], values: string[]): TableRow => ({ kind: 'header', labels, values });

export function disclosureTable(d: DisclosureFigures, format: CellFormat): TableModel {
  const f = (v: number) => formatFigure(v, format);
  const data = (label: string, values: number[]): TableRow => ({ kind: 'data', labels: [label], values: values.map(f) });
  const rows: TableRow[] = [];
  if (d.template === '2021') {
    rows.push(
      section('第二十条第（一）项'),
      header(['信息内容'], ['本年制发件数', '本年废止件数', '现行有效件数']),
      data('规章', d.regulations),
      data('行政规范性文件', d.normative),
      section('第二十条第（五）项'),
      header(['信息内容'], ['本年处理决定数量']),
      data('行政许可', [d.licensing]),
      section('第二十条第（六）项'),
      header(['信息内容'], ['本年处理决定数量']),
      data('行政处罚', [d.punishment]),
      data('行政强制', [d.enforcement]),
      section('第二十条第（八）项'),
      header(['信息内容'], ['本年收费金额（单位：万元）']),
      data('行政事业性收费', [d.fees]),
    );
  } else {
    const items = ['上一年项目数量', '本年增/减', '处理决定数量'];
    rows.push(
      section('第二十条第（一）项'),
      header(['信息内容'], ['本年新制作数量', '本年新公开数量', '对外公开总数量']),
      data('规章', d.regulations),
      data('规范性文件', d.normative),
      section('第二十条第（五）项'),
      header(['信息内容'], items),
      data('行政许可', d.licensing),
      data('其他对外管理服务事项', d.otherServices),
      section('第二十条第（六）项'),
      header(['信息内容'], items),
      data('行政处罚', d.punishment),
      data('行政强制', d.enforcement),
      section('第二十条第（八）项'),
      header(['信息内容'], items.slice(0, 2)),
      data('行政事业性收费', d.fees),
      section('第二十条第（九）项'),
      header(['信息内容'], ['采购项目数量', '采购总金额']),
      data('政府集中采购', d.procurement),
    );
  }
  return { id: 't2', labelColumns: 1, rows };
}

export function applicationTable(a: ApplicationFigures, format: CellFormat): TableModel {
  const orgColumns = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
  if (format.subtotalColumn) orgColumns.push('小计');
  const rows: TableRow[] = [
    header([APPLICATION_CHECK_NOTE], ['申请人情况']),
    header([''], ['自然人', '法人或其他组织', '总计']),
    header([''], ['', ...orgColumns, '']),
  ];
  let group: string | null = null;
  let subgroup: string | null = null;
  for (const r of a.rows) {
    const figures = format.subtotalColumn ? [...r.values.slice(0, 6), r.values.slice(1, 6).reduce((x, y) => x + y, 0), r.values[TOTAL_COLUMN]] : r.values;
    const values = figures.map((v) => formatFigure(v, format));
    let labels: string[];
    if (!inResultsGroup(r.def.key)) {
      labels = [r.def.label];
      group = null;
    } else {
      const groupCell = group === RESULTS_GROUP ? '' : RESULTS_GROUP;
      group = RESULTS_GROUP;
      if (r.def.group) {
        labels = [groupCell, subgroup === r.def.group ? '' : r.def.group, r.def.label];
        subgroup = r.def.group;
      } else {
        labels = [groupCell, r.def.label];
        subgroup = null;
      }
    }
    rows.push({ kind: 'data', labels, values });
  }
  return { id: 't3', labelColumns: 3, rows };
}

export function reviewTable(r: ReviewFigures, format: CellFormat): TableModel {
  const columns = [...REVIEW_COLUMNS];
  return {
    id: 't4',
    labelColumns: 0,
    rows: [
      header([], ['行政复议', '行政诉讼']),
      header([], [...columns, '未经复议直接起诉', '复议后起诉']),
      header([], ['', '', '', '', '', ...columns, ...columns]),
      { kind: 'data', labels: [], values: r.groups.flat().map((v) => formatFigure(v, format)) },
    ],
  };
}

const LEGACY_INDENT = ['', '　　', '　　　　　', '　　　　　　'];

export function legacyTable(l: LegacyFigures, format: CellFormat): TableModel {
  return {
    id: 'legacy',
    labelColumns: 1,
    rows: [
      header(['统　计　指　标'], ['单位', '统计数']),
      ...l.rows.map(
        (row): TableRow => ({
          kind: 'data',
          labels: [`${LEGACY_INDENT[row.indent]}${row.label}`],
          values: [row.unit, row.value === null ? '' : formatFigure(row.value, format)],
        }),
      ),
    ],
  };
}
