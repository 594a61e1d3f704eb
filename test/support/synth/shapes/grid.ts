/**
 * Tables as Word-to-text converters and web pages print them: one cell per line, tab-separated
 * rows, or `|` markdown rows.
 */
import type { TableModel, TableRow } from '../tables';

const cellsOf = (row: TableRow) => [...row.labels, ...row.values];

/** One cell per line, each indented by a tab, a blank line after each row (Word → text). */
export function renderCellPerLine(model: TableModel): string[] {
  const lines: string[] = [];
  for (const row of model.rows) {
    for (const cell of cellsOf(row)) lines.push(`\t${cell}`);
    lines.push('');
  }
  return lines;
}

/** One row per line, cells separated by tabs. */
export function renderTabRows(model: TableModel): string[] {
  return model.rows.map((row) => cellsOf(row).join('\t'));
}

/**
 * `| a | b |` rows with a `|---|` line under the first row of each block. Table 二 is one block
 * per 第二十条 item (each has its own header); the others are one block.
 */
export function renderMarkdownRows(model: TableModel): string[] {
  const blocks: TableRow[][] = [];
  for (const row of model.rows) {
    if (blocks.length === 0 || (model.id === 't2' && row.kind === 'section')) blocks.push([]);
    blocks[blocks.length - 1].push(row);
  }
  const lines: string[] = [];
  for (const block of blocks) {
    const width = Math.max(...block.map((r) => cellsOf(r).length));
    block.forEach((row, i) => {
      const cells = cellsOf(row);
      while (cells.length < width) cells.push('');
      lines.push(`| ${cells.join(' | ')} |`);
      if (i === 0) lines.push(`|${new Array(width).fill('---').join('|')}|`);
    });
    lines.push('');
  }
  return lines;
}
