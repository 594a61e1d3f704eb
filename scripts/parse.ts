/**
 * npm run --silent parse -- [--url URL] [--title TITLE] FILE…
 * Prints one JSON document per input file, one per line, in input order. A file that fails prints
 * {"file": "...", "error": "..."} on its line. Exit code 0 when every file parsed, 1 otherwise.
 * A file's `.source.json` sidecar (a harvested file's provenance, docs/harvest.md) is read as the
 * indexer reads it; --url and --title give the same clues by hand instead (the page's URL and title).
 */
import { originOf, parseReportFile, ReportFileError } from '../lib/report';
import { parseCommandLine } from './support/cli';

const USAGE = 'usage: npm run --silent parse -- [--url URL] [--title TITLE] FILE…';
const { values, positionals: files } = parseCommandLine('npm run parse', USAGE, { url: { type: 'string' }, title: { type: 'string' } });
if (files.length === 0) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
if (values.title && !values.url) {
  process.stderr.write(`npm run parse: --title needs --url (the page it is the title of)\n${USAGE}\n`);
  process.exit(2);
}
if (values.url && !/^https?:\/\/[^\s]+$/i.test(values.url)) {
  process.stderr.write(`npm run parse: --url must be an http:// or https:// address\n${USAGE}\n`);
  process.exit(2);
}
const origin = values.url ? originOf({ url: values.url, pageTitle: values.title ?? null }) : undefined;
let failed = 0;
for (const file of files) {
  try {
    const doc = await parseReportFile(file, origin ? { origin } : {});
    process.stdout.write(`${JSON.stringify(doc)}\n`);
  } catch (error) {
    failed++;
    const reason = error instanceof ReportFileError ? error.reason : String((error as Error)?.message ?? error);
    process.stdout.write(`${JSON.stringify({ file, error: reason })}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
