/**
 * Start-up in one place: the environment, CDS_SITE_CONFIG, CDS_TERMINOLOGY and the JWKS files of
 * CDS_TRUSTED_ISSUERS are read once and checked together, then the engine is built from what they
 * hold. Whatever is wrong in any of them, one `ConfigError` lists every problem, so a site fixes
 * its configuration in one round instead of one file per restart. `main.ts` and the CLI start
 * here; the app is handed the checked keys (and builds the token check on them with the store).
 */
import type { Engine } from './cds-hooks/evaluator.js';
import { readConfig, type Config } from './config.js';
import { createEngine } from './engine.js';
import { readTrustedKeys, type TrustedKeys } from './http/auth/trusted-keys.js';
import { readSiteSettings } from './settings/site-config.js';
import { ConfigError } from './shared/config-error.js';

export interface Service {
  readonly config: Config;
  readonly engine: Engine;
  /** The key sets of CDS_TRUSTED_ISSUERS, local JWKS files read and checked; undefined when it is unset. */
  readonly trustedKeys?: TrustedKeys;
}

/** @throws ConfigError listing every problem of the environment and the files it names. */
export function assembleService(env: Readonly<Record<string, string | undefined>>): Service {
  const reading = readConfig(env);
  // The files are read even when another variable is invalid: every problem in one report.
  const site = readSiteSettings(reading.ok ? reading.config : reading.siteFiles);
  const issuers = reading.ok ? reading.config.trustedIssuers : reading.trustedIssuers;
  const keys = issuers === undefined ? undefined : readTrustedKeys(issuers);
  if (!reading.ok || !site.ok || keys?.ok === false) {
    throw new ConfigError([...(reading.ok ? [] : reading.problems), ...(site.ok ? [] : site.problems), ...(keys?.ok === false ? keys.problems : [])]);
  }
  const { settings, links, cardGrouping, terminology } = site.site;
  const engine = createEngine({ settings, links, cardGrouping, ...(terminology === undefined ? {} : { terminology }) });
  return { config: reading.config, engine, ...(keys === undefined ? {} : { trustedKeys: keys.keys }) };
}
