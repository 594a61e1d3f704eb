/**
 * npm run bench:index -- --count N [--workers W] [--engine-threads T] [--engine-args "ARGS"] [--levers]
 *                         [--incremental K] [--pipeline-only] [--keep]
 *
 * On the same N report files, in one run:
 *   parse        parse every file (parseReportFile) on one thread and write the prepared records as NDJSON;
 *   plain        a plain card index of the same reports (title, text, place, year searchable; province
 *                and year facets; Meilisearch's defaults otherwise): what the engine costs for a card's job;
 *   engine-only  send those prepared records straight to Meilisearch in batches of 500 and wait;
 *   pipeline     `runIndex` (full reindex: walk, parse on W worker threads, batches, cross-year pass,
 *                swap) on the files.
 * With --incremental K: after the full run, K of the files get a line added and an incremental
 * run takes them in (the serving index of N reports). --pipeline-only skips parse, plain and
 * engine-only (for the large N of the cost curve).
 * With --levers: after the parse, engine-only ingestion once per lever of LEVERS (engine options,
 * settings, fields left out), each on a fresh Meilisearch, with its rate against the first.
 * Each phase runs in its own process (so its peak RSS is its own) against a fresh Meilisearch
 * (so neither inherits the other's index). Goals at N = 20,000: pipeline/engine-only ≤ 1.2,
 * indexer peak RSS ≤ 300 MB and independent of N.
 *
 * Inputs: `npm run corpus:synth` when the project has it; until then the real sample texts are
 * replicated with varied organization names and years (the output says which).
 */
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Settings } from 'meilisearch';
import { projectRoot } from '../lib/config/local-env';
import { toIndexedReport } from '../lib/document/indexed-report';
import { ALL_ROLLUP_FIELDS } from '../lib/document/rollup';
import { createMeiliClient } from '../lib/engine/client';
import { generateSecret, startEmbeddedMeili } from '../lib/engine/embedded';
import { enqueueNdjson, prepareIndex, waitForTask } from '../lib/engine/indexes';
import { lowerPriority, runIndex } from '../lib/indexer';
import { walkReportFiles } from '../lib/indexer/walk';
import { defaultParseThreads, parserFor } from '../lib/indexer/workers';
import { parseReport, parseReportFile } from '../lib/report';
import { parseCommandLine } from './support/cli';

const self = fileURLToPath(import.meta.url);
const USAGE =
  'usage: npm run bench:index -- [--count N] [--workers W] [--engine-threads T] [--engine-args "ARGS"] [--levers] [--incremental K] [--pipeline-only] [--keep]';
// --phase NAME ARGS… runs one phase in a child process (main() starts them).
const { values: args, positionals: rest } = parseCommandLine(
  'bench:index',
  USAGE,
  {
    count: { type: 'string', default: '2000' },
    workers: { type: 'string', default: String(defaultParseThreads()) },
    'engine-threads': { type: 'string' },
    incremental: { type: 'string', default: '0' },
    'pipeline-only': { type: 'boolean', default: false },
    'engine-args': { type: 'string', default: '' },
    keep: { type: 'boolean', default: false },
    levers: { type: 'boolean', default: false },
    phase: { type: 'string' },
  },
  { positiveIntegers: ['count', 'workers'] },
);
const BATCH = 500;
const threadsArg = args['engine-threads'] ? Number(args['engine-threads']) : undefined;

interface PhaseResult {
  ms: number;
  docs: number;
  maxRssMb: number;
  extra?: Record<string, unknown>;
}

function maxRssMb(): number {
  return process.resourceUsage().maxRSS / 1024; // kB → MB
}

function emit(result: PhaseResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// ── Phases (child processes) ────────────────────────────────────────────────────────────────

async function parsePhase(corpus: string, out: string): Promise<void> {
  const sink = createWriteStream(out);
  let parseMs = 0;
  let docs = 0;
  for await (const item of walkReportFiles([corpus])) {
    if (item.kind !== 'file') continue;
    const start = performance.now();
    const doc = await parseReportFile(item.file, item.partial ? { partial: true } : {});
    const record = toIndexedReport(doc, path.relative(corpus, item.file));
    parseMs += performance.now() - start;
    docs++;
    if (!sink.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((resolve) => sink.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => sink.end(() => resolve()));
  emit({ ms: parseMs, docs, maxRssMb: maxRssMb() });
}

/**
 * A lever trial (--levers): settings laid over the index's own, and fields left out of every
 * document, passed to the engine phase by environment.
 */
interface Lever {
  name: string;
  /** Meilisearch's --max-indexing-threads (default: the embedded engine's, every core). */
  threads?: number;
  engineArgs?: string[];
  settings?: Settings;
  drop?: string[];
}

const LEVERS: Lever[] = [
  { name: 'as shipped' },
  { name: "indexing threads: half the cores (Meilisearch's default)", threads: Math.max(1, Math.floor(os.availableParallelism() / 2)) },
  { name: 'batched tasks ≤ 500 MiB', engineArgs: ['--experimental-limit-batched-tasks-total-size', '524288000'] },
  { name: 'prefixSearch disabled', settings: { prefixSearch: 'disabled' } },
  { name: 'proximityPrecision byAttribute', settings: { proximityPrecision: 'byAttribute' } },
  { name: 'no rollup values (upper bound of their cost)', drop: [...ALL_ROLLUP_FIELDS] },
  { name: 'no sortable attributes', settings: { sortableAttributes: [] } },
  {
    name: 'no text copy: text searched with jieba (breaks recall)',
    settings: { searchableAttributes: ['search.title', 'search.organization', 'search.places', 'text'] },
  },

  { name: 'as shipped, again (drift of the machine)' },
];

/**
 * The prepared records (NDJSON) sent to one index in batches of 500, the pipeline's transport
 * minus reading and parsing, each line through `shape` first; waits for every task.
 */
async function sendPrepared(url: string, key: string, uid: string, prepared: string, shape: (line: string) => string): Promise<PhaseResult> {
  const client = createMeiliClient({ url, apiKey: key });
  const start = performance.now();
  const tasks: number[] = [];
  let lines: Buffer[] = [];
  let docs = 0;
  const send = async () => {
    if (lines.length === 0) return;
    tasks.push(await enqueueNdjson(client, uid, lines));
    docs += lines.length;
    lines = [];
  };
  for await (const line of createInterface({ input: createReadStream(prepared), crlfDelay: Infinity })) {
    if (!line) continue;
    lines.push(Buffer.from(`${shape(line)}\n`));
    if (lines.length >= BATCH) await send();
  }
  await send();
  for (const taskUid of tasks) {
    const task = await waitForTask(client, taskUid);
    if (task.status !== 'succeeded') throw new Error(`${uid}: a batch failed: ${task.error?.message}`);
  }
  return { ms: performance.now() - start, docs, maxRssMb: maxRssMb() };
}

async function enginePhase(prepared: string, url: string, key: string): Promise<void> {
  const client = createMeiliClient({ url, apiKey: key });
  await prepareIndex(client, 'bench_engine');
  const lever = JSON.parse(process.env.BENCH_LEVER ?? '{}') as Lever;
  if (lever.settings) {
    const task = await waitForTask(client, (await client.index('bench_engine').updateSettings(lever.settings)).taskUid);
    if (task.status !== 'succeeded') throw new Error(`lever settings refused: ${task.error?.message}`);
  }
  const drop = lever.drop ?? [];
  const shape = (line: string) => {
    if (drop.length === 0) return line;
    const record = JSON.parse(line) as Record<string, unknown>;
    for (const field of drop) delete record[field];
    return JSON.stringify(record);
  };
  emit(await sendPrepared(url, key, 'bench_engine', prepared, shape));
}

/** The card a plain search site would index: the report's words and where and when, nothing more. */
interface Card {
  id: string;
  title: string | null;
  text: string;
  place: string;
  year: number | null;
  province: string | null;
}

async function plainPhase(prepared: string, url: string, key: string): Promise<void> {
  const client = createMeiliClient({ url, apiKey: key });
  await waitForTask(client, (await client.createIndex('bench_plain', { primaryKey: 'id' })).taskUid);
  await waitForTask(
    client,
    (await client.index('bench_plain').updateSettings({ searchableAttributes: ['title', 'text', 'place', 'year'], filterableAttributes: ['province', 'year'] }))
      .taskUid,
  );
  const shape = (line: string) => {
    const r = JSON.parse(line) as Card & { city: string | null; county: string | null; township: string | null };
    const card: Card = {
      id: r.id,
      title: r.title,
      text: r.text,
      place: [r.province, r.city, r.county, r.township].filter(Boolean).join(' '),
      year: r.year,
      province: r.province,
    };
    return JSON.stringify(card);
  };
  emit(await sendPrepared(url, key, 'bench_plain', prepared, shape));
}

/** Every file of the corpus, in walk order. */
async function corpusFiles(corpus: string): Promise<string[]> {
  const files: string[] = [];
  for await (const item of walkReportFiles([corpus])) if (item.kind === 'file') files.push(item.file);
  return files;
}

async function pipelinePhase(corpus: string, workers: number, changed: number, url: string, key: string): Promise<void> {
  lowerPriority(); // as `npm run index` does
  const parser = parserFor(workers); // after lowerPriority, as `npm run index` does
  const connection = { url, apiKey: key };
  const result = await runIndex({ paths: [corpus], connection, index: 'bench', runsDir: null, baseDir: corpus, parser });
  if (result.exitCode !== 0) throw new Error(`pipeline run failed: ${result.fatal ?? JSON.stringify(result.failed.slice(0, 3))}`);
  const maxRssFull = maxRssMb();
  let incremental: Record<string, unknown> | undefined;
  if (changed > 0) {
    // K reports edited after publication, spread over the collection: one line added to each.
    const files = await corpusFiles(corpus);
    const step = files.length / Math.min(changed, files.length);
    for (let i = 0; i < Math.min(changed, files.length); i++) {
      const file = files[Math.floor(i * step)];
      // ASCII: the same bytes in a GBK file as in a UTF-8 one
      if (file.endsWith('.txt')) appendFileSync(file, '\n(revised 2026)\n');
    }
    const again = await runIndex({ paths: [corpus], connection, index: 'bench', runsDir: null, baseDir: corpus, parser, incremental: true });
    if (again.exitCode !== 0) throw new Error(`incremental run failed: ${again.fatal ?? JSON.stringify(again.failed.slice(0, 3))}`);
    incremental = {
      ms: again.durationMs,
      indexed: again.indexed,
      replaced: again.replaced,
      unchanged: again.unchanged,
      timings: again.timings,
      documentsInIndex: again.documentsInIndex,
    };
  }
  await parser.close();
  emit({
    ms: result.durationMs,
    docs: result.indexed,
    maxRssMb: maxRssFull,
    extra: {
      duplicates: result.duplicates.length,
      crossYear: result.crossYear,
      documentsInIndex: result.documentsInIndex,
      timings: result.timings,
      incremental,
    },
  });
}

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────

const CN_DIGITS = '〇一二三四五六七八九';
function chineseNumber(n: number): string {
  return String(n)
    .split('')
    .map((d) => CN_DIGITS[Number(d)])
    .join('');
}

/** Real sample texts, each N/7 times under a new name; four consecutive years per body. */
function replicateSamples(count: number, out: string): string {
  const bases = [
    ...readdirSync(path.join(projectRoot, 'data/reports/seeds')).map((f) => path.join(projectRoot, 'data/reports/seeds', f)),
    ...readdirSync(path.join(projectRoot, 'data/reports/files'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => path.join(projectRoot, 'data/reports/files', f)),
  ]
    .sort()
    .map((file) => {
      const text = readFileSync(file, 'utf8');
      const doc = parseReport(text, { fileName: path.basename(file), format: 'txt', encoding: 'utf-8', sha256: '0'.repeat(64), bytes: text.length });
      return { text, organization: doc.organization ?? '某某镇人民政府', year: doc.year ?? 2022 };
    });
  const YEARS_PER_BODY = 4;
  for (let i = 0; i < count; i++) {
    const base = bases[Math.floor(i / YEARS_PER_BODY) % bases.length];
    const bodyNo = Math.floor(i / YEARS_PER_BODY) + 1;
    const year = 2024 - (i % YEARS_PER_BODY);
    const name = base.organization.replace(/(人民政府办公厅|人民政府)?$/, (suffix) => `第${chineseNumber(bodyNo)}分部${suffix}`);
    const body = base.text.split(base.organization).join(name).split(`${base.year}年`).join(`${year}年`);
    const dir = path.join(out, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${String(i).padStart(6, '0')}.txt`), `${name}${year}年政府信息公开工作年度报告\n${body}`);
  }
  return `replicated from ${bases.length} real sample reports (data/reports) with varied organization names and years — NOT synthetic reports`;
}

async function synthesize(count: number, out: string): Promise<string> {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const synthScript = pkg.scripts?.['corpus:synth'];
  if (synthScript && existsSync(path.join(projectRoot, 'scripts/synth-corpus.ts'))) {
    const code = await runChild(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'scripts/synth-corpus.ts'), '--count', String(count), '--out', out],
      'inherit',
    );
    if (code.status === 0) return `synthetic reports from npm run corpus:synth`;
    process.stderr.write(`corpus:synth failed (exit ${code.status}); replicating the sample reports instead\n`);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
  }
  return replicateSamples(count, out);
}

// ── Orchestration ───────────────────────────────────────────────────────────────────────────

function runChild(
  command: string,
  childArgs: string[],
  stdout: 'pipe' | 'inherit' = 'pipe',
  env: Record<string, string> = {},
): Promise<{ status: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, childArgs, { cwd: projectRoot, stdio: ['ignore', stdout, 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout?.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? 1, out }));
  });
}

async function phase(name: string, extraArgs: string[], meili?: { url: string; key: string }, lever?: Lever): Promise<PhaseResult> {
  const env: Record<string, string> = meili ? { BENCH_MEILI_URL: meili.url, BENCH_MEILI_KEY: meili.key } : {};
  if (lever) env.BENCH_LEVER = JSON.stringify(lever);
  const { status, out } = await runChild(process.execPath, ['--import', 'tsx', self, '--phase', name, ...extraArgs], 'pipe', env);
  if (status !== 0) throw new Error(`${name} phase failed (exit code ${status})`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as PhaseResult;
}

function statusMb(pid: number, field: 'VmHWM' | 'RssAnon'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * Peak RSS (VmHWM) of the engine includes the pages of its memory-mapped database; the anonymous
 * part (sampled) is what --max-indexing-memory bounds.
 */
async function withFreshMeili<T>(
  work: (url: string, key: string) => Promise<T>,
  { threads, extraArgs = (args['engine-args'] ?? '').split(/\s+/).filter(Boolean) }: { threads?: number; extraArgs?: string[] } = {},
): Promise<{ result: T; meiliPeakMb: number; meiliAnonPeakMb: number; diskMb: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-meili-'));
  const meili = await startEmbeddedMeili({ dataDir, masterKey: generateSecret(), announce: false, indexingThreads: threads ?? threadsArg, extraArgs });
  // Ctrl-C: stop the engine (it runs in its own process group) before leaving.
  const onSignal = () => void meili.stop().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let anonPeak = 0;
  const sampler = setInterval(() => (anonPeak = Math.max(anonPeak, statusMb(meili.pid, 'RssAnon'))), 250);
  try {
    const result = await work(meili.url, meili.masterKey);
    return { result, meiliPeakMb: statusMb(meili.pid, 'VmHWM'), meiliAnonPeakMb: anonPeak, diskMb: diskUsageMb(path.join(dataDir, 'data.ms')) };
  } finally {
    clearInterval(sampler);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Bytes the engine's files take on disk (allocated blocks, as du counts: the LMDB maps are sparse). */
function diskUsageMb(dir: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) bytes += statSync(p).blocks * 512;
    }
  };
  walk(dir);
  return bytes / 1024 / 1024;
}

const rate = (r: PhaseResult) => r.docs / (r.ms / 1000);
/** Other work on the machine skews every figure: print the load next to them. */
const load = () => `load ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`;
const mb = (n: number) => `${n.toFixed(0)} MB`;

/** Engine-only ingestion of the same prepared documents under each lever, against the first. */
async function leverTrials(prepared: string): Promise<void> {
  let base: number | undefined;
  for (const lever of LEVERS) {
    const trial = await withFreshMeili((url, key) => phase('engine', [prepared], { url, key }, lever), {
      threads: lever.threads,
      extraArgs: lever.engineArgs ?? [],
    });
    const docsPerSecond = rate(trial.result);
    base ??= docsPerSecond;
    process.stdout.write(
      `lever  ${lever.name.padEnd(56)} ${docsPerSecond.toFixed(0).padStart(5)} docs/s  ×${(docsPerSecond / base).toFixed(2)}  on disk ${((trial.diskMb * 1024) / trial.result.docs).toFixed(1)} kB/report  Meilisearch peak RSS ${mb(trial.meiliPeakMb)}  (${load()})\n`,
    );
  }
}

function reportPipeline(pipeline: { result: PhaseResult; meiliPeakMb: number; meiliAnonPeakMb: number; diskMb: number }): void {
  process.stdout.write(
    `pipeline     ${pipeline.result.docs} docs in ${(pipeline.result.ms / 1000).toFixed(1)} s → ${rate(pipeline.result).toFixed(0)} docs/s (indexer peak RSS ${mb(pipeline.result.maxRssMb)}, Meilisearch peak RSS ${mb(pipeline.meiliPeakMb)}, anonymous ${mb(pipeline.meiliAnonPeakMb)}; on disk ${((pipeline.diskMb * 1024) / pipeline.result.docs).toFixed(1)} kB/report; ${load()})\n`,
  );
  const { incremental, ...extra } = pipeline.result.extra ?? {};
  process.stdout.write(`             ${JSON.stringify(extra)}\n`);
  if (incremental) process.stdout.write(`incremental  ${JSON.stringify(incremental)}\n`);
}

async function main(): Promise<void> {
  const count = Number(args.count);
  if (!Number.isInteger(count) || count < 1) {
    process.stderr.write('usage: npm run bench:index -- --count N [--keep]\n');
    process.exit(2);
  }
  const work = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-'));
  const corpus = path.join(work, 'reports');
  const prepared = path.join(work, 'prepared.ndjson');
  mkdirSync(corpus);
  try {
    const genStart = performance.now();
    const label = await synthesize(count, corpus);
    process.stdout.write(
      `bench:index · N = ${count} · workers ${args.workers} · engine threads ${threadsArg ?? 'as shipped'} ${args['engine-args']}\ninputs: ${label} (written in ${((performance.now() - genStart) / 1000).toFixed(1)} s)\n`,
    );

    const pipelineOf = () => withFreshMeili((url, key) => phase('pipeline', [corpus, String(args.workers), String(args.incremental)], { url, key }));
    if (args['pipeline-only']) {
      reportPipeline(await pipelineOf());
      return;
    }
    const parse = await phase('parse', [corpus, prepared]);
    process.stdout.write(
      `parse        ${parse.docs} docs in ${(parse.ms / 1000).toFixed(1)} s → ${rate(parse).toFixed(0)} docs/s (process peak RSS ${mb(parse.maxRssMb)}; ${load()})\n`,
    );

    if (args.levers) {
      await leverTrials(prepared);
      return;
    }
    const plain = await withFreshMeili((url, key) => phase('plain', [prepared], { url, key }));
    process.stdout.write(
      `plain card   ${plain.result.docs} docs in ${(plain.result.ms / 1000).toFixed(1)} s → ${rate(plain.result).toFixed(0)} docs/s (Meilisearch peak RSS ${mb(plain.meiliPeakMb)}; on disk ${((plain.diskMb * 1024) / plain.result.docs).toFixed(1)} kB/report; ${load()})\n`,
    );

    const engine = await withFreshMeili((url, key) => phase('engine', [prepared], { url, key }));
    process.stdout.write(
      `engine-only  ${engine.result.docs} docs in ${(engine.result.ms / 1000).toFixed(1)} s → ${rate(engine.result).toFixed(0)} docs/s (sender peak RSS ${mb(engine.result.maxRssMb)}, Meilisearch peak RSS ${mb(engine.meiliPeakMb)}, anonymous ${mb(engine.meiliAnonPeakMb)}; ${load()})\n`,
    );

    const pipeline = await pipelineOf();
    reportPipeline(pipeline);
    // Per document: the pipeline leaves duplicates out, so it may index a few less.
    const ratio = rate(engine.result) / rate(pipeline.result);
    const plainRatio = rate(plain.result) / rate(pipeline.result);
    process.stdout.write(
      `ratio pipeline/engine-only: ${ratio.toFixed(2)} (goal ≤ 1.2) · pipeline/plain card: ${plainRatio.toFixed(2)} (goal ≤ 1.2) · indexer peak RSS ${mb(pipeline.result.maxRssMb)}\n`,
    );
  } finally {
    if (args.keep) process.stdout.write(`kept ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

const phaseName = args.phase;
// The engine's address and key come by environment (argv is visible in ps).
const benchUrl = process.env.BENCH_MEILI_URL ?? '';
const benchKey = process.env.BENCH_MEILI_KEY ?? '';
if (phaseName === 'parse') await parsePhase(rest[0], rest[1]);
else if (phaseName === 'engine') await enginePhase(rest[0], benchUrl, benchKey);
else if (phaseName === 'plain') await plainPhase(rest[0], benchUrl, benchKey);
else if (phaseName === 'pipeline') await pipelinePhase(rest[0], Number(rest[1]), Number(rest[2]), benchUrl, benchKey);
else await main();
