/**
 * Failed sign-ins, counted per account and per client address in a sliding window. In memory, per
 * server process: enough for the one `next start` this project runs (a restart clears it; several
 * replicas would each count on their own — documented in docs/security.md).
 *
 * Per account: 5 failures in 15 minutes lock that account for the rest of the window, whoever
 * tries. Per address: 20, because one address can front many people (an office NAT), and the
 * account limit already stops guessing one password.
 */

export interface LimitRule {
  max: number;
  windowMs: number;
}

export const ACCOUNT_LIMIT: LimitRule = { max: 5, windowMs: 15 * 60_000 };
const ADDRESS_LIMIT: LimitRule = { max: 20, windowMs: 15 * 60_000 };

export class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly rule: LimitRule,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.rule.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > cutoff);
    if (kept.length > 0) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.rule.max;
  }

  /** Seconds until the oldest failure in the window expires (for Retry-After). */
  retryAfterSeconds(key: string): number {
    const kept = this.recent(key);
    if (kept.length === 0) return 0;
    return Math.max(1, Math.ceil((kept[0] + this.rule.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    const kept = this.recent(key);
    kept.push(this.now());
    // Keep each entry bounded: only the last `max` failures matter.
    this.failures.set(key, kept.slice(-this.rule.max));
    // And the map: keys are emails and addresses a client chooses, so sweep out the expired ones
    // whenever it has grown past a bound (amortised: the bound doubles with what is still live).
    if (this.failures.size > this.sweepAt) {
      for (const k of [...this.failures.keys()]) this.recent(k);
      this.sweepAt = Math.max(FailureWindow.SWEEP_AT, this.failures.size * 2);
    }
  }

  /** How many keys are tracked (for tests). */
  get size(): number {
    return this.failures.size;
  }

  private static readonly SWEEP_AT = 10_000;
  private sweepAt = FailureWindow.SWEEP_AT;

  clear(key: string): void {
    this.failures.delete(key);
  }
}

export class LoginLimiter {
  readonly accounts: FailureWindow;
  readonly addresses: FailureWindow;

  constructor(now: () => number = Date.now, account = ACCOUNT_LIMIT, address = ADDRESS_LIMIT) {
    this.accounts = new FailureWindow(account, now);
    this.addresses = new FailureWindow(address, now);
  }

  /** Seconds to wait when this account or address is locked, else 0. */
  blockedFor(account: string, address: string): number {
    const waits = [
      this.accounts.isBlocked(account) ? this.accounts.retryAfterSeconds(account) : 0,
      this.addresses.isBlocked(address) ? this.addresses.retryAfterSeconds(address) : 0,
    ];
    return Math.max(...waits);
  }

  fail(account: string, address: string): void {
    this.accounts.fail(account);
    this.addresses.fail(address);
  }

  /** A right password clears the account's failures (not the address's: others may be guessing from it). */
  succeed(account: string): void {
    this.accounts.clear(account);
  }
}

// One limiter per process, shared by every route bundle that imports this module.
const KEY = Symbol.for('nianbao.loginLimiter');
export function loginLimiter(): LoginLimiter {
  const store = globalThis as typeof globalThis & { [KEY]?: LoginLimiter };
  store[KEY] ??= new LoginLimiter();
  return store[KEY];
}

/**
 * The client address as the server sees it. Next sets X-Forwarded-For to the socket address only
 * when the request has none, so a client talking to `next start` directly can choose it: the
 * per-address limit is only as good as the reverse proxy in front. The last entry is the one the
 * nearest proxy appended (nginx's `$proxy_add_x_forwarded_for`); the per-account limit does not
 * depend on any of this.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded || headers.get('x-real-ip')?.trim() || 'unknown';
}
