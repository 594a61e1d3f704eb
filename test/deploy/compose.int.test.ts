import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const composeFile = fileURLToPath(new URL('../../docker-compose.yml', import.meta.url));
const meilisearchImage = 'getmeili/meilisearch:v1.21';

// Debian's docker-compose (1.29, Python) validates and renders the file without a Docker engine.
const dockerComposeMissing = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).error
  ? 'docker-compose is not installed (`apt-get install docker-compose`; .ci/run installs it)'
  : false;

/** Values the tests pass in; AUTH_SECRET is required too, so it is there unless a test removes it. */
const secrets = { MEILI_MASTER_KEY: 'test-master-key', AUTH_SECRET: 'test-auth-secret' };

function dockerCompose(args: string[], env: Record<string, string | undefined>) {
  const { MEILI_MASTER_KEY: _key, AUTH_SECRET: _secret, REPORTS_DIR: _reports, MEILI_INDEX: _index, APP_PORT: _port, ...baseEnv } = process.env;
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...baseEnv, ...env })) if (value !== undefined) merged[name] = value;
  return spawnSync('docker-compose', ['-f', composeFile, ...args], { encoding: 'utf8', env: merged as NodeJS.ProcessEnv });
}

interface ComposeService {
  image?: string;
  build?: { context: string; target?: string };
  environment?: Record<string, string>;
  volumes?: Array<string | { type: string; source: string; target: string; read_only?: boolean }>;
  ports?: Array<string | { published: number | string; target: number }>;
  expose?: string[];
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }> | string[];
  profiles?: string[];
  restart?: string;
  entrypoint?: string[] | string;
  command?: string[] | string;
}

/** The file as docker-compose renders it, read back as JSON by the YAML module docker-compose runs on. */
function renderedConfig(env: Record<string, string | undefined> = secrets): { services: Record<string, ComposeService>; volumes: Record<string, unknown> } {
  const rendered = dockerCompose(['config'], env);
  assert.equal(rendered.status, 0, rendered.stderr);
  const python =
    readFileSync('/usr/bin/docker-compose', 'utf8')
      .split('\n')[0]
      .replace(/^#!\s*/, '')
      .split(/\s+/)[0] || 'python3';
  const json = spawnSync(python, ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'], {
    input: rendered.stdout,
    encoding: 'utf8',
  });
  assert.equal(json.status, 0, json.stderr);
  return JSON.parse(json.stdout);
}

test('compose file pins the Meilisearch image', () => {
  const text = readFileSync(composeFile, 'utf8');
  const images = [...text.matchAll(/^\s*image:\s*(\S+)\s*$/gm)].map((match) => match[1]);
  assert.ok(images.includes(meilisearchImage), `expected ${meilisearchImage} among ${images.join(', ')}`);
});

test('docker-compose accepts the file', { skip: dockerComposeMissing }, () => {
  const quiet = dockerCompose(['config', '-q'], secrets);
  assert.equal(quiet.status, 0, quiet.stderr);

  const rendered = dockerCompose(['config'], secrets);
  assert.equal(rendered.status, 0, rendered.stderr);
  assert.match(rendered.stdout, new RegExp(`image: ${meilisearchImage.replace(/[.]/g, '\\.')}\\s`));
  assert.match(rendered.stdout, /MEILI_MASTER_KEY: test-master-key/);
  assert.match(rendered.stdout, /MEILI_ENV: production/);
});

test('docker-compose refuses to run without MEILI_MASTER_KEY', { skip: dockerComposeMissing }, () => {
  const result = dockerCompose(['config', '-q'], { AUTH_SECRET: secrets.AUTH_SECRET });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /set MEILI_MASTER_KEY/);
});

test('docker-compose refuses to run without AUTH_SECRET', { skip: dockerComposeMissing }, () => {
  const result = dockerCompose(['config', '-q'], { MEILI_MASTER_KEY: secrets.MEILI_MASTER_KEY });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /set AUTH_SECRET/);
});

test('secrets come from the environment, never written in the file', () => {
  const text = readFileSync(composeFile, 'utf8');
  const assignments = [...text.matchAll(/^\s*(?:-\s*)?([A-Z_]*(?:KEY|SECRET|TOKEN|PASSWORD)[A-Z_]*)\s*[:=]\s*(.*)$/gm)];
  assert.ok(assignments.length >= 3, 'the master key and AUTH_SECRET are set for the services');
  for (const [line, name, value] of assignments) {
    assert.match(value.trim(), new RegExp(`^\\$\\{${name}:\\?`), `${line.trim()} must read \${${name}:?…} from the environment`);
  }
});

test('meilisearch: production mode, bounded indexing memory, a data volume, a health check, no host port', { skip: dockerComposeMissing }, () => {
  const { services, volumes } = renderedConfig();
  const meili = services.meilisearch;
  assert.equal(meili.image, meilisearchImage);
  assert.equal(meili.environment?.MEILI_ENV, 'production');
  assert.equal(meili.environment?.MEILI_MASTER_KEY, secrets.MEILI_MASTER_KEY);
  assert.equal(meili.environment?.MEILI_NO_ANALYTICS, 'true');
  assert.match(meili.environment?.MEILI_MAX_INDEXING_MEMORY ?? '', /^\d+\s*(?:MiB|Mb|MB|GiB|Gb|GB)$/);
  assert.ok(
    meili.volumes?.some((v) => typeof v === 'string' && /^meili_data:\/meili_data(?::rw)?$/.test(v)),
    JSON.stringify(meili.volumes),
  );
  assert.ok('meili_data' in volumes);
  assert.match(JSON.stringify(meili.healthcheck?.test), /curl.*\/health/);
  assert.equal(meili.ports, undefined, 'the engine is not published on the host');
});

test('app: the runner image, after a healthy engine, with its settings from the environment', { skip: dockerComposeMissing }, () => {
  const { services } = renderedConfig({ ...secrets, MEILI_INDEX: 'reports_v2' });
  const app = services.app;
  assert.equal(app.build?.target, 'runner');
  assert.deepEqual(app.depends_on, { meilisearch: { condition: 'service_healthy' } });
  assert.equal(app.environment?.MEILI_URL, 'http://meilisearch:7700');
  assert.equal(app.environment?.MEILI_MASTER_KEY, secrets.MEILI_MASTER_KEY);
  assert.equal(app.environment?.MEILI_INDEX, 'reports_v2');
  assert.equal(app.environment?.AUTH_SECRET, secrets.AUTH_SECRET);
  assert.equal(app.environment?.AUTH_TRUST_HOST, 'true');
  assert.deepEqual(
    app.ports?.map((p) => (typeof p === 'string' ? p : `${p.published}:${p.target}`)),
    ['3000:3000'],
  );
  assert.match(JSON.stringify(app.healthcheck?.test), /\/api\/health/);
});

test('indexer: one-shot, mounts the reports folder read-only and indexes /reports', { skip: dockerComposeMissing }, () => {
  const byDefault = renderedConfig().services.indexer;
  assert.equal(byDefault.build?.target, 'indexer');
  assert.ok(byDefault.profiles?.includes('index') || byDefault.restart === 'no');
  assert.equal(byDefault.restart, 'no');
  assert.deepEqual(byDefault.depends_on, { meilisearch: { condition: 'service_healthy' } });
  assert.equal(byDefault.environment?.MEILI_URL, 'http://meilisearch:7700');
  assert.equal(byDefault.environment?.MEILI_MASTER_KEY, secrets.MEILI_MASTER_KEY);
  const reportsMount = (service: ComposeService) =>
    service.volumes?.find((v) => (typeof v === 'string' ? v.split(':')[1] === '/reports' : v.target === '/reports'));
  const mount = reportsMount(byDefault);
  assert.equal(typeof mount, 'string');
  assert.match(mount as string, /\/data\/reports:\/reports:ro$/);
  const run = [...[byDefault.entrypoint ?? []].flat(), ...[byDefault.command ?? []].flat()].join(' ');
  assert.match(run, /scripts\/index\.ts \/reports|npm run index -- \/reports/);

  const own = renderedConfig({ ...secrets, REPORTS_DIR: '/srv/annual-reports' }).services.indexer;
  assert.equal(reportsMount(own), '/srv/annual-reports:/reports:ro');
});

test('app and indexer share the data volume (run history); the app writes uploads into the reports folder', { skip: dockerComposeMissing }, () => {
  const { services, volumes } = renderedConfig({ ...secrets, ADMIN_USERS: 'a@example.org:$2b$12$abcdefghijklmnopqrstuv' });
  const target = (v: NonNullable<ComposeService['volumes']>[number]) => (typeof v === 'string' ? v.split(':')[1] : v.target);
  const source = (v: NonNullable<ComposeService['volumes']>[number]) => (typeof v === 'string' ? v.split(':')[0] : v.source);
  const app = services.app;
  assert.equal(app.environment?.NIANBAO_DATA_DIR, '/app/data');
  // `config` prints the value re-escaped for compose ($ → $$): the container gets it unchanged.
  assert.equal(app.environment?.ADMIN_USERS?.replaceAll('$$', '$'), 'a@example.org:$2b$12$abcdefghijklmnopqrstuv', 'the hash passes through unchanged');
  const appReports = app.volumes?.find((v) => target(v) === '/app/data/reports');
  assert.ok(appReports && source(appReports).endsWith('/data/reports'), JSON.stringify(app.volumes));
  assert.ok(!(typeof appReports === 'string' ? appReports.endsWith(':ro') : appReports.read_only), 'uploads need a writable folder');
  assert.ok(app.volumes?.some((v) => source(v) === 'app_data' && target(v) === '/app/data'));
  assert.ok(services.indexer.volumes?.some((v) => source(v) === 'app_data' && target(v) === '/app/data'));
  assert.ok('app_data' in volumes);
});
