/**
 * npm run bench:stats -- --count N [--rounds R] [--port P] [--corpus DIR] [--engine-dir DIR] [--keep] [--no-build]
 *
 * On N synthetic reports (npm run corpus:synth) indexed into an embedded Meilisearch through the
 * real pipeline (so with the rollup fields of lib/document/rollup.ts), times GET /api/stats of
 * `next start` for a set of filter combinations (nationally, a province, a city, a county, years,
 * levels, templates, failed checks, text queries), each R times, and the very same engine request
 * (the multi-search of lib/stats/request.ts) sent straight to Meilisearch. Prints median and p95 of
 * both and per combination. Goal: /api/stats p95 under 300 ms at 100,000 reports.
 * --corpus/--engine-dir keep the corpus and the index for repeated runs (see bench:search).
 */
import { DEFAULT_PARAMS, type SearchParams, toQueryString } from '../lib/search/params';
import { prepareStats } from '../lib/stats/request';
import { BENCH_BASE_OPTIONS, benchSession, BENCH_INDEX as INDEX, ms, parseBenchArgs, quantile } from './support/bench-harness';

const GOAL_P95_MS = 300;
const usage = 'usage: npm run bench:stats -- --count N [--rounds R] [--port P] [--corpus DIR] [--engine-dir DIR] [--keep] [--no-build]';
const OPTIONS = {
  count: { type: 'string', default: '100000' },
  rounds: { type: 'string', default: '10' },
  ...BENCH_BASE_OPTIONS,
} as const;
// The engine and the app's own work are measured, not the search cache (lib/search/cache.ts):
// every request here repeats one of a few searches, which the cache would answer from memory.
process.env.NIANBAO_SEARCH_CACHE_SECONDS = '0';
const args = parseBenchArgs('bench:stats', usage, OPTIONS, ['count', 'rounds']);
const count = Number(args.count);
const rounds = Number(args.rounds);

const say = (message: string) => process.stdout.write(`[bench:stats] ${message}\n`);

async function engineFacet(url: string, key: string, facet: string, filter?: string): Promise<string[]> {
  const response = await fetch(`${url}/indexes/${INDEX}/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
    body: JSON.stringify({ q: '', limit: 0, facets: [facet], filter }),
  });
  const body = (await response.json()) as { facetDistribution?: Record<string, Record<string, number>> };
  return Object.entries(body.facetDistribution?.[facet] ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([value]) => value);
}

/** Filter combinations over real places of the corpus: the biggest province, its biggest city and county. */
async function combinations(url: string, key: string): Promise<SearchParams[]> {
  const [province, second] = await engineFacet(url, key, 'province');
  const [city] = await engineFacet(url, key, 'city', `province = "${province}"`);
  const [county] = await engineFacet(url, key, 'county', city ? `city = "${city}"` : `province = "${province}"`);
  const p = (change: Partial<SearchParams>): SearchParams => ({ ...DEFAULT_PARAMS, ...change });
  return [
    p({}),
    p({ yearFrom: 2022, yearTo: 2022 }),
    p({ yearFrom: 2019, yearTo: 2023 }),
    p({ province }),
    p({ province: second ?? province, yearFrom: 2021, yearTo: 2023 }),
    p({ province, city }),
    p({ province, city, county }),
    p({ level: ['township'] }),
    p({ level: ['county', 'county_department'], template: ['2021'] }),
    p({ failed: true }),
    p({ applications: true, province }),
    p({ q: '依申请' }),
    p({ q: '行政复议', province }),
    p({ q: '政府信息公开', yearFrom: 2020, yearTo: 2023 }),
    p({ q: '公安局', level: ['county_department'] }),
  ];
}

async function timeEngine(url: string, key: string, params: SearchParams): Promise<number> {
  const { bodies } = prepareStats(params);
  const start = performance.now();
  const response = await fetch(`${url}/multi-search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
    body: JSON.stringify({ queries: bodies.map((b) => ({ ...b, indexUid: INDEX })) }),
  });
  await response.json();
  if (!response.ok) throw new Error(`engine answered ${response.status} for ${toQueryString(params)}`);
  return performance.now() - start;
}

async function timeApi(port: number, params: SearchParams): Promise<{ ms: number; reports: number }> {
  const start = performance.now();
  const response = await fetch(`http://localhost:${port}/api/stats${toQueryString(params)}`, { headers: { 'accept-encoding': 'identity' } });
  const body = (await response.json()) as { reports?: number; error?: string };
  const elapsed = performance.now() - start;
  if (!response.ok) throw new Error(`/api/stats answered ${response.status} for ${toQueryString(params)}: ${body.error}`);
  return { ms: elapsed, reports: body.reports ?? 0 };
}

const session = benchSession({ args, say });

try {
  const { engine, port } = await session.start('/api/stats', count);
  const { meili, searchKey } = engine;

  const sets = await combinations(meili.url, searchKey);
  for (const params of sets) {
    await timeEngine(meili.url, searchKey, params);
    await timeApi(port, params);
  }
  const rows = sets.map((params) => ({ label: toQueryString(params) || '(all reports)', engine: [] as number[], api: [] as number[], reports: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, params] of sets.entries()) {
      const row = rows[i];
      const engineFirst = (round + i) % 2 === 0;
      if (engineFirst) row.engine.push(await timeEngine(meili.url, searchKey, params));
      const api = await timeApi(port, params);
      row.api.push(api.ms);
      row.reports = api.reports;
      if (!engineFirst) row.engine.push(await timeEngine(meili.url, searchKey, params));
    }
  }
  const all = (pick: (r: (typeof rows)[number]) => number[]) => rows.flatMap(pick).sort((a, b) => a - b);
  const engineAll = all((r) => r.engine);
  const apiAll = all((r) => r.api);
  const median = (list: number[]) =>
    quantile(
      [...list].sort((a, b) => a - b),
      0.5,
    );
  const p95 = quantile(apiAll, 0.95);
  process.stdout.write(`
Stats latency: ${count} reports, ${sets.length} filter combinations × ${rounds} rounds = ${apiAll.length} samples
  per combination (median engine → /api/stats, reports summed):
${rows.map((r) => `    ${ms(median(r.engine)).padStart(9)} → ${ms(median(r.api)).padStart(9)}  ${String(r.reports).padStart(7)}  ${r.label}`).join('\n')}

                      median        p95
  Meilisearch     ${ms(quantile(engineAll, 0.5)).padStart(10)} ${ms(quantile(engineAll, 0.95)).padStart(10)}
  /api/stats      ${ms(quantile(apiAll, 0.5)).padStart(10)} ${ms(p95).padStart(10)}

  goal: /api/stats p95 under ${GOAL_P95_MS} ms: ${ms(p95)}  ${p95 < GOAL_P95_MS ? 'PASS' : 'FAIL'}
`);
} catch (error) {
  process.stderr.write(`[bench:stats] ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await session.stop();
}
