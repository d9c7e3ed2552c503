/**
 * The preview clock: with CDS_PREVIEW_CLOCK=on, a hook call may carry `X-Osteo-Now` (a date
 * `YYYY-MM-DD`, taken as noon UTC — the same day in Denmark — or an RFC 3339 date-time) and is
 * evaluated as of that time, so the preview page shows a fixture patient's cards as of the
 * fixture's pinned date. Off (the default), the header is ignored: in production no client sets
 * the service's clock.
 */
import type { Request } from 'express';
import { badRequest } from '../errors.js';

export const PREVIEW_NOW_HEADER = 'x-osteo-now';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** The instant a header value names, or undefined if it is not a valid date or date-time. */
export function parsePreviewNow(value: string): Date | undefined {
  const v = value.trim();
  const iso = DATE.test(v) ? `${v}T12:00:00Z` : DATE_TIME.test(v) ? v : undefined;
  if (iso === undefined) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject dates JavaScript rolls over (2026-02-30 → March).
  if (DATE.test(v) && date.toISOString().slice(0, 10) !== v) return undefined;
  return date;
}

/** Per-request "now" from the header; undefined when absent. Throws 400 for an unreadable value. */
export function previewNow(req: Request): Date | undefined {
  const value = req.get(PREVIEW_NOW_HEADER);
  if (value === undefined || value.trim() === '') return undefined;
  const date = parsePreviewNow(value);
  if (date === undefined) throw badRequest('X-Osteo-Now must be a date (YYYY-MM-DD) or an RFC 3339 date-time', 'X-Osteo-Now');
  return date;
}
