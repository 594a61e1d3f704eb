import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { ViewLinks } from '@/components/charts/view-links';
import { RegionTrail } from '@/components/filters/region-trail';
import { HiddenFields } from '@/components/hidden-fields';
import { InvalidQuery } from '@/components/states/invalid-query';
import { SearchUnavailable } from '@/components/states/unavailable';
import type { CoverageCell, CoverageRow } from '@/lib/coverage/grid';
import { coverageHref } from '@/lib/coverage/href';
import { type CoverageLoad, type CoverageResult, getCoverage } from '@/lib/coverage/queries';
import { childField } from '@/lib/coverage/region';
import { MAX_YEAR, MIN_YEAR, parseSearchParams, type SearchPageProps, type SearchParams, toQueryString, viewFilters } from '@/lib/search/params';
import { SearchUnavailableError } from '@/lib/search/queries';
import { ScrollToLatest } from './scroll-to-latest';

export const metadata: Metadata = {
  title: '年报覆盖情况',
  description: '某个地区的下级政府逐年是否发布了政府信息公开工作年度报告：谁还没有发布？',
};

const LEVEL_NOUN = { province: '省级政府', city: '地市政府', county: '区县政府', township: '乡镇（街道）' } as const;
const STATUS_TEXT = { present: '已收录', failed: '已收录，校验未通过', missing: '未收录' } as const;

function regionName(result: CoverageResult): string {
  return result.region.trail.map((t) => t.name).join('') || '全国';
}

function Cell({ row, cell }: { row: CoverageRow; cell: CoverageCell }) {
  const label = `${row.division.name} ${cell.year} 年度：${STATUS_TEXT[cell.status]}${cell.otherReports ? `；另有 ${cell.otherReports} 份其他报告` : ''}`;
  const mark = cell.status === 'present' ? '✓' : cell.status === 'failed' ? '!' : '✗';
  const text = cell.status === 'present' ? '有' : cell.status === 'failed' ? '有误' : '缺';
  const others = cell.otherReports ? (
    <span className="cov__others" aria-hidden="true">
      +{cell.otherReports} 份
    </span>
  ) : null;
  return (
    <td data-testid="coverage-cell" data-status={cell.status} data-year={cell.year} data-place={row.division.name}>
      {cell.reportId ? (
        <Link href={`/reports/${encodeURIComponent(cell.reportId)}`} className={`cov cov--${cell.status}`} aria-label={label} title={label}>
          <span aria-hidden="true">{mark}</span>
          <span aria-hidden="true">{text}</span>
        </Link>
      ) : (
        <span className={`cov cov--${cell.status}`} role="img" aria-label={label} title={label}>
          <span aria-hidden="true">{mark}</span>
          <span aria-hidden="true">{text}</span>
        </span>
      )}
      {others}
    </td>
  );
}

function Legend() {
  return (
    <ul className="coverage-legend" aria-label="图例" data-testid="coverage-legend">
      <li>
        <span className="cov cov--present" aria-hidden="true">
          ✓ 有
        </span>{' '}
        本级政府年报已收录（点击查看）
      </li>
      <li>
        <span className="cov cov--failed" aria-hidden="true">
          ! 有误
        </span>{' '}
        已收录，但表格数字未通过校验
      </li>
      <li>
        <span className="cov cov--missing" aria-hidden="true">
          ✗ 缺
        </span>{' '}
        本级政府年报未收录
      </li>
      <li>
        <span className="cov__others" aria-hidden="true">
          +N 份
        </span>{' '}
        同年该地区的其他报告（部门等）
      </li>
    </ul>
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

function Message({ title, message }: { title: string; message: string }) {
  return <InvalidQuery title={title} message={message} back={{ href: '/coverage', label: '查看全国覆盖情况' }} testId="coverage-invalid" />;
}

export default async function CoveragePage({ searchParams }: SearchPageProps) {
  const parsed = parseSearchParams(await searchParams);
  if (!parsed.ok) return <Message title="筛选条件有误" message={parsed.error} />;
  const { params } = parsed;
  let loaded: CoverageLoad;
  try {
    loaded = await getCoverage(params);
  } catch (error) {
    if (error instanceof SearchUnavailableError) {
      return <SearchUnavailable />;
    }
    throw error;
  }
  if (!loaded.ok) return <Message title="无法显示覆盖情况" message={loaded.error} />;
  const result = loaded.result;
  const { grid, region } = result;
  const name = regionName(result);
  const childNoun = region.children.length ? LEVEL_NOUN[region.children[0].level] : null;
  const ignored = params.q || params.level.length || params.template.length || params.failed || params.applications;
  return (
    <div className="coverage" data-testid="coverage-page">
      <ViewLinks params={params} current="coverage" />
      <RegionTrail steps={result.region.trail} hrefFor={(change) => coverageHref(params, change)} testId="coverage-trail" />
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
        <section className="coverage__section" aria-labelledby="coverage-heading">
          <h2 id="coverage-heading" className="visually-hidden">
            覆盖表
          </h2>
          <ul className="coverage-summary" data-testid="coverage-summary">
            {grid.summary.map((s) => (
              <li key={s.year} data-testid="coverage-summary-year" data-year={s.year} data-published={s.published}>
                {s.year} 年度：{s.children} 家中 <strong>{s.published}</strong> 家已收录
                {s.failed ? `（${s.failed} 家校验未通过）` : ''}
              </li>
            ))}
          </ul>
          <Legend />
          <ScrollToLatest labelledBy="coverage-caption">
            <table className="data-table coverage-table" data-testid="coverage-grid">
              <caption id="coverage-caption">
                {name}下级{childNoun}（行）× 年度（列）：本级政府年报是否收录
              </caption>
              <thead>
                <tr>
                  <th scope="col">地区</th>
                  {grid.years.map((year) => (
                    <th key={year} scope="col">
                      {year}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.rows.map((row) => (
                  <tr key={row.division.code} data-testid="coverage-row" data-place={row.division.name}>
                    <th scope="row">
                      {row.division.level === 'township' ? (
                        <Link href={`/${toQueryString({ ...params, [childField(row.division)]: row.division.name, q: '', level: [], template: [] })}`}>
                          {row.division.name}
                        </Link>
                      ) : (
                        <Link href={coverageHref(params, { [childField(row.division)]: row.division.name })} data-testid="coverage-drill">
                          {row.division.name}
                        </Link>
                      )}
                    </th>
                    {row.cells.map((cell) => (
                      <Cell key={cell.year} row={row} cell={cell} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollToLatest>
          <p className="muted">
            地区名称链接：{region.children[0].level === 'township' ? '查看该乡镇（街道）的全部报告' : '查看该地区下一级的覆盖情况'}
            。“未收录”表示本库没有这份报告，不一定是没有发布。
          </p>
          {region.omitted > 0 ? (
            <p className="muted" data-testid="coverage-omitted">
              另有 {region.omitted} 个开发区、新区、农场等单位不发布这一级政府的年报，未列出。
            </p>
          ) : null}
        </section>
      )}
    </div>
  );
}
