/**
 * String helpers shared by start-up code and request code. They loop instead of using patterns
 * such as `/\/+$/`, which cost the square of a run of slashes on request data.
 */

/** "https://x.dk/r4///" → "https://x.dk/r4". */
export function withoutTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x2f) end--;
  return end === s.length ? s : s.slice(0, end);
}
