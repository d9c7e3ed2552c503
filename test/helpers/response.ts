import { expect } from 'vitest';
import { validateResponse } from '../../src/cds-hooks/response.js';

/** Every 200 from a hook goes through the response validator (spec rules, ordering, no empties). */
export function expectValidResponse(body: unknown): void {
  const result = validateResponse(body);
  expect(result.problems).toEqual([]);
  expect(result.valid).toBe(true);
}

/** An error answer: a FHIR OperationOutcome with the request id, no stack trace. */
export function expectOperationOutcome(body: unknown, expression?: string): void {
  expect(body).toMatchObject({ resourceType: 'OperationOutcome' });
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/\bat .*\.(?:js|ts):\d+/);
  expect(text).toContain('urn:osteo-cds:request-id');
  if (expression !== undefined) {
    const expressions = (body as { issue: { expression?: string[] }[] }).issue.flatMap((i) => i.expression ?? []);
    expect(expressions).toContain(expression);
  }
}
