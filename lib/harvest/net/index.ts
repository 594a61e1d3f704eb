import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';
import { Agent, request } from 'undici';
import { type Fetched, HarvestError, type HarvestFailure } from '../types';
import { refusedUrl } from './address';
import { asHarvestError, detailOf } from './errors';
import { checkedAddresses, type Dial, defaultDial, guardedConnector, type Lookup, systemLookup } from './guard';
import { readBody } from './read';
import { backoffMs, parseRetryAfter } from './retry';
import { parseRobots, ROBOTS_MAX_BYTES, type RobotsRules, robotsRefusal } from './robots';
import { sniffFetched } from './sniff';

/**
 * The harvester's network layer (docs/harvest.md#the-network-layer): one client per run, through
 * which every request of the run goes. It holds the address guard (guard.ts), robots.txt per
 * origin, per-host politeness (rate, concurrency, Retry-After, Crawl-delay) and a global limit,
 * retries, redirects followed by hand, the size limit and the whole-request deadline. Every
 * failure is a HarvestError with a named reason.
 */

export const DEFAULT_USER_AGENT = 'NianbaoBot/0.1 (+https://github.com/nianbao/nianbao; open data of government annual reports)';

export interface HarvestClientOptions {
  userAgent?: string;
  /** Lets 127.0.0.0/8 and ::1 through the address guard (NIANBAO_HARVEST_ALLOW_LOOPBACK); private ranges stay refused. */
  allowLoopback?: boolean;
  /** May a redirect lead to another site (`host` is the URL's host, with its port when not the default)? Default: no. */
  allowHost?: (host: string, url: URL) => boolean;
  /** Largest body read, in bytes (default 20 MB). */
  maxBytes?: number;
  /** One try, from sending the request to the last byte of the body, redirects each their own (default 30 s). */
  deadlineMs?: number;
  /** Opening a connection (default 10 s, and never more than the deadline). */
  connectTimeoutMs?: number;
  /** Requests a second to one host (default 1). */
  ratePerSecond?: number;
  /** Requests at once to one host: 1 or 2 (default 1). */
  perHostConcurrency?: number;
  /** Requests at once in all (default 4). */
  concurrency?: number;
  /** false (benchmarks, tests): no per-host rate limit. Robots.txt, Retry-After and the concurrency limits still hold. */
  politeness?: boolean;
  /** false: robots.txt is neither fetched nor obeyed (tests of other things). Default true. */
  robots?: boolean;
  /** Tries for a 5xx or a timeout (default 3). */
  tries?: number;
  /** Tries for a 429 (default 3); then 'too many requests'. */
  tries429?: number;
  /** First backoff after a 5xx or a timeout, doubled each time (default 1 s). */
  retryBaseMs?: number;
  /** The longest wait a Retry-After can impose (default 60 s). */
  maxRetryAfterMs?: number;
  /** The longest Crawl-delay obeyed (default 10 s). */
  maxCrawlDelayMs?: number;
  /** Redirects followed (default 5). */
  maxRedirects?: number;
  /** Host name → addresses (default: the system resolver). Tests pass a stub. */
  lookup?: Lookup;
  /** Opens a socket to a checked address (default: undici's connector). Tests pass one that fails the test. */
  dial?: Dial;
}

export interface GetOptions {
  /** The ETag of the copy already held: sent as If-None-Match. */
  etag?: string | null;
  /** Its Last-Modified: sent as If-Modified-Since. */
  lastModified?: string | null;
  /** Overrides the client's `allowHost` for this request. */
  allowHost?: (host: string, url: URL) => boolean;
  /** More request headers (Referer, Accept …). */
  headers?: Record<string, string>;
  maxBytes?: number;
  deadlineMs?: number;
  /** Cancels the request: it rejects with the signal's reason (an AbortError), not a HarvestError. */
  signal?: AbortSignal;
}

export interface HarvestStats {
  /** HTTP requests sent: robots.txt, redirects and retries included. */
  requests: number;
  /** Answers by status code. */
  statuses: Record<number, number>;
  /** 304 answers to conditional requests. */
  notModified: number;
  retries: number;
  redirects: number;
  /** Body bytes read (after decompression). */
  bytes: number;
  /** robots.txt files asked for (one per origin and run). */
  robotsFetched: number;
  /** `get` calls that failed, by reason. */
  failures: Partial<Record<HarvestFailure, number>>;
}

export interface HarvestClient {
  /** The URL's bytes, after redirects. Throws HarvestError. */
  get(url: string, options?: GetOptions): Promise<Fetched>;
  /** What robots.txt says about the URL (fetched once per origin and run; false when it could not be read). */
  robotsAllowed(url: string): Promise<boolean>;
  /** Cancels what is queued or running and closes the connections. */
  close(): Promise<void>;
  readonly stats: HarvestStats;
}

/** Statuses a script challenge is served with besides 200/202 (瑞数 412, 加速乐 521): returned when the body is small HTML. */
const CHALLENGE_STATUSES = new Set([412, 521]);
const CHALLENGE_MAX_BYTES = 256 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** What is read of a body nobody needs (a redirect, a 304) so the connection can be reused. */
const DRAIN_BYTES = 64 * 1024;

/** A try that may be repeated: a 5xx, a 429. */
class Retry extends Error {
  constructor(
    readonly failure: 'http error' | 'too many requests',
    readonly status: number,
    readonly waitMs: number | undefined,
  ) {
    super(`${failure}: HTTP ${status}`);
  }
}

type Answer =
  | { kind: 'redirect'; status: number; location: string | undefined }
  | { kind: 'body'; status: number; headers: Record<string, string>; body: Buffer; notModified: boolean }
  | { kind: 'status'; status: number };

interface Exchange {
  url: URL;
  headers: Record<string, string>;
  maxBytes: number;
  overflow: 'fail' | 'truncate';
  deadlineMs: number;
  signal: AbortSignal;
}

/** Stops reading a body nobody wants; undici then reports an abort on it, which nobody needs to hear. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The same site: the same host name (a leading `www.` aside) and port; http → https on it stays on site. */
function sameSite(a: URL, b: URL): boolean {
  const bare = (host: string) => host.toLowerCase().replace(/^www\./, '');
  return bare(a.hostname) === bare(b.hostname) && a.port === b.port;
}

/** The URL, or null when it cannot be read (URL.parse, without needing Node 22). */
function parseUrl(text: string, base?: URL): URL | null {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

function withoutHash(url: URL): URL {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy;
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * One host's politeness. Its queue (p-queue) holds the concurrency and starts at most one request
 * per interval (a sliding window); `turn` adds the gap after the previous request *ended*, so the
 * server sees at least the interval between two requests even when one was slow to arrive (a new
 * connection, a busy network), plus a 429's pause and robots.txt's Crawl-delay.
 */
class Host {
  readonly queue: PQueue;
  /** No request before this time, performance.now() (a 429's Retry-After pauses the whole host). */
  notBefore = 0;
  /** Gap after a request ends: the rate's interval, or a longer Crawl-delay. */
  gapMs: number;
  private lastEnd = Number.NEGATIVE_INFINITY;

  constructor(options: { concurrency: number; intervalMs: number }) {
    this.gapMs = options.intervalMs;
    this.queue =
      options.intervalMs > 0
        ? new PQueue({ concurrency: options.concurrency, intervalCap: 1, interval: options.intervalMs, strict: true })
        : new PQueue({ concurrency: options.concurrency });
  }

  /** Runs one request when the host is ready for it. */
  async turn<T>(signal: AbortSignal, run: () => Promise<T>): Promise<T> {
    const wait = Math.max(this.notBefore, this.lastEnd + this.gapMs) - performance.now();
    if (wait > 0) await sleep(wait, undefined, { signal });
    try {
      return await run();
    } finally {
      this.lastEnd = performance.now();
    }
  }
}

export function createHarvestClient(options: HarvestClientOptions = {}): HarvestClient {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const policy = { allowLoopback: options.allowLoopback === true };
  const maxBytes = positive(options.maxBytes, 20 * 1024 * 1024);
  const deadlineMs = positive(options.deadlineMs, 30_000);
  const politeness = options.politeness !== false;
  const useRobots = options.robots !== false;
  const ratePerSecond = positive(options.ratePerSecond, 1);
  const concurrency = Math.max(1, Math.floor(positive(options.concurrency, 4)));
  const perHost = Math.max(1, Math.min(politeness ? 2 : concurrency, Math.floor(positive(options.perHostConcurrency, 1))));
  const tries = Math.max(1, Math.floor(positive(options.tries, 3)));
  const tries429 = Math.max(1, Math.floor(positive(options.tries429, 3)));
  const retryBaseMs = positive(options.retryBaseMs, 1000);
  const maxRetryAfterMs = positive(options.maxRetryAfterMs, 60_000);
  const maxCrawlDelayMs = positive(options.maxCrawlDelayMs, 10_000);
  const maxRedirects = Math.max(0, Math.floor(options.maxRedirects ?? 5));
  const lookup = options.lookup ?? systemLookup;
  const connectTimeoutMs = Math.min(positive(options.connectTimeoutMs, 10_000), deadlineMs);

  const agent = new Agent({
    connect: guardedConnector({ policy, lookup, dial: options.dial ?? defaultDial(connectTimeoutMs) }),
    connections: perHost,
  });
  const global = new PQueue({ concurrency });
  const hosts = new Map<string, Host>();
  const robots = new Map<string, Promise<RobotsRules>>();
  const closing = new AbortController();
  const stats: HarvestStats = { requests: 0, statuses: {}, notModified: 0, retries: 0, redirects: 0, bytes: 0, robotsFetched: 0, failures: {} };

  function hostOf(url: URL): Host {
    const key = url.hostname.toLowerCase();
    let host = hosts.get(key);
    if (!host) {
      host = new Host({ concurrency: perHost, intervalMs: politeness ? Math.ceil(1000 / ratePerSecond) : 0 });
      hosts.set(key, host);
    }
    return host;
  }

  /** One HTTP request and its body, within the deadline. */
  async function exchange(ex: Exchange): Promise<Answer> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new HarvestError('timeout', ex.url.href, `no complete answer within ${ex.deadlineMs} ms`)), ex.deadlineMs);
    const signal = AbortSignal.any([deadline.signal, ex.signal]);
    stats.requests++;
    try {
      const res = await request(ex.url, {
        dispatcher: agent,
        method: 'GET',
        headers: ex.headers,
        signal,
        // The deadline covers the whole try; undici's own timeouts (5 min by default) only must not come first.
        headersTimeout: ex.deadlineMs + 1000,
        bodyTimeout: ex.deadlineMs + 1000,
      });
      const status = res.statusCode;
      stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
      const headers = flatHeaders(res.headers);
      const drain = () => res.body.dump({ limit: DRAIN_BYTES }).catch(() => {});

      if (REDIRECT_STATUSES.has(status) && headers.location !== undefined) {
        await drain();
        return { kind: 'redirect', status, location: headers.location };
      }
      if (status === 304) {
        await drain();
        stats.notModified++;
        return { kind: 'body', status, headers, body: Buffer.alloc(0), notModified: true };
      }
      if (status === 429) {
        discard(res.body);
        throw new Retry('too many requests', status, parseRetryAfter(headers['retry-after']));
      }
      if (status >= 200 && status < 300) {
        const declared = Number(headers['content-length']);
        if (ex.overflow === 'fail' && Number.isFinite(declared) && declared > ex.maxBytes) {
          discard(res.body);
          throw new HarvestError('too large', ex.url.href, `Content-Length ${declared} is over ${ex.maxBytes} bytes`);
        }
        const { body } = await readBody(res.body, { maxBytes: ex.maxBytes, encoding: headers['content-encoding'], overflow: ex.overflow, url: ex.url.href });
        stats.bytes += body.length;
        return { kind: 'body', status, headers, body, notModified: false };
      }
      if (CHALLENGE_STATUSES.has(status)) {
        const limit = Math.min(ex.maxBytes, CHALLENGE_MAX_BYTES);
        const { body, truncated } = await readBody(res.body, {
          maxBytes: limit,
          encoding: headers['content-encoding'],
          overflow: 'truncate',
          url: ex.url.href,
        });
        stats.bytes += body.length;
        const htmlish =
          sniffFetched(body) === 'html' || /html/i.test(headers['content-type'] ?? '') || /^\s*<(script|!--|meta)/i.test(body.toString('latin1', 0, 256));
        if (!truncated && body.length > 0 && htmlish) return { kind: 'body', status, headers, body, notModified: false };
      } else if (status < 500) {
        // A 404 page is small: read it, and the connection serves the next request.
        await drain();
      } else {
        discard(res.body);
      }
      if (status >= 500) throw new Retry('http error', status, parseRetryAfter(headers['retry-after']));
      return { kind: 'status', status };
    } catch (error) {
      if (error instanceof Retry) throw error;
      if (deadline.signal.aborted && !ex.signal.aborted) throw deadline.signal.reason;
      if (ex.signal.aborted) throw ex.signal.reason;
      throw asHarvestError(error, ex.url.href);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One request through the host's queue and the global one, with its retries: 5xx and timeouts with backoff, 429 after Retry-After. */
  async function politely(ex: Exchange): Promise<Answer> {
    const host = hostOf(ex.url);
    let failed = 0;
    let failed429 = 0;
    for (;;) {
      try {
        return await host.queue.add(() => host.turn(ex.signal, () => global.add(() => exchange(ex), { signal: ex.signal })), { signal: ex.signal });
      } catch (error) {
        if (error instanceof Retry && error.failure === 'too many requests') {
          failed429++;
          if (failed429 >= tries429) throw new HarvestError('too many requests', ex.url.href, `HTTP 429 ${failed429} times`);
          // The whole host waits, not only this request.
          const wait = Math.min(error.waitMs ?? backoffMs(failed429, retryBaseMs), maxRetryAfterMs);
          host.notBefore = Math.max(host.notBefore, performance.now() + wait);
          stats.retries++;
          continue;
        }
        const retryable = error instanceof Retry || (error instanceof HarvestError && error.reason === 'timeout');
        if (!retryable || ex.signal.aborted) throw error;
        failed++;
        if (failed >= tries) {
          if (error instanceof Retry) throw new HarvestError('http error', ex.url.href, `HTTP ${error.status} after ${failed} tries`);
          throw error;
        }
        stats.retries++;
        const wait = error instanceof Retry && error.waitMs !== undefined ? Math.min(error.waitMs, maxRetryAfterMs) : backoffMs(failed, retryBaseMs);
        await sleep(wait, undefined, { signal: ex.signal });
      }
    }
  }

  function requestHeaders(extra: Record<string, string> | undefined): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: '*/*',
      'accept-language': 'zh-CN,zh;q=0.9',
      'accept-encoding': 'gzip, deflate, br',
    };
    for (const [name, value] of Object.entries(extra ?? {})) headers[name.toLowerCase()] = value;
    return headers;
  }

  /** robots.txt of the URL's origin, fetched once per run (redirects followed anywhere the guard allows, RFC 9309 §2.3.1.2). */
  function robotsFor(url: URL): Promise<RobotsRules> {
    let rules = robots.get(url.origin);
    if (!rules) {
      rules = fetchRobots(new URL('/robots.txt', url.origin));
      robots.set(url.origin, rules);
    }
    return rules;
  }

  async function fetchRobots(robotsUrl: URL): Promise<RobotsRules> {
    stats.robotsFetched++;
    let url = robotsUrl;
    try {
      for (let hops = 0; ; hops++) {
        const answer = await politely({
          url,
          headers: requestHeaders({ accept: 'text/plain, */*;q=0.1' }),
          maxBytes: ROBOTS_MAX_BYTES,
          overflow: 'truncate',
          deadlineMs,
          signal: closing.signal,
        });
        if (answer.kind === 'redirect') {
          const next = answer.location === undefined ? null : parseUrl(answer.location, url);
          // More than five redirects, or one to nowhere: robots.txt is unavailable (RFC 9309 §2.3.1.2).
          if (hops >= 5 || !next || refusedUrl(next) !== null) return { kind: 'allow all', why: `robots.txt redirects ${hops >= 5 ? 'too often' : 'nowhere'}` };
          url = withoutHash(next);
          continue;
        }
        if (answer.kind === 'status') {
          if (answer.status >= 400 && answer.status < 500) return { kind: 'allow all', why: `robots.txt answered ${answer.status}` };
          return { kind: 'disallow all', failure: 'robots', why: `robots.txt answered ${answer.status}` };
        }
        if (answer.status < 200 || answer.status >= 300) return { kind: 'disallow all', failure: 'robots', why: `robots.txt answered ${answer.status}` };
        const rules = parseRobots(robotsUrl.href, answer.body.toString('utf8'));
        if (rules.kind === 'rules' && rules.crawlDelayMs) {
          const host = hostOf(robotsUrl);
          host.gapMs = Math.max(host.gapMs, Math.min(rules.crawlDelayMs, maxCrawlDelayMs));
        }
        return rules;
      }
    } catch (error) {
      if (closing.signal.aborted) throw error;
      const failure = asHarvestError(error, robotsUrl.href);
      // 5xx after the retries and 429: the site is there but its rules are not: disallow all (RFC 9309 §2.3.1.4).
      if (failure.reason === 'http error' || failure.reason === 'too many requests') {
        return { kind: 'disallow all', failure: 'robots', why: `robots.txt could not be read (${failure.reason}: ${detailOf(failure)})` };
      }
      // Unreachable, timeout, DNS, TLS, refused address: the pages of that origin fail for the same reason.
      return { kind: 'disallow all', failure: failure.reason, why: `robots.txt: ${detailOf(failure)}` };
    }
  }

  function parseAsked(input: string): URL {
    const url = parseUrl(input);
    if (!url) throw new HarvestError('refused url', input, 'not a URL');
    const why = refusedUrl(url);
    if (why !== null) throw new HarvestError('refused url', input, why);
    return withoutHash(url);
  }

  async function get(input: string, getOptions: GetOptions = {}): Promise<Fetched> {
    let asked: URL | undefined;
    let url: URL | undefined;
    const signal = getOptions.signal ? AbortSignal.any([getOptions.signal, closing.signal]) : closing.signal;
    try {
      if (closing.signal.aborted) throw new HarvestError('unreachable', input, 'the client is closed');
      asked = parseAsked(input);
      url = asked;
      const allowHost = getOptions.allowHost ?? options.allowHost ?? (() => false);
      const conditional: Record<string, string> = {};
      if (getOptions.etag) conditional['if-none-match'] = getOptions.etag;
      if (getOptions.lastModified) conditional['if-modified-since'] = getOptions.lastModified;
      const headers = requestHeaders({ ...getOptions.headers, ...conditional });
      const seen = new Set([url.href]);
      for (let redirects = 0; ; ) {
        // Fail fast, before robots.txt and the queues; the connector checks again at connection time.
        await checkedAddresses(url.hostname, policy, lookup, url.href);
        if (useRobots) {
          const refusal = robotsRefusal(await robotsFor(url), url.href);
          if (refusal) throw new HarvestError(refusal.failure, url.href, refusal.why);
        }
        const answer = await politely({
          url,
          headers,
          maxBytes: positive(getOptions.maxBytes, maxBytes),
          overflow: 'fail',
          deadlineMs: positive(getOptions.deadlineMs, deadlineMs),
          signal,
        });
        if (answer.kind === 'redirect') {
          const target = answer.location === undefined ? null : parseUrl(answer.location, url);
          if (!target) throw new HarvestError('http error', url.href, `HTTP ${answer.status} to an unreadable Location`);
          const next = withoutHash(target);
          const why = refusedUrl(next);
          if (why !== null) throw new HarvestError('refused url', url.href, `redirect to ${next.href}: ${why}`);
          if (seen.has(next.href)) throw new HarvestError('redirect loop', url.href, `back to ${next.href}`);
          if (redirects >= maxRedirects) throw new HarvestError('too many redirects', url.href, `more than ${maxRedirects}`);
          if (!sameSite(asked, next) && !allowHost(next.host, next)) throw new HarvestError('redirect off site', url.href, `to ${next.href}`);
          seen.add(next.href);
          redirects++;
          stats.redirects++;
          url = next;
          continue;
        }
        if (answer.kind === 'status') {
          if (answer.status === 404 || answer.status === 410) throw new HarvestError('not found', url.href, `HTTP ${answer.status}`);
          throw new HarvestError('http error', url.href, `HTTP ${answer.status}`);
        }
        return {
          url: asked.href,
          finalUrl: url.href,
          status: answer.status,
          notModified: answer.notModified,
          headers: answer.headers,
          body: answer.body,
          sniffed: answer.notModified ? 'unknown' : sniffFetched(answer.body),
          fetchedAt: new Date().toISOString(),
        };
      }
    } catch (error) {
      if (signal.aborted && !(error instanceof HarvestError)) throw error;
      const named = asHarvestError(error, asked?.href ?? input, url?.href);
      stats.failures[named.reason] = (stats.failures[named.reason] ?? 0) + 1;
      throw named;
    }
  }

  async function robotsAllowed(input: string): Promise<boolean> {
    const url = parseAsked(input);
    if (!useRobots) return true;
    return robotsRefusal(await robotsFor(url), url.href) === null;
  }

  async function close(): Promise<void> {
    closing.abort(new DOMException('the harvest client was closed', 'AbortError'));
    await agent.destroy().catch(() => {});
  }

  return { get, robotsAllowed, close, stats };
}
