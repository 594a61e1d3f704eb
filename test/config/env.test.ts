import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ConfigError, loadConfig } from '../../lib/config';

const readServerEnv = (env: Record<string, string>) => {
  const { nodeEnv: NODE_ENV, port: PORT } = loadConfig(env);
  return { NODE_ENV, PORT };
};

test('PORT is optional and coerced to a number', () => {
  assert.equal(readServerEnv({}).PORT, undefined);
  assert.equal(readServerEnv({ PORT: '' }).PORT, undefined);
  assert.equal(readServerEnv({ PORT: '3100' }).PORT, 3100);
});

test('NODE_ENV defaults to development', () => {
  assert.equal(readServerEnv({}).NODE_ENV, 'development');
  assert.equal(readServerEnv({ NODE_ENV: 'production' }).NODE_ENV, 'production');
});

test('invalid values are rejected with the variable named', () => {
  for (const PORT of ['abc', '0', '70000', '80.5']) {
    assert.throws(
      () => readServerEnv({ PORT }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /PORT/);
        return true;
      },
    );
  }
  assert.throws(() => readServerEnv({ NODE_ENV: 'staging' }), /NODE_ENV/);
});

test('NIANBAO_HARVEST_ALLOW_LOOPBACK is off unless set to 1 (or true/yes); another word is an error', () => {
  const allow = (value?: string) => loadConfig(value === undefined ? {} : { NIANBAO_HARVEST_ALLOW_LOOPBACK: value }).harvest.allowLoopback;
  assert.equal(allow(), false);
  assert.equal(allow(''), false);
  assert.equal(allow('0'), false);
  assert.equal(allow('false'), false);
  assert.equal(allow('1'), true);
  assert.equal(allow(' TRUE '), true);
  assert.equal(allow('yes'), true);
  assert.throws(() => allow('on please'), /NIANBAO_HARVEST_ALLOW_LOOPBACK/);
});
