// Entry point of the app container: starts the Next.js standalone server (server.js) with a
// search-only key, as `npm run portal` does on a workstation. Plain ESM: the runner image has no
// TypeScript loader.
//
// docker compose hands the container MEILI_MASTER_KEY. Here it is used once, to find or create the
// key named `nianbao-search:<index>` that can only search that index (lib/engine/keys.ts does the
// same) and the indexing key of the admin pages (`nianbao-indexing:<index>`, lib/engine/keys.ts),
// and then removed from the environment before server.js loads: the Next.js server never holds
// the master key. An operator may pass MEILI_SEARCH_KEY (and MEILI_ADMIN_KEY) instead and leave
// the master key out.
import { pathToFileURL } from 'node:url';

const log = (message) => process.stderr.write(`[app] ${message}\n`);

/**
 * The two keys the app may hold, as lib/engine/keys.ts and lib/engine/keys.ts define them:
 * one that can only search the index (pages), and one that can write documents, settings and
 * indexes but not mint keys (the admin pages' uploads and reindexes; every index, because a swap
 * task has no index uid and only such keys may see it).
 */
const KEY_SPECS = {
  search: (index) => ({
    name: `nianbao-search:${index}`,
    actions: ['search'],
    indexes: [index],
    description: `Search-only key for the Nianbao web app, scoped to the "${index}" index`,
  }),
  indexing: (index) => ({
    name: `nianbao-indexing:${index}`,
    actions: ['documents.*', 'indexes.*', 'settings.*', 'tasks.get', 'stats.get'],
    indexes: ['*'],
    description: `Indexing key for the Nianbao admin pages (index "${index}" and its build indexes; granted on every index, as a swap task names none)`,
  }),
};

const sameSet = (a, b) => a.length === b.length && b.every((x) => a.includes(x));

function matches(key, spec) {
  return (
    key.name === spec.name &&
    sameSet(key.actions, spec.actions) &&
    sameSet(key.indexes, spec.indexes) &&
    (key.expiresAt === null || new Date(key.expiresAt).getTime() > Date.now())
  );
}

async function meili(url, masterKey, path, init = {}) {
  const response = await fetch(`${url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    const error = new Error(`${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${body.slice(0, 200)}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

/** The key of `kind` ('search' | 'indexing') for `index`, created with the master key when missing. */
export async function keyFor(url, masterKey, index, kind) {
  const spec = KEY_SPECS[kind](index);
  for (let offset = 0; ; offset += 100) {
    const page = await meili(url, masterKey, `/keys?limit=100&offset=${offset}`);
    const found = page.results.find((key) => matches(key, spec));
    if (found) return found.key;
    if (offset + page.results.length >= page.total || page.results.length === 0) break;
  }
  const created = await meili(url, masterKey, '/keys', {
    method: 'POST',
    body: JSON.stringify({ name: spec.name, description: spec.description, actions: spec.actions, indexes: spec.indexes, expiresAt: null }),
  });
  return created.key;
}

/** The search-only key for `index`. */
export const searchKeyFor = (url, masterKey, index) => keyFor(url, masterKey, index, 'search');

/** Retries while Meilisearch starts; a refused key (401/403) fails at once. */
async function searchKeyWithRetry(url, masterKey, index, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await searchKeyFor(url, masterKey, index);
    } catch (error) {
      if (error.status === 401 || error.status === 403 || Date.now() > deadline) throw error;
      if (attempt === 1) log(`waiting for Meilisearch at ${url} (${error.message})`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

export async function main(env = process.env) {
  const url = (env.MEILI_URL ?? '').replace(/\/+$/, '');
  const index = env.MEILI_INDEX || 'reports';
  if (!env.MEILI_SEARCH_KEY) {
    if (!url || !env.MEILI_MASTER_KEY) {
      log('set MEILI_URL and MEILI_MASTER_KEY (or MEILI_SEARCH_KEY, a search-only key)');
      process.exit(2);
    }
    try {
      env.MEILI_SEARCH_KEY = await searchKeyWithRetry(url, env.MEILI_MASTER_KEY, index, Number(env.MEILI_WAIT_MS ?? 60000));
    } catch (error) {
      log(`could not get a search key from Meilisearch at ${url}: ${error.message}`);
      process.exit(2);
    }
    log(`search-only key for index "${index}" ready`);
  }
  // The admin pages index with a write key; without one (and no master key) they say so and stay read-only.
  if (!env.MEILI_ADMIN_KEY && url && env.MEILI_MASTER_KEY) {
    try {
      env.MEILI_ADMIN_KEY = await keyFor(url, env.MEILI_MASTER_KEY, index, 'indexing');
      log(`indexing key for the admin pages ready`);
    } catch (error) {
      log(`no indexing key (admin uploads and reindexing disabled): ${error.message}`);
    }
  }
  delete env.MEILI_MASTER_KEY;
  await import(pathToFileURL(env.NIANBAO_SERVER_MODULE || new URL('./server.js', import.meta.url).pathname).href);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
