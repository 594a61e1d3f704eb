import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { findPrivateFiles, findSecrets, secretsFrom } from '../../scripts/check-secrets';
import { tempDir } from '../support/temp';

/** The scan that runs on .next/ after every build (scripts/test-all.mjs): it must find what is there. */

test('secret values come from secret-looking variables of the environment and the .env files', () => {
  const root = tempDir();
  writeFileSync(path.join(root, '.env'), 'MEILI_MASTER_KEY="from-dot-env-0123456789"\nPORT=3000\n');
  writeFileSync(path.join(root, '.env.local'), 'AUTH_SECRET=local-auth-secret-abcdef\nMEILI_INDEX=reports-with-a-long-name\n');
  const secrets = secretsFrom(
    { MEILI_MASTER_KEY: 'env-master-key-0123456789', ADMIN_API_KEY: 'admin-key-0123456789', HOME: '/root/some/long/home', SHORT_SECRET: 'abc' },
    root,
  );
  assert.deepEqual(secrets.map((s) => s.name).sort(), [
    'ADMIN_API_KEY (environment)',
    'AUTH_SECRET (.env.local)',
    'MEILI_MASTER_KEY (.env)',
    'MEILI_MASTER_KEY (environment)',
  ]);
});

test('a secret anywhere under the folder is found, in text and in binary files; the report names the variable, not the value', () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'server', 'chunks'), { recursive: true });
  mkdirSync(path.join(dir, 'static'), { recursive: true });
  writeFileSync(path.join(dir, 'server', 'chunks', 'page.js'), 'const a = 1;');
  writeFileSync(path.join(dir, 'static', 'main.js'), 'fetch(u, { headers: { authorization: "Bearer canary-master-0123456789" } })');
  writeFileSync(path.join(dir, 'server', 'cache.bin'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from('canary-master-0123456789'), Buffer.from([255])]));
  const secrets = [
    { name: 'MEILI_MASTER_KEY (environment)', value: 'canary-master-0123456789' },
    { name: 'AUTH_SECRET (environment)', value: 'canary-auth-0123456789' },
  ];
  const findings = findSecrets(dir, secrets);
  assert.deepEqual(findings.map((f) => f.file).sort(), [path.join('server', 'cache.bin'), path.join('static', 'main.js')]);
  assert.ok(findings.every((f) => f.secret === 'MEILI_MASTER_KEY (environment)'));
  assert.deepEqual(findSecrets(dir, []), []);
});

test('.env files and the private parts of a data folder are found in a build by their path, whatever they hold', () => {
  const dir = tempDir();
  const files = {
    'standalone/.env.local': 'MEILI_MASTER_KEY=x',
    'standalone/.env': '',
    'standalone/data/admin/users': 'a@b.c:$2b$…',
    'standalone/data/meili/data.ms/auth/data.mdb': 'binary',
    'standalone/data/reports/web/001.txt': '2023年政府信息公开工作年度报告',
    'standalone/server.js': 'const env = ".env.local"',
    'server/app/admin/page.js': 'x',
    'static/environment.js': 'x',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  assert.deepEqual(
    findPrivateFiles(dir).sort(),
    ['standalone/.env', 'standalone/.env.local', 'standalone/data/admin/users', 'standalone/data/meili/data.ms/auth/data.mdb'].map((f) =>
      path.join(...f.split('/')),
    ),
  );
});
