/**
 * One entry point for every kind of claim the registry holds: deterministic claims (identities,
 * inequalities, trajectories: fast-check properties, runner.ts), probabilistic ones (Monte Carlo,
 * montecarlo-runner.ts) and sweeps (scaling laws and experiments, sweep-runner.ts).
 */
import { isMonteCarloClaim, type MonteCarloClaim } from './montecarlo.ts';
import { monteCarloSabotaged, runMonteCarlo } from './montecarlo-runner.ts';
import { failingRegion } from './failing-region.ts';
import { numRunsFor, type RunOptions, SABOTAGED, type VerdictRecord } from './record.ts';
import { runClaim, sabotagedVariant } from './runner.ts';
import { isSweepClaim, type SweepClaim } from './sweep.ts';
import { runSweep, sweepFigures, sweepSabotaged } from './sweep-runner.ts';
import type { Figure } from '../experiments/figures.ts';
import type { Claim } from './types.ts';
import { UserError } from '../errors.ts';

// A sweep claim of any data type (its data never leaves its own run and relations).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
// biome-ignore lint/suspicious/noExplicitAny: a claim of any instance type (its check is contravariant in it, so unknown would not do)
export type AnyClaim = Claim | MonteCarloClaim | SweepClaim<any>;

/** Runs a claim of any kind (`runs`/`runsScale` become trials of a probabilistic claim, repeats of a sweep). */
export function runAnyClaim(claim: AnyClaim, opts: RunOptions = {}): VerdictRecord {
  if (isMonteCarloClaim(claim)) {
    if (opts.path !== undefined) throw new UserError(`${claim.id} is probabilistic: replay it with its seed alone (no --path)`);
    return runMonteCarlo(claim, { seed: opts.seed, trials: opts.runs, trialsScale: opts.runsScale });
  }
  if (isSweepClaim(claim)) {
    if (opts.path !== undefined) throw new UserError(`${claim.id} is a sweep (${claim.kind}): replay it with its seed alone (no --path)`);
    return runSweep(claim, { seed: opts.seed, repeats: opts.runs, repeatsScale: opts.runsScale });
  }
  const record = runClaim(claim, opts);
  // An erratum's record says where the printed form fails, not only that it does.
  if (claim.erratum && !claim.id.endsWith(SABOTAGED) && opts.path === undefined)
    record.failingRegion = failingRegion(claim, record.seed, numRunsFor(claim, opts));
  return record;
}

/** The figures a claim draws of its data (sweeps that declare `figures`; none for other kinds), with the options of runAnyClaim. */
export function figuresOfClaim(claim: AnyClaim, opts: RunOptions = {}): Figure[] {
  return isSweepClaim(claim) ? sweepFigures(claim, { seed: opts.seed, repeats: opts.runs, repeatsScale: opts.runsScale }) : [];
}

/** The sabotaged variant of a claim of any kind. */
export function sabotageAnyClaim(claim: AnyClaim): AnyClaim {
  if (isMonteCarloClaim(claim)) return monteCarloSabotaged(claim);
  if (isSweepClaim(claim)) return sweepSabotaged(claim);
  return sabotagedVariant(claim);
}

/** True for an identity, inequality or trajectory claim (a fast-check property with instances). */
export function isDeterministic(claim: AnyClaim): claim is Claim {
  return !isMonteCarloClaim(claim) && !isSweepClaim(claim);
}

/** The claim as a deterministic one, or a UserError naming the command that does not apply. */
export function deterministic(claim: AnyClaim, command: string): Claim {
  if (isMonteCarloClaim(claim))
    throw new UserError(
      `${claim.id} is probabilistic: ${command} applies to deterministic claims (its Monte Carlo estimates and constants are in the check report)`,
    );
  if (isSweepClaim(claim))
    throw new UserError(
      `${claim.id} is a sweep (${claim.kind}): ${command} applies to deterministic claims (its fitted relations and estimates are in the check report)`,
    );
  return claim;
}

export { isMonteCarloClaim, isSweepClaim };
