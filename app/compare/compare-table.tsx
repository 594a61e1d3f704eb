'use client';

import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  type SortingState,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import Link from 'next/link';
import { useState } from 'react';
import { COMPARE_FIGURES, type CompareFigure, FIGURE_INFO, isShare } from '@/lib/compare/figures';
import type { CompareBody } from '@/lib/compare/queries';
import { type CompareRow, compareRows } from '@/lib/compare/rows';
import { formatShare } from '@/lib/report/rates';
import { formatYearChange, type YearChange } from '@/lib/report/year-change';

/**
 * The key figures of the picked bodies year by year, side by side (rows: year, then body in the
 * order picked), each with its change against the body's previous year. Every column sorts;
 * unknown figures sort last whatever the direction.
 */

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns: { basic: sortFn_basic, text: sortFn_text } });
const helper = createColumnHelper<typeof features, CompareRow>();

function formatValue(figure: CompareFigure, value: number | null): string {
  if (value === null) return '—';
  return isShare(figure) ? formatShare(value) : value.toLocaleString('zh-CN');
}

function formatChange(figure: CompareFigure, change: YearChange | null): string {
  if (!change) return '';
  if (!isShare(figure)) return formatYearChange(change);
  if (change.delta === 0) return '持平';
  return `${change.delta > 0 ? '+' : '−'}${Math.abs(change.delta).toFixed(1)} 个百分点`;
}

const columns = helper.columns([
  helper.accessor('year', { id: 'year', header: '年度', sortFn: 'basic', cell: (info) => `${info.getValue()}` }),
  helper.accessor('organization', {
    id: 'body',
    header: '机关',
    sortFn: 'text',
    cell: (info) => (
      <Link href={`/reports/${encodeURIComponent(info.row.original.reportId)}`} className={`compare-body compare-body--${info.row.original.bodyIndex}`}>
        {info.getValue()}
      </Link>
    ),
  }),
  ...COMPARE_FIGURES.map((figure) =>
    helper.accessor((row) => row.values[figure] ?? undefined, {
      id: figure,
      header: isShare(figure) ? FIGURE_INFO[figure].label : `${FIGURE_INFO[figure].label}（${FIGURE_INFO[figure].unit}）`,
      sortFn: 'basic',
      sortUndefined: 'last',
      cell: (info) => {
        const change = info.row.original.changes[figure];
        const tone = !change ? '' : change.delta > 0 ? 'up' : change.delta < 0 ? 'down' : 'flat';
        return (
          <>
            <span data-testid={`cell-${figure}`}>{formatValue(figure, info.row.original.values[figure])}</span>
            {change ? <span className={`change change--${tone} compare-change`}>{formatChange(figure, change)}</span> : null}
          </>
        );
      },
    }),
  ),
]);

const SORT_NAMES = { asc: '升序', desc: '降序' } as const;

export function CompareTable({ bodies }: { bodies: CompareBody[] }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useTable({ features, columns, data: compareRows(bodies), state: { sorting }, onSortingChange: setSorting, getRowId: (row) => row.id });
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table box must take keyboard focus so keyboard users can scroll it (axe scrollable-region-focusable)
    <section className="table-scroll" tabIndex={0} aria-labelledby="compare-table-caption">
      <table className="data-table compare-table" data-testid="compare-table">
        <caption id="compare-table-caption">各机关逐年关键数字（点击表头排序；变化与同一机关上一年度相比）</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    className={header.column.id === 'year' || header.column.id === 'body' ? undefined : 'num'}
                  >
                    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()} data-testid={`sort-${header.column.id}`}>
                      <table.FlexRender header={header} />
                      <span className="sort-button__mark" aria-hidden="true">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                      {sorted ? <span className="visually-hidden">（{SORT_NAMES[sorted]}）</span> : null}
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="compare-row" data-year={row.original.year} data-body-key={row.original.bodyKey}>
              {row.getAllCells().map((cell) =>
                cell.column.id === 'year' ? (
                  <th key={cell.id} scope="row">
                    <table.FlexRender cell={cell} />
                  </th>
                ) : (
                  <td key={cell.id} className={cell.column.id === 'body' ? 'compare-table__body' : 'num'}>
                    <table.FlexRender cell={cell} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
