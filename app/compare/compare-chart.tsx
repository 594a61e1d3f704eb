'use client';

import dynamic from 'next/dynamic';
import { InView } from '@/components/charts/in-view';
import { type CompareFigure, FIGURE_INFO, isShare } from '@/lib/compare/figures';
import type { CompareBody } from '@/lib/compare/queries';
import { chartSeries } from '@/lib/compare/rows';

/** The drawing (recharts) loads as it comes into view: its code is most of the page's. */
const CompareLinesChart = dynamic(() => import('./compare-lines').then((m) => m.CompareLines), { ssr: false });

/** One figure per body over the years: a line per body; a year without a report leaves a gap. */
export function CompareChart({ bodies, figure }: { bodies: CompareBody[]; figure: CompareFigure }) {
  const data = chartSeries(bodies, figure);
  const info = FIGURE_INFO[figure];
  const hasValue = data.some((point) => bodies.some((_, i) => point[`b${i}`] !== null && point[`b${i}`] !== undefined));
  if (!hasValue) {
    return (
      <p className="chart-empty" data-testid="compare-chart-empty">
        所选机关的报告都没有给出“{info.label}”的数字。
      </p>
    );
  }
  return (
    <figure className="chart" data-testid="compare-chart" data-series={bodies.length} data-points={data.length}>
      <div className="chart__canvas" role="img" aria-label={`${info.label}：${bodies.map((b) => b.organization).join('、')}逐年对比折线图；数字见上方表格`}>
        <InView height={300}>
          <CompareLinesChart bodies={bodies} figure={figure} data={data} />
        </InView>
      </div>
      <figcaption className="muted">
        {info.label}
        {isShare(figure) ? '（比例）' : `（${info.unit}）`}；断开处表示该年度没有报告或报告未给出这个数字。
      </figcaption>
    </figure>
  );
}
