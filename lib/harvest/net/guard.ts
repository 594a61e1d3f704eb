import { lookup as dnsLookup } from 'node:dns/promises';
import { buildConnector } from 'undici';
import { HarvestError } from '../types';
import { type AddressPolicy, ipLiteral, refusedAddress } from './address';

/**
 * The address guard at the connection (docs/harvest.md#the-address-guard): undici's Agent gets
 * this connector as its `connect` option, so no socket is opened anywhere else. For every new
 * connection it resolves the host itself, refuses the connection when any address the host
 * resolves to is refused, dials the checked address (never the name again, so a second DNS answer
 * cannot slip in a private address), and checks `socket.remoteAddress` once connected.
 */

interface ResolvedAddress {
  address: string;
  family: number;
}

/** How a host name becomes addresses; the tests answer with a stub and never ask a real DNS server. */
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

/** What opens a socket to an address that has passed the guard (undici's own connector by default). */
export type Dial = buildConnector.connector;

export const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

interface GuardOptions {
  policy: AddressPolicy;
  lookup: Lookup;
  dial: Dial;
}

/**
 * The host's addresses, every one of them checked: an IP literal stands for itself, a name is
 * resolved with `lookup`. Throws HarvestError 'refused address' (any refused address refuses
 * the host) or 'dns failure' (no address); lookup errors (ENOTFOUND …) pass through.
 */
export async function checkedAddresses(hostname: string, policy: AddressPolicy, lookup: Lookup, where: string): Promise<string[]> {
  const literal = ipLiteral(hostname);
  const addresses = literal ? [literal] : (await lookup(hostname)).map((entry) => entry.address);
  if (addresses.length === 0) throw new HarvestError('dns failure', where, `${hostname} has no address`);
  for (const address of addresses) {
    const why = refusedAddress(address, policy);
    if (why !== null) {
      throw new HarvestError('refused address', where, literal ? `${address} is ${why}` : `${hostname} resolves to ${address} (${why})`);
    }
  }
  return addresses;
}

/** Errors after which the next address of the host is worth a try. */
const NEXT_ADDRESS = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);

export function guardedConnector({ policy, lookup, dial }: GuardOptions): buildConnector.connector {
  return (options, callback) => {
    const where = `${options.protocol}//${options.host ?? options.hostname}`;
    // The name the certificate must match: the host's, although the socket goes to an address.
    const servername = options.servername || (ipLiteral(options.hostname) ? undefined : options.hostname);
    const attempt = (addresses: string[], index: number): void => {
      try {
        dialOne(addresses, index);
      } catch (error) {
        callback(error as Error, null);
      }
    };
    const dialOne = (addresses: string[], index: number) => {
      dial({ ...options, hostname: addresses[index]!, servername }, (error, socket) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (index + 1 < addresses.length && code && NEXT_ADDRESS.has(code)) return attempt(addresses, index + 1);
          return callback(error, null);
        }
        const remote = socket.remoteAddress;
        const why = remote ? refusedAddress(remote, policy) : 'no remote address';
        if (why !== null) {
          socket.destroy();
          return callback(new HarvestError('refused address', where, `connected to ${remote ?? '?'} (${why})`), null);
        }
        callback(null, socket);
      });
    };
    checkedAddresses(options.hostname, policy, lookup, where).then(
      (addresses) => attempt(addresses, 0),
      (error: Error) => callback(error, null),
    );
  };
}

export function defaultDial(connectTimeoutMs: number): Dial {
  return buildConnector({ timeout: connectTimeoutMs });
}
