/**
 * npm run --silent parse -- FILE…
 * Prints one JSON document per input file, one per line, in input order. A file that fails prints
 * {"file": "...", "error": "..."} on its line. Exit code 0 when every file parsed, 1 otherwise.
 */
import { parseReportFile, ReportFileError } from '../lib/report';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  process.stderr.write('usage: npm run --silent parse -- FILE…\n');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  try {
    const doc = await parseReportFile(file);
    process.stdout.write(`${JSON.stringify(doc)}\n`);
  } catch (error) {
    failed++;
    const reason = error instanceof ReportFileError ? error.reason : String((error as Error)?.message ?? error);
    process.stdout.write(`${JSON.stringify({ file, error: reason })}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
