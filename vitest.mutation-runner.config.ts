import { defineConfig } from 'vitest/config';
import base from './vitest.mutation.config.ts';

// Mutation testing of the claim runner (`npm run mutate:runner`): the three runners (deterministic,
// Monte Carlo, sweep), dispatch, the comparisons and tolerances that decide a verdict, against the
// runner's own test files. properties/claims.test.ts (every registry claim and its sabotage) also
// reaches this code, but runs for minutes per mutant: a score measured with these files alone is a
// lower bound on the full suite's. (`include` replaces the base's, see vitest.mutation-engine.config.ts.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'properties/runner.test.ts',
      'properties/runner.record.test.ts',
      'properties/montecarlo.record.test.ts',
      'properties/sweep.test.ts',
      'properties/sweep.record.test.ts',
      'properties/claims.edges.test.ts',
      'properties/claims.units.test.ts',
      'properties/search.test.ts',
    ],
  },
});
