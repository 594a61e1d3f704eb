import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCOUNT_LIMIT, clientAddress, FailureWindow, LoginLimiter } from '../../lib/auth/rate-limit';

describe('login rate limit', () => {
  it('locks an account after 5 failures in 15 minutes, from any address, until the window passes', () => {
    let now = 0;
    const limiter = new LoginLimiter(() => now);
    for (let i = 0; i < 5; i++) {
      assert.equal(limiter.blockedFor('a@example.org', `10.0.0.${i}`), 0, `attempt ${i + 1} is allowed`);
      limiter.fail('a@example.org', `10.0.0.${i}`);
      now += 1000;
    }
    const wait = limiter.blockedFor('a@example.org', '10.9.9.9');
    assert.ok(wait > 0 && wait <= 15 * 60, `the 6th attempt waits (${wait} s)`);
    assert.equal(limiter.blockedFor('b@example.org', '10.9.9.9'), 0, 'other accounts are not locked');
    now += 15 * 60_000;
    assert.equal(limiter.blockedFor('a@example.org', '10.9.9.9'), 0, 'unlocked after the window');
  });

  it('locks an address after 20 failures across accounts', () => {
    const limiter = new LoginLimiter(() => 0);
    for (let i = 0; i < 20; i++) limiter.fail(`user${i}@example.org`, '192.0.2.1');
    assert.ok(limiter.blockedFor('fresh@example.org', '192.0.2.1') > 0);
    assert.equal(limiter.blockedFor('fresh@example.org', '192.0.2.2'), 0);
  });

  it('a right password clears the account failures', () => {
    const limiter = new LoginLimiter(() => 0);
    for (let i = 0; i < 4; i++) limiter.fail('a@example.org', '192.0.2.1');
    limiter.succeed('a@example.org');
    limiter.fail('a@example.org', '192.0.2.1');
    assert.equal(limiter.blockedFor('a@example.org', '192.0.2.3'), 0);
  });

  it('takes the address the nearest proxy appended', () => {
    assert.equal(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9, 198.51.100.7' })), '198.51.100.7');
    assert.equal(clientAddress(new Headers({ 'x-forwarded-for': '::1' })), '::1');
    assert.equal(clientAddress(new Headers()), 'unknown');
  });

  it('forgets expired failures of made-up accounts: the map does not grow without bound', () => {
    let now = 0;
    const window = new FailureWindow(ACCOUNT_LIMIT, () => now);
    for (let i = 0; i < 30_000; i++) {
      window.fail(`user${i}@example.org`);
      now += 1000; // 30,000 s: each failure expires 15 minutes later
    }
    assert.ok(window.size < 12_000, `tracked ${window.size} keys`);
    window.fail('last@example.org');
    assert.ok(window.isBlocked('last@example.org') === false);
  });
});
