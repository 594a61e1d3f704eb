import { config } from '@/lib/config';
import type { IndexedReport } from '@/lib/document/indexed-report';
import { compareVersions, type VersionComparison } from '@/lib/provenance/versions';

/** 2024-03-01T08:00:00.000Z → 2024年3月1日 */
function day(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The archived copy's address: the file in the data folder, under /api/archive. */
function archiveHref(sourcePath: string): string | null {
  const relative = sourcePath.replace(/^(?:[^/]+\/)?(?=(?:harvest\/files|reports)\/)/, '');
  if (!/^(?:harvest\/files|reports)\//.test(relative)) return null;
  return `/api/archive/${relative.split('/').map(encodeURIComponent).join('/')}`;
}

function ExternalLink({ href, children, testId }: { href: string; children: React.ReactNode; testId?: string }) {
  return (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank" data-testid={testId}>
      {children}
    </a>
  );
}

/** Where a harvested report was found: the original page to cite, the archived copy, when it was fetched. */
export function ReportOrigin({ report }: { report: IndexedReport }) {
  const origin = report.origin;
  const archived = archiveHref(report.sourcePath);
  if (!origin && !archived) return null;
  return (
    <section className="report-section" aria-labelledby="origin-heading" data-testid="report-origin">
      <h2 id="origin-heading">来源</h2>
      <dl className="facts">
        {origin ? (
          <div>
            <dt>原始网址</dt>
            <dd className="break-all">
              <ExternalLink href={origin.url} testId="origin-link">
                {origin.pageTitle ?? origin.url}
              </ExternalLink>
              {origin.siteName ? <span className="muted">（{origin.siteName}）</span> : null}
            </dd>
          </div>
        ) : null}
        {origin?.reportPageUrl ? (
          <div>
            <dt>所在页面</dt>
            <dd className="break-all">
              <ExternalLink href={origin.reportPageUrl}>{origin.reportPageUrl}</ExternalLink>
            </dd>
          </div>
        ) : null}
        {archived ? (
          <div>
            <dt>存档副本</dt>
            <dd>
              <a href={archived} data-testid="archive-link">
                {report.source.fileName}
              </a>
              {origin?.fetchedAt ? <span className="muted">（{day(origin.fetchedAt)}采集）</span> : null}
            </dd>
          </div>
        ) : null}
        {origin?.firstSeenAt ? (
          <div>
            <dt>首次发现</dt>
            <dd data-testid="origin-first-seen">{day(origin.firstSeenAt)}</dd>
          </div>
        ) : null}
        {origin?.pageDate ? (
          <div>
            <dt>网页所示日期</dt>
            <dd>{day(origin.pageDate)}</dd>
          </div>
        ) : null}
        {origin?.listingUrl ? (
          <div>
            <dt>所在栏目</dt>
            <dd className="break-all">
              <ExternalLink href={origin.listingUrl}>{origin.columnName ?? origin.listingUrl}</ExternalLink>
            </dd>
          </div>
        ) : null}
        {origin && origin.alsoAt.length > 0 ? (
          <div>
            <dt>同样内容另见</dt>
            <dd className="break-all">
              {origin.alsoAt.map((url) => (
                <div key={url}>
                  <ExternalLink href={url}>{url}</ExternalLink>
                </div>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function Comparison({ comparison, index }: { comparison: VersionComparison; index: number }) {
  return (
    <div className="version" data-testid="version-comparison">
      <h3>
        {day(comparison.from.fetchedAt)}所见版本 → {comparison.to.fetchedAt ? `${day(comparison.to.fetchedAt)}所见版本` : '当前版本'}
      </h3>
      {comparison.problem ? <p className="notice notice--info">旧版本无法比较：{comparison.problem}</p> : null}
      {comparison.figures.length > 0 ? (
        <table className="data-table" data-testid="version-figures">
          <caption>变化的数字</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              <th scope="col">原为</th>
              <th scope="col">现为</th>
            </tr>
          </thead>
          <tbody>
            {comparison.figures.map((f) => (
              <tr key={f.label}>
                <th scope="row">{f.label}</th>
                <td>
                  <del>{f.before}</del>
                </td>
                <td>
                  <ins>{f.after}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : comparison.problem ? null : (
        <p className="muted">主要数字没有变化。</p>
      )}
      {comparison.sections.map((section) => (
        <details key={section.section} className="version__section" open={index === 0}>
          <summary>{section.section}：文字有改动</summary>
          <div className="diff">
            {section.changes.map((change, i) =>
              change.kind === 'added' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: a diff's lines have no identity but their place in it.
                <ins key={i}>{change.text}</ins>
              ) : change.kind === 'removed' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: as above.
                <del key={i}>{change.text}</del>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: as above.
                <span key={i}>{change.text}</span>
              ),
            )}
          </div>
        </details>
      ))}
    </div>
  );
}

/** 发布后被修改: every earlier version against the next, with the changed figures and a diff of the text. */
export async function ReportVersions({ report }: { report: IndexedReport }) {
  if (!report.changedAfterPublication) return null;
  const comparisons = await compareVersions(report, config().data.root);
  return (
    <section className="report-section" aria-labelledby="versions-heading" data-testid="report-versions">
      <h2 id="versions-heading">发布后被修改</h2>
      <p>
        同一网址的内容在发布后发生了变化：共有 {comparisons.length + 1} 个版本，最早于{day(report.origin?.firstSeenAt)}发现。检索和统计使用最新版本。
      </p>
      {comparisons.map((comparison, index) => (
        <Comparison key={comparison.from.fetchedAt} comparison={comparison} index={index} />
      ))}
    </section>
  );
}
