/**
 * What the benchmarks share: a synthetic corpus on disk, a current production build, an embedded
 * Meilisearch with the corpus indexed (or kept from a previous run), `next start` with the
 * search-only key, and the quantiles they print. e2e/unavailable.spec.ts starts and stops its own
 * `next start` with startNext/stopChild too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { projectRoot } from '../../lib/config/local-env';
import { createMeiliClient } from '../../lib/engine/client';
import { type EmbeddedMeili, findFreePort, generateSecret, startEmbeddedMeili } from '../../lib/engine/embedded';
import { getOrCreateSearchKey } from '../../lib/engine/keys';
import { createProgress, runIndex } from '../../lib/indexer';
import { defaultParseThreads, parserFor } from '../../lib/indexer/workers';
import { parseCommandLine } from './cli';
import { nextBuildState } from './next-build';

type ParseArgsOptionConfig = NonNullable<ParseArgsConfig['options']>[string];

export const BENCH_INDEX = 'reports';
const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: projectRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', () => resolve(127));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function countReports(dir: string): number {
  const manifest = path.join(dir, 'manifest.jsonl');
  if (!existsSync(manifest)) return 0;
  return readFileSync(manifest, 'utf8').split('\n').filter(Boolean).length;
}

/** N synthetic reports (npm run corpus:synth) in `dir` (reused when it holds N) or a temp folder. */
async function ensureCorpus(count: number, dir: string | undefined, say: (m: string) => void): Promise<{ dir: string; temporary: boolean }> {
  const target = dir ? path.resolve(dir) : mkdtempSync(path.join(tmpdir(), 'nianbao-bench-corpus-'));
  if (dir && countReports(target) === count) {
    say(`corpus: ${count} reports already in ${target}`);
    return { dir: target, temporary: false };
  }
  say(`corpus: writing ${count} synthetic reports to ${target}`);
  if (await run('npm', ['run', '--silent', 'corpus:synth', '--', '--count', String(count), '--out', target])) throw new Error('corpus:synth failed');
  return { dir: target, temporary: !dir };
}

/** Builds the app when the build is missing, lacks `route` (a path: "/api/search"), or is older than the sources. */
async function ensureBuild(options: { route: string; noBuild: boolean; say: (m: string) => void }): Promise<void> {
  const { say } = options;
  const buildId = path.join(projectRoot, '.next', 'BUILD_ID');
  // App Router routes map "/api/stats/route" to "/api/stats"; Pages Router ones are keyed "/api/search".
  const manifests = [path.join(projectRoot, '.next', 'app-path-routes-manifest.json'), path.join(projectRoot, '.next', 'server', 'pages-manifest.json')];
  const hasRoute = () => manifests.some((file) => existsSync(file) && readFileSync(file, 'utf8').includes(`"${options.route}"`));
  let state: 'missing' | 'stale' | 'current';
  if (!existsSync(buildId)) state = 'missing';
  else if (!hasRoute()) state = 'stale';
  else state = nextBuildState(projectRoot);
  if (state === 'current') return say('next build: current');
  if (options.noBuild) {
    if (state === 'missing') throw new Error('no build in .next (drop --no-build)');
    return say('next build: older than the sources, used as it is (--no-build)');
  }
  say(`next build: ${state}, building…`);
  const code = await run(process.execPath, [nextBin, 'build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1', MEILI_MASTER_KEY: '' });
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
}

/** `next start` on `port` with the given environment; resolves once /api/health answers. */
export async function startNext(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], {
    cwd: projectRoot,
    // The app gets the search-only key and never the master key (Next would read .env.local otherwise).
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', MEILI_MASTER_KEY: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`http://localhost:${port}/api/health`, { signal: AbortSignal.timeout(1000) })).ok) return child;
    } catch {
      // Not up yet.
    }
    await sleep(200);
  }
  child.kill('SIGTERM');
  throw new Error('next start did not answer /api/health within 60 s');
}

export async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

export interface BenchEngine {
  meili: EmbeddedMeili;
  searchKey: string;
  dataDir: string;
  /** Stops the engine; removes its folder unless it was given or `keep`. */
  stop(keep: boolean): Promise<void>;
}

/**
 * An embedded Meilisearch with the corpus indexed through the real pipeline. With `engineDir`
 * holding an index already, indexing is skipped (it does not notice changed settings).
 */
async function startBenchEngine(options: { corpusDir: string; engineDir?: string; say: (m: string) => void }): Promise<BenchEngine> {
  const { say } = options;
  const dataDir = options.engineDir ? path.resolve(options.engineDir) : mkdtempSync(path.join(tmpdir(), 'nianbao-bench-meili-'));
  mkdirSync(dataDir, { recursive: true });
  const meili = await startEmbeddedMeili({ dataDir, masterKey: generateSecret(), announce: false });
  const stop = async (keep: boolean) => {
    await meili.stop();
    if (!keep && !options.engineDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const admin = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
    const existing = options.engineDir
      ? await admin
          .index(BENCH_INDEX)
          .getStats()
          .then(
            (s) => s.numberOfDocuments,
            () => 0,
          )
      : 0;
    if (existing > 0) {
      say(`Meilisearch ${meili.url}: ${existing} documents already indexed in ${dataDir}`);
    } else {
      say(`Meilisearch ${meili.url}; indexing ${options.corpusDir}…`);
      const parser = parserFor(defaultParseThreads()); // as npm run index
      const indexed = await runIndex({
        paths: [options.corpusDir],
        connection: { url: meili.url, apiKey: meili.masterKey },
        index: BENCH_INDEX,
        runsDir: null,
        progress: createProgress('lines', process.stdout),
        parser,
      });
      await parser.close();
      if (indexed.exitCode === 2 || indexed.exitCode === 130) throw new Error(indexed.fatal ?? 'indexing failed');
      say(
        `indexed ${indexed.documentsInIndex} documents in ${(indexed.durationMs / 1000).toFixed(1)} s (${((indexed.documentsInIndex ?? 0) / (indexed.durationMs / 1000)).toFixed(0)} docs/s)`,
      );
    }
    return { meili, searchKey: await getOrCreateSearchKey(admin, BENCH_INDEX), dataDir, stop };
  } catch (error) {
    await stop(false);
    throw error;
  }
}

/** The q-quantile of ascending `sorted` (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The options every benchmark takes besides its own (see bench:search for their meaning). */
export const BENCH_BASE_OPTIONS = {
  port: { type: 'string' },
  corpus: { type: 'string' },
  'engine-dir': { type: 'string' },
  keep: { type: 'boolean', default: false },
  'no-build': { type: 'boolean', default: false },
} as const satisfies Record<string, ParseArgsOptionConfig>;

/** The command line of benchmark `name` (scripts/support/cli.ts); it takes no positional arguments. */
export function parseBenchArgs<const T extends Record<string, ParseArgsOptionConfig>>(
  name: string,
  usage: string,
  options: T,
  positiveIntegers: ReadonlyArray<keyof T & string>,
) {
  const { values, positionals } = parseCommandLine(name, usage, options, { positiveIntegers });
  if (positionals.length > 0) {
    process.stderr.write(`${name}: unexpected argument ${positionals[0]}\n${usage}\n`);
    process.exit(2);
  }
  return values;
}

/** The running parts of a benchmark: the engine with the corpus indexed, and `next start`. */
export interface BenchStack {
  engine: BenchEngine;
  next: ChildProcess;
  port: number;
  corpusDir: string;
}

/**
 * Starts and stops what every benchmark runs on, in order: a current build (with `route`), the
 * corpus, the engine with the corpus indexed, `next start` with the search-only key. `stop()`
 * undoes it all (what `--keep` keeps stays) and also runs on Ctrl-C; `beforeStop` lets a
 * benchmark stop its own children first.
 */
export function benchSession(options: {
  args: { keep: boolean; corpus?: string; 'engine-dir'?: string; port?: string; 'no-build': boolean };
  say: (m: string) => void;
  beforeStop?: () => void;
}) {
  const { args, say } = options;
  let engine: BenchEngine | undefined;
  let next: ChildProcess | undefined;
  let corpus: { dir: string; temporary: boolean } | undefined;
  const stop = async (): Promise<void> => {
    options.beforeStop?.();
    await stopChild(next);
    await engine?.stop(args.keep);
    if (!args.keep && corpus?.temporary) rmSync(corpus.dir, { recursive: true, force: true });
    if (args.keep) say(`kept: engine data ${engine?.dataDir}${corpus?.temporary ? `, corpus ${corpus.dir}` : ''}`);
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));
  return {
    async start(route: string, count: number): Promise<BenchStack> {
      await ensureBuild({ route, noBuild: args['no-build'], say });
      corpus = await ensureCorpus(count, args.corpus, say);
      engine = await startBenchEngine({ corpusDir: corpus.dir, engineDir: args['engine-dir'], say });
      const port = args.port ? Number(args.port) : await findFreePort();
      next = await startNext(port, { MEILI_URL: engine.meili.url, MEILI_SEARCH_KEY: engine.searchKey, MEILI_INDEX: BENCH_INDEX, PORT: String(port) });
      say(`next start on http://localhost:${port}`);
      return { engine, next, port, corpusDir: corpus.dir };
    },
    stop,
  };
}
