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

function dockerCompose(args: string[], env: Record<string, string | undefined>) {
  const { MEILI_MASTER_KEY: _inherited, ...baseEnv } = process.env;
  return spawnSync('docker-compose', ['-f', composeFile, ...args], {
    encoding: 'utf8',
    env: { ...baseEnv, ...env },
  });
}

test('compose file pins the Meilisearch image', () => {
  const text = readFileSync(composeFile, 'utf8');
  const images = [...text.matchAll(/^\s*image:\s*(\S+)\s*$/gm)].map((match) => match[1]);
  assert.ok(images.includes(meilisearchImage), `expected ${meilisearchImage} among ${images.join(', ')}`);
});

test('docker-compose accepts the file', { skip: dockerComposeMissing }, () => {
  const quiet = dockerCompose(['config', '-q'], { MEILI_MASTER_KEY: 'test-master-key' });
  assert.equal(quiet.status, 0, quiet.stderr);

  const rendered = dockerCompose(['config'], { MEILI_MASTER_KEY: 'test-master-key' });
  assert.equal(rendered.status, 0, rendered.stderr);
  assert.match(rendered.stdout, new RegExp(`image: ${meilisearchImage.replace(/[.]/g, '\\.')}\\s`));
  assert.match(rendered.stdout, /MEILI_MASTER_KEY: test-master-key/);
  assert.match(rendered.stdout, /MEILI_ENV: production/);
});

test('docker-compose refuses to run without MEILI_MASTER_KEY', { skip: dockerComposeMissing }, () => {
  const result = dockerCompose(['config', '-q'], {});
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /set MEILI_MASTER_KEY/);
});
