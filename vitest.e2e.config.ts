import { defineConfig } from 'vitest/config';

// End-to-end tests: a real Chromium (playwright-core) against the production build on 127.0.0.1.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 300_000,
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
