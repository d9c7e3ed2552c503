/**
 * Which FHIR servers a call may make the service contact (service contract, "Version 2
 * additions": the per-issuer `fhirServers` allowlist). The caller chooses `fhirServer`; without
 * this check any caller could aim the service, and its bearer token, at any reachable server.
 *
 * - No CDS_TRUSTED_ISSUERS (development): any `fhirServer`, loopback included.
 * - Otherwise the issuer of the call's verified JWT must list a prefix the server is under;
 *   an issuer with no list may not use the FHIR fallback at all.
 * - A prefix matches scheme, host, port and whole path segments: `https://fhir.example.dk`
 *   admits neither `https://fhir.example.dk.evil.net` nor `https://fhir.example.dk/r4x`.
 * - A prefix that names a host by a DNS name (other than `localhost`) admits only what that name
 *   resolves to outside loopback, link-local and private ranges (`address-guard.ts` checks each
 *   connection); a prefix naming an address or `localhost` names it explicitly and is trusted.
 */
import { isIP } from 'node:net';

/** The allowlist entry of one issuer, as `Config.trustedIssuers` holds it. */
export interface IssuerServers {
  readonly fhirServers?: readonly string[];
}

export type ServerAccess =
  /** `guardAddresses`: resolve the host through the address guard (refuses private addresses). */
  | { readonly allowed: true; readonly guardAddresses: boolean }
  /** Why the server is not contacted (logged; never sent to the caller). */
  | { readonly allowed: false; readonly reason: 'issuer-has-no-fhir-servers' | 'fhir-server-not-listed' };

function segments(pathname: string): string[] {
  return pathname.split('/').filter((s) => s !== '');
}

/** True when `url` is `base` or below it: same scheme, host and port, and base's whole path segments first. */
export function isUnderBase(url: URL, base: URL): boolean {
  if (url.protocol !== base.protocol || url.hostname !== base.hostname || url.port !== base.port) return false;
  if (url.username !== '' || url.password !== '') return false;
  const own = segments(url.pathname);
  const prefix = segments(base.pathname);
  return prefix.length <= own.length && prefix.every((s, i) => own[i] === s);
}

/** A host given as an IP address or `localhost`: whoever wrote it meant that very address. */
export function namesAddressExplicitly(hostname: string): boolean {
  const host = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(host) !== 0 || host === 'localhost';
}

/**
 * May this call's `fhirServer` be contacted? `issuers` undefined = authentication off;
 * `issuer` is the verified JWT's `iss` (undefined when there was no token).
 */
export function fhirServerAccess(
  fhirServer: string,
  issuers: Readonly<Record<string, IssuerServers>> | undefined,
  issuer: string | undefined,
): ServerAccess {
  if (issuers === undefined) return { allowed: true, guardAddresses: false };
  const prefixes = issuer === undefined || !Object.hasOwn(issuers, issuer) ? undefined : issuers[issuer]?.fhirServers;
  if (prefixes === undefined || prefixes.length === 0) return { allowed: false, reason: 'issuer-has-no-fhir-servers' };
  if (!URL.canParse(fhirServer)) return { allowed: false, reason: 'fhir-server-not-listed' };
  const url = new URL(fhirServer);
  const match = prefixes.find((p) => URL.canParse(p) && isUnderBase(url, new URL(p)));
  if (match === undefined) return { allowed: false, reason: 'fhir-server-not-listed' };
  return { allowed: true, guardAddresses: !namesAddressExplicitly(new URL(match).hostname) };
}

/** `https://x.dk/r4?secret#f` → `https://x.dk/r4`: a server as it may be logged (no query, no credentials). */
export function loggableServer(fhirServer: string): string {
  if (!URL.canParse(fhirServer)) return '(not a URL)';
  const url = new URL(fhirServer);
  return `${url.origin}${url.pathname}`.slice(0, 300);
}
