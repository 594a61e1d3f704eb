'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { type ComponentProps, useState } from 'react';
import { ChartCard } from '@/components/charts/chart-card';
import { InView } from '@/components/charts/in-view';
import type { ChartData } from '@/lib/charts/chart-data';
import { OUTCOME_KEYS } from '@/lib/report/vocabulary';
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
 * ChartCard with its table, CSV and the number of reports it rests on. The drawings
 * (chart-bodies.tsx) load as they scroll into view: with them in the page's own code, /stats kept
 * the main thread busy for 1.8 s on a phone (Lighthouse TBT; docs/performance.md has both runs).
 */

const bodies = () => import('./chart-bodies');
const YearBarsChart = dynamic(() => bodies().then((m) => m.YearBars), { ssr: false });
const YearLinesChart = dynamic(() => bodies().then((m) => m.YearLines), { ssr: false });
const OutcomesBars = dynamic(() => bodies().then((m) => m.OutcomesBars), { ssr: false });
const ReviewBars = dynamic(() => bodies().then((m) => m.ReviewBars), { ssr: false });
const RegionBarsChart = dynamic(() => bodies().then((m) => m.RegionBars), { ssr: false });

const YEAR_CHART_HEIGHT = 260;

function YearBars(props: ComponentProps<typeof YearBarsChart>) {
  return (
    <InView height={YEAR_CHART_HEIGHT}>
      <YearBarsChart {...props} />
    </InView>
  );
}

function YearLines(props: ComponentProps<typeof YearLinesChart>) {
  return (
    <InView height={YEAR_CHART_HEIGHT}>
      <YearLinesChart {...props} />
    </InView>
  );
}

/** As tall as the bars it will hold: one row a region. */
function regionChartHeight(data: ChartData): number {
  return Math.max(160, data.rows.length * 28 + 48);
}

function RegionBars(props: ComponentProps<typeof RegionBarsChart>) {
  return (
    <InView height={regionChartHeight(props.data)}>
      <RegionBarsChart {...props} />
    </InView>
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
      <InView height={280}>
        <OutcomesBars data={data} keys={keys} share={mode === 'share'} />
      </InView>
    </ChartCard>
  );
}

function ReviewCard({ data, fileLabel }: { data: ChartData; fileLabel: string }) {
  return (
    <ChartCard data={data} fileLabel={fileLabel} note="纠错率 =（复议纠正 + 诉讼纠正）÷（复议 + 诉讼），右侧纵轴。">
      <InView height={280}>
        <ReviewBars data={data} />
      </InView>
    </ChartCard>
  );
}

const REGION_METRICS: Array<[string, string]> = [
  ['reports', '报告'],
  ['applicationsNew', '新收申请'],
  ['proactiveTotal', '主动公开'],
];

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
