/**
 * Freezing the facts value (built fresh per request: never the input resources).
 *
 * The facts are immutable by type (`readonly` everywhere); at run time we freeze their structure —
 * the value and its groups, and with `lists` every list too — so no rule can add, remove or
 * replace a fact. The individual facts inside the lists are left unfrozen: deep-freezing
 * thousands of small objects cost a fifth of the whole evaluation.
 *
 * Lists are frozen in development and tests, not in production (src/startup.ts): V8 11 (Node 20)
 * takes frozen arrays off the fast paths of `slice`, `filter`, `find` and `concat` (4–70× slower
 * per call, bench: issue 18), which the rules use throughout. A rule that changes a list is then
 * caught by the test suite (a TypeError), and by the types (`readonly` arrays have no `push` or
 * `sort`) before that; the cheap freeze of the value and its groups stays everywhere.
 */
export function freezeStructure<T extends object>(value: T, lists = true): Readonly<T> {
  Object.freeze(value);
  for (const child of Object.values(value)) {
    if (Array.isArray(child)) {
      if (lists) Object.freeze(child);
    } else if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) {
      freezeStructure(child, lists);
    }
  }
  return value;
}

/** Deep freezing, for small values shared between requests (cached drug identities). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
