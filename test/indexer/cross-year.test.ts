import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CrossYearTracker, crossYearChecks, type YearEntry } from '../../lib/indexer/cross-year';

function entry(id: string, year: number, figures: Partial<YearEntry['figures']>, failedChecks = 0): YearEntry {
  return {
    id,
    year,
    figures: { carriedOver: null, carriedForward: null, regulations: null, normativeDocuments: null, ...figures },
    failedChecks,
    storedChecks: '[]',
  };
}

test("rule 5: 上年结转 against last year's 结转下年度", () => {
  const [ok] = crossYearChecks(entry('b', 2023, { carriedOver: 3 }), entry('a', 2022, { carriedForward: 3 }));
  assert.equal(ok.rule, 5);
  assert.equal(ok.passed, true);
  const [bad] = crossYearChecks(entry('b', 2023, { carriedOver: 5 }), entry('a', 2022, { carriedForward: 3 }));
  assert.equal(bad.passed, false);
  assert.match(bad.message, /上年结转为 5 件，但 2022 年报告的结转下年度为 3 件/);
  assert.deepEqual(bad.cells, ['t3.carriedOver.total', 'a:t3.carriedForward.total']);
});

test('rule 5: 现行有效 continuity, only when every figure is known', () => {
  const checks = crossYearChecks(entry('b', 2023, { normativeDocuments: [4, 1, 23] }), entry('a', 2022, { normativeDocuments: [0, 0, 20] }));
  assert.equal(checks.length, 1);
  assert.equal(checks[0].passed, true);
  const broken = crossYearChecks(entry('b', 2023, { normativeDocuments: [4, 1, 30] }), entry('a', 2022, { normativeDocuments: [0, 0, 20] }));
  assert.equal(broken[0].passed, false);
  assert.match(broken[0].message, /2022 年现行有效 20 \+ 本年制发 4 − 本年废止 1 = 23，但本年现行有效件数为 30/);
  assert.deepEqual(crossYearChecks(entry('b', 2023, { normativeDocuments: [null, 1, 30] }), entry('a', 2022, { normativeDocuments: [0, 0, 20] })), []);
});

test('tracker: only consecutive years of one body are compared; updates only what changed', () => {
  const tracker = new CrossYearTracker();
  tracker.set('body', entry('y2021', 2021, { carriedForward: 1 }));
  tracker.set('body', entry('y2022', 2022, { carriedOver: 1, carriedForward: 2 }, 1));
  tracker.set('body', entry('y2024', 2024, { carriedOver: 9 }));
  tracker.set('other', entry('o2023', 2023, { carriedOver: 2 }));
  const updates = [...tracker.updates()];
  assert.deepEqual(
    updates.map((u) => u.id),
    ['y2022'],
  );
  assert.equal(updates[0].crossYearChecks[0].passed, true);
  assert.equal(updates[0].failedChecksTotal, 1);
  assert.equal(updates[0].hasFailedChecks, true);
  assert.deepEqual(tracker.summary(), { compared: 1, failed: 0 });

  // Stored checks equal to the computed ones need no update.
  tracker.set('body', { ...entry('y2022', 2022, { carriedOver: 1, carriedForward: 2 }, 1), storedChecks: JSON.stringify(updates[0].crossYearChecks) });
  assert.deepEqual([...tracker.updates()], []);
});
