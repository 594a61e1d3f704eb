import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ProvinceMap } from '@/components/charts/province-map';
import { ViewLinks } from '@/components/charts/view-links';
import { InvalidQuery } from '@/components/states/invalid-query';
import { SearchUnavailable } from '@/components/states/unavailable';
import { AppError } from '@/lib/errors';
import { formatShare, ratio } from '@/lib/report/rates';
import { arrivedQuery, parseSearchParams, type SearchPageProps, type SearchParams, toQueryString, viewFilters } from '@/lib/search/params';
import { SearchUnavailableError } from '@/lib/search/queries';
import { statsHref } from '@/lib/stats/href';
import { getStats } from '@/lib/stats/queries';
import { SMALL_SAMPLE, type StatsResult } from '@/lib/stats/types';
import { StatsCharts } from './stats-charts';
import { StatsFilters } from './stats-filters';

export const metadata: Metadata = {
  title: '统计图表',
  description: '按地区、年度和层级统计政府信息公开工作年度报告：主动公开、依申请公开、复议诉讼和数据质量。',
};

/** Stats ignore the list's page, size and sort: they are left out of the address. */
function canonical(params: SearchParams): string {
  return toQueryString(viewFilters(params));
}

function selectionLabel(params: SearchParams): string {
  return [params.province, params.city, params.county, params.township].filter(Boolean).join('') || '全国';
}

function fileLabel(params: SearchParams): string {
  const parts = [params.province, params.city, params.county, params.township, params.yearFrom === params.yearTo ? params.yearFrom : null].filter(Boolean);
  return parts
    .join('-')
    .replace(/[\\/:*?"<>|\s]+/g, '_')
    .slice(0, 40);
}

function Summary({ stats, params }: { stats: StatsResult; params: SearchParams }) {
  const years = stats.years.map((y) => y.year);
  return (
    <p className="stats__summary" role="status" data-testid="stats-summary">
      {selectionLabel(params)}
      {years.length ? `，${years[0]}${years.length > 1 ? `–${years[years.length - 1]}` : ''} 年度` : ''}：共{' '}
      <strong data-testid="stats-total">{stats.reports.toLocaleString('zh-CN')}</strong> 份报告
      {stats.reportsWithoutYear ? `（其中 ${stats.reportsWithoutYear} 份年度未识别，不在按年度的图中）` : ''}；校验未通过{' '}
      {formatShare(ratio(stats.quality.failed, stats.quality.reports))}
      ；逾期发布 {formatShare(ratio(stats.quality.late, stats.quality.dated))}（{stats.quality.dated} 份可判断）。
      {stats.reports > 0 && stats.reports < SMALL_SAMPLE ? <span className="badge badge--warn">样本较少，结论请谨慎</span> : null}
    </p>
  );
}

function Invalid({ message }: { message: string }) {
  return <InvalidQuery title="统计条件有误" message={message} back={{ href: '/stats', label: '查看全部报告的统计' }} testId="stats-invalid" />;
}

export default async function StatsPage({ searchParams }: SearchPageProps) {
  const raw = await searchParams;
  const parsed = parseSearchParams(raw);
  if (!parsed.ok) return <Invalid message={parsed.error} />;
  const { params } = parsed;
  const query = canonical(params);
  if (query !== arrivedQuery(raw)) redirect(`/stats${query}`);

  let stats: StatsResult;
  try {
    stats = await getStats(params);
  } catch (error) {
    if (error instanceof SearchUnavailableError) {
      return <SearchUnavailable />;
    }
    // getStats' own refusals (a selection too large to sum exactly) come with a plain sentence.
    if (error instanceof AppError) return <Invalid message={error.message} />;
    throw error;
  }
  const drillLinks = stats.regions ? stats.regions.rows.map((r) => ({ name: r.name, href: statsHref(params, { [stats.regions!.field]: r.name }) })) : [];
  return (
    <div className="stats" data-testid="stats-page">
      <ViewLinks params={params} current="stats" />
      <h1>统计图表</h1>
      <Summary stats={stats} params={params} />
      <div className="search__body">
        <aside className="search__aside" aria-label="筛选条件">
          <details className="filters" data-testid="filters">
            <summary className="filters__summary">筛选</summary>
            <StatsFilters params={params} stats={stats} />
          </details>
        </aside>
        <div className="stats__charts" key={query}>
          {stats.reports === 0 ? (
            <p className="notice" data-testid="stats-empty">
              没有符合条件的报告。<Link href="/stats">查看全部报告的统计</Link>
            </p>
          ) : (
            <>
              {stats.regions?.field === 'province' ? (
                <ProvinceMap
                  rows={stats.regions.rows}
                  metric={params.map}
                  metricHref={(map) => statsHref(params, { map })}
                  provinceHref={(province) => statsHref(params, { province })}
                />
              ) : null}
              <StatsCharts stats={stats} fileLabel={fileLabel(params)} drillLinks={drillLinks} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
