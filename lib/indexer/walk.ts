import { type Dir, type Dirent, existsSync, type Stats } from 'node:fs';
import { opendir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatOf, SUPPORTED_EXTENSIONS } from '../ingest';

/**
 * Files to index from the paths a person named. Folders are walked recursively in name order
 * (so "the first of two duplicates" is stable); inside folders, dotfiles, README files and
 * unsupported extensions are skipped silently, while a named file that cannot be a report is a
 * failure. A folder holding a `.partial` file marks every report under it as a partial text.
 */

const PARTIAL_MARKER = '.partial';

export type WalkItem = { kind: 'file'; file: string; partial: boolean } | { kind: 'invalid'; file: string; reason: string };

function isReadme(name: string): boolean {
  return /^readme(\.[a-z]+)?$/i.test(name);
}

function isCandidate(entry: Dirent): boolean {
  return entry.isFile() && !entry.name.startsWith('.') && !isReadme(entry.name) && formatOf(entry.name) !== null;
}

async function sortedEntries(dir: string): Promise<Dirent[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function* walkFolder(dir: string, partial: boolean): AsyncGenerator<WalkItem> {
  let entries: Dirent[];
  try {
    entries = await sortedEntries(dir);
  } catch (error) {
    yield { kind: 'invalid', file: dir, reason: `unreadable folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    return;
  }
  const isPartial = partial || entries.some((e) => e.name === PARTIAL_MARKER);
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFolder(full, isPartial);
    else if (isCandidate(entry)) yield { kind: 'file', file: full, partial: isPartial };
  }
}

async function describeNamed(file: string): Promise<WalkItem | 'folder'> {
  let info: Stats;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: 'invalid', file, reason: code === 'ENOENT' ? 'no such file or folder' : `unreadable: ${code ?? (error as Error).message}` };
  }
  if (info.isDirectory()) return 'folder';
  if (!info.isFile()) return { kind: 'invalid', file, reason: 'not a regular file' };
  if (formatOf(file) === null) {
    const ext = path.extname(file).toLowerCase();
    const what = ext ? `unsupported format: "${ext}" files are not supported` : 'unsupported format: the file name has no extension';
    return { kind: 'invalid', file, reason: `${what} (supported: ${SUPPORTED_EXTENSIONS.join(' ')})` };
  }
  return { kind: 'file', file, partial: existsSync(path.join(path.dirname(file), PARTIAL_MARKER)) };
}

/** Streams the report files under `paths`, in a stable order, without holding the list in memory. */
export async function* walkReportFiles(paths: readonly string[]): AsyncGenerator<WalkItem> {
  for (const given of paths) {
    const file = path.resolve(given);
    const named = await describeNamed(file);
    if (named === 'folder') {
      // A .partial marker above the named folder applies too (e.g. `index data/reports/web/2023`).
      yield* walkFolder(file, hasPartialAncestor(file));
    } else {
      yield named;
    }
  }
}

function hasPartialAncestor(dir: string): boolean {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, PARTIAL_MARKER))) return true;
    if (path.dirname(current) === current) return false;
  }
}

/** How many items walkReportFiles will yield: a cheap first pass for progress and ETA. */
export async function countReportFiles(paths: readonly string[]): Promise<number> {
  let count = 0;
  const countFolder = async (dir: string): Promise<void> => {
    let handle: Dir;
    try {
      handle = await opendir(dir);
    } catch {
      count++; // reported as one invalid item
      return;
    }
    for await (const entry of handle) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (entry.isDirectory()) await countFolder(path.join(dir, entry.name));
      else if (isCandidate(entry)) count++;
    }
  };
  for (const given of paths) {
    const named = await describeNamed(path.resolve(given));
    if (named === 'folder') await countFolder(path.resolve(given));
    else count++;
  }
  return count;
}
