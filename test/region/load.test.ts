/**
 * The one-time load of the division list: what it holds, with its time and memory printed.
 * Speed is measured by `npm run bench:parse` (region resolution per report included), not asserted
 * here: a shared CI machine makes timed assertions flaky.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { divisionByCode, regionIndexStats } from '../../lib/region/index.ts';

test('one-time load and indexing', () => {
  const before = process.memoryUsage();
  const t0 = performance.now();
  const stats = regionIndexStats(); // first use: loads and indexes
  const ms = performance.now() - t0;
  const after = process.memoryUsage();
  const heapMb = (after.heapUsed - before.heapUsed) / 1e6;
  const rssMb = (after.rss - before.rss) / 1e6;
  console.log(
    `[region] load+index ${ms.toFixed(0)} ms (inner ${stats.loadMs.toFixed(0)} ms), heap +${heapMb.toFixed(1)} MB, rss +${rssMb.toFixed(1)} MB, ${stats.divisions} divisions, ${stats.keys} name keys`,
  );
  assert.equal(stats.divisions, 44703);
  assert.equal(divisionByCode('620503')?.name, '麦积区');
});
