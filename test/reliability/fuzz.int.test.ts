import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { GET as getReportRoute } from '../../app/api/reports/[id]/route';
import { GET as exportRoute } from '../../app/api/search/export/route';
import { parseSearchParams } from '../../lib/search/params';
import { prepareSearch } from '../../lib/search/request';
import { prepareStats } from '../../lib/stats/request';
import searchApi from '../../pages/api/search';
import { type ServedRoute, serveNodeRoute } from '../support/node-route';
import { type SearchFixture, startSearchFixture } from '../support/search-index';
import { repoRoot } from '../support/temp';
import { fuzzQueries, HOSTILE_VALUES } from './fuzz-cases';

/**
 * Issue 7, bad queries: about 1,500 generated query strings against every endpoint that takes the
 * search parameters, through the route handlers themselves, backed by a real Meilisearch. Zero
 * 5xx; every rejection a 400 whose `error` is a plain Chinese sentence without engine internals;
 * every filter that reaches the engine built from quoted values only.
 */

type Handler = (request: Request) => Promise<Response>;

interface Endpoint {
  path: string;
  load: () => Promise<Handler | null>;
}

/**
 * /api/stats takes the same parameters (lib/search/params.ts). It comes from another branch: until
 * it is merged here the endpoint is skipped, and the test says so.
 */
const ENDPOINTS: Endpoint[] = [
  { path: '/api/search', load: async () => (request) => searchRoute.fetch(request) },
  { path: '/api/search/export', load: async () => exportRoute },
  {
    path: '/api/stats',
    load: async () => {
      const file = path.join(repoRoot, 'app', 'api', 'stats', 'route.ts');
      if (!existsSync(file)) return null;
      return ((await import(file)) as { GET: Handler }).GET;
    },
  },
];

const QUERIES = fuzzQueries();
const ENGINE_WORDS = /meili|node_modules|TypeError|RangeError|SyntaxError|invalid_search|\n\s+at |ECONN|stack/i;
const HAN = /\p{Script=Han}/u;

let fixture: SearchFixture;
let searchRoute: ServedRoute;
before(async () => {
  fixture = await startSearchFixture();
  searchRoute = await serveNodeRoute(searchApi);
});
after(async () => {
  await searchRoute?.close();
  await fixture?.meili.stop();
});

async function check(endpoint: string, handler: Handler, query: string, statuses: Map<number, number>): Promise<string | null> {
  let response: Response;
  try {
    response = await handler(new Request(`http://localhost${endpoint}${query}`));
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  const label = `${response.status}`;
  if (response.status >= 500) return `${label}: ${(await response.text()).slice(0, 200)}`;
  if (response.status === 400) {
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    if (typeof body?.error !== 'string') return `${label} without a JSON error string`;
    if (!HAN.test(body.error) || ENGINE_WORDS.test(body.error) || body.error.length > 300)
      return `${label} with an unplain message: ${body.error.slice(0, 200)}`;
    return null;
  }
  if (response.status !== 200) return `unexpected ${label}`;
  // The whole body: an export stream that breaks half-way is an error too.
  try {
    const text = await response.text();
    if ((response.headers.get('content-type') ?? '').includes('json')) JSON.parse(text);
  } catch (error) {
    return `200 with a broken body: ${(error as Error).message}`;
  }
  return null;
}

for (const endpoint of ENDPOINTS) {
  test(`fuzz ${endpoint.path}: ${QUERIES.length} query strings, zero 5xx, every rejection a plain 400`, async (t) => {
    const handler = await endpoint.load();
    if (!handler) {
      t.skip(`${endpoint.path} does not exist on this branch yet (app/api/stats/route.ts)`);
      return;
    }
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (const query of QUERIES) {
      const problem = await check(endpoint.path, handler, query, statuses);
      if (problem) problems.push(`${query.slice(0, 120)} → ${problem}`);
    }
    t.diagnostic(`${endpoint.path}: ${[...statuses].map(([status, n]) => `${n} × ${status}`).join(', ')}`);
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problem(s)`);
    assert.ok(statuses.has(200) && statuses.has(400), 'the cases include accepted and rejected searches');
  });
}

/** One filter clause as the engine may receive it: a known field, an operator, a quoted value or a checked number. */
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const CLAUSE = new RegExp(
  [
    `^(?:province|city|county|township) = ${QUOTED}$`,
    `^(?:level|template) IN \\[${QUOTED}(?:, ${QUOTED})*\\]$`,
    '^year (?:>=|<=) \\d{4}$',
    '^(?:hasFailedChecks|hasApplications|changedAfterPublication) = true$',
  ].join('|'),
  'u',
);

test('every filter (search, export, stats) built from the fuzzed parameters is made of known clauses with quoted values', () => {
  let accepted = 0;
  for (const query of QUERIES) {
    const parsed = parseSearchParams(new URL(`http://localhost/${query}`).searchParams);
    if (!parsed.ok) continue;
    accepted++;
    const filters = [prepareSearch(parsed.params).body.filter, ...prepareStats(parsed.params).bodies.map((b) => b.filter)] as string[][];
    for (const clause of filters.flat()) assert.match(clause, CLAUSE, `${query.slice(0, 120)}: ${clause}`);
  }
  assert.ok(accepted > 100, `${accepted} accepted searches`);
});

test('hostile values in the text query never reach a filter, and reach the engine as one string', () => {
  for (const value of HOSTILE_VALUES) {
    const parsed = parseSearchParams(new URLSearchParams({ q: value }));
    if (!parsed.ok) continue;
    const body = prepareSearch(parsed.params).body;
    assert.deepEqual(body.filter, [], value.slice(0, 40));
    assert.equal(typeof body.q, 'string');
  }
});

test('fuzz /api/reports/[id]: hostile ids answer 400 or 404, never 5xx', async () => {
  const ids = [...HOSTILE_VALUES, '', ' ', 'a'.repeat(512), 'a'.repeat(511), '0123456789abcdef01234567', 'id" OR id != "', '..', '%2e%2e'];
  for (const id of ids) {
    const response = await getReportRoute(new Request(`http://localhost/api/reports/${encodeURIComponent(id)}`), { params: Promise.resolve({ id }) });
    assert.ok(response.status === 400 || response.status === 404, `${JSON.stringify(id.slice(0, 40))}: ${response.status}`);
    const body = (await response.json()) as { error: string };
    assert.ok(HAN.test(body.error) && !ENGINE_WORDS.test(body.error), body.error);
  }
});
