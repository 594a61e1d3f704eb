import 'server-only';
import type { MeiliConnection } from '../engine/client';
import { indexNameSchema } from './meili';

/**
 * The app's write access to Meilisearch, for the admin pages only: MEILI_URL with MEILI_ADMIN_KEY
 * (the scoped indexing key, lib/engine/indexing-key.ts). Server-only: never imported by a client
 * component, never put in a response. The master key is refused here as it is for searching.
 */

export interface IndexingTarget {
  connection: MeiliConnection;
  index: string;
}

export class IndexingNotConfigured extends Error {
  constructor(detail: string) {
    super(`indexing from the app is not configured: ${detail}`);
    this.name = 'IndexingNotConfigured';
  }
}

export function indexingTarget(env: Record<string, string | undefined> = process.env): IndexingTarget {
  const url = env.MEILI_URL?.trim().replace(/\/+$/, '');
  const apiKey = env.MEILI_ADMIN_KEY?.trim();
  if (!url) throw new IndexingNotConfigured('MEILI_URL is not set');
  if (!apiKey) throw new IndexingNotConfigured('MEILI_ADMIN_KEY is not set (npm run portal creates one)');
  if (env.MEILI_MASTER_KEY && apiKey === env.MEILI_MASTER_KEY)
    throw new IndexingNotConfigured('MEILI_ADMIN_KEY is the master key: use the scoped indexing key');
  const index = indexNameSchema.safeParse(env.MEILI_INDEX?.trim() || 'reports');
  if (!index.success) throw new IndexingNotConfigured('MEILI_INDEX is not a valid index name');
  return { connection: { url, apiKey }, index: index.data };
}
