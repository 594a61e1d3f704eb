import { type ColumnDef, constructTable, createColumnHelper, type GroupColumnDef, tableFeatures } from '@tanstack/table-core';
import { FlexRender } from '@tanstack/table-core/flex-render';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import type { ReactNode } from 'react';
import type { ApplicationTable as ApplicationTableData } from '@/lib/report/schema';
import type { FailedCells } from '../../../../lib/report/failed-cells';
import { HeaderRows } from './header-rows';
import { Figure, FigureCell } from './number-cell';

/**
 * 表三 收到和处理政府信息公开申请情况, laid out as the template prints it: the row labels in up to
 * three label columns (三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密), the applicant columns
 * under 自然人 · 法人或其他组织 · 总计.
 */

type Row = ApplicationTableData['rows'][number];

// Built on the server (TanStack's framework-free core): a printed table changes nothing in the browser.
const features = tableFeatures({ coreReactivityFeature: storeReactivityBindings() });
const helper = createColumnHelper<typeof features, Row>();
type Column = ColumnDef<typeof features, Row, number | null> | GroupColumnDef<typeof features, Row, unknown>;

const OUTCOMES = '三、本年度办理结果';
const ORGANIZATION_COLUMNS = new Set(['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'orgSubtotal']);

interface LabelCells {
  /** 三、本年度办理结果, on the first row of its block, with the block's height. */
  top: { text: string; rowSpan: number } | null;
  sub: { text: string; rowSpan: number } | null;
  /** 1 when the row sits under both a group and a sub-group; 2 or 3 when the label takes their place. */
  labelColSpan: number;
}

/** Where each row's label goes and which group labels start on it. */
function labelLayout(rows: readonly Row[]): LabelCells[] {
  const topOf = (r: Row) => (r.group === null ? null : OUTCOMES);
  const subOf = (r: Row) => (r.group !== null && r.group !== OUTCOMES ? r.group : null);
  const runLength = (from: number, key: (r: Row) => string | null) => {
    let n = 1;
    while (from + n < rows.length && key(rows[from + n]) === key(rows[from])) n++;
    return n;
  };
  return rows.map((row, i) => {
    const top = topOf(row);
    const sub = subOf(row);
    const startsTop = top !== null && (i === 0 || topOf(rows[i - 1]) !== top);
    const startsSub = sub !== null && (i === 0 || subOf(rows[i - 1]) !== sub);
    return {
      top: startsTop ? { text: top, rowSpan: runLength(i, topOf) } : null,
      sub: startsSub ? { text: sub, rowSpan: runLength(i, subOf) } : null,
      labelColSpan: top === null ? 3 : sub === null ? 2 : 1,
    };
  });
}

export function ApplicationTable({ data, failed }: { data: ApplicationTableData; failed: FailedCells }) {
  const columns = (() => {
    const leaf = (index: number): ColumnDef<typeof features, Row, number | null> => {
      const col = data.columns[index];
      return helper.accessor((row) => row.values[index] ?? null, {
        id: col.key,
        header: col.label,
        cell: (info) => <Figure value={info.getValue()} />,
      });
    };
    const indexed = data.columns.map((c, i) => ({ c, i }));
    const organizations = indexed.filter(({ c }) => ORGANIZATION_COLUMNS.has(c.key));
    const defs: Column[] = [];
    for (const { c, i } of indexed) {
      if (ORGANIZATION_COLUMNS.has(c.key)) {
        if (i === organizations[0].i) {
          defs.push(helper.group({ id: 'organizations', header: '法人或其他组织', columns: helper.columns(organizations.map(({ i: j }) => leaf(j))) }));
        }
      } else {
        defs.push(leaf(i));
      }
    }
    return helper.columns(defs);
  })();

  const table = constructTable({ features, columns, data: data.rows });
  const headerGroups = table.getHeaderGroups();
  const layout = labelLayout(data.rows);

  return (
    <table className="report-table report-table--applications" data-testid="table-applications">
      <caption>表三 收到和处理政府信息公开申请情况</caption>
      <thead>
        <HeaderRows
          groups={headerGroups}
          leading={
            <th scope="col" colSpan={3} rowSpan={headerGroups.length} className="report-table__corner">
              申请人情况
            </th>
          }
          render={(header) => FlexRender({ header }) as ReactNode}
        />
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row, i) => {
          const cells = layout[i];
          return (
            <tr key={row.id} data-row={row.original.key}>
              {cells.top ? (
                <th scope="rowgroup" rowSpan={cells.top.rowSpan} className="report-table__group report-table__group--vertical">
                  {cells.top.text}
                </th>
              ) : null}
              {cells.sub ? (
                <th scope="rowgroup" rowSpan={cells.sub.rowSpan} className="report-table__group">
                  {cells.sub.text}
                </th>
              ) : null}
              <th scope="row" colSpan={cells.labelColSpan > 1 ? cells.labelColSpan : undefined} className="report-table__label">
                {row.original.label}
              </th>
              {row.getAllCells().map((cell) => (
                <FigureCell key={cell.id} cellRef={`t3.${row.original.key}.${cell.column.id}`} failed={failed} missing={cell.getValue() === null}>
                  {FlexRender({ cell }) as ReactNode}
                </FigureCell>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
