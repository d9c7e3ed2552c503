import { expect } from 'vitest';
import { validateResponse } from '../../src/cds-hooks/response.js';

/** Fails the test with the spec problems when a response is not a valid CDS Hooks 2.0 response. */
export function expectValidResponse(body: unknown): void {
  const result = validateResponse(body);
  expect(result.problems).toEqual([]);
}
