/**
 * npm run bench:search -- --count N [--rounds R] [--port P] [--corpus DIR] [--engine-dir DIR] [--keep] [--no-build]
 *
 * --corpus DIR keeps the synthetic reports there (and reuses them); --engine-dir DIR keeps the
 * engine's data there and, when its index already holds documents, skips indexing: for repeated
 * runs while tuning (it does not notice that index settings changed since).
 *
 * In one run, on N synthetic reports (npm run corpus:synth) indexed into a fresh embedded
 * Meilisearch:
 *   1. the same set of varied searches (text, filters, facets, sorts, pages), each sent R times
 *      straight to Meilisearch — the very request body lib/search/queries.ts sends — and to
 *      /api/search of `next start` (built first when the build is missing or older than the
 *      sources), alternating which goes first;
 *   2. median and p95 of both, their difference and ratio. Goals: /api/search median within 5 ms
 *      of the engine's, p95 under 50 ms;
 *   3. the search page's first-load JavaScript, gzipped: the <script> files the HTML of `/` loads
 *      (with and without results), read from .next/static. Goal: under 150 KB.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../lib/config/local-env';
import { DEFAULT_PARAMS, type SearchParams, toQueryString } from '../lib/search/params';
import { prepareSearch } from '../lib/search/request';
import { BENCH_BASE_OPTIONS, benchSession, BENCH_INDEX as INDEX, ms, parseBenchArgs, quantile } from './support/bench-harness';

const GOAL_MEDIAN_DIFF_MS = 5;
const GOAL_P95_MS = 50;
const GOAL_FIRST_LOAD_KB = 150;
const usage = 'usage: npm run bench:search -- --count N [--rounds R] [--port P] [--corpus DIR] [--engine-dir DIR] [--keep] [--no-build]';
const OPTIONS = {
  count: { type: 'string', default: '20000' },
  rounds: { type: 'string', default: '10' },
  ...BENCH_BASE_OPTIONS,
} as const;
// The engine and the app's own work are measured, not the search cache (lib/search/cache.ts):
// every request here repeats one of a few searches, which the cache would answer from memory.
process.env.NIANBAO_SEARCH_CACHE_SECONDS = '0';
const args = parseBenchArgs('bench:search', usage, OPTIONS, ['count', 'rounds']);
const count = Number(args.count);
const rounds = Number(args.rounds);

const say = (message: string) => process.stdout.write(`[bench:search] ${message}\n`);

// ── The searches ────────────────────────────────────────────────────────────────────────────

const TEXTS = [
  '依申请',
  '政府信息公开',
  '行政复议',
  '主动公开 政策解读',
  '农业',
  '人民政府办公室',
  '政府网站',
  '公安局',
  '卫生健康',
  '财政预算',
  '2023年',
  '信息公开 申请 答复',
  '街道办事处',
  '不予公开',
  '政务新媒体',
  '张家',
];

async function searchSet(engineUrl: string, key: string): Promise<SearchParams[]> {
  // Real places of this corpus: the biggest provinces and one city of the first.
  const response = await fetch(`${engineUrl}/indexes/${INDEX}/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
    body: JSON.stringify({ q: '', limit: 0, facets: ['province'] }),
  });
  const provinces = Object.keys(((await response.json()) as { facetDistribution: { province: Record<string, number> } }).facetDistribution.province);
  const cityResponse = await fetch(`${engineUrl}/indexes/${INDEX}/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
    body: JSON.stringify({ q: '', limit: 0, facets: ['city'], filter: `province = "${provinces[0]}"` }),
  });
  const city = Object.keys(((await cityResponse.json()) as { facetDistribution: { city: Record<string, number> } }).facetDistribution.city ?? {})[0] ?? null;
  const p = (change: Partial<SearchParams>): SearchParams => ({ ...DEFAULT_PARAMS, ...change });
  return [
    // Text alone.
    ...TEXTS.map((q) => p({ q })),
    // Filters and facets alone.
    p({}),
    p({ province: provinces[0] }),
    p({ province: provinces[0], city }),
    p({ province: provinces[1] ?? provinces[0], yearFrom: 2022, yearTo: 2022 }),
    p({ level: ['township'] }),
    p({ failed: true }),
    p({ applications: true, sort: 'applications-desc' }),
    p({ sort: 'proactive-desc', page: 3 }),
    p({ template: ['2021'], sort: 'year-asc', size: 50 }),
    // Text with filters, sorts and pages.
    p({ q: '依申请', province: provinces[0] }),
    p({ q: '行政复议', yearFrom: 2020, yearTo: 2023, level: ['county', 'county_department'] }),
    p({ q: '政府信息公开', sort: 'year-desc', page: 2 }),
    p({ q: '主动公开', applications: true, sort: 'applications-desc', size: 50 }),
    p({ q: '不予公开', failed: true }),
    p({ q: '公安局', province: provinces[2] ?? provinces[0], sort: 'proactive-desc' }),
  ];
}

interface Sample {
  label: string;
  engine: number;
  api: number;
}

async function timeEngine(engineUrl: string, key: string, params: SearchParams): Promise<number> {
  const body = JSON.stringify(prepareSearch(params).body);
  const start = performance.now();
  const response = await fetch(`${engineUrl}/indexes/${INDEX}/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
    body,
  });
  await response.json();
  if (!response.ok) throw new Error(`engine answered ${response.status} for ${toQueryString(params)}`);
  return performance.now() - start;
}

/** The handler's own time (Server-Timing), to tell Next.js and HTTP apart from the search itself. */
const handlerTimes: number[] = [];
const searchTimes: number[] = [];

async function timeApi(port: number, params: SearchParams): Promise<number> {
  const start = performance.now();
  const response = await fetch(`http://localhost:${port}/api/search${toQueryString(params)}`, { headers: { 'accept-encoding': 'identity' } });
  const body = await response.json();
  const elapsed = performance.now() - start;
  if (!response.ok) throw new Error(`/api/search answered ${response.status} for ${toQueryString(params)}: ${JSON.stringify(body)}`);
  const timing = response.headers.get('server-timing') ?? '';
  const handler = /handler;dur=([\d.]+)/.exec(timing);
  const search = /search;dur=([\d.]+)/.exec(timing);
  if (handler) handlerTimes.push(Number(handler[1]));
  if (search) searchTimes.push(Number(search[1]));
  return elapsed;
}

// ── First-load JavaScript ───────────────────────────────────────────────────────────────────

async function firstLoadJs(port: number, pathAndQuery: string): Promise<{ files: Array<{ file: string; gzip: number }>; total: number }> {
  const html = await (await fetch(`http://localhost:${port}${pathAndQuery}`)).text();
  const files = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*>/g)) {
    const tag = match[0];
    const src = /\bsrc="([^"]+\.js)(?:\?[^"]*)?"/.exec(tag)?.[1];
    // Polyfills load only in browsers without modules: not part of a modern first load.
    if (!src || /\bnomodule\b/i.test(tag) || !src.startsWith('/_next/')) continue;
    files.add(src);
  }
  const sizes = [...files].map((src) => {
    const file = path.join(projectRoot, '.next', src.slice('/_next/'.length));
    return { file: src, gzip: gzipSync(readFileSync(file), { level: 9 }).length };
  });
  return { files: sizes, total: sizes.reduce((sum, f) => sum + f.gzip, 0) };
}

// ── Main ────────────────────────────────────────────────────────────────────────────────────

const session = benchSession({ args, say });

try {
  const { engine, port } = await session.start('/api/search', count);
  const { meili, searchKey } = engine;

  const searches = await searchSet(meili.url, searchKey);
  // Warm both sides (connections, the traditional-script converter, the engine's caches).
  for (const params of searches) {
    await timeEngine(meili.url, searchKey, params);
    await timeApi(port, params);
  }
  handlerTimes.length = 0;
  searchTimes.length = 0;
  const samples: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [i, params] of searches.entries()) {
      const label = toQueryString(params) || '(all reports)';
      // Alternate the order so neither side always runs on a cache the other warmed.
      if ((round + i) % 2 === 0) {
        const engine = await timeEngine(meili.url, searchKey, params);
        samples.push({ label, engine, api: await timeApi(port, params) });
      } else {
        const api = await timeApi(port, params);
        samples.push({ label, engine: await timeEngine(meili.url, searchKey, params), api });
      }
    }
  }

  const engineTimes = samples.map((s) => s.engine).sort((a, b) => a - b);
  const apiTimes = samples.map((s) => s.api).sort((a, b) => a - b);
  const engineMedian = quantile(engineTimes, 0.5);
  const apiMedian = quantile(apiTimes, 0.5);
  const engineP95 = quantile(engineTimes, 0.95);
  const apiP95 = quantile(apiTimes, 0.95);

  const byLabel = new Map<string, Sample[]>();
  for (const s of samples) byLabel.set(s.label, [...(byLabel.get(s.label) ?? []), s]);
  const perQuery = [...byLabel.entries()].map(([label, list]) => ({
    label,
    engine: quantile(
      list.map((s) => s.engine).sort((a, b) => a - b),
      0.5,
    ),
    api: quantile(
      list.map((s) => s.api).sort((a, b) => a - b),
      0.5,
    ),
  }));

  // What any route costs here: HTTP to next start and back, no engine.
  const health: number[] = [];
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    await (await fetch(`http://localhost:${port}/api/health`, { headers: { 'accept-encoding': 'identity' } })).json();
    health.push(performance.now() - start);
  }
  const healthMedian = quantile(
    health.sort((a, b) => a - b),
    0.5,
  );

  const landing = await firstLoadJs(port, '/');
  const results = await firstLoadJs(port, `/${toQueryString({ q: '依申请' })}`);
  const js = results.total >= landing.total ? results : landing;

  const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  process.stdout.write(`
Search latency: ${count} reports, ${searches.length} searches × ${rounds} rounds = ${samples.length} samples per side
  slowest searches (median engine → api):
${perQuery
  .sort((a, b) => b.api - a.api)
  .slice(0, 6)
  .map((q) => `    ${ms(q.engine).padStart(9)} → ${ms(q.api).padStart(9)}  ${q.label}`)
  .join('\n')}

                      median        p95
  Meilisearch     ${ms(engineMedian).padStart(10)} ${ms(engineP95).padStart(10)}
  /api/search     ${ms(apiMedian).padStart(10)} ${ms(apiP95).padStart(10)}
  difference      ${ms(apiMedian - engineMedian).padStart(10)} ${ms(apiP95 - engineP95).padStart(10)}
  ratio           ${`${(apiMedian / engineMedian).toFixed(2)}×`.padStart(10)} ${`${(apiP95 / engineP95).toFixed(2)}×`.padStart(10)}

  inside /api/search (Server-Timing medians): search call ${ms(
    quantile(
      searchTimes.sort((a, b) => a - b),
      0.5,
    ),
  )}, whole handler ${ms(
    quantile(
      handlerTimes.sort((a, b) => a - b),
      0.5,
    ),
  )}
  (a route that does nothing, GET /api/health, takes ${ms(healthMedian)} here)

  goal: /api/search median within ${GOAL_MEDIAN_DIFF_MS} ms of the engine's: ${ms(apiMedian - engineMedian)}  ${pass(apiMedian - engineMedian <= GOAL_MEDIAN_DIFF_MS)}
  goal: /api/search p95 under ${GOAL_P95_MS} ms: ${ms(apiP95)}  ${pass(apiP95 < GOAL_P95_MS)}

First-load JavaScript of the search page (gzip -9 of the <script> files its HTML loads):
  /                ${(landing.total / 1024).toFixed(1)} KB in ${landing.files.length} files
  /?q=依申请        ${(results.total / 1024).toFixed(1)} KB in ${results.files.length} files
${js.files
  .sort((a, b) => b.gzip - a.gzip)
  .map((f) => `    ${`${(f.gzip / 1024).toFixed(1)} KB`.padStart(9)}  ${f.file}`)
  .join('\n')}
  goal: under ${GOAL_FIRST_LOAD_KB} KB: ${(js.total / 1024).toFixed(1)} KB  ${pass(js.total / 1024 < GOAL_FIRST_LOAD_KB)}
`);
} catch (error) {
  process.stderr.write(`[bench:search] ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await session.stop();
}
