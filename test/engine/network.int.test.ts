import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { reloadConfig } from '../../lib/config';
import { createMeiliClient } from '../../lib/engine/client';
import { engineFederatedSearch, engineMultiSearch, engineSearch } from '../../lib/engine/transport';
import { runIndexOnNetwork, shardOf, splitByProvince } from '../../lib/indexer/shards';
import { csvRow } from '../../lib/search/csv';
import { federatedRequest, perInstanceSearchMany } from '../../lib/search/federated';
import { type LocalNetwork, startLocalNetwork } from '../../lib/search/local-network';
import { parseSearchParams, type SearchParams } from '../../lib/search/params';
import { exportReports, searchReports } from '../../lib/search/queries';
import { prepareSearch } from '../../lib/search/request';
import { getStats } from '../../lib/stats/queries';
import { prepareStats } from '../../lib/stats/request';
import { sampleReports } from '../support/temp';

/**
 * Meilisearch's own distribution (docs/scale-network.md): three local instances, each holding the
 * sample reports of some provinces (fed by lib/indexer/shards.ts) and joined with the
 * experimental `network` feature, must answer the product's searches exactly as one instance
 * holding everything (filled by the ordinary indexer, runIndex): totals, facet counts, the /stats
 * sums and the CSV export, for an empty query, a text query, a province and a year.
 */

const NAMES = ['ms0', 'ms1', 'ms2'] as const;
const QUERIES = ['', 'q=依申请', 'province=山东省', 'year=2022', 'q=依申请&yearFrom=2020&yearTo=2023'];

let net: LocalNetwork;

before(async () => {
  net = await startLocalNetwork({ paths: [sampleReports], count: NAMES.length });
  assert.deepEqual(net.shards.failed, []);
  assert.equal(net.shards.indexed, net.documents);
  assert.deepEqual(
    net.network.remotes.map((r) => r.name),
    [...NAMES],
  );
});

after(async () => {
  await net?.stop();
  for (const name of ['MEILI_URL', 'MEILI_SEARCH_KEY', 'MEILI_INDEX', 'NIANBAO_MEILI_REMOTES', 'NIANBAO_SEARCH_CACHE_SECONDS']) delete process.env[name];
  reloadConfig();
});

function params(query: string): SearchParams {
  const parsed = parseSearchParams(new URLSearchParams(query));
  assert.ok(parsed.ok, query);
  return parsed.params;
}

/** The app's environment pointed at one instance, or at the network through ms0. */
function pointAppAt(kind: 'single' | 'network'): void {
  process.env.MEILI_URL = kind === 'single' ? net.single.url : net.network.url;
  process.env.MEILI_SEARCH_KEY = net.searchKey;
  process.env.MEILI_INDEX = net.single.index;
  process.env.NIANBAO_SEARCH_CACHE_SECONDS = '0';
  if (kind === 'network') process.env.NIANBAO_MEILI_REMOTES = net.network.remotes.map(({ name, url }) => `${name}=${url}`).join(',');
  else delete process.env.NIANBAO_MEILI_REMOTES;
  reloadConfig();
}

async function productAnswers(kind: 'single' | 'network', query: string) {
  pointAppAt(kind);
  const p = params(query);
  const result = await searchReports(p, { cached: false });
  const rows: string[] = [];
  const years: Array<number | null> = [];
  for await (const row of exportReports(p, { pageSize: 7 })) {
    rows.push(csvRow(row, 'https://example.org'));
    years.push(row.year);
  }
  return { result, stats: await getStats(p), rows, years };
}

test('each instance holds exactly the provinces assigned to it, and the assignment is stable', async () => {
  let total = 0;
  for (const { name, url } of net.network.remotes) {
    const reply = await engineSearch<never>({ ...net.single, url }, { q: '', page: 1, hitsPerPage: 0, facets: ['province'] });
    for (const province of Object.keys(reply.facetDistribution?.province ?? {})) assert.equal(shardOf(province, NAMES), name, province);
    assert.equal(reply.totalHits, net.shards.documents[name]);
    total += reply.totalHits ?? 0;
  }
  const one = await engineSearch<never>(net.single, { q: '', page: 1, hitsPerPage: 0 });
  assert.equal(total, one.totalHits);
  // Rendezvous hashing: a fourth instance takes provinces only from the others, never moves them between them.
  const provinces = Object.keys((await engineSearch<never>(net.single, { q: '', hitsPerPage: 0, page: 1, facets: ['province'] })).facetDistribution!.province!);
  for (const province of provinces) {
    const after4 = shardOf(province, [...NAMES, 'ms3']);
    assert.ok(after4 === 'ms3' || after4 === shardOf(province, NAMES), province);
  }
  const shares = splitByProvince(
    provinces.map((province) => ({ province })),
    NAMES,
  );
  assert.deepEqual([...shares.keys()], [...NAMES]);
});

test('raw engine: federated estimatedTotalHits and merged facet counts equal one instance', async () => {
  for (const query of QUERIES) {
    const body = { ...prepareSearch(params(query)).body, facets: ['province', 'year'] };
    const one = await engineSearch<never>(net.single, body);
    const oneEstimated = await engineSearch<never>(net.single, { ...body, page: undefined, hitsPerPage: undefined, limit: 20 });
    const federated = await engineFederatedSearch<never>(net.network, federatedRequest(net.network, body));
    assert.deepEqual(federated.remoteErrors, {}, query);
    assert.equal(federated.estimatedTotalHits, one.totalHits, `total of "${query}"`);
    assert.equal(federated.estimatedTotalHits, oneEstimated.estimatedTotalHits, `estimated total of "${query}"`);
    assert.deepEqual(federated.facetDistribution, one.facetDistribution, `facets of "${query}"`);
  }
});

test('the product over the network: search totals, facets, /stats sums and CSV rows equal one instance', async () => {
  for (const query of QUERIES) {
    const one = await productAnswers('single', query);
    const all = await productAnswers('network', query);
    assert.ok(one.result.total > 0, `"${query}" finds reports`);
    assert.equal(all.result.total, one.result.total, `total of "${query}"`);
    assert.equal(all.result.totalPages, one.result.totalPages);
    assert.deepEqual(all.result.facets, one.result.facets, `facets of "${query}"`);
    assert.deepEqual(all.stats, one.stats, `stats of "${query}"`);
    assert.ok(
      one.stats.years.some((y) => y.applications.newReceived.sum > 0),
      `"${query}" sums some figures`,
    );
    // The same rows; their order can differ only among reports the sort ranks equal (docs/scale-network.md).
    assert.equal(all.rows.length, one.result.total);
    assert.deepEqual([...all.rows].sort(), [...one.rows].sort(), `CSV rows of "${query}"`);
    if (!params(query).q) assert.deepEqual(all.years, one.years, `year order of "${query}"`);
  }
});

test('the alternative: one multi-search per instance, summed by the app, gives the same /stats counts', async () => {
  for (const query of QUERIES) {
    const { bodies } = prepareStats(params(query));
    const one = await engineMultiSearch<never>(net.single, bodies);
    const summed = await perInstanceSearchMany(net.network, bodies);
    for (const [i, reply] of one.entries()) {
      assert.equal(summed[i]!.totalHits, reply.totalHits, `total of "${query}" #${i}`);
      assert.deepEqual(summed[i]!.facetDistribution, reply.facetDistribution, `facets of "${query}" #${i}`);
    }
  }
});

test('a second full run through the indexer hook (runIndexOnNetwork) swaps a fresh share into each instance', async () => {
  const run = runIndexOnNetwork(net.network.remotes);
  const refused = await run({
    paths: [sampleReports],
    incremental: true,
    connection: { url: net.network.url, apiKey: net.masterKey },
    index: net.single.index,
    runsDir: null,
  });
  assert.equal(refused.exitCode, 2);
  assert.match(refused.fatal ?? '', /incremental/);
  const result = await run({ paths: [sampleReports], connection: { url: net.network.url, apiKey: net.masterKey }, index: net.single.index, runsDir: null });
  assert.equal(result.exitCode, 0, result.fatal ?? '');
  assert.equal(result.documentsInIndex, net.documents);
  const one = await engineSearch<never>(net.single, { q: '', page: 1, hitsPerPage: 0 });
  const all = await engineFederatedSearch<never>(net.network, federatedRequest(net.network, { q: '', limit: 0 }));
  assert.equal(all.estimatedTotalHits, one.totalHits);
  for (const { url } of net.network.remotes) {
    const admin = createMeiliClient({ url, apiKey: net.masterKey });
    const indexes = (await admin.getRawIndexes({ limit: 100 })).results.map((i) => i.uid);
    assert.deepEqual(indexes, [net.single.index], 'no build index left behind');
  }
});

test('an instance that does not answer makes the search fail instead of counting less', async () => {
  pointAppAt('network');
  await net.stopInstance(2);
  await assert.rejects(searchReports(params(''), { cached: false }), (error: Error) => {
    assert.equal(error.name, 'SearchUnavailableError');
    // The receiving instance answered, but without ms2's share: refused, not shown smaller.
    assert.equal((error.cause as Error).name, 'IncompleteNetworkAnswer');
    assert.match((error.cause as Error).message, /ms2/);
    return true;
  });
});
