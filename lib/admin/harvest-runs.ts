import 'server-only';
import { existsSync } from 'node:fs';
import { config, indexingTarget } from '../config';
import { type HarvestProgress, type HarvestRunResult, runHarvest } from '../harvest/run';
import { readSources, sourcesFile } from '../harvest/sources';
import { type IndexRunResult, runIndex } from '../indexer';
import { startExclusiveRun } from './run-manager';

/**
 * Harvests started from /admin/sources: one source or all of them, in the run manager's
 * one-at-a-time slot and under the data folder's writer lock (so never beside an index run or
 * `npm run index`), with live progress for the page to poll. When the crawl ends, the new and
 * changed reports are indexed incrementally with the app's indexing key.
 */

export interface LiveHarvest {
  id: string;
  by: string;
  startedAt: string;
  state: 'running' | 'indexing' | 'finished';
  /** Which sources: all, or one. */
  scope: string;
  source: HarvestProgress['source'] | null;
  pagesFetched: number;
  reportsFound: number;
  new: number;
  changed: number;
  unchanged: number;
  failed: number;
  /** The latest failures with their reasons (the run report has them all). */
  failures: Array<{ url: string; reason: string }>;
  last: string | null;
  result: Pick<HarvestRunResult, 'totals' | 'exitCode' | 'fatal' | 'durationMs'> | null;
  indexed: Pick<IndexRunResult, 'indexed' | 'failed' | 'fatal'> | null;
}

const MAX_FAILURES_SHOWN = 20;
const KEY = Symbol.for('nianbao.harvestRun');
type Store = typeof globalThis & { [KEY]?: LiveHarvest | null };

export function currentHarvest(): LiveHarvest | null {
  const live = (globalThis as Store)[KEY];
  return live ? { ...live, failures: [...live.failures] } : null;
}

export type HarvestStart = { started: LiveHarvest } | { busy: true; reason: string; holder?: string } | { error: string };

/** Starts a harvest of `sourceIds` (all sources when empty) and returns once it has started. */
export async function startHarvest(by: string, sourceIds: readonly string[] = []): Promise<HarvestStart> {
  const paths = config().data;
  // The harvest ends by indexing what it found: without the indexing key it cannot start (the caller answers 503).
  indexingTarget();
  const all = readSources(sourcesFile(paths.root));
  const sources = sourceIds.length > 0 ? all.filter((s) => sourceIds.includes(s.id)) : all;
  if (sources.length === 0) return { error: sourceIds.length > 0 ? '没有这个来源。' : '还没有来源：请先添加。' };
  const startedAt = new Date().toISOString();
  const live: LiveHarvest = {
    id: startedAt,
    by,
    startedAt,
    state: 'running',
    scope: sources.length === 1 ? (sources[0]!.label ?? sources[0]!.url) : `全部 ${sources.length} 个来源`,
    source: null,
    pagesFetched: 0,
    reportsFound: 0,
    new: 0,
    changed: 0,
    unchanged: 0,
    failed: 0,
    failures: [],
    last: null,
    result: null,
    indexed: null,
  };
  const outcome = await startExclusiveRun(`a harvest from /admin by ${by}`, async (signal) => {
    (globalThis as Store)[KEY] = live;
    try {
      await harvestThenIndex(live, sources, signal);
    } finally {
      live.state = 'finished';
    }
  });
  if ('busy' in outcome) return { busy: true, reason: outcome.reason, holder: outcome.holder };
  return { started: { ...live } };
}

async function harvestThenIndex(live: LiveHarvest, sources: Parameters<typeof runHarvest>[0]['sources'], signal: AbortSignal): Promise<void> {
  const settings = config();
  const result = await runHarvest({
    sources,
    dataRoot: settings.data.root,
    clientOptions: { allowLoopback: settings.harvest.allowLoopback },
    signal,
    meta: { by: live.by, trigger: 'admin' },
    progress: (p) => {
      Object.assign(live, {
        source: p.source,
        pagesFetched: p.pagesFetched,
        reportsFound: p.reportsFound,
        new: p.new,
        changed: p.changed,
        unchanged: p.unchanged,
        last: p.last,
      });
      live.failed = p.failed;
    },
  });
  live.failures = result.sources.flatMap((s) => s.failed.map((f) => ({ url: f.url, reason: f.reason }))).slice(0, MAX_FAILURES_SHOWN);
  live.failed = result.totals.failed;
  live.result = { totals: result.totals, exitCode: result.exitCode, fatal: result.fatal, durationMs: result.durationMs };
  if (result.changedFiles.length === 0 || !existsSync(settings.data.harvestFiles)) return;
  // New and changed reports go into the serving index at once (an incremental run).
  live.state = 'indexing';
  const target = indexingTarget();
  const indexed = await runIndex({
    paths: [settings.data.harvestFiles],
    incremental: true,
    connection: target.connection,
    index: target.index,
    runsDir: settings.data.runs,
    baseDir: settings.data.base,
    concurrency: 2,
    signal,
    meta: { by: live.by, trigger: 'harvest' },
  });
  live.indexed = { indexed: indexed.indexed, failed: indexed.failed, fatal: indexed.fatal };
}
