'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '@/components/charts/chart-card';
import { seriesColor, seriesDash } from '@/components/charts/palette';
import { type ChartColumn, type ChartData, cellText } from '@/lib/charts/chart-data';
import { OUTCOME_KEYS } from '@/lib/report/schema';
import type { StatsResult } from '@/lib/stats/types';
import {
  applicationsChart,
  channelChart,
  outcomesChart,
  proactiveChart,
  qualityByRegionChart,
  qualityByYearChart,
  regionChart,
  reviewChart,
} from '../../lib/stats/chart-data';

/**
 * The /stats charts (recharts), drawn from the StatsResult the server read: every chart is a
 * ChartCard with its table, CSV and the number of reports it rests on.
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

function YearBars({ data, keys }: { data: ChartData; keys: string[] }) {
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

function YearLines({ data, keys, share }: { data: ChartData; keys: string[]; share?: boolean }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data.rows} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
        {GRID}
        <XAxis dataKey="year" />
        <YAxis tickFormatter={share ? percent : count} width={64} domain={share ? [0, 1] : undefined} allowDecimals={!!share} />
        <Tooltip formatter={tooltipFormatter(data)} labelFormatter={(y) => `${y} 年度`} />
        <Legend />
        {keys.map((key, i) => (
          <Line
            key={key}
            dataKey={key}
            name={columnOf(data, key).label}
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
  );
}

function ModeSwitch<T extends string>({ value, options, onChange, label }: { value: T; options: Array<[T, string]>; onChange: (v: T) => void; label: string }) {
  return (
    <fieldset className="chart-card__tools" aria-label={label}>
      {options.map(([key, text]) => (
        <button key={key} type="button" className="button button--small" aria-pressed={value === key} onClick={() => onChange(key)} data-testid={`mode-${key}`}>
          {text}
        </button>
      ))}
    </fieldset>
  );
}

function OutcomesCard({ data, fileLabel }: { data: ChartData; fileLabel: string }) {
  const [mode, setMode] = useState<'count' | 'share'>('count');
  const keys = OUTCOME_KEYS.map((k) => (mode === 'share' ? `${k}Share` : k));
  return (
    <ChartCard
      data={data}
      fileLabel={fileLabel}
      note={
        <ModeSwitch
          label="显示方式"
          value={mode}
          onChange={setMode}
          options={[
            ['count', '按件数'],
            ['share', '按占比'],
          ]}
        />
      }
    >
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
    </ChartCard>
  );
}

function ReviewCard({ data, fileLabel }: { data: ChartData; fileLabel: string }) {
  return (
    <ChartCard data={data} fileLabel={fileLabel} note="纠错率 =（复议纠正 + 诉讼纠正）÷（复议 + 诉讼），右侧纵轴。">
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
    </ChartCard>
  );
}

const REGION_METRICS: Array<[string, string]> = [
  ['reports', '报告'],
  ['applicationsNew', '新收申请'],
  ['proactiveTotal', '主动公开'],
];

function RegionBars({ data, metric, share }: { data: ChartData; metric: string; share?: boolean }) {
  const height = Math.max(160, data.rows.length * 28 + 48);
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

function DrillLinks({ links }: { links: Array<{ name: string; href: string }> }) {
  if (links.length === 0) return null;
  return (
    <details data-testid="region-drill">
      <summary>查看下一级（{links.length}）</summary>
      <ul className="facet-list">
        {links.map((l) => (
          <li key={l.name}>
            <Link href={l.href} data-testid="region-drill-link">
              {l.name}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

function RegionCard({ data, fileLabel, links }: { data: ChartData; fileLabel: string; links: Array<{ name: string; href: string }> }) {
  const [metric, setMetric] = useState('reports');
  return (
    <ChartCard
      data={data}
      fileLabel={fileLabel}
      note={
        <>
          <ModeSwitch label="图表指标" value={metric} onChange={setMetric} options={REGION_METRICS} />
          <DrillLinks links={links} />
        </>
      }
    >
      <RegionBars data={data} metric={metric} />
    </ChartCard>
  );
}

export function StatsCharts({ stats, fileLabel, drillLinks }: { stats: StatsResult; fileLabel: string; drillLinks: Array<{ name: string; href: string }> }) {
  const proactive = proactiveChart(stats);
  const channels = channelChart(stats);
  const applications = applicationsChart(stats);
  const outcomes = outcomesChart(stats);
  const review = reviewChart(stats);
  const regions = regionChart(stats);
  const qualityYears = qualityByYearChart(stats);
  const qualityRegions = qualityByRegionChart(stats);
  return (
    <>
      <section className="stats__group" aria-labelledby="g-proactive">
        <h2 id="g-proactive">主动公开</h2>
        <div className="chart-grid">
          <ChartCard data={proactive} fileLabel={fileLabel} note="按报告自己写明的总数相加；只给出约数（如“500余条”）的报告不计入。">
            <YearBars data={proactive} keys={['total']} />
          </ChartCard>
          <ChartCard data={channels} fileLabel={fileLabel} note="同一条信息常在多个渠道发布，各渠道数字相加不等于总数。">
            <YearLines data={channels} keys={channels.columns.slice(1).map((c) => c.key)} />
          </ChartCard>
        </div>
      </section>
      <section className="stats__group" aria-labelledby="g-applications">
        <h2 id="g-applications">依申请公开</h2>
        <div className="chart-grid">
          <ChartCard data={applications} fileLabel={fileLabel}>
            <YearBars data={applications} keys={['newReceived']} />
          </ChartCard>
          <OutcomesCard data={outcomes} fileLabel={fileLabel} />
        </div>
      </section>
      <section className="stats__group" aria-labelledby="g-review">
        <h2 id="g-review">行政复议和行政诉讼</h2>
        <div className="chart-grid">
          <ReviewCard data={review} fileLabel={fileLabel} />
        </div>
      </section>
      {regions ? (
        <section className="stats__group" aria-labelledby="g-regions">
          <h2 id="g-regions">地区分布</h2>
          <div className="chart-grid">
            <RegionCard data={regions} fileLabel={fileLabel} links={drillLinks} />
          </div>
        </section>
      ) : null}
      <section className="stats__group" aria-labelledby="g-quality">
        <h2 id="g-quality">数据质量</h2>
        <div className="chart-grid">
          <ChartCard
            data={qualityYears}
            fileLabel={fileLabel}
            note="校验：表格数字之间的勾稽关系（见报告页）。逾期：晚于法定期限发布（只计能读出落款日期的报告）。"
          >
            <YearLines data={qualityYears} keys={['failedShare', 'lateShare']} share />
          </ChartCard>
          {qualityRegions ? (
            <ChartCard data={qualityRegions} fileLabel={fileLabel}>
              <RegionBars data={qualityRegions} metric="failedShare" share />
            </ChartCard>
          ) : null}
        </div>
      </section>
    </>
  );
}
