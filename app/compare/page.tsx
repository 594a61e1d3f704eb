import type { Metadata } from 'next';
import Link from 'next/link';
import { ViewLinks } from '@/components/charts/view-links';
import { InvalidQuery } from '@/components/states/invalid-query';
import { SearchUnavailable } from '@/components/states/unavailable';
import { type CompareParams, compareHref, compareQueryString, MAX_BODIES, MIN_BODIES, parseCompareParams } from '@/lib/compare/params';
import { type CompareBody, getCompareBodies } from '@/lib/compare/queries';
import { summedFigures } from '@/lib/compare/rows';
import { regionParts } from '@/lib/report/labels';
import { correctionRate, formatShare, shareGranted, shareRefused } from '@/lib/report/rates';
import { levelName, type SearchPageProps, toQueryString } from '@/lib/search/params';
import { SearchUnavailableError } from '@/lib/search/queries';
import { BodyPicker } from './body-picker';
import { CompareChart } from './compare-chart';
import { CompareTable } from './compare-table';
import { FigureSelect } from './figure-select';
import { RememberCompareSet } from './remember-set';

export const metadata: Metadata = {
  title: '比较机关',
  description: '选择 2–6 个机关，逐年比较主动公开、依申请公开、复议诉讼等关键数字。',
};

function PickedBodies({ params, bodies }: { params: CompareParams; bodies: CompareBody[] }) {
  if (bodies.length === 0) return null;
  return (
    <ul className="picked" aria-label="已选机关" data-testid="picked-bodies">
      {bodies.map((body, i) => (
        <li key={body.key} className="chip picked__chip" data-testid="picked-body" data-body-key={body.key}>
          <span className={`picked__swatch picked__swatch--${i}`} aria-hidden="true" />
          <span>
            {body.organization}
            {regionParts(body).every((p) => body.organization.includes(p.name)) ? null : (
              <span className="muted">
                {' '}
                ·{' '}
                {regionParts(body)
                  .map((p) => p.name)
                  .join('')}
              </span>
            )}
          </span>
          <Link
            href={compareHref({ ...params, bodies: params.bodies.filter((k) => k !== body.key) })}
            className="chip__x"
            aria-label={`移除 ${body.organization}`}
            data-testid="remove-body"
          >
            ×
          </Link>
        </li>
      ))}
    </ul>
  );
}

function BodySummary({ bodies }: { bodies: CompareBody[] }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table box must take keyboard focus so keyboard users can scroll it (axe scrollable-region-focusable)
    <section className="table-scroll" tabIndex={0} aria-labelledby="compare-summary-caption">
      <table className="data-table compare-summary" data-testid="compare-summary">
        <caption id="compare-summary-caption">各机关所选年度合计的比率</caption>
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">层级</th>
            <th scope="col">年度</th>
            <th scope="col" className="num">
              公开率
            </th>
            <th scope="col" className="num">
              不予公开率
            </th>
            <th scope="col" className="num">
              纠错率
            </th>
          </tr>
        </thead>
        <tbody>
          {bodies.map((body) => {
            const sum = summedFigures(body);
            const years = body.years.map((y) => y.year);
            return (
              <tr key={body.key} data-testid="compare-summary-row" data-body-key={body.key}>
                <th scope="row">{body.organization}</th>
                <td>{body.level ? levelName(body.level) : '—'}</td>
                <td>
                  {years.length ? (years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}（${years.length} 份）`) : '所选年度无报告'}
                </td>
                <td className="num" data-testid="rate-granted">
                  {formatShare(shareGranted(sum.outcomes))}
                </td>
                <td className="num" data-testid="rate-refused">
                  {formatShare(shareRefused(sum.outcomes))}
                </td>
                <td className="num" data-testid="rate-corrected">
                  {formatShare(correctionRate(sum.review))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted compare-note">
        公开率 = 予以公开 ÷ 全部办理结果；不予公开率 = 不予公开 ÷ 全部办理结果；纠错率 = （复议纠正 + 诉讼纠正）÷（复议 + 诉讼）。报告未给出的数字不计入。
      </p>
    </section>
  );
}

export default async function ComparePage({ searchParams }: SearchPageProps) {
  const parsed = parseCompareParams(await searchParams);
  if (!parsed.ok) {
    return <InvalidQuery title="比较条件有误" message={parsed.error} back={{ href: '/compare', label: '重新选择机关' }} testId="compare-invalid" />;
  }
  const { params } = parsed;
  let loaded: { bodies: CompareBody[]; missing: string[] };
  try {
    loaded = await getCompareBodies(params.bodies, params.filters);
  } catch (error) {
    if (error instanceof SearchUnavailableError) {
      return <SearchUnavailable />;
    }
    throw error;
  }
  const { bodies, missing } = loaded;
  const known = { ...params, bodies: bodies.map((b) => b.key) };
  const keep = compareQueryString({ bodies: known.bodies, filters: params.filters });
  const scope = toQueryString({ ...params.filters, q: '', yearFrom: null, yearTo: null });
  const yearNote =
    params.filters.yearFrom !== null || params.filters.yearTo !== null ? `（年度 ${params.filters.yearFrom ?? '…'}–${params.filters.yearTo ?? '…'}）` : '';
  return (
    <div className="compare" data-testid="compare-page">
      <ViewLinks params={params.filters} current="compare" />
      <h1>比较机关{yearNote}</h1>
      <p className="lead">
        选择 {MIN_BODIES}–{MAX_BODIES} 个机关，逐年并排比较它们年报中的关键数字。这个页面的地址包含所选机关，可以直接分享。
      </p>
      <RememberCompareSet bodies={known.bodies} />
      {missing.length ? (
        <p className="notice" role="note" data-testid="compare-missing">
          没有找到 {missing.length} 个机关的报告，已略去：{missing.map((k) => k.split('|').slice(1).join('|')).join('、')}。
        </p>
      ) : null}
      <section className="compare__pick" aria-label="选择机关">
        <PickedBodies params={known} bodies={bodies} />
        <BodyPicker picked={known.bodies} scopeQuery={scope} disabled={bodies.length >= MAX_BODIES} />
        <p className="muted">
          也可以在<Link href={`/${toQueryString(params.filters)}`}>检索结果</Link>或报告页点“加入比较”。
          {scope ? '（机关查找限于当前筛选的地区和层级。）' : ''}
        </p>
      </section>
      {bodies.length === 0 ? (
        <p className="notice" data-testid="compare-empty">
          还没有选择机关。请在上面输入机关名称（例如“张村镇”），从列表中选择。
        </p>
      ) : (
        <>
          {bodies.length < MIN_BODIES ? (
            <p className="notice" data-testid="compare-need-more">
              再选择至少 1 个机关，就可以并排比较。
            </p>
          ) : null}
          <section aria-labelledby="compare-figures-heading" className="compare__section">
            <div className="results-bar">
              <h2 id="compare-figures-heading">逐年关键数字</h2>
              {bodies.length >= MIN_BODIES ? (
                <a href={`/api/compare/export${keep}`} className="button" download data-testid="compare-export">
                  导出 CSV
                </a>
              ) : null}
            </div>
            <BodySummary bodies={bodies} />
            <CompareTable bodies={bodies} />
          </section>
          <section aria-labelledby="compare-chart-heading" className="compare__section">
            <div className="results-bar">
              <h2 id="compare-chart-heading">逐年变化图</h2>
              <FigureSelect figure={params.figure} keep={keep} />
            </div>
            <CompareChart bodies={bodies} figure={params.figure} />
          </section>
        </>
      )}
    </div>
  );
}
