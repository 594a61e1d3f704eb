import type { IndexedReport } from '@/lib/document/indexed-report';
import type { FailedCells } from '../../../lib/report/failed-cells';
import { ApplicationTable } from './tables/application-table';
import { DisclosureTable } from './tables/disclosure-table';
import { LegacyTable } from './tables/legacy-table';
import { ReviewTable } from './tables/review-table';

/** The report's statistical tables as printed; each scrolls sideways on its own on a narrow screen. */
export function ReportTables({ report, failed }: { report: IndexedReport; failed: FailedCells }) {
  const tables = [
    report.disclosureTable ? { key: 'disclosure', label: '表二', node: <DisclosureTable data={report.disclosureTable} failed={failed} /> } : null,
    report.applicationTable ? { key: 'applications', label: '表三', node: <ApplicationTable data={report.applicationTable} failed={failed} /> } : null,
    report.reviewTable ? { key: 'review', label: '表四', node: <ReviewTable data={report.reviewTable} failed={failed} /> } : null,
    report.legacyStatistics?.length ? { key: 'legacy', label: '统计表', node: <LegacyTable data={report.legacyStatistics} /> } : null,
  ].filter((t) => t !== null);
  return (
    <section className="report-section" aria-labelledby="tables-heading" data-testid="report-tables">
      <h2 id="tables-heading">统计表</h2>
      {tables.length === 0 ? (
        <p>没有从这份报告中读出统计表{report.tablesAsImages ? '（表格是图片）' : ''}。</p>
      ) : (
        tables.map((t) => (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table box must take keyboard focus so keyboard users can scroll it (axe scrollable-region-focusable)
          <section key={t.key} className="table-scroll" tabIndex={0} aria-label={`${t.label}（可左右滚动）`}>
            {t.node}
          </section>
        ))
      )}
      {report.applicationTable && !report.applicationTable.complete ? <p className="muted">表三有部分数字未能读出，空白处即未读出的数字。</p> : null}
    </section>
  );
}
