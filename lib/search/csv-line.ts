/**
 * CSV cells and lines, RFC 4180: a field with a comma, a quote or a line break is quoted and its
 * quotes doubled; rows end in CRLF. Files start with a BOM so Excel reads them as UTF-8. A text
 * cell that starts like a formula (= + - @) gets a leading apostrophe, so a spreadsheet shows it
 * instead of running it. Apart from csv.ts because the browser loads it too (a chart's CSV).
 */

export const BOM = '\uFEFF';

export type Cell = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
