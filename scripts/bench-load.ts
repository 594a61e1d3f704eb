/**
 * npm run bench:load -- [--count N] [--duration S] [--connections C] [--port P] [--corpus DIR] [--engine-dir DIR] [--keep] [--no-build] [--no-reindex]
 *
 * Load on a production build (`next start`, built first when missing or stale) backed by an
 * embedded Meilisearch holding N synthetic reports (default 20,000), with autocannon:
 *   1. /api/search: C concurrent connections (default 50) for S seconds (default 30), each request
 *      one of a few hundred varied searches (text, places, years, levels, templates, flags, sorts,
 *      pages) picked at random, so searches repeat as they do on a portal: the app's search cache
 *      (lib/search/cache.ts) answers most of them;
 *   2. the search page `/` with the same searches;
 *   1b. /api/search with every request a search not asked before: what the engine and the app
 *      manage when the cache cannot help;
 *   3. /api/search while `npm run index` runs a full reindex of the same corpus (a child process),
 *      from its start to its swap, every other request a repeated search (as 1) and every other
 *      one a new search (as 1b, so the engine is searched throughout): not one search may fail.
 * Runs 1, 2 and 1b start with 5 s of load that is not timed (start-up of a fresh server, see
 * `load`). Prints requests/s, latency p50/p95/p99, errors (connection errors and timeouts, by
 * kind) and non-2xx answers for each, and before each run a CPU check: the same fixed work timed,
 * so a run can be read against the machine's speed of that moment (it varies on a shared VM). Goals: zero errors, /api/search p99 under 200 ms, zero failed searches during
 * the reindex. --corpus/--engine-dir keep the corpus and the index for repeated runs (bench:search).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { config } from '../lib/config';
import { projectRoot } from '../lib/config/local-env';
import { LEVELS } from '../lib/report/schema';
import { DEFAULT_PARAMS, type SearchParams, toQueryString } from '../lib/search/params';
import { BENCH_BASE_OPTIONS, benchSession, BENCH_INDEX as INDEX, ms, parseBenchArgs, quantile } from './support/bench-harness';

const GOAL_API_P99_MS = 200;
const usage =
  'usage: npm run bench:load -- [--count N] [--duration S] [--connections C] [--port P] [--corpus DIR] [--engine-dir DIR] [--keep] [--no-build] [--no-reindex]';
const OPTIONS = {
  count: { type: 'string', default: '20000' },
  duration: { type: 'string', default: '30' },
  connections: { type: 'string', default: '50' },
  'no-reindex': { type: 'boolean', default: false },
  ...BENCH_BASE_OPTIONS,
} as const;
const args = parseBenchArgs('bench:load', usage, OPTIONS, ['count', 'duration', 'connections']);
const count = Number(args.count);
const duration = Number(args.duration);
const connections = Number(args.connections);

const say = (message: string) => process.stdout.write(`[bench:load] ${message}\n`);

interface LoadFigures {
  label: string;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** What the errors were (error code or message: ECONNRESET, timeout, …). */
  errorKinds: Map<string, number>;
  non2xx: number;
  statuses: Map<number, number>;
}

/** A random one of `paths` for every request: a list would be walked from its start by each
 * connection, and a short run would only ever reach its first few entries. */
const anyOf = (paths: readonly string[]) => () => paths[Math.floor(Math.random() * paths.length)]!;

/** Each of `paths` once, in order (then again from the start). */
function eachOf(paths: readonly string[]): () => string {
  let i = 0;
  return () => paths[i++ % paths.length]!;
}

/** A request without an answer after this long is an error (autocannon's timeout). */
const TIMEOUT_SECONDS = 10;

/** Seconds of load before a timed run whose answers are not counted (see `load`). */
const WARMUP_SECONDS = 5;

/**
 * C connections asking `nextPath()` for `seconds`, or until `until` resolves (then stopped).
 * With `warmup`, the first WARMUP_SECONDS of load are not counted: when 50 connections open at
 * once on a server already at full load, the first requests of some of them wait 1–3 s (a plain
 * node:http server spending 1.5 ms per request does the same here: it is Node under saturation,
 * not Next or this app), and a fresh `next start` also loads and compiles code under that load.
 * That is the start of a benchmark, not the service. Errors and non-2xx answers are counted all
 * the same, warm-up included.
 */
function load(label: string, base: string, nextPath: () => string, seconds: number, until?: Promise<unknown>, { warmup = false } = {}): Promise<LoadFigures> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const errorKinds = new Map<string, number>();
  const skip = warmup ? WARMUP_SECONDS : 0;
  let counted = 0;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: until ? 3600 : seconds + skip,
        timeout: TIMEOUT_SECONDS,
        headers: { 'accept-encoding': 'identity' },
        requests: [{ method: 'GET', setupRequest: (request: object) => ({ ...request, path: nextPath() }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = latencies.sort((a, b) => a - b);
        const measured = result.duration - skip;
        resolve({
          label,
          seconds: measured,
          requests: counted,
          perSecond: counted / measured,
          p50: quantile(sorted, 0.5),
          p95: quantile(sorted, 0.95),
          p99: quantile(sorted, 0.99),
          max: sorted[sorted.length - 1] ?? NaN,
          // autocannon counts a timeout among its errors too.
          errors: result.errors,
          errorKinds,
          non2xx: result.non2xx,
          statuses,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseMs) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      // Counted when the request was sent after the warm-up.
      if (performance.now() - responseMs - started < skip * 1000) return;
      latencies.push(responseMs);
      counted++;
    });
    instance.on('reqError', (error) => {
      // A timeout is reported TIMEOUT_SECONDS after its request was sent; counted by when it was sent.
      const sentAt = performance.now() - started - (error.message === 'request timed out' ? TIMEOUT_SECONDS * 1000 : 0);
      const kind = `${error.code ?? error.message.slice(0, 40)}${sentAt < skip * 1000 ? ' (sent in the warm-up)' : ''}`;
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    });
    void until?.then(() => instance.stop());
  });
}

/**
 * The same fixed piece of JavaScript work (JSON and a sort, ~100 ms), timed in this process while
 * the server is idle: how fast the machine is at that moment. On a shared virtual machine it
 * varies, and every figure of a run moves with it (median of three).
 */
function cpuCheckMs(): number {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let seed = 1;
    const rows = Array.from({ length: 50_000 }, (_, i) => {
      seed = (seed * 48_271) % 2_147_483_647;
      return { id: i, name: `报告${i}`, value: seed };
    });
    const copy = JSON.parse(JSON.stringify(rows)) as typeof rows;
    copy.sort((a, b) => a.value - b.value);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1]!;
}

// ── Varied searches ─────────────────────────────────────────────────────────────────────────

const TEXTS = [
  '',
  '',
  '',
  '依申请',
  '政府信息公开',
  '行政复议',
  '主动公开 政策解读',
  '人民政府办公室',
  '公安局',
  '卫生健康',
  '不予公开',
  '街道办事处',
  '政务新媒体',
  '信息公开 申请 答复',
];

async function provincesOf(url: string, key: string): Promise<string[]> {
  const response = await fetch(`${url}/indexes/${INDEX}/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
    body: JSON.stringify({ q: '', limit: 0, facets: ['province'] }),
  });
  const body = (await response.json()) as { facetDistribution?: { province?: Record<string, number> } };
  return Object.keys(body.facetDistribution?.province ?? {});
}

/**
 * `n` different searches as canonical paths (no redirects), from a fixed seed. `firstPage`: page 1
 * only, so that every one answers 200 without being tried first (a page past the last is a 400).
 */
function searchPaths(prefix: string, provinces: readonly string[], n = 300, { seed = 20_000, firstPage = false } = {}): string[] {
  // mulberry32: a full-period generator (the float LCG used before fell into short cycles).
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out = new Set<string>();
  for (let tries = 0; out.size < n && tries < n * 100; tries++) {
    const params: SearchParams = { ...DEFAULT_PARAMS, level: [], template: [], q: pick(TEXTS) };
    if (random() < 0.4 && provinces.length) params.province = pick(provinces);
    if (random() < 0.3) {
      const from = 2015 + Math.floor(random() * 10);
      params.yearFrom = from;
      params.yearTo = Math.min(2025, from + Math.floor(random() * 4));
    }
    if (random() < 0.25) params.level = [pick(LEVELS)];
    if (random() < 0.1) params.template = [pick(['2021', '2019'] as const)];
    if (random() < 0.1) params.failed = true;
    if (random() < 0.1) params.applications = true;
    if (random() < 0.3) params.sort = pick(['year-desc', 'year-asc', 'applications-desc', 'proactive-desc'] as const);
    if (!firstPage && random() < 0.2) params.page = 2 + Math.floor(random() * 3);
    if (random() < 0.1) params.size = 50;
    out.add(`${prefix}${toQueryString(params)}`);
  }
  return [...out];
}

// ── Main ────────────────────────────────────────────────────────────────────────────────────

function figuresLine(f: LoadFigures): string {
  const other = [...f.statuses]
    .filter(([s]) => s < 200 || s >= 300)
    .map(([s, n]) => `${n} × ${s}`)
    .join(', ');
  const kinds = [...f.errorKinds].map(([k, n]) => `${n} × ${k}`).join(', ');
  return `  ${f.label.padEnd(28)} ${f.perSecond.toFixed(0).padStart(6)} req/s  ${ms(f.p50).padStart(9)} ${ms(f.p95).padStart(9)} ${ms(f.p99).padStart(9)} ${ms(f.max).padStart(10)}  errors ${f.errors}${kinds ? ` (${kinds})` : ''}  non-2xx ${f.non2xx}${other ? ` (${other})` : ''}  (${f.requests} requests in ${f.seconds.toFixed(0)} s)`;
}

let indexer: ChildProcess | undefined;
const session = benchSession({
  args,
  say,
  beforeStop: () => {
    if (indexer && indexer.exitCode === null) indexer.kill('SIGINT');
  },
});

try {
  const { engine, port, corpusDir } = await session.start('/api/search', count);
  const base = `http://localhost:${port}`;
  say(`next start on ${base}; ${connections} connections × ${duration} s per run`);

  const provinces = await provincesOf(engine.meili.url, engine.searchKey);
  // Warm up: every path once. A page beyond the last one of a narrow search is a 400 by design:
  // such searches leave the set, so that any non-2xx under load is a real failure.
  const answering = async (paths: string[]) => {
    const kept: string[] = [];
    for (const p of paths) {
      const response = await fetch(`${base}${p}`);
      await response.arrayBuffer();
      if (response.ok) kept.push(p);
    }
    return kept;
  };
  const apiPaths = await answering(searchPaths('/api/search', provinces));
  const pagePaths = await answering(searchPaths('/', provinces));
  say(`${apiPaths.length} API searches and ${pagePaths.length} pages answer 200 on this index (of 300 each)`);

  const results: LoadFigures[] = [];
  const cpuChecks: number[] = [];
  const record = (figures: LoadFigures) => {
    results.push(figures);
    process.stdout.write(`${figuresLine(figures)}\n`);
  };
  const checkCpu = () => {
    cpuChecks.push(cpuCheckMs());
    say(`CPU check (the same work each time; lower is faster): ${cpuChecks.at(-1)!.toFixed(0)} ms`);
  };
  checkCpu();
  say(`run 1: /api/search (the app's search cache on, warmed by the check above: ${config().searchCacheMs / 1000} s fresh)`);
  record(await load('/api/search', base, anyOf(apiPaths), duration, undefined, { warmup: true }));
  checkCpu();
  say('run 2: the search page /');
  record(await load('/ (search page)', base, anyOf(pagePaths), duration, undefined, { warmup: true }));
  // What the cache cannot help: every request a search nobody asked before (page 1 of a new
  // combination of words, place, years, level, template, flags, sort and size).
  const coldPaths = searchPaths('/api/search', provinces, 30_000, { seed: 7_919, firstPage: true }).filter((p) => !apiPaths.includes(p));
  checkCpu();
  say(`run 1b: /api/search, each of ${coldPaths.length} searches at most once (the cache never answers)`);
  record(await load('/api/search, every search new', base, eachOf(coldPaths), duration, undefined, { warmup: true }));

  let reindex: { code: number | null; seconds: number } | null = null;
  if (!args['no-reindex']) {
    checkCpu();
    say('run 3: /api/search during a full reindex (npm run index, until its swap)');
    const started = Date.now();
    indexer = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts', 'index.ts'), corpusDir, '--progress=silent'], {
      cwd: projectRoot,
      env: { ...process.env, MEILI_URL: engine.meili.url, MEILI_MASTER_KEY: engine.meili.masterKey, MEILI_INDEX: INDEX },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let summary = '';
    indexer.stdout!.on('data', (chunk: Buffer) => (summary += chunk.toString()));
    const done = new Promise<number | null>((resolve) =>
      indexer!.once('close', (code) => {
        // Its run report went to data/runs/, which the admin pages list: a benchmark run is not one of them.
        const report = /^run report: (.+)$/m.exec(summary)?.[1];
        if (report) rmSync(report, { force: true });
        resolve(code);
      }),
    );
    // Half the requests repeat a search (mostly the cache answers), half are searches not asked
    // before, so that the engine itself is searched all through the reindex and its swap.
    const repeated = anyOf(apiPaths);
    const fresh = eachOf(coldPaths.slice(coldPaths.length / 2));
    let turn = 0;
    record(await load('/api/search during reindex', base, () => (turn++ % 2 === 0 ? repeated() : fresh()), duration, done));
    reindex = { code: await done, seconds: (Date.now() - started) / 1000 };
  }

  const api = results[0]!;
  const during = results[3];
  const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  process.stdout.write(`
Load: ${count} reports, ${connections} connections, ${apiPaths.length} varied searches per target
  ${'target'.padEnd(28)} ${'rate'.padStart(12)}  ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(10)}
${results.map(figuresLine).join('\n')}
${reindex ? `  the reindex ran ${reindex.seconds.toFixed(0)} s and exited with code ${reindex.code}\n` : ''}  CPU check before each run (the same work; lower is faster): ${cpuChecks.map((t) => `${t.toFixed(0)} ms`).join(', ')}

  goal: zero errors and non-2xx on every run: ${pass(results.every((r) => r.errors === 0 && r.non2xx === 0))}
  goal: /api/search p99 under ${GOAL_API_P99_MS} ms: ${ms(api.p99)}  ${pass(api.p99 < GOAL_API_P99_MS)}
${during ? `  goal: zero failed searches during the full reindex: ${during.errors + during.non2xx}  ${pass(during.errors + during.non2xx === 0 && reindex?.code === 0)}\n` : ''}`);
} catch (error) {
  process.stderr.write(`[bench:load] ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await session.stop();
}
