import { createHash } from 'node:crypto';
import type { Meilisearch, RuntimeTogglableFeatures } from 'meilisearch';

/**
 * Meilisearch's own distribution (Community Edition, experimental `network` feature, 1.13+):
 * every instance knows its own name (`self`) and every instance of the network (`remotes`, each
 * with a key to search it), and a federated multi-search sends each query to the instance named
 * in its `federationOptions.remote`. This module sets an instance up; lib/search/federated.ts
 * queries the network. docs/scale-network.md says what is exact and what is not.
 */

export interface NetworkInstance {
  /** The instance's name in the network. */
  name: string;
  /** Its URL as the other instances reach it. */
  url: string;
  /** A key that can search the serving index there (sent by the other instances when they forward a query). */
  searchApiKey: string;
}

/** PATCH /experimental-features {"network": true}: the /network route and remote queries. */
export async function enableNetworkFeature(admin: Meilisearch): Promise<void> {
  const features = await admin.updateExperimentalFeatures({ network: true } as RuntimeTogglableFeatures);
  if (features.network !== true) throw new Error(`Meilisearch at ${admin.config.host} did not enable the network feature`);
}

/**
 * PATCH /network on one instance: its own name and every instance of the network (itself too).
 * Synchronous in 1.21: the answer is the new network. Remotes it knew and `instances` does not
 * name are removed.
 */
export async function configureNetwork(admin: Meilisearch, self: string, instances: readonly NetworkInstance[]): Promise<void> {
  if (!instances.some((i) => i.name === self)) throw new Error(`configureNetwork: "${self}" is not one of the instances`);
  const current = (await admin.getNetwork()) as { remotes?: Record<string, unknown> | null };
  const remotes: Record<string, { url: string; searchApiKey: string } | null> = {};
  for (const name of Object.keys(current.remotes ?? {})) remotes[name] = null;
  for (const instance of instances) remotes[instance.name] = { url: instance.url, searchApiKey: instance.searchApiKey };
  const answer = (await admin.updateNetwork({ self, remotes } as Parameters<Meilisearch['updateNetwork']>[0])) as { self?: string | null };
  if (answer.self !== self) throw new Error(`Meilisearch at ${admin.config.host} did not take the network (self is ${String(answer.self)})`);
}

/**
 * A search-only key for `index` with a uid derived from the index name. Meilisearch derives a
 * key's value from its uid and the master key, so instances that share a master key get the same
 * search key: the app's one MEILI_SEARCH_KEY then searches every instance of the network.
 */
export async function networkSearchKey(admin: Meilisearch, index: string): Promise<string> {
  const hex = createHash('sha256').update(`nianbao-network-search:${index}`).digest('hex');
  const uid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  try {
    return (await admin.getKey(uid)).key;
  } catch {
    const created = await admin.createKey({
      uid,
      name: `nianbao-network-search:${index}`,
      description: `Search-only key for the Nianbao web app and the network's forwarded queries, scoped to the "${index}" index`,
      actions: ['search'],
      indexes: [index],
      expiresAt: null,
    });
    return created.key;
  }
}
