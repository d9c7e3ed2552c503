/**
 * The versions a site and an EHR can see (GET /version and discovery's
 * `extension["osteo-cds.versions"]`): the service's own semver from package.json, the rules
 * version and the guideline card version (src/rules/version.ts, handed over by the engine).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { packagePath } from './package-root.js';

export interface Versions {
  readonly service: string;
  readonly rules: string;
  readonly guideline: string;
}

const packageJson = z.looseObject({ version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/) });

let cached: string | undefined;

/** `version` of the package's package.json (read once). */
export function serviceVersion(): string {
  cached ??= packageJson.parse(JSON.parse(readFileSync(packagePath('package.json'), 'utf8'))).version;
  return cached;
}

export function versionsOf(engine: { readonly rulesVersion: string; readonly guidelineVersion: string }): Versions {
  return { service: serviceVersion(), rules: engine.rulesVersion, guideline: engine.guidelineVersion };
}
