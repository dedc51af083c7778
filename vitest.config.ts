import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['properties/**/*.test.ts'],
    // Claims run hundreds of instances and the CLI tests spawn processes: generous per-test limits,
    // which are hang guards, not performance assertions (speed is measured by benchmarks).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // In a log (CI, a pipe) the default reporter prints a file only when all its tests are done, so
    // the CLI test files, each a few minutes of child processes, left the log silent that long;
    // 'verbose' prints every test as it finishes. A terminal keeps the default live summary.
    reporters: [process.stdout.isTTY ? 'default' : 'verbose'],
  },
});
