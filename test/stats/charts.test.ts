import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellText, hasData } from '../../lib/charts/chart-data';
import { chartCsv } from '../../lib/charts/csv';
import { CHANNELS, type Channel } from '../../lib/report/schema';
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
import type { FigureSum, StatsResult, YearStats } from '../../lib/stats/types';

/** The /stats charts' data from a small hand-made StatsResult with known figures. */

const f = (sum: number, reports: number): FigureSum => ({ sum, reports });
const none = f(0, 0);
const channels = (website: FigureSum): Record<Channel, FigureSum> =>
  Object.fromEntries(CHANNELS.map((c) => [c, c === 'website' ? website : none])) as Record<Channel, FigureSum>;

function year(y: number, over: Partial<YearStats>): YearStats {
  return {
    year: y,
    reports: 3,
    proactive: { total: f(300, 3), byChannel: channels(f(200, 2)) },
    applications: {
      newReceived: f(30, 3),
      outcomes: { granted: f(18, 3), partiallyGranted: f(3, 3), refused: f(3, 3), unableToProvide: f(6, 3), notProcessed: f(0, 3), otherProcessed: f(0, 3) },
    },
    review: { reconsiderations: f(4, 3), reconsiderationsCorrected: f(1, 3), lawsuits: f(1, 3), lawsuitsCorrected: f(0, 3) },
    quality: { reports: 3, failed: 1, dated: 2, late: 1 },
    ...over,
  };
}

const stats: StatsResult = {
  query: '?county=%E9%BA%A6%E7%A7%AF%E5%8C%BA',
  reports: 5,
  reportsWithoutYear: 0,
  years: [
    year(2022, {}),
    year(2023, {
      reports: 2,
      proactive: { total: none, byChannel: channels(none) },
      applications: {
        newReceived: none,
        outcomes: { granted: none, partiallyGranted: none, refused: none, unableToProvide: none, notProcessed: none, otherProcessed: none },
      },
      review: { reconsiderations: none, reconsiderationsCorrected: none, lawsuits: none, lawsuitsCorrected: none },
      quality: { reports: 2, failed: 0, dated: 0, late: 0 },
    }),
  ],
  regions: {
    field: 'township',
    rows: [
      { name: '社棠镇', reports: 2, applicationsNew: f(30, 2), proactiveTotal: f(270, 2), quality: { reports: 2, failed: 0, dated: 2, late: 0 } },
      { name: '甘泉镇', reports: 3, applicationsNew: none, proactiveTotal: f(170, 2), quality: { reports: 3, failed: 1, dated: 2, late: 1 } },
    ],
  },
  quality: { reports: 5, failed: 1, dated: 4, late: 1 },
};

test('per-year sums: a year whose reports state nothing is a gap (null), not a zero', () => {
  const proactive = proactiveChart(stats);
  assert.deepEqual(proactive.rows, [
    { year: '2022', total: 300, reports: 3 },
    { year: '2023', total: null, reports: 0 },
  ]);
  assert.equal(proactive.basis, 3);
  assert.deepEqual(
    applicationsChart(stats).rows.map((r) => r.newReceived),
    [30, null],
  );
  const channel = channelChart(stats);
  assert.deepEqual(
    channel.columns.map((c) => c.key),
    ['year', 'website'],
  );
  assert.equal(channel.basis, 2);
});

test('outcome shares of all outcomes; correction rate from the sums', () => {
  const outcomes = outcomesChart(stats);
  const row = outcomes.rows[0];
  assert.equal(row.granted, 18);
  assert.equal(row.grantedShare, 0.6);
  assert.equal(row.refusedShare, 0.1);
  assert.equal(row.unableToProvideShare, 0.2);
  assert.equal(outcomes.rows[1].grantedShare, null);
  const review = reviewChart(stats);
  assert.equal(review.rows[0].correctionRate, 1 / 5);
  assert.equal(review.rows[1].correctionRate, null);
  assert.equal(review.basis, 3);
});

test('failed-check and late shares per year and per region', () => {
  const years = qualityByYearChart(stats);
  assert.equal(years.rows[0].failedShare, 1 / 3);
  assert.equal(years.rows[0].lateShare, 0.5);
  assert.equal(years.rows[1].failedShare, 0);
  assert.equal(years.rows[1].lateShare, null, 'no dated report: no late share');
  assert.equal(years.basis, 5);
  const regions = qualityByRegionChart(stats)!;
  assert.deepEqual(
    regions.rows.map((r) => [r.name, r.failedShare, r.lateShare]),
    [
      ['社棠镇', 0, 0],
      ['甘泉镇', 1 / 3, 0.5],
    ],
  );
  const breakdown = regionChart(stats)!;
  assert.equal(breakdown.title, '按乡镇街道细分');
  assert.deepEqual(breakdown.rows[1], { name: '甘泉镇', reports: 3, applicationsNew: null, proactiveTotal: 170 });
  assert.equal(regionChart({ ...stats, regions: null }), null);
});

test('table cells, empty charts and the CSV of a chart', () => {
  const years = qualityByYearChart(stats);
  assert.equal(cellText(years.columns[3], 1 / 3), '33.3%');
  assert.equal(cellText(years.columns[1], 1234), '1,234');
  assert.equal(cellText(years.columns[1], null), '—');
  assert.equal(hasData(proactiveChart({ ...stats, years: [] })), false);
  assert.equal(hasData(proactiveChart(stats)), true);
  const csv = chartCsv(years);
  assert.ok(csv.startsWith('\uFEFF年度,报告（份）,校验未通过（份）,校验未通过比例,'));
  assert.equal(csv.split('\r\n')[1], '2022,3,1,0.3333,2,1,0.5');
  assert.equal(csv.split('\r\n')[2], '2023,2,0,0,0,0,');
});
