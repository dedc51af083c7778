import { defineConfig } from 'vitest/config';
import base from './vitest.mutation.config.ts';

// Mutation testing of the diagnostics' linear algebra (src/linalg) against its own tests (`npm run
// mutate:linalg`), with 20 draws per property (properties/mutation-linalg.setup.ts). Instrumented,
// these routines make every trajectory test that records diagnostics minutes slower, so the
// engine's tests are left out (diagnostics.ts is mutated by mutate:engine): a score measured with
// these files alone is a lower bound on the full suite's. (`include` replaces the
// base's, see vitest.mutation-engine.config.ts.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    setupFiles: ['properties/mutation-linalg.setup.ts'],
    include: [
      'properties/linalg.test.ts',
      'properties/linalg-extremes.test.ts',
      'properties/eigenvalues.test.ts',
      'properties/linalg-mutation.test.ts',
    ],
  },
});
