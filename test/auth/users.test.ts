import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ensureFirstAdmin, FIRST_ADMIN_EMAIL, hasAdmins } from '../../lib/auth/first-admin';
import { AdminUsersError, hashPassword, parseAdminUsers, readAdminUsers, userLine, verifyAdmin } from '../../lib/auth/users';
import { loadConfig } from '../../lib/config';
import { tempDir } from '../support/temp';

describe('admin users', () => {
  it('reads email:hash pairs separated by commas, semicolons and new lines; emails are case-insensitive', async () => {
    const a = await hashPassword('first-password-123', 4);
    const b = await hashPassword('second-password-456', 4);
    const users = parseAdminUsers(`Alice@Example.org:${a}, bob@example.org:${b}\n# a comment\n`);
    assert.deepEqual(
      users.map((u) => u.email),
      ['alice@example.org', 'bob@example.org'],
    );
    assert.equal(await verifyAdmin('ALICE@example.org', 'first-password-123', users), 'alice@example.org');
    assert.equal(await verifyAdmin('alice@example.org', 'second-password-456', users), null);
    assert.equal(await verifyAdmin('nobody@example.org', 'first-password-123', users), null);
  });

  it('refuses a hash that a .env file cut at its $ signs, naming the entry and not the hash', () => {
    assert.throws(
      () => parseAdminUsers('admin@example.org:.gmwV3nKx7j7XWi'),
      (error: Error) => error instanceof AdminUsersError && /entry 1/.test(error.message) && /\\\$/.test(error.message) && !error.message.includes('gmwV'),
    );
    assert.throws(() => parseAdminUsers('not-an-email:$2b$12$xkRRsoRe.crjpt9FbaoW2OGhsD915OYzEKIPZ3.gmwV3nKx7j7XWi'), AdminUsersError);
  });

  it('joins ADMIN_USERS and the users file; the first entry for an email wins', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'users');
    const envHash = await hashPassword('from-the-environment', 4);
    const fileHash = await hashPassword('from-the-file-000', 4);
    writeFileSync(file, `${userLine('a@example.org', fileHash)}\n${userLine('b@example.org', fileHash)}\n`);
    const users = readAdminUsers(loadConfig({ ADMIN_USERS: userLine('a@example.org', envHash), ADMIN_USERS_FILE: file }));
    assert.deepEqual(
      users.map((u) => [u.email, u.hash === envHash]),
      [
        ['a@example.org', true],
        ['b@example.org', false],
      ],
    );
  });

  it('hashes with bcrypt at cost 12 by default', async () => {
    assert.match(await hashPassword('some-password-here'), /^\$2[aby]\$12\$/);
  });
});

describe('first admin of the embedded default', () => {
  it('creates admin@localhost with a random password once, storing only the hash (mode 600)', async () => {
    const file = path.join(tempDir(), 'admin', 'users');
    assert.equal(hasAdmins(file, ''), false);
    const created = await ensureFirstAdmin(file, '');
    assert.ok(created);
    assert.equal(created.email, FIRST_ADMIN_EMAIL);
    assert.ok(created.password.length >= 20);
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes(created.password), 'the password itself is never stored');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const users = parseAdminUsers(text, file);
    assert.equal(await verifyAdmin(FIRST_ADMIN_EMAIL, created.password, users), FIRST_ADMIN_EMAIL);
    assert.equal(await ensureFirstAdmin(file, ''), null, 'a second start creates nobody');
  });

  it('creates nobody when the operator defined admins in ADMIN_USERS', async () => {
    const file = path.join(tempDir(), 'users');
    assert.equal(await ensureFirstAdmin(file, userLine('ops@example.org', await hashPassword('x'.repeat(12), 4))), null);
  });
});
