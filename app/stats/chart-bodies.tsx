'use client';

import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesColor, seriesLine } from '@/components/charts/palette';
import { type ChartColumn, type ChartData, cellText } from '@/lib/charts/chart-data';

/**
 * The recharts drawings of /stats, apart from the cards around them (stats-charts.tsx), so that
 * their code is fetched and run only when a chart comes into view (components/charts/in-view.tsx).
 */

const GRID = <CartesianGrid strokeDasharray="3 3" stroke="#d1d9e0" />;
const count = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('zh-CN') : '—');
const percent = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(0)}%` : '—');

function columnOf(data: ChartData, key: string): ChartColumn {
  return data.columns.find((c) => c.key === key) as ChartColumn;
}

/** Tooltip values as the table shows them (counts with separators, shares as percentages). */
function tooltipFormatter(data: ChartData) {
  return (value: unknown, _name: unknown, item: { dataKey?: unknown }) =>
    cellText(columnOf(data, String(item.dataKey)), typeof value === 'number' ? value : null);
}

export function YearBars({ data, keys }: { data: ChartData; keys: string[] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data.rows} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
        {GRID}
        <XAxis dataKey="year" />
        <YAxis tickFormatter={count} width={64} allowDecimals={false} />
        <Tooltip formatter={tooltipFormatter(data)} labelFormatter={(y) => `${y} 年度`} />
        {keys.length > 1 ? <Legend /> : null}
        {keys.map((key, i) => (
          <Bar key={key} dataKey={key} name={columnOf(data, key).label} fill={seriesColor(i)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function YearLines({ data, keys, share }: { data: ChartData; keys: string[]; share?: boolean }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data.rows} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
        {GRID}
        <XAxis dataKey="year" />
        <YAxis tickFormatter={share ? percent : count} width={64} domain={share ? [0, 1] : undefined} allowDecimals={!!share} />
        <Tooltip formatter={tooltipFormatter(data)} labelFormatter={(y) => `${y} 年度`} />
        <Legend />
        {keys.map((key, i) => (
          <Line key={key} dataKey={key} name={columnOf(data, key).label} {...seriesLine(i)} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function OutcomesBars({ data, keys, share }: { data: ChartData; keys: string[]; share: boolean }) {
  const mode = share ? 'share' : 'count';
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={data.rows} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
        {GRID}
        <XAxis dataKey="year" />
        <YAxis tickFormatter={mode === 'share' ? percent : count} width={64} domain={mode === 'share' ? [0, 1] : undefined} allowDecimals={false} />
        <Tooltip formatter={tooltipFormatter(data)} labelFormatter={(y) => `${y} 年度`} />
        <Legend />
        {keys.map((key, i) => (
          <Bar key={key} dataKey={key} stackId="outcomes" name={columnOf(data, key).label} fill={seriesColor(i)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function ReviewBars({ data }: { data: ChartData }) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart data={data.rows} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
        {GRID}
        <XAxis dataKey="year" />
        <YAxis yAxisId="count" tickFormatter={count} width={56} allowDecimals={false} />
        <YAxis yAxisId="share" orientation="right" tickFormatter={percent} width={48} domain={[0, 1]} />
        <Tooltip formatter={tooltipFormatter(data)} labelFormatter={(y) => `${y} 年度`} />
        <Legend />
        <Bar yAxisId="count" dataKey="reconsiderations" name="行政复议（件）" fill={seriesColor(0)} isAnimationActive={false} />
        <Bar yAxisId="count" dataKey="lawsuits" name="行政诉讼（件）" fill={seriesColor(1)} isAnimationActive={false} />
        <Line
          yAxisId="share"
          dataKey="correctionRate"
          name="纠错率"
          stroke={seriesColor(2)}
          strokeWidth={2}
          dot={{ r: 4 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function RegionBars({ data, metric, share }: { data: ChartData; metric: string; share?: boolean }) {
  const height = Math.max(160, data.rows.length * 28 + 48); // stats-charts.tsx reserves the same
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data.rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
        {GRID}
        <XAxis type="number" tickFormatter={share ? percent : count} domain={share ? [0, 1] : undefined} allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={96} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip formatter={tooltipFormatter(data)} />
        <Bar dataKey={metric} name={columnOf(data, metric).label} fill={seriesColor(0)} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
