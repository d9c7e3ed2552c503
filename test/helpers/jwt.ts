/**
 * JWT test kit: key pairs made with jose, a JWK Set served over loopback HTTP (its keys can be
 * rotated and its fetches counted), a JWK Set file, and a token signer with CDS Hooks defaults
 * (the sandbox's header shape: alg, typ JWT, kid; claims iss, aud, exp = now + 300, iat, jti).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import type { Config } from '../../src/config.js';
import { readTrustedKeys, type TrustedKeys } from '../../src/http/auth/trusted-keys.js';
import { ConfigError } from '../../src/shared/config-error.js';

export interface TestKey {
  readonly kid: string;
  readonly alg: 'ES384' | 'RS384';
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function makeKey(alg: 'ES384' | 'RS384', kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicJwk };
}

export function jwks(...keys: TestKey[]): { keys: JWK[] } {
  return { keys: keys.map((k) => k.publicJwk) };
}

export interface TokenOptions {
  /** Claims merged over the defaults; a claim set to undefined is left out. */
  readonly claims?: Record<string, unknown>;
  /** Header fields merged over { alg, typ: 'JWT', kid }; a field set to undefined is left out. */
  readonly header?: Record<string, unknown>;
  /** Seconds since the epoch; default now. */
  readonly now?: number;
}

export const nowS = (): number => Math.floor(Date.now() / 1000);

export async function signToken(key: TestKey, iss: string, aud: string | string[], options: TokenOptions = {}): Promise<string> {
  const now = options.now ?? nowS();
  const claims: Record<string, unknown> = { iss, aud, iat: now, exp: now + 300, jti: randomUUID(), ...options.claims };
  const header: Record<string, unknown> = { alg: key.alg, typ: 'JWT', kid: key.kid, ...options.header };
  const payload = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined)) as JWTPayload;
  const protectedHeader = Object.fromEntries(Object.entries(header).filter(([, v]) => v !== undefined)) as { alg: string };
  return new SignJWT(payload).setProtectedHeader(protectedHeader).sign(key.privateKey);
}

export interface JwksServer {
  readonly url: string;
  /** How many times the JWK Set was fetched. */
  fetches(): number;
  /** Replace the served set (key rotation); `undefined` answers 503. */
  serve(set: { keys: JWK[] } | undefined): void;
  close(): Promise<void>;
}

export async function startJwksServer(initial: { keys: JWK[] }): Promise<JwksServer> {
  let current: { keys: JWK[] } | undefined = initial;
  let count = 0;
  const server: Server = createServer((_req, res) => {
    count += 1;
    if (current === undefined) {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/jwk-set+json' }).end(JSON.stringify(current));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    fetches: () => count,
    serve: (set) => {
      current = set;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JWK Set (or any JSON) to a fresh temp file and returns its path. */
export function writeJwksFile(content: unknown, name = 'jwks.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'osteo-cds-jwks-'));
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/**
 * The keys of `trustedIssuers` as start-up (assembleService) checks them, for apps a test builds
 * with `createApp` directly: `{ trustedKeys }`, or nothing when no issuer is trusted.
 */
export function checkedKeys(config: Partial<Pick<Config, 'trustedIssuers'>>): { trustedKeys?: TrustedKeys } {
  if (config.trustedIssuers === undefined) return {};
  const reading = readTrustedKeys(config.trustedIssuers);
  if (!reading.ok) throw new ConfigError(reading.problems);
  return { trustedKeys: reading.keys };
}
