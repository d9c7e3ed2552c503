/**
 * The key sets of CDS_TRUSTED_ISSUERS, read and checked once at start (src/startup.ts lists their
 * problems with every other configuration problem in one `ConfigError`). A local JWKS file is read
 * here and must hold public keys only; a remote set is named by its URL and fetched when a token
 * needs it (jwt-verifier.ts). The app is handed the result and reads no file itself.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';
import type { TrustedIssuer } from '../../config.js';

/** One issuer's keys as start-up checked them. */
export interface IssuerKeys {
  readonly jwks: { readonly remote: URL } | { readonly local: JSONWebKeySet };
  /** The only `jku` a token of this issuer may carry (undefined: none may). */
  readonly jku: string | undefined;
  readonly tenants: readonly string[] | undefined;
}

/** Issuer → its checked keys. */
export type TrustedKeys = ReadonlyMap<string, IssuerKeys>;

/** The keys read and checked: the keys, or every problem of the JWKS files. */
export type TrustedKeysReading = { readonly ok: true; readonly keys: TrustedKeys } | { readonly ok: false; readonly problems: readonly string[] };

/** A JWKS location with a scheme is a URL (config has checked it is https or loopback http). */
export function isJwksUrl(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}

/** A public JWK Set: keys with a `kty`, no private or symmetric key material. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'] as const;
const jwksFileSchema = z.object({
  keys: z
    .array(
      z.looseObject({ kty: z.string().min(1) }).refine((k) => k.kty !== 'oct', 'symmetric (oct) keys are never accepted').refine(
        (k) => PRIVATE_MEMBERS.every((m) => !(m in k)),
        'holds private key material: give the public key set (e.g. the published jwks.json), never a key pair',
      ),
    )
    .min(1, 'must hold at least one key'),
});

function readJwksFile(issuer: string, path: string, problems: string[]): JSONWebKeySet | undefined {
  const where = `CDS_TRUSTED_ISSUERS: ${issuer}: JWKS file ${path}`;
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'unreadable';
    problems.push(`${where} cannot be read (${code})`);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    problems.push(`${where} is not JSON`);
    return undefined;
  }
  const parsed = jwksFileSchema.safeParse(json);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => `${where}: ${i.path.map(String).join('.') || 'keys'}: ${i.message}`));
    return undefined;
  }
  return parsed.data;
}

/** Reads every local JWKS file of the issuers, without throwing. */
export function readTrustedKeys(trusted: Readonly<Record<string, TrustedIssuer>>): TrustedKeysReading {
  const problems: string[] = [];
  const keys = new Map<string, IssuerKeys>();
  for (const [iss, entry] of Object.entries(trusted)) {
    const remote = isJwksUrl(entry.jwks);
    const local = remote ? undefined : readJwksFile(iss, entry.jwks, problems);
    if (!remote && local === undefined) continue;
    keys.set(iss, {
      jwks: local === undefined ? { remote: new URL(entry.jwks) } : { local },
      jku: entry.jku ?? (remote ? entry.jwks : undefined),
      tenants: entry.tenants,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, keys };
}
