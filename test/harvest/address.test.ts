import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ipLiteral, refusedAddress, refusedUrl } from '../../lib/harvest/net/address';
import { parseRetryAfter } from '../../lib/harvest/net/retry';
import { sniffFetched } from '../../lib/harvest/net/sniff';

// The address guard's rules, on addresses only: no socket, no DNS.

const PUBLIC = [
  '8.8.8.8',
  '1.1.1.1',
  '114.114.114.114', // a Chinese public resolver
  '202.96.128.86',
  '9.255.255.255', // just below 10/8
  '11.0.0.0', // just above 10/8
  '172.15.255.255', // just below 172.16/12
  '172.32.0.0', // just above 172.16/12
  '192.167.255.255',
  '192.169.0.0',
  '100.63.255.255', // just below 100.64/10
  '100.128.0.0', // just above 100.64/10
  '169.253.255.255',
  '169.255.0.0',
  '126.255.255.255',
  '128.0.0.0',
  '223.255.255.255', // just below multicast
  '2400:3200::1', // a Chinese public resolver over IPv6
  '2001:4860:4860::8888',
  '2001:da8::1', // CERNET, not in 2001::/23
  '240e::1',
  '::ffff:8.8.8.8', // mapped, public inside
  '64:ff9b::808:808', // NAT64 of 8.8.8.8
  'fbff:ffff::1', // just below fc00::/7
  'fe00::1', // between fc00::/7 and fe80::/10
];

const REFUSED: [string, RegExp][] = [
  ['127.0.0.1', /loopback/],
  ['127.255.255.254', /loopback/],
  ['10.0.0.0', /private/],
  ['10.255.255.255', /private/],
  ['172.16.0.0', /private/],
  ['172.31.255.255', /private/],
  ['192.168.0.1', /private/],
  ['192.168.255.255', /private/],
  ['100.64.0.0', /carrierGradeNat/],
  ['100.127.255.255', /carrierGradeNat/],
  ['169.254.0.0', /linkLocal/],
  ['169.254.169.254', /linkLocal/], // cloud metadata
  ['0.0.0.0', /unspecified/],
  ['0.255.255.255', /unspecified/],
  ['224.0.0.1', /multicast/],
  ['239.255.255.255', /multicast/],
  ['255.255.255.255', /broadcast/],
  ['240.0.0.1', /reserved/],
  ['192.0.0.8', /reserved/],
  ['192.0.2.1', /reserved/], // TEST-NET-1
  ['198.51.100.7', /reserved/], // TEST-NET-2
  ['203.0.113.9', /reserved/], // TEST-NET-3
  ['198.18.0.1', /reserved/], // benchmarking
  ['198.19.255.255', /reserved/],
  ['::1', /loopback/],
  ['::', /unspecified/],
  ['fc00::1', /uniqueLocal/],
  ['fd12:3456:789a::1', /uniqueLocal/],
  ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', /uniqueLocal/],
  ['fe80::1', /linkLocal/],
  ['febf:ffff::1', /linkLocal/],
  ['fec0::1', /SiteLocal/],
  ['ff02::1', /multicast/],
  ['2001:db8::1', /reserved/], // documentation
  ['::ffff:127.0.0.1', /ipv4Mapped loopback/],
  ['::ffff:10.1.2.3', /ipv4Mapped private/],
  ['::ffff:169.254.169.254', /ipv4Mapped linkLocal/],
  ['::ffff:192.168.1.1', /ipv4Mapped private/],
  ['::ffff:0.0.0.0', /ipv4Mapped unspecified/],
  ['::ffff:7f00:1', /ipv4Mapped loopback/], // the same, in hex
  ['64:ff9b::a00:1', /rfc6052 private/], // NAT64 of 10.0.0.1
  ['64:ff9b::7f00:1', /rfc6052 loopback/],
  ['64:ff9b:1::1', /rfc6052/], // local-use NAT64
  ['::7f00:1', /ipv4Compatible/], // ::127.0.0.1, deprecated form
  ['::a00:1', /ipv4Compatible/],
  ['2002:a00:1::1', /6to4/],
  ['2001::1', /teredo/],
  ['fe80::1%eth0', /scoped/],
  ['example.gov.cn', /not an IP/],
  ['127.1', /not an IP/],
  ['', /not an IP/],
];

test('public unicast addresses pass, with or without loopback allowed', () => {
  for (const address of PUBLIC) {
    assert.equal(refusedAddress(address), null, address);
    assert.equal(refusedAddress(address, { allowLoopback: true }), null, address);
  }
});

test('loopback, private, link-local, CGNAT, unspecified, multicast, broadcast, reserved and their IPv6 forms are refused', () => {
  for (const [address, why] of REFUSED) {
    const reason = refusedAddress(address);
    assert.ok(reason, `${address} must be refused`);
    assert.match(reason, why, address);
  }
});

test('allowLoopback lets 127.0.0.0/8 and ::1 through, and nothing else', () => {
  const loopback = ['127.0.0.1', '127.0.0.2', '127.255.255.254', '::1', '[::1]', '::ffff:127.0.0.1'];
  for (const address of loopback) assert.equal(refusedAddress(address, { allowLoopback: true }), null, address);
  for (const [address] of REFUSED) {
    if (loopback.includes(address) || address === '::ffff:7f00:1') continue;
    assert.ok(refusedAddress(address, { allowLoopback: true }), `${address} stays refused with loopback allowed`);
  }
  // NAT64 and the deprecated compatible form of 127.0.0.1 are not loopback.
  assert.ok(refusedAddress('64:ff9b::7f00:1', { allowLoopback: true }));
  assert.ok(refusedAddress('::7f00:1', { allowLoopback: true }));
});

test('URLs: only http(s), no credentials; odd spellings of an address are the address', () => {
  assert.equal(refusedUrl(new URL('http://www.gov.cn/zhengce/')), null);
  assert.equal(refusedUrl(new URL('https://www.beijing.gov.cn/gongkai/')), null);
  for (const url of ['file:///etc/passwd', 'ftp://example.gov.cn/a.pdf', 'gopher://x/', 'data:text/html,hi', 'javascript:alert(1)']) {
    assert.match(refusedUrl(new URL(url)) ?? '', /scheme/, url);
  }
  assert.match(refusedUrl(new URL('http://user:pass@example.gov.cn/')) ?? '', /credentials/);
  assert.match(refusedUrl(new URL('http://user@example.gov.cn/')) ?? '', /credentials/);
  // The WHATWG parser turns decimal, hex and short forms into the dotted address the guard checks.
  for (const spelling of ['http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://127.1/']) {
    const host = new URL(spelling).hostname;
    assert.equal(ipLiteral(host), '127.0.0.1', spelling);
    assert.match(refusedAddress(ipLiteral(host)!) ?? '', /loopback/);
  }
  assert.equal(ipLiteral(new URL('http://[::ffff:a00:1]/').hostname), '::ffff:a00:1');
  assert.equal(ipLiteral('example.gov.cn'), null);
});

test('Retry-After: seconds or an HTTP date', () => {
  const now = Date.parse('2025-04-01T00:00:00Z');
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter(' 0 ', now), 0);
  assert.equal(parseRetryAfter('Tue, 01 Apr 2025 00:00:30 GMT', now), 30_000);
  assert.equal(parseRetryAfter('Mon, 31 Mar 2025 00:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter('-5', now), undefined);
  assert.equal(parseRetryAfter(undefined, now), undefined);
});

test('sniffed from the bytes: text for plain text in UTF-8 or GBK, unknown for binary', () => {
  assert.equal(sniffFetched(Buffer.from('%PDF-1.7\n')), 'pdf');
  assert.equal(sniffFetched(Buffer.from('<!DOCTYPE html><html><head></head></html>')), 'html');
  assert.equal(sniffFetched(Buffer.from('某某县人民政府2024年政府信息公开工作年度报告\r\n')), 'text');
  // 政府信息公开 in GBK
  assert.equal(sniffFetched(Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa, 0x0a])), 'text');
  assert.equal(sniffFetched(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), 'unknown');
  assert.equal(sniffFetched(Buffer.alloc(0)), 'unknown');
});
