import { defineConfig } from 'vitest/config';
import base from './vitest.mutation.config.ts';

// Mutation testing of the diagnostics' linear algebra (src/linalg, src/gd/diagnostics.ts) against
// its own tests (`npm run mutate:linalg`). Instrumented, these routines make every trajectory test
// that records diagnostics minutes slower, so the engine's trajectory tests are left out: a score
// measured with these files alone is a lower bound on the full suite's. (`include` replaces the
// base's, see vitest.mutation-engine.config.ts.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'properties/linalg.test.ts',
      'properties/linalg-extremes.test.ts',
      'properties/eigenvalues.test.ts',
      'properties/diagnostics-selection.test.ts',
    ],
  },
});
