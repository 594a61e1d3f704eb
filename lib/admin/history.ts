import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HarvestRunResult } from '../harvest/run';
import type { IndexRunResult } from '../indexer';

/**
 * Run history from the JSON run reports the indexer writes to `<data>/runs/` — the admin's runs,
 * the portal's start-up runs and `npm run index` alike — so it survives restarts without a
 * database. Newest first.
 */

export interface RunSummary {
  /** The report's file name: a stable id. */
  id: string;
  /** An index run (full or incremental), or a harvest (whose counts are of reports found, not files). */
  mode: 'full' | 'incremental' | 'harvest';
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

/** A harvest's run report in the same shape: files = pages fetched, indexed = new and changed reports. */
function harvestSummary(result: HarvestRunResult, id: string): RunSummary {
  return {
    id,
    mode: 'harvest',
    by: result.meta?.by ?? null,
    trigger: result.meta?.trigger ?? null,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    files: result.totals.pagesFetched,
    indexed: result.totals.new + result.totals.changed,
    unchanged: result.totals.unchanged,
    replaced: result.totals.changed,
    duplicates: result.totals.duplicates,
    failures: result.sources.flatMap((s) => s.failed.map((f) => ({ file: f.url, reason: f.reason }))).slice(0, MAX_FAILURES_LISTED),
    documentsInIndex: null,
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
      const result = JSON.parse(await readFile(path.join(runsDir, name), 'utf8')) as IndexRunResult | HarvestRunResult;
      if (result && 'kind' in result && result.kind === 'harvest') {
        runs.push(harvestSummary({ ...result, sources: result.sources ?? [] }, name));
        continue;
      }
      if (!result || !('mode' in result) || (result.mode !== 'full' && result.mode !== 'incremental')) continue;
      runs.push(toRunSummary({ ...result, failed: result.failed ?? [], duplicates: result.duplicates ?? [] }, name));
    } catch {
      // A half-written or foreign file is not history.
    }
  }
  return runs;
}
