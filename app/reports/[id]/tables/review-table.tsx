import { constructTable, createColumnHelper, tableFeatures } from '@tanstack/table-core';
import { FlexRender } from '@tanstack/table-core/flex-render';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import type { ReactNode } from 'react';
import type { ReviewTable as ReviewTableData } from '@/lib/report/schema';
import type { FailedCells } from '../../../../lib/report/failed-cells';
import { HeaderRows } from './header-rows';
import { Figure, FigureCell } from './number-cell';

/** 表四 行政复议、行政诉讼: one row of 15 figures under three groups of five, as printed. */

// Built on the server (TanStack's framework-free core): a printed table changes nothing in the browser.
const features = tableFeatures({ coreReactivityFeature: storeReactivityBindings() });
const helper = createColumnHelper<typeof features, ReviewTableData>();

type Group = keyof ReviewTableData;
const OUTCOMES = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;

function outcomeColumns(group: Group) {
  return helper.columns(
    OUTCOMES.map(([key, label]) =>
      helper.accessor((row) => row[group][key], {
        id: `${group}.${key}`,
        header: label,
        cell: (info) => <Figure value={info.getValue()} />,
      }),
    ),
  );
}

const columns = helper.columns([
  helper.group({ id: 'reconsideration', header: '行政复议', columns: outcomeColumns('reconsideration') }),
  helper.group({
    id: 'litigation',
    header: '行政诉讼',
    columns: [
      helper.group({ id: 'litigationDirect', header: '未经复议直接起诉', columns: outcomeColumns('litigationDirect') }),
      helper.group({ id: 'litigationAfterReconsideration', header: '复议后起诉', columns: outcomeColumns('litigationAfterReconsideration') }),
    ],
  }),
]);

export function ReviewTable({ data, failed }: { data: ReviewTableData; failed: FailedCells }) {
  const table = constructTable({ features, columns, data: [data] });
  return (
    <table className="report-table report-table--review" data-testid="table-review">
      <caption>表四 政府信息公开行政复议、行政诉讼情况</caption>
      <thead>
        <HeaderRows groups={table.getHeaderGroups()} render={(header) => FlexRender({ header }) as ReactNode} />
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) => (
              <FigureCell key={cell.id} cellRef={`t4.${cell.column.id}`} failed={failed} missing={cell.getValue() === null}>
                {FlexRender({ cell }) as ReactNode}
              </FigureCell>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
