// Browser tests: the built site served by `vite preview`, driven in Debian's Chromium through
// playwright-core. Run by `npm run test:e2e`, which builds first.
import { defineConfig } from 'vitest/config';
import { machineSlowdown } from './test/e2e/machine-slowdown.ts';

// Time limits for work that takes this long on a quiet machine, stretched by the machine's load
// when the run starts (a loaded machine must not fail a test that a hang still fails). Waits
// inside the tests measure the page as they go (browser-session.ts, patience).
const slowdown = machineSlowdown();

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/preview-server.ts'],
    testTimeout: 60_000 * slowdown,
    hookTimeout: 60_000 * slowdown,
    // expect.poll without a timeout of its own: a page's answer to a click (vitest's default is 1 s).
    expect: { poll: { timeout: 5_000 * slowdown } },
    fileParallelism: false,
    pool: 'forks',
  },
});
