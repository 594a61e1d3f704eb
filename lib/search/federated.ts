// Server code, never in a browser bundle (see queries.ts).
import type { SearchParams as MeiliSearchParams } from 'meilisearch';
import {
  type EngineConnection,
  type EngineSearchOptions,
  type EngineSearchResponse,
  engineFederatedSearch,
  engineMultiSearch,
  type FederatedRequest,
} from '../engine/transport';

/**
 * Searching a Meilisearch network (docs/scale-network.md): the reports are split by province
 * over several instances (lib/indexer/shards.ts), and one search becomes a federated multi-search
 * sent to one of them, with the same query once per instance (`federationOptions.remote`). The
 * answer is turned back into what one instance answers to a paged search, so the product above
 * (queries.ts) reads it unchanged.
 *
 * Exact, because the shares are disjoint: the total (the sum of each instance's count of all its
 * matches), and the facet counts, which Meilisearch 1.21 adds up value by value across remotes.
 * The /stats sums are facet counts (lib/document/rollup.ts), so they are exact too, as long as no
 * instance cuts a distribution at maxValuesPerFacet (lib/stats refuses then, as with one instance).
 * An instance that does not answer is a failed search, never a smaller total.
 */

export interface NetworkTarget extends EngineConnection {
  /** Every instance of the network; `url` is the one the federated search is sent to. */
  remotes: ReadonlyArray<{ name: string; url: string }>;
}

/** One instance of the network did not answer: the totals would be too small. */
class IncompleteNetworkAnswer extends Error {
  constructor(readonly remotes: Record<string, { message?: string }>) {
    super(
      `Meilisearch network: no answer from ${Object.entries(remotes)
        .map(([name, e]) => `${name} (${e.message ?? 'error'})`)
        .join(', ')}`,
    );
    this.name = 'IncompleteNetworkAnswer';
  }
}

const PAGING_KEYS = new Set(['page', 'hitsPerPage', 'limit', 'offset', 'facets']);

/** The federated request of a one-instance search body: the same query once per instance. */
export function federatedRequest(target: Pick<NetworkTarget, 'index' | 'remotes'>, body: MeiliSearchParams): FederatedRequest {
  const query = Object.fromEntries(Object.entries(body).filter(([key, value]) => !PAGING_KEYS.has(key) && value !== undefined));
  const paged = body.hitsPerPage !== undefined || body.page !== undefined;
  const limit = paged ? (body.hitsPerPage ?? 20) : (body.limit ?? 20);
  const offset = paged ? ((body.page ?? 1) - 1) * limit : (body.offset ?? 0);
  return {
    queries: target.remotes.map(({ name }) => ({ ...query, indexUid: target.index, federationOptions: { remote: name } })),
    federation: {
      offset,
      limit,
      // Merged: each value's counts added over the instances; no cut here (each instance cuts at
      // the index's maxValuesPerFacet, which lib/stats watches for).
      ...(body.facets?.length ? { facetsByIndex: { [target.index]: [...body.facets] }, mergeFacets: {} } : {}),
    },
  };
}

/** A search over the whole network, answered as one instance answers a paged search. */
export async function federatedSearch<T>(target: NetworkTarget, body: MeiliSearchParams, options: EngineSearchOptions = {}): Promise<EngineSearchResponse<T>> {
  const request = federatedRequest(target, body);
  const reply = await engineFederatedSearch<T>(target, request, options);
  if (reply.remoteErrors && Object.keys(reply.remoteErrors).length > 0) throw new IncompleteNetworkAnswer(reply.remoteErrors);
  const total = reply.totalHits ?? reply.estimatedTotalHits ?? 0;
  const hits = reply.hits.map((hit) => {
    const { _federation: _ignored, ...rest } = hit;
    return rest as T;
  });
  const paged = body.hitsPerPage !== undefined || body.page !== undefined;
  const limit = request.federation.limit ?? 20;
  return {
    hits,
    processingTimeMs: reply.processingTimeMs,
    facetDistribution: body.facets?.length ? (reply.facetDistribution ?? {}) : undefined,
    ...(paged
      ? { totalHits: total, hitsPerPage: limit, page: body.page ?? 1, totalPages: limit > 0 ? Math.ceil(total / limit) : 0 }
      : { estimatedTotalHits: total, limit, offset: request.federation.offset }),
  };
}

/** Several searches over the network: one federated multi-search each, sent at once. */
export function federatedSearchMany<T>(target: NetworkTarget, bodies: readonly MeiliSearchParams[]): Promise<Array<EngineSearchResponse<T>>> {
  return Promise.all(bodies.map((body) => federatedSearch<T>(target, body)));
}

function addCounts(into: EngineSearchResponse<never>, reply: EngineSearchResponse<never>): void {
  into.totalHits = (into.totalHits ?? 0) + (reply.totalHits ?? 0);
  into.processingTimeMs = Math.max(into.processingTimeMs, reply.processingTimeMs);
  for (const [facet, values] of Object.entries(reply.facetDistribution ?? {})) {
    const merged = into.facetDistribution![facet] ?? {};
    into.facetDistribution![facet] = merged;
    for (const [value, count] of Object.entries(values)) merged[value] = (merged[value] ?? 0) + count;
  }
}

/**
 * The alternative to federation for counting searches (lib/stats): the same multi-search sent to
 * every instance directly, totals and facet counts added up here. No hits: each instance's
 * answers are counts only (`hitsPerPage: 0`). Every instance must be reachable with the key.
 */
export async function perInstanceSearchMany(target: NetworkTarget, bodies: readonly MeiliSearchParams[]): Promise<Array<EngineSearchResponse<never>>> {
  if (bodies.some((body) => (body.hitsPerPage ?? body.limit) !== 0)) throw new Error('perInstanceSearchMany counts only: every body needs hitsPerPage 0');
  const replies = await Promise.all(target.remotes.map((remote) => engineMultiSearch<never>({ ...target, url: remote.url }, bodies)));
  return bodies.map((body, i) => {
    const sum: EngineSearchResponse<never> = {
      hits: [],
      totalHits: 0,
      page: body.page ?? 1,
      hitsPerPage: 0,
      totalPages: 0,
      processingTimeMs: 0,
      facetDistribution: {},
    };
    for (const reply of replies) addCounts(sum, reply[i]!);
    return sum;
  });
}
