import { statSync } from 'node:fs';
import { LRUCache } from 'lru-cache';
import { config } from '../config';
import { indexGeneration } from '../engine/generation';

/**
 * A short-lived cache of search answers, in this process (lru-cache): the same search asked again
 * within a few seconds is answered without the engine, and the same search asked by fifty readers
 * at once goes to the engine once (their requests share one call). On two cores, Meilisearch and
 * Node spend ~26 ms of CPU on a search of 20,000 reports; a cached answer costs well under one.
 *
 * - Fresh for about `NIANBAO_SEARCH_CACHE_SECONDS` (default 60; 0 turns the cache off; each answer
 *   gets ±25% so that answers made together do not all expire together). After that and up to
 *   twice the setting, the old answer is served once more while a new one is fetched
 *   (stale-while-revalidate), so no reader waits for a refresh; older answers are fetched anew.
 *   Refreshes run two at a time, a third waiting up to 250 ms for its turn: readers have an
 *   answer meanwhile, and a burst of refreshes would take the CPU from the searches people are
 *   waiting for.
 * - Keyed by the index generation (generation.ts): an upload, reindex or removal done by this app
 *   is searchable at once. A run of `npm run index` in another process writes its run report into
 *   the data folder's runs/ (lib/config/paths.ts), which is looked at once a second: its changes
 *   show within a second too. Anything else that changes the index shows within the time limit.
 * - Errors are never cached: a failed refresh drops the entry, and the next reader sees the outage.
 * - Bounded: at most 2,000 answers and about 32 MB.
 */

const STALE_FACTOR = 2;
const MAX_ENTRIES = 2_000;
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_REFRESHES = 2;
const MAX_SLOT_WAIT_MS = 250;
const TTL_SPREAD = 0.25;

interface Entry {
  value: unknown;
  bytes: number;
}
type Loader = () => Promise<unknown>;

export interface SearchCacheOptions {
  freshMs: number;
}

export interface SearchCache {
  readonly freshMs: number;
  /** `load()`'s answer for `key`, from the cache when there is one young enough. */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
  readonly size: number;
}

/** Rough bytes of an answer (UTF-16 string of its JSON): enough to bound the cache's memory. */
function sizeOf(value: unknown): number {
  if (typeof value === 'string') return Math.max(1, value.length * 2);
  if (value && typeof value === 'object' && typeof (value as { json?: unknown }).json === 'string') return sizeOf((value as { json: string }).json) + 256;
  try {
    return Math.max(1, (JSON.stringify(value)?.length ?? 1) * 2);
  } catch {
    return MAX_BYTES;
  }
}

let marker = { at: -Infinity, value: '' };

/** When runs/ last changed (a new run report: another process indexed), looked at once a second. */
function runsMarker(): string {
  const now = performance.now();
  if (now - marker.at >= 1000) {
    let value = '-';
    try {
      value = String(statSync(config().data.runs).mtimeMs);
    } catch {
      // No runs yet.
    }
    marker = { at: now, value };
  }
  return marker.value;
}

export function createSearchCache({ freshMs }: SearchCacheOptions): SearchCache {
  if (freshMs <= 0) {
    return { freshMs: 0, get: (_key, load) => load(), clear: () => {}, size: 0 };
  }
  const staleMs = freshMs * STALE_FACTOR;
  // Refreshes of stale answers wait for one of MAX_REFRESHES slots (a slot is handed on, not freed,
  // when one is waiting), but never longer than MAX_SLOT_WAIT_MS: a reader may be waiting for one
  // (an answer past its stale limit), and must not queue behind a burst of refreshes.
  let refreshing = 0;
  const waiting: Array<() => void> = [];
  const acquire = () =>
    new Promise<boolean>((resolve) => {
      if (refreshing < MAX_REFRESHES) {
        refreshing++;
        return resolve(true);
      }
      const take = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(take), 1);
        resolve(false);
      }, MAX_SLOT_WAIT_MS);
      waiting.push(take);
    });
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else refreshing--;
  };
  const cache = new LRUCache<string, Entry, Loader>({
    max: MAX_ENTRIES,
    maxSize: MAX_BYTES,
    sizeCalculation: (entry) => Math.min(entry.bytes, MAX_BYTES),
    ttl: freshMs,
    // A stale answer stays (served while its refresh runs) until it is replaced or pushed out.
    allowStale: true,
    noDeleteOnStaleGet: true,
    // A failed refresh drops the entry and rejects: no outage is hidden behind old answers for long.
    allowStaleOnFetchRejection: false,
    noDeleteOnFetchRejection: false,
    // An entry pushed out while its search runs still gets its answer to the readers waiting.
    ignoreFetchAbort: true,
    fetchMethod: async (_key, stale, { context, options }) => {
      options.ttl = Math.round(freshMs * (1 - TTL_SPREAD + Math.random() * 2 * TTL_SPREAD));
      if (stale === undefined) {
        const value = await context();
        return { value, bytes: sizeOf(value) };
      }
      const held = await acquire();
      try {
        const value = await context();
        return { value, bytes: sizeOf(value) };
      } finally {
        if (held) release();
      }
    },
  });
  return {
    freshMs,
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const fullKey = `${indexGeneration()}|${runsMarker()}\n${key}`;
      // Past the stale limit: wait for a new answer rather than serve a very old one.
      const remaining = cache.info(fullKey)?.ttl;
      const tooOld = remaining !== undefined && remaining < freshMs - staleMs;
      const entry = await cache.fetch(fullKey, { context: load, allowStale: !tooOld });
      return entry!.value as T;
    },
    clear: () => cache.clear(),
    get size() {
      return cache.size;
    },
  };
}

const KEY = Symbol.for('nianbao.searchCache');
type Store = typeof globalThis & { [KEY]?: SearchCache };

/** The process's cache (on globalThis: one for every route bundle Next loads). */
export function searchCache(): SearchCache {
  const store = globalThis as Store;
  const freshMs = config().searchCacheMs;
  if (store[KEY]?.freshMs !== freshMs) store[KEY] = createSearchCache({ freshMs });
  return store[KEY]!;
}
