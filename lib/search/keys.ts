import type { Key, Meilisearch } from 'meilisearch';

/**
 * The web app searches with a key that can only search, and only the serving index. The key is
 * named after the index so each start finds the same key instead of piling up new ones.
 */

export function searchKeyName(index: string): string {
  return `nianbao-search:${index}`;
}

function isScopedSearchKey(key: Key, index: string): boolean {
  return (
    key.name === searchKeyName(index) &&
    key.actions.length === 1 &&
    key.actions[0] === 'search' &&
    key.indexes.length === 1 &&
    key.indexes[0] === index &&
    (key.expiresAt === null || new Date(key.expiresAt).getTime() > Date.now())
  );
}

/** Returns the search-only key for `index`, creating it with the admin client when missing. */
export async function getOrCreateSearchKey(admin: Meilisearch, index: string): Promise<string> {
  for (let offset = 0; ; offset += 100) {
    const page = await admin.getKeys({ limit: 100, offset });
    const found = page.results.find((key) => isScopedSearchKey(key, index));
    if (found) return found.key;
    if (offset + page.results.length >= page.total || page.results.length === 0) break;
  }
  const created = await admin.createKey({
    name: searchKeyName(index),
    description: `Search-only key for the Nianbao web app, scoped to the "${index}" index`,
    actions: ['search'],
    indexes: [index],
    expiresAt: null,
  });
  return created.key;
}
