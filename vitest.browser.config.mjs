// `npm run test:browser`: the preview page in a real browser (Debian's chromium driven by
// playwright-core). Kept apart from `npm test`, which runs without a browser.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    env: { TZ: 'Europe/Copenhagen', LOG_LEVEL: 'silent' },
  },
});
