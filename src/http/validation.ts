/**
 * Schema validation for request bodies: a zod failure becomes one 400 with an issue per bad
 * field, its `expression` the field's path (`context.draftOrders.entry[0]`). Messages come from
 * our schemas and zod's type messages; the offending values are never echoed back or logged.
 */
import type { z } from 'zod';
import { badRequestIssues } from './errors.js';

const MAX_ISSUES = 20;

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw badRequestIssues(
    result.error.issues.slice(0, MAX_ISSUES).map((issue) => {
      const expression = fieldPath(issue.path);
      return expression === ''
        ? { detail: `request body: ${issue.message}` }
        : { detail: `${expression}: ${issue.message}`, expression };
    }),
  );
}
