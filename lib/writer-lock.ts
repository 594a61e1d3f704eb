import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * One writer at a time per data folder, across processes: `npm run index`, the portal's start-up
 * index, the admin pages' runs and removals, and the harvester all take this lock (proper-lockfile:
 * a lock directory in the data folder, refreshed while held, stale after 30 s when its holder died
 * without releasing it; at once when the holder was a process of this machine that no longer runs,
 * as after a SIGKILL). A second writer is told who holds it and stops before it touches anything.
 */

const STALE_MS = 30_000;
const UPDATE_MS = 5_000;

export interface LockHolder {
  what: string;
  pid: number;
  host: string;
  since: string;
}

export class WriterBusy extends Error {
  constructor(readonly holder: LockHolder | null) {
    super(
      holder
        ? `another writer holds the data folder: ${holder.what} (pid ${holder.pid}, since ${holder.since}); try again when it has finished`
        : 'another writer holds the data folder; try again when it has finished',
    );
    this.name = 'WriterBusy';
  }
}

/**
 * The holder's note lives inside the lock directory: a lock just taken has none yet and counts as
 * alive, so two writers can never both take over a dead holder's lock.
 */
function lockPaths(dataRoot: string) {
  const lock = path.join(dataRoot, '.writer.lock');
  return { target: dataRoot, lock, holder: path.join(lock, 'holder.json') };
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

/** A holder that was a process of this machine and is gone (killed, crashed) holds nothing. */
function holderIsGone(holder: LockHolder | null): boolean {
  if (!holder || holder.host !== hostname() || holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** A lock its holder stopped refreshing (proper-lockfile cannot remove it itself while the holder's note is inside). */
function isStale(lock: string): boolean {
  try {
    return statSync(lock).mtimeMs < Date.now() - STALE_MS;
  } catch {
    return false;
  }
}

/** Takes the data folder's writer lock for `what` (e.g. "npm run index"); throws WriterBusy when another holds it. */
export async function acquireWriterLock(dataRoot: string, what: string): Promise<() => Promise<void>> {
  mkdirSync(dataRoot, { recursive: true });
  const paths = lockPaths(dataRoot);
  const options = { lockfilePath: paths.lock, stale: STALE_MS, update: UPDATE_MS, realpath: false, retries: 0 };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(paths.target, options);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    const holder = readHolder(paths.holder);
    if (!holderIsGone(holder) && !isStale(paths.lock)) throw new WriterBusy(holder);
    // The holder died without releasing: its lock is taken over.
    rmSync(paths.lock, { recursive: true, force: true });
    try {
      release = await lockfile.lock(paths.target, options);
    } catch (again) {
      if ((again as { code?: string }).code === 'ELOCKED') throw new WriterBusy(readHolder(paths.holder));
      throw again;
    }
  }
  writeFileSync(paths.holder, `${JSON.stringify({ what, pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies LockHolder)}\n`);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    rmSync(paths.holder, { force: true });
    await release().catch(() => {});
  };
}

/** Runs `work` holding the writer lock, and releases it whatever happens. */
export async function withWriterLock<T>(dataRoot: string, what: string, work: () => Promise<T>): Promise<T> {
  const release = await acquireWriterLock(dataRoot, what);
  try {
    return await work();
  } finally {
    await release();
  }
}
