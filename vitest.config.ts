import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['properties/**/*.test.ts'],
    // Claims run hundreds of instances and the CLI tests spawn processes: generous per-test limits,
    // which are hang guards, not performance assertions (speed is measured by benchmarks).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
