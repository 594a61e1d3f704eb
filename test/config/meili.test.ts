import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { appSearchTarget, loadConfig, ConfigError as MeiliConfigError } from '../../lib/config';
import { ensureLocalSecrets, parseEnvFile } from '../../lib/config/local-env';
import { tempDir } from '../support/temp';

const readMeiliConfig = (env: Record<string, string>) => loadConfig(env).meili;
const readAppSearchConfig = (env: Record<string, string>) => appSearchTarget(loadConfig(env));

test('readMeiliConfig: defaults, trailing slash, empty means unset', () => {
  // the embedded engine indexes on every core unless told otherwise
  const cores = availableParallelism();
  assert.deepEqual(readMeiliConfig({}), { url: undefined, masterKey: undefined, index: 'reports', indexingThreads: cores });
  assert.deepEqual(readMeiliConfig({ MEILI_URL: 'http://meili:7700/', MEILI_MASTER_KEY: 'k'.repeat(16), MEILI_INDEX: '', MEILI_INDEXING_THREADS: '3' }), {
    url: 'http://meili:7700',
    masterKey: 'k'.repeat(16),
    index: 'reports',
    indexingThreads: 3,
  });
  assert.throws(() => readMeiliConfig({ MEILI_INDEXING_THREADS: '0' }), /MEILI_INDEXING_THREADS/);
  assert.equal(readMeiliConfig({ MEILI_URL: '  ' }).url, undefined);
});

test('readMeiliConfig: names each bad variable', () => {
  assert.throws(
    () => readMeiliConfig({ MEILI_URL: 'meili:7700' }),
    (error: unknown) => error instanceof MeiliConfigError && /MEILI_URL/.test(error.message),
  );
  assert.throws(() => readMeiliConfig({ MEILI_INDEX: 'my index' }), /MEILI_INDEX/);
  assert.throws(() => readMeiliConfig({ MEILI_MASTER_KEY: 'short' }), /MEILI_MASTER_KEY/);
});

test('readAppSearchConfig: needs a search key and refuses the master key', () => {
  assert.throws(() => readAppSearchConfig({ MEILI_URL: 'http://127.0.0.1:7700' }), /MEILI_SEARCH_KEY/);
  assert.throws(
    () => readAppSearchConfig({ MEILI_URL: 'http://127.0.0.1:7700', MEILI_SEARCH_KEY: 'x'.repeat(20), MEILI_MASTER_KEY: 'x'.repeat(20) }),
    /master key/,
  );
  assert.deepEqual(readAppSearchConfig({ MEILI_URL: 'http://127.0.0.1:7700', MEILI_SEARCH_KEY: 'abc' }), {
    url: 'http://127.0.0.1:7700',
    searchKey: 'abc',
    index: 'reports',
  });
});

test('parseEnvFile reads KEY=VALUE lines, quotes, comments and export', () => {
  assert.deepEqual(parseEnvFile('# c\nA=1\nexport B="two words"\nC=3 # note\n\nbad line\n'), { A: '1', B: 'two words', C: '3' });
});

test('ensureLocalSecrets generates missing secrets once and never overwrites', () => {
  const root = tempDir();
  const file = path.join(root, '.env.local');
  writeFileSync(file, 'AUTH_SECRET=mine');
  const first = ensureLocalSecrets(root);
  assert.deepEqual(first.created, ['MEILI_MASTER_KEY']);
  assert.equal(first.AUTH_SECRET, 'mine');
  assert.ok(first.MEILI_MASTER_KEY.length >= 32);
  const second = ensureLocalSecrets(root);
  assert.deepEqual(second.created, []);
  assert.equal(second.MEILI_MASTER_KEY, first.MEILI_MASTER_KEY);
  const values = parseEnvFile(readFileSync(file, 'utf8'));
  assert.equal(values.AUTH_SECRET, 'mine');
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.ok(existsSync(file));
});
