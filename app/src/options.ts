// What the launch page hands to the app across the SMART redirect (same origin, this tab only):
// the language and, for demonstrations against fixture patients, the day the record is seen on.
import type { Lang } from './words.js';

export interface LaunchOptions {
  readonly lang?: Lang;
  /** YYYY-MM-DD: the overview (and, with the service's preview clock on, the cards) as of this day. */
  readonly now?: string;
}

const KEY = 'osteo-overview-options';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readOptions(params: URLSearchParams): LaunchOptions {
  const lang = params.get('lang');
  const now = params.get('now');
  return { ...(lang === 'da' || lang === 'en' ? { lang } : {}), ...(now !== null && DATE.test(now) ? { now } : {}) };
}

export function keepOptions(options: LaunchOptions): void {
  sessionStorage.setItem(KEY, JSON.stringify(options));
}

export function keptOptions(): LaunchOptions {
  try {
    const raw: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    if (raw === null || typeof raw !== 'object') return {};
    const o = raw as Record<string, unknown>;
    return readOptions(new URLSearchParams({ ...(typeof o.lang === 'string' ? { lang: o.lang } : {}), ...(typeof o.now === 'string' ? { now: o.now } : {}) }));
  } catch {
    return {};
  }
}
