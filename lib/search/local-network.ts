// Tools only (the network test and `npm run bench:network`), never the web app: it starts engines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SearchParams as MeiliSearchParams } from 'meilisearch';
import { createMeiliClient } from '../engine/client';
import { type EmbeddedMeili, generateSecret, startEmbeddedMeili } from '../engine/embedded';
import { configureNetwork, enableNetworkFeature, type NetworkInstance, networkSearchKey } from '../engine/network';
import { type EngineConnection, engineMultiSearch, engineSearch } from '../engine/transport';
import { runIndex } from '../indexer';
import { runShardedIndex, type ShardedIndexResult } from '../indexer/shards';
import { federatedSearch, federatedSearchMany, type NetworkTarget, perInstanceSearchMany } from './federated';
import { parseSearchParams, type SearchParams } from './params';
import { prepareSearch } from './request';

/**
 * A Meilisearch network on this machine, for the network test and its benchmark
 * (docs/scale-network.md): one instance holding every report (filled by runIndex, as `npm run
 * index` does) and `count` instances holding the reports of some provinces each (filled by
 * runShardedIndex), joined with the experimental `network` feature. Loopback only, throw-away
 * data folders, one master key; stop() ends them all and removes their folders.
 */

export interface LocalNetwork {
  /** One instance with everything. */
  single: EngineConnection;
  /** The network, searched through its first instance. */
  network: NetworkTarget;
  /** The master key of every instance. */
  masterKey: string;
  /** The search-only key, the same on every instance (networkSearchKey). */
  searchKey: string;
  documents: number;
  shards: ShardedIndexResult;
  /** Stops one instance of the network (by its position), to see what a missing one does. */
  stopInstance(position: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalNetwork(options: { paths: readonly string[]; count?: number; index?: string }): Promise<LocalNetwork> {
  const count = options.count ?? 3;
  const index = options.index ?? 'reports';
  const masterKey = generateSecret();
  const dirs: string[] = [];
  const engines: EmbeddedMeili[] = [];
  const stop = async () => {
    await Promise.all(engines.map((engine) => engine.stop()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i <= count; i++) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-net-'));
      dirs.push(dataDir);
      engines.push(await startEmbeddedMeili({ dataDir, masterKey, announce: false }));
    }
    const [one, ...shards] = engines as [EmbeddedMeili, ...EmbeddedMeili[]];
    const names = shards.map((_, i) => `ms${i}`);
    const indexed = await runIndex({ paths: options.paths, connection: { url: one.url, apiKey: masterKey }, index, runsDir: null });
    if (indexed.documentsInIndex === null) throw new Error(`indexing failed: ${indexed.fatal ?? JSON.stringify(indexed.failed)}`);
    const sharded = await runShardedIndex({
      paths: options.paths,
      shards: shards.map((engine, i) => ({ name: names[i]!, connection: { url: engine.url, apiKey: masterKey } })),
      index,
    });
    const keys = await Promise.all(engines.map((engine) => networkSearchKey(createMeiliClient({ url: engine.url, apiKey: masterKey }), index)));
    if (new Set(keys).size !== 1) throw new Error('the instances gave different search keys for the same uid');
    const searchKey = keys[0]!;
    const instances: NetworkInstance[] = shards.map((engine, i) => ({ name: names[i]!, url: engine.url, searchApiKey: searchKey }));
    for (const [i, engine] of shards.entries()) {
      const admin = createMeiliClient({ url: engine.url, apiKey: masterKey });
      await enableNetworkFeature(admin);
      await configureNetwork(admin, names[i]!, instances);
    }
    return {
      single: { url: one.url, apiKey: searchKey, index },
      network: { url: shards[0]!.url, apiKey: searchKey, index, remotes: instances.map(({ name, url }) => ({ name, url })) },
      masterKey,
      searchKey,
      documents: indexed.documentsInIndex,
      shards: sharded,
      stopInstance: (position) => shards[position]!.stop(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Searches of every kind the portal sends: empty, words, places, years, levels, sorts, pages. */
export const BENCH_QUERIES = [
  '',
  'q=依申请',
  'q=政府信息公开',
  'q=行政复议',
  'q=主动公开 政策解读',
  'q=人民政府办公室',
  'q=公安局',
  'province=山东省',
  'province=江苏省',
  'province=北京市',
  'year=2022',
  'year=2023',
  'yearFrom=2019&yearTo=2021',
  'level=county',
  'q=依申请&year=2023',
  'q=依申请&province=山东省',
  'failed=1',
  'sort=applications-desc',
  'sort=published-desc&size=50',
  'page=2',
] as const;

/** What differs between one instance and the network, per search of BENCH_QUERIES. */
export interface AnswerCheck {
  query: string;
  total: number;
  /** Total, then facet counts, of the page of results; then of each counting search of /stats; then the hits' order. */
  sameTotal: boolean;
  sameFacets: boolean;
  sameCounts: boolean;
  /** The first page's hits in the same order (ties may come in another order: not an error). */
  sameOrder: boolean;
}

/**
 * The answers of one instance and of the network to BENCH_QUERIES, compared: totals and facet
 * counts must be the same; the order of the first page is reported.
 */
export async function compareNetworkAnswers(net: LocalNetwork, statsBodies: (params: SearchParams) => MeiliSearchParams[]): Promise<AnswerCheck[]> {
  const checks: AnswerCheck[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
  for (const query of BENCH_QUERIES) {
    const parsed = parseSearchParams(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(`bad benchmark query ${query}`);
    const body = prepareSearch(parsed.params).body;
    const [one, all] = await Promise.all([engineSearch<{ id: string }>(net.single, body), federatedSearch<{ id: string }>(net.network, body)]);
    const bodies = statsBodies(parsed.params);
    const [oneCounts, allCounts] = await Promise.all([engineMultiSearch<never>(net.single, bodies), federatedSearchMany<never>(net.network, bodies)]);
    checks.push({
      query,
      total: one.totalHits ?? 0,
      sameTotal: one.totalHits === all.totalHits && one.totalPages === all.totalPages,
      sameFacets: same(one.facetDistribution, all.facetDistribution),
      sameCounts: oneCounts.every((reply, i) => reply.totalHits === allCounts[i]!.totalHits && same(reply.facetDistribution, allCounts[i]!.facetDistribution)),
      sameOrder: same(
        one.hits.map((h) => h.id),
        all.hits.map((h) => h.id),
      ),
    });
  }
  return checks;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return value;
}

/**
 * Reading every report in pages of `pageSize`, sorted newest first, as the CSV export does
 * (exportHits): one instance against the network, where page k makes every instance return k
 * pages to the one that merges them. Returns the rows read and the time of each, in ms.
 */
export async function measureFullExport(net: LocalNetwork, pageSize = 1000): Promise<{ rows: number; one: number; network: number }> {
  const readAll = async (page: (body: MeiliSearchParams) => Promise<{ hits: unknown[]; totalPages?: number }>) => {
    let rows = 0;
    const start = performance.now();
    for (let n = 1; ; n++) {
      const reply = await page({ q: '', sort: ['year:desc'], page: n, hitsPerPage: pageSize, attributesToRetrieve: ['id', 'year', 'province'] });
      rows += reply.hits.length;
      if (n >= (reply.totalPages ?? 0) || reply.hits.length === 0) return { rows, ms: performance.now() - start };
    }
  };
  const one = await readAll((body) => engineSearch(net.single, body));
  const network = await readAll((body) => federatedSearch(net.network, body));
  if (one.rows !== network.rows) throw new Error(`export: ${one.rows} rows from one instance, ${network.rows} from the network`);
  return { rows: one.rows, one: one.ms, network: network.ms };
}

export interface LatencyRow {
  name: string;
  requests: number;
  p50: number;
  p95: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * Latency of the same searches on one instance and on the network, each request timed from the
 * app's side (Node's http, kept-alive): a page of results (lib/search/request.ts's body), and the
 * counting searches of /stats (lib/stats/request.ts) three ways. `rounds` passes over
 * BENCH_QUERIES, the ways interleaved so that they share the machine's noise.
 */
export async function measureNetworkLatency(net: LocalNetwork, statsBodies: (params: SearchParams) => MeiliSearchParams[], rounds = 10): Promise<LatencyRow[]> {
  const parse = (query: string) => {
    const parsed = parseSearchParams(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(`bad benchmark query ${query}: ${parsed.error}`);
    return parsed.params;
  };
  const ways: Array<[string, (query: string) => Promise<unknown>]> = [
    ['search, one instance', (q) => engineSearch(net.single, prepareSearch(parse(q)).body, { rawFields: ['text'] })],
    ['search, network (federated)', (q) => federatedSearch(net.network, prepareSearch(parse(q)).body, { rawFields: ['text'] })],
    ['stats counts, one instance (multi-search)', (q) => engineMultiSearch(net.single, statsBodies(parse(q)))],
    ['stats counts, network (one federated search per body)', (q) => federatedSearchMany(net.network, statsBodies(parse(q)))],
    ['stats counts, network (multi-search per instance, summed)', (q) => perInstanceSearchMany(net.network, statsBodies(parse(q)))],
  ];
  const times = new Map<string, number[]>(ways.map(([name]) => [name, []]));
  // One warm-up pass: connections opened, caches of the engines filled.
  for (const query of BENCH_QUERIES) for (const [, run] of ways) await run(query);
  for (let round = 0; round < rounds; round++) {
    for (const query of BENCH_QUERIES) {
      for (const [name, run] of round % 2 ? [...ways].reverse() : ways) {
        const start = performance.now();
        await run(query);
        times.get(name)!.push(performance.now() - start);
      }
    }
  }
  return ways.map(([name]) => {
    const sorted = [...times.get(name)!].sort((a, b) => a - b);
    return { name, requests: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
  });
}
