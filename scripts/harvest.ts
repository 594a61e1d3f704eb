/**
 * npm run harvest -- [--sources FILE] [--max-pages N] [--rate R] [--no-index] [URL…]
 *
 * Crawls the sources' 政府信息公开年报 columns (the URLs given, else FILE, else
 * <data>/harvest/sources.json) and stores every report found, with its provenance, under
 * <data>/harvest/ (docs/harvest.md). New and changed reports are then indexed incrementally
 * (MEILI_URL, or the embedded Meilisearch), unless --no-index. Exit code 0 when everything went
 * in, 1 when some URLs or files failed, 2 when nothing could be done, 130 when interrupted.
 */
import { existsSync } from 'node:fs';
import { config } from '../lib/config';
import { ensureMeili } from '../lib/engine/embedded';
import { type HarvestProgress, runHarvest } from '../lib/harvest/run';
import { readSources, type Source, sourcesFile, toSource } from '../lib/harvest/sources';
import { createProgress, formatSummary, runIndex } from '../lib/indexer';
import { acquireWriterLock } from '../lib/writer-lock';
import { parseCommandLine } from './support/cli';

const USAGE = 'usage: npm run harvest -- [--sources FILE] [--max-pages N] [--rate R] [--no-index] [URL…]';
const { values, positionals } = parseCommandLine(
  'npm run harvest',
  USAGE,
  {
    sources: { type: 'string' },
    'max-pages': { type: 'string', default: '200' },
    rate: { type: 'string', default: '1' },
    'no-index': { type: 'boolean', default: false },
  },
  { positiveIntegers: ['max-pages'] },
);

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const rate = Number(values.rate);
if (!(rate > 0 && rate <= 100)) fail(`--rate must be a number of requests a second, above 0 and at most 100\n${USAGE}`);

let settings: ReturnType<typeof config>;
let sources: Source[];
try {
  settings = config();
  sources = positionals.length > 0 ? positionals.map((url) => toSource({ url })) : readSources(values.sources ?? sourcesFile(settings.data.root));
} catch (error) {
  fail((error as Error).message);
}
if (sources.length === 0) fail(`no sources: give URLs, --sources FILE, or add sources at /admin/sources (${sourcesFile(settings.data.root)})\n${USAGE}`);

let release: () => Promise<void>;
try {
  release = await acquireWriterLock(settings.data.root, 'npm run harvest');
} catch (error) {
  fail((error as Error).message);
}

const controller = new AbortController();
process.on('SIGINT', () => controller.abort());
process.on('SIGTERM', () => controller.abort());

const say = (line: string) => process.stderr.write(`${line}\n`);
let lastSource = '';
const result = await runHarvest({
  sources,
  dataRoot: settings.data.root,
  maxPages: Number(values['max-pages']),
  clientOptions: { ratePerSecond: rate, allowLoopback: settings.harvest.allowLoopback },
  signal: controller.signal,
  progress: (p: HarvestProgress) => {
    if (p.source.id !== lastSource) {
      lastSource = p.source.id;
      say(`[${p.source.index + 1}/${p.source.of}] ${p.source.label ?? p.source.url}`);
    }
    if (p.pagesFetched % 10 === 0) say(`  ${p.pagesFetched} fetched · ${p.reportsFound} reports (${p.new} new, ${p.changed} changed) · ${p.failed} failed`);
  },
  meta: { trigger: 'cli' },
});

const t = result.totals;
process.stdout.write(
  `harvest of ${result.sources.length} source(s) in ${(result.durationMs / 1000).toFixed(1)} s: ${t.pagesFetched} fetched (${t.notModified} not modified), ` +
    `${t.reportsFound} reports: ${t.new} new, ${t.changed} changed, ${t.unchanged} unchanged, ${t.duplicates} duplicates; ${t.failed} failed\n`,
);
for (const source of result.sources) {
  for (const f of source.failed.slice(0, 20)) process.stdout.write(`  ${f.url}: ${f.detail}\n`);
}
if (result.fatal) process.stdout.write(`not done: ${result.fatal}\n`);
if (result.runReport) process.stdout.write(`run report: ${result.runReport}\n`);

let exitCode: number = result.exitCode;
if (!values['no-index'] && result.changedFiles.length > 0 && existsSync(settings.data.harvestFiles)) {
  try {
    const meili = await ensureMeili();
    const indexed = await runIndex({
      paths: [settings.data.harvestFiles],
      incremental: true,
      connection: { url: meili.url, apiKey: meili.masterKey },
      index: settings.meili.index,
      baseDir: settings.data.base,
      runsDir: settings.data.runs,
      progress: createProgress('lines'),
      meta: { trigger: 'harvest' },
    });
    await meili.stop();
    process.stdout.write(`${formatSummary(indexed)}\n`);
    if (indexed.exitCode !== 0 && exitCode === 0) exitCode = 1;
  } catch (error) {
    process.stdout.write(`indexing the harvested reports failed: ${(error as Error).message}\n`);
    if (exitCode === 0) exitCode = 1;
  }
}
await release();
process.exitCode = exitCode;
