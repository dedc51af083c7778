import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// Mutation testing (npm run mutate) runs the in-process tests only: the CLI tests spawn child
// processes, which do not see Stryker's active mutant, so they could neither kill nor be charged
// for one. Those behaviours are covered by the in-process tests of the same modules.
// properties/mutation.setup.ts fixes fast-check's seed, so that the names of property tests (which
// carry their seed) are the same in every run: Stryker selects a mutant's tests by name.
export default mergeConfig(
  base,
  defineConfig({ test: { exclude: ['properties/cli.test.ts', 'node_modules/**'], setupFiles: ['properties/mutation.setup.ts'] } }),
);
