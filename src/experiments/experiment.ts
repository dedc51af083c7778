/**
 * An experiment of a paper (a figure to reproduce) as independent jobs: `jobs` lists them (each
 * with its own seed), `runJob` runs one (pure and deterministic: the same job gives the same
 * numbers in any process), `assemble` collects the results in job order. The same module serves
 * the claims (run sequentially, reduced configuration, inside `check`) and `reproduce` (the paper's
 * configuration, jobs spread over worker threads) — so there is one copy of the experiment.
 */
import type { Relation } from '../claims/sweep.ts';
import type { Figure } from './figures.ts';

export interface Experiment<C, J, R, D> {
  /** The reproduce target, e.g. 'jcd.fig-3'. */
  readonly id: string;
  readonly title: string;
  /** The paper's configuration (what `reproduce` runs). */
  readonly full: C;
  /** A small configuration (what the claims run in `npm run check`, and the tests). */
  readonly reduced: C;
  /** The configuration with N runs per point (`reproduce --runs N`); the same when the experiment has no repeats. */
  readonly withRuns: (config: C, runs: number) => C;
  readonly jobs: (config: C, seed: string) => J[];
  /** Runs one job; `progress(fraction)` may be called as a long job advances (fraction in [0, 1]). */
  readonly runJob: (job: J, progress?: (fraction: number) => void) => R;
  readonly assemble: (config: C, seed: string, results: R[]) => D;
  readonly figures: (data: D) => Figure[];
  /** The fitted relationships beside the paper's (with the stated values as printed). */
  readonly relations: (data: D) => Relation[];
}

// biome-ignore lint: the registry holds experiments of different types.
export type AnyExperiment = Experiment<any, any, any, any>;

/** Runs an experiment in this thread, job after job; `onProgress(done, total)` counts jobs, fractions included. */
export function runExperiment<C, J, R, D>(exp: Experiment<C, J, R, D>, config: C, seed: string, onProgress?: (done: number, total: number) => void): D {
  const jobs = exp.jobs(config, seed);
  const results = jobs.map((j, i) => {
    const r = exp.runJob(j, onProgress && ((f) => onProgress(i + f, jobs.length)));
    onProgress?.(i + 1, jobs.length);
    return r;
  });
  return exp.assemble(config, seed, results);
}
