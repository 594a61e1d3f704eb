import Link from 'next/link';
import { AddToCompare } from '@/components/compare/add-to-compare';
import type { IndexedReport } from '@/lib/document/indexed-report';
import { feedPath } from '@/lib/feed/atom';
import { type Timeliness, timeliness } from '@/lib/report/deadline';
import { regionParts, templateName, unnamedReportLabel } from '@/lib/report/labels';
import { REGION_FIELDS } from '@/lib/report/schema';
import { DEFAULT_PARAMS, levelName, toQueryString } from '@/lib/search/params';

const FORMAT_NAMES: Record<IndexedReport['source']['format'], string> = {
  txt: '纯文本',
  md: 'Markdown',
  doc: 'Word（.doc）',
  docx: 'Word（.docx）',
  pdf: 'PDF',
  html: '网页',
};

/** 2023-01-16 → 2023年1月16日 */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function TimelinessNote({ value }: { value: Timeliness }) {
  switch (value.status) {
    case 'on-time':
      return (
        <span className="badge badge--block badge--ok" data-testid="timeliness">
          按时发布（期限 {chineseDate(value.deadline)}）
        </span>
      );
    case 'late':
      return (
        <span className="badge badge--block badge--warn" data-testid="timeliness">
          逾期 {value.daysLate} 天发布（期限 {chineseDate(value.deadline)}）
        </span>
      );
    case 'no-date':
      return (
        <span className="badge badge--block badge--muted" data-testid="timeliness">
          未能读出落款日期，无法判断是否按时（期限 {chineseDate(value.deadline)}）
        </span>
      );
    default:
      return (
        <span className="badge badge--block badge--muted" data-testid="timeliness">
          无法确定适用的发布期限
        </span>
      );
  }
}

/** The region breadcrumb: each place links to the search filtered down to it. */
function RegionTrail({ report }: { report: IndexedReport }) {
  const parts = regionParts(report);
  if (parts.length === 0) return <p className="report-header__region">地区未识别</p>;
  return (
    <nav aria-label="所属地区" className="report-header__region">
      <ol className="trail" data-testid="report-region">
        {parts.map((part) => {
          const depth = REGION_FIELDS.indexOf(part.field);
          const filter = Object.fromEntries(REGION_FIELDS.slice(0, depth + 1).map((f) => [f, report[f]]));
          return (
            <li key={part.field}>
              <Link href={`/${toQueryString(filter)}`} data-testid="report-region-link" prefetch={false}>
                {part.name}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** The report's title, printed or derived (lib/document), or plainly that its body is unknown. */
export function reportTitle(report: Pick<IndexedReport, 'title' | 'year' | 'province' | 'city' | 'county' | 'township'>): string {
  return report.title ?? unnamedReportLabel(report);
}

export function ReportHeader({ report }: { report: IndexedReport }) {
  return (
    <header className="report-header" data-testid="report-header">
      <RegionTrail report={report} />
      <h1 id="report-title" data-testid="report-title">
        {reportTitle(report)}
      </h1>
      {report.titleDerived ? (
        <p className="derived-mark" data-testid="title-derived">
          报告未印标题，以上标题由发布机关和年度生成。
        </p>
      ) : null}
      {report.bodyKey ? (
        <p className="report-header__actions">
          <AddToCompare bodyKey={report.bodyKey} />
          <Link href={`/${toQueryString({ body: report.bodyKey, view: 'table', sort: 'year-desc' })}`} data-testid="body-all-years" prefetch={false}>
            本机关各年度
          </Link>
          <a href={feedPath({ ...DEFAULT_PARAMS, body: report.bodyKey })} className="feed-link" type="application/atom+xml" data-testid="body-feed">
            订阅本机关新报告（Atom）
          </a>
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>发布机关</dt>
          <dd>
            <span data-testid="report-organization">{report.organization ?? report.body ?? '未识别'}</span>
            {report.body && report.body !== report.organization ? (
              <span className="muted" data-testid="report-body">
                （全称：{report.body}）
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>年度</dt>
          <dd data-testid="report-year">{report.year ? `${report.year} 年度` : '未识别'}</dd>
        </div>
        <div>
          <dt>发布日期</dt>
          <dd>
            {report.publishedAt ? (
              <>
                <span data-testid="report-published">{chineseDate(report.publishedAt)}</span>
                {report.publishedAtBasis === 'page' ? (
                  <span className="muted" data-testid="published-basis">
                    （正文无落款日期，取自网页所示发布日期）
                  </span>
                ) : null}{' '}
              </>
            ) : null}
            <TimelinessNote value={timeliness(report)} />
          </dd>
        </div>
        <div>
          <dt>机关层级</dt>
          <dd>{report.level ? levelName(report.level) : '未识别'}</dd>
        </div>
        <div>
          <dt>报告模板</dt>
          <dd>{templateName(report.template)}</dd>
        </div>
        <div>
          <dt>来源文件</dt>
          <dd data-testid="report-source">
            {report.source.fileName}（{FORMAT_NAMES[report.source.format] ?? report.source.format}，
            {Math.max(1, Math.round(report.source.bytes / 1024)).toLocaleString('zh-CN')} KB）
          </dd>
        </div>
      </dl>
      {report.changedAfterPublication ? (
        <p className="notice notice--warn" role="note" data-testid="changed-notice">
          <a href="#versions-heading">发布后被修改</a>：同一网址后来发布了不同的内容，下文列出变化。
        </p>
      ) : null}
      {report.partial ? (
        <p className="notice notice--info" role="note" data-testid="partial-notice">
          本文为网页摘录，内容不完整：部分章节和表格可能缺失。
        </p>
      ) : null}
      {report.tablesAsImages ? (
        <p className="notice notice--info" role="note">
          这份报告的统计表是图片，文字中没有表格数字；下面的数字来自正文叙述。
        </p>
      ) : null}
    </header>
  );
}
