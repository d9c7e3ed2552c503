// /app/config.json: what the service tells its app (no patient data): the prefetch templates of
// its discovery (with the site's observation codes), the site's terminology additions and guideline settings, whether
// calls need a JWT, its language and preview clock, and the SMART client id and scope.
import type { GuidelineSettings } from '../../src/rules/settings.js';

export interface AppConfig {
  readonly service: string;
  readonly templates: Readonly<Record<string, string>>;
  readonly siteTerminology?: unknown;
  /** The guideline settings the service's rules run with (the site's, else the defaults). */
  readonly settings?: GuidelineSettings;
  readonly authRequired: boolean;
  readonly language: 'da' | 'en';
  readonly previewClock: boolean;
  readonly clientId: string;
  readonly scope: string;
}

export async function loadConfig(): Promise<AppConfig> {
  const res = await fetch(new URL('config.json', window.location.href), { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  return (await res.json()) as AppConfig;
}
