'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesColor, seriesDash } from '@/components/charts/palette';
import { type CompareFigure, FIGURE_INFO, isShare } from '@/lib/compare/figures';
import type { CompareBody } from '@/lib/compare/queries';
import { chartSeries } from '@/lib/compare/rows';
import { formatShare } from '@/lib/report/rates';

/** One figure per body over the years: a line per body; a year without a report leaves a gap. */
export function CompareChart({ bodies, figure }: { bodies: CompareBody[]; figure: CompareFigure }) {
  const data = chartSeries(bodies, figure);
  const info = FIGURE_INFO[figure];
  const format = (value: unknown) =>
    typeof value === 'number' ? (isShare(figure) ? formatShare(value) : `${value.toLocaleString('zh-CN')} ${info.unit}`) : '—';
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
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d1d9e0" />
            <XAxis dataKey="year" tickFormatter={(y) => `${y}`} allowDecimals={false} padding={{ left: 24, right: 24 }} />
            <YAxis
              tickFormatter={(v) => (isShare(figure) ? formatShare(v, 0) : Number(v).toLocaleString('zh-CN'))}
              width={56}
              allowDecimals={!!isShare(figure)}
            />
            <Tooltip formatter={(value) => format(value)} labelFormatter={(year) => `${year} 年度`} />
            <Legend />
            {bodies.map((body, i) => (
              <Line
                key={body.key}
                type="linear"
                dataKey={`b${i}`}
                name={body.organization}
                stroke={seriesColor(i)}
                strokeDasharray={seriesDash(i)}
                strokeWidth={2}
                dot={{ r: 4 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted">
        {info.label}
        {isShare(figure) ? '（比例）' : `（${info.unit}）`}；断开处表示该年度没有报告或报告未给出这个数字。
      </figcaption>
    </figure>
  );
}
