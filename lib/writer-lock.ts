import { mkdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * One writer at a time per data folder, across processes: `npm run index`, the portal's start-up
 * index, the admin pages' runs and removals, and the harvester all take this lock (proper-lockfile:
 * a lock directory in the data folder, refreshed while held, stale after 30 s when its holder died
 * without releasing it). A second writer is told who holds it and stops before it touches anything.
 *
 * A holder that was a process of this machine and no longer runs (SIGKILLed, crashed) is taken
 * over at once, not after 30 s. Its note (who, which process, and the inode of the lock directory
 * it took) lies beside the lock: a note that names another lock directory belongs to an earlier
 * holder, so a lock just taken whose note is not written yet is never mistaken for a dead one, and
 * only one writer at a time may take over (a second lock directory guards the takeover).
 */

const STALE_MS = 30_000;
const UPDATE_MS = 5_000;

export interface LockHolder {
  what: string;
  pid: number;
  host: string;
  since: string;
  /** The inode of the lock directory this holder took. */
  lock: number;
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

function lockPaths(dataRoot: string) {
  return {
    target: dataRoot,
    lock: path.join(dataRoot, '.writer.lock'),
    holder: path.join(dataRoot, '.writer.json'),
    takeover: path.join(dataRoot, '.writer.takeover'),
  };
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

function inodeOf(dir: string): number | null {
  try {
    return statSync(dir).ino;
  } catch {
    return null;
  }
}

/** The note's holder took the lock that is there now, was a process of this machine, and is gone. */
function holderIsGone(holder: LockHolder | null, lockInode: number | null): boolean {
  if (!holder || lockInode === null || holder.lock !== lockInode || holder.host !== hostname() || holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const lockOptions = (lockPath: string) => ({
  lockfilePath: lockPath,
  stale: STALE_MS,
  update: UPDATE_MS,
  realpath: false,
  retries: 0,
  // A lock that could not be refreshed in time (a machine asleep) is lost; the run goes on, and the
  // next writer will find the lock stale. Throwing here would crash the process outside any handler.
  onCompromised: () => {},
});

/** Removes a dead holder's lock, one taker at a time; false when another process is taking it over. */
function takeOver(paths: ReturnType<typeof lockPaths>, deadInode: number): boolean {
  try {
    mkdirSync(paths.takeover);
  } catch {
    return false;
  }
  try {
    // Still the dead holder's lock (not one a faster taker made meanwhile)?
    if (inodeOf(paths.lock) !== deadInode) return false;
    rmSync(paths.lock, { recursive: true, force: true });
    return true;
  } finally {
    rmdirSync(paths.takeover);
  }
}

/** Takes the data folder's writer lock for `what` (e.g. "npm run index"); throws WriterBusy when another holds it. */
export async function acquireWriterLock(dataRoot: string, what: string): Promise<() => Promise<void>> {
  mkdirSync(dataRoot, { recursive: true });
  const paths = lockPaths(dataRoot);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(paths.target, lockOptions(paths.lock));
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    const holder = readHolder(paths.holder);
    const inode = inodeOf(paths.lock);
    if (inode === null || !holderIsGone(holder, inode) || !takeOver(paths, inode)) throw new WriterBusy(holder?.lock === inode ? holder : null);
    try {
      release = await lockfile.lock(paths.target, lockOptions(paths.lock));
    } catch (again) {
      if ((again as { code?: string }).code === 'ELOCKED') throw new WriterBusy(null);
      throw again;
    }
  }
  const note: LockHolder = { what, pid: process.pid, host: hostname(), since: new Date().toISOString(), lock: inodeOf(paths.lock) ?? -1 };
  writeFileSync(paths.holder, `${JSON.stringify(note)}\n`);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (readHolder(paths.holder)?.pid === process.pid) rmSync(paths.holder, { force: true });
    await release().catch(() => {});
  };
}
