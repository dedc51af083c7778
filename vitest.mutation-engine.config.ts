import { defineConfig } from 'vitest/config';
import base from './vitest.mutation.config.ts';

// Mutation testing of the engine (src/gd) against the engine's own tests only (`npm run mutate:engine`): the claim tests reach every line of the step and the trajectory loop, so under the full suite each
// engine mutant runs hundreds of trajectory properties and a run takes hours on two cores. A score
// measured with these files alone is a lower bound on the full suite's. (`include` is replaced, not
// merged: mergeConfig would concatenate it with the base's `properties/**/*.test.ts`.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'properties/engine.test.ts',
      'properties/engine.edges.test.ts',
      'properties/kernel.test.ts',
      'properties/kernel-choice.test.ts',
      'properties/kernel-fallback.test.ts',
      'properties/native-off.test.ts',
      'properties/trajectory-schedule.test.ts',
      'properties/flow.test.ts',
      'properties/jcd-blocks.test.ts',
      'properties/jcd-trajectory.test.ts',
      'properties/linalg.test.ts',
      'properties/linalg-native.test.ts',
      'properties/diagnostics-selection.test.ts',
      'properties/diagnostics-work.test.ts',
      'properties/eigenvalues.test.ts',
      'properties/yd21-flow.test.ts',
    ],
  },
});
