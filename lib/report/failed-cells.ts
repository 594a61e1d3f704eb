import type { Check } from '@/lib/report/schema';

/**
 * Which table cells take part in a failed check, and which checks: the report page marks them
 * and points each marked cell at the check's sentence (aria-describedby + title).
 * Cell references come from lib/report/checks.ts ("t3.newReceived.total", "t4.reconsideration.total").
 */

interface CellFinding {
  /** Element ids of the failed checks in the list of checks. */
  ids: string[];
  messages: string[];
}

export type FailedCells = Record<string, CellFinding>;

/** References that stand for more than one printed cell. */
const ALIASES: Record<string, string[]> = {
  't4.litigation.total': ['t4.litigationDirect.total', 't4.litigationAfterReconsideration.total'],
};

export function checkElementId(index: number): string {
  return `check-${index + 1}`;
}

export function failedCellsOf(checks: readonly Check[]): FailedCells {
  const cells: FailedCells = {};
  checks.forEach((check, index) => {
    if (check.passed) return;
    for (const ref of check.cells) {
      // "<id>:t3.…" is a cell of another year's report; "prose.…" is a sentence, not a cell.
      if (ref.includes(':') || !/^t[234]\./.test(ref)) continue;
      for (const target of ALIASES[ref] ?? [ref]) {
        cells[target] ??= { ids: [], messages: [] };
        const finding = cells[target];
        const id = checkElementId(index);
        if (!finding.ids.includes(id)) {
          finding.ids.push(id);
          finding.messages.push(check.message);
        }
      }
    }
  });
  return cells;
}
