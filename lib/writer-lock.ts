import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * One writer at a time per data folder, across processes: `npm run index`, the portal's start-up
 * index, the admin pages' runs and removals, and the harvester all take this lock (proper-lockfile:
 * a lock directory in the data folder, refreshed while held, stale after 30 s when its holder died
 * without releasing it). A second writer is told who holds it and stops before it touches anything.
 */

const STALE_MS = 30_000;
const UPDATE_MS = 5_000;

export interface LockHolder {
  what: string;
  pid: number;
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

function lockPaths(dataRoot: string) {
  return { target: dataRoot, lock: path.join(dataRoot, '.writer.lock'), holder: path.join(dataRoot, '.writer.json') };
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

/** Takes the data folder's writer lock for `what` (e.g. "npm run index"); throws WriterBusy when another holds it. */
export async function acquireWriterLock(dataRoot: string, what: string): Promise<() => Promise<void>> {
  mkdirSync(dataRoot, { recursive: true });
  const paths = lockPaths(dataRoot);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(paths.target, { lockfilePath: paths.lock, stale: STALE_MS, update: UPDATE_MS, realpath: false, retries: 0 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new WriterBusy(readHolder(paths.holder));
    throw error;
  }
  writeFileSync(paths.holder, `${JSON.stringify({ what, pid: process.pid, since: new Date().toISOString() } satisfies LockHolder)}\n`);
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
