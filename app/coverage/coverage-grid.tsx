import Link from 'next/link';
import type { CoverageCell, CoverageRow } from '@/lib/coverage/grid';
import { coverageHref } from '@/lib/coverage/href';
import type { CoverageResult } from '@/lib/coverage/queries';
import { childField } from '@/lib/coverage/region';
import { type SearchParams, toQueryString } from '@/lib/search/params';
import { ScrollToLatest } from './scroll-to-latest';

const STATUS_TEXT = { present: '已收录', failed: '已收录，校验未通过', checked: '已核查、未发现', missing: '未收录' } as const;
const MARKS = { present: ['✓', '有'], failed: ['!', '有误'], checked: ['○', '未发现'], missing: ['✗', '缺'] } as const;

/**
 * The coverage of a place's children: a line per year (how many have a report), the legend, then
 * the grid (children × years) in a box that scrolls sideways, with notes under it.
 */
export function CoverageGrid({ params, result, name, childNoun }: { params: SearchParams; result: CoverageResult; name: string; childNoun: string | null }) {
  const { grid, region } = result;
  return (
    <section className="coverage__section" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading" className="visually-hidden">
        覆盖表
      </h2>
      <ul className="coverage-summary" data-testid="coverage-summary">
        {grid.summary.map((s) => (
          <li key={s.year} data-testid="coverage-summary-year" data-year={s.year} data-published={s.published}>
            {s.year} 年度：{s.children} 家中 <strong>{s.published}</strong> 家已收录
            {s.failed ? `（${s.failed} 家校验未通过）` : ''}
            {s.checked ? `，${s.checked} 家已核查、未发现` : ''}
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
              <Row key={row.division.code} params={params} row={row} />
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
  );
}

/** One child place: its name (a township's leads to its reports, others drill down), then a cell per year. */
function Row({ params, row }: { params: SearchParams; row: CoverageRow }) {
  const { division } = row;
  const place = { [childField(division)]: division.name };
  return (
    <tr data-testid="coverage-row" data-place={division.name}>
      <th scope="row">
        {division.level === 'township' ? (
          <Link href={`/${toQueryString({ ...params, ...place, q: '', level: [], template: [] })}`}>{division.name}</Link>
        ) : (
          <Link href={coverageHref(params, place)} data-testid="coverage-drill">
            {division.name}
          </Link>
        )}
      </th>
      {row.cells.map((cell) => (
        <Cell key={cell.year} row={row} cell={cell} />
      ))}
    </tr>
  );
}

function Cell({ row, cell }: { row: CoverageRow; cell: CoverageCell }) {
  const checked = cell.checkedAt ? `（${cell.checkedAt} 核查）` : '';
  const label = `${row.division.name} ${cell.year} 年度：${STATUS_TEXT[cell.status]}${checked}${cell.otherReports ? `；另有 ${cell.otherReports} 份其他报告` : ''}`;
  const [mark, text] = MARKS[cell.status];
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
        <span className="cov cov--checked" aria-hidden="true">
          ○ 未发现
        </span>{' '}
        已核查、未发现：采集时核查了该机关的年报栏目，没有这一年度的报告（悬停可见核查日期）
      </li>
      <li>
        <span className="cov cov--missing" aria-hidden="true">
          ✗ 缺
        </span>{' '}
        本级政府年报未收录（没有核查过，不等于没有发布）
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
