import type { ReviewTable } from './schema';
import { parseNumberCell, squash, squashedLines, textLines, tokenizeTable } from './text';

export interface ReviewTableResult {
  table: ReviewTable | null;
  notes: string[];
}

/**
 * 表四 has fifteen figures in three groups of five (维持, 纠正, 其他, 尚未审结, 总计). Its headers
 * hold no digits, so the figures between its heading and the next part are the table.
 */
export function parseReviewTable(text: string, after: number): ReviewTableResult {
  const lines = textLines(text);
  const flat = squashedLines(text);
  let start = -1;
  for (let i = after; i < lines.length; i++) {
    const s = flat[i];
    if (/行政复议/.test(s) && s.length <= 40 && !/[。]/.test(s)) {
      start = i;
      break;
    }
  }
  if (start < 0) return { table: null, notes: [] };
  let end = Math.min(lines.length, start + 60);
  for (let i = start + 1; i < end; i++) {
    const s = flat[i];
    if (/存在的?主要问题|其他需要报告|^[五六][、.．]/.test(s) && s.length < 40) {
      end = i;
      break;
    }
  }
  const regionText = lines.slice(start, end).join('\n');
  if (!/维持|纠正|审结/.test(squash(regionText))) return { table: null, notes: [] };
  // A tab row of exactly fifteen cells is the data row; its empty cells are zeros.
  for (const line of regionText.split('\n')) {
    const cells = line
      .replace(/\t+$/, '')
      .split('\t')
      .map((c) => c.trim());
    if (cells.length === 15 && cells.some((c) => /^\d+$/.test(c)) && cells.every((c) => c === '' || parseNumberCell(c) !== null)) {
      const values = cells.map((c) => (c === '' ? 0 : (parseNumberCell(c) as number)));
      return toTable(values);
    }
  }
  const figures = tokenizeTable(regionText).filter((t) => t.kind === 'number');
  let values = figures.map((t) => (t.kind === 'number' ? t.value : 0));
  // Trailing empty tab cells are not figures.
  while (values.length > 15 && figures[values.length - 1]?.kind === 'number' && (figures[values.length - 1] as { blank?: boolean }).blank)
    values = values.slice(0, -1);
  if (values.length !== 15) {
    return {
      table: null,
      notes: values.length === 0 ? [] : [`表四应有 15 个数字，读到 ${values.length} 个，无法可靠对应，未录入表四数据。`],
    };
  }
  return toTable(values);
}

function toTable(values: number[]): ReviewTableResult {
  if (values.some((v) => !Number.isInteger(v) || v < 0)) return { table: null, notes: ['表四含有非整数，未录入表四数据。'] };
  const group = (o: number) => ({ upheld: values[o], corrected: values[o + 1], other: values[o + 2], pending: values[o + 3], total: values[o + 4] });
  return { table: { reconsideration: group(0), litigationDirect: group(5), litigationAfterReconsideration: group(10) }, notes: [] };
}
