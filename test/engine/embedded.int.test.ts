import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../lib/config';
import { parseEnvFile } from '../../lib/config/local-env';
import { isMeiliHealthy } from '../../lib/engine/client';
import { ensureMeili } from '../../lib/engine/embedded';
import { tempDir } from '../support/temp';

test('ensureMeili: MEILI_URL means an external server, nothing is started', async () => {
  const handle = await ensureMeili({ config: loadConfig({ MEILI_URL: 'http://meili.example:7700', MEILI_MASTER_KEY: 'k'.repeat(20) }) });
  assert.deepEqual(
    { url: handle.url, key: handle.masterKey, origin: handle.origin },
    { url: 'http://meili.example:7700', key: 'k'.repeat(20), origin: 'external' },
  );
});

test('ensureMeili: starts the embedded server once, a second command reuses it, stop() ends it', async () => {
  const root = tempDir();
  const dataDir = path.join(root, 'data', 'meili');
  const first = await ensureMeili({ config: loadConfig({}), dataDir, rootDir: root });
  try {
    assert.equal(first.origin, 'started');
    assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const secrets = parseEnvFile(readFileSync(path.join(root, '.env.local'), 'utf8'));
    assert.equal(secrets.MEILI_MASTER_KEY, first.masterKey);
    assert.ok(secrets.AUTH_SECRET);
    const instance = JSON.parse(readFileSync(path.join(dataDir, 'instance.json'), 'utf8'));
    assert.equal(instance.url, first.url);

    const second = await ensureMeili({ config: loadConfig({}), dataDir, rootDir: root });
    assert.equal(second.origin, 'reused');
    assert.equal(second.url, first.url);
    await second.stop();
    assert.equal(await isMeiliHealthy(first.url), true, 'stopping a reused server is a no-op');

    // The key is passed by environment, never on the command line (ps shows argv).
    const cmdline = readFileSync(`/proc/${first.pid}/cmdline`, 'utf8');
    assert.ok(!cmdline.includes(first.masterKey!));
  } finally {
    await first.stop();
  }
  assert.equal(await isMeiliHealthy(first.url, 300), false);
  assert.equal(existsSync(path.join(dataDir, 'instance.json')), false);
});
