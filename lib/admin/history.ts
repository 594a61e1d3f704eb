import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IndexRunResult } from '../indexer';

/**
 * Run history from the JSON run reports the indexer writes to `<data>/runs/` — the admin's runs,
 * the portal's start-up runs and `npm run index` alike — so it survives restarts without a
 * database. Newest first.
 */

export interface RunSummary {
  /** The report's file name: a stable id. */
  id: string;
  mode: 'full' | 'incremental';
  /** The admin's email, `npm run portal`, or null for runs from the command line. */
  by: string | null;
  trigger: string | null;
  startedAt: string;
  durationMs: number;
  files: number;
  indexed: number;
  unchanged: number;
  replaced: number;
  duplicates: number;
  failures: Array<{ file: string; reason: string }>;
  documentsInIndex: number | null;
  fatal: string | null;
  exitCode: number;
}

const MAX_FAILURES_LISTED = 200;

export function toRunSummary(result: IndexRunResult, id = result.runReport ? path.basename(result.runReport) : result.startedAt): RunSummary {
  return {
    id,
    mode: result.mode,
    by: result.meta?.by ?? null,
    trigger: result.meta?.trigger ?? null,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    files: result.files,
    indexed: result.indexed,
    unchanged: result.unchanged,
    replaced: result.replaced,
    duplicates: result.duplicates.length,
    failures: result.failed.slice(0, MAX_FAILURES_LISTED).map(({ file, reason }) => ({ file, reason })),
    documentsInIndex: result.documentsInIndex,
    fatal: result.fatal,
    exitCode: result.exitCode,
  };
}

export async function listRuns(runsDir: string, limit = 100): Promise<RunSummary[]> {
  let names: string[];
  try {
    names = (await readdir(runsDir)).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  // File names are ISO start times: name order is time order.
  names.sort().reverse();
  const runs: RunSummary[] = [];
  for (const name of names.slice(0, limit)) {
    try {
      const result = JSON.parse(await readFile(path.join(runsDir, name), 'utf8')) as IndexRunResult;
      if (!result || (result.mode !== 'full' && result.mode !== 'incremental')) continue;
      runs.push(toRunSummary({ ...result, failed: result.failed ?? [], duplicates: result.duplicates ?? [] }, name));
    } catch {
      // A half-written or foreign file is not history.
    }
  }
  return runs;
}
