// Browser tests: the built site served by `vite preview`, driven in Debian's Chromium through
// playwright-core. Run by `npm run test:e2e`, which builds first.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/preview-server.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
