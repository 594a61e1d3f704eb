import type { IndexRunResult } from './run';

const MAX_LISTED = 50;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A file name or reason as it may be printed on a terminal: control characters (an ANSI escape in
 * a file name could recolour or rewrite the screen) are shown as \xNN / \uNNNN escapes.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
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
    for (const failure of result.failed.slice(0, MAX_LISTED)) lines.push(`  ${printable(failure.file)}: ${printable(failure.reason)}`);
    if (result.failed.length > MAX_LISTED) lines.push(`  … and ${result.failed.length - MAX_LISTED} more (see the run report)`);
  }
  if (result.duplicates.length > 0) {
    lines.push('duplicates (not indexed):');
    for (const dup of result.duplicates.slice(0, MAX_LISTED)) lines.push(`  ${printable(dup.file)}: ${printable(dup.reason)}: ${printable(dup.duplicateOf)}`);
    if (result.duplicates.length > MAX_LISTED) lines.push(`  … and ${result.duplicates.length - MAX_LISTED} more (see the run report)`);
  }
  if (result.fatal) lines.push(`not done: ${printable(result.fatal)}`);
  if (result.runReport) lines.push(`run report: ${result.runReport}`);
  return lines.join('\n');
}
