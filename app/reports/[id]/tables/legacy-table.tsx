import { constructTable, createColumnHelper, tableFeatures } from '@tanstack/table-core';
import { FlexRender } from '@tanstack/table-core/flex-render';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import type { ReactNode } from 'react';
import type { ReportDocument } from '@/lib/report/schema';
import { formatFigure } from './number-cell';

/** The pre-2019 统计表: 统计指标 · 单位 · 统计数, one row per indicator as printed. */

type Row = NonNullable<ReportDocument['legacyStatistics']>[number];

// Built on the server (TanStack's framework-free core): a printed table changes nothing in the browser.
const features = tableFeatures({ coreReactivityFeature: storeReactivityBindings() });
const helper = createColumnHelper<typeof features, Row>();
const columns = helper.columns([
  helper.accessor('label', { header: '统计指标', cell: (info) => info.getValue() }),
  helper.accessor('unit', { header: '单位', cell: (info) => info.getValue() ?? '' }),
  helper.accessor('value', { header: '统计数', cell: (info) => formatFigure(info.getValue()) }),
]);

export function LegacyTable({ data }: { data: Row[] }) {
  const table = constructTable({ features, columns, data });
  return (
    <table className="report-table report-table--legacy" data-testid="table-legacy">
      <caption>政府信息公开情况统计表</caption>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th key={header.id} scope="col">
                {FlexRender({ header }) as ReactNode}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) =>
              cell.column.id === 'label' ? (
                <th key={cell.id} scope="row" className="report-table__label">
                  {FlexRender({ cell }) as ReactNode}
                </th>
              ) : (
                <td key={cell.id} className={cell.column.id === 'value' ? 'num' : undefined}>
                  {FlexRender({ cell }) as ReactNode}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
