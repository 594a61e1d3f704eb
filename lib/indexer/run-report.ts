import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IndexRunResult } from './run';

/** The JSON report of a run, one file per run in the runs folder: /admin/runs reads them. */

export function runReportFileName(at: Date): string {
  return `${at.toISOString().replace(/:/g, '-').replace('.', '-')}.json`;
}

/** Writes the report; its path, or null when there is no folder or it cannot be written. */
export function writeRunReport(dir: string | null, started: Date, result: IndexRunResult): string | null {
  if (!dir) return null;
  try {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, runReportFileName(started));
    writeFileSync(file, `${JSON.stringify({ ...result, runReport: file }, null, 2)}\n`);
    return file;
  } catch {
    return null;
  }
}
