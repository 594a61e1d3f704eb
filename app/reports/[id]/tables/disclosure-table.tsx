import { constructTable, createColumnHelper, tableFeatures } from '@tanstack/table-core';
import { FlexRender } from '@tanstack/table-core/flex-render';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import type { ReactNode } from 'react';
import type { DisclosureTable as DisclosureTableData } from '@/lib/report/schema';
import type { FailedCells } from '../../../../lib/report/failed-cells';
import { Figure, FigureCell } from './number-cell';

/**
 * 表二 主动公开政府信息情况, in the 2021 or the 2019 shape: one block per item of 条例第二十条,
 * each with its own column heads, as the template prints it.
 */

type Row = { key: string; label: string; values: Array<number | null> };

interface Item {
  item: string;
  columns: string[];
  rows: Array<[key: string, label: string]>;
}

const ITEMS: Record<DisclosureTableData['template'], Item[]> = {
  '2021': [
    {
      item: '第二十条第（一）项',
      columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
      rows: [
        ['regulations', '规章'],
        ['normativeDocuments', '行政规范性文件'],
      ],
    },
    { item: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: [['licensing', '行政许可']] },
    {
      item: '第二十条第（六）项',
      columns: ['本年处理决定数量'],
      rows: [
        ['punishment', '行政处罚'],
        ['enforcement', '行政强制'],
      ],
    },
    { item: '第二十条第（八）项', columns: ['本年收费金额（单位：万元）'], rows: [['fees', '行政事业性收费']] },
  ],
  '2019': [
    {
      item: '第二十条第（一）项',
      columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: [
        ['regulations', '规章'],
        ['normativeDocuments', '规范性文件'],
      ],
    },
    {
      item: '第二十条第（五）项',
      columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        ['licensing', '行政许可'],
        ['otherServices', '其他对外管理服务事项'],
      ],
    },
    {
      item: '第二十条第（六）项',
      columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        ['punishment', '行政处罚'],
        ['enforcement', '行政强制'],
      ],
    },
    { item: '第二十条第（八）项', columns: ['上一年项目数量', '本年增/减'], rows: [['fees', '行政事业性收费']] },
    { item: '第二十条第（九）项', columns: ['采购项目数量', '采购总金额'], rows: [['procurement', '政府集中采购']] },
  ],
};

/** Widest block: every block spans this many figure columns. */
const WIDTH = 3;
/** Names the cross-year check (lib/indexer/cross-year.ts) gives the 2021 规章/规范性文件 figures. */
const IN_FORCE_CELLS = ['issued', 'repealed', 'inForce'];

// Built on the server (TanStack's framework-free core): a printed table changes nothing in the browser.
const features = tableFeatures({ coreReactivityFeature: storeReactivityBindings() });
const helper = createColumnHelper<typeof features, Row>();

function cellRef(template: DisclosureTableData['template'], rowKey: string, index: number): string {
  const named = template === '2021' && (rowKey === 'regulations' || rowKey === 'normativeDocuments');
  return `t2.${rowKey}.${named ? IN_FORCE_CELLS[index] : index}`;
}

function ItemBlock({ item, rows, template, failed }: { item: Item; rows: Row[]; template: DisclosureTableData['template']; failed: FailedCells }) {
  const columns = helper.columns(
    item.columns.map((label, index) =>
      helper.accessor((row) => row.values[index] ?? null, {
        id: String(index),
        header: label,
        cell: (info) => <Figure value={info.getValue()} />,
      }),
    ),
  );
  const table = constructTable({ features, columns, data: rows });
  const lastSpan = WIDTH - item.columns.length + 1;
  return (
    <tbody>
      <tr className="report-table__item">
        <th scope="colgroup" colSpan={WIDTH + 1}>
          {item.item}
        </th>
      </tr>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          <th scope="col">信息内容</th>
          {group.headers.map((header, i) => (
            <th key={header.id} scope="col" colSpan={i === group.headers.length - 1 && lastSpan > 1 ? lastSpan : undefined}>
              {FlexRender({ header }) as ReactNode}
            </th>
          ))}
        </tr>
      ))}
      {table.getRowModel().rows.map((row) => (
        <tr key={row.id} data-row={row.original.key}>
          <th scope="row" className="report-table__label">
            {row.original.label}
          </th>
          {row.getAllCells().map((cell, i, all) => (
            <FigureCell
              key={cell.id}
              cellRef={cellRef(template, row.original.key, i)}
              failed={failed}
              missing={cell.getValue() === null}
              colSpan={i === all.length - 1 && lastSpan > 1 ? lastSpan : undefined}
            >
              {FlexRender({ cell }) as ReactNode}
            </FigureCell>
          ))}
        </tr>
      ))}
    </tbody>
  );
}

export function DisclosureTable({ data, failed }: { data: DisclosureTableData; failed: FailedCells }) {
  const byKey = new Map(data.rows.map((r) => [r.key, r]));
  return (
    <table className="report-table report-table--disclosure" data-testid="table-disclosure">
      <caption>表二 主动公开政府信息情况</caption>
      {ITEMS[data.template].map((item) => {
        const rows = item.rows.map(([key, label]): Row => {
          const found = byKey.get(key);
          return { key, label: found?.label ?? label, values: found?.values ?? item.columns.map(() => null) };
        });
        return <ItemBlock key={item.item} item={item} rows={rows} template={data.template} failed={failed} />;
      })}
    </table>
  );
}
