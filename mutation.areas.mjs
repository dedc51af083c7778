/**
 * The mutation-testing areas (`npm run mutate[:area]`): what each mutates and which test files judge
 * its mutants. One home for stryker.config.mjs and vitest.mutation.config.ts, which read the area
 * from LEMMACHECK_MUTATE_AREA (default: all).
 *
 * Why areas: the claim tests reach every line of the engine, so under the full suite each engine
 * mutant runs hundreds of trajectory properties and a run takes hours on two cores. An area runs the
 * mutated code's own tests only, so its score is a lower bound on the full suite's. The CLI tests are
 * never run: they spawn child processes, which do not see Stryker's active mutant.
 */
/**
 * @typedef {object} MutationArea
 * @property {string[]} mutate the files mutated
 * @property {string[]} [tests] test files (replacing the suite's); absent: the whole suite but the CLI tests
 * @property {string} [setup] extra set-up besides properties/mutation/fixed-seed.setup.ts (the fixed fast-check seed)
 */

/** @type {Record<string, MutationArea>} */
export const MUTATION_AREAS = {
  all: { mutate: ['src/gd/**/*.ts', 'src/linalg/**/*.ts', 'src/random/**/*.ts', 'src/claims/**/*.ts', 'src/native.ts', '!src/**/*.d.ts'] },
  engine: {
    mutate: ['src/gd/**/*.ts', 'src/native.ts', '!src/**/*.d.ts'],
    tests: [
      'properties/gd/engine.test.ts',
      'properties/gd/engine-edge-cases.test.ts',
      'properties/gd/kernels-bitwise.test.ts',
      'properties/gd/kernel-choice.test.ts',
      'properties/gd/kernel-fallback.test.ts',
      'properties/gd/native-off.test.ts',
      'properties/gd/trajectory-schedule.test.ts',
      'properties/gd/flow.test.ts',
      'properties/lemmas/jcd/support/blocks.test.ts',
      'properties/lemmas/jcd/support/trajectory.test.ts',
      'properties/linalg/dense-and-spectral.test.ts',
      'properties/linalg/native-gram.test.ts',
      'properties/gd/diagnostics-selection.test.ts',
      'properties/gd/diagnostics-work.test.ts',
      'properties/linalg/eigenvalues.test.ts',
      'properties/gd/yd21-flow.test.ts',
    ],
  },
  runner: {
    mutate: [
      'src/claims/runner.ts',
      'src/claims/record.ts',
      'src/claims/montecarlo-runner.ts',
      'src/claims/sweep-runner.ts',
      'src/claims/dispatch.ts',
      'src/claims/compare.ts',
      'src/claims/measured.ts',
      'src/claims/tolerance.ts',
      'src/claims/montecarlo.ts',
      'src/claims/sweep.ts',
    ],
    tests: [
      'properties/claims/runner.test.ts',
      'properties/claims/runner-record.test.ts',
      'properties/claims/montecarlo-record.test.ts',
      'properties/claims/sweep.test.ts',
      'properties/claims/sweep-record.test.ts',
      'properties/claims/statistics-at-edges.test.ts',
      'properties/claims/tolerances-comparisons.test.ts',
      'properties/claims/measured.test.ts',
      'properties/search/search.test.ts',
    ],
  },
  // Instrumented, the linear algebra makes every trajectory test that records diagnostics minutes
  // slower, so the engine's tests are left out (diagnostics.ts is mutated by the engine area); 20
  // draws per property (properties/mutation/linalg.setup.ts).
  linalg: {
    mutate: ['src/linalg/**/*.ts'],
    tests: [
      'properties/linalg/dense-and-spectral.test.ts',
      'properties/linalg/extremes.test.ts',
      'properties/linalg/eigenvalues.test.ts',
      'properties/linalg/facts-and-contracts.test.ts',
    ],
    setup: 'properties/mutation/linalg.setup.ts',
  },
};

/** The area named by LEMMACHECK_MUTATE_AREA (all when unset). */
/** @returns {{ name: string, area: MutationArea }} */
export function mutationArea() {
  const name = process.env.LEMMACHECK_MUTATE_AREA ?? 'all';
  const area = MUTATION_AREAS[name];
  if (!area) throw new Error(`LEMMACHECK_MUTATE_AREA must be one of ${Object.keys(MUTATION_AREAS).join(', ')} (got '${name}')`);
  return { name, area };
}
