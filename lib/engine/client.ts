import { type EnqueuedTaskPromise, Meilisearch, type Task } from 'meilisearch';

/**
 * The admin client used by the indexer and scripts (never by pages: they get a search-only key).
 * Plain module, no `server-only`, because tsx scripts import it too.
 */

import type { MeiliConnection } from '../config';

export type { MeiliConnection };

/** Long-running tasks (a full index of 20,000 reports) take minutes; the client's default is 5 s. */
export const LONG_TASK_TIMEOUT_MS = 60 * 60_000;

export function createMeiliClient({ url, apiKey }: MeiliConnection, options: { timeoutMs?: number } = {}): Meilisearch {
  return new Meilisearch({
    host: url,
    apiKey,
    // The client asks for gzip by default and every reply then stalls ~40 ms on loopback.
    requestInit: { headers: { 'accept-encoding': 'identity' } },
    timeout: options.timeoutMs,
    defaultWaitOptions: { timeout: LONG_TASK_TIMEOUT_MS, interval: 100 },
  });
}

/** Thrown when a task ends in any state but "succeeded". */
class MeiliTaskError extends Error {
  constructor(readonly task: Task) {
    super(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no reason given'}`);
    this.name = 'MeiliTaskError';
  }
}

/** Waits for an enqueued task and throws MeiliTaskError unless it succeeded. */
export async function settle(enqueued: EnqueuedTaskPromise, timeoutMs = LONG_TASK_TIMEOUT_MS): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: timeoutMs, interval: 50 });
  if (task.status !== 'succeeded') throw new MeiliTaskError(task);
  return task;
}

/** True when GET /health answers `available` within the timeout. */
export async function isMeiliHealthy(url: string, timeoutMs = 1000): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'accept-encoding': 'identity' },
    });
    if (!response.ok) return false;
    const body = (await response.json()) as { status?: string };
    return body.status === 'available';
  } catch {
    return false;
  }
}

/** Why a connection failed, in one line: unreachable server, wrong key, or the engine's own message. */
export function describeMeiliError(error: unknown, url: string): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string }; response?: { status?: number } };
  const text = `${err?.message ?? ''} ${err?.cause?.message ?? ''} ${err?.cause?.code ?? ''}`;
  if (err?.name === 'MeilisearchRequestError' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|fetch failed|ECONNRESET|EHOSTUNREACH/.test(text)) {
    return `Meilisearch is not reachable at ${url}`;
  }
  if (err?.name === 'MeilisearchRequestTimeOutError' || /timed? ?out/i.test(text)) return `Meilisearch at ${url} did not answer in time`;
  const status = err?.response?.status;
  if (status === 401 || status === 403) return `Meilisearch at ${url} refused the key (check MEILI_MASTER_KEY)`;
  return `Meilisearch at ${url}: ${err?.message ?? String(error)}`;
}
