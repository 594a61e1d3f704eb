import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { reloadConfig } from '../../lib/config';
import { createMeiliClient } from '../../lib/engine/client';
import { type EmbeddedMeili, generateSecret, startEmbeddedMeili } from '../../lib/engine/embedded';
import { configureNetwork, enableNetworkFeature, networkSearchKey } from '../../lib/engine/network';
import { engineFederatedSearch, engineMultiSearch, engineSearch } from '../../lib/engine/transport';
import { runIndex } from '../../lib/indexer';
import { runShardedIndex, shardOf, splitByProvince } from '../../lib/indexer/shards';
import { csvRow } from '../../lib/search/csv';
import { federatedRequest, type NetworkTarget, perInstanceSearchMany } from '../../lib/search/federated';
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
const INDEX = 'reports';
const QUERIES = ['', 'q=依申请', 'province=山东省', 'year=2022', 'q=依申请&yearFrom=2020&yearTo=2023'];

const masterKey = generateSecret();
const dirs: string[] = [];
let single: EmbeddedMeili;
let network: EmbeddedMeili[] = [];
let searchKey: string;
let target: NetworkTarget;

async function start(): Promise<EmbeddedMeili> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-net-'));
  dirs.push(dataDir);
  return startEmbeddedMeili({ dataDir, masterKey, announce: false });
}

before(async () => {
  [single, ...network] = await Promise.all([start(), start(), start(), start()]);
  const one = await runIndex({ paths: [sampleReports], connection: { url: single.url, apiKey: masterKey }, index: INDEX, runsDir: null });
  assert.equal(one.exitCode, 0, one.fatal ?? JSON.stringify(one.failed));
  const shards = await runShardedIndex({
    paths: [sampleReports],
    shards: NAMES.map((name, i) => ({ name, connection: { url: network[i]!.url, apiKey: masterKey } })),
    index: INDEX,
  });
  assert.deepEqual(shards.failed, []);
  assert.equal(shards.indexed, one.documentsInIndex);
  // The same uid and master key on every instance: one search key for all of them.
  const keys = await Promise.all([single, ...network].map((m) => networkSearchKey(createMeiliClient({ url: m.url, apiKey: masterKey }), INDEX)));
  assert.equal(new Set(keys).size, 1);
  searchKey = keys[0]!;
  const instances = NAMES.map((name, i) => ({ name, url: network[i]!.url, searchApiKey: searchKey }));
  for (const [i, name] of NAMES.entries()) {
    const admin = createMeiliClient({ url: network[i]!.url, apiKey: masterKey });
    await enableNetworkFeature(admin);
    await configureNetwork(admin, name, instances);
  }
  target = { url: network[0]!.url, apiKey: searchKey, index: INDEX, remotes: instances };
});

after(async () => {
  await Promise.all([single, ...network].filter(Boolean).map((m) => m.stop()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
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
  process.env.MEILI_URL = kind === 'single' ? single.url : network[0]!.url;
  process.env.MEILI_SEARCH_KEY = searchKey;
  process.env.MEILI_INDEX = INDEX;
  process.env.NIANBAO_SEARCH_CACHE_SECONDS = '0';
  if (kind === 'network') process.env.NIANBAO_MEILI_REMOTES = NAMES.map((name, i) => `${name}=${network[i]!.url}`).join(',');
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
  for (const [i, name] of NAMES.entries()) {
    const reply = await engineSearch<never>(
      { url: network[i]!.url, apiKey: searchKey, index: INDEX },
      { q: '', page: 1, hitsPerPage: 0, facets: ['province'] },
    );
    for (const province of Object.keys(reply.facetDistribution?.province ?? {})) assert.equal(shardOf(province, NAMES), name, province);
    total += reply.totalHits ?? 0;
  }
  const one = await engineSearch<never>({ url: single.url, apiKey: searchKey, index: INDEX }, { q: '', page: 1, hitsPerPage: 0 });
  assert.equal(total, one.totalHits);
  // Rendezvous hashing: a fourth instance takes provinces only from the others, never moves them between them.
  const provinces = Object.keys(
    (await engineSearch<never>({ url: single.url, apiKey: searchKey, index: INDEX }, { q: '', hitsPerPage: 0, page: 1, facets: ['province'] }))
      .facetDistribution!.province!,
  );
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
    const one = await engineSearch<never>({ url: single.url, apiKey: searchKey, index: INDEX }, body);
    const oneEstimated = await engineSearch<never>(
      { url: single.url, apiKey: searchKey, index: INDEX },
      { ...body, page: undefined, hitsPerPage: undefined, limit: 20 },
    );
    const federated = await engineFederatedSearch<never>(target, federatedRequest(target, body));
    assert.deepEqual(federated.remoteErrors, {}, query);
    assert.equal(federated.estimatedTotalHits, one.totalHits, `total of "${query}"`);
    assert.equal(federated.estimatedTotalHits, oneEstimated.estimatedTotalHits, `estimated total of "${query}"`);
    assert.deepEqual(federated.facetDistribution, one.facetDistribution, `facets of "${query}"`);
  }
});

test('the product over the network: search totals, facets, /stats sums and CSV rows equal one instance', async () => {
  for (const query of QUERIES) {
    const one = await productAnswers('single', query);
    const net = await productAnswers('network', query);
    assert.ok(one.result.total > 0, `"${query}" finds reports`);
    assert.equal(net.result.total, one.result.total, `total of "${query}"`);
    assert.equal(net.result.totalPages, one.result.totalPages);
    assert.deepEqual(net.result.facets, one.result.facets, `facets of "${query}"`);
    assert.deepEqual(net.stats, one.stats, `stats of "${query}"`);
    assert.ok(
      one.stats.years.some((y) => y.applications.newReceived.sum > 0),
      `"${query}" sums some figures`,
    );
    // The same rows; their order can differ only among reports the sort ranks equal (docs/scale-network.md).
    assert.equal(net.rows.length, one.result.total);
    assert.deepEqual([...net.rows].sort(), [...one.rows].sort(), `CSV rows of "${query}"`);
    if (!params(query).q) assert.deepEqual(net.years, one.years, `year order of "${query}"`);
  }
});

test('the alternative: one multi-search per instance, summed by the app, gives the same /stats counts', async () => {
  for (const query of QUERIES) {
    const { bodies } = prepareStats(params(query));
    const one = await engineMultiSearch<never>({ url: single.url, apiKey: searchKey, index: INDEX }, bodies);
    const summed = await perInstanceSearchMany(target, bodies);
    for (const [i, reply] of one.entries()) {
      assert.equal(summed[i]!.totalHits, reply.totalHits, `total of "${query}" #${i}`);
      assert.deepEqual(summed[i]!.facetDistribution, reply.facetDistribution, `facets of "${query}" #${i}`);
    }
  }
});

test('an instance that does not answer makes the search fail instead of counting less', async () => {
  pointAppAt('network');
  const stopped = network[2]!;
  await stopped.stop();
  await assert.rejects(searchReports(params(''), { cached: false }), { name: 'SearchUnavailableError' });
});
