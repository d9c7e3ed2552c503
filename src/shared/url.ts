/**
 * URL checks shared by start-up configuration and request validation. They loop rather than use
 * patterns such as `/\/+$/`, which cost the square of a run of slashes on request data.
 */

/** Loopback hosts may use plain http (development and tests); everything else must be https. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** An absolute https URL, or http on a loopback host. */
export function isSecureOrLoopbackUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** "https://x.dk/r4///" → "https://x.dk/r4". */
export function withoutTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x2f) end--;
  return end === s.length ? s : s.slice(0, end);
}

// Tolerant: exports that write `urn:uuid:Medication-1` (no real uuid) mean the same link.
const URN_UUID = /^urn:uuid:[A-Za-z0-9.-]{1,64}$/;

/** A Bundle entry's fullUrl when it is a `urn:uuid:` (how other entries of the Bundle refer to it), else undefined. */
export function urnUuidFullUrl(entry: Readonly<Record<string, unknown>>): string | undefined {
  return typeof entry.fullUrl === 'string' && URN_UUID.test(entry.fullUrl) ? entry.fullUrl : undefined;
}
