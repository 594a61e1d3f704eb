'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesLine } from '@/components/charts/palette';
import { type CompareFigure, FIGURE_INFO, isShare } from '@/lib/compare/figures';
import type { CompareBody } from '@/lib/compare/queries';
import type { chartSeries } from '@/lib/compare/rows';
import { formatShare } from '@/lib/report/rates';

/** The comparison's recharts drawing, loaded when it comes into view (compare-chart.tsx). */
export function CompareLines({ bodies, figure, data }: { bodies: CompareBody[]; figure: CompareFigure; data: ReturnType<typeof chartSeries> }) {
  const info = FIGURE_INFO[figure];
  const format = (value: unknown) =>
    typeof value === 'number' ? (isShare(figure) ? formatShare(value) : `${value.toLocaleString('zh-CN')} ${info.unit}`) : '—';
  return (
    <ResponsiveContainer width="100%" height={300}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d1d9e0" />
        <XAxis dataKey="year" tickFormatter={(y) => `${y}`} allowDecimals={false} padding={{ left: 24, right: 24 }} />
        <YAxis tickFormatter={(v) => (isShare(figure) ? formatShare(v, 0) : Number(v).toLocaleString('zh-CN'))} width={56} allowDecimals={!!isShare(figure)} />
        <Tooltip formatter={(value) => format(value)} labelFormatter={(year) => `${year} 年度`} />
        <Legend />
        {bodies.map((body, i) => (
          <Line key={body.key} type="linear" dataKey={`b${i}`} name={body.organization} {...seriesLine(i)} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
