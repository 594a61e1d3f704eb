import type { ReactNode } from 'react';

/**
 * Header rows of a grouped table as the report prints them: a column without sub-columns spans
 * the header rows below it (TanStack marks the chain with rowSpan on the top placeholder and 0
 * on the rest).
 */
interface HeaderLike {
  id: string;
  colSpan: number;
  rowSpan: number;
  isPlaceholder: boolean;
}

export function HeaderRows<H extends HeaderLike>({
  groups,
  render,
  leading,
}: {
  groups: Array<{ id: string; headers: H[] }>;
  render: (header: H) => ReactNode;
  /** Cells put before the first row's headers (e.g. the row-label corner). */
  leading?: ReactNode;
}) {
  return (
    <>
      {groups.map((group, g) => (
        <tr key={group.id}>
          {g === 0 ? leading : null}
          {group.headers.map((header) =>
            header.rowSpan === 0 ? null : (
              <th
                key={header.id}
                scope={header.colSpan > 1 ? 'colgroup' : 'col'}
                colSpan={header.colSpan}
                rowSpan={header.rowSpan > 1 ? header.rowSpan : undefined}
              >
                {render(header)}
              </th>
            ),
          )}
        </tr>
      ))}
    </>
  );
}
