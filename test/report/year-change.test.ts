import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatYearChange, yearChange } from '../../lib/report/year-change';

test('change and percentage against last year', () => {
  assert.deepEqual(yearChange(120, 100), { delta: 20, percent: 20 });
  assert.deepEqual(yearChange(2, 3), { delta: -1, percent: -33.3 });
  assert.deepEqual(yearChange(5, 0), { delta: 5, percent: null });
  assert.equal(yearChange(null, 3), null);
  assert.equal(yearChange(3, null), null);
});

test('formatted for people', () => {
  assert.equal(formatYearChange(yearChange(1136, 1000)), '+136（+13.6%）');
  assert.equal(formatYearChange(yearChange(8, 10)), '−2（−20%）');
  assert.equal(formatYearChange(yearChange(5, 0)), '+5');
  assert.equal(formatYearChange(yearChange(7, 7)), '持平');
  assert.equal(formatYearChange(null), '');
  assert.equal(formatYearChange(yearChange(12000, 2000)), '+10,000（+500%）');
});
