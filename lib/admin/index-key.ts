import type { Key, Meilisearch } from 'meilisearch';

/**
 * The key the web app indexes with (MEILI_ADMIN_KEY): documents, settings, tasks, stats and index
 * lifecycle — not keys, dumps, snapshots or instance settings, so a leak cannot mint keys or read
 * the master's. It lives in server-only modules of the app (lib/admin/engine.ts); searches keep
 * using the search-only key. Named after the index so each start finds the same one.
 *
 * Its indexes are `*`, not `[index, index_build_*]`: a swap task has no index uid, and Meilisearch
 * only shows such tasks to keys with access to every index — with a scoped key the full reindex
 * swaps and then fails waiting for its own task ("Task not found").
 */

export function indexingKeyName(index: string): string {
  return `nianbao-indexing:${index}`;
}

export const INDEXING_ACTIONS = ['documents.*', 'indexes.*', 'settings.*', 'tasks.get', 'stats.get'] as const;

export function indexingKeyIndexes(_index: string): string[] {
  return ['*'];
}

function isIndexingKey(key: Key, index: string): boolean {
  const wanted = indexingKeyIndexes(index);
  return (
    key.name === indexingKeyName(index) &&
    key.actions.length === INDEXING_ACTIONS.length &&
    INDEXING_ACTIONS.every((action) => key.actions.includes(action)) &&
    key.indexes.length === wanted.length &&
    wanted.every((uid) => key.indexes.includes(uid)) &&
    (key.expiresAt === null || new Date(key.expiresAt).getTime() > Date.now())
  );
}

/** The indexing key for `index`, created with the master key's client when missing. */
export async function getOrCreateIndexingKey(master: Meilisearch, index: string): Promise<string> {
  for (let offset = 0; ; offset += 100) {
    const page = await master.getKeys({ limit: 100, offset });
    const found = page.results.find((key) => isIndexingKey(key, index));
    if (found) return found.key;
    if (offset + page.results.length >= page.total || page.results.length === 0) break;
  }
  const created = await master.createKey({
    name: indexingKeyName(index),
    description: `Indexing key for the Nianbao admin pages, scoped to "${index}" and its build indexes`,
    actions: [...INDEXING_ACTIONS],
    indexes: indexingKeyIndexes(index),
    expiresAt: null,
  });
  return created.key;
}
