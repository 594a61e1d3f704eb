/**
 * A counter of changes to the index made by this process: runIndex and the admin's remove bump it
 * when they are done, and the search cache (cache.ts) keys its answers by it, so an admin's upload
 * or reindex is searchable at once. Changes made by another process (`npm run index` beside a
 * running app) are not seen here; the cache's time limit covers them.
 *
 * On globalThis: Next may load this module once per route bundle, and all of them must agree.
 */

const KEY = Symbol.for('nianbao.indexGeneration');
type Store = typeof globalThis & { [KEY]?: number };

export function indexGeneration(): number {
  return (globalThis as Store)[KEY] ?? 0;
}

export function bumpIndexGeneration(): void {
  const store = globalThis as Store;
  store[KEY] = (store[KEY] ?? 0) + 1;
}
