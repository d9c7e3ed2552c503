/**
 * The FHIR servers of a test file are nock's: every other host is refused (a request the test did
 * not intercept fails instead of reaching the network), loopback stays open for supertest and the
 * file's own servers, and interceptors do not outlive their test.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll } from 'vitest';

export function onlyNockAndLoopback(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect((host) => host.startsWith('127.0.0.1'));
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
}
