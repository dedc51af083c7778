/**
 * Set-up of the mutation runs only (vitest.mutation.config.ts): one fixed fast-check seed.
 *
 * @fast-check/vitest names each property test "… (with seed=S)" with a fresh S per run unless a
 * global seed is configured, and Stryker selects the tests that cover a mutant by name (recorded in
 * its initial run): with a fresh seed the names never match, so a mutant covered only by property
 * tests would run no test at all and be reported as survived.
 */
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20211 });
