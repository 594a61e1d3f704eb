import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createMeiliClient } from '../../lib/engine/client';
import { getOrCreateIndexingKey, getOrCreateSearchKey } from '../../lib/engine/keys';
import { startTestMeili, type TestMeili } from '../support/meili';

// docker/start-app.mjs is the app container's entry point: it trades the master key for a
// search-only key and loads server.js without the master key in its environment. Here a stand-in
// server module reports what it was given.
const launcher = fileURLToPath(new URL('../../docker/start-app.mjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'nianbao-start-app-'));
const fakeServer = join(scratch, 'server.mjs');
writeFileSync(
  fakeServer,
  'process.stdout.write(JSON.stringify({ searchKey: process.env.MEILI_SEARCH_KEY ?? null, adminKey: process.env.MEILI_ADMIN_KEY ?? null, master: process.env.MEILI_MASTER_KEY ?? null }));\n',
);

let meili: TestMeili;
before(async () => {
  meili = await startTestMeili();
});
after(async () => {
  await meili?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function launch(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [launcher], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NIANBAO_SERVER_MODULE: fakeServer, MEILI_WAIT_MS: '3000', ...env } as Record<
      string,
      string
    > as NodeJS.ProcessEnv,
  });
  return {
    ...result,
    seen: result.status === 0 ? (JSON.parse(result.stdout) as { searchKey: string | null; adminKey: string | null; master: string | null }) : null,
  };
}

test('the server gets a search-only key for its index and never the master key', async () => {
  const run = launch({ MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, MEILI_INDEX: 'reports' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.seen!.master, null);
  assert.ok(run.seen!.searchKey && run.seen!.searchKey !== meili.masterKey);

  // The same key `npm run portal` uses (lib/engine/keys.ts), found again on the next start.
  const admin = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
  assert.equal(await getOrCreateSearchKey(admin, 'reports'), run.seen!.searchKey);
  assert.equal(launch({ MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey }).seen!.searchKey, run.seen!.searchKey);

  // It can search that index and nothing else.
  const key = await admin.getKey(run.seen!.searchKey!);
  assert.deepEqual(key.actions, ['search']);
  assert.deepEqual(key.indexes, ['reports']);

  // The admin pages' indexing key: the one `npm run portal` creates, never the master key.
  assert.ok(run.seen!.adminKey && run.seen!.adminKey !== meili.masterKey);
  assert.equal(await getOrCreateIndexingKey(admin, 'reports'), run.seen!.adminKey);
  assert.ok(!(await admin.getKey(run.seen!.adminKey!)).actions.includes('keys.create'));
});

test('a given MEILI_SEARCH_KEY is used as is; bad settings stop the container with a message', () => {
  const given = launch({ MEILI_URL: meili.url, MEILI_SEARCH_KEY: 'given-search-key', MEILI_MASTER_KEY: meili.masterKey });
  assert.equal(given.status, 0, given.stderr);
  assert.equal(given.seen!.searchKey, 'given-search-key');
  assert.equal(given.seen!.master, null);

  const wrongKey = launch({ MEILI_URL: meili.url, MEILI_MASTER_KEY: 'not-the-master-key-0123456789' });
  assert.equal(wrongKey.status, 2);
  assert.match(wrongKey.stderr, /could not get a search key .*403/);

  const nothing = launch({});
  assert.equal(nothing.status, 2);
  assert.match(nothing.stderr, /MEILI_URL and MEILI_MASTER_KEY/);
});
