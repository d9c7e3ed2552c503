/**
 * The address guard of FHIR fetches (service contract, "Version 2 additions"): with
 * CDS_TRUSTED_ISSUERS set, a FHIR server named by a DNS name may not resolve to a loopback,
 * link-local, private, unique-local or otherwise non-public address — an allowlisted name whose
 * DNS points inside would otherwise reach internal services with the caller's token.
 *
 * The check sits in the DNS lookup of each connection (an undici `Agent` whose `connect.lookup`
 * refuses such answers, passed to fetch as its `dispatcher`), so the address checked is the
 * address connected to: no second resolution can differ (DNS rebinding). Every address of an
 * answer must be public; one private address refuses the name.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { Agent } from 'undici';

/** Ranges never contacted through a DNS name (IANA special-purpose registries, the non-public parts). */
const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services live here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** True for an address the service must not reach through a DNS name (IPv4-mapped IPv6 by its IPv4 part). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = MAPPED_V4.exec(address)?.[1];
  if (mapped !== undefined) return NON_PUBLIC.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 4) return NON_PUBLIC.check(address, 'ipv4');
  if (family === 6) return NON_PUBLIC.check(address, 'ipv6');
  return true;
}

/** The code of the error a refused lookup reports (the fetch then fails like any network error). */
export const ADDRESS_REFUSED = 'EADDRNOTPUBLIC';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
/** The shape of `dns.lookup` as `net.connect` calls it. */
export type Resolver = (hostname: string, options: { readonly all: true; readonly family?: number }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemResolver: Resolver = (hostname, options, callback) => {
  dnsLookup(hostname, { all: true, ...(options.family === undefined ? {} : { family: options.family }) }, callback);
};

/** A `lookup` for `net.connect`: resolves every address, refuses the name when any is non-public. */
export function guardedLookup(resolve: Resolver = systemResolver) {
  return (hostname: string, options: { readonly all?: boolean; readonly family?: number | string }, callback: LookupCallback): void => {
    const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : undefined;
    resolve(hostname, { all: true, ...(family === undefined ? {} : { family }) }, (err, addresses) => {
      if (err !== null) {
        callback(err, []);
        return;
      }
      const first = addresses[0];
      if (first === undefined || addresses.some((a) => isNonPublicAddress(a.address))) {
        const refused: NodeJS.ErrnoException = new Error('the FHIR server resolves to a non-public address');
        refused.code = ADDRESS_REFUSED;
        callback(refused, []);
        return;
      }
      if (options.all === true) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * The dispatcher whose connections go through the guard (one per app: it pools connections). The
 * undici package is loaded here, when an app needs the guard (CDS_TRUSTED_ISSUERS set), not when
 * the service starts: a tenth of its start-up time was spent loading it for nothing.
 */
export function guardedDispatcher(resolve?: Resolver): Promise<Agent> {
  return import('undici').then(({ Agent: GuardedAgent }) => new GuardedAgent({ connect: { lookup: guardedLookup(resolve) } }));
}

/** `fetch` with every request sent through `dispatcher` (composes with any fetch wrapper, e.g. tracing). */
export function fetchThrough(base: typeof fetch, dispatcher: Promise<Agent>): typeof fetch {
  // The package's Agent and the types of Node's bundled undici differ in details fetch does not use.
  return async (input, init) => {
    const withDispatcher: { readonly dispatcher: unknown } = { dispatcher: await dispatcher };
    return base(input, Object.assign({}, init, withDispatcher));
  };
}
