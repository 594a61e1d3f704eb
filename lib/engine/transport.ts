// Server code, never in a browser bundle: not marked with `server-only`, which throws when loaded
// by pages/api/search.ts (a Pages Router API route, see there); test/deploy/client-imports.test.ts
// checks that no client component reaches this module (or node:http, or a secret).
import http from 'node:http';
import https from 'node:https';
import type { SearchParams as MeiliSearchParams } from 'meilisearch';
import { PostError, post, type RawReply } from './http';
import { repairUtf8 } from './utf8-bytes';

/**
 * The web app's one call to Meilisearch, POST /indexes/{index}/search, over node:http with
 * kept-alive connections. The JS client goes through `fetch`, which Next wraps for its data cache
 * and which reads bodies through web streams: on a 90 KB reply (a page of hits with their texts
 * for snippets) that costs 1–1.5 ms a request, a third of the whole budget this app has over the
 * engine (see scripts/bench-search.ts). Texts can be left undecoded (`rawFields`, utf8-bytes.ts).
 */

export interface EngineConnection {
  url: string;
  apiKey: string;
  index: string;
}

/** What Meilisearch answers to a search with page/hitsPerPage (exhaustive counts). */
export interface EngineSearchResponse<T> {
  hits: T[];
  totalHits?: number;
  totalPages?: number;
  page?: number;
  hitsPerPage?: number;
  limit?: number;
  offset?: number;
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

/** The engine refused the request or was not there; `detail` is for the log only. */
class EngineError extends Error {
  constructor(
    readonly status: number | null,
    readonly detail: string,
    options: { cause?: unknown } = {},
  ) {
    super(status === null ? `Meilisearch unreachable: ${detail}` : `Meilisearch answered ${status}: ${detail}`, options);
    this.name = 'EngineError';
  }
}

const TIMEOUT_MS = 10_000;
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

export interface EngineSearchOptions {
  /** Hit fields left as UTF-8 bytes in a latin1 string (see utf8-bytes.ts): the long texts. */
  rawFields?: readonly string[];
}

async function postOnce<T>(url: URL, apiKey: string, payload: string, rawFields: ReadonlySet<string>): Promise<T> {
  let reply: RawReply;
  try {
    reply = await post(url, {
      apiKey,
      contentType: 'application/json',
      body: payload,
      agent: agents[url.protocol as 'http:' | 'https:'],
      timeoutMs: TIMEOUT_MS,
    });
  } catch (error) {
    const cause = error instanceof PostError ? error.cause : (error as Error);
    const failure = new EngineError(null, cause.message, { cause });
    // A kept-alive connection the engine had already closed: worth one fresh try.
    (failure as EngineError & { retry?: boolean }).retry = error instanceof PostError && error.reusedSocket && error.cause.code === 'ECONNRESET';
    throw failure;
  }
  if (reply.status < 200 || reply.status >= 300) throw new EngineError(reply.status, reply.body.toString('utf8').slice(0, 500));
  try {
    return rawFields.size > 0 ? repairUtf8(JSON.parse(reply.body.toString('latin1')) as T, rawFields) : (JSON.parse(reply.body.toString('utf8')) as T);
  } catch (error) {
    throw new EngineError(reply.status, 'reply is not JSON', { cause: error });
  }
}

export async function engineSearch<T>(
  connection: EngineConnection,
  body: MeiliSearchParams,
  options: EngineSearchOptions = {},
): Promise<EngineSearchResponse<T>> {
  const url = new URL(`${connection.url}/indexes/${encodeURIComponent(connection.index)}/search`);
  const payload = JSON.stringify(body);
  const rawFields = new Set(options.rawFields ?? []);
  try {
    return await postOnce<EngineSearchResponse<T>>(url, connection.apiKey, payload, rawFields);
  } catch (error) {
    if ((error as { retry?: boolean }).retry) return postOnce<EngineSearchResponse<T>>(url, connection.apiKey, payload, rawFields);
    throw error;
  }
}

/** Several searches of the connection's index in one round trip (POST /multi-search), answers in order. */
export async function engineMultiSearch<T>(connection: EngineConnection, bodies: readonly MeiliSearchParams[]): Promise<Array<EngineSearchResponse<T>>> {
  const url = new URL(`${connection.url}/multi-search`);
  const payload = JSON.stringify({ queries: bodies.map((body) => ({ ...body, indexUid: connection.index })) });
  const send = () => postOnce<{ results: Array<EngineSearchResponse<T>> }>(url, connection.apiKey, payload, new Set());
  let reply: { results: Array<EngineSearchResponse<T>> };
  try {
    reply = await send();
  } catch (error) {
    if (!(error as { retry?: boolean }).retry) throw error;
    reply = await send();
  }
  if (!Array.isArray(reply.results) || reply.results.length !== bodies.length)
    throw new EngineError(200, 'multi-search answered a different number of results');
  return reply.results;
}

/** One query of a federated multi-search: a search body without paging or facets, and where it goes. */
type FederatedQuery = Omit<MeiliSearchParams, 'page' | 'hitsPerPage' | 'limit' | 'offset' | 'facets'> & {
  indexUid: string;
  federationOptions?: { remote?: string; weight?: number };
};

/** The body of POST /multi-search with `federation` (Meilisearch 1.21: offset and limit only, no page). */
export interface FederatedRequest {
  queries: FederatedQuery[];
  federation: {
    offset?: number;
    limit?: number;
    facetsByIndex?: Record<string, string[]>;
    mergeFacets?: { maxValuesPerFacet?: number };
  };
}

/** What a federated multi-search answers (1.21). */
export interface FederatedResponse<T> {
  hits: Array<T & { _federation?: { indexUid: string; queriesPosition: number; remote?: string } }>;
  estimatedTotalHits?: number;
  totalHits?: number;
  limit?: number;
  offset?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  facetsByIndex?: Record<string, { distribution: Record<string, Record<string, number>> }>;
  /** Instances that failed to answer: their hits and counts are missing from the answer. */
  remoteErrors?: Record<string, { message?: string; code?: string }>;
  processingTimeMs: number;
}

/** A federated multi-search sent to one instance, which forwards each query to its remote. */
export async function engineFederatedSearch<T>(
  connection: Pick<EngineConnection, 'url' | 'apiKey'>,
  request: FederatedRequest,
  options: EngineSearchOptions = {},
): Promise<FederatedResponse<T>> {
  const url = new URL(`${connection.url}/multi-search`);
  const payload = JSON.stringify(request);
  const rawFields = new Set(options.rawFields ?? []);
  const send = () => postOnce<FederatedResponse<T>>(url, connection.apiKey, payload, rawFields);
  try {
    return await send();
  } catch (error) {
    if ((error as { retry?: boolean }).retry) return send();
    throw error;
  }
}
