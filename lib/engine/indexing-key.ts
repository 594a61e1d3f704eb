import type { Meilisearch } from 'meilisearch';
import { getOrCreateKey, type KeySpec } from './keys';

/**
 * The key the web app indexes with (MEILI_ADMIN_KEY): documents, settings, tasks, stats and index
 * lifecycle — not keys, dumps, snapshots or instance settings, so a leak cannot mint keys or read
 * the master's. It lives in server-only modules of the app (lib/config/indexing.ts); searches keep
 * using the search-only key. Named after the index so each start finds the same one.
 *
 * Its indexes are `*`, not `[index, index_build_*]`: a swap task has no index uid, and Meilisearch
 * only shows such tasks to keys with access to every index — with a scoped key the full reindex
 * swaps and then fails waiting for its own task ("Task not found").
 */

function indexingKeyName(index: string): string {
  return `nianbao-indexing:${index}`;
}

const INDEXING_ACTIONS = ['documents.*', 'indexes.*', 'settings.*', 'tasks.get', 'stats.get'] as const;

function indexingKeySpec(index: string): KeySpec {
  return {
    name: indexingKeyName(index),
    description: `Indexing key for the Nianbao admin pages (index "${index}" and its build indexes; granted on every index, as a swap task names none)`,
    actions: [...INDEXING_ACTIONS],
    indexes: ['*'],
  };
}

/** The indexing key for `index`, created with the master key's client when missing. */
export function getOrCreateIndexingKey(master: Meilisearch, index: string): Promise<string> {
  return getOrCreateKey(master, indexingKeySpec(index));
}
