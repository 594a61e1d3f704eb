import Link from 'next/link';
import { formatCount } from '@/lib/report/labels';
import { formatYearChange, yearChange } from '@/lib/report/year-change';
import type { BodyYear } from '@/lib/search/types';

function Change({ current, previous }: { current: number | null; previous: number | null | undefined }) {
  const change = yearChange(current, previous);
  if (!change) return null;
  const tone = change.delta > 0 ? 'up' : change.delta < 0 ? 'down' : 'flat';
  return <span className={`change change--${tone}`}>{formatYearChange(change)}</span>;
}

/** The same body's reports, newest first, with each year's change against the year before it. */
export function BodyYears({ years, currentId, q }: { years: BodyYear[]; currentId: string; q: string }) {
  const sorted = [...years].filter((y) => y.year !== null).sort((a, b) => (b.year as number) - (a.year as number));
  if (sorted.length < 2) return null;
  return (
    <section className="report-section" aria-labelledby="years-heading" data-testid="body-years">
      <h2 id="years-heading">同一机关的其他年度</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table box must take keyboard focus so keyboard users can scroll it (axe scrollable-region-focusable) */}
      <section className="table-scroll" tabIndex={0} aria-label="同一机关各年度数字">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">主动公开（条）</th>
              <th scope="col">新收申请（件）</th>
              <th scope="col">校验未通过</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((entry, i) => {
              const previous = sorted[i + 1];
              const adjacent = previous && previous.year === (entry.year as number) - 1 ? previous : undefined;
              const current = entry.id === currentId;
              return (
                <tr key={entry.id} aria-current={current ? 'page' : undefined} className={current ? 'is-current' : undefined} data-testid="body-year">
                  <th scope="row">
                    {current ? (
                      <span>{entry.year} 年度（本报告）</span>
                    ) : (
                      <Link href={`/reports/${encodeURIComponent(entry.id)}${q ? `?q=${encodeURIComponent(q)}` : ''}`} data-testid="body-year-link">
                        {entry.year} 年度
                      </Link>
                    )}
                  </th>
                  <td className="num">
                    {formatCount(entry.proactiveTotal)} <Change current={entry.proactiveTotal} previous={adjacent?.proactiveTotal} />
                  </td>
                  <td className="num">
                    {formatCount(entry.applicationsNew)} <Change current={entry.applicationsNew} previous={adjacent?.applicationsNew} />
                  </td>
                  <td className="num">{entry.failedChecksTotal > 0 ? `${entry.failedChecksTotal} 项` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <p className="muted">变化与上一年度相比；缺少上一年度报告时不计算。</p>
    </section>
  );
}
