/**
 * Set-up of the linear-algebra mutation run only (the linalg area of mutation.areas.mjs): the fixed seed
 * of properties/mutation/fixed-seed.setup.ts, and 20 runs per property instead of 100. Instrumented by Stryker,
 * the eigenvalue and SVD loops run about 25× slower (every operation becomes a mutant switch), and a
 * run at 100 draws per property was estimated at 7–10 hours; a mutant that survives 20 random
 * matrices plus the exact cases is reported as surviving, so the score is a lower bound.
 */
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20211, numRuns: 20 });
