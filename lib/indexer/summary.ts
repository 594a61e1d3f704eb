import type { IndexRunResult } from './run';

const MAX_LISTED = 50;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The end-of-run summary for people: counts, then each failure and duplicate with its reason. */
export function formatSummary(result: IndexRunResult): string {
  const lines: string[] = [];
  const what = result.mode === 'full' ? 'full reindex' : 'incremental update';
  lines.push(`${what} of "${result.index}" at ${result.url} in ${seconds(result.durationMs)}`);
  lines.push(
    `  indexed ${result.indexed} · unchanged ${result.unchanged} · failed ${result.failed.length} · duplicates ${result.duplicates.length}` +
      (result.replaced ? ` · replaced ${result.replaced}` : ''),
  );
  if (result.crossYear.compared > 0) {
    lines.push(`  cross-year checks: ${result.crossYear.compared} report(s) compared with the previous year, ${result.crossYear.failed} with a finding`);
  }
  if (result.documentsInIndex !== null) lines.push(`  documents now searchable: ${result.documentsInIndex}`);
  if (result.failed.length > 0) {
    lines.push('failed:');
    for (const failure of result.failed.slice(0, MAX_LISTED)) lines.push(`  ${failure.file}: ${failure.reason}`);
    if (result.failed.length > MAX_LISTED) lines.push(`  … and ${result.failed.length - MAX_LISTED} more (see the run report)`);
  }
  if (result.duplicates.length > 0) {
    lines.push('duplicates (not indexed):');
    for (const dup of result.duplicates.slice(0, MAX_LISTED)) lines.push(`  ${dup.file}: ${dup.reason}: ${dup.duplicateOf}`);
    if (result.duplicates.length > MAX_LISTED) lines.push(`  … and ${result.duplicates.length - MAX_LISTED} more (see the run report)`);
  }
  if (result.fatal) lines.push(`not done: ${result.fatal}`);
  if (result.runReport) lines.push(`run report: ${result.runReport}`);
  return lines.join('\n');
}
