// Long statistical validations (calibration against published results): `npm run test:stats`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/stats/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    pool: 'forks',
  },
});
