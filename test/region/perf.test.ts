/**
 * Load and call cost. Bounds are loose (CI machines are shared); the measured figures are printed.
 * Targets: one-time load + index well under 300 ms and 60 MB; ≤ 1 ms per report after that.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regionIndexStats, resolveRegion } from '../../lib/region/index.ts';
import { SEEDS, seedText, webLabels } from './helpers.ts';

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
  assert.ok(ms < 1000, `load ${ms} ms`);
  assert.ok(heapMb < 60, `heap ${heapMb} MB`);
});

test('per-call cost after the load', () => {
  const docs = [
    ...SEEDS.map((s) => ({ organization: s.organization as string | null, title: null as string | null, text: seedText(s.file) })),
    ...webLabels().map((l) => ({ organization: l.organization, title: l.title, text: l.text })),
  ];
  for (const d of docs) resolveRegion(d); // warm-up (pinyin index, JIT, the opencc converter for one traditional text)
  const rounds = 10;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const d of docs) resolveRegion(d);
  const mean = (performance.now() - t0) / (rounds * docs.length);
  const seedsT0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const d of docs.slice(0, SEEDS.length)) resolveRegion(d);
  const seedMean = (performance.now() - seedsT0) / (rounds * SEEDS.length);
  console.log(`[region] resolveRegion mean ${mean.toFixed(3)} ms over ${docs.length} documents; full seed reports ${seedMean.toFixed(3)} ms (${Math.round(1000 / seedMean)} reports/s)`);
  assert.ok(mean < 2, `mean ${mean} ms`);
  assert.ok(seedMean < 2, `seed mean ${seedMean} ms`);
});
