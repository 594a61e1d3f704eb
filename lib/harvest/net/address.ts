import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The address guard's rules (docs/harvest.md#the-address-guard): which URLs the harvester may ask
 * for, and which IP addresses it may connect to. Pure functions, no socket and no DNS: the
 * connector (guard.ts) applies them to every address a host resolves to and to the address each
 * socket is connected to.
 *
 * An address passes only when ipaddr.js calls it plain `unicast`: loopback, private (10/8,
 * 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), carrier-grade NAT
 * (100.64/10), unspecified, multicast, broadcast, documentation, benchmarking and the other
 * reserved ranges are refused, as are IPv6 forms that carry an IPv4 address (mapped, NAT64) when
 * that address would be refused, and the tunnelling forms (6to4, Teredo) and the deprecated
 * IPv4-compatible ::/96 outright. `allowLoopback` lets 127.0.0.0/8 and ::1 through, nothing else.
 */

export interface AddressPolicy {
  /** 127.0.0.0/8 and ::1 (and ::ffff:127.x.y.z): for tests and local demos only. */
  allowLoopback?: boolean;
}

/** Why an address is refused (the ipaddr.js range name, e.g. `private`, `linkLocal`), or null when it may be used. */
export function refusedAddress(address: string, policy: AddressPolicy = {}): string | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  // Zone ids (fe80::1%eth0) only exist on link-local addresses.
  if (bare.includes('%')) return 'scoped address';
  if (isIP(bare) === 0) return 'not an IP address';
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(bare);
  } catch {
    return 'not an IP address';
  }
  return parsed.kind() === 'ipv4' ? refusedV4(parsed as ipaddr.IPv4, policy) : refusedV6(parsed as ipaddr.IPv6, policy);
}

function refusedV4(address: ipaddr.IPv4, policy: AddressPolicy): string | null {
  const range = address.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && policy.allowLoopback) return null;
  return range;
}

const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

function refusedV6(address: ipaddr.IPv6, policy: AddressPolicy): string | null {
  if (address.isIPv4MappedAddress()) {
    const inner = refusedV4(address.toIPv4Address(), policy);
    return inner === null ? null : `ipv4Mapped ${inner}`;
  }
  // The well-known NAT64 prefix: how an IPv6-only host reaches an IPv4 site (DNS64). The site's
  // address is the last 32 bits, and it is that address that must pass.
  if (address.match(NAT64)) {
    const parts = address.parts;
    const inner = refusedV4(new ipaddr.IPv4([parts[6]! >> 8, parts[6]! & 0xff, parts[7]! >> 8, parts[7]! & 0xff]), {});
    return inner === null ? null : `rfc6052 ${inner}`;
  }
  const range = address.range();
  if (range === 'loopback') return policy.allowLoopback ? null : range;
  if (range === 'unspecified') return range;
  // ::a.b.c.d, deprecated (RFC 4291 §2.5.5.1); ipaddr.js calls it unicast.
  if (address.match(IPV4_COMPATIBLE)) return 'ipv4Compatible';
  return range === 'unicast' ? null : range;
}

/** The URL's host as an IP address when it is one (brackets of an IPv6 literal removed), else null. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? null : bare;
}

/**
 * Why a URL may not be asked for at all, or null: a scheme other than http(s), credentials in
 * it, no host. (WHATWG parsing has already turned `http://2130706433/` or `http://0x7f.1/` into
 * `127.0.0.1`, so the address check sees the real address.)
 */
export function refusedUrl(url: URL): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `scheme ${url.protocol} is not http(s)`;
  if (url.username !== '' || url.password !== '') return 'credentials in the URL';
  if (url.hostname === '') return 'no host';
  return null;
}
