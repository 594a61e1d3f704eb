import type { ReactNode } from 'react';
import type { FailedCells } from '../../../../lib/report/failed-cells';

export function formatFigure(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
}

/** A figure as text; an unread figure says so to screen readers and stays blank on screen. */
export function Figure({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return <span className="visually-hidden">未能读出</span>;
  return <>{formatFigure(value)}</>;
}

/**
 * The cell around one printed figure. A cell that takes part in a failed check is marked by
 * class, by a visible sign, and by its check's sentence (title for the mouse, aria-describedby
 * for screen readers).
 */
export function FigureCell({
  cellRef,
  failed,
  missing,
  colSpan,
  children,
}: {
  cellRef: string;
  failed: FailedCells;
  missing: boolean;
  colSpan?: number;
  children: ReactNode;
}) {
  const finding = failed[cellRef];
  const className = ['num', finding ? 'cell--failed' : '', missing ? 'cell--missing' : ''].filter(Boolean).join(' ');
  return (
    <td
      className={className}
      colSpan={colSpan}
      data-cell={cellRef}
      data-testid={finding ? 'failed-cell' : undefined}
      title={finding ? finding.messages.join('\n') : missing ? '未能读出' : undefined}
      aria-describedby={finding ? finding.ids.join(' ') : undefined}
    >
      {children}
      {finding ? (
        <span className="cell__flag" aria-hidden="true">
          !
        </span>
      ) : null}
    </td>
  );
}
