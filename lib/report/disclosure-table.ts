import { lastMatch } from './application-table';
import type { DisclosureTable } from './schema';
import { segmentTokens } from './table-segments';
import { squash, squashedLines, textLines, tokenizeTable } from './text';

interface DisclosureRowDef {
  key: string;
  label: string;
  match: RegExp;
}

export const ROWS: DisclosureRowDef[] = [
  { key: 'regulations', label: '规章', match: /规章/ },
  { key: 'normativeDocuments', label: '行政规范性文件', match: /规范性文件/ },
  { key: 'licensing', label: '行政许可', match: /行政许可/ },
  { key: 'otherServices', label: '其他对外管理服务事项', match: /其他对外管理服务事项|对外管理服务/ },
  { key: 'punishment', label: '行政处罚', match: /行政处罚/ },
  { key: 'enforcement', label: '行政强制', match: /行政强制/ },
  { key: 'fees', label: '行政事业性收费', match: /行政事业性收费|事业性收费/ },
  { key: 'procurement', label: '政府集中采购', match: /政府集中采购|集中采购/ },
];

export const COLUMNS_2021: Record<string, string[]> = {
  regulations: ['本年制发件数', '本年废止件数', '现行有效件数'],
  normativeDocuments: ['本年制发件数', '本年废止件数', '现行有效件数'],
  licensing: ['本年处理决定数量'],
  punishment: ['本年处理决定数量'],
  enforcement: ['本年处理决定数量'],
  fees: ['本年收费金额（单位：万元）'],
};
export const COLUMNS_2019: Record<string, string[]> = {
  regulations: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
  normativeDocuments: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
  licensing: ['上一年项目数量', '本年增/减', '处理决定数量'],
  otherServices: ['上一年项目数量', '本年增/减', '处理决定数量'],
  punishment: ['上一年项目数量', '本年增/减', '处理决定数量'],
  enforcement: ['上一年项目数量', '本年增/减', '处理决定数量'],
  fees: ['上一年项目数量', '本年增/减'],
  procurement: ['采购项目数量', '采购总金额'],
};

export interface DisclosureTableResult {
  table: DisclosureTable | null;
  /** The table's own column headers tell the template, whatever notice the report cites. */
  shape: '2021' | '2019' | null;
  notes: string[];
}

function findDisclosureRegion(lines: string[], flat: string[] = lines.map(squash)): { start: number; end: number } | null {
  const start = flat.findIndex((l) => /第二十条|本年制发件数|本年新制作数量/.test(l));
  if (start < 0) return null;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const s = flat[i];
    if (/本年新收|申请人情况|勾稽关系|收到和处理政府信息公开申请/.test(s) || (/行政复议/.test(s) && s.length < 40)) {
      end = i;
      break;
    }
  }
  return { start, end: Math.min(end, start + 120) };
}

export function parseDisclosureTable(text: string): DisclosureTableResult {
  const lines = textLines(text);
  const region = findDisclosureRegion(lines, squashedLines(text));
  if (!region) return { table: null, shape: null, notes: [] };
  const regionText = lines.slice(region.start, region.end).join('\n');
  const flat = squash(regionText);
  let shape: '2021' | '2019' | null = null;
  if (/本年制发件数|本年废止件数|现行有效件数|本年收费金额/.test(flat)) shape = '2021';
  else if (/本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/?减|采购项目数量|政府集中采购/.test(flat)) shape = '2019';

  const found = new Map<string, number[]>();
  /** How many of a row's cells were printed before its trailing empty ones. */
  const printed = new Map<string, number>();
  for (const seg of segmentTokens(tokenizeTable(regionText, { pipeBlanks: true }), 3)) {
    let best: DisclosureRowDef | null = null;
    let bestPos = -1;
    for (const row of ROWS) {
      const pos = lastMatch(seg.label, row.match);
      if (pos > bestPos) {
        bestPos = pos;
        best = row;
      }
    }
    if (best && !found.has(best.key)) found.set(best.key, seg.numbers);
    if (best && !printed.has(best.key)) printed.set(best.key, seg.blanks.lastIndexOf(false) + 1);
  }
  if (found.size === 0) return { table: null, shape, notes: shape ? ['表二只有表头，没有读到数字。'] : [] };
  if (!shape) shape = (printed.get('licensing') ?? 1) >= 3 ? '2019' : '2021';
  const columns = shape === '2021' ? COLUMNS_2021 : COLUMNS_2019;
  const notes: string[] = [];
  const rows: DisclosureTable['rows'] = [];
  for (const def of ROWS) {
    const cols = columns[def.key];
    if (!cols) continue;
    const nums = found.get(def.key);
    let values: Array<number | null> = new Array(cols.length).fill(null);
    if (nums && nums.length >= cols.length) values = nums.slice(0, cols.length);
    else if (nums) notes.push(`表二“${def.label}”应有 ${cols.length} 个数字，只读到 ${nums.length} 个，未录入。`);
    rows.push({ key: def.key, label: def.label, columns: cols, values });
  }
  return { table: { template: shape, rows }, shape, notes };
}
