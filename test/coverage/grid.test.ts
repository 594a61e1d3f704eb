import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverageCsvRows } from '../../lib/coverage/csv';
import { buildCoverageGrid } from '../../lib/coverage/grid';

const children = [
  { code: '320803', name: '淮安区', level: 'county' as const },
  { code: '320804', name: '淮阴区', level: 'county' as const },
  { code: '320813', name: '洪泽区', level: 'county' as const },
];
const own = [{ id: 'a', year: 2023, level: 'county' as const, place: '淮安区', hasFailedChecks: false, organization: '淮安市淮安区人民政府' }];

test('a year without a report is 已核查、未发现 only where a column covering the body was crawled after that year', () => {
  const checks = [
    { checkedAt: '2024-06-01T00:00:00.000Z', code: '320804', scope: 'body' as const, failed: false },
    // A failed crawl says nothing.
    { checkedAt: '2024-06-01T00:00:00.000Z', code: '320813', scope: 'body' as const, failed: true },
  ];
  const grid = buildCoverageGrid(children, [2023, 2024], own, new Map(), checks);
  const status = (place: string, year: number) => grid.rows.find((r) => r.division.name === place)!.cells.find((c) => c.year === year)!;
  assert.equal(status('淮安区', 2023).status, 'present');
  assert.equal(status('淮阴区', 2023).status, 'checked');
  assert.equal(status('淮阴区', 2023).checkedAt, '2024-06-01');
  assert.equal(status('淮阴区', 2024).status, 'missing', 'the 2024 report could not be looked for in June 2024');
  assert.equal(status('洪泽区', 2023).status, 'missing');
  assert.deepEqual(
    grid.summary.map((s) => [s.year, s.published, s.checked]),
    [
      [2023, 1, 1],
      [2024, 0, 0],
    ],
  );
});

test('a region column covers the divisions under its code; a named source covers its government', () => {
  const region = buildCoverageGrid(children, [2022], [], new Map(), [{ checkedAt: '2023-05-01T00:00:00.000Z', code: '3208', scope: 'region', failed: false }]);
  assert.deepEqual(
    region.rows.map((r) => r.cells[0]!.status),
    ['checked', 'checked', 'checked'],
  );
  const named = buildCoverageGrid(children, [2022], [], new Map(), [
    { checkedAt: '2023-05-01T00:00:00.000Z', name: '淮安市洪泽区人民政府', scope: 'body', failed: false },
  ]);
  assert.deepEqual(
    named.rows.map((r) => r.cells[0]!.status),
    ['missing', 'missing', 'checked'],
  );
});

test('the coverage CSV says which is which', () => {
  const grid = buildCoverageGrid(children, [2023], own, new Map(), [{ checkedAt: '2024-06-01T00:00:00.000Z', code: '320804', scope: 'body', failed: false }]);
  assert.deepEqual(coverageCsvRows(grid), [
    '320803,淮安区,2023,已收录,,a,0\r\n',
    '320804,淮阴区,2023,已核查、未发现,2024-06-01,,0\r\n',
    '320813,洪泽区,2023,未收录,,,0\r\n',
  ]);
});
