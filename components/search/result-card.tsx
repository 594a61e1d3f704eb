import Link from 'next/link';
import { AddToCompare } from '@/components/compare/add-to-compare';
import { HighlightedText } from '@/components/highlighted-text';
import { formatCount, regionParts, templateName, unnamedReportLabel } from '@/lib/report/labels';
import { levelName } from '@/lib/search/params';
import type { ReportHit } from '@/lib/search/types';

/** Where a result leads: the report, carrying the words so the report page can mark them. */
function reportHref(id: string, q: string): string {
  return `/reports/${encodeURIComponent(id)}${q ? `?q=${encodeURIComponent(q)}` : ''}`;
}

export function ResultCard({ hit, q }: { hit: ReportHit; q: string }) {
  const headingId = `result-${hit.id}`;
  const places = regionParts(hit);
  // The heading shows the title; the body's name goes below when the title does not say it.
  const showOrganization = hit.organization && hit.title && !hit.title.includes(hit.organization);
  return (
    <li className="result" data-testid="result" data-report-id={hit.id}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="result__title">
          <Link href={reportHref(hit.id, q)} data-testid="result-link">
            {hit.highlightedTitle.length ? <HighlightedText segments={hit.highlightedTitle} /> : unnamedReportLabel(hit)}
          </Link>
          {hit.titleDerived ? (
            <span className="derived-mark" title="报告未印标题：由发布机关和年度生成" data-testid="title-derived">
              （推断标题）
            </span>
          ) : null}
        </h3>
        <p className="result__meta">
          {showOrganization ? <span data-testid="result-organization">{hit.organization}</span> : null}
          {places.length ? (
            <span className="result__region" data-testid="result-region">
              {places.map((p) => p.name).join(' › ')}
            </span>
          ) : (
            <span className="result__region result__region--unknown">地区未识别</span>
          )}
          <span data-testid="result-year">{hit.year ? `${hit.year} 年度` : '年度未识别'}</span>
        </p>
        <ul className="badges" aria-label="标签">
          {hit.level ? <li className="badge">{levelName(hit.level)}</li> : null}
          <li className="badge badge--muted">{templateName(hit.template)}</li>
          {hit.failedChecksTotal > 0 ? (
            <li className="badge badge--warn" data-testid="badge-failed">
              校验未通过 {hit.failedChecksTotal} 项
            </li>
          ) : null}
          {hit.partial ? (
            <li className="badge badge--info" data-testid="badge-partial">
              部分文本
            </li>
          ) : null}
        </ul>
        <dl className="figures figures--inline">
          <div>
            <dt>主动公开</dt>
            <dd data-testid="result-proactive">{formatCount(hit.proactiveTotal)}</dd>
          </div>
          <div>
            <dt>新收申请</dt>
            <dd data-testid="result-applications">{formatCount(hit.applicationsNew)}</dd>
          </div>
        </dl>
        {hit.bodyKey ? <AddToCompare bodyKey={hit.bodyKey} /> : null}
        {hit.snippet?.length ? (
          <p className="result__snippet" data-testid="result-snippet">
            …<HighlightedText segments={hit.snippet} />…
          </p>
        ) : null}
      </article>
    </li>
  );
}
