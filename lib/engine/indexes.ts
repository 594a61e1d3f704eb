import { type Meilisearch, MeilisearchApiError, MeilisearchRequestError, type Task } from 'meilisearch';
import type { IndexedReport, YearFigures } from '../document/indexed-report';
import { INDEX_SETTINGS, PRIMARY_KEY } from '../document/settings';
import type { Check } from '../report/schema';
import { LONG_TASK_TIMEOUT_MS, settle } from './client';
import { PostError, post, type RawReply } from './http';

/**
 * Index lifecycle for the indexer: build indexes, batches, partial updates and the atomic swap.
 * Every call that changes an index waits for its task or returns the task uid to wait for later.
 */

export function buildIndexName(serving: string, at = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 17);
  return `${serving}_build_${stamp}_${Math.random().toString(36).slice(2, 6)}`;
}

async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.getRawIndex(uid);
    return true;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return false;
    throw error;
  }
}

/** Creates the index (primary key `id`) when missing and applies the settings of settings.ts. */
export async function prepareIndex(client: Meilisearch, uid: string): Promise<void> {
  if (!(await indexExists(client, uid))) await settle(client.createIndex(uid, { primaryKey: PRIMARY_KEY }));
  await settle(client.index(uid).updateSettings(INDEX_SETTINGS));
}

/** Enqueues one batch; returns the task uid (Meilisearch merges queued batches into larger ones). */
export async function enqueueDocuments(
  client: Meilisearch,
  uid: string,
  documents: IndexedReport[] | Array<Partial<IndexedReport> & { id: string }>,
  mode: 'add' | 'update' = 'add',
): Promise<number> {
  const index = client.index(uid);
  const task =
    mode === 'add'
      ? await index.addDocuments(documents as IndexedReport[], { primaryKey: PRIMARY_KEY })
      : await index.updateDocuments(documents, { primaryKey: PRIMARY_KEY });
  return task.taskUid;
}

/** One document as an NDJSON line: serialised at once so the batch holds bytes, not objects. */
export function ndjsonLine(document: object): Buffer {
  return Buffer.from(`${JSON.stringify(document)}\n`);
}

/**
 * Enqueues a batch of NDJSON lines (see ndjsonLine) and returns the task uid. The JS client takes
 * one string (a 20 MB batch string plus its encoded copy) and fetch copies a Buffer body once
 * more; node:http writes the lines as they are, which keeps the indexer's memory flat.
 */
export async function enqueueNdjson(client: Meilisearch, uid: string, lines: readonly Buffer[]): Promise<number> {
  const host = /^https?:\/\//.test(client.config.host) ? client.config.host : `http://${client.config.host}`;
  const url = new URL(`indexes/${encodeURIComponent(uid)}/documents?primaryKey=${PRIMARY_KEY}`, `${host.replace(/\/*$/, '/')}`);
  let reply: RawReply;
  try {
    reply = await post(url, { apiKey: client.config.apiKey, contentType: 'application/x-ndjson', body: lines });
  } catch (error) {
    throw new MeilisearchRequestError(url.toString(), error instanceof PostError ? error.cause : error);
  }
  const text = reply.body.toString('utf8');
  let body: { taskUid?: number } | undefined;
  try {
    body = text ? (JSON.parse(text) as { taskUid?: number }) : undefined;
  } catch {
    body = undefined;
  }
  if (reply.status >= 200 && reply.status < 300 && typeof body?.taskUid === 'number') return body.taskUid;
  throw new MeilisearchApiError(new Response(text || null, { status: reply.status || 500, statusText: reply.statusMessage }), body as never);
}

export async function enqueueDeletion(client: Meilisearch, uid: string, ids: string[]): Promise<number> {
  const task = await client.index(uid).deleteDocuments(ids);
  return task.taskUid;
}

const FINAL_STATUSES = new Set(['succeeded', 'failed', 'canceled']);

/**
 * Polls the task until it ends (or LONG_TASK_TIMEOUT_MS passes): 50 ms at first, backing off to
 * 500 ms. Our own loop, because the client's waitForTask hangs one abort listener per poll on a
 * single timeout signal — thousands during a long queue (MaxListenersExceededWarning).
 */
export async function waitForTask(client: Meilisearch, taskUid: number, timeoutMs = LONG_TASK_TIMEOUT_MS): Promise<Task> {
  const deadline = Date.now() + timeoutMs;
  for (let interval = 50; ; interval = Math.min(500, Math.round(interval * 1.5))) {
    const task = await client.tasks.getTask(taskUid);
    if (FINAL_STATUSES.has(task.status)) return task;
    if (Date.now() > deadline) throw new Error(`Meilisearch task ${taskUid} has not finished after ${Math.round(timeoutMs / 1000)} s (status: ${task.status})`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Makes `build` the serving index atomically: creates the serving index first when it does not
 * exist yet (swap needs both), swaps, then deletes what used to be served.
 */
export async function swapIntoServing(client: Meilisearch, serving: string, build: string): Promise<void> {
  if (!(await indexExists(client, serving))) await settle(client.createIndex(serving, { primaryKey: PRIMARY_KEY }));
  await settle(client.swapIndexes([{ indexes: [serving, build], rename: false }]));
  await settle(client.deleteIndex(build));
}

/**
 * Build indexes an interrupted run could not drop (the machine went down mid-run). Only those
 * older than a day: a concurrent full run's build index is younger.
 */
export async function dropStaleBuildIndexes(client: Meilisearch, serving: string, now = new Date()): Promise<string[]> {
  const prefix = `${serving}_build_`;
  const dayAgo = buildIndexName(serving, new Date(now.getTime() - 24 * 3600_000)).slice(0, prefix.length + 14);
  const dropped: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await client.getRawIndexes({ limit: 100, offset });
    for (const index of page.results) {
      if (index.uid.startsWith(prefix) && index.uid.slice(0, prefix.length + 14) < dayAgo) dropped.push(index.uid);
    }
    if (page.results.length < 100) break;
  }
  for (const uid of dropped) await dropIndexQuietly(client, uid);
  return dropped;
}

/** Best effort: a failed run removes its half-built index and leaves the serving one alone. */
export async function dropIndexQuietly(client: Meilisearch, uid: string): Promise<void> {
  try {
    await settle(client.deleteIndex(uid), 60_000);
  } catch {
    // The run already failed; the leftover index is named *_build_* and harmless.
  }
}

export async function countDocuments(client: Meilisearch, uid: string): Promise<number> {
  const stats = await client.index(uid).getStats();
  return stats.numberOfDocuments;
}

/** What an incremental run needs to know about a document already in the serving index. */
export interface IndexedSummary {
  id: string;
  sourcePath: string | null;
  bodyKey: string | null;
  year: number | null;
  yearFigures: YearFigures | null;
  failedChecks: number;
  crossYearChecks: Check[];
  parserVersion: number | null;
  fileStamp: string | null;
}

const SUMMARY_FIELDS = ['id', 'sourcePath', 'bodyKey', 'year', 'yearFigures', 'failedChecks', 'crossYearChecks', 'parserVersion', 'fileStamp'] as const;

/** Streams the summaries of every document in the index, a page at a time. */
export async function* indexedSummaries(client: Meilisearch, uid: string, pageSize = 1000): AsyncGenerator<IndexedSummary> {
  if (!(await indexExists(client, uid))) return;
  const index = client.index(uid);
  for (let offset = 0; ; offset += pageSize) {
    const page = await index.getDocuments({ fields: [...SUMMARY_FIELDS], limit: pageSize, offset });
    for (const doc of page.results) {
      yield {
        id: String(doc.id),
        sourcePath: doc.sourcePath ?? null,
        bodyKey: doc.bodyKey ?? null,
        year: doc.year ?? null,
        yearFigures: doc.yearFigures ?? null,
        failedChecks: doc.failedChecks ?? 0,
        crossYearChecks: doc.crossYearChecks ?? [],
        parserVersion: doc.parserVersion ?? null,
        fileStamp: doc.fileStamp ?? null,
      };
    }
    if (page.results.length < pageSize) return;
  }
}
