import type { Key, Meilisearch } from 'meilisearch';

/**
 * The keys the project hands out instead of the master key, each named after the index so every
 * start finds the same key instead of piling up new ones:
 * - the web app searches with a key that can only search, and only the serving index;
 * - the admin pages index with lib/engine/keys.ts's key.
 * docker/start-app.mjs (plain ESM, no TypeScript) creates the same two keys.
 */

interface KeySpec {
  name: string;
  description: string;
  actions: string[];
  indexes: string[];
}

function searchKeyName(index: string): string {
  return `nianbao-search:${index}`;
}

function searchKeySpec(index: string): KeySpec {
  return {
    name: searchKeyName(index),
    description: `Search-only key for the Nianbao web app, scoped to the "${index}" index`,
    actions: ['search'],
    indexes: [index],
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && b.every((x) => a.includes(x));

function matches(key: Key, spec: KeySpec): boolean {
  return (
    key.name === spec.name &&
    sameSet(key.actions, spec.actions) &&
    sameSet(key.indexes, spec.indexes) &&
    (key.expiresAt === null || new Date(key.expiresAt).getTime() > Date.now())
  );
}

/** The key matching `spec` (name, exact actions and indexes, not expired), created with the admin client when missing. */
async function getOrCreateKey(admin: Meilisearch, spec: KeySpec): Promise<string> {
  for (let offset = 0; ; offset += 100) {
    const page = await admin.getKeys({ limit: 100, offset });
    const found = page.results.find((key) => matches(key, spec));
    if (found) return found.key;
    if (offset + page.results.length >= page.total || page.results.length === 0) break;
  }
  const created = await admin.createKey({ ...spec, actions: spec.actions as Key['actions'], expiresAt: null });
  return created.key;
}

/** Returns the search-only key for `index`, creating it with the admin client when missing. */
export function getOrCreateSearchKey(admin: Meilisearch, index: string): Promise<string> {
  return getOrCreateKey(admin, searchKeySpec(index));
}

/**
 * The key the web app indexes with (MEILI_ADMIN_KEY): documents, settings, tasks, stats and index
 * lifecycle — not keys, dumps, snapshots or instance settings, so a leak cannot mint keys or read
 * the master's. It lives in server-only modules of the app (lib/config indexingTarget); searches keep
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
