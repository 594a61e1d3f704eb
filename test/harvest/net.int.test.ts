import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildConnector } from 'undici';
import { createHarvestClient, DEFAULT_USER_AGENT, type GetOptions, type HarvestClientOptions, type HarvestStats } from '../../lib/harvest/net';
import type { Dial, Lookup } from '../../lib/harvest/net/guard';
import { HarvestError, type HarvestFailure } from '../../lib/harvest/types';
import { closedPort, drip, endless, huge, notFound, redirect, send, sequence, startHostileServer, tooManyRequests, withEtag } from '../support/hostile-server';

/**
 * The network layer against hostile servers on 127.0.0.1 (test/support/hostile-server.ts). Every
 * socket these tests open goes to loopback: the dial below fails the test for any other address,
 * and no test names a host that would need DNS. Deadlines, limits and backoffs are small.
 */

const realDial = buildConnector({ timeout: 2000 });
const loopbackOnly: Dial = (options, callback) => {
  if (!/^(127\.|::1$|::ffff:127\.)/.test(options.hostname)) {
    callback(new Error(`test: a connection to ${options.hostname} was attempted`), null);
    assert.fail(`a connection to ${options.hostname} was attempted`);
  }
  realDial(options, callback);
};

/** No test names a host: the URLs are IP literals, which the guard never looks up. A lookup would be a DNS query. */
const noDns: Lookup = async (hostname) => assert.fail(`test: a DNS lookup of ${hostname} was attempted`);

const clients: { close(): Promise<void> }[] = [];
after(() => Promise.all(clients.map((c) => c.close())));

function client(options: HarvestClientOptions = {}) {
  const c = createHarvestClient({ allowLoopback: true, politeness: false, deadlineMs: 2000, retryBaseMs: 10, lookup: noDns, dial: loopbackOnly, ...options });
  clients.push(c);
  return c;
}

async function failure(promise: Promise<unknown>): Promise<HarvestError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HarvestError, `expected a HarvestError, got ${(error as Error)?.stack ?? error}`);
    return error;
  }
  assert.fail('expected the request to fail');
}

/** Every request sent got an answer counted under its status (for tests where every request reaches the server). */
function answered(stats: HarvestStats): number {
  return Object.values(stats.statuses).reduce((sum, n) => sum + n, 0);
}

async function reason(promise: Promise<unknown>): Promise<HarvestFailure> {
  return (await failure(promise)).reason;
}

test('a plain page: the bytes, the status, lower-case headers, the User-Agent naming the project', async () => {
  const server = await startHostileServer({ '/report.html': send('<!DOCTYPE html><html><head><title>年报</title></head></html>') });
  const c = client();
  const fetched = await c.get(server.url('/report.html#top'));
  assert.equal(fetched.status, 200);
  assert.equal(fetched.url, server.url('/report.html'));
  assert.equal(fetched.finalUrl, server.url('/report.html'));
  assert.equal(fetched.notModified, false);
  assert.equal(fetched.sniffed, 'html');
  assert.match(fetched.headers['content-type']!, /text\/html/);
  assert.match(fetched.body.toString('utf8'), /年报/);
  assert.ok(!Number.isNaN(Date.parse(fetched.fetchedAt)));
  const hit = server.hitsOf('/report.html')[0]!;
  assert.equal(hit.headers['user-agent'], DEFAULT_USER_AGENT);
  assert.match(DEFAULT_USER_AGENT, /^NianbaoBot\/\S+ \(\+https:\/\/\S+; /);
});

test('loopback is refused unless allowLoopback, even for a server that is there', async () => {
  const server = await startHostileServer({ '/': send('<html><body>hi</body></html>') });
  const c = client({ allowLoopback: false });
  assert.equal(await reason(c.get(server.url('/'))), 'refused address');
  assert.equal(server.hits.length, 0);
});

test('the address connected to is checked too: a lookup that says public but a socket that lands on loopback is refused', async () => {
  const server = await startHostileServer({ '/': send('<html><body>internal</body></html>') });
  // The resolver claims a public address; the "network" delivers the socket to 127.0.0.1 instead.
  const dialed: string[] = [];
  const c = client({
    allowLoopback: false,
    robots: false,
    lookup: async () => [{ address: '93.184.216.34', family: 4 }],
    dial: (options, callback) => {
      dialed.push(options.hostname);
      realDial({ ...options, hostname: '127.0.0.1', port: String(server.port) }, callback);
    },
  });
  const error = await failure(c.get('http://public.example/'));
  assert.equal(error.reason, 'refused address');
  assert.match(error.message, /connected to 127\.0\.0\.1/);
  assert.deepEqual(dialed, ['93.184.216.34']);
  assert.equal(server.hits.length, 0);
});

test('unreachable port, 404, 410 and other 4xx are named', async () => {
  const port = await closedPort();
  const server = await startHostileServer({ '/gone': notFound(410), '/secret': notFound(403), '/teapot': notFound(418) });
  const c = client();
  assert.equal(await reason(c.get(`http://127.0.0.1:${port}/report.pdf`)), 'unreachable');
  assert.equal(await reason(c.get(server.url('/missing'))), 'not found');
  assert.equal(await reason(c.get(server.url('/gone'))), 'not found');
  assert.equal(await reason(c.get(server.url('/secret'))), 'http error');
  assert.equal(await reason(c.get(server.url('/teapot'))), 'http error');
  // 4xx are not retried.
  assert.equal(server.hitsOf('/secret').length, 1);
  assert.deepEqual(c.stats.failures, { unreachable: 1, 'not found': 2, 'http error': 2 });
});

test('https to a plain HTTP server is a tls error', async () => {
  const server = await startHostileServer({ '/': send('<html></html>') });
  const c = client({ robots: false });
  assert.equal(await reason(c.get(`https://127.0.0.1:${server.port}/`)), 'tls error');
});

test('redirects: followed on the site, a loop named, too many counted', async () => {
  const server = await startHostileServer({
    '/old': redirect('/new', 301),
    '/new': redirect('never', 302),
    '/never': send('<html><body>final</body></html>'),
    '/a': redirect('/b'),
    '/b': redirect('/a'),
    '/self': redirect('/self'),
    ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`/r${i}`, redirect(`/r${i + 1}`)])),
    '/r8': send('<html></html>'),
  });
  const c = client();
  const fetched = await c.get(server.url('/old'));
  assert.equal(fetched.url, server.url('/old'));
  assert.equal(fetched.finalUrl, server.url('/never'));
  assert.match(fetched.body.toString(), /final/);
  assert.equal(await reason(c.get(server.url('/a'))), 'redirect loop');
  assert.equal(await reason(c.get(server.url('/self'))), 'redirect loop');
  const tooMany = await failure(c.get(server.url('/r0')));
  assert.equal(tooMany.reason, 'too many redirects');
  assert.equal(tooMany.url, server.url('/r0'));
  // Five followed, the sixth refused.
  assert.equal(server.hits.filter((hit) => /^\/r\d$/.test(hit.path)).length, 6);
  assert.equal((await c.get(server.url('/r3'))).finalUrl, server.url('/r8'));
});

test('a redirect to another site is refused unless allowHost says yes; to a private address or another scheme, always', async () => {
  const other = await startHostileServer({ '/elsewhere.pdf': send('%PDF-1.4\n', { type: 'application/pdf' }) });
  const server = await startHostileServer({
    '/off': redirect(other.url('/elsewhere.pdf')),
    '/private': redirect('http://10.0.0.1/admin'),
    '/metadata': redirect('http://169.254.169.254/latest/meta-data/'),
    '/file': redirect('file:///etc/passwd'),
  });
  const strict = client();
  const off = await failure(strict.get(server.url('/off')));
  assert.equal(off.reason, 'redirect off site');
  assert.match(off.message, new RegExp(String(other.port)));
  assert.equal(other.hits.length, 0);

  const asked: string[] = [];
  const lenient = client({
    allowHost: (host) => {
      asked.push(host);
      return true;
    },
  });
  const fetched = await lenient.get(server.url('/off'));
  assert.equal(fetched.finalUrl, other.url('/elsewhere.pdf'));
  assert.equal(fetched.sniffed, 'pdf');
  assert.deepEqual(asked, [`127.0.0.1:${other.port}`]);
  // A per-request allowHost overrides the client's.
  assert.equal(await reason(lenient.get(server.url('/off'), { allowHost: () => false })), 'redirect off site');

  // Even an allowed host is checked hop by hop: the guard refuses, the dial is never asked.
  assert.equal(await reason(lenient.get(server.url('/private'))), 'refused address');
  assert.equal(await reason(lenient.get(server.url('/metadata'))), 'refused address');
  assert.equal(await reason(lenient.get(server.url('/file'))), 'refused url');
});

test('a server sending a byte a second and one whose body never ends both end as timeout, at the deadline', async () => {
  const server = await startHostileServer({ '/drip': drip(100, 1000), '/endless': endless(10) });
  const c = client({ deadlineMs: 300, tries: 1, robots: false });
  let started = performance.now();
  assert.equal(await reason(c.get(server.url('/drip'))), 'timeout');
  assert.ok(performance.now() - started < 1500, 'the deadline covers the body');
  started = performance.now();
  assert.equal(await reason(c.get(server.url('/endless'))), 'timeout');
  assert.ok(performance.now() - started < 1500);
  assert.ok(c.stats.bytes === 0 || c.stats.bytes < 100_000);

  // Timeouts are retried with backoff.
  const retrying = client({ deadlineMs: 150, tries: 2, retryBaseMs: 10, robots: false });
  assert.equal(await reason(retrying.get(server.url('/drip'))), 'timeout');
  assert.equal(server.hitsOf('/drip').length, 3);
  assert.equal(retrying.stats.retries, 1);
});

test('a 2 GB file is refused by its Content-Length, and one streamed without it is cut at the limit', async () => {
  const server = await startHostileServer({ '/declared.pdf': huge(2 * 1024 ** 3, true), '/streamed.pdf': huge(2 * 1024 ** 3, false) });
  const c = client({ maxBytes: 1024 * 1024 });
  const declared = await failure(c.get(server.url('/declared.pdf')));
  assert.equal(declared.reason, 'too large');
  assert.match(declared.message, /Content-Length 2147483648/);
  assert.equal(c.stats.bytes, 0);
  const started = performance.now();
  const streamed = await failure(c.get(server.url('/streamed.pdf')));
  assert.equal(streamed.reason, 'too large');
  assert.ok(performance.now() - started < 2000);
  assert.ok(c.stats.bytes <= 1024 * 1024);
  // The per-request limit overrides the client's.
  assert.equal(await reason(c.get(server.url('/streamed.pdf'), { maxBytes: 100_000 })), 'too large');
});

test('a compressed body is inflated, and a decompression bomb is cut at the limit', async () => {
  const page = Buffer.from(`<html><body>${'政府信息公开'.repeat(1000)}</body></html>`);
  const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
  const server = await startHostileServer({
    '/gz': send(gzipSync(page), { headers: { 'content-encoding': 'gzip' } }),
    '/bomb': send(bomb, { headers: { 'content-encoding': 'gzip' } }),
  });
  const c = client({ maxBytes: 1024 * 1024 });
  const fetched = await c.get(server.url('/gz'));
  assert.deepEqual(fetched.body, page);
  assert.equal(fetched.sniffed, 'html');
  assert.match(server.hitsOf('/gz')[0]!.headers['accept-encoding'] ?? '', /gzip/);
  assert.ok(bomb.length < 1024 * 1024);
  assert.equal(await reason(c.get(server.url('/bomb'))), 'too large');
});

test('HTML served as application/pdf is sniffed as html; GBK bytes come back untouched', async () => {
  // 2024年政府信息公开工作年度报告 in GBK, with bytes that are not valid UTF-8
  const gbk = Buffer.from('3230323441EAD5FEB8AED0C5CFA2B9ABBFAAB9A4D7F7C4EAB6C8B1A8B8E6'.replace('41', ''), 'hex');
  const html = Buffer.concat([Buffer.from('<html><head><meta charset="gbk"></head><body>'), gbk, Buffer.from('</body></html>')]);
  const server = await startHostileServer({
    '/report.pdf': send('<!DOCTYPE html><html><body>请先登录</body></html>', { type: 'application/pdf' }),
    '/gbk.html': send(html, { type: 'text/html; charset=gbk' }),
    '/gbk.txt': send(gbk, { type: 'text/plain' }),
  });
  const c = client();
  const disguised = await c.get(server.url('/report.pdf'));
  assert.equal(disguised.sniffed, 'html');
  assert.equal(disguised.headers['content-type'], 'application/pdf');
  const page = await c.get(server.url('/gbk.html'));
  assert.ok(page.body.equals(html));
  assert.equal(page.sniffed, 'html');
  const text = await c.get(server.url('/gbk.txt'));
  assert.ok(text.body.equals(gbk));
  assert.equal(text.sniffed, 'text');
});

test('5xx is retried with backoff: 500 then 200 succeeds; 500 every time is an http error after the tries', async () => {
  const server = await startHostileServer({
    '/flaky': sequence(send('oops', { status: 500 }), send('<html><body>ok</body></html>')),
    '/down': send('down', { status: 503 }),
  });
  const c = client({ tries: 3, retryBaseMs: 20 });
  const fetched = await c.get(server.url('/flaky'));
  assert.equal(fetched.status, 200);
  assert.equal(server.hitsOf('/flaky').length, 2);
  assert.equal(c.stats.retries, 1);
  const down = await failure(c.get(server.url('/down')));
  assert.equal(down.reason, 'http error');
  assert.match(down.message, /503 after 3 tries/);
  const hits = server.hitsOf('/down');
  assert.equal(hits.length, 3);
  // Exponential: 20 ms, then 40 ms.
  assert.ok(hits[1]!.at - hits[0]!.at >= 15);
  assert.ok(hits[2]!.at - hits[1]!.at >= 35);
});

test('429 with Retry-After (seconds or a date) pauses the host, capped; 429 every time is too many requests', async () => {
  // An HTTP date has whole seconds: 1.5 s ahead is 0.5 to 1.5 s of waiting.
  const soon = () => new Date(Date.now() + 1500).toUTCString();
  const server = await startHostileServer({
    '/busy': sequence(tooManyRequests('1'), send('<html><body>ok</body></html>')),
    '/dated': sequence(tooManyRequests(soon), send('<html><body>ok</body></html>')),
    '/capped': sequence(tooManyRequests('3600'), send('<html><body>ok</body></html>')),
    '/always': tooManyRequests('0'),
  });
  const c = client({ maxRetryAfterMs: 5000 });
  const started = performance.now();
  assert.equal((await c.get(server.url('/busy'))).status, 200);
  const [first, second] = server.hitsOf('/busy');
  assert.ok(second!.at - first!.at >= 950, `waited ${second!.at - first!.at} ms for Retry-After: 1`);
  assert.equal((await c.get(server.url('/dated'))).status, 200);
  const dated = server.hitsOf('/dated');
  assert.ok(dated[1]!.at - dated[0]!.at >= 400, `waited ${dated[1]!.at - dated[0]!.at} ms for the date`);
  assert.ok(performance.now() - started < 5000);

  const capped = client({ maxRetryAfterMs: 200 });
  const before = performance.now();
  assert.equal((await capped.get(server.url('/capped'))).status, 200);
  assert.ok(performance.now() - before < 1500, 'an hour of Retry-After is capped');

  const always = await failure(client({ tries429: 3 }).get(server.url('/always')));
  assert.equal(always.reason, 'too many requests');
  assert.equal(server.hitsOf('/always').length, 3);
});

test('robots.txt: fetched once per origin, a disallowed path refused as robots, 404 allows all, 5xx disallows all', async () => {
  const server = await startHostileServer({
    '/robots.txt': send('User-agent: *\nDisallow: /private/\n\nUser-agent: NianbaoBot\nDisallow: /nobots/\nDisallow: /private/\n', { type: 'text/plain' }),
    '/public/report.html': send('<html><body>ok</body></html>'),
    '/nobots/report.html': send('<html><body>hidden</body></html>'),
  });
  const c = client();
  assert.equal((await c.get(server.url('/public/report.html'))).status, 200);
  const refused = await failure(c.get(server.url('/nobots/report.html')));
  assert.equal(refused.reason, 'robots');
  assert.match(refused.message, /line \d/);
  assert.equal(await reason(c.get(server.url('/private/x.pdf'))), 'robots');
  assert.equal(await c.robotsAllowed(server.url('/nobots/other.html')), false);
  assert.equal(await c.robotsAllowed(server.url('/public/other.html')), true);
  assert.equal(server.hitsOf('/robots.txt').length, 1);
  assert.equal(server.hitsOf('/nobots/report.html').length, 0);
  assert.equal(c.stats.robotsFetched, 1);
  assert.equal(server.hitsOf('/robots.txt')[0]!.headers['user-agent'], DEFAULT_USER_AGENT);

  const missing = await startHostileServer({ '/a.html': send('<html></html>') });
  assert.equal((await c.get(missing.url('/a.html'))).status, 200);

  const broken = await startHostileServer({ '/robots.txt': send('oops', { status: 503 }), '/a.html': send('<html></html>') });
  const brokenError = await failure(client({ tries: 2 }).get(broken.url('/a.html')));
  assert.equal(brokenError.reason, 'robots');
  assert.match(brokenError.message, /503/);
  assert.equal(broken.hitsOf('/a.html').length, 0);

  // robots: false neither fetches nor obeys it.
  const ignoring = client({ robots: false });
  assert.equal((await ignoring.get(server.url('/nobots/report.html'))).status, 200);
  assert.equal(await ignoring.robotsAllowed(server.url('/nobots/report.html')), true);
});

test('conditional GET: the ETag and Last-Modified are sent back, a 304 is notModified and counted', async () => {
  const pdf = Buffer.from('%PDF-1.7\nannual report\n');
  const server = await startHostileServer({ '/r.pdf': withEtag(pdf, '"v1"') });
  const c = client();
  const first = await c.get(server.url('/r.pdf'));
  assert.equal(first.status, 200);
  assert.equal(first.headers.etag, '"v1"');
  // What a store keeps of the copy it holds, and sends back.
  const held: GetOptions = { etag: first.headers.etag, lastModified: first.headers['last-modified'] };
  const again = await c.get(server.url('/r.pdf'), held);
  assert.equal(again.status, 304);
  assert.equal(again.notModified, true);
  assert.equal(again.body.length, 0);
  const hit = server.hitsOf('/r.pdf')[1]!;
  assert.equal(hit.headers['if-none-match'], '"v1"');
  assert.equal(hit.headers['if-modified-since'], 'Tue, 01 Apr 2025 00:00:00 GMT');
  const byDate = await c.get(server.url('/r.pdf'), { lastModified: 'Tue, 01 Apr 2025 00:00:00 GMT' });
  assert.equal(byDate.notModified, true);
  assert.equal(c.stats.notModified, 2);
  assert.equal(c.stats.statuses[304], 2);
});

test('the rate limit: one host gets at most ratePerSecond requests a second, one at a time; politeness false lifts it', async () => {
  const server = await startHostileServer({ '/p': send('<html><body>page</body></html>') });
  const c = client({ politeness: true, ratePerSecond: 10, concurrency: 4 });
  await Promise.all(Array.from({ length: 5 }, (_, i) => c.get(server.url(`/p?page=${i}`))));
  assert.equal(c.stats.requests, server.hits.length);
  assert.equal(answered(c.stats), server.hits.length);
  const times = server.hits.map((hit) => hit.at);
  assert.equal(times.length, 6); // robots.txt and five pages
  // At least 100 ms between two arrivals: the gap is counted from the end of the previous request.
  for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 98, `gap ${times[i]! - times[i - 1]!} ms`);

  const fast = await startHostileServer({ '/p': send('<html><body>page</body></html>') });
  const rude = client({ politeness: false, robots: false, perHostConcurrency: 4 });
  const started = performance.now();
  await Promise.all(Array.from({ length: 5 }, (_, i) => rude.get(fast.url(`/p?page=${i}`))));
  assert.ok(performance.now() - started < 400);
});

test('a Crawl-delay in robots.txt spaces the host out more than the rate does', async () => {
  const server = await startHostileServer({
    '/robots.txt': send('User-agent: *\nCrawl-delay: 0.3\n', { type: 'text/plain' }),
    '/p': send('<html></html>'),
  });
  const c = client({ politeness: true, ratePerSecond: 50 });
  for (let i = 0; i < 3; i++) await c.get(server.url(`/p?${i}`));
  const pages = server.hitsOf('/p');
  assert.ok(pages[1]!.at - pages[0]!.at >= 280);
  assert.ok(pages[2]!.at - pages[1]!.at >= 280);
});

test('script challenges: 412 and 521 with small HTML are returned with their status; large or not HTML they fail', async () => {
  const challenge = '<html><head><meta http-equiv="refresh"></head><body><script>eval(function(p,a,c,k,e,d){})</script></body></html>';
  const server = await startHostileServer({
    '/ruishu': send(challenge, { status: 412 }),
    '/jsl': send('<script>document.cookie=("__jsl_clearance=1");location.href=location.pathname</script>', { status: 521, type: 'text/plain' }),
    '/accepted': send(challenge, { status: 202 }),
    '/big412': send(Buffer.alloc(300 * 1024, 0x41), { status: 412, type: 'application/octet-stream' }),
    '/bin521': send(Buffer.from([0, 1, 2, 3]), { status: 521, type: 'application/octet-stream' }),
  });
  const c = client({ tries: 2 });
  const ruishu = await c.get(server.url('/ruishu'));
  assert.equal(ruishu.status, 412);
  assert.equal(ruishu.sniffed, 'html');
  assert.equal((await c.get(server.url('/jsl'))).status, 521);
  assert.equal(server.hitsOf('/jsl').length, 1, 'a challenge is not retried');
  assert.equal((await c.get(server.url('/accepted'))).status, 202);
  assert.equal(await reason(c.get(server.url('/big412'))), 'http error');
  assert.equal(await reason(c.get(server.url('/bin521'))), 'http error');
  assert.equal(server.hitsOf('/bin521').length, 2, 'a 521 that is no challenge is a 5xx, retried');
});

test('cancelling: a caller signal and close() reject what is waiting, without a HarvestError', async () => {
  const server = await startHostileServer({ '/slow': drip(100, 200) });
  const c = client({ deadlineMs: 10_000, tries: 1 });
  const controller = new AbortController();
  const pending = c.get(server.url('/slow'), { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(pending, (error: Error) => error.name === 'AbortError' && !(error instanceof HarvestError));

  const closing = client({ deadlineMs: 10_000, tries: 1, politeness: true, ratePerSecond: 0.5 });
  const first = closing.get(server.url('/slow'));
  const queued = closing.get(server.url('/slow?2'));
  setTimeout(() => void closing.close(), 50);
  await assert.rejects(first, (error: Error) => error.name === 'AbortError');
  await assert.rejects(queued, (error: Error) => error.name === 'AbortError');
});
