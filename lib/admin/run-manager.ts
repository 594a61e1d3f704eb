import 'server-only';
import { config, indexingTarget } from '../config';
import { collectionFolders } from '../config/paths';
import { type IndexRunResult, type ProgressReporter, runIndex } from '../indexer';
import type { ProgressCounts } from '../indexer/progress';
import { log } from '../log';
import { acquireWriterLock, WriterBusy } from '../writer-lock';
import { type RunSummary, toRunSummary } from './history';

/**
 * One indexing run at a time, in the server process, with live progress for /admin. The same
 * `runIndex` as `npm run index`: incremental over `<data>/reports` (new uploads and changed
 * files) or a full reindex of it into a build index swapped in atomically, so searches keep
 * answering from the old index until the new one is complete.
 *
 * The state sits on globalThis: Next may load this module once per route bundle, and all of them
 * must see the same run. A second start while one runs is refused (the caller answers 409), as is
 * removing a report meanwhile (its document could come back from the run's batch). Across
 * processes the data folder's writer lock (lib/writer-lock.ts) keeps `npm run index` and the
 * harvester from writing at the same time.
 */

export type RunMode = 'incremental' | 'full';

export interface LiveRun {
  id: string;
  mode: RunMode;
  by: string;
  startedAt: string;
  state: 'running' | 'finished';
  /** Files found (0 until the walk has counted them). */
  total: number;
  done: number;
  indexed: number;
  unchanged: number;
  failed: number;
  duplicates: number;
  /** Files per second so far. */
  rate: number;
  /** The latest phase note (e.g. waiting for the engine). */
  phase: string;
  /** Set when state is 'finished'. */
  summary: RunSummary | null;
}

interface ManagerState {
  current: LiveRun | null;
  /** The run going on: an index run here, or a harvest (harvest-runs.ts). */
  running: Promise<unknown> | null;
  controller: AbortController | null;
  /** Other exclusive work (removing a report) holds this. */
  busyWith: string | null;
}

const KEY = Symbol.for('nianbao.runManager');
function state(): ManagerState {
  const store = globalThis as typeof globalThis & { [KEY]?: ManagerState };
  store[KEY] ??= { current: null, running: null, controller: null, busyWith: null };
  return store[KEY];
}

export function currentRun(): LiveRun | null {
  const run = state().current;
  return run ? { ...run } : null;
}

function liveProgress(run: LiveRun): ProgressReporter {
  let startedAt = Date.now();
  return {
    start(total) {
      startedAt = Date.now();
      run.total = total;
      run.phase = 'reading';
    },
    update(counts: ProgressCounts) {
      Object.assign(run, {
        total: counts.total,
        done: counts.done,
        indexed: counts.indexed,
        unchanged: counts.unchanged,
        failed: counts.failed,
        duplicates: counts.duplicates,
      });
      const seconds = (Date.now() - startedAt) / 1000;
      run.rate = seconds > 0 ? Math.round((counts.done / seconds) * 10) / 10 : 0;
    },
    note(message) {
      run.phase = message;
    },
    stop() {},
  };
}

export type StartResult = { started: LiveRun } | { busy: LiveRun | null; reason: string; holder?: string };

/** Takes the data folder's writer lock while holding off this process's other writers; null when another process holds it. */
async function lockWriters(s: ManagerState, what: string): Promise<{ release: () => Promise<void> } | { holder: string }> {
  s.busyWith = what;
  try {
    return { release: await acquireWriterLock(config().data.root, what) };
  } catch (error) {
    if (error instanceof WriterBusy) return { holder: error.message };
    throw error;
  } finally {
    s.busyWith = null;
  }
}

/** Starts a run in the background and returns once it has started; `busy` when one is already going. */
export async function startRun(mode: RunMode, by: string): Promise<StartResult> {
  const s = state();
  if (s.running) return { busy: currentRun(), reason: 'run_in_progress' };
  if (s.busyWith) return { busy: null, reason: s.busyWith };
  const target = indexingTarget();
  const paths = config().data;
  const lock = await lockWriters(s, `an index run from /admin by ${by}`);
  if ('holder' in lock) return { busy: null, reason: 'writer_lock', holder: lock.holder };
  const startedAt = new Date();
  const run: LiveRun = {
    id: startedAt.toISOString(),
    mode,
    by,
    startedAt: startedAt.toISOString(),
    state: 'running',
    total: 0,
    done: 0,
    indexed: 0,
    unchanged: 0,
    failed: 0,
    duplicates: 0,
    rate: 0,
    phase: 'starting',
    summary: null,
  };
  const controller = new AbortController();
  s.current = run;
  s.controller = controller;
  s.running = runIndex({
    paths: collectionFolders(paths),
    incremental: mode === 'incremental',
    connection: target.connection,
    index: target.index,
    runsDir: paths.runs,
    baseDir: paths.base,
    // Two files parsed at once: the web server keeps answering searches meanwhile.
    concurrency: 2,
    progress: liveProgress(run),
    signal: controller.signal,
    meta: { by, trigger: 'admin' },
  })
    .then((result) => {
      run.summary = toRunSummary(result);
      return result;
    })
    .catch((error: unknown) => {
      // runIndex reports failures in its result; this is a bug, not a failed file.
      log('admin').error({ err: error }, 'indexing run crashed');
      run.phase = 'crashed';
      throw error;
    })
    .finally(() => {
      run.state = 'finished';
      s.running = null;
      s.controller = null;
      return lock.release();
    });
  s.running.catch(() => {});
  return { started: { ...run } };
}

/** Waits for the current run, if any (tests, shutdown). */
export async function settledRun(): Promise<IndexRunResult | null> {
  const running = state().running;
  return running ? (running.catch(() => null) as Promise<IndexRunResult | null>) : null;
}

/**
 * Another kind of run in the same one-at-a-time slot, under the same writer lock: a harvest.
 * `work` gets the run's abort signal; the slot and the lock are freed when it settles.
 */
export async function startExclusiveRun(
  what: string,
  work: (signal: AbortSignal) => Promise<unknown>,
): Promise<{ started: true } | { busy: LiveRun | null; reason: string; holder?: string }> {
  const s = state();
  if (s.running) return { busy: currentRun(), reason: 'run_in_progress' };
  if (s.busyWith) return { busy: null, reason: s.busyWith };
  const lock = await lockWriters(s, what);
  if ('holder' in lock) return { busy: null, reason: 'writer_lock', holder: lock.holder };
  const controller = new AbortController();
  s.controller = controller;
  s.running = work(controller.signal)
    .catch((error: unknown) => {
      log('admin').error({ err: error, what }, 'run crashed');
      throw error;
    })
    .finally(() => {
      s.running = null;
      s.controller = null;
      return lock.release();
    });
  s.running.catch(() => {});
  return { started: true };
}

/** Runs `work` while no indexing run can start; null when a run is going. */
export async function exclusively<T>(what: string, work: () => Promise<T>): Promise<{ value: T } | null> {
  const s = state();
  if (s.running || s.busyWith) return null;
  const lock = await lockWriters(s, what);
  if ('holder' in lock) return null;
  s.busyWith = what;
  try {
    return { value: await work() };
  } finally {
    s.busyWith = null;
    await lock.release();
  }
}
