import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseAdminUsers, verifyAdmin } from '../../lib/auth/users';
import { repoRoot, tempDir } from '../support/temp';

function adminAdd(args: string[], input: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'admin-add.ts'), ...args], {
    input,
    encoding: 'utf8',
    cwd: repoRoot,
    env: { ...process.env, ...env },
  });
}

describe('npm run admin:add', () => {
  it('prints an email:hash line that verifies, and never the password', async () => {
    const run = adminAdd(['Ops@Example.org'], 'a-long-enough-password\n');
    assert.equal(run.status, 0, run.stderr);
    const line = run.stdout.trim();
    assert.ok(!`${run.stdout}${run.stderr}`.includes('a-long-enough-password'));
    const users = parseAdminUsers(line);
    assert.equal(await verifyAdmin('ops@example.org', 'a-long-enough-password', users), 'ops@example.org');
    assert.match(run.stderr, /ADMIN_USERS=ops@example.org:\\\$2b\\\$12\\\$/, 'the .env form escapes $');
  });

  it('--write replaces the entry in the users file (mode 600)', async () => {
    const file = path.join(tempDir(), 'users');
    assert.equal(adminAdd(['ops@example.org', '--write'], 'first-password-000\n', { ADMIN_USERS_FILE: file }).status, 0);
    assert.equal(adminAdd(['ops@example.org', '--write'], 'second-password-00\n', { ADMIN_USERS_FILE: file }).status, 0);
    const users = parseAdminUsers(readFileSync(file, 'utf8'));
    assert.equal(users.length, 1);
    assert.equal(await verifyAdmin('ops@example.org', 'second-password-00', users), 'ops@example.org');
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it('refuses short passwords and bad emails', () => {
    assert.equal(adminAdd(['ops@example.org'], 'short\n').status, 2);
    assert.equal(adminAdd(['not-an-email'], 'a-long-enough-password\n').status, 2);
  });
});
