import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { ProvinceMap } from '@/components/charts/province-map';
import { ViewLinks } from '@/components/charts/view-links';
import { RegionTrail } from '@/components/filters/region-trail';
import { HiddenFields } from '@/components/hidden-fields';
import { InvalidQuery } from '@/components/states/invalid-query';
import { SearchUnavailable } from '@/components/states/unavailable';
import { coverageHref } from '@/lib/coverage/href';
import { type CoverageLoad, type CoverageResult, getCoverage } from '@/lib/coverage/queries';
import {
  DEFAULT_PARAMS,
  MAX_YEAR,
  MIN_YEAR,
  parseSearchParams,
  type SearchPageProps,
  type SearchParams,
  toQueryString,
  viewFilters,
} from '@/lib/search/params';
import { SearchUnavailableError } from '@/lib/search/queries';
import { getStats } from '@/lib/stats/queries';
import type { RegionStats } from '@/lib/stats/types';
import { CoverageGrid } from './coverage-grid';

export const metadata: Metadata = {
  title: '年报覆盖情况',
  description: '某个地区的下级政府逐年是否发布了政府信息公开工作年度报告：谁还没有发布？',
};

const LEVEL_NOUN = { province: '省级政府', city: '地市政府', county: '区县政府', township: '乡镇（街道）' } as const;

function regionName(result: CoverageResult): string {
  return result.region.trail.map((t) => t.name).join('') || '全国';
}

export default async function CoveragePage({ searchParams }: SearchPageProps) {
  const parsed = parseSearchParams(await searchParams);
  if (!parsed.ok) return <Message title="筛选条件有误" message={parsed.error} />;
  const { params } = parsed;
  let loaded: CoverageLoad;
  try {
    loaded = await getCoverage(params);
  } catch (error) {
    if (error instanceof SearchUnavailableError) return <SearchUnavailable />;
    throw error;
  }
  if (!loaded.ok) return <Message title="无法显示覆盖情况" message={loaded.error} />;
  return <Coverage params={params} result={loaded.result} provinces={await provinceRows(params, loaded.result)} />;
}

/** For the national grid, the provinces' figures over the same years, for the map; null elsewhere or when they cannot be read. */
async function provinceRows(params: SearchParams, result: CoverageResult): Promise<RegionStats[] | null> {
  if (result.region.division !== null || result.grid.years.length === 0) return null;
  try {
    const stats = await getStats({ ...DEFAULT_PARAMS, level: [], template: [], yearFrom: result.yearFrom, yearTo: result.yearTo, map: params.map });
    return stats.regions?.field === 'province' ? stats.regions.rows : null;
  } catch {
    // The grid stands on its own; the map is left out.
    return null;
  }
}

function Message({ title, message }: { title: string; message: string }) {
  return <InvalidQuery title={title} message={message} back={{ href: '/coverage', label: '查看全国覆盖情况' }} testId="coverage-invalid" />;
}

/** The place's trail and heading, what the grid shows, the years, then the grid (or why there is none). */
function Coverage({ params, result, provinces }: { params: SearchParams; result: CoverageResult; provinces: RegionStats[] | null }) {
  const { grid, region } = result;
  const name = regionName(result);
  const childNoun = region.children.length ? LEVEL_NOUN[region.children[0].level] : null;
  const ignored = params.q || params.level.length || params.template.length || params.failed || params.applications;
  return (
    <div className="coverage" data-testid="coverage-page">
      <ViewLinks params={params} current="coverage" />
      <RegionTrail steps={region.trail} hrefFor={(change) => coverageHref(params, change)} testId="coverage-trail" />
      <h1>{name}年报覆盖情况</h1>
      <p className="lead">
        {childNoun ? `${name}的每个下级${childNoun}，逐年是否有本级政府的年度报告收录在库：谁还没有发布，一眼可见。` : '乡镇（街道）没有下级地区。'}
      </p>
      {ignored ? (
        <p className="notice notice--info" role="note">
          覆盖表只按地区和年度筛选；关键词、层级等其他条件在这里不起作用。
        </p>
      ) : null}
      <YearForm params={params} result={result} />
      {region.children.length === 0 ? (
        <p className="notice" data-testid="coverage-empty">
          {name}没有下级地区可列。<Link href={`/${toQueryString(params)}`}>查看{name}的报告</Link>
        </p>
      ) : grid.years.length === 0 ? (
        <p className="notice" data-testid="coverage-empty">
          库中还没有{name}的报告。
        </p>
      ) : (
        <>
          {provinces ? (
            <ProvinceMap
              rows={provinces}
              metric={params.map}
              metricHref={(map) => coverageHref(params, { map })}
              provinceHref={(province) => coverageHref(params, { province })}
              testId="coverage-map"
            />
          ) : null}
          <CoverageGrid params={params} result={result} name={name} childNoun={childNoun} />
          <p>
            <a
              href={`/api/coverage/export${toQueryString({ ...viewFilters(params), yearFrom: result.yearFrom, yearTo: result.yearTo })}`}
              download
              data-testid="coverage-csv"
            >
              下载覆盖表 CSV
            </a>
            <span className="muted">（每个地区每个年度一行：已收录、已核查未发现、未收录分列清楚）</span>
          </p>
        </>
      )}
    </div>
  );
}

function YearForm({ params, result }: { params: SearchParams; result: CoverageResult }) {
  const keep = toQueryString({ ...viewFilters(params), yearFrom: null, yearTo: null, q: '', level: [], template: [], failed: false, applications: false });
  return (
    <Form action="/coverage" className="coverage-form" data-testid="coverage-years">
      <HiddenFields query={keep} />
      <label>
        起始年度
        <input
          type="number"
          name="yearFrom"
          className="input"
          min={MIN_YEAR}
          max={MAX_YEAR}
          inputMode="numeric"
          defaultValue={result.yearFrom ?? ''}
          data-testid="coverage-year-from"
        />
      </label>
      <label>
        结束年度
        <input
          type="number"
          name="yearTo"
          className="input"
          min={MIN_YEAR}
          max={MAX_YEAR}
          inputMode="numeric"
          defaultValue={result.yearTo ?? ''}
          data-testid="coverage-year-to"
        />
      </label>
      <button type="submit" className="button">
        显示
      </button>
      {result.defaultRange ? <span className="muted">（默认：收录中最近的 {result.grid.years.length} 个年度）</span> : null}
    </Form>
  );
}
