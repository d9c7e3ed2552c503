import { defineConfig } from 'vitest/config';

/**
 * Date logic is tested in three zones (style.md #14): the whole suite under Danish time, and the
 * date-sensitive folders again under UTC and a negative-offset zone, to catch off-by-one-day
 * errors at month ends and around midnight. Logs stay silent in tests.
 */
const DATE_SENSITIVE = ['test/time/**/*.test.ts', 'test/facts/**/*.test.ts', 'test/rules/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // A liveness bound, not a speed test: generous, since the property tests share two cores with other work.
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'copenhagen', include: ['test/**/*.test.ts'], env: { TZ: 'Europe/Copenhagen', LOG_LEVEL: 'silent' } } },
      { extends: true, test: { name: 'utc', include: DATE_SENSITIVE, env: { TZ: 'UTC', LOG_LEVEL: 'silent' } } },
      { extends: true, test: { name: 'new-york', include: DATE_SENSITIVE, env: { TZ: 'America/New_York', LOG_LEVEL: 'silent' } } },
    ],
  },
});
