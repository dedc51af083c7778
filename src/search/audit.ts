/**
 * The report's audit of every claim: the slack of each printed constant (a `tighten` search with a
 * fixed evaluation budget, so the result is the same on every machine) and the boundary of each
 * hypothesis parameter (an `explore` scan over the claim's exploration range).
 */
import type { Claim } from '../claims/types.ts';
import { exploreOne } from './explore.ts';
import { tighten, type TightenResult } from './tighten.ts';

export interface SlackEntry {
  readonly constant: string;
  readonly formula: string;
  readonly printed: number;
  readonly best: number;
  readonly ratio: number;
  readonly evaluations: number;
  readonly seed: number;
  /** Where the worst instance is saved (relative to the report directory). */
  readonly instanceFile: string;
}

export interface BoundaryEntry {
  readonly parameter: string;
  readonly description: string;
  readonly allowed: readonly [number, number];
  readonly range: readonly [number, number];
  /** The largest value at which no counterexample was found, below the first failure. */
  readonly lastHeld: number | null;
  /** The smallest value found refuted, or null when the whole range held. */
  readonly firstFailure: number | null;
  readonly replay: string | null;
  readonly runsPerPoint: number;
}

export interface AuditOptions {
  readonly tightenBudget: number;
  readonly seed: number;
  /** Instances per explored value (capped by the claim's own default). */
  readonly exploreRuns: number;
  readonly exploreSteps: number;
  readonly saveTighten: (r: TightenResult) => string;
}

export function slackOf(claim: Claim, opts: AuditOptions): SlackEntry[] {
  if (opts.tightenBudget <= 0) return [];
  return Object.keys(claim.witness ?? {}).map((name) => {
    const r = tighten(claim, name, { budget: Math.min(opts.tightenBudget, claim.auditBudget ?? Number.POSITIVE_INFINITY), seed: opts.seed });
    return {
      constant: name,
      formula: r.formula,
      printed: r.printed,
      best: r.best,
      ratio: r.ratio,
      evaluations: r.evaluations,
      seed: r.seed,
      instanceFile: opts.saveTighten(r),
    };
  });
}

export function boundariesOf(claim: Claim, opts: AuditOptions): BoundaryEntry[] {
  if (opts.exploreSteps <= 0 || claim.expected !== 'holds') return [];
  const runs = Math.min(opts.exploreRuns, claim.runs ?? opts.exploreRuns);
  return Object.entries(claim.parameters?.specs ?? {}).map(([name, spec]) => {
    const r = exploreOne(claim, name, spec.explore, { steps: opts.exploreSteps, runs, seed: opts.seed });
    return {
      parameter: name,
      description: spec.description,
      allowed: spec.allowed,
      range: spec.explore,
      lastHeld: r.lastHeld,
      firstFailure: r.firstFailure?.value ?? null,
      replay: r.firstFailure?.record.replay ?? null,
      runsPerPoint: runs,
    };
  });
}
