import { BOM, csvLine } from '@/lib/search/csv-line';
import type { ChartData } from './chart-data';

/** A chart's table as CSV text (BOM, CRLF, formula-safe cells: lib/search/csv.ts); shares as fractions. */
export function chartCsv(data: Pick<ChartData, 'columns' | 'rows'>): string {
  let out = BOM + csvLine(data.columns.map((c) => c.label));
  for (const row of data.rows) {
    out += csvLine(
      data.columns.map((c) => {
        const value = row[c.key];
        return typeof value === 'number' && c.kind === 'share' ? Math.round(value * 10000) / 10000 : value;
      }),
    );
  }
  return out;
}

/** Saves text as a file from the browser (an object URL on a temporary link). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
