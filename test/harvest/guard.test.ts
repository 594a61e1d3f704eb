import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHarvestClient, type HarvestClientOptions } from '../../lib/harvest/net';
import type { Dial, Lookup } from '../../lib/harvest/net/guard';
import { HARVEST_FAILURES, HarvestError } from '../../lib/harvest/types';

/**
 * The address guard with the DNS answers stubbed and a connection layer that fails the test if
 * it is ever asked to connect: nothing here opens a socket or asks a real DNS server.
 */

/** A dial that records the call and fails: the guard must refuse before it is reached. */
function forbiddenDial(calls: string[]): Dial {
  return (options, callback) => {
    calls.push(options.hostname);
    callback(new Error(`test: the guard let a connection to ${options.hostname} through`), null);
  };
}

/** A lookup that answers from a table (one answer per call, the last repeated), counting calls, and never asks DNS. */
function stubLookup(answers: Record<string, string[][]>, calls: string[] = []): Lookup {
  const asked = new Map<string, number>();
  return async (hostname) => {
    calls.push(hostname);
    const list = answers[hostname];
    if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const n = asked.get(hostname) ?? 0;
    asked.set(hostname, n + 1);
    return list[Math.min(n, list.length - 1)]!.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

async function refusal(promise: Promise<unknown>): Promise<HarvestError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HarvestError, `expected a HarvestError, got ${error}`);
    return error;
  }
  assert.fail('expected the request to be refused');
}

function client(lookup: Lookup, dialed: string[], extra: HarvestClientOptions = {}) {
  const c = createHarvestClient({ lookup, dial: forbiddenDial(dialed), politeness: false, tries: 1, deadlineMs: 2000, ...extra });
  return c;
}

test('a host that resolves to a private, link-local or loopback address is refused before any connection', async () => {
  const dialed: string[] = [];
  const lookup = stubLookup({
    'intranet.example': [['10.0.0.5']],
    'metadata.example': [['169.254.169.254']],
    'v6.example': [['fd00::1']],
    'mapped.example': [['::ffff:192.168.1.1']],
    'local.example': [['127.0.0.1']],
  });
  for (const robots of [true, false]) {
    const c = client(lookup, dialed, { robots });
    for (const host of ['intranet.example', 'metadata.example', 'v6.example', 'mapped.example', 'local.example']) {
      const error = await refusal(c.get(`http://${host}/report.pdf`));
      assert.equal(error.reason, 'refused address', host);
      assert.equal(error.url, `http://${host}/report.pdf`);
      assert.match(error.message, new RegExp(host.replace('.', '\\.')));
    }
    await c.close();
  }
  assert.deepEqual(dialed, []);
});

test('with loopback allowed, private ranges stay refused', async () => {
  const dialed: string[] = [];
  const c = client(stubLookup({ 'intranet.example': [['192.168.0.10']] }), dialed, { allowLoopback: true, robots: false });
  assert.equal((await refusal(c.get('http://intranet.example/'))).reason, 'refused address');
  assert.equal((await refusal(c.get('http://10.1.2.3/'))).reason, 'refused address');
  assert.equal((await refusal(c.get('http://[fe80::1]/'))).reason, 'refused address');
  await c.close();
  assert.deepEqual(dialed, []);
});

test('IP literals and odd spellings of loopback are refused without a lookup', async () => {
  const dialed: string[] = [];
  const looked: string[] = [];
  const c = client(stubLookup({}, looked), dialed);
  for (const url of [
    'http://127.0.0.1:3000/',
    'http://2130706433/',
    'http://0x7f.0.0.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[64:ff9b::a9fe:a9fe]/',
  ]) {
    assert.equal((await refusal(c.get(url))).reason, 'refused address', url);
  }
  await c.close();
  assert.deepEqual(dialed, []);
  assert.deepEqual(looked, []);
});

test('a host with one public and one private address is refused (every address is checked)', async () => {
  const dialed: string[] = [];
  const c = client(stubLookup({ 'mixed.example': [['93.184.216.34', '10.0.0.1']] }), dialed, { robots: false });
  const error = await refusal(c.get('https://mixed.example/'));
  assert.equal(error.reason, 'refused address');
  assert.match(error.message, /10\.0\.0\.1/);
  await c.close();
  assert.deepEqual(dialed, []);
});

test('DNS rebinding: public at the first answer, private at the connection, is refused at the connection', async () => {
  const dialed: string[] = [];
  const looked: string[] = [];
  const c = client(stubLookup({ 'rebind.example': [['93.184.216.34'], ['10.0.0.1']] }, looked), dialed, { robots: false });
  const error = await refusal(c.get('http://rebind.example/annual.html'));
  assert.equal(error.reason, 'refused address');
  assert.match(error.message, /10\.0\.0\.1/);
  // The first answer passed the early check; the connector asked again and refused the second.
  assert.deepEqual(looked, ['rebind.example', 'rebind.example']);
  await c.close();
  assert.deepEqual(dialed, []);
});

test('robots.txt goes through the same guard', async () => {
  const dialed: string[] = [];
  const c = client(stubLookup({ 'rebind.example': [['93.184.216.34'], ['172.16.0.1']] }), dialed);
  const error = await refusal(c.get('http://rebind.example/'));
  assert.equal(error.reason, 'refused address');
  assert.equal(await c.robotsAllowed('http://rebind.example/other'), false);
  await c.close();
  assert.deepEqual(dialed, []);
});

test('unknown hosts are a dns failure; bad URLs are refused before anything', async () => {
  const dialed: string[] = [];
  const looked: string[] = [];
  const c = client(stubLookup({ 'empty.example': [[]] }, looked), dialed, { robots: false });
  assert.equal((await refusal(c.get('http://nowhere.example/'))).reason, 'dns failure');
  assert.equal((await refusal(c.get('http://empty.example/'))).reason, 'dns failure');
  looked.length = 0;
  for (const url of ['file:///etc/passwd', 'ftp://example.gov.cn/a.pdf', 'http://user:secret@example.gov.cn/', 'not a url', 'javascript:alert(1)']) {
    assert.equal((await refusal(c.get(url))).reason, 'refused url', url);
  }
  await assert.rejects(c.robotsAllowed('file:///etc/passwd'), (error: HarvestError) => error.reason === 'refused url');
  assert.deepEqual(looked, []);
  assert.deepEqual(c.stats.failures, { 'dns failure': 2, 'refused url': 5 });
  // The stats speak the run report's words.
  for (const name of Object.keys(c.stats.failures)) assert.ok((HARVEST_FAILURES as readonly string[]).includes(name), name);
  await c.close();
  assert.deepEqual(dialed, []);
});
