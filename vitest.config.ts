import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Tests never depend on the machine's time zone or language.
    env: { TZ: 'Europe/Copenhagen', LOG_LEVEL: 'silent' },
    testTimeout: 10_000,
  },
});
