import type { ApplicationTable } from './schema';
import { type Segment, segmentTokens, trimBlanks, trimmedLength } from './table-segments';
import { squash, squashedLines, textLines, tokenizeTable } from './text';

/** 表三 rows in print order. `match` is tested on label text with spaces removed. */
interface RowDef {
  key: string;
  label: string;
  group: string | null;
  match: RegExp;
}

export const HEAD_ROWS: RowDef[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', group: null, match: /本年度?新收|新收政府信息/ },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', group: null, match: /上年结转|上年度结转/ },
  { key: 'granted', label: '（一）予以公开', group: '三、本年度办理结果', match: /予以公开/ },
  { key: 'partiallyGranted', label: '（二）部分公开', group: '三、本年度办理结果', match: /部分公开/ },
  { key: 'refusedStateSecret', label: '1.属于国家秘密', group: '（三）不予公开', match: /国家秘密/ },
  { key: 'refusedProhibited', label: '2.其他法律行政法规禁止公开', group: '（三）不予公开', match: /禁止公开|法规禁止|行政止公开/ },
  { key: 'refusedSecurity', label: '3.危及“三安全一稳定”', group: '（三）不予公开', match: /三安全|一稳定|危及/ },
  { key: 'refusedThirdParty', label: '4.保护第三方合法权益', group: '（三）不予公开', match: /第三方/ },
  { key: 'refusedInternal', label: '5.属于三类内部事务信息', group: '（三）不予公开', match: /内部事务/ },
  { key: 'refusedProcess', label: '6.属于四类过程性信息', group: '（三）不予公开', match: /过程性/ },
  { key: 'refusedEnforcement', label: '7.属于行政执法案卷', group: '（三）不予公开', match: /执法案卷/ },
  { key: 'refusedQuery', label: '8.属于行政查询事项', group: '（三）不予公开', match: /查询事项/ },
  { key: 'unableNotHeld', label: '1.本机关不掌握相关政府信息', group: '（四）无法提供', match: /不掌握/ },
  { key: 'unableNeedsCreation', label: '2.没有现成信息需要另行制作', group: '（四）无法提供', match: /现成信息|另行制作/ },
  { key: 'unableUnclear', label: '3.补正后申请内容仍不明确', group: '（四）无法提供', match: /补正后|仍不明确/ },
  { key: 'notProcessedPetition', label: '1.信访举报投诉类申请', group: '（五）不予处理', match: /信访|举报投诉/ },
  { key: 'notProcessedRepeated', label: '2.重复申请', group: '（五）不予处理', match: /重复申请/ },
  { key: 'notProcessedPublication', label: '3.要求提供公开出版物', group: '（五）不予处理', match: /出版物/ },
  { key: 'notProcessedMassRepeated', label: '4.无正当理由大量反复申请', group: '（五）不予处理', match: /大量反复|反复申请/ },
  { key: 'notProcessedConfirmation', label: '5.要求行政机关确认或重新出具已获取信息', group: '（五）不予处理', match: /重新出具|确认或|已获取信息/ },
];

/** 2021 template: 其他处理 has three sub-rows. */
export const OTHER_ROWS_2021: RowDef[] = [
  { key: 'otherNoCorrection', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: '（六）其他处理', match: /逾期不补正|不补正/ },
  {
    key: 'otherUnpaidFee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    group: '（六）其他处理',
    match: /缴纳费用|收费通知/,
  },
  { key: 'otherOther', label: '3.其他', group: '（六）其他处理', match: /(?:^|[\d.、．）)])其他$|^其他/ },
];
/** 2019 template (and many 2021 reports that kept it): one 其他处理 row. */
export const OTHER_ROWS_2019: RowDef[] = [{ key: 'otherProcessed', label: '（六）其他处理', group: '三、本年度办理结果', match: /其他处理/ }];

export const TAIL_ROWS: RowDef[] = [
  { key: 'total', label: '（七）总计', group: '三、本年度办理结果', match: /总计/ },
  { key: 'carriedForward', label: '四、结转下年度继续办理', group: null, match: /结转下年|转下年度/ },
];

export const OUTCOME_KEYS_2019 = [...HEAD_ROWS.slice(2), ...OTHER_ROWS_2019].map((r) => r.key);

interface Column {
  key: string;
  label: string;
}

export const COLUMNS_7: Column[] = [
  { key: 'naturalPerson', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'publicInterest', label: '社会公益组织' },
  { key: 'legalService', label: '法律服务机构' },
  { key: 'otherOrg', label: '其他' },
  { key: 'total', label: '总计' },
];

export interface ApplicationTableResult {
  table: ApplicationTable | null;
  notes: string[];
}

/** Find the lines of 表三: from its header to just before 表四. `closed` is false when the text ends inside it. */
function findApplicationRegion(lines: string[], flat: string[] = lines.map(squash)): { start: number; end: number; closed: boolean } | null {
  // Row 一's label: "本年新收…", or worded otherwise on a short line of its own (prose says 本年度新收到…件 too).
  let anchor = flat.findIndex((l) => l.includes('本年新收'));
  if (anchor < 0) anchor = flat.findIndex((l) => l.length <= 40 && /本年度新收|新收政府信息公开申请/.test(l) && !/[件。]/.test(l));
  if (anchor < 0) return null;
  let start = anchor;
  for (let i = anchor - 1; i >= Math.max(0, anchor - 40); i--) {
    const s = flat[i];
    if (/申请人情况|勾稽|收到和处理|自然人/.test(s)) start = i;
    if (/第二十条|行政事业性收费/.test(s)) break;
  }
  for (let i = anchor + 1; i < lines.length; i++) {
    const s = flat[i];
    if (/结转下年|转下年度/.test(s)) {
      // The figures of the last row may sit on the next lines.
      let end = Math.min(lines.length, i + 1);
      while (end < lines.length && end < i + 10 && /^[\s\d|\t/—–-]*$/.test(lines[end])) end++;
      return { start, end, closed: true };
    }
    if (/行政复议/.test(s) && s.length < 40 && i > anchor + 5) return { start, end: i, closed: true };
  }
  return { start, end: lines.length, closed: false };
}

export function parseApplicationTable(text: string): ApplicationTableResult {
  const lines = textLines(text);
  const region = findApplicationRegion(lines, squashedLines(text));
  if (!region) return { table: null, notes: [] };
  const regionText = lines.slice(region.start, region.end).join('\n');
  const flat = squash(regionText);
  const columns = detectColumns(flat);
  const width = columns.length;
  const rowDefs = [...HEAD_ROWS, ...(/逾期不补正|缴纳费用|收费通知/.test(flat) ? OTHER_ROWS_2021 : OTHER_ROWS_2019), ...TAIL_ROWS];
  const segments = segmentTokens(tokenizeTable(regionText, { pipeBlanks: true }), width);

  const byLabels = assignByLabels(segments, rowDefs, columns, region.closed);
  const byOrder = assignByOrder(segments, rowDefs, columns);
  const notes: string[] = [];
  let chosen: Map<string, Array<number | null>>;
  let method: 'labels' | 'order';
  if (byLabels.size === rowDefs.length || (byLabels.size >= (byOrder?.size ?? 0) && !byOrder)) {
    chosen = valuesOf(byLabels);
    method = 'labels';
  } else if (byOrder) {
    chosen = byOrder;
    method = 'order';
    notes.push('表三的行标签与数字错位，按完整数据行的顺序对应到各行。');
  } else {
    chosen = valuesOf(byLabels);
    method = 'labels';
  }

  let missing = rowDefs.filter((r) => !chosen.has(r.key));
  // Without the first row or the total, or with most rows unread, the table is cut off or partly
  // unreadable: keep only the rows read for sure (their own label right before a full row of
  // figures that add up), the rest left empty.
  if ((!chosen.has('newReceived') && !chosen.has('total')) || missing.length > rowDefs.length / 2) {
    const read = rowDefs.length - missing.length;
    chosen = new Map([...byLabels].filter(([, a]) => a.sure).map(([k, a]) => [k, a.values]));
    if (chosen.size === 0) {
      return {
        table: null,
        notes: [
          read === 0 || (!byLabels.has('newReceived') && !byLabels.has('total'))
            ? '表三无法可靠读取（未找到“本年新收”和“总计”行的数字），未录入表三数据。'
            : `表三只读到 ${read}/${rowDefs.length} 行，无法可靠读取，未录入表三数据。`,
        ],
      };
    }
    method = 'labels';
    missing = rowDefs.filter((r) => !chosen.has(r.key));
    const kept = rowDefs.filter((r) => chosen.has(r.key)).map((r) => r.label);
    notes.push(`表三不完整（文本截断或部分无法读取），只录入确定读到的 ${kept.length}/${rowDefs.length} 行：${kept.join('、')}；其余各行留空。`);
  } else if (missing.length > 0) {
    notes.push(`表三有 ${missing.length} 行未能读取：${missing.map((r) => r.label).join('、')}。`);
  }
  const incompleteRows = [...chosen.entries()].filter(([, v]) => v.some((x) => x === null)).map(([k]) => rowDefs.find((r) => r.key === k)?.label ?? k);
  if (incompleteRows.length > 0) notes.push(`表三以下行的数字不全：${incompleteRows.join('、')}。`);

  const table: ApplicationTable = {
    columns,
    rows: rowDefs.map((r) => ({
      key: r.key,
      label: r.label,
      group: r.group,
      values: chosen.get(r.key) ?? new Array(width).fill(null),
    })),
    method,
    complete: missing.length === 0 && incompleteRows.length === 0,
  };
  return { table, notes };
}

function detectColumns(flatHeader: string): Column[] {
  if (!/小计/.test(flatHeader)) return COLUMNS_7;
  const cols = [...COLUMNS_7];
  // Bodies that add a 法人小计 column print it after the five kinds of organisation, or before them.
  const subtotalFirst = flatHeader.indexOf('小计') < flatHeader.indexOf('商业');
  cols.splice(subtotalFirst ? 1 : 6, 0, { key: 'orgSubtotal', label: '法人或其他组织小计' });
  return cols;
}

interface Fitted {
  values: Array<number | null>;
  /** The figures fill the row as printed, with no cell guessed. */
  exact: boolean;
}

/**
 * A full row whose empty cells were read as zeros: right when the applicants then add up to the
 * 总计. Otherwise the empty cells were left unfilled, not zero: an empty 总计 is unknown, and
 * so are empty applicant cells beside a printed 总计 ("a row whose only figure is the 总计").
 */
function resolveBlanks(numbers: number[], blanks: boolean[], columns: Column[]): Array<number | null> {
  if (!blanks.some(Boolean) || blanks.every(Boolean)) return numbers;
  const totalCol = columns.findIndex((c) => c.key === 'total');
  const applicants = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.key !== 'total' && c.key !== 'orgSubtotal');
  const sum = applicants.reduce((a, { i }) => a + numbers[i], 0);
  if (sum === numbers[totalCol]) return numbers;
  if (blanks[totalCol]) return numbers.map((n, i) => (i === totalCol ? null : n));
  return numbers.map((n, i) => (blanks[i] ? null : n));
}

/**
 * Fit a run of figures to the row width, or say which cells are unknown (null). `ended`: the next
 * row's label follows, so the run is the whole row as printed (not cut off by the end of the text).
 */
function fitRow(seg: Segment, columns: Column[], ended: () => boolean): Fitted | null {
  const width = columns.length;
  const { numbers: nums, blanks } = trimBlanks(seg, width);
  if (nums.length === width) return { values: resolveBlanks(nums, blanks, columns), exact: true };
  if (nums.length > width && nums.length < width * 2) return { values: nums.slice(0, width), exact: false };
  if (nums.length < 2 || nums.length >= width) return null;
  if (nums.length === width - 1 && nums.every((n) => n === 0)) {
    // A row of zeros with one cell left empty: whichever cell it is, it can only be zero.
    return { values: new Array(width).fill(0), exact: ended() };
  }
  const last = nums[nums.length - 1];
  const applicants = nums.slice(0, -1).reduce((a, b) => a + b, 0);
  const totalOnly = () => ({ values: columns.map((c) => (c.key === 'total' ? last : null)), exact: ended() });
  if (nums.length === width - 1) {
    // Six figures whose last is not the sum of the others: the 总计 cell was left empty.
    if (applicants !== last) return { values: [...nums, null], exact: false };
    // Otherwise one applicant cell is missing and we cannot tell which: keep only the total.
    return totalOnly();
  }
  // Applicant columns that lost their cells ("| 3 | 1 | 4 |"): a last figure that is the sum of
  // the others is the 总计 of a whole row.
  if (!blanks.some(Boolean) && applicants === last && ended()) return totalOnly();
  return null;
}

/** The next run of figures starts at another row's label (or the table ends where the text goes on). */
function rowEnded(next: Segment | undefined, rowDefs: RowDef[], closed: boolean): boolean {
  return next ? rowDefs.some((d) => d.match.test(next.label)) : closed;
}

/** A row printed with a single figure and nothing else: its 总计 (or a row of zeros). */
function singleFigureRow(seg: Segment, columns: Column[]): Fitted | null {
  if (seg.numbers.length !== 1 || seg.blanks[0]) return null;
  const n = seg.numbers[0];
  return { values: columns.map((c) => (n === 0 ? 0 : c.key === 'total' ? n : null)), exact: true };
}

/** Rule 3 where it can be checked: the applicant columns add up to the 总计. */
function addsUp(values: Array<number | null>, columns: Column[]): boolean {
  const total = values[columns.findIndex((c) => c.key === 'total')];
  const parts = columns.map((c, i) => (c.key === 'total' || c.key === 'orgSubtotal' ? 0 : values[i]));
  if (total === null || parts.some((v) => v === null)) return true;
  return (parts as number[]).reduce((a, b) => a + b, 0) === total;
}

interface Assigned {
  values: Array<number | null>;
  /** Read for sure: its own label just before it, no row skipped, every figure as printed, and it adds up. */
  sure: boolean;
}

/** Words of 表三's header, whose empty cells are padding. */
const HEADER_WORDS = /自然人|法人或其他组织|申请人情况|商业企业|科研机构|社会公益组织|法律服务机构|勾稽/;
/** Rows whose label words the header prints too (总计, 其他). */
const HEADER_ROW_KEYS = new Set(['total', 'otherOther']);

/** Tie each run of figures to the row whose label was printed last before it. */
function assignByLabels(segments: Segment[], rowDefs: RowDef[], columns: Column[], closed: boolean) {
  const result = new Map<string, Assigned>();
  let pointer = 0;
  // The header's cells ("自然人 | 法人或其他组织 | 总计 |  |  |") come before the first row: the
  // padding of its empty cells is no row's figures.
  const firstRow = segments.findIndex((seg) => rowDefs[0].match.test(seg.label));
  for (let s = Math.max(0, firstRow); s < segments.length; s++) {
    const seg = segments[s];
    let bestIndex = -1;
    let bestPos = -1;
    for (let r = pointer; r < rowDefs.length; r++) {
      const m = lastMatch(seg.label, rowDefs[r].match);
      if (m > bestPos) {
        bestPos = m;
        bestIndex = r;
      }
    }
    if (bestIndex < 0) continue;
    // Empty cells after the header's 总计 or 其他 are its padding, not that row.
    if (seg.blanks.every(Boolean) && HEADER_WORDS.test(seg.label) && HEADER_ROW_KEYS.has(rowDefs[bestIndex].key)) continue;
    // A single figure is a row of its own only when the next row's label follows it: at the end
    // of a cut-off text it may be the first cell of a row whose other cells are lost.
    const ended = () => rowEnded(segments[s + 1], rowDefs, closed);
    const fitted = fitRow(seg, columns, ended) ?? (seg.numbers.length === 1 && ended() ? singleFigureRow(seg, columns) : null);
    if (!fitted) continue;
    const key = rowDefs[bestIndex].key;
    // Labels of earlier rows inside this run's label: rows whose figures are missing, so the
    // figures and labels may be out of step.
    let skipped = false;
    for (let r = pointer; r < bestIndex && !skipped; r++) skipped = rowDefs[r].match.test(seg.label);
    const sure = fitted.exact && !skipped && addsUp(fitted.values, columns);
    if (!result.has(key)) result.set(key, { values: fitted.values, sure });
    pointer = bestIndex + 1;
  }
  return result;
}

function valuesOf(assigned: Map<string, Assigned>): Map<string, Array<number | null>> {
  return new Map([...assigned].map(([k, a]) => [k, a.values]));
}

/** When labels and figures are out of step, complete rows in print order are the rows. */
function assignByOrder(segments: Segment[], rowDefs: RowDef[], columns: Column[]) {
  const width = columns.length;
  // Padding cells of the header rows before the first row are not a row.
  const first = segments.findIndex((s) => rowDefs[0].match.test(s.label));
  const full = segments.slice(Math.max(0, first)).filter((s) => {
    const n = trimmedLength(s, width);
    return n >= width - 1 && n <= width;
  });
  if (full.length !== rowDefs.length) return null;
  const result = new Map<string, Array<number | null>>();
  full.forEach((seg, i) => {
    const fitted = fitRow(seg, columns, () => true);
    if (fitted) result.set(rowDefs[i].key, fitted.values);
  });
  return result.size === rowDefs.length ? result : null;
}

const globalCache = new WeakMap<RegExp, RegExp>();

/** Position of the last match of `re` in `label`, or -1. */
export function lastMatch(label: string, re: RegExp): number {
  let global = globalCache.get(re);
  if (!global) {
    global = new RegExp(re.source, 'g');
    globalCache.set(re, global);
  }
  global.lastIndex = 0;
  let pos = -1;
  for (let m = global.exec(label); m; m = global.exec(label)) {
    pos = m.index;
    if (m[0].length === 0) global.lastIndex++;
  }
  return pos;
}
