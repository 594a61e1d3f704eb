import type { ChartData } from '@/lib/charts/chart-data';
import { regionFieldName } from '@/lib/report/labels';
import { correctionRate, ratio } from '@/lib/report/rates';
import { CHANNELS, type Channel } from '@/lib/report/vocabulary';
import type { StatsResult, YearStats } from '@/lib/stats/types';
import { OUTCOME_KEYS, type OutcomeKey } from '../report/vocabulary';

/**
 * The /stats charts' data from a StatsResult, pure: one ChartData per chart (components/charts).
 * Shares are computed from the sums (lib/stats/rates.ts); a share with no base is null, not 0.
 */

const CHANNEL_NAMES: Record<Channel, string> = {
  website: '政府网站',
  wechat: '政务微信',
  weibo: '政务微博',
  bulletinBoard: '公开栏',
  gazette: '政府公报',
  newMedia: '其他新媒体',
  other: '其他渠道',
};

const OUTCOME_NAMES: Record<OutcomeKey, string> = {
  granted: '予以公开',
  partiallyGranted: '部分公开',
  refused: '不予公开',
  unableToProvide: '无法提供',
  notProcessed: '不予处理',
  otherProcessed: '其他处理',
};

const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** Reports that state at least one of several figures: at least the most any one of them has. */
const atLeast = (years: YearStats[], pick: (y: YearStats) => number[]) => sumOf(years.map((y) => Math.max(0, ...pick(y))));

export function proactiveChart(stats: StatsResult): ChartData {
  return {
    id: 'proactive',
    title: '主动公开政府信息数量（按年度）',
    columns: [
      { key: 'year', label: '年度', kind: 'label' },
      { key: 'total', label: '主动公开（条）', kind: 'count' },
      { key: 'reports', label: '给出总数的报告（份）', kind: 'count' },
    ],
    rows: stats.years.map((y) => ({
      year: String(y.year),
      total: y.proactive.total.reports ? y.proactive.total.sum : null,
      reports: y.proactive.total.reports,
    })),
    basis: sumOf(stats.years.map((y) => y.proactive.total.reports)),
  };
}

export function channelChart(stats: StatsResult): ChartData {
  const used = CHANNELS.filter((c) => stats.years.some((y) => y.proactive.byChannel[c].reports > 0));
  return {
    id: 'channels',
    title: '主动公开渠道（按年度，渠道之间有重叠）',
    columns: [{ key: 'year', label: '年度', kind: 'label' }, ...used.map((c) => ({ key: c, label: `${CHANNEL_NAMES[c]}（条）`, kind: 'count' as const }))],
    rows: stats.years.map((y) => ({
      year: String(y.year),
      ...Object.fromEntries(used.map((c) => [c, y.proactive.byChannel[c].reports ? y.proactive.byChannel[c].sum : null])),
    })),
    basis: atLeast(stats.years, (y) => used.map((c) => y.proactive.byChannel[c].reports)),
    basisNote: '给出渠道数字的',
  };
}

export function applicationsChart(stats: StatsResult): ChartData {
  return {
    id: 'applications',
    title: '新收政府信息公开申请（按年度）',
    columns: [
      { key: 'year', label: '年度', kind: 'label' },
      { key: 'newReceived', label: '新收申请（件）', kind: 'count' },
      { key: 'reports', label: '给出数字的报告（份）', kind: 'count' },
    ],
    rows: stats.years.map((y) => ({
      year: String(y.year),
      newReceived: y.applications.newReceived.reports ? y.applications.newReceived.sum : null,
      reports: y.applications.newReceived.reports,
    })),
    basis: sumOf(stats.years.map((y) => y.applications.newReceived.reports)),
  };
}

/** Outcome counts and, beside each, its share of all outcomes that year. */
export function outcomesChart(stats: StatsResult): ChartData {
  return {
    id: 'outcomes',
    title: '申请办理结果构成（按年度）',
    columns: [
      { key: 'year', label: '年度', kind: 'label' },
      ...OUTCOME_KEYS.map((k) => ({ key: k, label: `${OUTCOME_NAMES[k]}（件）`, kind: 'count' as const })),
      ...OUTCOME_KEYS.map((k) => ({ key: `${k}Share`, label: `${OUTCOME_NAMES[k]}占比`, kind: 'share' as const })),
    ],
    rows: stats.years.map((y) => {
      const o = y.applications.outcomes;
      const stated = OUTCOME_KEYS.some((k) => o[k].reports > 0);
      const total = sumOf(OUTCOME_KEYS.map((k) => o[k].sum));
      return {
        year: String(y.year),
        ...Object.fromEntries(OUTCOME_KEYS.map((k) => [k, stated ? o[k].sum : null])),
        ...Object.fromEntries(OUTCOME_KEYS.map((k) => [`${k}Share`, stated ? ratio(o[k].sum, total) : null])),
      };
    }),
    basis: atLeast(stats.years, (y) => OUTCOME_KEYS.map((k) => y.applications.outcomes[k].reports)),
  };
}

export function reviewChart(stats: StatsResult): ChartData {
  return {
    id: 'review',
    title: '行政复议和行政诉讼（按年度）',
    columns: [
      { key: 'year', label: '年度', kind: 'label' },
      { key: 'reconsiderations', label: '行政复议（件）', kind: 'count' },
      { key: 'reconsiderationsCorrected', label: '复议纠正（件）', kind: 'count' },
      { key: 'lawsuits', label: '行政诉讼（件）', kind: 'count' },
      { key: 'lawsuitsCorrected', label: '诉讼纠正（件）', kind: 'count' },
      { key: 'correctionRate', label: '纠错率', kind: 'share' },
    ],
    rows: stats.years.map((y) => {
      const r = y.review;
      const stated = r.reconsiderations.reports > 0 || r.lawsuits.reports > 0;
      const value = (k: keyof typeof r) => (stated ? r[k].sum : null);
      return {
        year: String(y.year),
        reconsiderations: value('reconsiderations'),
        reconsiderationsCorrected: value('reconsiderationsCorrected'),
        lawsuits: value('lawsuits'),
        lawsuitsCorrected: value('lawsuitsCorrected'),
        correctionRate: stated
          ? correctionRate({
              reconsiderations: r.reconsiderations.sum,
              reconsiderationsCorrected: r.reconsiderationsCorrected.sum,
              lawsuits: r.lawsuits.sum,
              lawsuitsCorrected: r.lawsuitsCorrected.sum,
            })
          : null,
      };
    }),
    basis: atLeast(stats.years, (y) => [y.review.reconsiderations.reports, y.review.lawsuits.reports]),
  };
}

export function regionChart(stats: StatsResult): ChartData | null {
  if (!stats.regions) return null;
  const field = regionFieldName(stats.regions.field);
  return {
    id: 'regions',
    title: `按${field}细分`,
    columns: [
      { key: 'name', label: field, kind: 'label' },
      { key: 'reports', label: '报告（份）', kind: 'count' },
      { key: 'applicationsNew', label: '新收申请（件）', kind: 'count' },
      { key: 'proactiveTotal', label: '主动公开（条）', kind: 'count' },
    ],
    rows: stats.regions.rows.map((r) => ({
      name: r.name,
      reports: r.reports,
      applicationsNew: r.applicationsNew.reports ? r.applicationsNew.sum : null,
      proactiveTotal: r.proactiveTotal.reports ? r.proactiveTotal.sum : null,
    })),
    basis: sumOf(stats.regions.rows.map((r) => r.reports)),
  };
}

export function qualityByYearChart(stats: StatsResult): ChartData {
  return {
    id: 'quality-years',
    title: '数据质量（按年度）：校验未通过、逾期发布的比例',
    columns: [
      { key: 'year', label: '年度', kind: 'label' },
      { key: 'reports', label: '报告（份）', kind: 'count' },
      { key: 'failed', label: '校验未通过（份）', kind: 'count' },
      { key: 'failedShare', label: '校验未通过比例', kind: 'share' },
      { key: 'dated', label: '可判断时限（份）', kind: 'count' },
      { key: 'late', label: '逾期发布（份）', kind: 'count' },
      { key: 'lateShare', label: '逾期发布比例', kind: 'share' },
    ],
    rows: stats.years.map((y) => ({
      year: String(y.year),
      reports: y.quality.reports,
      failed: y.quality.failed,
      failedShare: ratio(y.quality.failed, y.quality.reports),
      dated: y.quality.dated,
      late: y.quality.late,
      lateShare: ratio(y.quality.late, y.quality.dated),
    })),
    basis: sumOf(stats.years.map((y) => y.quality.reports)),
  };
}

export function qualityByRegionChart(stats: StatsResult): ChartData | null {
  if (!stats.regions) return null;
  const field = regionFieldName(stats.regions.field);
  return {
    id: 'quality-regions',
    title: `数据质量（按${field}）`,
    columns: [
      { key: 'name', label: field, kind: 'label' },
      { key: 'reports', label: '报告（份）', kind: 'count' },
      { key: 'failed', label: '校验未通过（份）', kind: 'count' },
      { key: 'failedShare', label: '校验未通过比例', kind: 'share' },
      { key: 'late', label: '逾期发布（份）', kind: 'count' },
      { key: 'lateShare', label: '逾期发布比例', kind: 'share' },
    ],
    rows: stats.regions.rows.map((r) => ({
      name: r.name,
      reports: r.quality.reports,
      failed: r.quality.failed,
      failedShare: ratio(r.quality.failed, r.quality.reports),
      late: r.quality.late,
      lateShare: ratio(r.quality.late, r.quality.dated),
    })),
    basis: sumOf(stats.regions.rows.map((r) => r.quality.reports)),
  };
}
