/** Issue 13, finding 5: a remote JWK Set is read up to 64 KB; a larger answer makes the key set unavailable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JWK } from 'jose';
import { createJwtVerifier, JWKS_MAX_BYTES } from '../../../src/http/auth/jwt-verifier.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';
import { jwks, makeKey, signToken, startJwksServer, type JwksServer, type TestKey, checkedKeys } from '../../helpers/jwt.js';

const ISS = 'https://ehr.example.org';
const AUD = 'https://cds.example.org/cds-services';

describe('remote JWK Set size cap', () => {
  let key: TestKey;
  let server: JwksServer;
  beforeAll(async () => {
    key = await makeKey('ES384', 'k1');
    server = await startJwksServer(jwks(key));
  });
  afterAll(() => server.close());

  const verifier = () => createJwtVerifier({ jwtAlgorithms: ['ES384'], jwtClockSkewS: 60 }, checkedKeys({ trustedIssuers: { [ISS]: { jwks: server.url } } }).trustedKeys ?? new Map(), openSqliteStore(':memory:'));

  it('a set under the cap verifies', async () => {
    server.serve({ keys: [{ ...key.publicJwk, padding: 'x'.repeat(JWKS_MAX_BYTES - 2048) } as JWK] });
    expect(await verifier().verify(await signToken(key, ISS, AUD), [AUD])).toMatchObject({ ok: true });
  });

  it('a set over 64 KB is not read: jwks-unavailable, the token refused', async () => {
    expect(JWKS_MAX_BYTES).toBe(64 * 1024);
    server.serve({ keys: [{ ...key.publicJwk, padding: 'x'.repeat(JWKS_MAX_BYTES) } as JWK] });
    expect(await verifier().verify(await signToken(key, ISS, AUD), [AUD])).toMatchObject({ ok: false, reason: 'jwks-unavailable' });
  });
});
