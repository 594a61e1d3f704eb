import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { GET as bodiesRoute } from '../../app/api/bodies/route';
import { GET as compareExportRoute } from '../../app/api/compare/export/route';
import { GET as coverageExportRoute } from '../../app/api/coverage/export/route';
import { GET as coverageRoute } from '../../app/api/coverage/route';
import { GET as healthRoute } from '../../app/api/health/route';
import { GET as openApiRoute } from '../../app/api/openapi.json/route';
import { GET as openDataRoute } from '../../app/api/opendata/[file]/route';
import { GET as columnsRoute } from '../../app/api/opendata/columns/route';
import { GET as reportRoute } from '../../app/api/reports/[id]/route';
import { GET as searchExportRoute } from '../../app/api/search/export/route';
import { GET as statsRoute } from '../../app/api/stats/route';
import { RESPONSE_SCHEMAS } from '../../lib/openapi/document';
import { DEFAULT_PARAMS } from '../../lib/search/params';
import { searchReports } from '../../lib/search/queries';
import searchApi from '../../pages/api/search';
import { type ServedRoute, serveNodeRoute } from '../support/node-route';
import { type Answer, checkEveryPath, type OpenApiDoc } from '../support/openapi';
import { type SearchFixture, startSearchFixture } from '../support/search-index';
import { repoRoot } from '../support/temp';

/**
 * The OpenAPI document against the route handlers themselves, over a real Meilisearch with the
 * sample reports: it names every public route and no other, and every path answers as described
 * (status, media type, headers, body valid against the schema the document publishes).
 */

const BASE = 'http://localhost:3000';
let fixture: SearchFixture;
let searchRoute: ServedRoute;
before(async () => {
  searchRoute = await serveNodeRoute(searchApi);
  fixture = await startSearchFixture();
});
after(async () => {
  await searchRoute?.close();
  await fixture?.meili.stop();
});

type Handler = (request: Request, params: Record<string, string>) => Promise<Response> | Response;
const withParams =
  <P>(handler: (r: Request, c: { params: Promise<P> }) => Promise<Response>) =>
  (r: Request, p: Record<string, string>) =>
    handler(r, { params: Promise.resolve(p as P) });

/** Each public route by the path pattern it serves, as Next would dispatch it. */
const ROUTES: Array<[RegExp, Handler]> = [
  [/^\/api\/search$/, (r) => searchRoute.fetch(r)],
  [/^\/api\/reports\/(?<id>[^/]+)$/, withParams(reportRoute)],
  [/^\/api\/stats$/, (r) => statsRoute(r)],
  [/^\/api\/coverage$/, (r) => coverageRoute(r)],
  [/^\/api\/coverage\/export$/, (r) => coverageExportRoute(r)],
  [/^\/api\/bodies$/, (r) => bodiesRoute(r)],
  [/^\/api\/compare\/export$/, (r) => compareExportRoute(r)],
  [/^\/api\/search\/export$/, (r) => searchExportRoute(r)],
  [/^\/api\/opendata\/columns$/, () => columnsRoute()],
  [/^\/api\/opendata\/(?<file>[^/]+)$/, withParams(openDataRoute)],
  [/^\/api\/openapi\.json$/, (r) => openApiRoute(r)],
  [/^\/api\/health$/, () => healthRoute()],
];

async function call(pathAndQuery: string): Promise<Answer> {
  const request = new Request(`${BASE}${pathAndQuery}`);
  const { pathname } = new URL(request.url);
  for (const [pattern, handler] of ROUTES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    const response = await handler(request, params);
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }
  throw new Error(`no route for ${pathname}`);
}

async function documentOf(): Promise<OpenApiDoc> {
  const answer = await call('/api/openapi.json');
  assert.equal(answer.status, 200);
  return JSON.parse(answer.body.toString('utf8')) as OpenApiDoc;
}

/** The route files of app/api and pages/api as paths, the way the document writes them. */
function routePaths(): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}/${entry.name.replace(/^\[(\w+)\]$/, '{$1}')}`);
      else if (entry.name === 'route.ts') found.push(prefix);
    }
  };
  walk(path.join(repoRoot, 'app', 'api'), '/api');
  for (const file of readdirSync(path.join(repoRoot, 'pages', 'api'))) found.push(`/api/${file.replace(/\.ts$/, '')}`);
  return found.sort();
}

test('the document names every public route and leaves out the admin, sign-in and archive routes', async () => {
  const doc = await documentOf();
  const routes = routePaths();
  const isPrivate = (p: string) => /^\/api\/(admin|auth|archive)(\/|$)/.test(p);
  assert.ok(routes.some(isPrivate), 'there are private routes to leave out');
  const documented = Object.keys(doc.paths)
    .map((p) => (p.startsWith('/api/opendata/reports.') ? '/api/opendata/{file}' : p))
    .filter((p, i, all) => all.indexOf(p) === i)
    .sort();
  assert.deepEqual(
    documented,
    routes.filter((p) => !isPrivate(p)),
  );
  assert.ok(Object.keys(doc.paths).every((p) => !isPrivate(p)));
  assert.match((doc as unknown as { info: { description: string } }).info.description, /管理接口.*不是公共接口/);
});

test('every path answers as the document describes: its example, a bad query, a missing report, a stale generation', async () => {
  const doc = await documentOf();
  const { hits } = await searchReports({ ...DEFAULT_PARAMS, size: 50 });
  const bodies = [...new Set(hits.map((h) => h.bodyKey).filter((k): k is string => Boolean(k)))];
  const findings = await checkEveryPath(doc, call, { reportId: hits[0].id, bodies: [bodies[0], bodies[1]] });
  const problems = findings.filter((f) => f.problems.length > 0);
  assert.deepEqual(problems, []);
  assert.ok(findings.length >= Object.keys(doc.paths).length * 2, `${findings.length} requests`);
  assert.ok(findings.some((f) => f.status === 410) && findings.some((f) => f.status === 404));
});

test('the zod schemas the document is made from accept the real answers too', async () => {
  const { hits } = await searchReports({ ...DEFAULT_PARAMS, size: 10 });
  const cases: Array<[keyof typeof RESPONSE_SCHEMAS, string]> = [
    ['SearchResponse', '/api/search?q=依申请&size=10'],
    ['Report', `/api/reports/${hits[0].id}`],
    ['Stats', '/api/stats'],
    ['Coverage', '/api/coverage?province=山东省'],
    ['Bodies', '/api/bodies?q=政府'],
    ['Columns', '/api/opendata/columns'],
    ['Error', '/api/stats?level=mayor'],
  ];
  for (const id of hits.map((h) => h.id)) cases.push(['Report', `/api/reports/${id}`]);
  for (const [name, request] of cases) {
    const answer = await call(request);
    const parsed = RESPONSE_SCHEMAS[name].safeParse(JSON.parse(answer.body.toString('utf8')));
    assert.ok(parsed.success, `${request}: ${parsed.success ? '' : parsed.error.message.slice(0, 500)}`);
  }
});
