/**
 * Verification of the CDS Hooks client JWT ({@link https://cds-hooks.hl7.org/2.0/#trusting-cds-clients},
 * cds-hooks best practices "JWT"), built once at start from CDS_TRUSTED_ISSUERS,
 * CDS_JWT_ALGORITHMS and CDS_JWT_CLOCK_SKEW_S.
 *
 * Checks, in order (the cheap, key-free ones first, so garbage never causes a JWKS fetch):
 * 1. a compact JWS whose header `alg` is one of the configured algorithms (never `none` or HS*:
 *    config refuses them), with a `kid` (REQUIRED by the spec; it selects the key), `typ` JWT
 *    when present;
 * 2. `iss` on the allowlist; the header `jku`, when present, equal to the issuer's configured
 *    `jku` (or its JWKS URL) — a `jku` is compared, never fetched;
 * 3. the signature, against the issuer's JWK Set: a remote set (jose `createRemoteJWKSet`: cached,
 *    refetched on an unknown `kid` at most once per cooldown) or a local file read and checked at
 *    start (trusted-keys.ts, from src/startup.ts);
 * 4. claims: `iss`, `aud`, `exp`, `iat`, `jti` present; `aud` one of the URLs of this call; `exp`,
 *    `nbf`, `iat` with the clock skew (`iat` not in the future); a lifetime `exp − iat` of at most
 *    an hour (the replay cache must hold every jti until expiry); `tenant` on the issuer's
 *    allowlist when it has one;
 * 5. `jti` not seen before for this issuer (recorded only once everything else passed), in the
 *    service's store (`TokenLedger`): with PostgreSQL a token used at one replica is refused at
 *    every other. A store that does not answer refuses the token (a replay is never let through).
 *
 * A remote JWK Set is read up to JWKS_MAX_BYTES.
 *
 * The result is a verdict with a reason code for the debug log; the HTTP answer is a bare 401.
 * Nothing here logs, and the token itself never leaves this module.
 */
import { createHash } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, customFetch, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../../config.js';
import { readText } from '../../prefetch/fhir-client.js';
import type { TrustedKeys } from './trusted-keys.js';

/** Why a token was refused (logged at debug; never sent to the client). */
export type AuthFailure =
  | 'missing'
  | 'malformed'
  | 'algorithm'
  | 'no-kid'
  | 'typ'
  | 'unknown-issuer'
  | 'jku-mismatch'
  | 'unknown-kid'
  | 'jwks-unavailable'
  | 'signature'
  | 'missing-claim'
  | 'audience'
  | 'expired'
  | 'not-yet-valid'
  | 'iat-in-future'
  | 'lifetime-too-long'
  | 'too-old'
  | 'tenant'
  | 'replay'
  | 'replay-unavailable'
  | 'claims';

/** Safe-to-log token facts (best practices: iss, tenant and jti may be logged), each cut short. */
export interface TokenFacts {
  readonly iss?: string;
  readonly kid?: string;
  readonly jti?: string;
  readonly tenant?: string;
}

export type Verdict =
  | { readonly ok: true; readonly facts: TokenFacts }
  | { readonly ok: false; readonly reason: AuthFailure; readonly facts: TokenFacts };

export interface JwtVerifier {
  /** `token`: the compact JWT (the Authorization header already stripped of `Bearer`). */
  verify(token: string, audiences: readonly string[]): Promise<Verdict>;
}

export interface JwtVerifierOptions {
  /** Wall clock in ms (JWT times are real time, not the request's pinned "now"). */
  readonly now?: () => number;
  /** How long a fetched JWK Set is used before it is fetched again (default 10 min). */
  readonly jwksCacheMaxAgeMs?: number;
  /** No refetch on an unknown kid within this long after a fetch (default 30 s). */
  readonly jwksCooldownMs?: number;
  /** Time limit of one JWK Set fetch (default 3 s: the EHR is waiting). */
  readonly jwksTimeoutMs?: number;
}

/** Where seen tokens are kept (the store's `rememberToken`: true for a first use, false for a replay). */
export interface TokenLedger {
  rememberToken(key: string, expiresAt: Date): Promise<boolean>;
}

/**
 * Largest remote JWK Set read (64 KB: a set of ten RSA-4096 keys with certificate chains is well
 * under it). An issuer's key URL answering more is unavailable, so a misconfigured or hostile
 * endpoint cannot fill the memory of every token check.
 */
export const JWKS_MAX_BYTES = 64 * 1024;

/** jose's fetch for remote sets, reading at most `maxBytes` of the answer (the global fetch is looked up per call). */
function cappedFetch(maxBytes: number) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    const response = await globalThis.fetch(url, init);
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      return new Response(null, { status: response.status });
    }
    const text = await readText(response, maxBytes);
    if (text === undefined) throw new Error(`JWK Set larger than ${maxBytes} bytes`);
    return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

/** Longest accepted token lifetime (`exp − iat`) and age, in seconds. */
export const MAX_TOKEN_LIFETIME_S = 3600;
const MAX_TOKEN_LENGTH = 16 * 1024;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** iss + jti as a fixed-length key (a jti may be long; index keys must be short). */
export function tokenKey(iss: string, jti: string): string {
  return createHash('sha256').update(JSON.stringify([iss, jti]), 'utf8').digest('hex');
}

interface IssuerVerifier {
  readonly keys: JWTVerifyGetKey;
  /** The only `jku` a token of this issuer may carry (undefined: none may). */
  readonly jku: string | undefined;
  readonly tenants: readonly string[] | undefined;
}

/** The key lookup of each issuer: a local set as start-up read it, a remote set fetched when a token needs it. */
function buildIssuers(trusted: TrustedKeys, options: JwtVerifierOptions): Map<string, IssuerVerifier> {
  const issuers = new Map<string, IssuerVerifier>();
  for (const [iss, entry] of trusted) {
    const keys =
      'remote' in entry.jwks
        ? createRemoteJWKSet(entry.jwks.remote, {
            cacheMaxAge: options.jwksCacheMaxAgeMs ?? 10 * 60_000,
            cooldownDuration: options.jwksCooldownMs ?? 30_000,
            timeoutDuration: options.jwksTimeoutMs ?? 3000,
            [customFetch]: cappedFetch(JWKS_MAX_BYTES),
          })
        : createLocalJWKSet(entry.jwks.local);
    issuers.set(iss, { keys, jku: entry.jku, tenants: entry.tenants });
  }
  return issuers;
}

const short = (value: unknown): string | undefined => (typeof value === 'string' ? value.slice(0, 200) : undefined);

/** jose's error classes → our reason codes (by `code`, never by message text). */
function reasonOf(err: unknown): AuthFailure {
  if (err instanceof errors.JWTExpired) return err.claim === 'iat' ? 'too-old' : 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.reason === 'missing') return 'missing-claim';
    if (err.reason === 'invalid') return 'claims';
    switch (err.claim) {
      case 'aud':
        return 'audience';
      case 'nbf':
        return 'not-yet-valid';
      case 'iat':
        return 'iat-in-future';
      case 'iss':
        return 'unknown-issuer';
      default:
        return 'claims';
    }
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) return 'algorithm';
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) return 'unknown-kid';
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return 'malformed';
  // JWKSTimeout, a non-200 or non-JSON JWKS answer, a network error.
  return 'jwks-unavailable';
}

/** `keys`: the issuers' key sets as start-up read and checked them (trusted-keys.ts). */
export function createJwtVerifier(
  config: Pick<Config, 'jwtAlgorithms' | 'jwtClockSkewS'>,
  keys: TrustedKeys,
  tokens: TokenLedger,
  options: JwtVerifierOptions = {},
): JwtVerifier {
  const issuers = buildIssuers(keys, options);
  const now = options.now ?? Date.now;
  const skew = config.jwtClockSkewS;
  const algorithms = [...config.jwtAlgorithms];

  return {
    async verify(token, audiences) {
      if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) return { ok: false, reason: 'malformed', facts: {} };
      let header: ReturnType<typeof decodeProtectedHeader>;
      let unverified: JWTPayload;
      try {
        header = decodeProtectedHeader(token);
        unverified = decodeJwt(token);
      } catch {
        return { ok: false, reason: 'malformed', facts: {} };
      }
      const facts: TokenFacts = {
        ...(short(unverified.iss) === undefined ? {} : { iss: short(unverified.iss) }),
        ...(short(header.kid) === undefined ? {} : { kid: short(header.kid) }),
        ...(short(unverified.jti) === undefined ? {} : { jti: short(unverified.jti) }),
      };
      const fail = (reason: AuthFailure): Verdict => ({ ok: false, reason, facts });

      if (typeof header.alg !== 'string' || !algorithms.includes(header.alg)) return fail('algorithm');
      if (typeof header.kid !== 'string' || header.kid === '') return fail('no-kid');
      if (header.typ !== undefined && (typeof header.typ !== 'string' || header.typ.toUpperCase() !== 'JWT')) return fail('typ');
      const iss = unverified.iss;
      const issuer = typeof iss === 'string' ? issuers.get(iss) : undefined;
      if (iss === undefined || issuer === undefined) return fail('unknown-issuer');
      if (header.jku !== undefined && header.jku !== issuer.jku) return fail('jku-mismatch');
      if (audiences.length === 0) return fail('audience');

      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, issuer.keys, {
          issuer: iss,
          audience: [...audiences],
          algorithms,
          clockTolerance: skew,
          requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
          // Also refuses an iat in the future beyond the skew.
          maxTokenAge: MAX_TOKEN_LIFETIME_S,
          currentDate: new Date(now()),
        }));
      } catch (err) {
        return fail(reasonOf(err));
      }

      const { exp, iat, jti, tenant } = payload;
      if (typeof jti !== 'string' || jti === '' || typeof exp !== 'number' || typeof iat !== 'number') return fail('missing-claim');
      if (exp - iat > MAX_TOKEN_LIFETIME_S) return fail('lifetime-too-long');
      if (issuer.tenants !== undefined && (typeof tenant !== 'string' || !issuer.tenants.includes(tenant))) return fail('tenant');

      // Kept until the token could no longer pass the exp check.
      let first: boolean;
      try {
        first = await tokens.rememberToken(tokenKey(iss, jti), new Date((exp + skew) * 1000));
      } catch {
        return fail('replay-unavailable');
      }
      if (!first) return fail('replay');
      return { ok: true, facts: { ...facts, ...(typeof tenant === 'string' ? { tenant: tenant.slice(0, 200) } : {}) } };
    },
  };
}
