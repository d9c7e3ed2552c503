/**
 * The one start-up error: whatever is misconfigured (environment, CDS_SITE_CONFIG, CDS_TERMINOLOGY,
 * a JWKS file), every problem is listed at once and the service does not start.
 */
export class ConfigError extends Error {
  constructor(
    readonly problems: readonly string[],
    /** What was invalid, for the message: "configuration", "site configuration", "terminology file x.json". */
    what = 'configuration',
  ) {
    super(`Invalid ${what}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
