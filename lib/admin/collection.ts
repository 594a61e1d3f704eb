import 'server-only';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import type { IndexingTarget } from '../config';
import { createMeiliClient } from '../engine/client';
import { bumpIndexGeneration } from '../engine/generation';
import { enqueueDeletion, waitForTask } from '../engine/indexes';

/**
 * The collection as the admin sees it: what is in the serving index, a page at a time, and
 * removing one report. Removing deletes the document and moves its source file out of
 * `<data>/reports/` into `<data>/removed/` (same relative path), so no later run — incremental or
 * full — brings it back, and the operator can still restore it.
 */

interface CollectionItem {
  id: string;
  organization: string | null;
  title: string | null;
  year: number | null;
  province: string | null;
  city: string | null;
  county: string | null;
  sourcePath: string;
  partial: boolean;
  failedChecksTotal: number;
  indexedAt: string | null;
}

export interface CollectionPage {
  items: CollectionItem[];
  total: number;
  offset: number;
  limit: number;
}

const FIELDS = ['id', 'organization', 'title', 'year', 'province', 'city', 'county', 'sourcePath', 'partial', 'failedChecksTotal', 'indexedAt'];

export async function listCollection(target: IndexingTarget, offset = 0, limit = 100): Promise<CollectionPage> {
  const client = createMeiliClient(target.connection, { timeoutMs: 10_000 });
  try {
    const page = await client.index(target.index).getDocuments<Record<string, unknown>>({ fields: FIELDS, offset, limit });
    const items = page.results.map((doc) => ({
      id: String(doc.id),
      organization: (doc.organization as string | null) ?? null,
      title: (doc.title as string | null) ?? null,
      year: (doc.year as number | null) ?? null,
      province: (doc.province as string | null) ?? null,
      city: (doc.city as string | null) ?? null,
      county: (doc.county as string | null) ?? null,
      sourcePath: String(doc.sourcePath ?? ''),
      partial: Boolean(doc.partial),
      failedChecksTotal: Number(doc.failedChecksTotal ?? 0),
      indexedAt: (doc.indexedAt as string | null) ?? null,
    }));
    return { items, total: page.total, offset, limit };
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return { items: [], total: 0, offset, limit };
    throw error;
  }
}

export type RemoveOutcome = { status: 'removed'; sourcePath: string; movedTo: string | null } | { status: 'not_found' };

export async function removeFromCollection(
  target: IndexingTarget,
  id: string,
  paths: { reports: string; removed: string; base: string },
): Promise<RemoveOutcome> {
  const client = createMeiliClient(target.connection, { timeoutMs: 10_000 });
  const index = client.index(target.index);
  let sourcePath: string;
  try {
    const doc = await index.getDocument<Record<string, unknown>>(id, { fields: ['id', 'sourcePath'] });
    sourcePath = String(doc.sourcePath ?? '');
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'document_not_found') return { status: 'not_found' };
    throw error;
  }
  const task = await waitForTask(client, await enqueueDeletion(client, target.index, [id]), 60_000);
  bumpIndexGeneration();
  if (task.status !== 'succeeded') throw new Error(`Meilisearch did not delete ${id}: ${task.error?.message ?? task.status}`);

  let movedTo: string | null = null;
  const file = path.resolve(paths.base, sourcePath);
  const inside = path.relative(paths.reports, file);
  if (sourcePath && !inside.startsWith('..') && !path.isAbsolute(inside) && existsSync(file)) {
    const destination = path.join(paths.removed, inside);
    await mkdir(path.dirname(destination), { recursive: true });
    await rename(file, destination);
    movedTo = path.relative(paths.base, destination).split(path.sep).join('/');
  }
  return { status: 'removed', sourcePath, movedTo };
}
