import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkElementId, failedCellsOf } from '../../lib/report/failed-cells';
import type { Check } from '../../lib/report/schema';

const check = (over: Partial<Check>): Check => ({ rule: 4, scope: '表四·行政复议', passed: false, message: '不相等', cells: [], ...over });

test('cells of failed checks point at their checks; passed checks mark nothing', () => {
  const cells = failedCellsOf([
    check({ passed: true, cells: ['t4.reconsideration.total'] }),
    check({ message: '行政复议：维持 10 + 纠正 1 = 11，但总计为 0。', cells: ['t4.reconsideration.upheld', 't4.reconsideration.total'] }),
    check({ rule: 1, message: '总计列不平', cells: ['t3.newReceived.total', 't4.reconsideration.total'] }),
  ]);
  assert.deepEqual(Object.keys(cells).sort(), ['t3.newReceived.total', 't4.reconsideration.total', 't4.reconsideration.upheld']);
  assert.deepEqual(cells['t4.reconsideration.total'].ids, [checkElementId(1), checkElementId(2)]);
  assert.deepEqual(cells['t4.reconsideration.upheld'].messages, ['行政复议：维持 10 + 纠正 1 = 11，但总计为 0。']);
});

test('prose, other years and combined references', () => {
  const cells = failedCellsOf([
    check({ rule: 6, cells: ['prose.lawsuits', 't4.litigation.total'] }),
    check({ rule: 5, cells: ['abc123:t3.carriedForward.total', 't3.carriedOver.total'] }),
  ]);
  // 行政诉讼 in prose is compared with both lawsuit groups' totals; another report's cell is not ours.
  assert.deepEqual(Object.keys(cells).sort(), ['t3.carriedOver.total', 't4.litigationAfterReconsideration.total', 't4.litigationDirect.total']);
});
