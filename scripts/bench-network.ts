/**
 * npm run bench:network -- [--rounds R] [--instances N] [--corpus DIR]
 *
 * Latency of one Meilisearch instance against a network of N (default 3) holding the reports by
 * province (docs/scale-network.md), on this machine: the sample reports (or DIR) indexed into one
 * instance and spread over N, then R (default 10) passes over 20 searches, timed from the app's
 * side: a page of results, and the counting searches of /stats three ways. Prints p50 and p95, the
 * time to read every report in pages of 1,000 as the CSV export does, and
 * first whether the network's totals, facet counts and /stats counts equal the one instance's.
 */
import { parseArgs } from 'node:util';
import { projectRoot } from '../lib/config/local-env';
import { BENCH_QUERIES, compareNetworkAnswers, measureFullExport, measureNetworkLatency, startLocalNetwork } from '../lib/search/local-network';
import { prepareStats } from '../lib/stats/request';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    instances: { type: 'string', default: '3' },
    corpus: { type: 'string', default: `${projectRoot}/data/reports` },
  },
});
const rounds = Number(values.rounds);
const count = Number(values.instances);
if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: npm run bench:network -- [--rounds R] [--instances N] [--corpus DIR]\n');
  process.exit(2);
}
const say = (message: string) => process.stdout.write(`[bench:network] ${message}\n`);

const started = performance.now();
const net = await startLocalNetwork({ paths: [values.corpus], count });
try {
  say(
    `${net.documents} reports in one instance; in ${count}: ${JSON.stringify(net.shards.documents)} (set up in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const checks = await compareNetworkAnswers(net, (params) => prepareStats(params).bodies);
  const differ = checks.filter((c) => !c.sameTotal || !c.sameFacets || !c.sameCounts);
  say(
    `answers compared on ${checks.length} searches: totals, facet counts and /stats counts ${differ.length === 0 ? 'all the same' : `DIFFER for ${differ.map((c) => JSON.stringify(c.query)).join(', ')}`}`,
  );
  const reordered = checks.filter((c) => !c.sameOrder).map((c) => JSON.stringify(c.query));
  say(
    `first page in the same order on ${checks.length - reordered.length} of ${checks.length}${reordered.length ? ` (another order: ${reordered.join(', ')})` : ''}`,
  );
  const exported = await measureFullExport(net);
  say(
    `every report read in pages of 1,000 (the CSV export's way): ${exported.rows} rows, one instance ${exported.one.toFixed(0)} ms, network ${exported.network.toFixed(0)} ms`,
  );
  const rows = await measureNetworkLatency(net, (params) => prepareStats(params).bodies, rounds);
  say(`${rounds} rounds × ${BENCH_QUERIES.length} searches, times from the app's side:`);
  for (const row of rows) say(`  ${row.name.padEnd(58)} n=${row.requests}  p50 ${row.p50.toFixed(1)} ms  p95 ${row.p95.toFixed(1)} ms`);
} finally {
  await net.stop();
}
