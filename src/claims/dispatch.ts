/**
 * One entry point for both kinds of claim the registry holds: deterministic claims (identities,
 * inequalities, trajectories: fast-check properties, runner.ts) and probabilistic ones (Monte Carlo,
 * montecarlo-runner.ts).
 */
import { isMonteCarloClaim, type MonteCarloClaim } from './montecarlo.ts';
import { monteCarloSabotaged, runMonteCarlo } from './montecarlo-runner.ts';
import { type RunOptions, runClaim, sabotagedVariant, type VerdictRecord } from './runner.ts';
import type { Claim } from './types.ts';
import { UserError } from '../errors.ts';

export type AnyClaim = Claim | MonteCarloClaim;

/** Runs a claim of either kind (`runs`/`runsScale` become trials for a probabilistic claim). */
export function runAnyClaim(claim: AnyClaim, opts: RunOptions = {}): VerdictRecord {
  if (isMonteCarloClaim(claim)) {
    if (opts.path !== undefined) throw new UserError(`${claim.id} is probabilistic: replay it with its seed alone (no --path)`);
    return runMonteCarlo(claim, { seed: opts.seed, trials: opts.runs, trialsScale: opts.runsScale });
  }
  return runClaim(claim, opts);
}

/** The sabotaged variant of a claim of either kind. */
export function sabotageAnyClaim(claim: AnyClaim): AnyClaim {
  return isMonteCarloClaim(claim) ? monteCarloSabotaged(claim) : sabotagedVariant(claim);
}

/** The claim as a deterministic one, or a UserError naming the command that does not apply. */
export function deterministic(claim: AnyClaim, command: string): Claim {
  if (isMonteCarloClaim(claim))
    throw new UserError(`${claim.id} is probabilistic: ${command} applies to deterministic claims (its Monte Carlo estimates and constants are in the check report)`);
  return claim;
}

export { isMonteCarloClaim };
