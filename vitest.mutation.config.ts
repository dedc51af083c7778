import { defineConfig } from 'vitest/config';
import { mutationArea } from './mutation.areas.mjs';
import base from './vitest.config.ts';

// Mutation testing runs the in-process tests of the area (mutation.areas.mjs): the CLI tests spawn
// child processes, which do not see Stryker's active mutant, so they could neither kill nor be charged
// for one. properties/mutation/fixed-seed.setup.ts fixes fast-check's seed, so that the names of property tests
// (which carry their seed) are the same in every run: Stryker selects a mutant's tests by name.
// `include` is replaced, not merged (mergeConfig would concatenate it with the base's).
const { area } = mutationArea();
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    ...(area.tests ? { include: [...area.tests] } : {}),
    exclude: ['properties/cli/commands.test.ts', 'node_modules/**'],
    setupFiles: ['properties/mutation/fixed-seed.setup.ts', ...(area.setup ? [area.setup] : [])],
  },
});
