/**
 * npm run index -- PATH… [--incremental] [--progress=bar|lines|silent] [--workers N]
 *
 * Parses every report under PATH (files or folders, recursively) and indexes it into Meilisearch:
 * MEILI_URL / MEILI_MASTER_KEY / MEILI_INDEX, or the embedded server when MEILI_URL is unset
 * (reusing the portal's if it runs). Exit code 0 when every file went in, 1 when some failed,
 * 2 when nothing could be done, 130 when interrupted. Files are parsed by N worker threads
 * (default: one per four cores; 1, the default below 8 cores, parses on the main thread).
 */

import { type Config, config } from '../lib/config';
import { ensureMeili, type MeiliHandle } from '../lib/engine/embedded';
import { createProgress, formatSummary, lowerPriority, type ProgressMode, runIndex } from '../lib/indexer';
import { runIndexOnNetwork } from '../lib/indexer/shards';
import { defaultParseThreads, parserFor } from '../lib/indexer/workers';
import { acquireWriterLock } from '../lib/writer-lock';
import { parseCommandLine } from './support/cli';

const USAGE = 'usage: npm run index -- PATH… [--incremental] [--progress=bar|lines|silent] [--workers N]';

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values, positionals: paths } = parseCommandLine(
  'npm run index',
  USAGE,
  {
    incremental: { type: 'boolean', default: false },
    progress: { type: 'string' },
    workers: { type: 'string', default: String(defaultParseThreads()) },
  },
  { positiveIntegers: ['workers'] },
);
const { incremental, progress: progressArg } = values;
const workers = Number(values.workers);
if (paths.length === 0) fail(USAGE);
if (progressArg && !['bar', 'lines', 'silent', 'auto'].includes(progressArg)) fail(`--progress must be bar, lines or silent\n${USAGE}`);

let settings: Config;
try {
  settings = config();
} catch (error) {
  fail((error as Error).message);
}

// One writer at a time per data folder (the admin pages, the portal's start-up index, the harvester).
let releaseLock: () => Promise<void>;
try {
  releaseLock = await acquireWriterLock(settings.data.root, 'npm run index');
} catch (error) {
  fail((error as Error).message);
}

let meili: MeiliHandle;
try {
  meili = await ensureMeili();
} catch (error) {
  fail(`could not start the embedded Meilisearch: ${(error as Error).message}`);
}

// Parsing is a background job next to the engine: on a shared machine the engine's own threads
// should win the CPU, and the parser fills the gaps (it is 3× faster than the engine anyway).
// Done after ensureMeili so an embedded Meilisearch started above keeps normal priority.
lowerPriority();

const controller = new AbortController();
let interrupts = 0;
const onSignal = (signal: NodeJS.Signals) => {
  interrupts++;
  if (interrupts > 1) process.exit(130);
  process.stderr.write(`\n${signal}: stopping after the current file (again to quit at once)…\n`);
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const progress = createProgress((progressArg as ProgressMode | undefined) ?? 'auto');
if (meili.origin !== 'external') progress.note(`using the ${meili.origin === 'reused' ? 'running' : 'embedded'} Meilisearch at ${meili.url}`);

// Created after lowerPriority(): the worker threads inherit its lower priority.
const parser = parserFor(workers);
// A Meilisearch network (NIANBAO_MEILI_REMOTES): each instance gets its provinces' reports.
const result = await (settings.remotes ? runIndexOnNetwork(settings.remotes) : runIndex)({
  parser,
  paths,
  incremental,
  connection: { url: meili.url, apiKey: meili.masterKey },
  index: settings.meili.index,
  runsDir: settings.data.runs,
  progress,
  signal: controller.signal,
});
await parser.close();
await meili.stop();
await releaseLock();

if (result.exitCode === 2 && result.files === 0) {
  // Nothing was read: one line, no stack trace.
  fail(result.fatal ?? 'nothing could be done', 2);
}
process.stdout.write(`${formatSummary(result)}\n`);
process.exitCode = result.exitCode;
