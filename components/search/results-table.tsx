import {
  type ColumnVisibilityState,
  columnVisibilityFeature,
  constructTable,
  createColumnHelper,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
} from '@tanstack/table-core';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import Link from 'next/link';
import type { Sort, SortDirection, SortKey, TableColumnKey } from '@/lib/search/params';
import { displayCell, TABLE_COLUMNS, type TableRow } from '@/lib/search/table';

/**
 * The results as a table (view=table). The engine sorts (the whole result, not this page), so
 * the table sorts manually: its sorting state is the URL's `sort`, and a header is a link to the
 * search sorted by that column, which works without JavaScript and can be shared. Hidden columns
 * (`cols`) are the table's column visibility.
 *
 * A server component: nothing in it changes in the browser, so TanStack's framework-free core
 * (`constructTable`, no React hooks) builds it on the server and the browser gets HTML only. As
 * a client component with useTable it cost the page ~15 KB of script and ~200 ms of main-thread
 * work on a phone (Lighthouse, docs/performance.md).
 */

const features = tableFeatures({ coreReactivityFeature: storeReactivityBindings(), rowSortingFeature, columnVisibilityFeature });
const helper = createColumnHelper<typeof features, TableRow>();

const columns = helper.columns(
  TABLE_COLUMNS.map((column) =>
    helper.accessor((row) => column.value(row) ?? undefined, {
      id: column.key,
      header: column.unit ? `${column.header}（${column.unit}）` : column.header,
      enableSorting: column.sort !== null,
      // Figures are read most first; places and years the way they are listed.
      sortDescFirst: column.numeric && column.key !== 'year',
    }),
  ),
);

const DIRECTION_NAMES = { asc: '升序', desc: '降序' } as const;

export interface ResultsTableProps {
  rows: TableRow[];
  cols: TableColumnKey[];
  sort: Sort;
  /** The search sorted each way by each key: links built on the server from the whole search. */
  sortHrefs: Record<SortKey, Record<SortDirection, string>>;
  /** The query, carried to the report page so it can mark the words. */
  q: string;
  caption: string;
}

function reportHref(id: string, q: string): string {
  return `/reports/${encodeURIComponent(id)}${q ? `?q=${encodeURIComponent(q)}` : ''}`;
}

function sortingOf(sort: Sort): SortingState {
  if (sort === 'relevance') return [];
  const cut = sort.lastIndexOf('-');
  const column = TABLE_COLUMNS.find((c) => c.sort === sort.slice(0, cut));
  return column ? [{ id: column.key, desc: sort.slice(cut + 1) === 'desc' }] : [];
}

export function ResultsTable({ rows, cols, sort, sortHrefs, q, caption }: ResultsTableProps) {
  const sorting = sortingOf(sort);
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(
    TABLE_COLUMNS.map((c) => [c.key, c.key === 'body' || cols.includes(c.key as TableColumnKey)]),
  );
  const table = constructTable({
    features,
    columns,
    data: rows,
    state: { sorting, columnVisibility },
    manualSorting: true,
    enableSortingRemoval: false,
    getRowId: (row) => row.id,
  });

  return (
    <>
      {/* The caption is said above the box: inside, on a phone, it would scroll away with the table. */}
      <p id="results-table-caption" className="results-table__caption">
        {caption}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table box must take keyboard focus so keyboard users can scroll it (axe scrollable-region-focusable) */}
      <section className="table-scroll results-table-box" tabIndex={0} aria-labelledby="results-table-caption">
        <table className="data-table results-table" data-testid="results-table" aria-labelledby="results-table-caption">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column;
                  const def = TABLE_COLUMNS.find((c) => c.key === column.id);
                  const sorted = column.getIsSorted();
                  const next = column.getNextSortingOrder() || 'desc';
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      title={def?.source}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className={def?.numeric ? 'num' : undefined}
                      data-testid={`col-${column.id}`}
                    >
                      {def?.sort && column.getCanSort() ? (
                        <Link href={sortHrefs[def.sort][next]} className="sort-link" data-testid={`sort-${column.id}`} scroll={false}>
                          {String(column.columnDef.header)}
                          <span className="sort-button__mark" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                          <span className="visually-hidden">
                            {sorted ? `（${DIRECTION_NAMES[sorted]}）` : ''}，按此列{DIRECTION_NAMES[next]}排序
                          </span>
                        </Link>
                      ) : (
                        String(column.columnDef.header)
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid="table-row" data-report-id={row.original.id}>
                {row.getVisibleCells().map((cell) => {
                  const def = TABLE_COLUMNS.find((c) => c.key === cell.column.id);
                  if (!def) return null;
                  const text = displayCell(def, row.original);
                  if (def.key === 'body') {
                    return (
                      <th key={cell.id} scope="row" className="results-table__body" data-testid="cell-body">
                        <Link href={reportHref(row.original.id, q)}>{text}</Link>
                        {row.original.partial ? <span className="badge badge--info results-table__badge">部分文本</span> : null}
                      </th>
                    );
                  }
                  return (
                    <td key={cell.id} className={def.numeric ? 'num' : 'results-table__place'} data-testid={`cell-${def.key}`}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
